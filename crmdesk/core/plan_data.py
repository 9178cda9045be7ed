"""Plain, frozen values that describe a printed account plan or review pack.

The builders in :mod:`crmdesk.core.plan_document` fill these from the
database in one session; the PDF writers in :mod:`crmdesk.reports` read
only these, so they never touch the database or an ORM object and can run
on any thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from crmdesk.db.enums import AccountStatus, LifecycleStage, Tier

if TYPE_CHECKING:
    from crmdesk.core.analysis import PortfolioAnalysis
    from crmdesk.core.health import AccountHealth
    from crmdesk.core.health_store import HistoryPoint


@dataclass(frozen=True)
class AccountSnapshot:
    id: int
    uuid: uuid.UUID
    name: str
    tier: Tier
    status: AccountStatus
    lifecycle_stage: LifecycleStage
    owner: str | None
    currency: str
    annual_value: Decimal | None
    potential_value: Decimal | None
    industry: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class ItemData:
    """One entry of a list section (objective, SWOT entry, competitor,
    opportunity, risk, action); which fields matter depends on the section."""

    section: str
    title: str
    detail: str | None = None
    party: str | None = None
    owner: str | None = None
    due_date: date | None = None
    status: str | None = None
    measure: str | None = None
    value: Decimal | None = None
    stage: str | None = None
    expected_close: date | None = None
    likelihood: str | None = None
    impact: str | None = None
    mitigation: str | None = None
    changed: bool = False
    proposed: bool = False  # proposed from the data, not entered by a person


@dataclass(frozen=True)
class Stakeholder:
    id: int
    name: str
    job_title: str | None
    level: str | None  # label
    buying_role: str | None  # label
    stance: str | None  # stance value: knower, preferer, indifferent, rejecter
    reports_to_id: int | None
    relationship_holder: str | None
    last_contact: date | None


@dataclass(frozen=True)
class ActivitySeries:
    """Interactions per month over the last twelve months, by kind group."""

    months: tuple[date, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]

    @property
    def total(self) -> int:
        return sum(sum(values) for _label, values in self.series)


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime
    kind: str
    subject: str
    people: str
    outcome: str | None = None


@dataclass(frozen=True)
class FollowUpEntry:
    due: datetime
    subject: str
    state: str  # overdue, today, upcoming


@dataclass(frozen=True)
class PlanDocument:
    account: AccountSnapshot
    printed_at: datetime
    has_plan: bool
    period_start: date | None = None
    period_end: date | None = None
    plan_status: str | None = None
    previous_period: tuple[date, date] | None = None
    texts: dict[str, str] = field(default_factory=dict)  # plan text fields by column name
    items: tuple[ItemData, ...] = ()
    stakeholders: tuple[Stakeholder, ...] = ()
    coverage_gaps: tuple[str, ...] = ()
    signals: tuple[ItemData, ...] = ()  # risks proposed from the data
    activity: ActivitySeries | None = None
    satisfaction: tuple[tuple[date, int], ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    timeline_more: int = 0  # older entries of the period left out
    follow_ups: tuple[FollowUpEntry, ...] = ()
    health: AccountHealth | None = None  # None for a lost account
    health_history: tuple[HistoryPoint, ...] = ()  # weekly snapshots, oldest first

    def items_in(self, *sections: str) -> list[ItemData]:
        return [item for item in self.items if item.section in sections]


@dataclass(frozen=True)
class TierSummary:
    tier: Tier
    accounts: int
    value: dict[str, Decimal]  # currency -> annual value


@dataclass(frozen=True)
class AtRiskRow:
    name: str
    tier: Tier
    owner: str | None
    reasons: str
    score: int | None = None  # health score, when the account has one


@dataclass(frozen=True)
class OverdueRow:
    name: str
    owner: str | None
    overdue: int
    oldest: date


@dataclass(frozen=True)
class PackDocument:
    title: str
    selection: str  # what was chosen, in words
    printed_at: datetime
    tiers: tuple[TierSummary, ...]
    at_risk: tuple[AtRiskRow, ...]
    overdue: tuple[OverdueRow, ...]
    plans: tuple[PlanDocument, ...]
    analysis: PortfolioAnalysis | None = None  # the whole portfolio (crmdesk.core.analysis)

"""Relationship health: a 0–100 score per account that explains itself.

The score is the sum of named components; each gets up to its weight in
:data:`WEIGHTS` (which add up to 100) and says in one sentence why it got
what it got. Component bands: *green* (nothing to do), *yellow* (worth a
look), *red* (act now). The account's band is green from 80, yellow from
60, red below — and red whenever any component is red; *needs attention*
means a red account.

Not to be confused with :mod:`crmdesk.db.health`, the database *file*'s
integrity check.

**Adding a component** (planned: falling revenue; complaints past a
per-tier response target): gather its numbers in
:mod:`crmdesk.core.health_facts` (a field on ``Facts`` and one aggregate
query in ``GATHERERS``), write a scorer ``(Facts, Context) -> Component``,
add it to :data:`SCORERS` and give it a weight in :data:`WEIGHTS`, taking
the points from the others so they still add up to 100 (a test checks).
Everything else — the CLI, snapshots, the PDFs, the worklist — picks it up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from crmdesk.core import cadence
from crmdesk.core.cadence import Cadence, State
from crmdesk.core.complaints import RESPONSE_TARGET_DAYS
from crmdesk.core.health_facts import Facts, Selection, Watched, gather
from crmdesk.db.engine import Database
from crmdesk.db.enums import Tier
from crmdesk.db.types import utcnow
from crmdesk.errors import NotFoundError


class Band(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


#: the points each component can give; they add up to 100
WEIGHTS: dict[str, int] = {
    "last_touch": 30,
    "key_contacts": 15,
    "complaints": 15,
    "coverage": 10,
    "satisfaction": 10,
    "activity_trend": 10,
    "follow_ups": 5,
    "plan": 5,
}
GREEN_FROM, YELLOW_FROM = 80, 60
COMPLAINT_AGE_LIMIT = 30  # days an open complaint may stay open; past its tier's
# response target (crmdesk.core.complaints.RESPONSE_TARGET_DAYS) it is red sooner
OVERDUE_RED_DAYS, OVERDUE_RED_COUNT = 30, 5
PLAN_REVIEW_DAYS = {Tier.STRATEGIC: 90, Tier.PARTNER: 180}  # partner/strategic only
TREND_MIN_BEFORE = 4  # fewer touches than this in the earlier 90 days: no trend to judge


@dataclass(frozen=True)
class Component:
    """One line of the explanation: points out of the weight, and why."""

    key: str
    title: str
    points: int
    weight: int
    band: Band
    text: str
    details: tuple[str, ...] = ()
    action: str | None = None  # where it is fixed: log_touch, open_people, …
    contact_ids: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "points": self.points,
            "max": self.weight,
            "band": self.band.value,
            "text": self.text,
            "details": list(self.details),
            "action": self.action,
            "contact_ids": list(self.contact_ids),
        }


@dataclass(frozen=True)
class AccountHealth:
    account_id: int
    uuid: str
    name: str
    tier: Tier
    owner: str | None
    score: int
    band: Band
    components: tuple[Component, ...]
    last_touch: datetime | None
    days_since_touch: int | None
    cadence: Cadence

    @property
    def needs_attention(self) -> bool:
        return self.band is Band.RED

    def component(self, key: str) -> Component:
        return next(c for c in self.components if c.key == key)

    def problems(self) -> list[Component]:
        return [c for c in self.components if c.band is not Band.GREEN]

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.name,
            "uuid": self.uuid,
            "tier": self.tier.value,
            "owner": self.owner,
            "score": self.score,
            "band": self.band.value,
            "needs_attention": self.needs_attention,
            "last_touch": self.last_touch.isoformat() if self.last_touch else None,
            "days_since_touch": self.days_since_touch,
            "cadence": self.cadence.to_json(),
            "components": [c.to_json() for c in self.components],
        }


@dataclass(frozen=True)
class Context:
    """When the score is computed; local dates by the current UTC offset
    (converting each of 50,000 times to local time cost most of a second)."""

    now: datetime

    def __post_init__(self) -> None:
        local = self.now.astimezone()
        object.__setattr__(self, "_offset", local.utcoffset() or timedelta(0))
        object.__setattr__(self, "_today", local.date())

    def days(self, when: datetime | None) -> int | None:
        """Whole local calendar days since ``when`` (as cadence.days_since)."""
        if when is None:
            return None
        day = (when + self._offset).date()  # type: ignore[attr-defined]
        return max(0, (self._today - day).days)  # type: ignore[attr-defined]


def _c(key: str, points: float, band: Band, text: str, **kw: Any) -> Component:
    weight = WEIGHTS[key]
    value = max(0, min(weight, round(points)))
    return Component(key, TITLES[key], value, weight, band, text, **kw)


def _iso(when: datetime | None) -> str:
    return when.astimezone().date().isoformat() if when else "never"


def score_last_touch(f: Facts, ctx: Context) -> Component:
    cad = cadence.account_cadence(f.tier, f.cadence_days)
    days, w = ctx.days(f.last_touch), WEIGHTS["last_touch"]
    whose = (
        "set for this account"
        if cad.source is cadence.Source.ACCOUNT
        else (f"{f.tier.label.lower()} default")
    )
    rule = f"cadence {cad.describe()}, {whose}"
    state = cad.state(days)
    if days is None:
        return _c("last_touch", 0, Band.RED, f"No touch recorded ({rule}).", action="log_touch")
    if state is State.OK:
        text = f"Last touch {days} days ago, on {_iso(f.last_touch)} ({rule})."
        return _c("last_touch", w, Band.GREEN, text, action="log_touch")
    if state is State.DUE:
        late = (days - cad.ideal_days) / max(1, cad.max_days - cad.ideal_days)
        text = f"A touch is due: the last was {days} days ago, on {_iso(f.last_touch)} ({rule})."
        return _c("last_touch", w * (1 - 0.5 * late), Band.YELLOW, text, action="log_touch")
    text = (
        f"No touch for {days} days, past the maximum of {cad.max_days} "
        f"(last on {_iso(f.last_touch)}; {rule})."
    )
    return _c("last_touch", 0, Band.RED, text, action="log_touch")


def _watched_line(w: Watched, cad: Cadence, days: int | None) -> str:
    role = f" ({w.role.label.lower()})" if w.role else ""
    since = f"no touch for {days} days" if days is not None else "never touched"
    return f"{w.name}{role}: {since}; keep in touch {cad.describe()}."


def score_key_contacts(f: Facts, ctx: Context) -> Component:
    w = WEIGHTS["key_contacts"]
    if not f.watched:
        return _c("key_contacts", w, Band.GREEN, "No key contacts to keep in touch with.",
                  action="open_people")  # fmt: skip
    late: list[tuple[Watched, Cadence, int | None, State]] = []
    for person in f.watched:
        cad = cadence.contact_cadence(f.tier, person.role, person.stay_in_touch_days)
        if cad is None:
            continue
        days = ctx.days(person.last_touch)
        state = cad.state(days)
        if state is not State.OK:
            late.append((person, cad, days, state))
    if not late:
        text = f"All {len(f.watched)} key contacts touched within their cadence."
        return _c("key_contacts", w, Band.GREEN, text, action="open_people")
    silent = sum(1 for *_x, s in late if s is State.OVERDUE)
    due = len(late) - silent
    parts = []
    if silent:
        parts.append(f"{silent} key contact{'s' if silent > 1 else ''} silent past the maximum")
    if due:
        parts.append(f"{due} due for a touch")
    names = ", ".join(p.name for p, *_x in late[:3])
    if len(late) > 3:
        names += f" and {len(late) - 3} more"
    return _c(
        "key_contacts",
        w - 8 * silent - 3 * due,
        Band.RED if silent else Band.YELLOW,
        f"{' and '.join(parts).capitalize()}: {names}.",
        details=tuple(_watched_line(p, c, d) for p, c, d, _s in late),
        action="log_touch",
        contact_ids=tuple(p.id for p, *_x in late),
    )


def score_coverage(f: Facts, ctx: Context) -> Component:
    w = WEIGHTS["coverage"]
    if f.tier is Tier.TRANSACTIONAL:
        return _c("coverage", w, Band.GREEN, "Not tracked for transactional accounts.")
    if not f.contacts:
        return _c("coverage", 0, Band.RED, "No contacts recorded: nobody to hold the "
                  "relationship with.", details=("No contacts recorded.",),
                  action="open_people")  # fmt: skip
    gaps: list[tuple[int, str]] = []
    if not f.has_decision_maker:
        gaps.append((4, "No decision maker among the contacts."))
    if not f.has_champion:
        gaps.append((3, "No champion: nobody inside argues for us."))
    tier = f.tier.label.lower()
    if f.levels <= 1:
        gaps.append((3, f"Only one level covered; {tier} accounts need contacts at several."))
    elif f.tier is Tier.STRATEGIC and not f.has_executive:
        gaps.append((2, "No executive contact: a strategic account needs an executive sponsor."))
    if not gaps:
        text = f"Decision maker, champion and {f.levels} levels covered."
        return _c("coverage", w, Band.GREEN, text, action="open_people")
    band = Band.RED if not f.has_decision_maker else Band.YELLOW
    lines = tuple(g for _p, g in gaps)
    return _c("coverage", w - sum(p for p, _g in gaps), band, " ".join(lines), details=lines,
              action="open_people")  # fmt: skip


def score_complaints(f: Facts, ctx: Context) -> Component:
    w, n = WEIGHTS["complaints"], f.open_complaints
    if not n:
        return _c("complaints", w, Band.GREEN, "No open complaints.")
    age = ctx.days(f.oldest_complaint) or 0
    what = f"{n} open complaint{'s' if n > 1 else ''}"
    oldest = "open" if n == 1 else "the oldest open"
    text = f"{what}, {oldest} for {age} days (limit {COMPLAINT_AGE_LIMIT})."
    if age > COMPLAINT_AGE_LIMIT:
        return _c("complaints", 0, Band.RED, text, action="open_complaints")
    if f.overdue_complaints:  # past the tier's response target (crmdesk.core.complaints)
        late = f.overdue_complaints
        target = RESPONSE_TARGET_DAYS[f.tier]
        text += (
            f" {late} past the response target of {target} working days"
            f" for a {f.tier.label.lower()} account."
        )
        return _c("complaints", 0, Band.RED, text, action="open_complaints")
    return _c("complaints", w - 5 * n, Band.YELLOW, text, action="open_complaints")


def satisfaction_falling(f: Facts) -> bool:
    latest = f.latest_score
    if latest is None or f.mean_before is None or f.previous_score is None:
        return False
    return latest <= f.mean_before - 1 or (latest < f.previous_score and latest <= 5)


def score_satisfaction(f: Facts, ctx: Context) -> Component:
    w, latest = WEIGHTS["satisfaction"], f.latest_score
    if latest is None:
        return _c("satisfaction", w, Band.GREEN, "No satisfaction check in the last two years.",
                  action="log_satisfaction")  # fmt: skip
    falling = satisfaction_falling(f)
    when = _iso(f.latest_score_at)
    if f.mean_before is None:
        trend = "the only check"
    elif falling:
        trend = f"falling from an average of {f.mean_before:.1f} before"
    else:
        trend = f"average {f.mean_before:.1f} before"
    level = 6 if latest >= 7 else 3 if latest >= 5 else 0
    band = Band.RED if latest <= 4 else Band.YELLOW if falling or latest <= 6 else Band.GREEN
    text = f"Latest score {latest}/10 on {when}, {trend}."
    return _c("satisfaction", level + (0 if falling else 4), band, text,
              action="log_satisfaction")  # fmt: skip


def score_activity_trend(f: Facts, ctx: Context) -> Component:
    w, recent, before = WEIGHTS["activity_trend"], f.touches_recent, f.touches_before
    touches = f"{recent} touch{'' if recent == 1 else 'es'}"
    counts = f"{touches} in the last 90 days against {before} in the 90 before"
    if before < TREND_MIN_BEFORE:
        text = f"{touches} in the last 90 days (too few before to judge a trend)."
        return _c("activity_trend", w, Band.GREEN, text)
    ratio = recent / before
    if ratio >= 0.75:
        return _c("activity_trend", w, Band.GREEN, f"Steady: {counts}.")
    if ratio <= 0.5:
        return _c("activity_trend", 0, Band.RED, f"Declining: {counts}.", action="log_touch")
    points = w * (ratio - 0.5) / 0.25
    return _c("activity_trend", points, Band.YELLOW, f"Slowing: {counts}.", action="log_touch")


def score_follow_ups(f: Facts, ctx: Context) -> Component:
    w, n = WEIGHTS["follow_ups"], f.overdue_follow_ups
    if not n:
        return _c("follow_ups", w, Band.GREEN, "No overdue follow-ups.")
    late = ctx.days(f.oldest_overdue) or 0
    text = (
        f"{n} overdue follow-up{'s' if n > 1 else ''}, "
        f"{'due' if n == 1 else 'the oldest due'} {late} days ago."
    )
    red = late > OVERDUE_RED_DAYS or n >= OVERDUE_RED_COUNT
    return _c("follow_ups", 0 if red else 2, Band.RED if red else Band.YELLOW, text,
              action="open_follow_ups")  # fmt: skip


def score_plan(f: Facts, ctx: Context) -> Component:
    w = WEIGHTS["plan"]
    review_days = PLAN_REVIEW_DAYS.get(f.tier)
    if review_days is None:
        return _c("plan", w, Band.GREEN, "No account plan needed for a transactional account.")
    if f.plan_period is None:
        text = f"No active plan for this period: a {f.tier.label.lower()} account needs one."
        return _c("plan", 0, Band.YELLOW, text, action="start_plan")
    start, end = f.plan_period
    age = ctx.days(f.plan_reviewed_at) or 0
    period = f"Active plan {start.isoformat()} – {end.isoformat()}"
    if age > review_days:
        text = f"{period}, last reviewed {age} days ago (review every {review_days} days)."
        return _c("plan", 2, Band.YELLOW, text, action="open_plan")
    return _c("plan", w, Band.GREEN, f"{period}, last reviewed {age} days ago.",
              action="open_plan")  # fmt: skip


TITLES: dict[str, str] = {
    "last_touch": "Last touch",
    "key_contacts": "Key contacts",
    "complaints": "Open complaints",
    "coverage": "Stakeholder coverage",
    "satisfaction": "Satisfaction",
    "activity_trend": "Activity trend",
    "follow_ups": "Overdue follow-ups",
    "plan": "Account plan",
}
Scorer = Callable[[Facts, Context], Component]
#: the components, in the order they are explained
SCORERS: dict[str, Scorer] = {
    "last_touch": score_last_touch,
    "key_contacts": score_key_contacts,
    "complaints": score_complaints,
    "coverage": score_coverage,
    "satisfaction": score_satisfaction,
    "activity_trend": score_activity_trend,
    "follow_ups": score_follow_ups,
    "plan": score_plan,
}


def band_for(score: int, components: Iterable[Component] = ()) -> Band:
    if any(c.band is Band.RED for c in components):
        return Band.RED
    return Band.GREEN if score >= GREEN_FROM else Band.YELLOW if score >= YELLOW_FROM else Band.RED


def assess(f: Facts, ctx: Context) -> AccountHealth:
    """Score one account's gathered facts (no database)."""
    components = tuple(scorer(f, ctx) for scorer in SCORERS.values())
    score = sum(c.points for c in components)
    return AccountHealth(
        account_id=f.account_id,
        uuid=str(f.uuid),
        name=f.name,
        tier=f.tier,
        owner=f.owner,
        score=score,
        band=band_for(score, components),
        components=components,
        last_touch=f.last_touch,
        days_since_touch=ctx.days(f.last_touch),
        cadence=cadence.account_cadence(f.tier, f.cadence_days),
    )


def health_in_session(session: Any, sel: Selection, now: datetime) -> dict[int, AccountHealth]:
    ctx = Context(now)
    return {acc: assess(f, ctx) for acc, f in gather(session, sel, now).items()}


def portfolio_health(
    db: Database,
    *,
    tiers: Iterable[Tier] = (),
    owner: str | None = None,
    ids: Iterable[int] | None = None,
    needs_attention: bool = False,
    now: datetime | None = None,
) -> list[AccountHealth]:
    """Health of every selected live account that is not lost, worst first
    (then by name)."""
    sel = Selection(frozenset(tiers), owner, frozenset(ids) if ids is not None else None)
    with db.session() as session:
        rows = list(health_in_session(session, sel, now or utcnow()).values())
    if needs_attention:
        rows = [r for r in rows if r.needs_attention]
    return sorted(rows, key=lambda r: (r.score, r.name.lower(), r.account_id))


def account_health(db: Database, account_id: int, *, now: datetime | None = None) -> AccountHealth:
    rows = portfolio_health(db, ids=[account_id], now=now)
    if not rows:
        raise NotFoundError(f"no live account with id {account_id} (lost accounts have no score)")
    return rows[0]

"""The "ask them" questionnaire: what a one-page visit form needs, gathered
in one read-only session into a frozen dataclass (rendered by
crmdesk.reports.questionnaire_pdf without the database). The answers are
keyed back in with crmdesk.core.satisfaction.record (``crmdesk
satisfaction ACCOUNT --record KIND SCORE``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from crmdesk.core import complaints, satisfaction
from crmdesk.db.engine import Database
from crmdesk.db.enums import BuyingRole, Tier
from crmdesk.db.models import Account, Contact
from crmdesk.db.types import utcnow
from crmdesk.errors import NotFoundError

#: the open questions, in the order they are asked
OPEN_QUESTIONS = (
    "What is the one thing we should improve in the next three months?",
    "What did we do well since we last spoke?",
    "How is your own business changing, and how could we help with that?",
    "Who else in your organisation should we be talking to?",
)
KEY_ROLES = (BuyingRole.DECISION_MAKER, BuyingRole.ECONOMIC_BUYER, BuyingRole.CHAMPION)


@dataclass(frozen=True)
class Person:
    name: str
    job_title: str | None
    role: str | None
    last_answer: str | None  # "NPS 9 on 2026-05-01"


@dataclass(frozen=True)
class QuestionnaireData:
    account: str
    tier: Tier
    owner: str | None
    printed_at: datetime
    last_answer: str | None
    open_complaints: tuple[str, ...]  # subjects, most urgent first
    people: tuple[Person, ...]
    questions: tuple[str, ...] = OPEN_QUESTIONS


def gather_questionnaire(
    db: Database, account_id: int, *, now: datetime | None = None, people: int = 6
) -> QuestionnaireData:
    now = now or utcnow()
    with db.session() as session:
        account = session.get(Account, account_id)
        if account is None or account.is_deleted:
            raise NotFoundError(f"no account with id {account_id}")
        contacts = list(
            session.scalars(
                select(Contact).where(Contact.account_id == account_id,
                                      Contact.deleted_at.is_(None))
            )
        )  # fmt: skip
    answers = {c.contact_id: c for c in satisfaction.by_contact(db, account_id, now=now)}
    idx = satisfaction.index(db, account_ids=[account_id], now=now).accounts
    open_rows = complaints.register(db, open_only=True, account_id=account_id, now=now)

    def rank(c: Contact) -> tuple[int, str]:
        key = 0 if c.buying_role in KEY_ROLES else 1
        return (key if c.id not in answers else key - 2, c.last_name.lower())

    chosen = sorted(contacts, key=rank)[:people]
    last = None
    kind, at = (idx[0].latest_kind, idx[0].latest_at) if idx else (None, None)
    if kind is not None and at is not None:
        last = f"{kind.label} {idx[0].latest_score} on {at.date().isoformat()}"
    return QuestionnaireData(
        account=account.name,
        tier=account.tier,
        owner=account.owner,
        printed_at=now,
        last_answer=last,
        open_complaints=tuple(f"{r.subject} ({r.signal.label.lower()})" for r in open_rows[:4]),
        people=tuple(
            Person(
                c.full_name, c.job_title, c.buying_role.label if c.buying_role else None,
                (f"{answers[c.id].latest_kind.value.upper()} {answers[c.id].latest_score} on "
                 f"{answers[c.id].latest_at.date().isoformat()}") if c.id in answers else None,
            )
            for c in chosen
        ),
    )  # fmt: skip

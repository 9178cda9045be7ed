"""Realistic, deterministic sample data (``crmdesk demo``).

Bulk inserts through SQLAlchemy Core in one transaction, with the full-text
triggers suspended and the indexes rebuilt once at the end: 10,000 accounts,
~60,000 contacts and ~300,000 activities load in well under a minute.
"""

from __future__ import annotations

import itertools
import random
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, func, select

from crmdesk.core import demo_data as words
from crmdesk.core import demo_plans
from crmdesk.core.demo_retention import add_retention
from crmdesk.db import fts
from crmdesk.db.engine import Database
from crmdesk.db.enums import (
    AccountStatus,
    AcquisitionSource,
    ActivityKind,
    BuyingRole,
    ComplaintStatus,
    ContactLevel,
    DefectionType,
    Direction,
    EmployeeBand,
    LifecycleStage,
    Stance,
    Tier,
)
from crmdesk.db.models import Account, Activity, Contact, TierChange, activity_contacts
from crmdesk.db.models_plans import AccountPlan, PlanItem
from crmdesk.db.types import utcnow

Progress = Callable[[int, int], None]

# tier -> (share of accounts, contacts range, activities range, annual value range)
TIER_SHAPE = {
    Tier.TRANSACTIONAL: (0.80, (2, 9), (15, 33), (5_000, 250_000)),
    Tier.PARTNER: (0.15, (6, 13), (40, 70), (200_000, 2_000_000)),
    Tier.STRATEGIC: (0.05, (10, 15), (80, 120), (1_000_000, 12_000_000)),
}
KIND_WEIGHTS = {
    ActivityKind.CALL: 24,
    ActivityKind.EMAIL: 30,
    ActivityKind.MEETING: 10,
    ActivityKind.SITE_VISIT: 3,
    ActivityKind.CHAT: 4,
    ActivityKind.SOCIAL: 2,
    ActivityKind.WEB: 3,
    ActivityKind.LETTER: 1,
    ActivityKind.CAMPAIGN_RESPONSE: 2,
    ActivityKind.COMPLAINT: 2,
    ActivityKind.SATISFACTION_CHECK: 3,
    ActivityKind.NOTE: 6,
    ActivityKind.TASK: 10,
}
LEVELS = list(ContactLevel)
STATUSES = [AccountStatus.ACTIVE, AccountStatus.AT_RISK, AccountStatus.LOST]


@dataclass(frozen=True)
class DemoResult:
    accounts: int
    contacts: int
    activities: int


class _Generator:
    def __init__(self, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.uuid_salt = 0
        self.kinds = list(KIND_WEIGHTS)
        self.cum_weights = list(itertools.accumulate(KIND_WEIGHTS.values()))
        self.complaint_states = list(ComplaintStatus)
        # pools drawn once: realistic variety at a fraction of the cost
        rng = self.rng
        self.subjects = {
            kind: [
                rng.choice(words.SUBJECTS[kind.value]).format(
                    q=rng.randint(1, 4), n=rng.randint(1000, 9999)
                )
                for _ in range(200)
            ]
            for kind in self.kinds
        }
        self.notes = [
            " ".join(rng.sample(words.NOTE_WORDS, 4)).capitalize() + "." for _ in range(2000)
        ]

    def uuid(self) -> uuid.UUID:
        # XOR with a constant keeps the run's UUIDs distinct from each other;
        # the salt keeps them distinct from an earlier run's with the same seed.
        return uuid.UUID(int=self.rng.getrandbits(128) ^ self.uuid_salt, version=4)

    def tier(self, index: int, total: int) -> Tier:
        # spread deterministically so even small demos have all three tiers
        position = (index * 7919) % total / total
        if position < TIER_SHAPE[Tier.STRATEGIC][0]:
            return Tier.STRATEGIC
        if position < TIER_SHAPE[Tier.STRATEGIC][0] + TIER_SHAPE[Tier.PARTNER][0]:
            return Tier.PARTNER
        return Tier.TRANSACTIONAL

    def account(self, account_id: int, tier: Tier, used_names: set[str]) -> dict[str, Any]:
        r = self.rng
        name = ""
        while not name or name in used_names:
            name = " ".join(
                p
                for p in (
                    r.choice(words.COMPANY_PREFIXES),
                    r.choice(words.COMPANY_CORES),
                    r.choice(words.COMPANY_SUFFIXES),
                )
                if p
            )
            if name in used_names:
                name = f"{name} {r.choice(words.COUNTRIES)}-{r.randint(2, 99)}"
        used_names.add(name)
        country = r.choice(words.COUNTRIES)
        low, high = TIER_SHAPE[tier][3]
        value = Decimal(r.randrange(low, high, 500))
        status = r.choices(STATUSES, weights=(90, 7, 3))[0]
        defection = r.choice(list(DefectionType)) if status is AccountStatus.LOST else None
        slug = "".join(ch for ch in name.split()[0].lower() if ch.isascii() and ch.isalnum())
        created = self.now - timedelta(days=r.randint(400, 3000))
        return {
            "id": account_id,
            "uuid": self.uuid(),
            "name": name,
            "industry": r.choice(words.INDUSTRIES),
            "employee_band": r.choice(list(EmployeeBand)),
            "website": f"https://www.{slug or 'example'}{account_id}.example",
            "address": f"{r.choice(words.STREETS)} {r.randint(1, 200)}\n"
            f"{r.randint(10000, 99999)} {r.choice(words.CITIES[country])}",
            "country": country,
            "tier": tier,
            "lifecycle_stage": r.choice(list(LifecycleStage)),
            "acquisition_source": r.choice(list(AcquisitionSource)),
            "status": status,
            "defection_type": defection,
            "defection_reason": words.DEFECTION_REASONS[defection.value] if defection else None,
            "owner": r.choice(words.OWNERS),
            "currency": "EUR",
            "annual_value": value,
            "potential_value": value * Decimal(r.choice((1, 1.5, 2, 3))),
            "parent_id": None,
            "notes": None,
            "created_at": created,
            "updated_at": created,
            "deleted_at": None,
        }

    def contacts(self, account: dict[str, Any], first_id: int, count: int) -> list[dict[str, Any]]:
        r = self.rng
        domain = account["website"].removeprefix("https://www.")
        people: list[dict[str, Any]] = []
        for offset in range(count):
            level = LEVELS[min(offset, 3)] if offset < 4 else r.choice(LEVELS[1:])
            first, last = r.choice(words.FIRST_NAMES), r.choice(words.LAST_NAMES)
            local = "".join(
                ch
                for ch in f"{first}.{last}".lower()
                if ch.isascii() and (ch.isalnum() or ch == ".")
            )
            boss = None
            if offset:
                higher = [p for p in people if LEVELS.index(p["level"]) < LEVELS.index(level)]
                boss = r.choice(higher)["id"] if higher else people[0]["id"]
            people.append(
                {
                    "id": first_id + offset,
                    "uuid": self.uuid(),
                    "account_id": account["id"],
                    "first_name": first,
                    "last_name": last,
                    "job_title": r.choice(words.TITLES_BY_LEVEL[level.value]),
                    "department": r.choice(words.DEPARTMENTS),
                    "level": level,
                    "email": f"{local.strip('.') or 'contact'}{first_id + offset}@{domain}",
                    "email_secondary": None,
                    "phone": f"+49 40 {r.randint(1000000, 9999999)}",
                    "mobile": f"+49 17{r.randint(0, 9)} {r.randint(1000000, 9999999)}"
                    if r.random() < 0.6
                    else None,
                    "buying_role": r.choice(list(BuyingRole)),
                    "stance": r.choice(list(Stance)),
                    "reports_to_id": boss,
                    "relationship_holder": account["owner"],
                    "notes": None,
                    "created_at": account["created_at"],
                    "updated_at": account["created_at"],
                    "deleted_at": None,
                }
            )
        return people

    def activities(
        self, account: dict[str, Any], people: list[dict[str, Any]], first_id: int, count: int
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        r = self.rng
        rows, links = [], []
        quiet = account["status"] is not AccountStatus.ACTIVE
        kinds = r.choices(self.kinds, cum_weights=self.cum_weights, k=count)
        directions = list(Direction)
        earliest = 60 * 86400 if quiet else 0
        for offset, kind in enumerate(kinds):
            when = self.now - timedelta(seconds=r.randrange(earliest, 365 * 86400))
            due = completed = None
            if kind is ActivityKind.TASK:
                due = when + timedelta(days=r.randint(1, 21))
                if due < self.now - timedelta(days=r.randint(0, 20)):
                    completed = due - timedelta(days=r.randint(0, 2))
            activity_id = first_id + offset
            rows.append(
                {
                    "id": activity_id,
                    "uuid": self.uuid(),
                    "account_id": account["id"],
                    "kind": kind,
                    "direction": r.choice(directions),
                    "subject": r.choice(self.subjects[kind]),
                    "notes": r.choice(self.notes),
                    "occurred_at": when,
                    "due_at": due,
                    "completed_at": completed,
                    "outcome": None,
                    "complaint_status": r.choice(self.complaint_states)
                    if kind is ActivityKind.COMPLAINT
                    else None,
                    "satisfaction_score": r.randint(3, 10)
                    if kind is ActivityKind.SATISFACTION_CHECK
                    else None,
                    "created_at": when,
                    "updated_at": when,
                    "deleted_at": None,
                }
            )
            links.append({"activity_id": activity_id, "contact_id": r.choice(people)["id"]})
            if len(people) > 1 and r.random() < 0.3:
                second = r.choice(people)["id"]
                if second != links[-1]["contact_id"]:
                    links.append({"activity_id": activity_id, "contact_id": second})
        return rows, links


def _bulk_insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """executemany straight on the driver, values converted by each column's
    own SQLAlchemy bind processor: the same stored form as an ORM insert,
    without per-row statement overhead (4-5x faster for 300k rows)."""
    if not rows:
        return
    columns = [c for c in table.columns if c.name in rows[0]]
    processors = [c.type.bind_processor(conn.dialect) for c in columns]
    names = [c.name for c in columns]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    get = itemgetter(*names)
    convert = [(i, proc) for i, proc in enumerate(processors) if proc is not None]
    data = []
    for row in rows:
        values = list(get(row)) if len(names) > 1 else [get(row)]
        for i, proc in convert:
            values[i] = proc(values[i])
        data.append(tuple(values))
    conn.exec_driver_sql(sql, data)


def _next_id(conn: Connection, table: Any) -> int:
    return int(conn.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1


def generate_demo(
    db: Database, accounts: int = 500, seed: int = 1, progress: Progress | None = None
) -> DemoResult:
    """Add ``accounts`` sample accounts with contacts, a year of activity
    and, for partner and strategic accounts, this year's plan."""
    if accounts < 1:
        from crmdesk.errors import InvalidValueError

        raise InvalidValueError("the number of accounts must be at least 1")
    gen = _Generator(seed, utcnow().replace(minute=0, second=0, microsecond=0))
    totals = [0, 0, 0]
    chunk = 500
    with db.engine.begin() as conn, fts.triggers_suspended(conn):
        account_id = first_account_id = _next_id(conn, Account.__table__)
        contact_id = _next_id(conn, Contact.__table__)
        activity_id = _next_id(conn, Activity.__table__)
        plan_id = _next_id(conn, AccountPlan.__table__)
        plan_rng = random.Random(f"plans-{seed}")  # its own stream: other rows stay as they were
        used = set(conn.scalars(select(Account.name)))
        if max(account_id, contact_id, activity_id, _next_id(conn, TierChange.__table__)) > 1:
            # Not the first demo here: the same seed would repeat the same
            # UUIDs (UNIQUE constraint failed). Same content, fresh UUIDs.
            gen.uuid_salt = secrets.randbits(128)
        for start in range(0, accounts, chunk):
            batch: dict[str, list[dict[str, Any]]] = {
                "a": [], "t": [], "c": [], "x": [], "l": [], "p": [], "i": [],
            }  # fmt: skip
            for index in range(start, min(start + chunk, accounts)):
                tier = gen.tier(index, accounts)
                account = gen.account(account_id, tier, used)
                _share, c_range, x_range, _v = TIER_SHAPE[tier]
                people = gen.contacts(account, contact_id, gen.rng.randint(*c_range))
                acts, links = gen.activities(
                    account, people, activity_id, gen.rng.randint(*x_range)
                )
                batch["a"].append(account)
                batch["t"].append(
                    {
                        "uuid": gen.uuid(),
                        "account_id": account_id,
                        "from_tier": None,
                        "to_tier": tier,
                        "reason": "Created",
                        "changed_at": account["created_at"],
                        "changed_by": account["owner"],
                    }
                )
                batch["c"].extend(people)
                batch["x"].extend(acts)
                batch["l"].extend(links)
                if tier in demo_plans.PLANNED:
                    plan, items = demo_plans.plan_rows(plan_rng, account, people, plan_id, gen.now)
                    batch["p"].append(plan)
                    batch["i"].extend(items)
                    plan_id += 1
                account_id += 1
                contact_id += len(people)
                activity_id += len(acts)
            for key, table in (
                ("a", Account.__table__),
                ("t", TierChange.__table__),
                ("c", Contact.__table__),
                ("x", Activity.__table__),
                ("l", activity_contacts),
                ("p", AccountPlan.__table__),
                ("i", PlanItem.__table__),
            ):
                _bulk_insert(conn, table, batch[key])
            totals[0] += len(batch["a"])
            totals[1] += len(batch["c"])
            totals[2] += len(batch["x"])
            if progress:
                progress(totals[0], accounts)
        add_retention(conn, first_account_id, account_id - 1, seed, gen.now, _bulk_insert)
    return DemoResult(*totals)

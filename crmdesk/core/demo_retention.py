"""The retention part of the demo (``crmdesk demo``): a status history with
dated losses, reductions and win-backs, complaint categories, severities
and resolutions, satisfaction checks on all three scales, references and
referrals.

Runs after the main generator in the same transaction, with its own random
stream (so the rest of the demo is what it was), as a few bulk statements
over the new rows (the updates read the partial indexes of complaints and
checks): about 2 s of CPU for 10,000 accounts, against some 50 s for the
rest of the demo.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from crmdesk.core import demo_data as words
from crmdesk.db.enums import DefectionType
from crmdesk.db.models import Account
from crmdesk.db.models_retention import StatusChange

RECOVERY_ACTIONS = (
    "Credit note issued and delivery schedule re-agreed.",
    "Replacement shipped by express; root cause fixed at the warehouse.",
    "Invoice corrected and a named contact in accounts receivable assigned.",
    "Service review with their operations lead; weekly call for a month.",
    "Price held for the next two quarters as a goodwill gesture.",
    "Technician on site within 48 hours; faulty batch withdrawn.",
)
REFERENCE_LIMITS = (
    "Phone calls only, at most two a quarter.",
    "Case study with logo; no press quotes.",
    "Site visits for prospects in the same industry.",
    "Named reference in tenders; ask first each time.",
)
REDUCED_REASONS = {
    "price": "Moved half the volume to a cheaper second source.",
    "product": "Buys the new product line from a competitor.",
    "service": "Split the contract after delivery problems.",
    "market": "Their demand fell; they cut orders by a third.",
    "technological": "Part of the range replaced by a new technology.",
    "organisational": "New purchasing policy: two suppliers per category.",
}


def _seconds(when: datetime) -> str:
    return when.replace(tzinfo=None).isoformat(sep=" ")


Insert = Callable[[Connection, Any, list[dict[str, Any]]], None]


def add_retention(
    conn: Connection, first_id: int, last_id: int, seed: int, now: datetime, insert: Insert
) -> None:
    """Fill the retention data of accounts ``first_id``..``last_id``;
    ``insert`` is the demo's bulk insert (passed in: no import cycle)."""
    # the first account id in the seed: a second demo on the same database
    # gets other UUIDs (and the same data again for a fresh one)
    rng = random.Random(seed * 7919 + 15 + first_id * 1_000_003)
    _status_history(conn, rng, first_id, last_id, now, insert)
    _complaints(conn, first_id, last_id, now)
    _satisfaction(conn, first_id, last_id)
    _advocacy(conn, rng, first_id, last_id)


def _status_history(
    conn: Connection,
    rng: random.Random,
    first_id: int,
    last_id: int,
    now: datetime,
    insert: Insert,
) -> None:
    """Every account gets its "created" row; lost and at-risk accounts a
    dated change within the last two years; a few active accounts are
    turned reduced, and a few lost ones won back."""
    accounts = conn.exec_driver_sql(
        "SELECT id, status, created_at, annual_value, owner, defection_type FROM accounts "
        "WHERE id BETWEEN ? AND ?",
        (first_id, last_id),
    ).fetchall()
    rows: list[dict[str, Any]] = []
    updates: list[tuple[Any, ...]] = []
    types = list(DefectionType)

    def change(acc: Any, old: str | None, new: str, when: datetime, reason: str, **kw: Any) -> None:
        rows.append(
            {
                "uuid": uuid.UUID(int=rng.getrandbits(128), version=4),
                "account_id": acc[0],
                "from_status": old,
                "to_status": new,
                "changed_at": when,
                "date_known": True,
                "reason": reason,
                "defection_type": kw.get("defection_type"),
                "value_lost": kw.get("value_lost"),
                "changed_by": acc[4],
                "created_at": when,
                "updated_at": when,
                "deleted_at": None,
            }
        )

    for acc in accounts:
        acc_id, status, created_raw, value_cents, _owner, defection = acc
        created = datetime.fromisoformat(str(created_raw)).replace(tzinfo=now.tzinfo)
        value = Decimal(int(value_cents or 0)) / 100
        change(acc, None, "active", created, "Created")
        roll = rng.random()
        when = max(created + timedelta(days=30), now - timedelta(days=rng.randint(61, 720)))
        if status == "lost":
            dtype = defection or rng.choice(types).value
            if roll < 0.25:  # reduced first, lost later
                first = when - timedelta(days=rng.randint(30, 200))
                change(acc, "active", "reduced", max(first, created + timedelta(days=1)),
                       REDUCED_REASONS[dtype], defection_type=dtype,
                       value_lost=(value * Decimal("0.4")).quantize(Decimal("0.01")))  # fmt: skip
                old = "reduced"
            else:
                old = "active"
            change(acc, old, "lost", when, words.DEFECTION_REASONS[dtype],
                   defection_type=dtype, value_lost=value)  # fmt: skip
        elif status == "at_risk":
            change(acc, "active", "at_risk", now - timedelta(days=rng.randint(10, 120)),
                   "Activity fell off and a complaint is open.")  # fmt: skip
        elif roll < 0.03:  # a partial defection
            dtype = rng.choice(types).value
            lost_value = (value * Decimal(rng.choice(("0.2", "0.3", "0.5")))).quantize(
                Decimal("0.01")
            )
            change(acc, "active", "reduced", when, REDUCED_REASONS[dtype],
                   defection_type=dtype, value_lost=lost_value)  # fmt: skip
            updates.append(("reduced", dtype, REDUCED_REASONS[dtype], acc_id))
        elif roll < 0.04:  # lost, then won back
            dtype = rng.choice(types).value
            back = min(now - timedelta(days=5), when + timedelta(days=rng.randint(60, 300)))
            change(acc, "active", "lost", when, words.DEFECTION_REASONS[dtype],
                   defection_type=dtype, value_lost=value)  # fmt: skip
            change(acc, "lost", "won_back", back, "Won back with a service-level agreement.")
            updates.append(("won_back", None, None, acc_id))
    insert(conn, StatusChange.__table__, rows)
    if updates:
        conn.exec_driver_sql(
            f"UPDATE {Account.__tablename__} SET status = ?, defection_type = ?, "
            "defection_reason = ? WHERE id = ?",
            updates,
        )


def _complaints(conn: Connection, first_id: int, last_id: int, now: datetime) -> None:
    """Categories and severities spread by row id; resolved and rejected
    complaints get a resolution 0–25 days after receipt (never in the
    future), a recovery action, and mostly the customer's confirmation."""
    actions = list(RECOVERY_ACTIONS)
    action_case = " ".join(f"WHEN {i} THEN ?" for i in range(len(actions)))
    stamp = _seconds(now)

    def spread(values: tuple[str, ...], factor: int) -> str:
        whens = " ".join(f"WHEN {i} THEN '{v}'" for i, v in enumerate(values))
        return f"CASE ((id * {factor}) % {len(values)}) {whens} END"

    categories = ("product", "delivery", "service", "invoicing", "price", "other")
    severities = ("low", "medium", "medium", "high", "high", "critical")
    conn.exec_driver_sql(
        f"UPDATE activities SET complaint_category = {spread(categories, 7)}, "
        f"complaint_severity = {spread(severities, 13)} "
        "WHERE kind = 'complaint' AND deleted_at IS NULL AND account_id BETWEEN ? AND ?",
        (first_id, last_id),
    )
    conn.exec_driver_sql(
        f"""
        UPDATE activities SET
          resolved_at = min(datetime(occurred_at, '+' || ((id * 11) % 26) || ' days',
                                     '+' || ((id * 17) % 24) || ' hours'), ?),
          recovery_action = CASE complaint_status WHEN 'rejected'
              THEN 'Rejected: the goods were used outside their specification.'
              ELSE CASE (id % {len(actions)}) {action_case} END END,
          customer_confirmed_at = CASE WHEN complaint_status = 'resolved' AND id % 10 < 7
              THEN min(datetime(occurred_at, '+' || ((id * 11) % 26 + 2) || ' days'), ?)
              END
        WHERE kind = 'complaint' AND deleted_at IS NULL
          AND complaint_status IN ('resolved', 'rejected')
          AND account_id BETWEEN ? AND ?
        """,
        (stamp, *actions, stamp, first_id, last_id),
    )


def _satisfaction(conn: Connection, first_id: int, last_id: int) -> None:
    """Four in ten checks are NPS answers, three CSAT (the 3–10 score
    halved onto 1–5), three stay on the 0–10 scale."""
    conn.exec_driver_sql(
        """
        UPDATE activities SET
          satisfaction_kind = CASE WHEN id % 10 < 4 THEN 'nps' WHEN id % 10 < 7 THEN 'csat'
                                   ELSE 'score' END,
          satisfaction_score = CASE WHEN id % 10 BETWEEN 4 AND 6
                                    THEN (satisfaction_score + 1) / 2 ELSE satisfaction_score END
        WHERE kind = 'satisfaction_check' AND satisfaction_score IS NOT NULL
          AND deleted_at IS NULL AND account_id BETWEEN ? AND ?
        """,
        (first_id, last_id),
    )


def _advocacy(conn: Connection, rng: random.Random, first_id: int, last_id: int) -> None:
    """References: a third of the live partner and strategic accounts in the
    retention or advocacy stage. Referrals: every account acquired by
    referral names an earlier account (half of them a person there too)."""
    limits = list(REFERENCE_LIMITS)
    case = " ".join(f"WHEN {i} THEN ?" for i in range(len(limits)))
    conn.exec_driver_sql(
        f"""
        UPDATE accounts SET reference_agreed_at = datetime(created_at, '+200 days'),
          reference_limits = CASE (id % {len(limits)}) {case} END
        WHERE id BETWEEN ? AND ? AND tier IN ('partner', 'strategic')
          AND lifecycle_stage IN ('retention', 'advocacy') AND status != 'lost' AND id % 3 = 0
        """,
        (*limits, first_id, last_id),
    )
    referred = [
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT id FROM accounts WHERE id BETWEEN ? AND ? AND acquisition_source = 'referral'",
            (first_id + 1, last_id),
        )
    ]
    # a few accounts refer often (as in life): draw referrers from a small pool
    pool = list(range(first_id, min(last_id, first_id + max(10, (last_id - first_id) // 20)) + 1))
    links = [(rng.choice([p for p in pool if p != acc] or [first_id]), acc) for acc in referred]
    if links:
        conn.exec_driver_sql("UPDATE accounts SET referred_by_account_id = ? WHERE id = ?", links)
        conn.exec_driver_sql(
            "UPDATE accounts SET referred_by_contact_id = (SELECT min(c.id) FROM contacts c "
            "WHERE c.account_id = accounts.referred_by_account_id) "
            "WHERE id BETWEEN ? AND ? AND referred_by_account_id IS NOT NULL AND id % 2 = 0",
            (first_id, last_id),
        )

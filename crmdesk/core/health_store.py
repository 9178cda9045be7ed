"""Health over time and health as a sort key.

- **Snapshots**: one row per account per ISO week in ``health_snapshots``;
  taking them again in the same week replaces that week's values, so a
  window opened ten times a week still leaves one point per week.
  :func:`take_snapshots` is the one service for ``crmdesk health
  --snapshot`` and for the window on open.
- **Sorting by health**: scoring the whole portfolio takes a few hundred
  milliseconds, too slow for every page of a list. :func:`current_scores`
  keeps the last result per database in memory, valid while the local day
  and a cheap fingerprint of the data (row counts and newest ``updated_at``
  of the tables the score reads, answered from indexes) stay the same; a
  page sorted by health then costs one id query and a slice.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from crmdesk.core.health import AccountHealth, Band, health_in_session
from crmdesk.core.health_facts import Selection
from crmdesk.db.engine import Database
from crmdesk.db.models import Account, Activity, Contact, activity_contacts
from crmdesk.db.models_health import HealthSnapshot
from crmdesk.db.models_plans import AccountPlan
from crmdesk.db.types import utcnow


def iso_week(now: datetime) -> str:
    """``"2026-W49"``: the ISO week of ``now`` in the user's local time."""
    year, week, _day = now.astimezone().date().isocalendar()
    return f"{year}-W{week:02d}"


def week_start(week: str) -> date:
    year, number = week.split("-W")
    return date.fromisocalendar(int(year), int(number), 1)


@dataclass(frozen=True)
class SnapshotResult:
    week: str
    added: int
    replaced: int


def take_snapshots(db: Database, *, now: datetime | None = None) -> SnapshotResult:
    """Record this week's health of every scored account, in one transaction."""
    now = now or utcnow()
    week = iso_week(now)
    with db.session() as session:
        scores = health_in_session(session, Selection(), now)
        stmt = select(HealthSnapshot.account_id, HealthSnapshot.id).where(
            HealthSnapshot.week == week
        )
        existing = {acc: snap for acc, snap in session.execute(stmt)}
        fresh, again = [], []
        for account_id, h in scores.items():
            values = {
                "score": h.score,
                "band": h.band.value,
                "components": [c.to_json() for c in h.components],
                "taken_at": now,
                "updated_at": now,
                "deleted_at": None,
            }
            if account_id in existing:
                again.append({"id": existing[account_id], **values})
            else:
                fresh.append({"account_id": account_id, "week": week, **values})
        if fresh:
            session.execute(insert(HealthSnapshot), fresh)
        if again:
            session.execute(update(HealthSnapshot), again)
    return SnapshotResult(week, len(fresh), len(again))


@dataclass(frozen=True)
class HistoryPoint:
    week: str
    day: date  # the Monday of the week
    score: int
    band: str


def history_in_session(
    session: Session, account_ids: Sequence[int], *, weeks: int = 52
) -> dict[int, list[HistoryPoint]]:
    """Each account's weekly scores, oldest first, at most ``weeks`` of them."""
    if not account_ids:
        return {}
    stmt = (
        select(
            HealthSnapshot.account_id,
            HealthSnapshot.week,
            HealthSnapshot.score,
            HealthSnapshot.band,
        )
        .where(HealthSnapshot.account_id.in_(account_ids), HealthSnapshot.deleted_at.is_(None))
        .order_by(HealthSnapshot.account_id, HealthSnapshot.week)
    )
    out: dict[int, list[HistoryPoint]] = defaultdict(list)
    for acc, week, score, band in session.execute(stmt):
        out[acc].append(HistoryPoint(week, week_start(week), score, band))
    return {acc: points[-weeks:] for acc, points in out.items()}


def history(db: Database, account_id: int, *, weeks: int = 52) -> list[HistoryPoint]:
    with db.session() as session:
        return history_in_session(session, [account_id], weeks=weeks).get(account_id, [])


# -- the in-memory score cache (sorting by health) ---------------------------

_lock = threading.Lock()
_cache: dict[str, tuple[tuple[Any, ...], dict[int, AccountHealth]]] = {}


def _fingerprint(session: Session, now: datetime) -> tuple[Any, ...]:
    parts: list[Any] = [now.astimezone().date()]
    for model in (Account, Contact, Activity, AccountPlan):
        parts.extend(session.execute(select(func.count(), func.max(model.updated_at))).one())
    parts.append(session.scalar(select(func.count()).select_from(activity_contacts)))
    return tuple(parts)


def current_scores(db: Database, *, now: datetime | None = None) -> dict[int, AccountHealth]:
    """Health of every scored account, recomputed only when the data or
    the day changed since the last call (for this database)."""
    now = now or utcnow()
    with db.session() as session:
        key = _fingerprint(session, now)
        with _lock:
            cached = _cache.get(db.url)
        if cached is not None and cached[0] == key:
            return cached[1]
        scores = health_in_session(session, Selection(), now)
    with _lock:
        _cache[db.url] = (key, scores)
    return scores


def forget_scores(db: Database | None = None) -> None:
    with _lock:
        if db is None:
            _cache.clear()
        else:
            _cache.pop(db.url, None)


def rank(ids: Iterable[int], scores: dict[int, AccountHealth], *, descending: bool) -> list[int]:
    """``ids`` worst first (best first when descending); accounts without a
    score (lost ones) always last."""
    scored = [i for i in ids if i in scores]
    unscored = sorted(i for i in ids if i not in scores)
    scored.sort(key=lambda i: (scores[i].score, scores[i].name.lower(), i), reverse=descending)
    return scored + unscored


def band_counts(scores: dict[int, AccountHealth]) -> dict[Band, int]:
    counts = {band: 0 for band in Band}
    for h in scores.values():
        counts[h.band] += 1
    return counts

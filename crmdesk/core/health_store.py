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
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, literal_column, select, update
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

CACHE_SECONDS = 600  # a safety net for the changes the fingerprint cannot see


@dataclass(frozen=True)
class _Entry:
    key: tuple[Any, ...]
    computed: float
    scores: dict[int, AccountHealth]
    ranked: tuple[int, ...]  # scored ids, worst first


_lock = threading.Lock()
_cache: dict[str, _Entry] = {}


def _fingerprint(session: Session, now: datetime) -> tuple[Any, ...]:
    """The local day, and the newest id and ``updated_at`` of every table the
    score reads — each the last entry of an index, so this costs
    microseconds. Inserts and edits change it; a hard delete of an older row
    (only an import's undo does that) or a removed participant may not, for
    which the cache also expires after CACHE_SECONDS."""
    parts: list[Any] = [now.astimezone().date()]
    for model in (Account, Contact, Activity, AccountPlan):
        parts.extend(session.execute(select(func.max(model.id), func.max(model.updated_at))).one())
    parts.append(session.scalar(select(func.max(literal_column("rowid"))).select_from(
        activity_contacts)))  # fmt: skip
    return tuple(parts)


def _entry(db: Database, now: datetime | None) -> _Entry:
    now = now or utcnow()
    with db.session() as session:
        key = _fingerprint(session, now)
        with _lock:
            cached = _cache.get(db.url)
        if (
            cached is not None
            and cached.key == key
            and time.monotonic() - cached.computed < CACHE_SECONDS
        ):
            return cached
        scores = health_in_session(session, Selection(), now)
    ranked = sorted(scores, key=lambda i: (scores[i].score, scores[i].name.lower(), i))
    entry = _Entry(key, time.monotonic(), scores, tuple(ranked))
    with _lock:
        _cache[db.url] = entry
    return entry


def current_scores(db: Database, *, now: datetime | None = None) -> dict[int, AccountHealth]:
    """Health of every scored account, recomputed only when the data or
    the day changed since the last call (for this database)."""
    return _entry(db, now).scores


def ranked_ids(db: Database, *, now: datetime | None = None) -> tuple[int, ...]:
    """Every scored account's id, worst first (then by name)."""
    return _entry(db, now).ranked


def forget_scores(db: Database | None = None) -> None:
    with _lock:
        if db is None:
            _cache.clear()
        else:
            _cache.pop(db.url, None)


def band_counts(scores: dict[int, AccountHealth]) -> dict[Band, int]:
    counts = {band: 0 for band in Band}
    for h in scores.values():
        counts[h.band] += 1
    return counts

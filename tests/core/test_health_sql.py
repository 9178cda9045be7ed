"""The health score's queries read the partial indexes that migration 0005
made for them (so they never read the activities table itself), and the
indexes' WHERE clauses are the ones the code builds: change TOUCH_KINDS
without a migration and this fails."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, text

from crmdesk.core import cadence
from crmdesk.core import health_facts as hf
from crmdesk.db.types import utcnow

QUERIES = {
    "ixp_health_touches": hf.gather_touches,
    "ixp_health_open_complaints": hf.gather_complaints,
    "ixp_health_open_follow_ups": hf.gather_follow_ups,
    "ixp_health_satisfaction": hf.gather_satisfaction,
}


def _norm(sql: str) -> str:
    return re.sub(r"\s+", " ", sql.replace("activities.", "")).strip().strip("()")


def test_partial_index_where_clauses_are_the_codes(db):
    with db.engine.connect() as conn:
        rows = dict(
            conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE name LIKE 'ixp_health_%'")
            ).all()
        )
    assert set(rows) == set(QUERIES)
    wanted = {
        "ixp_health_touches": cadence.touch_sql(""),
        "ixp_health_open_complaints": hf.OPEN_COMPLAINT_SQL,
        "ixp_health_open_follow_ups": hf.OPEN_FOLLOW_UP_SQL,
        "ixp_health_satisfaction": hf.SATISFACTION_SQL,
    }
    for name, sql in rows.items():
        assert _norm(sql.split(" WHERE ", 1)[1]) == _norm(wanted[name]), name


@pytest.mark.parametrize("index", sorted(QUERIES))
def test_each_gatherer_uses_its_partial_index(db, index):
    sent: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.session() as session:
            QUERIES[index](session, hf.Selection(), utcnow(), {})
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert sent
    with db.engine.connect() as conn:
        steps = [
            row[-1]
            for statement, parameters in sent
            for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        ]
    assert any(index in step for step in steps), steps

"""Issue 13, polish: counted words read as plurals, not "follow-up(s)"."""

from __future__ import annotations

import re
from pathlib import Path

from crmdesk.core.activities import overdue_count

GUI = Path(__file__).parents[2] / "crmdesk" / "gui"


def test_status_bar_says_follow_ups_in_the_plural(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    overdue = overdue_count(demo_db)
    assert overdue > 1
    label = window.status_counts.overdue
    qtbot.waitUntil(lambda: bool(label.text()), timeout=5000)
    assert label.text() == f"{overdue} overdue follow-ups"


def test_no_word_with_s_in_brackets_in_window_text() -> None:
    found = [
        f"{path.relative_to(GUI)}:{number}"
        for path in GUI.rglob("*.py")
        if "forms" not in path.parts
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if re.search(r"tr\(\s*\"[^\"]*\w\(s\)", line)
    ]
    assert found == []

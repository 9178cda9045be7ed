"""The background-work helper: result, error, progress and cancel arrive on
the GUI thread; the job runs on another thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from crmdesk.core.demo import generate_demo
from crmdesk.core.stats import stats
from crmdesk.errors import InvalidValueError
from crmdesk.gui.common.jobs import JobContext, Jobs


@pytest.fixture
def jobs(qtbot):  # type: ignore[no-untyped-def]
    runner = Jobs()
    yield runner
    runner.cancel_all()
    runner.wait(5000)


def test_result_arrives_on_gui_thread(qtbot, jobs) -> None:  # type: ignore[no-untyped-def]
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(ctx: JobContext) -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def on_result(value: object) -> None:
        seen["value"] = value
        seen["gui"] = QThread.currentThread() is gui

    job = jobs.run(work, on_result=on_result)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert seen == {"worker": True, "value": 42, "gui": True}
    assert job.result == 42 and job.error is None
    assert jobs.active == []


def test_error_is_delivered_not_raised(qtbot, jobs) -> None:  # type: ignore[no-untyped-def]
    def work(ctx: JobContext) -> None:
        raise InvalidValueError("bad input")

    errors: list[BaseException] = []
    job = jobs.run(work, on_error=errors.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert len(errors) == 1 and str(errors[0]) == "bad input"
    assert isinstance(job.error, InvalidValueError)


def test_progress_and_cancel(qtbot, jobs) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    steps: list[tuple[int, int]] = []

    def work(ctx: JobContext) -> str:
        started.set()
        for i in range(1_000_000):
            ctx.progress(i, 1_000_000)  # raises JobCancelled once cancelled
            threading.Event().wait(0.001)
        return "ran to the end"

    job = jobs.run(work, on_progress=lambda d, t, _s: steps.append((d, t)))
    qtbot.waitUntil(lambda: len(steps) >= 2, timeout=5000)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()
    assert job.result is None and job.error is None and job.done
    assert all(t == 1_000_000 for _d, t in steps)


def test_demo_data_in_a_worker_keeps_gui_responsive(qtbot, jobs, db) -> None:  # type: ignore[no-untyped-def]
    """The real use: load sample data off the GUI thread with progress."""
    progress: list[int] = []
    job = jobs.run(
        lambda ctx: generate_demo(db, accounts=300, seed=3, progress=ctx.progress),
        on_progress=lambda done, total, _t: progress.append(done),
    )
    ticks = 0
    while not job.done:  # the GUI thread keeps processing events meanwhile
        QApplication.processEvents()
        ticks += 1
        qtbot.waitUntil(lambda: True, timeout=10)
    assert job.error is None, job.error
    assert job.result.accounts == 300
    assert progress and progress[-1] == 300
    assert stats(db).accounts == 300
    assert ticks > 1


def test_dialog_cancel_button_cancels(qtbot, jobs) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)

    def work(ctx: JobContext) -> None:
        while True:
            ctx.progress(1, 10, "working")
            threading.Event().wait(0.005)

    job = jobs.run_with_dialog(parent, "Slow work", work)
    qtbot.waitUntil(lambda: job.dialog.labelText() == "working", timeout=5000)
    (button,) = job.dialog.findChildren(QPushButton)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        button.click()

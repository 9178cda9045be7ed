"""The one helper for background work.

A job is a plain callable ``func(ctx) -> result`` that runs on a worker
thread. It reports progress with ``ctx.progress(done, total, text)`` and
checks ``ctx.cancelled`` (or calls ``ctx.check()``, which raises
``JobCancelled``). It never touches widgets: the result, the error and the
progress arrive as signals of the ``Job`` object, on the GUI thread.

Every job opens its own database session (the services do that per call), so
no session is ever shared between threads.

    job = window.jobs.run(lambda ctx: generate_demo(db, progress=ctx.progress),
                          on_result=..., on_error=window.show_error)
    job.cancel()
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class JobCancelled(Exception):
    """Raised inside a job (by ``ctx.check()``) to stop early."""


class JobContext:
    """What the job's callable receives: progress reporting and the cancel
    flag. Safe to use from the worker thread only."""

    _MIN_INTERVAL = 0.05  # seconds between progress signals (except the last)

    def __init__(self, signals: _Signals, cancel: threading.Event) -> None:
        self._signals = signals
        self._cancel = cancel
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """Report progress; ``total`` 0 means unknown. Throttled so a tight
        loop can call it for every item. Raises JobCancelled once the user
        has cancelled, so long loops stop without extra code."""
        now = time.monotonic()
        if done >= total > 0 or now - self._last >= self._MIN_INTERVAL:
            self._last = now
            self._signals.progressed.emit(int(done), int(total), str(text))
        self.check()


class _Signals(QObject):
    """Created on the GUI thread, emitted from the worker: Qt queues the
    deliveries to the Job's slots on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    stopped = Signal()


class _Runnable(QRunnable):
    def __init__(
        self, func: Callable[[JobContext], Any], signals: _Signals, cancel: threading.Event
    ):
        super().__init__()
        self.setAutoDelete(True)
        self._func = func
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        ctx = JobContext(self._signals, self._cancel)
        try:
            if self._cancel.is_set():
                raise JobCancelled()
            result = self._func(ctx)
        except JobCancelled:
            self._signals.stopped.emit()
        except BaseException as exc:  # delivered to the GUI, never lost
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Job(QObject):
    """A handle on one running job; its signals fire on the GUI thread.
    Exactly one of ``succeeded``/``failed``/``cancelled`` fires, then
    ``finished``."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_progress)
        self._signals.succeeded.connect(self._on_success)
        self._signals.failed.connect(self._on_failure)
        self._signals.stopped.connect(self._on_stopped)

    def cancel(self) -> None:
        """Ask the job to stop; it stops at its next progress/check call."""
        self._cancel.set()

    @property
    def is_cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.done:
            self.progressed.emit(done, total, text)

    @Slot(object)
    def _on_success(self, result: Any) -> None:
        self.result = result
        self._finish(self.succeeded, result)

    @Slot(object)
    def _on_failure(self, exc: BaseException) -> None:
        self.error = exc
        self._finish(self.failed, exc)

    @Slot()
    def _on_stopped(self) -> None:
        self._finish(self.cancelled)

    def _finish(self, signal: Any, *args: Any) -> None:
        self.done = True
        signal.emit(*args)
        self.finished.emit()


class Jobs(QObject):
    """Runs jobs on a private thread pool and keeps them alive until done."""

    activeChanged = Signal(int)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: list[Job] = []

    def run(
        self,
        func: Callable[[JobContext], Any],
        *,
        name: str = "",
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Job:
        """Start ``func(ctx)`` on a worker; the callbacks run on the GUI thread."""
        job = Job(name or getattr(func, "__name__", "job"))
        if on_result:
            job.succeeded.connect(on_result)
        if on_error:
            job.failed.connect(on_error)
        if on_progress:
            job.progressed.connect(on_progress)
        if on_cancelled:
            job.cancelled.connect(on_cancelled)
        job.finished.connect(lambda: self._forget(job))
        self._running.append(job)
        self.activeChanged.emit(len(self._running))
        self.pool.start(_Runnable(func, job._signals, job._cancel))
        return job

    def run_with_dialog(
        self,
        parent: QWidget,
        title: str,
        func: Callable[[JobContext], Any],
        **callbacks: Any,
    ) -> Job:
        """``run`` plus a window-modal progress dialog whose Cancel button
        cancels the job. The rest of the window keeps repainting."""
        job = self.run(func, name=title, **callbacks)
        dialog = QProgressDialog(title, parent.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def progressed(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if text:
                dialog.setLabelText(text)

        job.progressed.connect(progressed)
        dialog.canceled.connect(job.cancel)
        job.finished.connect(dialog.reset)
        job.finished.connect(dialog.deleteLater)
        job.dialog = dialog  # type: ignore[attr-defined]
        return job

    @property
    def active(self) -> list[Job]:
        return list(self._running)

    def cancel_all(self) -> None:
        for job in self._running:
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every worker thread is idle (used on close and in tests)."""
        return bool(self.pool.waitForDone(msecs))

    def _forget(self, job: Job) -> None:
        if job in self._running:
            self._running.remove(job)
            self.activeChanged.emit(len(self._running))

"""Parse untrusted files in a separate, resource-limited process.

python-calamine is fast, but on some crafted files (an XLSX with cells at A1
and XFD1048576, an ODS with a huge ``number-rows-repeated``) it tries to
allocate a dense grid and the Rust allocator aborts the *process*, which no
``except`` can catch. So the reader runs in a child process started with the
``spawn`` method (no inherited Qt or database state), under an address-space
limit (the allocation then fails at once instead of swapping the machine), a
CPU-time limit and a wall-clock timeout. Whatever happens to the child, the
caller gets a :class:`RawTable` or an :class:`ImportFileError`.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crmdesk.importing.errors import ImportCancelled, ImportFileError, UnclosedQuoteError
from crmdesk.importing.readers import DEFAULT_LIMITS, Limits, RawTable, read_table

_POLL_S = 0.05


def _limit_resources(limits: Limits) -> None:
    try:
        import resource
    except ImportError:  # Windows: only the timeout applies
        return
    for name, value in (
        ("RLIMIT_AS", limits.memory_bytes),
        ("RLIMIT_CPU", int(limits.timeout_s) + 5),
        ("RLIMIT_CORE", 0),
    ):
        kind = getattr(resource, name, None)
        if kind is None:
            continue
        try:
            soft, hard = resource.getrlimit(kind)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(kind, (value, hard))
        except (ValueError, OSError):
            pass


def _child(
    conn: Any,
    path: str,
    sheet: str | None,
    encoding: str | None,
    limits: Limits,
    literal_quotes_from: int | None = None,
) -> None:
    # The Rust abort message ("memory allocation of … failed") is noise for
    # the user; the parent reports the failure in words instead.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
    except OSError:
        pass
    _limit_resources(limits)
    try:
        table = read_table(
            Path(path),
            sheet=sheet,
            encoding=encoding,
            limits=limits,
            literal_quotes_from=literal_quotes_from,
        )
        _send(conn, ("ok", table))
    except UnclosedQuoteError as exc:
        _send(conn, ("quote", (exc.row, exc.lines)))
    except PermissionError:
        _send(conn, ("error", f"{Path(path).name} cannot be read: permission denied"))
    except ImportFileError as exc:
        _send(conn, ("error", str(exc)))
    except MemoryError:
        _send(conn, ("error", "memory"))
    except Exception as exc:  # any other reader failure is a bad file, not a crash
        _send(conn, ("error", f"it cannot be read ({type(exc).__name__})"))
    finally:
        conn.close()


def _send(conn: Any, message: tuple[str, Any]) -> None:
    """Pickle without the memo ("fast" mode): a table is rows of plain cells,
    nothing shared or self-referencing, and the memo of a million cells
    made pickling 10x slower (0.17 s for 100k rows)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(message)
    conn.send_bytes(buffer.getbuffer())


def read_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    cancelled: Callable[[], bool] | None = None,
    literal_quotes_from: int | None = None,
) -> RawTable:
    """Read ``path`` in a sandboxed child process."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist or is not a file")
    if path.stat().st_size == 0:
        raise ImportFileError(f"{path.name} is empty")
    if not os.access(path, os.R_OK):
        raise ImportFileError(
            f"{path.name} cannot be read: permission denied (you may not read this file; "
            "copy it somewhere you own, or ask its owner)"
        )
    ctx = mp.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_child,
        args=(sender, str(path), sheet, encoding, limits, literal_quotes_from),
        name="crmdesk-import-reader",
        daemon=True,
    )
    try:
        process.start()
    except OSError as exc:
        raise ImportFileError(f"cannot start the file reader: {exc}") from None
    sender.close()
    deadline = time.monotonic() + limits.timeout_s
    try:
        while not receiver.poll(_POLL_S):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if time.monotonic() > deadline:
                raise ImportFileError(
                    f"reading {path.name} took longer than {limits.timeout_s:.0f} seconds; "
                    "the file is too large or built to stall the reader"
                )
            if not process.is_alive() and not receiver.poll(0):
                raise ImportFileError(_died_message(path, process.exitcode))
        try:
            status, payload = pickle.loads(receiver.recv_bytes())
        except (EOFError, OSError):
            process.join(5)
            raise ImportFileError(_died_message(path, process.exitcode)) from None
    finally:
        receiver.close()
        if process.is_alive():
            process.join(1)
        if process.is_alive():
            process.kill()
            process.join(5)
    if status == "ok":
        return payload  # type: ignore[no-any-return]
    if status == "quote":
        raise UnclosedQuoteError(*payload)
    if payload == "memory":
        raise ImportFileError(_died_message(path, None))
    if payload.startswith("it cannot"):
        raise ImportFileError(f"{path.name}: {payload}; it is damaged or not a spreadsheet")
    raise ImportFileError(payload)


def _died_message(path: Path, exitcode: int | None) -> str:
    detail = f" (reader exit code {exitcode})" if exitcode not in (None, 0) else ""
    return (
        f"{path.name} could not be read: it needs more memory than a contact list should "
        f"or is damaged{detail}. If it is a real export, save it again as CSV or XLSX and retry"
    )

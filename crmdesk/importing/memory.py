"""Bulk work without the cyclic garbage collector looking on.

Planning or committing 100,000 rows allocates millions of small containers
(row dicts, lists, parameter tuples) that all stay alive until the step
ends; CPython's collector keeps walking them (up to a third of the plan's
time) and finds nothing, since these steps make no reference cycles.
Reference counting still frees everything as usual; the collector runs
again after the block (a step that raises restores it too).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Switch the cyclic collector off for the block, if it was on. Nested
    or concurrent blocks are fine: whoever switched it off switches it on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

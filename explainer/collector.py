"""When Python's cycle collector may run: one owner for the start, the PDFs and the
study records the app reads (issue 18).

Reference counting frees almost everything the app makes as soon as it is done with;
the cycle collector only looks for groups of objects that point at each other. It
starts by itself after so many new objects, and a full collection walks every object
the app holds (some 100,000 once the window is built: 20-45 ms, a stall when it lands
inside a turn of the event loop). So it waits:

- while the window starts, until its first paint (``start_paused`` / ``start_done``):
  loading PySide and the window set off some 40 collections, 5 ms of CPU the first
  screen waited for, freeing almost nothing;
- while a PDF is made or a record is read (``paused``): each makes some 100,000
  objects, short-lived ones that reference counting frees (a PDF's fragments and
  lines) or ones that all live on (a record's model); what few cycles they leave are
  found at the collector's next turn.

And once the start's imports are done, everything alive then (modules, classes, the
window's frame) lives as long as the app: it is collected once and set aside
(``set_aside_what_lives``, gc.freeze), so later full collections walk only what came
after. Only the real app does it (explainer.app.run): tests build many windows in one
process, and a set-aside window would never be freed. When the window is built again
(View > Language) the set-aside objects go back to the collector (``bring_back``), so
the old window's cycles are found."""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

_Made = TypeVar("_Made")
_lock = threading.Lock()
_pausing = [0, False]  # how many pauses are open; whether collection was on when the first began


@contextmanager
def paused() -> Iterator[None]:
    """No collection until the block ends. Nested and in threads: collection resumes
    when the last pause ends, and only if it was on when the first began."""
    with _lock:
        if not _pausing[0]:
            _pausing[1] = gc.isenabled()
            gc.disable()
        _pausing[0] += 1
    try:
        yield
    finally:
        with _lock:
            _pausing[0] -= 1
            if not _pausing[0] and _pausing[1]:
                gc.enable()


def while_paused(make: Callable[..., _Made]) -> Callable[..., _Made]:
    """``make`` run with collection paused (a PDF)."""

    @functools.wraps(make)
    def run_paused(*args: Any, **kwargs: Any) -> _Made:
        with paused():
            return make(*args, **kwargs)

    return run_paused


def start_paused() -> None:
    """From the command line's start of the window until ``start_done``."""
    gc.disable()


def start_done() -> None:
    gc.enable()


def full_collection() -> None:
    gc.collect()


def set_aside_what_lives() -> None:
    """One full collection, then everything still alive set aside for the app's life."""
    gc.collect()
    gc.freeze()


def bring_back() -> None:
    """What was set aside goes back to the collector (a window built again)."""
    gc.unfreeze()

"""When Python's cycle collector may run (explainer/collector.py, issue 18): paused
while a PDF is made or a record is read, from the start until the first paint, and
what lives once the app is built set aside for good, in the real app only."""

from __future__ import annotations

import gc
import threading

import pytest

from explainer import collector
from tests.windows import shown_window


@pytest.fixture(autouse=True)
def collection_as_it_was():
    was_on = gc.isenabled()
    yield
    gc.unfreeze()
    gc.enable() if was_on else gc.disable()


def _seen_inside(depth: int, fail_at: int | None, log: list[bool]) -> None:
    with collector.paused():
        log.append(gc.isenabled())
        if depth == fail_at:
            raise ValueError("a PDF that fails")
        if depth > 1:
            _seen_inside(depth - 1, fail_at, log)


# (collection on before, pauses nested, the pause that fails, on after)
PAUSES = [
    (True, 1, None, True),
    (True, 3, None, True),  # a PDF made while a record is read: on again only after the outer one
    (True, 3, 1, True),  # the innermost fails: the outer ones still end it
    (True, 2, 2, True),
    (False, 1, None, False),  # off before (the start's pause): a PDF does not turn it on
    (False, 3, 2, False),
]


@pytest.mark.parametrize(("on_before", "depth", "fail_at", "on_after"), PAUSES)
def test_a_pause_holds_while_nested_and_ends_as_it_began(on_before, depth, fail_at, on_after) -> None:
    gc.enable() if on_before else gc.disable()
    log: list[bool] = []
    if fail_at is None:
        _seen_inside(depth, fail_at, log)
    else:
        with pytest.raises(ValueError):
            _seen_inside(depth, fail_at, log)
    assert not any(log), "collection ran inside a pause"
    assert gc.isenabled() is on_after


def test_two_threads_pausing_at_once_leave_collection_on() -> None:
    """A PDF made in the export's worker while the window reads a record."""
    gc.enable()
    inside, leave = threading.Barrier(2), threading.Event()
    seen: list[bool] = []

    def pause() -> None:
        with collector.paused():
            inside.wait(timeout=10)
            seen.append(gc.isenabled())
            leave.wait(timeout=10)

    other = threading.Thread(target=pause)
    other.start()
    with collector.paused():
        inside.wait(timeout=10)
        seen.append(gc.isenabled())
    assert not gc.isenabled(), "the other thread's pause still holds"
    leave.set()
    other.join(timeout=10)
    assert seen == [False, False] and gc.isenabled()


def test_a_decorated_function_runs_paused_and_keeps_its_name() -> None:
    gc.enable()

    @collector.while_paused
    def make_pdf(pages: int) -> tuple[bool, int]:
        return gc.isenabled(), pages

    assert make_pdf(3) == (False, 3) and gc.isenabled()
    assert make_pdf.__name__ == "make_pdf"


def test_what_lives_is_set_aside_and_brought_back() -> None:
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    collector.set_aside_what_lives()
    assert gc.get_freeze_count() > 1000  # the modules and classes of the test run at least
    collector.bring_back()
    assert gc.get_freeze_count() == 0


def test_the_start_pause_ends_at_its_end() -> None:
    gc.enable()
    collector.start_paused()
    assert not gc.isenabled()
    collector.start_done()
    assert gc.isenabled()


@pytest.fixture
def frame(qtbot):
    """As run() first paints it: the welcome page, before the study is open."""
    from explainer.app import build_frame

    return shown_window(qtbot, build_frame)


@pytest.mark.parametrize("set_aside", [False, True])
def test_only_the_real_app_sets_aside_what_lives_as_the_window_is_built(frame, qtbot, set_aside) -> None:
    """run() asks for it; the tests' many windows in one process never are (a set-aside
    window would never be freed)."""
    from explainer.app import build_in_idle_time

    gc.unfreeze()
    log: list[str] = []
    build_in_idle_time(frame, lambda: log.append("done"), set_aside=set_aside)
    qtbot.waitUntil(lambda: "done" in log, timeout=30_000)
    assert (gc.get_freeze_count() > 0) is set_aside

"""Cycles that started late: the limits the window and the command line share.

``build_timeline(trial, start, delays)`` moves the dates; this module says which
delays make sense, so the spin boxes and ``--delay CYCLE:DAYS`` accept the same ones.
Pure: no Qt, no files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# A late cycle 1 is simply a later first treatment day, so delays start at cycle 2.
FIRST_DELAYED_CYCLE = 2
MAX_DELAY_DAYS = 180  # half a year: longer than that, the study team re-plans


def delay_problem(cycle: int, days: int, cycle_count: int) -> str | None:
    """Why 'cycle started ``days`` late' cannot be used, in plain words; None if it can."""
    if not FIRST_DELAYED_CYCLE <= cycle <= cycle_count:
        return (f"cycle {cycle} is not a cycle that can start late; use {FIRST_DELAYED_CYCLE} to {cycle_count} "
                f"(a late cycle 1 is a later first treatment day)")
    if not 1 <= days <= MAX_DELAY_DAYS:
        return f"{days} days late is not possible here; use 1 to {MAX_DELAY_DAYS} days"
    return None


def merge_delays(pairs: Iterable[tuple[int, int]], cycle_count: int) -> Mapping[int, int]:
    """(cycle, days) pairs as build_timeline's mapping; ValueError naming the first bad one.
    A cycle given twice is an error: which of the two was meant cannot be guessed."""
    delays: dict[int, int] = {}
    for cycle, days in pairs:
        problem = delay_problem(cycle, days, cycle_count)
        if problem:
            raise ValueError(problem)
        if cycle in delays:
            raise ValueError(f"cycle {cycle} is given twice; give each late cycle once")
        delays[cycle] = days
    return dict(sorted(delays.items()))

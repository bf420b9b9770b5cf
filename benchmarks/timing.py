"""Timing for the in-process benchmarks: median and spread of many runs, wall and CPU.

Every figure is printed next to a floor measured in the same run (the machine may be
busy with other work: the ratio to the floor moves less than the figure itself)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Figure:
    median_ms: float
    low_ms: float
    high_ms: float
    cpu_ms: float  # median CPU time: steadier than wall time on a shared machine

    def __str__(self) -> str:
        return f"{self.median_ms:9.2f} ms ({self.low_ms:.2f}-{self.high_ms:.2f}) CPU {self.cpu_ms:8.2f} ms"


def timed(make: Callable[[], Any], runs: int, before: Callable[[], Any] | None = None) -> Figure:
    """``make`` once to warm up, then ``runs`` times: median, min-max and median CPU, in ms.
    ``before`` runs before each, untimed (to drop what an earlier run kept)."""
    if before:
        before()
    make()
    walls, cpus = [], []
    for _ in range(runs):
        if before:
            before()
        wall, cpu = time.perf_counter(), time.process_time()
        make()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return Figure(statistics.median(walls), min(walls), max(walls), statistics.median(cpus))


def row(name: str, figure: Figure, floor: Figure | None = None, target_ms: float | None = None) -> str:
    """One line: the figure, its ratio to the floor, and the target it meets or misses."""
    ratio = f"{figure.median_ms / floor.median_ms:7.1f}x floor" if floor else ""
    verdict = ""
    if target_ms is not None:
        verdict = (f"target <= {target_ms:g} ms: {'meets' if figure.median_ms <= target_ms else 'MISSES'}"
                   f" (CPU: {'meets' if figure.cpu_ms <= target_ms else 'misses'})")
    return f"{name:52} {figure} {ratio:>14}  {verdict}".rstrip()

"""Where the event loop waits while the study opens (issue 18): its longest turns.

    .venv/bin/python benchmarks/stall_gaps.py [--runs N] [--top N]

Each run is a fresh process: the app's smoke start (Qt's offscreen platform, empty user
folders), with a timer asking every millisecond from the first paint on. A gap
between two of its ticks is a time a click or a repaint would have waited. The longest
gaps are listed with their CPU and wall time, the parts of explainer.app's
_parts_to_build that ran in them (named by the line each part stopped at, with its
CPU time, and the modules it loaded) and Python's full garbage collections; the rest
of a gap ("Qt") is the work between parts: Qt's layout, polish and paint, and Python
that Qt calls (event filters, overridden methods; PySide makes a class's enums when
it first hands Python an object of it). Then, over the runs, the
longest turn's CPU time and the app's own stall figure, median (min-max). CPU time
moves less than wall time on a busy computer.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STALL = "longest event loop stall while pages build (ms):"  # as explainer.app prints it


def child(top: int) -> None:
    """One smoke start in this process; prints one JSON line with its longest gaps."""
    import gc

    from PySide6.QtCore import QTimer

    import explainer.app as app

    parts: list[tuple[str, float, float, float]] = []  # (what it was, wall start, wall end, CPU ms)
    ticks: list[tuple[float, float]] = []  # (wall, CPU)
    collections: list[tuple[float, float]] = []  # full ones: (wall, CPU ms)
    started = [0.0]

    def collecting(phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started[0] = time.process_time()
            else:
                collections.append((time.perf_counter(), (time.process_time() - started[0]) * 1000))

    gc.callbacks.append(collecting)
    real_parts = app._parts_to_build

    def stopped_at(parts_iterator) -> str:
        frame, inner = None, parts_iterator
        while inner is not None and getattr(inner, "gi_frame", None) is not None:
            frame, inner = inner.gi_frame, inner.gi_yieldfrom
        return f"{frame.f_code.co_name}:{frame.f_lineno}" if frame is not None else "end"

    def timed_parts(*args, **kwargs):
        inner = real_parts(*args, **kwargs)
        while True:
            wall, cpu, modules = time.perf_counter(), time.process_time(), set(sys.modules)
            try:
                value = next(inner)
            except StopIteration:
                return
            cpu_ms, name = (time.process_time() - cpu) * 1000, stopped_at(inner)
            loaded = sorted(set(sys.modules) - modules, key=len)  # the shortest names: what the part asked for
            if loaded:
                name += f" importing {', '.join(loaded[:2])}" + (f" and {len(loaded) - 2} more" if len(loaded) > 2 else "")
            parts.append((name, wall, time.perf_counter(), cpu_ms))
            yield value

    app._parts_to_build = timed_parts
    real_meter = app.StallMeter.__init__

    def meter(self, parent) -> None:  # the app starts its stall meter at the first paint: ticks from then on
        real_meter(self, parent)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1)
        self.ticker.timeout.connect(lambda: ticks.append((time.perf_counter(), time.process_time())))
        self.ticker.start()

    app.StallMeter.__init__ = meter
    from explainer.cli import main

    try:
        main([])
    except SystemExit:
        pass
    gaps = []
    for (wall0, cpu0), (wall1, cpu1) in zip(ticks, ticks[1:]):
        inside = [p for p in parts if wall0 <= p[1] and p[2] <= wall1]
        full = [c for c in collections if wall0 <= c[0] <= wall1]
        gaps.append({"at_ms": round((wall0 - ticks[0][0]) * 1000), "cpu_ms": (cpu1 - cpu0) * 1000,
                     "wall_ms": (wall1 - wall0) * 1000, "parts": [(p[0], p[3]) for p in inside],
                     "collections": [c[1] for c in full]})
    gaps.sort(key=lambda g: -g["cpu_ms"])
    print(json.dumps({"gaps": gaps[:top], "turns": len(gaps)}), flush=True)


def one_run(top: int) -> tuple[dict, float | None]:
    with tempfile.TemporaryDirectory(prefix="stall-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIAL_EXPLAINER_SMOKE="1")
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = str(Path(home) / var.lower())
        done = subprocess.run([sys.executable, __file__, "--child", "--top", str(top)], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
    found = next((line for line in done.stdout.splitlines() if line.startswith("{")), None)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"the smoke start failed:\n{done.stderr[-2000:]}")
    stall = next((line.split(":")[-1].strip() for line in done.stderr.splitlines() if line.startswith(STALL)), "")
    return json.loads(found), float(stall) if stall.isdigit() else None


def describe(gap: dict) -> str:
    parts_cpu = sum(cpu for _, cpu in gap["parts"])
    names = ", ".join(f"{name} {cpu:.1f}" for name, cpu in gap["parts"]) or "no part"
    full = "".join(f"; full garbage collection {ms:.1f}" for ms in gap["collections"])
    return (f"  at {gap['at_ms']:5d} ms: {gap['cpu_ms']:5.1f} ms CPU, {gap['wall_ms']:5.1f} ms wall; parts "
            f"{parts_cpu:5.1f} ({names}{full}); Qt {gap['cpu_ms'] - parts_cpu:4.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The longest turns of the event loop while the study opens.")
    parser.add_argument("--runs", type=int, default=9, help="fresh processes (default 9)")
    parser.add_argument("--top", type=int, default=8, help="gaps listed for the first run (default 8)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.top)
        return 0
    import compileall

    compileall.compile_dir(ROOT / "explainer", quiet=1)  # as installed: no compiling from source in the runs
    longest, stalls = [], []
    for run in range(args.runs):
        result, stall = one_run(args.top)
        if run == 0:
            print(f"The longest turns of the event loop while the study opens (first run, {result['turns']} turns):")
            print("\n".join(describe(gap) for gap in result["gaps"]))
        longest.append(result["gaps"][0]["cpu_ms"])
        stalls.append(stall)
    print(f"longest turn, CPU: {statistics.median(longest):.1f} ms ({min(longest):.1f}-{max(longest):.1f}), "
          f"{args.runs} runs")
    known = [s for s in stalls if s is not None]
    if known:
        print(f"the app's longest stall (wall): {statistics.median(known):.0f} ms ({min(known):.0f}-{max(known):.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

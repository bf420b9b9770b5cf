"""Start-up speed and memory of Trial Explainer, against a bare PySide6 window.

    ./dev bench [--repeat N] [--bundle PATH]

Each measurement is a fresh process, started the same way for every subject:
the clock starts just before the process is spawned and stops when the process
prints that its main window got its first paint event (so it includes the Python
interpreter, imports, building the window and the first paint).

Memory, two figures:
- "start-up peak": the peak resident size once the first paint is done (VmHWM
  from /proc/self/status, Linux only; explainer/app.py prints it as PAINT_MEMORY).
  This is the figure the target applies to: the same moment the clock stops.
- "whole run": the process's maximum resident size (ru_maxrss from wait4). For the
  app that includes what run() builds just after the first paint (the study's
  pages, the self-check with its 32 questions, the timeline, the PDF export), so
  it is the memory a patient's app holds once it is open. The bare window has
  nothing like it; the ratio is printed, not judged.

The runs use Qt's offscreen platform (no display needed), an empty set of user
folders each time and a warm disk cache (one unmeasured run first); the figure is
the median, runs interleaved so a busy moment hits every subject alike. On a busy
machine the times spread: look at the (min-max) column before trusting a ratio.

Subjects: a bare PySide6 window of the app's size; the app from the source tree
(`python -m explainer`); the bundle in dist/ if `packaging/build` made one. The
app and the bundle print "window shown: ..." at their first paint when
TRIAL_EXPLAINER_SMOKE=1 (explainer/app.py); the bare window does the same below.
Targets (issue 6): start <= 1.6x the bare window, start-up peak memory <= 1.5x.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = ROOT / "dist" / "trial-explainer" / ("trial-explainer.exe" if os.name == "nt" else "trial-explainer")
MARKER = "window shown:"
PAINT_MEMORY = "peak memory at first paint (KiB):"  # as explainer.app prints it
START_TARGET, MEMORY_TARGET = 1.6, 1.5
TIMEOUT = 60.0  # seconds

BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def painted():
    peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    print("{PAINT_MEMORY} " + peak, file=sys.stderr, flush=True)
    QApplication.quit()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("{MARKER} " + watched.windowTitle(), flush=True)
            QTimer.singleShot(0, painted)  # runs once this paint is done
            watched.removeEventFilter(self)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 760)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    cpu_seconds: float  # user + system time of the whole process: steadier on a busy machine
    paint_mb: float | None  # peak resident memory once the first paint was done (Linux)


def paint_memory_mb(stderr: str) -> float | None:
    kib = next((line.split(":")[-1].strip() for line in stderr.splitlines() if line.startswith(PAINT_MEMORY)), "")
    return int(kib) / 1024 if kib.isdigit() else None


def measure(command: list[str]) -> Run:
    """One fresh process: seconds from spawn to its first-paint line, and its peak RSS."""
    with tempfile.TemporaryDirectory(prefix="bench-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIAL_EXPLAINER_SMOKE="1")
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = str(Path(home) / var.lower())
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        watchdog = threading.Timer(TIMEOUT, process.kill)  # a window that never paints must not hang
        watchdog.start()
        line = process.stdout.readline()
        seconds = time.perf_counter() - start
        watchdog.cancel()
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr = process.stderr.read()
        process.stdout.close()
        process.stderr.close()
    if not line.startswith(MARKER):
        raise SystemExit(f"{' '.join(command)} did not show its window:\n{stderr}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime,  # ru_maxrss: KiB on Linux
               paint_memory_mb(stderr))


@dataclass(frozen=True)
class Result:
    name: str
    seconds: float
    peak_mb: float
    spread: tuple[float, float]
    cpu_seconds: float
    paint_mb: float | None


def median_of(name: str, runs: list[Run]) -> Result:
    times = [run.seconds for run in runs]
    return Result(name, statistics.median(times), statistics.median(run.peak_mb for run in runs),
                  (min(times), max(times)), statistics.median(run.cpu_seconds for run in runs),
                  None if None in (paints := [run.paint_mb for run in runs]) else statistics.median(paints))


def benchmark(subjects: dict[str, list[str]], repeat: int) -> list[Result]:
    for command in subjects.values():  # warm the disk cache; not counted
        measure(command)
    runs: dict[str, list[Run]] = {name: [] for name in subjects}
    for _ in range(repeat):  # interleaved, so a busy moment hits every subject alike
        for name, command in subjects.items():
            runs[name].append(measure(command))
    return [median_of(name, name_runs) for name, name_runs in runs.items()]


def pdf_export_seconds() -> str:
    """The whole `trial-explainer pdf` command (interpreter, reportlab, writing).

    HOOK for issue 5: this uses the stable command line, so nothing changes here
    when the PDF lands; until then the command says it is not built yet.
    """
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder:
        out = Path(folder) / "summary.pdf"
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "explainer", "pdf", "-o", str(out)],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if "not built yet" in done.stderr:
            return "n/a (pdf not built)"
        if done.returncode != 0 or not out.exists():
            return f"failed: {done.stderr.strip()}"
        return f"{seconds:.2f} s ({out.stat().st_size / 1024:.0f} KB)"


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} MB"


def _ratio(value: float | None, bare: float | None) -> str:
    return "n/a" if value is None or not bare else f"{value / bare:.2f}x"


def report(results: list[Result], repeat: int) -> str:
    bare = results[0]
    lines = [f"Start-up to the first painted main window: Qt offscreen platform, "
             f"median of {repeat} fresh processes each (after one warm-up run)", "",
             f"{'':28} {'first paint':>12} {'(min-max)':>14} {'CPU time':>10} {'start-up peak':>14} {'whole run':>10}"]
    for result in results:
        low, high = result.spread
        lines.append(f"{result.name:28} {result.seconds:>10.3f} s {f'({low:.3f}-{high:.3f})':>14} "
                     f"{result.cpu_seconds:>8.3f} s {_mb(result.paint_mb):>14} {result.peak_mb:>7.1f} MB")
    lines.append("")
    for result in results[1:]:
        start = result.seconds / bare.seconds
        memory = None if result.paint_mb is None or not bare.paint_mb else result.paint_mb / bare.paint_mb
        verdict = "OK" if start <= START_TARGET and memory is not None and memory <= MEMORY_TARGET else "MISSED"
        lines.append(f"{result.name:28} start {start:.2f}x (target <= {START_TARGET}x), "
                     f"start-up memory {_ratio(result.paint_mb, bare.paint_mb)} (target <= {MEMORY_TARGET}x)  "
                     f"{verdict};  whole run {result.peak_mb / bare.peak_mb:.2f}x, "
                     f"CPU {result.cpu_seconds / bare.cpu_seconds:.2f}x (not targets)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure start-up time and memory.")
    parser.add_argument("--repeat", type=int, default=7, help="measured runs per subject (default 7)")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="the bundled executable")
    args = parser.parse_args(argv)
    subjects = {"bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
                "app (python -m explainer)": [sys.executable, "-m", "explainer"]}
    if args.bundle.exists():
        subjects["bundle (dist/)"] = [str(args.bundle)]
    print(report(benchmark(subjects, args.repeat), args.repeat))
    if not args.bundle.exists():
        print(f"\nbundle: not measured ({args.bundle} not found; build it with packaging/build)")
    print(f"\nPDF export (whole `trial-explainer pdf` command): {pdf_export_seconds()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Start-up speed and memory of Trial Explainer, against a bare PySide6 window; then the
in-process figures (benchmarks/pdf_bench.py; for any study's record, issue 16:
record_bench.py, record_window_bench.py, record_pdf_bench.py; glossary_bench.py; how
they grow, issue 18: pages_growth_bench.py, compare_pdf_bench.py).

    ./dev bench [--repeat N] [--bundle PATH] [--samples DIR]

Each measurement is a fresh process, started the same way for every subject:
the clock starts just before the process is spawned and stops when the process
prints that its main window got its first paint event (so it includes the Python
interpreter, imports, building the window and the first paint).

Figures per subject (median of the runs, then min-max):
- "first paint": seconds from spawn to the first paint.
- "first paint, CPU time": the user + system CPU time the process had used when its
  first paint began (time.process_time(), printed by the process): steadier than the
  seconds on a busy machine.
- "start-up memory": the peak resident size once the first paint is done (VmHWM
  from /proc/self/status, Linux only; explainer/app.py prints it).
- "whole-run CPU" and "whole-run memory": user + system CPU time and maximum resident
  size (wait4) of the whole process. The app's smoke run ends only once everything the
  first screen does not show is built (the self-check, every reading page, the
  timeline), so this is the cost of a fully opened app.
- "longest stall": the longest time the app's event loop could not answer while the
  study opened and its pages were built (a click would have waited that long).

Floors: the bare window, in the same run, runs interleaved so a busy moment hits
every subject alike. A second subject shows what the chosen stack costs before any
page: the bare window reading the built-in study with the app's pydantic models
(nothing of it shown); its whole run is set against the same targets. A third
(benchmarks/same_widgets.py): the same, then the widgets the app has once every page is
built, recorded from the app in the same run, made as plain Qt with their words; the
app's whole run is also given against it. Targets (issue 18): first paint <= 1.3x the bare window,
start-up memory <= 1.3x, whole-run CPU <= 2.5x, whole-run memory <= 1.8x.

The runs use Qt's offscreen platform (no display needed), an empty set of user
folders each time and a warm disk cache (one unmeasured run first). The app's
modules are byte-compiled first, as pip and the bundle ship them: with
PYTHONDONTWRITEBYTECODE set, every run would otherwise compile them from source.
On a busy machine the times spread: look at the (min-max) column and the CPU time.

Subjects: a bare PySide6 window of the app's size; the app from the source tree
(`python -m explainer`); the bundle in dist/ if `packaging/build` made one. The
app and the bundle print "window shown: ..." at their first paint when
TRIAL_EXPLAINER_SMOKE=1 (explainer/app.py); the bare window does the same below.
"""

from __future__ import annotations

import argparse
import compileall
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
sys.path.insert(0, str(ROOT))

from benchmarks import same_widgets  # noqa: E402
DEFAULT_BUNDLE = ROOT / "dist" / "trial-explainer" / ("trial-explainer.exe" if os.name == "nt" else "trial-explainer")
MARKER = "window shown:"
PAINT_MEMORY = "peak memory at first paint (KiB):"  # as explainer.app prints it
PAINT_CPU = "CPU time at first paint (ms):"  # likewise
STALL = "longest event loop stall while pages build (ms):"  # likewise
START_TARGET, MEMORY_TARGET, CPU_TARGET, WHOLE_MEMORY_TARGET = 1.3, 1.3, 2.5, 1.8
TIMEOUT = 60.0  # seconds

def bare_window(after_paint: str = "") -> str:
    """A bare PySide6 window's script; ``after_paint``: Python run once it is painted."""
    return f"""
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def painted():
    peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    print("{PAINT_MEMORY} " + peak, file=sys.stderr, flush=True)
{after_paint}
    QApplication.quit()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("{PAINT_CPU} %d" % (time.process_time() * 1000), file=sys.stderr, flush=True)
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


BARE_WINDOW = bare_window()
# The second floor: the bare window that, once painted, reads the built-in study with
# the app's pydantic models as the app does, and shows nothing of it. What the chosen
# stack costs before any page is built (issue 18: the whole-run target is against the
# bare window alone).
READING_THE_STUDY = bare_window("""    import explainer  # as the app: no pydantic plugins looked for
    from explainer.content import load_study_bundle
    load_study_bundle(None)""")

# The third floor (benchmarks/same_widgets.py): the bare window, reading the study as
# above, then making the very widgets the app has once every page is built (recorded
# from the app in the same run), as plain Qt with the same words and no app logic.
SAME_WIDGETS = "bare window reading the study, then the app's widgets as plain Qt"
APP = "app (python -m explainer)"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    cpu_seconds: float  # user + system time of the whole process: steadier on a busy machine
    paint_mb: float | None  # peak resident memory once the first paint was done (Linux)
    paint_cpu_ms: float | None  # user + system CPU time when the first paint began: steadier than "seconds"
    stall_ms: float | None  # the app's longest event-loop stall while its pages were built


def _reported(stderr: str, prefix: str) -> int | None:
    value = next((line.split(":")[-1].strip() for line in stderr.splitlines() if line.startswith(prefix)), "")
    return int(value) if value.isdigit() else None


def paint_memory_mb(stderr: str) -> float | None:
    kib = _reported(stderr, PAINT_MEMORY)
    return None if kib is None else kib / 1024


def smoke_env(home: Path) -> dict[str, str]:
    """Qt's offscreen platform, the app's smoke start, user folders empty under ``home``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIAL_EXPLAINER_SMOKE="1")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    return env


def record_the_widgets(manifest: Path) -> None:
    """The app's widgets once all is built, for the third floor (benchmarks/same_widgets.py)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as home:
        done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "same_widgets.py"), "--record", str(manifest)],
                              env=smoke_env(Path(home)), capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode != 0 or not manifest.exists():
        raise SystemExit(f"the app's widgets could not be recorded:\n{done.stderr[-2000:]}")


def measure(command: list[str]) -> Run:
    """One fresh process: seconds from spawn to its first-paint line, and its peak RSS."""
    with tempfile.TemporaryDirectory(prefix="bench-") as home:
        env = smoke_env(Path(home))
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
    stall = _reported(stderr, STALL)
    cpu = _reported(stderr, PAINT_CPU)
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime,  # ru_maxrss: KiB on Linux
               paint_memory_mb(stderr), None if cpu is None else float(cpu), None if stall is None else float(stall))


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float | None]) -> Spread | None:
        known = [v for v in values if v is not None]
        return Spread(statistics.median(known), min(known), max(known)) if len(known) == len(values) else None


@dataclass(frozen=True)
class Result:
    name: str
    seconds: Spread
    cpu_seconds: Spread
    paint_mb: Spread | None
    paint_cpu_ms: Spread | None
    peak_mb: Spread
    stall_ms: Spread | None


def median_of(name: str, runs: list[Run]) -> Result:
    return Result(name, Spread.of([r.seconds for r in runs]), Spread.of([r.cpu_seconds for r in runs]),
                  Spread.of([r.paint_mb for r in runs]), Spread.of([r.paint_cpu_ms for r in runs]),
                  Spread.of([r.peak_mb for r in runs]),
                  Spread.of([r.stall_ms for r in runs]))


def benchmark(subjects: dict[str, list[str]], repeat: int) -> list[Result]:
    compileall.compile_dir(ROOT / "explainer", quiet=1)  # as installed: no compiling from source in each run
    for command in subjects.values():  # warm the disk cache; not counted
        measure(command)
    runs: dict[str, list[Run]] = {name: [] for name in subjects}
    for _ in range(repeat):  # interleaved, so a busy moment hits every subject alike
        for name, command in subjects.items():
            runs[name].append(measure(command))
    return [median_of(name, name_runs) for name, name_runs in runs.items()]


def pdf_export_seconds(repeat: int) -> str:
    """The whole `trial-explainer pdf` command (interpreter, reportlab, writing), against
    the floor of starting Python and loading reportlab's layout engine."""
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder:
        out = Path(folder) / "summary.pdf"
        command, floor = [], []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import reportlab.platypus"], check=True)
            floor.append(time.perf_counter() - start)
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "explainer", "pdf", "-o", str(out)],
                                  capture_output=True, text=True)
            command.append(time.perf_counter() - start)
            if done.returncode != 0 or not out.exists():
                return f"failed: {done.stderr.strip()}"
        size = out.stat().st_size / 1024
    took, base = Spread.of(command), Spread.of(floor)
    return (f"{took.median:.2f} s ({took.low:.2f}-{took.high:.2f}), {size:.0f} KB; floor (python -c 'import "
            f"reportlab.platypus') {base.median:.2f} s ({base.low:.2f}-{base.high:.2f}): {took.median / base.median:.1f}x")


def _figure(spread: Spread | None, unit: str, digits: int) -> str:
    if spread is None:
        return "n/a"
    return f"{spread.median:.{digits}f} {unit} ({spread.low:.{digits}f}-{spread.high:.{digits}f})"


def _judged(value: Spread | None, bare: Spread | None, target: float | None) -> str:
    if value is None or bare is None or not bare.median:
        return ""
    ratio = value.median / bare.median
    if target is None:
        return f"{ratio:.2f}x"
    return f"{ratio:.2f}x (target <= {target}x: {'OK' if ratio <= target else 'MISSED'})"


def report(results: list[Result], repeat: int) -> str:
    bare = results[0]
    lines = [f"Start-up and whole run: Qt offscreen platform, median (min-max) of {repeat} fresh processes "
             f"each, after one warm-up run. Floor: the bare window, measured in the same run.", ""]
    rows = (("first paint", "seconds", "s", 3, START_TARGET),
            ("first paint, CPU time", "paint_cpu_ms", "ms", 0, START_TARGET),
            ("start-up memory", "paint_mb", "MB", 1, MEMORY_TARGET),
            ("whole-run CPU time", "cpu_seconds", "s", 3, CPU_TARGET),
            ("whole-run memory", "peak_mb", "MB", 1, WHOLE_MEMORY_TARGET),
            ("longest stall while pages build", "stall_ms", "ms", 0, None))
    for result in results[1:]:
        lines.append(f"{result.name}")
        lines.append(f"  {'':34} {'floor: ' + bare.name:>30} {'this':>26}   ratio")
        for label, field, unit, digits, target in rows:
            mine, floor = getattr(result, field), getattr(bare, field)
            lines.append(f"  {label:34} {_figure(floor, unit, digits):>30} {_figure(mine, unit, digits):>26}   "
                         f"{_judged(mine, floor, target)}")
        lines.append("")
    return "\n".join(lines)


def against_the_same_widgets(results: list[Result]) -> str:
    """The app's whole run against the third floor: what its own choices add to the widgets it shows."""
    by_name = {result.name: result for result in results}
    floor, app, bare = by_name[SAME_WIDGETS], by_name[APP], results[0]
    return (f"The third floor ({SAME_WIDGETS}) against the bare window: whole-run CPU "
            f"{_judged(floor.cpu_seconds, bare.cpu_seconds, CPU_TARGET)}, memory "
            f"{_judged(floor.peak_mb, bare.peak_mb, WHOLE_MEMORY_TARGET)}.\n"
            f"The app's whole run against that floor: CPU {_judged(app.cpu_seconds, floor.cpu_seconds, None)}, "
            f"memory {_judged(app.peak_mb, floor.peak_mb, None)}.")


def in_process(script: str, *args: str) -> str:
    """One of the in-process benchmarks, in a fresh interpreter (nothing shared with the above)."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args], capture_output=True, text=True)
    return done.stdout.rstrip() if done.returncode == 0 else f"{script} failed:\n{done.stderr}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure start-up time and memory, then the in-process figures.")
    parser.add_argument("--repeat", type=int, default=9, help="measured runs per subject (default 9)")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="the bundled executable")
    parser.add_argument("--samples", default=str(Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "ctgov"),
                        help="ClinicalTrials.gov records for the glossary benchmark")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-widgets-") as folder:
        manifest = Path(folder) / "widgets.json"
        record_the_widgets(manifest)
        subjects = {"bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
                    "bare window reading the study (pydantic models), nothing shown of it":
                        [sys.executable, "-c", READING_THE_STUDY],
                    SAME_WIDGETS: [sys.executable, "-c", bare_window(same_widgets.after_paint(manifest))],
                    APP: [sys.executable, "-m", "explainer"]}
        if args.bundle.exists():
            subjects["bundle (dist/)"] = [str(args.bundle)]
        results = benchmark(subjects, args.repeat)
    print(report(results, args.repeat))
    print(against_the_same_widgets(results))
    if not args.bundle.exists():
        print(f"bundle: not measured ({args.bundle} not found; build it with packaging/build)")
    print(f"\nPDF export (whole `trial-explainer pdf` command, median of 3): {pdf_export_seconds(3)}")
    print(f"\n{in_process('pdf_bench.py')}")
    print(f"\n{in_process('record_bench.py')}")
    print(f"\n{in_process('record_window_bench.py')}")
    print(f"\n{in_process('record_pdf_bench.py')}")
    print(f"\n{in_process('glossary_bench.py', '--samples', args.samples)}")
    print(f"\n{in_process('pages_growth_bench.py')}")
    print(f"\n{in_process('compare_pdf_bench.py')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

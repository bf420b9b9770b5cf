"""PDF export time and size: the full summary against a minimal two-page reportlab
document, in one run, in-process, after a warm-up (fonts registered, modules loaded).

    .venv/bin/python benchmarks/pdf_bench.py [--runs N]

Target: the full summary renders in under 100 ms (median).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from explainer.answers_io import load_answers  # noqa: E402
from explainer.content import load_trial  # noqa: E402
from explainer.pdf import render_summary_pdf  # noqa: E402
from explainer.summary_source import make_summary  # noqa: E402

ANSWERS = ROOT / "tests" / "fixtures" / "full.answers.json"
TARGET_MS = 100.0


def minimal_two_pages() -> bytes:
    """The smallest honest comparison: two pages of text, same font, same mode."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from explainer.pdf.fonts import REGULAR, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=10)
    doc = SimpleDocTemplate(buffer, initialFontName=REGULAR, invariant=1)
    doc.build([Paragraph("Page one.", style), PageBreak(), Paragraph("Page two.", style)])
    return buffer.getvalue()


def timed(make: Callable[[], bytes], runs: int) -> tuple[float, float, float, int]:
    """Median and best wall time, and median CPU time (steadier on a busy machine), in ms."""
    make()  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        data = make()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), min(walls), statistics.median(cpus), len(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    trial = load_trial()
    answers = load_answers(ANSWERS)
    printed, start = dt.date(2026, 11, 24), dt.date(2026, 12, 1)

    def summary_only() -> bytes:
        make_summary(trial, answers, printed, start=start)
        return b""

    full = lambda: render_summary_pdf(make_summary(trial, answers, printed, start=start))  # noqa: E731
    rows = [("full summary (Summary + PDF)", *timed(full, args.runs)),
            ("  of which building the Summary", *timed(summary_only, args.runs)),
            ("minimal 2-page reportlab document", *timed(minimal_two_pages, args.runs))]
    print(f"{'what':36} {'median ms':>10} {'best ms':>8} {'CPU ms':>7} {'bytes':>7}")
    for name, median, best, cpu, size in rows:
        print(f"{name:36} {median:10.1f} {best:8.1f} {cpu:7.1f} {size:7}")
    verdict = "meets" if rows[0][1] < TARGET_MS else "MISSES (is the machine busy? see best and CPU)"
    print(f"target < {TARGET_MS:.0f} ms (median) for the full summary: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

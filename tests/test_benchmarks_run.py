"""The in-process benchmarks still run against today's code (one run each, no timing
asserted): `./dev bench` broke once when a function it calls changed its arguments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"


@pytest.mark.slow
@pytest.mark.parametrize(("script", "extra", "says"), [
    ("pdf_bench.py", [], "the self-check after one changed answer"),
    ("record_pdf_bench.py", [], "NCT04267848"),
    ("record_bench.py", [], "4,592 places (1.50 MB): to model"),
    ("record_window_bench.py", ["--notches", "5", "--stall-runs", "1"], "longest event-loop gap"),
    ("glossary_bench.py", ["--samples", str(SAMPLES)], "marking, 16x"),
    ("pages_growth_bench.py", [], "pages, 16x: 512 places"),
    ("compare_pdf_bench.py", [], "comparison PDF, 16 studies"),
    ("stall_gaps.py", ["--top", "3"], "longest turn, CPU"),
])
def test_a_benchmark_runs_to_the_end(script: str, extra: list[str], says: str) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), "--runs", "1", *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert says in done.stdout and "Traceback" not in done.stderr

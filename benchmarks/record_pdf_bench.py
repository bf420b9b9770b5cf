"""In-process figure: the summary PDF of the largest sample record (1,148 places, the
longest criteria) against the NCT04883242 PDF measured in the same run. Target (issue
16): within 2x the NCT04883242 PDF's time.

    .venv/bin/python benchmarks/record_pdf_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import row, timed  # noqa: E402
from explainer.answers_io import load_answers  # noqa: E402
from explainer.content import load_general_glossary, load_trial  # noqa: E402
from explainer.core.study_check import check_study  # noqa: E402
from explainer.core.study_summary import build_study_summary  # noqa: E402
from explainer.pdf import render_summary_pdf  # noqa: E402
from explainer.pdf.study_story import render_study_pdf  # noqa: E402
from explainer.records_io import read_studies  # noqa: E402
from explainer.study_words_io import study_summary_words, study_words  # noqa: E402
from explainer.summary_source import make_summary  # noqa: E402

ANSWERS = ROOT / "tests" / "fixtures" / "full.answers.json"
SAMPLES = ROOT / "tests" / "fixtures" / "ctgov"
LARGEST = ("NCT04267848", "NCT04431453")  # the most places; the largest file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    trial, answers = load_trial(), load_answers(ANSWERS)
    printed, start = dt.date(2026, 11, 24), dt.date(2026, 12, 1)
    curated = timed(lambda: render_summary_pdf(make_summary(trial, answers, printed, start=start)), args.runs)
    print(f"In-process, median of {args.runs} runs after a warm-up (min-max), wall time; CPU is the median CPU time")
    print(row("the full NCT04883242 PDF (Summary + render)", curated))
    words, summary_words, glossary = study_words(), study_summary_words(), load_general_glossary()
    for nct_id in LARGEST:
        study = read_studies(SAMPLES / f"{nct_id}.json")[0]

        def make() -> bytes:
            check = check_study(study, answers, summary_words.check)
            summary = build_study_summary(study, words, summary_words, printed, check=check, glossary=glossary)
            return render_study_pdf(summary)  # with its hard words at the end, as the command makes it

        figure = timed(make, args.runs)
        print(row(f"the {nct_id} record's PDF (check + pages + render)", figure, curated, 2 * curated.median_ms)
              .replace("x floor", "x NCT04883242"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

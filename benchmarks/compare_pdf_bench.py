"""In-process figure: the comparison PDF ("Studies I looked at": the table of
explainer.core.compare, then explainer.pdf.compare_story.render_compare_pdf) for 1, 4
and 16 studies (issue 18: it should grow no faster than the work).

    .venv/bin/python benchmarks/compare_pdf_bench.py [--runs N]

The studies are the sample records in tests/fixtures/ctgov, in name order, repeated to
reach 16, each checked against tests/fixtures/full.answers.json once (record_facts,
not timed: the window holds these facts). Timed: the table and the PDF, as the window's
"Save PDF" makes them. The floor is the same table's words as plain paragraphs in a
one-column reportlab document (the app's font): the PDF cannot be cheaper than setting
its words once. Linear growth: the ratio to the floor, and the CPU time each study adds
beyond the first (whose PDF also pays for the fonts and the page's fixed parts), stay
about the same from 1 to 16.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import row, timed  # noqa: E402
from explainer.answers_io import load_answers  # noqa: E402
from explainer.core.compare import Comparison, comparison, record_facts  # noqa: E402
from explainer.pdf.compare_story import render_compare_pdf  # noqa: E402
from explainer.records_io import read_studies  # noqa: E402
from explainer.study_words_io import compare_words, study_summary_words, study_words  # noqa: E402

SAMPLES = ROOT / "tests" / "fixtures" / "ctgov"
ANSWERS = ROOT / "tests" / "fixtures" / "full.answers.json"
TODAY = dt.date(2026, 12, 1)


def plain_words(table: Comparison) -> bytes:
    """The floor: every heading and cell of the table as a plain paragraph, one column."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from explainer.pdf.fonts import REGULAR, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=10)
    doc = SimpleDocTemplate(buffer, initialFontName=REGULAR, invariant=1)
    texts = [*table.headings, *(cell for r in table.rows for cell in (r.label, *r.cells))]
    doc.build([Paragraph(escape(t), style) for t in texts])
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    answers, check_words = load_answers(ANSWERS), study_summary_words().check
    samples = [record_facts(study, answers, check_words)
               for path in sorted(SAMPLES.glob("*.json")) for study in read_studies(path)]
    words, sw = compare_words(), study_words()
    subtitle, footer = words.pdf_subtitle.format(date="1 December 2026"), words.pdf_footer.format(date="1 December 2026")

    def pdf_of(facts: list) -> bytes:
        return render_compare_pdf(comparison(facts, words, sw, None, TODAY), subtitle, footer, TODAY, "a4")

    print(f"The comparison PDF (table + render_compare_pdf), in-process, the {len(samples)} sample records "
          f"repeated to 1, 4, 16 studies; median of {args.runs} runs after a warm-up (min-max), wall time; CPU is "
          "the median CPU time. Floor: the same table's words as plain paragraphs")
    first = None
    for count in (1, 4, 16):
        facts = [samples[i % len(samples)] for i in range(count)]
        table = comparison(facts, words, sw, None, TODAY)
        floor = timed(lambda t=table: plain_words(t), args.runs)
        pdf = timed(lambda f=facts: pdf_of(f), args.runs)
        size = len(pdf_of(facts)) / 1024
        first = first or pdf
        studies = f"{count:>2} {'study' if count == 1 else 'studies'}"
        added = f", {(pdf.cpu_ms - first.cpu_ms) / (count - 1):.2f} per study added" if count > 1 else ""
        print(row(f"floor: the table's words, {studies}", floor))
        print(row(f"comparison PDF, {studies} ({size:.0f} KB)", pdf, floor)
              + f"  {pdf.cpu_ms / count:.2f} ms CPU per study{added}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

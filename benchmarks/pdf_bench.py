"""In-process figures: the summary PDF, the Summary behind it, and the self-check after
one changed answer, each against a minimal two-page reportlab document measured in the
same run (after a warm-up: fonts registered, modules loaded, the glossary's pattern built).

    .venv/bin/python benchmarks/pdf_bench.py [--runs N]

Targets (issue 18): the full NCT04883242 PDF <= 50 ms median, building the Summary
<= 5 ms, re-evaluating the self-check after one changed answer <= 5 ms. The PDF keeps
its parsed paragraphs and their lines for the process (explainer/pdf/paragraph.py),
so a PDF made again (the export dialog's preview, another paper size, the save) costs
less than one whose texts are all new: that one is printed too, with nothing kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import row, timed  # noqa: E402
from explainer.answers_io import load_answers  # noqa: E402
from explainer.content import load_glossary, load_questions, load_trial  # noqa: E402
from explainer.core.answers import LabValue, new_answers_file  # noqa: E402
from explainer.core.eligibility import evaluate  # noqa: E402
from explainer.pdf import render_summary_pdf  # noqa: E402
from explainer.summary_source import make_summary  # noqa: E402

ANSWERS = ROOT / "tests" / "fixtures" / "full.answers.json"
PDF_TARGET_MS, SUMMARY_TARGET_MS, RECHECK_TARGET_MS = 50.0, 5.0, 5.0


def minimal_two_pages() -> bytes:
    """The floor: two pages of text, same font, same mode."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from explainer.pdf.fonts import REGULAR, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=10)
    doc = SimpleDocTemplate(buffer, initialFontName=REGULAR, invariant=1)
    doc.build([Paragraph("Page one.", style), PageBreak(), Paragraph("Page two.", style)])
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    trial = load_trial()
    answers = load_answers(ANSWERS)
    questions, glossary = load_questions(), load_glossary()
    printed, start = dt.date(2026, 11, 24), dt.date(2026, 12, 1)
    given = {key: answers.answers.get(key) for key in answers.answers.answered()}
    platelets = iter(range(10**9))

    def recheck() -> str:
        """What the questionnaire does when one answer changes: validate the answers,
        evaluate every rule, write the results page."""
        from explainer.ui.results import results_html

        changed = {**given, "platelets": LabValue(value=50 + next(platelets) % 100, unit="10^9/L")}
        answers_file = new_answers_file(trial.nct_id, answers.as_of, questions.answers_model.model_validate(changed))
        return results_html(evaluate(trial, answers_file, questions), trial, glossary)

    def fresh_pdf() -> bytes:
        return render_summary_pdf(make_summary(trial, answers, printed, start=start))

    def forget() -> None:
        """Untimed: a first PDF has nothing kept, so nothing to drop either (dropping the
        earlier run's paragraphs took about 1 ms of its own)."""
        from explainer.pdf.paragraph import forget_kept

        forget_kept()

    floor = timed(minimal_two_pages, args.runs)
    pdf = timed(lambda: render_summary_pdf(make_summary(trial, answers, printed, start=start)), args.runs)
    fresh = timed(fresh_pdf, args.runs, before=forget)
    summary = timed(lambda: make_summary(trial, answers, printed, start=start), args.runs)
    check = timed(recheck, args.runs)
    print(f"In-process, median of {args.runs} runs after a warm-up (min-max), wall time; CPU is the median CPU time")
    print(row("floor: a minimal 2-page reportlab document", floor))
    print(row("the full NCT04883242 PDF (Summary + render)", pdf, floor, PDF_TARGET_MS))
    print(row("the same, no paragraph kept from an earlier PDF", fresh, floor))
    print(row("building the Summary", summary, floor, SUMMARY_TARGET_MS))
    print(row("the self-check after one changed answer", check, floor, RECHECK_TARGET_MS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`trial-explainer compare RECORD... [--built-in] [--answers FILE] -o OUT.pdf`: the page
"Studies I looked at" for the studies given (added to the CLI; see README).

Each RECORD is a ClinicalTrials.gov record file (every study in it is compared) or
the app's own trial file; ``--built-in`` puts the built-in study first. The answers
file is checked against every study, as ``check ANSWERS --trial RECORD`` does.
Bad input: exit 2, one line, no file left.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from explainer.answers_io import load_answers
from explainer.commands.pdf import check_output_folder, write_bytes_atomically
from explainer.commands.record import _is_app_trial, place_of
from explainer.content import load_questions, load_trial
from explainer.core.compare import StudyFacts, comparison, record_facts, trial_facts
from explainer.core.paper import paper_for_environment
from explainer.core.study_pages import PartialDate, format_date
from explainer.errors import UsageError
from explainer.records_io import RecordFileError, parse_record, read_record_bytes
from explainer.study_words_io import compare_words, study_summary_words, study_words

MAX_STUDIES = 50   # one page to take along, not a search result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = 'Make the PDF page "Studies I looked at": the studies side by side.'
    parser.add_argument("records", nargs="*", type=Path, metavar="RECORD",
                        help="a ClinicalTrials.gov record file (API v2 JSON) or a trial file")
    parser.add_argument("--built-in", action="store_true", help="put the built-in study first")
    parser.add_argument("--answers", type=Path, help="an answers file: your self-check for each study")
    parser.add_argument("-o", "--output", required=True, help="where to save the PDF")
    parser.add_argument("--paper", choices=("letter", "a4"), help="paper size (default: from the locale)")
    parser.add_argument("--large-print", action="store_true", help="larger text")
    parser.add_argument("--country", help="show a place in this country")
    parser.add_argument("--state", help="show a place in this state")


def run(args: argparse.Namespace, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    if not args.records and not args.built_in:
        raise UsageError("give at least one record file, or --built-in")
    if args.trial is not None or args.study is not None:
        raise UsageError("compare takes record files as arguments, not --trial or --study")
    check_output_folder(args.output, args.answers, *args.records)
    answers = load_answers(args.answers, None) if args.answers else None
    facts = [trial_facts(load_trial(None), answers, load_questions())] if args.built_in else []
    for path in args.records:
        facts += _facts_of(path, answers)
        if len(facts) > MAX_STUDIES:
            raise UsageError(f"compare takes at most {MAX_STUDIES} studies")
    words, sw = compare_words(), study_words()
    table = comparison(facts, words, sw, place_of(args), today)
    day = format_date(PartialDate(year=today.year, month=today.month, day=today.day), sw)
    from explainer.pdf.compare_story import render_compare_pdf  # reportlab loads only now

    paper = args.paper or paper_for_environment(dict(os.environ))
    pdf = render_compare_pdf(table, words.pdf_subtitle.format(date=day), words.pdf_footer.format(date=day), today,
                             paper, args.large_print)
    write_bytes_atomically(Path(args.output), pdf)
    return 0


def _facts_of(path: Path, answers: object) -> list[StudyFacts]:
    data = read_record_bytes(path)  # a regular file under the size limit, or one plain sentence
    if _is_app_trial(data):
        return [trial_facts(load_trial(path), answers, load_questions())]  # type: ignore[arg-type]
    try:
        studies = parse_record(data).studies
    except RecordFileError as err:
        raise RecordFileError(err.plain, str(path)) from None
    check_words = study_summary_words().check
    return [record_facts(study, answers, check_words) for study in studies]  # type: ignore[arg-type]

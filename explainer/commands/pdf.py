"""`trial-explainer pdf [ANSWERS.json] -o OUT.pdf [--start-date YYYY-MM-DD]`: see
../shared/spec/interfaces.md §2. The same PDF as File > Export PDF… in the app.

The printing date is today (the command line may read the clock; the core may
not). Paper is Letter or A4 from the locale (LC_ALL, LC_PAPER, LANG), or --paper.
Bad input or an output that cannot be written: exit 2, one line, no file left.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from explainer.answers_io import load_answers
from explainer.commands.calendar import check_in_range, check_output, pick_arm
from explainer.core.answers import AnswersFile
from explainer.core.model import Trial
from explainer.core.paper import Paper, paper_for_environment
from explainer.core.registry_record import RegistryStudy
from explainer.errors import UsageError
from explainer.files import CannotWriteHere, write_atomically
from explainer.summary_source import review_answers, summary_of


def run(args: argparse.Namespace, today: dt.date | None = None) -> int:
    from explainer.commands.record import open_study, run_pdf

    study = open_study(args.trial, args.study)
    if isinstance(study, RegistryStudy):
        return run_pdf(args, study, today)
    trial = study.trial
    answers, start = answers_and_start(args, trial)
    output = Path(args.output)
    check_output_folder(args.output, args.answers, args.trial)
    printed = today or dt.date.today()
    summary = summary_of(review_answers(trial, answers, printed), printed, start=start,
                         arm=pick_arm(args.arm, trial, required=False), glossary=study.glossary)
    from explainer.pdf import render_summary_pdf  # reportlab loads only now

    paper: Paper = args.paper or paper_for_environment(dict(os.environ))
    write_bytes_atomically(output, render_summary_pdf(summary, paper, args.large_print))
    return 0


def answers_and_start(args: argparse.Namespace, trial: Trial) -> tuple[AnswersFile | None, dt.date | None]:
    """The answers file (if given) and the first treatment day (if given), checked:
    the PDF and the web page read them the same way."""
    answers = load_answers(args.answers, trial.nct_id) if args.answers else None
    start = parse_start_date(args.start_date)
    if start is not None:
        check_in_range(start, trial)  # 9999-12-01 would overflow the dates; 1900 is no real first day
    return answers, start


def parse_start_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        if len(text) != 10:  # fromisoformat also takes '20270104'; the calendar command does not
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--start-date: {text!r} is not a date; use YYYY-MM-DD, e.g. 2026-03-02") from None


def check_output_folder(path: Path | str, *inputs: Path | None) -> None:
    """Fail before the work, with a message that says what to do."""
    check_output(path, *inputs, example="summary.pdf")


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """All or nothing (explainer.files.write_atomically); an exported PDF is an ordinary
    file, not private like the answers. Each failure says which step failed."""
    try:
        write_atomically(path, data, private=False)
    except CannotWriteHere as err:
        raise UsageError(f"{path}: cannot write here ({err.strerror})") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot write the PDF ({err.strerror})") from None

"""`trial-explainer html [ANSWERS.json] -o OUT.html [--start-date YYYY-MM-DD] [--delay CYCLE:DAYS ...]`:
see ../shared/spec/interfaces.md §3. The same summary as the PDF, as one accessible,
self-contained web page (explainer/webpage/); the same as File > Save summary as web page….

Written all or nothing (explainer.files.write_atomically), private to the user like
the answers it may hold. Bad input: exit 2, one line, no file left.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from explainer.commands.calendar import check_output, parse_delays, pick_arm
from explainer.commands.pdf import answers_and_start
from explainer.core.registry_record import RegistryStudy
from explainer.errors import UsageError
from explainer.files import write_atomically
from explainer.summary_source import review_answers, summary_of
from explainer.webpage import render_summary_html

EXAMPLE_NAME = "summary.html"


def run(args: argparse.Namespace, today: dt.date | None = None) -> int:
    from explainer.commands.record import open_study, run_html

    study = open_study(args.trial, args.study)
    if isinstance(study, RegistryStudy):
        return run_html(args, study, today)
    trial = study.trial
    answers, start = answers_and_start(args, trial)
    if args.delay and start is None:
        raise UsageError("--delay needs --start-date: a delay moves your dates")
    arm = pick_arm(args.arm, trial, required=False)
    delays = parse_delays(args.delay, trial, arm)
    check_output(args.output, args.answers, args.trial, example=EXAMPLE_NAME)  # never over a file it reads
    printed = today or dt.date.today()
    summary = summary_of(review_answers(trial, answers, printed), printed, start=start, delays=delays, arm=arm,
                         glossary=study.glossary)
    write_web_page(args.output, render_summary_html(summary))
    return 0


def write_web_page(path: Path | str, page: str) -> None:
    """All or nothing, private like the answers (it may hold them); one line if it fails."""
    try:
        write_atomically(Path(path), page)
    except OSError as err:
        raise UsageError(f"{path}: cannot be written ({err.strerror})") from None

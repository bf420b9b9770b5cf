"""`trial-explainer calendar --start-date YYYY-MM-DD -o OUT.ics`: see ../shared/spec/interfaces.md.

Exit 0 with the file written; 2 with one line on stderr, and no file, for an
impossible date or an output that cannot be written.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from explainer.calendar_ics import first_day_range, timeline_to_ics, treatment_day_count, write_ics
from explainer.content import load_trial
from explainer.core.facts import long_date
from explainer.core.model import Trial
from explainer.core.schedule import build_timeline
from explainer.errors import UsageError
from explainer.files import output_problem


def parse_start_date(text: str) -> dt.date:
    """Only YYYY-MM-DD, and only a date that exists ('2027-02-30' does not)."""
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--start-date: {text!r} is not a real date; use YYYY-MM-DD, "
                         "for example 2027-01-04") from None


def check_in_range(start: dt.date, trial: Trial) -> None:
    first, last = first_day_range(trial)
    if not first <= start <= last:
        why = f"the study started on {first.isoformat()}" if start < first else f"use a date up to {last.isoformat()}"
        raise UsageError(f"--start-date: {start.isoformat()} is not a possible first treatment day; {why}")


def check_output(path: Path | str, *inputs: Path | None) -> None:
    problem = output_problem(path, "my-treatment.ics", inputs)
    if problem:
        raise UsageError(problem)


def run(args: argparse.Namespace) -> int:
    start = parse_start_date(args.start_date)
    check_output(args.output, args.trial)
    output = Path(args.output)
    trial = load_trial(args.trial)
    check_in_range(start, trial)
    timeline = build_timeline(trial, start)
    try:
        write_ics(output, timeline_to_ics(timeline, trial))
    except OSError as err:
        raise UsageError(f"{output}: cannot be written ({err.strerror})") from None
    print(f"Wrote {treatment_day_count(timeline)} treatment days, from {long_date(start)}, "
          f"to {output}")
    return 0

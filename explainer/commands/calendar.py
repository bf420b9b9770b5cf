"""`trial-explainer calendar --start-date YYYY-MM-DD -o OUT.ics [--clinic-days-only]
[--delay CYCLE:DAYS ...]`: see ../shared/spec/interfaces.md §2 and §3.

Exit 0 with the file written; 2 with one line on stderr, and no file, for an
impossible date or an output that cannot be written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from explainer.calendar_ics import first_day_range, timeline_to_ics, treatment_day_count, write_ics
from explainer.commands.record import is_record, no_schedule
from explainer.content import load_trial
from explainer.core.delays import merge_delays
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


_DELAY = re.compile(r"([0-9]{1,4}):([0-9]{1,4})")


def parse_delays(texts: Sequence[str], trial: Trial) -> Mapping[int, int]:
    """'3:7' -> {3: 7}, checked as the window checks a delay (core.delays)."""
    pairs = []
    for text in texts:
        match = _DELAY.fullmatch(text.strip())
        if match is None:
            raise UsageError(f"--delay: {text!r} is not CYCLE:DAYS; for example 3:7 means "
                             "cycle 3 started 7 days late")
        pairs.append((int(match.group(1)), int(match.group(2))))
    try:
        return merge_delays(pairs, len(build_timeline(trial).cycles))
    except ValueError as err:
        raise UsageError(f"--delay: {err}") from None


def check_output(path: Path | str, *inputs: Path | None) -> None:
    problem = output_problem(path, "my-treatment.ics", inputs)
    if problem:
        raise UsageError(problem)


def run(args: argparse.Namespace) -> int:
    if args.trial is not None and is_record(args.trial, args.study):
        raise no_schedule()  # a record holds no regimen the calendar could lay out
    missing = [name for name, value in (("--start-date", args.start_date), ("-o/--output", args.output))
               if value is None]
    if missing:
        raise UsageError(f"the following arguments are required: {', '.join(missing)}")
    start = parse_start_date(args.start_date)
    check_output(args.output, args.trial)
    output = Path(args.output)
    trial = load_trial(args.trial)
    check_in_range(start, trial)
    timeline = build_timeline(trial, start, parse_delays(args.delay, trial))
    clinic_only = args.clinic_days_only
    try:
        write_ics(output, timeline_to_ics(timeline, trial, clinic_days_only=clinic_only))
    except OSError as err:
        raise UsageError(f"{output}: cannot be written ({err.strerror})") from None
    kind = "clinic days (with the days that may be clinic days)" if clinic_only else "treatment days"
    print(f"Wrote {treatment_day_count(timeline, clinic_only)} {kind}, from {long_date(start)}, "
          f"to {output}")
    return 0

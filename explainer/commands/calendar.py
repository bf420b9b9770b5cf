"""`trial-explainer calendar --start-date YYYY-MM-DD -o OUT.ics [--clinic-days-only]
[--delay CYCLE:DAYS ...] [--arm N]`: see ../shared/spec/interfaces.md §2 and §3.

Exit 0 with the file written; 2 with one line on stderr, and no file, for an
impossible date, an output that cannot be written, a study whose record gives no
schedule, or a study whose groups get different treatment without ``--arm``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from explainer.calendar_ics import first_day_range, timeline_to_ics, treatment_day_count, write_ics
from explainer.commands.record import is_record, no_schedule
from explainer.content import load_study_bundle
from explainer.core.delays import merge_delays
from explainer.core.facts import long_date
from explainer.core.language import say
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
NO_SCHEDULE = ("the study record gives no day-by-day treatment plan, so there are no dates to work out; "
               "ask the study team for your treatment days")


def pick_arm(number: int | None, trial: Trial, *, required: bool) -> int:
    """``--arm N`` (from 1) as an index from 0. Where the groups get different treatment
    and ``required``, a missing ``--arm`` is an error: a calendar for the wrong group misleads."""
    if not trial.regimens:
        if required:
            raise UsageError(NO_SCHEDULE)
        return 0
    groups = len(trial.regimens)
    if number is None:
        if required and groups > 1:
            raise UsageError(f"the {groups} groups in this study get different treatment; "
                             f"say which is yours with --arm 1 to --arm {groups}")
        return 0
    if not 1 <= number <= max(groups, len(trial.arms)):
        raise UsageError(f"--arm: {number} is not a group of this study; use 1 to {max(groups, len(trial.arms))}")
    return number - 1 if groups > 1 else 0


def parse_delays(texts: Sequence[str], trial: Trial, arm: int = 0) -> Mapping[int, int]:
    """'3:7' -> {3: 7}, checked as the window checks a delay (core.delays)."""
    pairs = []
    for text in texts:
        match = _DELAY.fullmatch(text.strip())
        if match is None:
            raise UsageError(f"--delay: {text!r} is not CYCLE:DAYS; for example 3:7 means "
                             "cycle 3 started 7 days late")
        pairs.append((int(match.group(1)), int(match.group(2))))
    if pairs and not trial.regimens:
        raise UsageError(f"--delay: {NO_SCHEDULE}")
    try:
        return merge_delays(pairs, len(build_timeline(trial, arm=arm).cycles) if pairs else 0)
    except ValueError as err:
        raise UsageError(f"--delay: {err}") from None


def check_output(path: Path | str, *inputs: Path | None, example: str = "my-treatment.ics") -> None:
    """Fail before the work, with a message that says what to do (every command that
    writes a file asks here; ``example`` is the file name it suggests)."""
    problem = output_problem(path, example, inputs)
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
    trial = load_study_bundle(args.trial).trial
    check_in_range(start, trial)
    arm = pick_arm(args.arm, trial, required=True)
    timeline = build_timeline(trial, start, parse_delays(args.delay, trial, arm), arm)
    clinic_only = args.clinic_days_only
    try:
        write_ics(output, timeline_to_ics(timeline, trial, clinic_days_only=clinic_only))
    except OSError as err:
        raise UsageError(f"{output}: cannot be written ({err.strerror})") from None
    said = say("Wrote {count} clinic days (with the days that may be clinic days), from {date}, to {path}") \
        if clinic_only else say("Wrote {count} treatment days, from {date}, to {path}")
    print(said.format(count=treatment_day_count(timeline, clinic_only), date=long_date(start), path=output))
    return 0

"""`trial-explainer check ANSWERS.json [--json]`: see ../shared/spec/interfaces.md §2.

Exit 0 whatever the result (the check ran); 2 with one line on stderr for a bad file.
"""

from __future__ import annotations

import argparse

from explainer.answers_io import load_answers
from explainer.commands.record import open_trial, print_check, run_check
from explainer.core.eligibility import STATUS_ICONS, EligibilityReport
from explainer.core.facts import closed_notice, long_date
from explainer.core.language import say
from explainer.core.model import Trial
from explainer.core.registry_record import RegistryStudy
from explainer.errors import UsageError
from explainer.summary_source import review_answers


def run(args: argparse.Namespace) -> int:
    trial = open_trial(args.trial, args.study)
    if isinstance(trial, RegistryStudy):
        return run_check(args, trial)
    if args.answers is None:
        raise UsageError("the following arguments are required: answers")
    answers = load_answers(args.answers, trial.nct_id)
    report = review_answers(trial, answers, answers.as_of).report  # the rows the window and the PDF show
    return print_check(args.json, report.to_spec_dict, lambda: human_text(report, trial))


def human_text(report: EligibilityReport, trial: Trial | None = None) -> str:
    """The study's status first (people decide here), then the result, then each rule."""
    help_place = say('on the page "Where to get help" in the Trial Explainer app')
    headline, details = closed_notice(trial, help_place) if trial is not None else ("", "")
    lines = [say("Self-check for study {nct_id}, answers as of {date}").format(nct_id=report.trial,
                                                                              date=long_date(report.as_of)), ""]
    if headline:
        lines += [headline, details, ""]
    lines += [report.overall_words, ""]  # it ends "only the study team decides"
    for result in report.criteria:
        kind = say("Needed") if result.kind == "inclusion" else say("Keeps people out")
        lines.append(f"[{STATUS_ICONS[result.status]} {result.status_words}] "
                     f"{kind}: {result.plain}")
        lines.append(f"    {say('Why:')} {result.reason}")
        if result.ask_doctor:
            lines.append(f"    {result.ask_doctor}")
    for note in report.notes:
        lines.append(f"[{say('Note')}] {note.plain}")
    return "\n".join(lines)

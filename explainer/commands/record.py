"""`--trial FILE` given a ClinicalTrials.gov API v2 record: check, pdf, html and calendar
for any study (../shared/spec/interfaces.md §3).

``open_trial(path, study)`` tells the app's own trial file from a registry record by
its content: the app's file says ``"format": "trial-explainer-trial"`` (or has the
app's own top-level keys, so a broken one is named by field); anything else is read
as a record (explainer.records_io), so a saved web page, a CSV download or an old
XML record gets one plain sentence, exit 2. A file of several studies needs
``--study NCT…``; without it, one line lists the numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explainer.answers_io import load_answers
from explainer.content import load_questions, load_study_bundle
from explainer.core.answers import AnswersFile
from explainer.core.bundle import StudyBundle
from explainer.core.language import SOURCE_LANGUAGE, current_language, say
from explainer.core.model import Trial
from explainer.core.registry_record import RegistryStudy
from explainer.core.study_check import StudyCheck, check_study, ignored_answers, rule_words
from explainer.core.study_pages import Paragraph, Place
from explainer.errors import UsageError
from explainer.records_io import RecordFileError, parse_record, pick, read_record_bytes
from explainer.study_words_io import study_summary_words, study_words
from explainer.trial_kind import STUDY_NEEDS_RECORD, is_app_trial as _is_app_trial  # _is_app_trial: compare's too

if TYPE_CHECKING:
    from explainer.core.study_summary import StudySummary


def open_trial(path: Path | None, study_number: str | None = None) -> Trial | RegistryStudy:
    """The built-in study's trial, the app's trial file or study folder at ``path``, or
    the chosen study of a record."""
    study = open_study(path, study_number)
    return study.trial if isinstance(study, StudyBundle) else study


def open_study(path: Path | None, study_number: str | None = None) -> StudyBundle | RegistryStudy:
    """open_trial, with the curated study's bundle whole (its glossary for the PDF)."""
    if path is None or path.is_dir():
        if study_number is not None:
            raise UsageError(STUDY_NEEDS_RECORD)
        return load_study_bundle(path)
    data = read_record_bytes(path)  # a regular file under the size limit, or one plain sentence
    if _is_app_trial(data):
        if study_number is not None:
            raise UsageError(f"{path}: --study works only with a ClinicalTrials.gov record, not a trial file")
        return load_study_bundle(path)
    try:
        studies = parse_record(data).studies
        return pick(studies, study_number)
    except RecordFileError as err:
        raise RecordFileError(err.plain, str(path)) from None


def is_record(path: Path | None, study_number: str | None = None) -> bool:
    """Whether ``--trial`` names a registry record (checked: a bad one is one plain sentence)."""
    if path is None or path.is_dir() or _is_app_trial(read_record_bytes(path)):
        if study_number is not None:
            open_trial(path, study_number)  # says why --study does not fit
        return False
    open_trial(path, study_number)
    return True


def record_summary_line(path: Path, study_number: str | None = None) -> str:
    """What ``validate`` says of a record the app reads: its number, its items and places."""
    from explainer.core.criteria import split_criteria

    study = open_trial(path, study_number)
    if not isinstance(study, RegistryStudy):
        raise UsageError(f"{path}: this is the app's own trial file, not a ClinicalTrials.gov record")
    items = len(split_criteria(study.criteria or "").items)
    return (f"{path}: ClinicalTrials.gov record of study {study.nct_id}: {items} criteria items, "
            f"{len(study.sites):,} places; the app can explain it")


def load_study_answers(path: Path | None, study: RegistryStudy) -> AnswersFile | None:
    """An answers file saved for any study opens; what this study does not ask is said once on stderr."""
    if path is None:
        return None
    answers = load_answers(path, None)
    ignored = ignored_answers(study, answers)
    if ignored:
        w = study_summary_words().check
        line = (w.ignored_one if len(ignored) == 1 else w.ignored).format(
            count=len(ignored), nct_id=study.nct_id, keys=", ".join(ignored))
        print(f"trial-explainer: {line}", file=sys.stderr)
    return answers


def no_schedule(option: str | None = None) -> UsageError:
    words = study_summary_words().calendar_none
    return UsageError(f"{option}: {words}" if option else words)


def place_of(args: argparse.Namespace) -> Place:
    return Place(country=getattr(args, "country", None), state=getattr(args, "state", None),
                 city=getattr(args, "city", None))


# ---------------------------------------------------------------- check

def run_check(args: argparse.Namespace, study: RegistryStudy) -> int:
    answers = load_study_answers(args.answers, study)
    check = check_study(study, answers, study_summary_words().check, load_questions())
    return print_check(args.json, check.to_spec_dict, lambda: check_text(check, study))


def print_check(as_json: bool, spec: Callable[[], dict[str, Any]], text: Callable[[], str]) -> int:
    """The check's result on standard output: spec §3's JSON, or the words (both kinds of study)."""
    # A terminal that cannot show "µ" or "✓" gets a stand-in, never a traceback.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    print(json.dumps(spec(), indent=2, ensure_ascii=False) if as_json else text())
    return 0


def check_text(check: StudyCheck, study: RegistryStudy, today: dt.date | None = None) -> str:
    """The study's status first (dated), then the neutral result, then each row in words."""
    from explainer.core.eligibility import STATUS_ICONS, disclaimer, overall_words, status_words
    from explainer.core.study_summary import format_date_of

    words, w = study_words(), study_summary_words().check
    as_of = format_date_of(check.as_of, words) if check.as_of else None
    lines = ([w.heading.format(nct_id=check.trial, date=as_of), ""] if as_of else
             [w.heading_no_answers.format(nct_id=check.trial), w.no_answers, ""])
    lines += [_terminal(line) for line in _status_lines(study, today or dt.date.today())] + [""]
    lines += [f"{overall_words(check.overall)}. {disclaimer()}", ""]
    if current_language() != SOURCE_LANGUAGE:  # in English the quotes need no label
        lines += [say("The lines that start with > are the registry's words, in English."), ""]
    for row in check.rows:
        kind = w.needed if row.kind == "inclusion" else w.keeps_out
        found = w.explains_label if row.explains else f"{STATUS_ICONS[row.status]} {status_words(row.kind, row.status)}"
        lines.append(f"[{found}] {'' if row.explains else kind + ' '}({row.id}): {_terminal(row.plain)}")
        lines += ["    > " + _terminal(line) for line in row.source.split("\n")]
        if row.reads and row.plain in (w.unread, w.unread_exclusion):  # read, but left to the patient
            lines.append(f"    {w.read_label} " + _terminal("; ".join(rule_words(rule, w) for rule in row.reads)))
        lines.append(f"    {w.why_label} {_terminal(row.reason)}")
    return "\n".join(lines)


def _status_lines(study: RegistryStudy, today: dt.date) -> list[str]:
    from explainer.core.study_pages import build_study_pages

    status_page = build_study_pages(study, study_words(), today)[0]
    answer = status_page.sections[0]
    return [f"{p.label} {p.text}" if p.label else p.text for p in answer.blocks if isinstance(p, Paragraph)]


def _terminal(text: str) -> str:
    from explainer.core.escaping import terminal_text

    return terminal_text(text)


# ---------------------------------------------------------------- pdf and html

def _summary(args: argparse.Namespace, study: RegistryStudy, today: dt.date) -> StudySummary:
    from explainer.core.study_summary import build_study_summary

    if getattr(args, "start_date", None) is not None:
        raise no_schedule("--start-date")
    if getattr(args, "delay", None):
        raise no_schedule("--delay")
    answers = load_study_answers(args.answers, study)
    words = study_summary_words()
    check = check_study(study, answers, words.check, load_questions()) if answers else None
    from explainer.content import load_general_glossary

    return build_study_summary(study, study_words(), words, today, place_of(args), check,
                               glossary=load_general_glossary())


def run_pdf(args: argparse.Namespace, study: RegistryStudy, today: dt.date | None = None) -> int:
    from explainer.commands.pdf import check_output_folder, write_bytes_atomically
    from explainer.core.paper import paper_for_environment

    check_output_folder(args.output, args.answers, args.trial)
    summary = _summary(args, study, today or dt.date.today())
    from explainer.pdf.study_story import render_study_pdf  # reportlab loads only now

    paper = args.paper or paper_for_environment(dict(os.environ))
    write_bytes_atomically(Path(args.output), render_study_pdf(summary, paper, args.large_print))
    return 0


def run_html(args: argparse.Namespace, study: RegistryStudy, today: dt.date | None = None) -> int:
    from explainer.commands.calendar import check_output
    from explainer.commands.html import EXAMPLE_NAME, write_web_page
    from explainer.webpage.study_page import render_study_html

    check_output(args.output, args.answers, args.trial, example=EXAMPLE_NAME)
    summary = _summary(args, study, today or dt.date.today())
    write_web_page(args.output, render_study_html(summary))
    return 0

"""Everything the PDF summary shows, as data: ``build_summary(...) -> Summary``.

Pure: the trial, the self-check report (or none), the timeline, the printing date
and the user's choices in; texts, rows and grids out. The words come from
``resources/pdf/summary.json`` (passed in as ``SummaryText``), the facts from the
trial, the schedule from the same ``Timeline`` the screen draws, so the PDF, the
screen and the command line cannot disagree. No reportlab, no Qt, no clock here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from explainer.core.answers import AnswersFile, LabValue
from explainer.core.clinic_days import ClinicDayGuide, ClinicDayWords, clinic_day_guide
from explainer.core.eligibility import STATUS_ICONS, EligibilityReport, Status, count_words, status_words, times_uln
from explainer.core.facts import closed_notice, long_date, trial_facts
from explainer.core.language import current_language, say
from explainer.core.model import Trial
from explainer.core.questions import Question, Questionnaire
from explainer.core.rules import rule_questions
from explainer.core.schedule import Place, Timeline, journey
from explainer.core.trial_words import laid_over
from explainer.core.summary_grids import (CycleGrid, DatedCycle, JourneyBox, cycle_grids, cycle_label, dated_cycles,
                                          how_each_is_given, journey_boxes, stage_numbers)
from explainer.core.units import ULN, format_number, format_value

SECTIONS = ("study", "timeline", "self_check", "team_questions", "help", "words")
SectionId = Literal["study", "timeline", "self_check", "team_questions", "help", "words"]
NOT_ANSWERED = "not answered"  # the English of not_answered()
ULN_NOTE = " (normal limit "  # the English of uln_note()


def not_answered() -> str:
    return say("not answered")


def uln_note() -> str:
    """' (normal limit ': after a raw lab value, before the report's normal limit."""
    return say(" (normal limit ")
# About half a year of dates: the cycles that start in the first 196 days (7 four-week
# cycles; 10 three-week ones). Later dates follow the same rhythm, and a page has room for these.
DATED_DAYS_SHOWN = 196

# Given the summary's own text, the terms it uses with their meanings. The glossary
# (issue 7) plugs in here; with no glossary the "words" section is left out.
GlossaryHook = Callable[[str], Sequence[tuple[str, str]]]


class MadeFrom(BaseModel):
    """What the PDF was made from, for {{ made_from }}: with or without the patient's answers."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    with_answers: str
    without_answers: str


class KeyPointsText(BaseModel):
    """The words of the key-points box on page 1: what a reader must not miss."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    heading: str
    status: str
    ask_heading: str
    ask: tuple[str, ...] = Field(min_length=3, max_length=5)
    side_effects_heading: str
    side_effects: tuple[str, ...] = Field(min_length=1)
    call_heading: str
    call: str
    sources: str


class SummaryText(BaseModel):
    """resources/pdf/summary.json: the patient-facing words, editable without code."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    format: Literal["trial-explainer-summary-text"]
    version: Literal[1]
    document_title: str
    subtitle: str
    made_from: MadeFrom
    key_points: KeyPointsText
    short_disclaimer: str
    headings: dict[str, str] = Field(description="A heading per section id, plus 'disclaimer'.")
    study: tuple[str, ...]
    status: str
    facts: tuple[tuple[str, str], ...]
    timeline_intro: str
    how_given: str
    how_to_read: str
    journey_intro: str
    journey: dict[str, str] = Field(description="A stage's words by stage id; a line break starts a new line.")
    dates_intro: str
    dates_delays: str
    dates_more: str
    arm_shown: str = Field("", description="Where groups get different treatment: which one this shows "
                           "({{ arm }}, {{ arms }}).")
    no_schedule: str = Field("", description="Where the record gives no day-by-day plan: what to do instead.")
    self_check_intro: str
    self_check_not_filled: str
    doctor_questions_heading: str
    doctor_questions_intro: str
    not_met_note: str
    team_questions: tuple[str, ...]
    help_intro: str
    contacts: tuple[tuple[str, str], ...]
    disclaimer: tuple[str, ...]


@dataclass(frozen=True)
class SummaryOptions:
    sections: frozenset[str] = frozenset(SECTIONS)
    glossary: GlossaryHook | None = None
    clinic_words: ClinicDayWords | None = None  # resources/timeline.json: what a clinic day asks


@dataclass(frozen=True)
class CheckRow:
    kind: str  # inclusion | exclusion
    status: Status
    plain: str
    source: str  # the registry's wording
    # Answers in the patient's own units that the reason does not already quote, e.g. the
    # other measurable-disease tests when one of them was enough: "Urine M protein: 150 mg ..."
    your_answer: tuple[str, ...]
    reason: str

    @property
    def status_text(self) -> str:
        return f"{STATUS_ICONS[self.status]} {status_words(self.kind, self.status)}"


@dataclass(frozen=True)
class SelfCheck:
    filled: bool
    intro: str
    # The study's status, first (a headline and what it means): people decide here.
    notice: tuple[str, str] = ("", "")
    overall: str = ""
    counts: str = ""
    rows: tuple[CheckRow, ...] = ()
    notes: tuple[str, ...] = ()
    doctor_heading: str = ""
    doctor_intro: str = ""
    doctor_questions: tuple[str, ...] = ()
    not_met_note: str = ""


@dataclass(frozen=True)
class TimelinePart:
    intro: str
    how_given: str  # each medicine's route, and a drip's length where the record gives one
    how_to_read: str
    grids: tuple[CycleGrid, ...]
    journey_intro: str
    journey: tuple[JourneyBox, ...]
    dates_intro: str = ""
    dates: tuple[DatedCycle, ...] = ()
    dates_more: str = ""
    clinic_guide: ClinicDayGuide | None = None


@dataclass(frozen=True)
class KeyPoints:
    heading: str
    status: str
    ask_heading: str
    ask: tuple[str, ...]
    side_effects_heading: str
    side_effects: tuple[str, ...]
    call_heading: str
    call: str
    sources: str

    def all_text(self) -> str:
        return "\n".join((self.heading, self.status, self.ask_heading, *self.ask, self.side_effects_heading,
                          *self.side_effects, self.call_heading, self.call, self.sources))


@dataclass(frozen=True)
class Summary:
    trial_id: str
    title: str
    subtitle: str
    short_disclaimer: str
    record_date: dt.date
    printed_on: dt.date
    sections: tuple[str, ...]  # the chosen sections, in print order
    headings: Mapping[str, str]
    key_points: KeyPoints | None = None
    study: tuple[str, ...] = ()
    status: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    timeline: TimelinePart | None = None
    self_check: SelfCheck | None = None
    team_questions: tuple[str, ...] = ()
    help_intro: str = ""
    contacts: tuple[tuple[str, str], ...] = ()
    words: tuple[tuple[str, str], ...] = ()
    disclaimer: tuple[str, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)

    @property
    def footer(self) -> str:
        """The footer without its page number (the renderer adds 'Page X of Y')."""
        return say("Registry record of {record_date} · Printed on {printed_on}").format(
            record_date=long_date(self.record_date), printed_on=long_date(self.printed_on))

    def all_text(self) -> str:
        """Every word the summary prints (for the glossary hook and for tests)."""
        parts: list[str] = [self.title, self.subtitle, self.short_disclaimer, *self.study, self.status]
        if self.key_points:
            parts.append(self.key_points.all_text())
        parts += [f"{k} {v}" for k, v in (*self.facts, *self.contacts, *self.words)]
        if self.timeline:
            parts += [self.timeline.intro, self.timeline.how_given, self.timeline.how_to_read,
                      self.timeline.dates_intro]
            if self.timeline.clinic_guide:
                parts.append(self.timeline.clinic_guide.all_text())
        if self.self_check:
            check = self.self_check
            parts += [*check.notice, check.intro, check.overall, *check.doctor_questions, *check.notes]
            parts += [f"{r.plain} {r.source} {' '.join(r.your_answer)} {r.reason}" for r in check.rows]
        return "\n".join([*parts, *self.team_questions, *self.disclaimer])


_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def fill(text: str, facts: Mapping[str, str]) -> str:
    """Replace ``{{ key }}`` with the fact; an unknown key is a KeyError naming it."""
    return _PLACEHOLDER.sub(lambda m: facts[m.group(1)], text)


def study_text(text: SummaryText, trial: Trial) -> SummaryText:
    """The generic words with the study's own (its trial file's "words.pdf") laid over them."""
    if not trial.words.pdf:
        return text
    return SummaryText.model_validate(laid_over(text.model_dump(), trial.words.pdf))


def build_summary(trial: Trial, report: EligibilityReport | None, timeline: Timeline | None, printed_on: dt.date,
                  options: SummaryOptions, text: SummaryText, answers: AnswersFile | None = None,
                  questions: Questionnaire | None = None) -> Summary:
    """The summary for one patient. ``answers`` and ``questions`` give "your answer"
    in the patient's own units; without them the self-check quotes only the reasons.
    ``timeline`` is None where the record gives no schedule."""
    text = study_text(text, trial)
    facts = trial_facts(trial)
    if timeline is not None and timeline.start:
        facts["start"] = long_date(timeline.start)
    if report is not None:
        facts["as_of"] = long_date(report.as_of)
    chosen = tuple(s for s in SECTIONS if s in options.sections and s != "words")
    # "Your own answers" only when the PDF shows some: a summary without them must not claim them.
    with_answers = report is not None and "self_check" in chosen
    facts["made_from"] = text.made_from.with_answers if with_answers else text.made_from.without_answers
    summary = Summary(
        trial_id=trial.nct_id, title=fill(text.document_title, facts), subtitle=fill(text.subtitle, facts),
        short_disclaimer=text.short_disclaimer, record_date=trial.last_updated, printed_on=printed_on,
        sections=chosen, headings=dict(text.headings), key_points=_key_points(text.key_points, facts),
        study=tuple(fill(p, facts) for p in text.study) if "study" in chosen else (),
        status=fill(text.status, facts) if "study" in chosen else "",
        facts=tuple((k, fill(v, facts)) for k, v in text.facts) if "study" in chosen else (),
        timeline=_timeline_part(trial, timeline, text, facts, options) if "timeline" in chosen else None,
        self_check=_self_check(trial, report, text, facts, answers, questions, _help_place(text, chosen))
        if "self_check" in chosen else None,
        team_questions=(*text.team_questions, *(timeline.open_questions if timeline else ()))
        if "team_questions" in chosen else (),
        help_intro=text.help_intro if "help" in chosen else "",
        contacts=tuple((k, fill(v, facts)) for k, v in text.contacts) if "help" in chosen else (),
        disclaimer=tuple(fill(p, facts) for p in text.disclaimer),
        metadata={"title": say("Trial Explainer summary: study {nct_id}").format(nct_id=trial.nct_id),
                  "author": "Trial Explainer",
                  "subject": say("Plain-language summary of study {nct_id} to bring to your doctor").format(
                      nct_id=trial.nct_id),
                  "lang": current_language()})  # the page's and the PDF's language
    return _with_words(summary, options)


def _key_points(words: KeyPointsText, facts: Mapping[str, str]) -> KeyPoints:
    """Page 1's box, whatever sections are chosen: status, what to ask, what to watch for."""
    return KeyPoints(heading=words.heading, status=fill(words.status, facts), ask_heading=words.ask_heading,
                     ask=words.ask, side_effects_heading=words.side_effects_heading,
                     side_effects=words.side_effects, call_heading=words.call_heading, call=words.call,
                     sources=words.sources)


def _with_words(summary: Summary, options: SummaryOptions) -> Summary:
    if "words" not in options.sections or options.glossary is None:
        return summary
    words = tuple(options.glossary(summary.all_text()))
    if not words:
        return summary
    order = [s for s in SECTIONS if s in summary.sections or s == "words"]
    return replace(summary, words=words, sections=tuple(order))


def dated_cycle_count(timeline: Timeline) -> int:
    """How many cycles start within ``DATED_DAYS_SHOWN`` days, counted without delays."""
    count, offset = 0, 0
    for cycle in timeline.cycles:
        if offset >= DATED_DAYS_SHOWN:
            break
        count, offset = count + 1, offset + len(cycle.days)
    return count


def _timeline_part(trial: Trial, timeline: Timeline | None, text: SummaryText, facts: Mapping[str, str],
                   options: SummaryOptions) -> TimelinePart:
    if timeline is None:
        return TimelinePart(intro=fill(text.no_schedule, facts), how_given="", how_to_read="", grids=(),
                            journey_intro="", journey=())
    dated = dated_cycles(timeline, dated_cycle_count(timeline)) if timeline.start else ()
    # All at home: no clinic-day part. any() stops at the first clinic dose of thousands.
    at_clinic = any(dose.place is Place.CLINIC for dose in timeline.doses_given()) or bool(timeline.maybe_drip_names())
    grids = cycle_grids(timeline)  # once: the clinic-day guide counts the same grids
    guide = clinic_day_guide(timeline, options.clinic_words, grids) if options.clinic_words and at_clinic else None
    intro = fill(text.timeline_intro, facts)
    if timeline.arm_label is not None:
        arms = ", ".join(f'"{arm.label}"' for arm in trial.arms)
        intro = f"{fill(text.arm_shown, {**facts, 'arm': timeline.arm_label, 'arms': arms})} {intro}"
    return TimelinePart(
        intro=intro,
        how_given=fill(text.how_given, {**facts, "medicines": "; ".join(how_each_is_given(timeline))}),
        how_to_read=text.how_to_read, grids=grids,
        journey_intro=text.journey_intro, journey=_journey(trial, timeline, text, facts),
        dates_intro=_dates_intro(timeline, text, facts) if dated else "", dates=dated,
        dates_more=fill(text.dates_more, facts) if dated and len(timeline.cycles) > len(dated) else "",
        clinic_guide=guide)


def _journey(trial: Trial, timeline: Timeline, text: SummaryText, facts: Mapping[str, str]) -> tuple[JourneyBox, ...]:
    """The strip's boxes, in the words file's words where it has some for the stage."""
    stages = journey(trial, _arm_index(trial, timeline))
    boxes = []
    for stage, box in zip(stages, journey_boxes(stages, timeline), strict=True):
        words = text.journey.get(stage.id)
        if words is not None:
            box = replace(box, lines=tuple(fill(words, {**facts, **stage_numbers(stage, timeline)}).split("\n")))
        boxes.append(box)
    return tuple(boxes)


def _arm_index(trial: Trial, timeline: Timeline) -> int:
    return next((i for i, arm in enumerate(trial.arms) if arm.label == timeline.arm_label), 0)


def _dates_intro(timeline: Timeline, text: SummaryText, facts: Mapping[str, str]) -> str:
    """The intro, then any late starts the patient entered: a doctor sees why a date moved."""
    intro = fill(text.dates_intro, facts)
    if not timeline.delays:
        return intro
    late = "; ".join((say("{cycle}: {days} day") if days == 1 else say("{cycle}: {days} days")).format(
        cycle=cycle_label(timeline.cycle(number)).lower(), days=days) for number, days in timeline.delays.items())
    return f"{intro} {fill(text.dates_delays, {**facts, 'delays': late})}"


def _self_check(trial: Trial, report: EligibilityReport | None, text: SummaryText, facts: Mapping[str, str],
                answers: AnswersFile | None, questions: Questionnaire | None, help_place: str) -> SelfCheck:
    notice = closed_notice(trial, help_place)
    if report is None:
        return SelfCheck(filled=False, intro=text.self_check_not_filled, notice=notice)
    yours = answers_by_criterion(trial, answers, questions)
    rows = tuple(CheckRow(r.kind, r.status, r.plain, r.source, _not_quoted(yours.get(r.id, ()), r.reason),
                          r.reason) for r in report.criteria)
    asks = tuple(dict.fromkeys(q for r in report.criteria if r.ask_doctor
                               for q in _split_asks(r.ask_doctor, questions)))
    not_met = any(r.status is Status.NOT_SATISFIED for r in report.criteria)
    return SelfCheck(filled=True, intro=fill(text.self_check_intro, facts), notice=notice,
                     overall=report.overall_words,
                     counts=_counts(report), rows=rows, notes=tuple(n.plain for n in report.notes),
                     doctor_heading=text.doctor_questions_heading, doctor_intro=text.doctor_questions_intro,
                     doctor_questions=asks, not_met_note=text.not_met_note if not_met else "")


def _help_place(text: SummaryText, chosen: Sequence[str]) -> str:
    """Where this PDF's reader finds the help lines: a part of it, or else the app."""
    if "help" in chosen:
        return say('in the part "{heading}" below').format(heading=text.headings["help"])
    return say('on the page "Where to get help" in the Trial Explainer app')


def _split_asks(ask: str, questions: Questionnaire | None) -> tuple[str, ...]:
    """A criterion's joined 'ask your doctor' text, back as one question per item."""
    parts = tuple(q.ask_doctor for q in questions.shown() if q.ask_doctor in ask) if questions else ()
    return parts or (ask,)


def _not_quoted(answers: tuple[tuple[str, str], ...], reason: str) -> tuple[str, ...]:
    """The answers the reason does not already quote (the reason names the patient's own
    value for every part it judged); unanswered parts the reason leaves out don't matter."""
    return tuple(f"{label}: {words}" for label, words in answers
                 if words != not_answered() and words.split(uln_note())[0] not in reason)


def answers_by_criterion(trial: Trial, answers: AnswersFile | None,
                         questions: Questionnaire | None) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per criterion id, (label, answer) for each question its rule asks, as the patient
    gave it, in the order the questionnaire shows them."""
    if answers is None or questions is None:
        return {}
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    shown = questions.shown()  # once, not per criterion: it looks up every question of every group
    for criterion in trial.criteria:
        asked = set(rule_questions(criterion.rule))
        found[criterion.id] = tuple((_capital(q.label), answer_words(q, answers.answers.get(q.key)))
                                    for q in shown if q.key in asked)
    return found


def answer_words(question: Question, value: Any) -> str:
    """An answer as the patient gave it: '30 ×10⁹/L', 'Not sure', 'January 10, 2024'."""
    if value is None:
        return not_answered()
    if isinstance(value, LabValue):
        if value.unit == ULN:  # in words, as the reason says it: '2.1 × ULN' is lab shorthand
            return times_uln(format_number(value.value, 6))
        words = format_value(value.value, value.unit, 6)
        if value.uln is not None:
            words += f"{uln_note()}{format_value(value.uln, value.unit, 6)})"
        return words
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, int) and question.number_words(value):  # ECOG: as the reason quotes it
        return question.number_words(value) or ""
    for choice in question.choices:
        if choice.value == value:
            return choice.label
    return str(value)


def _capital(text: str) -> str:
    """'platelets' -> 'Platelets', but 'eGFR' stays 'eGFR'."""
    return text if text[1:2].isupper() else text[:1].upper() + text[1:]


def _counts(report: EligibilityReport) -> str:
    counts = {s: sum(1 for c in report.criteria if c.status is s) for s in Status}
    return ", ".join(f"{STATUS_ICONS[s]} {count_words(s)}: {counts[s]}" for s in Status)


"""The self-check: every criterion's rule evaluated against the patient's answers.

``evaluate`` is pure: trial + answers (+ the questionnaire, for plain labels) in,
``EligibilityReport`` out. Unknown is a state, never a silent yes or no: in ``any``
one met alternative is enough, in ``all`` one unmet part is enough; otherwise a
missing or "Not sure" answer leaves the criterion open. The report never says
"eligible": only the study team decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from explainer.core.answers import AnswersFile, LabValue
from explainer.core.facts import joining_words, long_date
from explainer.core.facts import status_words as study_status_words
from explainer.core.language import say
from explainer.core.model import Criterion, Trial
from explainer.core.questions import Questionnaire
from explainer.core.rules import AllOf, AnswerIs, AnyOf, Compare, MonthsSince
from explainer.core.units import (
    ULN,
    compared_as_is,
    convert,
    decimals_beside_limit,
    format_number,
    format_value,
    unusual,
)

DISCLAIMER = "This is not a decision; only the study team decides."  # the English of disclaimer()


def disclaimer() -> str:
    return say("This is not a decision; only the study team decides.")


class Status(StrEnum):
    SATISFIED = "satisfied"
    NOT_SATISFIED = "not_satisfied"
    UNKNOWN = "unknown"


class Overall(StrEnum):
    POSSIBLE_MATCH = "possible_match"
    LIKELY_NOT_ELIGIBLE = "likely_not_eligible"
    INCOMPLETE = "incomplete"


STATUS_ICONS = {Status.SATISFIED: "✓", Status.NOT_SATISFIED: "✗", Status.UNKNOWN: "?"}


def count_words(status: Status) -> str:
    """For counts over entry rules and exclusions together ("14 rules seem to fit your answers")."""
    return {Status.SATISFIED: say("seem to fit your answers"), Status.NOT_SATISFIED: say("seem not to fit your answers"),
            Status.UNKNOWN: say("still open")}[status]


# Neutral: "possible match" read as "you can join" for a study not taking new people.
# The codes stay (spec §2); the words never say "match" or "eligible", and each is
# one sentence with the study's status in it (see EligibilityReport.overall_words).
def overall_words(overall: Overall) -> str:
    """The result in neutral words, in the current language."""
    return {Overall.POSSIBLE_MATCH: say("None of your answers seems to rule you out"),
            Overall.LIKELY_NOT_ELIGIBLE: say("At least 1 of your answers seems not to fit a rule"),
            Overall.INCOMPLETE: say("Some rules are still open, and none of your answers seems to rule you out so far"),
            }[overall]


def _op_words(op: str) -> str:
    return {">=": say("at least"), ">": say("more than"), "<=": say("no more than"), "<": say("less than")}[op]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def status_words(kind: str, status: Status) -> str:
    """'Seems met' for an entry rule; 'Does not seem to apply to you' for an exclusion.
    An exclusion is "met" when it does NOT apply: "✓ Seems met: You cannot join if you
    have heart disease" read as "you have it", so exclusions say whether they apply."""
    if kind == "exclusion":
        return {Status.SATISFIED: say("Does not seem to apply to you"), Status.NOT_SATISFIED: say("Seems to apply to you"),
                Status.UNKNOWN: say("Still open")}[status]
    return {Status.SATISFIED: say("Seems met"), Status.NOT_SATISFIED: say("Seems not met"),
            Status.UNKNOWN: say("Still open")}[status]


class CriterionResult(_Frozen):
    id: str
    kind: str
    status: Status
    plain: str
    source: str
    reason: str
    ask_doctor: str = ""  # what to ask about an open or unmet criterion; empty when it seems met

    @property
    def status_words(self) -> str:
        return status_words(self.kind, self.status)


class Note(_Frozen):
    """A registry bullet that explains other rules; shown, never evaluated."""

    id: str
    kind: str
    plain: str
    source: str


class EligibilityReport(_Frozen):
    trial: str
    recruiting: bool
    status_words: str  # "still going on, but not taking new people"
    joining_words: str = ""  # "not taking new people": what the status means for joining
    record_date: dt.date | None = None  # the record's date: the status is only true as of it
    as_of: dt.date
    overall: Overall
    criteria: tuple[CriterionResult, ...]
    notes: tuple[Note, ...] = ()

    @property
    def overall_words(self) -> str:
        """One sentence: the neutral result, the study's status, who decides."""
        if self.record_date is None:
            return say("{overall}; only the study team decides.").format(overall=overall_words(self.overall))
        said = (say("{overall}, and on {date} the study was {joining}; only the study team decides.") if self.recruiting
                else say("{overall}, but on {date} the study was {joining}; only the study team decides."))
        return said.format(overall=overall_words(self.overall), date=long_date(self.record_date),
                           joining=self.joining_words)

    @property
    def disclaimer(self) -> str:
        return disclaimer()

    def to_spec_dict(self) -> dict[str, Any]:
        """The ``check --json`` object of interfaces.md §2, key for key."""
        return {"trial": self.trial, "recruiting": self.recruiting, "overall": self.overall.value,
                "criteria": [{"id": c.id, "kind": c.kind, "status": c.status.value, "plain": c.plain,
                              "source": c.source, "reason": c.reason} for c in self.criteria]}


@dataclass(frozen=True)
class _Outcome:
    status: Status
    reasons: tuple[str, ...]
    asks: tuple[str, ...] = ()  # what to ask the doctor, when the part is open


class _Context:
    """The answers plus the words used to quote them."""

    def __init__(self, answers_file: AnswersFile, questions: Questionnaire | None) -> None:
        self.answers = answers_file.answers
        self.as_of = answers_file.as_of
        self.questions = questions
        self.bank = questions or answers_file.answers.bank  # what each lab question measures

    def quantity(self, key: str) -> str | None:
        return self.bank.quantity(key) if self.bank else None

    def label(self, key: str) -> str:
        question = self.questions.question(key) if self.questions else None
        return question.label if question else key.replace("_", " ")

    def choice_word(self, key: str, value: str) -> str:
        question = self.questions.question(key) if self.questions else None
        for choice in question.choices if question else ():
            if choice.value == value:
                return choice.label
        return value

    def not_answered(self, key: str) -> str:
        question = self.questions.question(key) if self.questions else None
        if question is None:
            return say("You have not answered about {label} yet.").format(label=self.label(key))
        if question.kind in ("yes_no", "choice"):
            return say("You have not answered the question about {label} yet.").format(label=question.label)
        # Also true when the box holds a number the app cannot use (out of range): the
        # window explains that beside the box, so this must not say "not given".
        return say("The app has no answer it can use for your {label} yet.").format(label=question.label)

    def number_words(self, key: str, number: int) -> str:
        """A whole-number answer, with the words of its choice when it has some:
        '2 ("I can look after myself ...")' for ECOG."""
        question = self.questions.question(key) if self.questions else None
        return (question.number_words(number) if question else None) or format_number(number, 6)

    def ask_doctor(self, key: str) -> str:
        question = self.questions.question(key) if self.questions else None
        return question.ask_doctor if question else say("Ask your doctor about your {label}.").format(
            label=self.label(key))


def evaluate(trial: Trial, answers_file: AnswersFile, questions: Questionnaire | None = None) -> EligibilityReport:
    context = _Context(answers_file, questions)
    results = tuple(_criterion(c, context) for c in trial.criteria if not c.note_only)
    notes = tuple(Note(id=c.id, kind=c.kind, plain=c.plain, source=c.source)
                  for c in trial.criteria if c.note_only)
    return EligibilityReport(trial=trial.nct_id, recruiting=trial.status.is_recruiting,
                             status_words=study_status_words(trial.status), joining_words=joining_words(trial.status),
                             record_date=trial.last_updated, as_of=answers_file.as_of,
                             overall=overall_of(r.status for r in results), criteria=results, notes=notes)


def overall_of(statuses: Any) -> Overall:
    found = set(statuses)
    if Status.NOT_SATISFIED in found:
        return Overall.LIKELY_NOT_ELIGIBLE
    if Status.UNKNOWN in found:
        return Overall.INCOMPLETE
    return Overall.POSSIBLE_MATCH


# A rule that seems not met still has a next step: the app may have missed a detail,
# and only the study team decides (a "No" with nothing after it reads as "you cannot join").
NOT_MET_NEXT_STEP = ("Talk about this rule with your doctor or the study team. "
                     "Only they can decide, and they may know more than the app asked.")


def not_met_next_step() -> str:
    """NOT_MET_NEXT_STEP in the current language."""
    return say("Talk about this rule with your doctor or the study team. "
               "Only they can decide, and they may know more than the app asked.")


def _criterion(criterion: Criterion, context: _Context) -> CriterionResult:
    if criterion.rule is None:
        outcome = _Outcome(Status.UNKNOWN, (say("Only the study team can judge this rule."),))
        ask = say("Ask the study team whether this rule applies to you.")
    else:
        outcome = _evaluate_rule(criterion.rule, context)
        ask = " ".join(dict.fromkeys(outcome.asks))
    return CriterionResult(id=criterion.id, kind=criterion.kind, status=outcome.status,
                           plain=criterion.plain, source=criterion.source,
                           reason=" ".join(dict.fromkeys(outcome.reasons)),
                           ask_doctor=ask if outcome.status is Status.UNKNOWN else
                           not_met_next_step() if outcome.status is Status.NOT_SATISFIED else "")


def _evaluate_rule(rule: Any, context: _Context) -> _Outcome:
    if isinstance(rule, AllOf):
        return _all([_evaluate_rule(child, context) for child in rule.of])
    if isinstance(rule, AnyOf):
        return _any([_evaluate_rule(child, context) for child in rule.of])
    if isinstance(rule, Compare):
        return _compare(rule, context)
    if isinstance(rule, AnswerIs):
        return _answer_is(rule, context)
    if isinstance(rule, MonthsSince):
        return _months_since(rule, context)
    raise TypeError(f"unknown rule {rule!r}")


def _joined(outcomes: list[_Outcome], status: Status) -> _Outcome:
    reasons = tuple(r for o in outcomes for r in o.reasons)
    asks = tuple(a for o in outcomes for a in o.asks)
    return _Outcome(status, reasons, asks)


def _all(outcomes: list[_Outcome]) -> _Outcome:
    unmet = [o for o in outcomes if o.status is Status.NOT_SATISFIED]
    if unmet:
        return _joined(unmet, Status.NOT_SATISFIED)
    if any(o.status is Status.UNKNOWN for o in outcomes):
        return _joined(outcomes, Status.UNKNOWN)
    return _joined(outcomes, Status.SATISFIED)


def _any(outcomes: list[_Outcome]) -> _Outcome:
    met = [o for o in outcomes if o.status is Status.SATISFIED]
    if met:
        return _joined(met[:1], Status.SATISFIED)
    if any(o.status is Status.UNKNOWN for o in outcomes):
        return _joined(outcomes, Status.UNKNOWN)
    return _joined(outcomes, Status.NOT_SATISFIED)


def _unanswered(key: str, context: _Context) -> _Outcome:
    return _Outcome(Status.UNKNOWN, (context.not_answered(key),), (context.ask_doctor(key),))


def _compare(rule: Compare, context: _Context) -> _Outcome:
    answer = context.answers.get(rule.question)
    if answer is None:
        return _unanswered(rule.question, context)
    if isinstance(answer, LabValue):
        value = convert(answer.value, answer.unit, rule.unit, answer.uln)
        if value is None:
            return _unanswered(rule.question, context)
        odd = unusual(context.quantity(rule.question), answer.value, answer.unit, rule.unit, answer.uln)
        if odd is not None:
            # An impossible number is a slip (often of the unit), not a result: leave the rule open.
            return _Outcome(Status.UNKNOWN, (_implausible_answer(rule, answer, odd.meant, context),),
                            (context.ask_doctor(rule.question),))
        yours = _quote_lab(answer, rule.unit, value, rule.limit)
    else:
        value, yours = float(answer), context.number_words(rule.question, answer)
    met = _OPS[rule.op](value, rule.limit)
    needs = say("The study needs {op} {limit}.").format(op=_op_words(rule.op), limit=_limit_text(rule))
    reason = say("Your {label}: {answer}. {needs}").format(label=context.label(rule.question), answer=yours,
                                                           needs=needs)
    if not met and rule.may_be_raised is not None:
        return _may_be_raised(rule, reason, context)
    return _Outcome(Status.SATISFIED if met else Status.NOT_SATISFIED, (reason,))


def _may_be_raised(rule: Compare, reason: str, context: _Context) -> _Outcome:
    """Short of a limit the trial lets patients reach (a count raised by a transfusion):
    open, not unmet, with the way up and what to ask on the same row. The way up comes
    first: a low number read before it alarms, and the row is open because of it."""
    assert rule.may_be_raised is not None
    by, label, limit = rule.may_be_raised.by, context.label(rule.question), _limit_text(rule)
    allowed = say("This rule stays open: the study lets {by} bring your {label} up to {limit}.").format(
        by=by, label=label, limit=limit)
    ask = say("Ask your doctor whether {by} could bring your {label} up to {limit}.").format(
        by=by, label=label, limit=limit)
    return _Outcome(Status.UNKNOWN, (f"{allowed} {reason}",), (ask,))


def _implausible_answer(rule: Compare, answer: LabValue, meant: str | None, context: _Context) -> str:
    check = (say("Please check the unit: did you mean {value}?").format(value=format_value(answer.value, meant, 6))
             if meant else say("Please check the number and the unit on your report."))
    return say("Your {label}: {value} would be very unusual. {check} This rule stays open until it is checked.").format(
        label=context.label(rule.question), value=format_value(answer.value, answer.unit, 6), check=check)


_OPS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b,
        "<=": lambda a, b: a <= b, "<": lambda a, b: a < b}


def _quote_lab(answer: LabValue, rule_unit: str, converted: float, limit: float) -> str:
    """The patient's value in their unit, then (if different) in the rule's unit."""
    if rule_unit == ULN and answer.unit != ULN:
        return say("{value}, with a normal limit of {limit} on your report, which is {times} times the upper limit "
                   "of normal").format(value=format_value(answer.value, answer.unit, 6),
                                       limit=format_value(answer.uln or 0, answer.unit, 6),
                                       times=format_number(converted, decimals_beside_limit(converted, limit)))
    if rule_unit == ULN:
        return times_uln(format_number(answer.value, 6))
    mine = format_value(answer.value, answer.unit, 6)
    if answer.unit == rule_unit or compared_as_is(answer.unit, rule_unit):
        return mine
    return f"{mine} = {format_value(converted, rule_unit, decimals_beside_limit(converted, limit))}"


def _limit_text(rule: Compare) -> str:
    if rule.unit == ULN:
        return times_uln(format_number(rule.limit))
    return format_value(rule.limit, rule.unit) if rule.unit else format_number(rule.limit)


def times_uln(number: str) -> str:
    """'2.1 times the upper limit of normal': lab shorthand '× ULN' in words."""
    return say("{number} times the upper limit of normal").format(number=number)


def _answer_is(rule: AnswerIs, context: _Context) -> _Outcome:
    answer = context.answers.get(rule.question)
    if answer is None:
        return _unanswered(rule.question, context)
    label = context.label(rule.question)
    word = context.choice_word(rule.question, answer)
    said = say('About {label}, you answered "{word}".').format(label=label, word=word)
    if answer == "unsure":
        return _Outcome(Status.UNKNOWN, (said,), (context.ask_doctor(rule.question),))
    # No "the study needs" here: inside an "any" it would mislead; the rule's plain words say it.
    return _Outcome(Status.SATISFIED if answer in rule.among else Status.NOT_SATISFIED, (said,))


def full_months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (Jan 10 to Jul 10 is 6)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def _months_since(rule: MonthsSince, context: _Context) -> _Outcome:
    when = context.answers.get(rule.question)
    if when is None:
        return _unanswered(rule.question, context)
    months = full_months_between(when, context.as_of)
    said = (say("Your {label}: {date}. That is {months} full month before {as_of}. "
                "The study needs at least {at_least} months.") if months == 1 else
            say("Your {label}: {date}. That is {months} full months before {as_of}. "
                "The study needs at least {at_least} months."))
    reason = said.format(label=context.label(rule.question), date=long_date(when), months=months,
                         as_of=long_date(context.as_of), at_least=rule.at_least)
    return _Outcome(Status.SATISFIED if months >= rule.at_least else Status.NOT_SATISFIED, (reason,))

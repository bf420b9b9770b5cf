"""The self-check of any registry record: every criterion item once, in record order.

``check_study(study, answers, words)`` gives one row per item of the record's
eligibility text (inc-1, exc-1, ...; see explainer.core.criteria). A row is
evaluated only when all of this holds, because wrong is worse than open:

- the app read at least one rule from the item's words (explainer.core.criteria_read);
- no rule carries a condition, and the item says nothing else the app did not read
  (only filler such as "Patients must be" is left when the read words are taken out);
- every rule's question is answered, in a unit that converts to the rule's unit.

Such a row is asked as numbers (``asks == "numbers"``). Every other row is asked
"Does this apply to you?" (``asks == "patient"``): the patient's own yes / no / not
sure (``AnswersFile.criteria``, kept only for the record and the words it was given
for) decides it; unanswered, or "not sure", it is ``unknown`` and says why. The app
never guesses. An item that only says what a word of the others means (``CriterionItem.explains``,
and no rule read from it) is shown, never asked (``asks == "explains"``): ``unknown``, and
left out of ``overall`` and of every count. An inclusion needs every rule it holds; an
exclusion keeps people out when any of its rules holds. ``overall`` follows
../shared/spec/interfaces.md §2; "recruiting" comes only from the record's status.
No Qt, no files, no clock here.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explainer.core.answers import Answers, AnswersFile, LabValue, answer_kind
from explainer.core.criteria import CriterionItem, split_criteria
from explainer.core.criteria_read import ReadRule, read_criteria
from explainer.core.eligibility import Overall, Status, overall_of
from explainer.core.language import current_language, say
from explainer.core.registry_record import RegistryStudy
from explainer.core.study_pages import Intake, intake
from explainer.core.study_summary_words import CheckWords
from explainer.core.units import ULN, accepted_units, convert, display_unit, format_number, takes_uln

if TYPE_CHECKING:
    from explainer.core.questions import Questionnaire

# A rule's question, as the answers file names it where the names differ (spec §1).
ANSWER_KEYS = {"age": "age_years"}

# The record's units (spacing normalised by the reader) -> the answers file's units.
_UNIT_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(pattern), unit) for pattern, unit in (
    (r"(?:cells)?(?:/|per)(?:mm\^?3|mm³|cu\.?mm|cmm|ul|mcl|microliter)", "/uL"),
    (r"(?:x|×)?10(?:\^|\*\*)?9/l|(?:x|×)?10⁹/l|(?:x|×)?gi/l", "10^9/L"),
    (r"(?:x|×)?10(?:\^|\*\*)?3/(?:ul|mm\^?3|mm³)|(?:x|×)?10³/(?:ul|mm\^?3|mm³)", "10^3/uL"),
    (r"gm?/dl", "g/dL"),
    (r"gm?/l", "g/L"),
    (r"mmol/l", "mmol/L"),
    (r"mg/dl", "mg/dL"),
    (r"(?:umol|micromol)/l", "umol/L"),
    (r"i?u/l", "U/L"),
    (r"ml/min(?:ute)?", "mL/min"),
    (r"ml/min(?:ute)?/1[.,]73m(?:\^?2|²)", "mL/min/1.73m2"),
    (r"years?|yrs?", "years"),
))
# What may be left of an item once the words a rule was read from are taken out.
_ABBREVIATION = re.compile(r"\([A-Za-z][A-Za-z0-9 .\-/]{0,12}\)")
_FILLER = re.compile(
    r"\b(?:patients?|patient's|patients'|participants?|participant's|participants'|subjects?|subject's|"
    r"subjects'|must|should|be|is|are|has|have|a|an|the|of|old|and|level|value)\b|[\s.,;:/'’\-]+",
    re.IGNORECASE)


def answer_key(question: str) -> str:
    return ANSWER_KEYS.get(question, question)


def answer_unit(rule_unit: str | None) -> str | None:
    """The record's unit as the answers file writes it, or None if the app does not know it."""
    if rule_unit is None:
        return None
    spelled = rule_unit.replace(" ", "").replace("µ", "u").replace("μ", "u").lower()
    for pattern, unit in _UNIT_SPELLINGS:
        if pattern.fullmatch(spelled):
            return unit
    return None


@dataclass(frozen=True, slots=True)
class StudyCheckRow:
    id: str
    kind: str
    status: Status
    plain: str
    source: str
    reason: str
    reads: tuple[ReadRule, ...]
    answered: bool = False  # a question of its rules, or the item itself, is answered (the PDF shows it)
    asks: str = "patient"   # "numbers": the read rules decide; "patient": "Does this apply to you?";
    #                         "explains": it says what a word means, so nothing is asked
    own: str | None = None  # the patient's yes / no / unsure to the item, when asked so

    @property
    def read(self) -> ReadRule | None:
        return self.reads[0] if self.reads else None

    @property
    def explains(self) -> bool:
        """Not a rule: it says what a word the rules use means (never met, never not met)."""
        return self.asks == "explains"

    def to_spec_dict(self) -> dict[str, Any]:
        """Spec §3; ``reads`` (every rule of the item) and ``explains`` (the item is no rule,
        so ``overall`` leaves it out) are additions beside ``read``. A rule's question is
        named as the question bank (and the answers file) names it: "age_years"."""
        return {"id": self.id, "kind": self.kind, "status": self.status.value, "plain": self.plain,
                "source": self.source, "reason": self.reason,
                "read": _spec_rule(self.read) if self.read else None,
                "reads": [_spec_rule(rule) for rule in self.reads], "explains": self.explains}


def _spec_rule(rule: ReadRule) -> dict[str, Any]:
    return {**rule.as_spec(), "question": answer_key(rule.question)}


@dataclass(frozen=True, slots=True)
class StudyCheck:
    trial: str
    recruiting: bool
    as_of: dt.date | None
    rows: tuple[StudyCheckRow, ...]

    @property
    def overall(self) -> Overall:
        return overall_of(row.status for row in self.rows if not row.explains)

    def to_spec_dict(self) -> dict[str, Any]:
        return {"trial": self.trial, "recruiting": self.recruiting, "overall": self.overall.value,
                "criteria": [row.to_spec_dict() for row in self.rows]}


def study_rules(study: RegistryStudy) -> tuple[list[CriterionItem], dict[str, tuple[ReadRule, ...]]]:
    items, rules = _criteria_of(study.criteria or "")
    return list(items), dict(rules)  # copies: the kept reading is never changed by a caller


@functools.lru_cache(maxsize=8)
def _criteria_of(text: str) -> tuple[tuple[CriterionItem, ...], dict[str, tuple[ReadRule, ...]]]:
    """Split and read once per text: the window checks again on every answer typed, and
    reading is nearly all of a check's time (items and rules are frozen, safe to share)."""
    criteria = split_criteria(text)
    return criteria.items, read_criteria(criteria)


def asked_keys(study: RegistryStudy) -> frozenset[str]:
    """The answers-file keys this study's read rules use."""
    _, rules = study_rules(study)
    return frozenset(answer_key(rule.question) for found in rules.values() for rule in found)


def ignored_answers(study: RegistryStudy, answers: AnswersFile) -> list[str]:
    """Answered questions this study does not ask (spec §3: they are ignored, and said so)."""
    asked = asked_keys(study)
    return [key for key in answers.answers.answered() if key not in asked]


def words_fingerprint(item: CriterionItem) -> str:
    """Which words an item answer was given for: a changed record never carries it to others."""
    return hashlib.sha256(f"{item.kind}\n{item.source}".encode()).hexdigest()[:16]


def own_answers(study: RegistryStudy, answers: AnswersFile | None) -> dict[str, str]:
    """The patient's answers to this record's items, by item id: only those saved for this
    study and for the words the item has now."""
    if answers is None or answers.trial != study.nct_id or not answers.criteria:
        return {}
    items, _ = study_rules(study)
    return {item.id: given.answer for item in items
            if (given := answers.criteria.get(item.id)) is not None and given.words == words_fingerprint(item)}


def check_study(study: RegistryStudy, answers: AnswersFile | None, words: CheckWords,
                bank: Questionnaire | None = None) -> StudyCheck:
    """``bank``: the question bank, to tell a question the app has from one it has not
    (default: the bank the answers were read with; with neither, every item is the
    patient's to answer)."""
    items, rules = study_rules(study)
    given = answers.answers if answers else None
    bank = bank or (given.bank if given else None)
    own = own_answers(study, answers)
    rows = tuple(_row(item, rules.get(item.id, ()), given, own.get(item.id), words, bank) for item in items)
    return StudyCheck(study.nct_id, intake(study) is Intake.YES, answers.as_of if answers else None, rows)


def asks_numbers(item: CriterionItem, rules: tuple[ReadRule, ...], bank: Questionnaire | None) -> bool:
    """Whether the patient's numbers decide the item: rules read with nothing left over,
    and each rule's question one the answers file holds, in a unit it can compare."""
    return (bool(rules) and not any(rule.condition or rule.line for rule in rules)
            and not _unread_words(item, rules) and all(has_input(rule, bank) for rule in rules))


def has_input(rule: ReadRule, bank: Questionnaire | None) -> bool:
    """Whether an answer to the rule's question can ever be compared with its limit."""
    key = answer_key(rule.question)
    found = None if bank is None else answer_kind(bank, key)
    if found is None or isinstance(rule.value, str):
        return False
    kind, _ = found
    if kind == "lab":
        quantity = bank.question(key).quantity  # type: ignore[union-attr]
        return takes_uln(quantity) if rule.uln else answer_unit(rule.unit) in accepted_units(quantity)
    if kind == "date" or rule.uln:
        return False
    if key == "age_years":
        return answer_unit(rule.unit) == "years"
    return _plain_number(key, rule)


# Scales records often write as a percent ("KPS >= 70%"): the score 70 is the 70%.
PERCENT_SCALES = frozenset({"karnofsky"})


def _plain_number(key: str, rule: ReadRule) -> bool:
    """Whether a whole-number answer compares with the rule's limit as it stands."""
    return not rule.uln and (rule.unit is None or (rule.unit == "%" and key in PERCENT_SCALES))


# ---------------------------------------------------------------- one row

def _row(item: CriterionItem, rules: tuple[ReadRule, ...], answers: Answers | None, own: str | None,
         w: CheckWords, bank: Questionnaire | None) -> StudyCheckRow:
    if item.explains and not rules:  # a rule read from it makes it a rule: when unsure, ask
        return StudyCheckRow(item.id, item.kind, Status.UNKNOWN, w.explains, item.source, w.reason_explains, rules,
                             asks="explains")
    numbers = answers is not None and any(answers.get(answer_key(rule.question)) is not None for rule in rules)
    if asks_numbers(item, rules, bank):
        plain = "; ".join(rule_words(rule, w) for rule in rules)
        results = [_compare(rule, answers, w, bank) for rule in rules]
        holds = [held for held, _ in results]
        reason = " ".join(dict.fromkeys(why for _, why in results))
        return StudyCheckRow(item.id, item.kind, _status(item.kind, holds), plain, item.source, reason, rules,
                             numbers, "numbers")
    # The item is the patient's to answer; a rule read from it is only shown, with their numbers.
    unread = w.unread_exclusion if item.kind == "exclusion" else w.unread
    if own is None or own == "unsure":
        why = _left_open(item, rules, w) if own is None else w.answer_reasons[item.kind]["unsure"]
        return StudyCheckRow(item.id, item.kind, Status.UNKNOWN, unread, item.source,
                             _with_answers(why, rules, answers, w), rules, numbers or own is not None, own=own)
    applies = own == "yes"
    status = Status.NOT_SATISFIED if applies == (item.kind == "exclusion") else Status.SATISFIED
    return StudyCheckRow(item.id, item.kind, status, unread, item.source,
                         _with_answers(w.answer_reasons[item.kind][own], rules, answers, w), rules, True, own=own)


def _left_open(item: CriterionItem, rules: tuple[ReadRule, ...], w: CheckWords) -> str:
    """Why an unanswered item is open: nothing read, a condition, more words, or no question."""
    if not rules:
        return w.reason_unread
    if any(rule.condition for rule in rules):
        return w.reason_condition
    if any(rule.line for rule in rules) or _unread_words(item, rules):
        return w.reason_more_words
    return w.reason_no_question


def _with_answers(reason: str, rules: tuple[ReadRule, ...], answers: Answers | None, w: CheckWords) -> str:
    """The reason, then the patient's own answers to the rules' questions (to take to the team)."""
    given = []
    for rule in rules:
        answer = answers.get(answer_key(rule.question)) if answers else None
        if answer is not None:
            yours, _ = _in_rule_unit(answer_key(rule.question), answer, rule)
            given.append(w.your_answer.format(name=w.names.get(rule.question, rule.question), yours=yours))
    return " ".join([reason, *dict.fromkeys(given)])


def _unread_words(item: CriterionItem, rules: tuple[ReadRule, ...]) -> bool:
    rest = item.text
    for rule in rules:
        rest = rest.replace(rule.words, " ")
    return bool(_FILLER.sub("", _ABBREVIATION.sub(" ", rest)))


def _status(kind: str, holds: list[bool | None]) -> Status:
    if kind == "exclusion":  # any rule that holds keeps people out
        if any(held is True for held in holds):
            return Status.NOT_SATISFIED
        return Status.SATISFIED if all(held is False for held in holds) else Status.UNKNOWN
    if any(held is False for held in holds):
        return Status.NOT_SATISFIED
    return Status.SATISFIED if all(held is True for held in holds) else Status.UNKNOWN


def _compare(rule: ReadRule, answers: Answers | None, w: CheckWords,
             bank: Questionnaire | None) -> tuple[bool | None, str]:
    """Whether the rule's words hold for the patient's answer (None: not known), and why."""
    key = answer_key(rule.question)
    if bank is None or bank.question(key) is None:
        return None, w.reason_no_question
    answer = answers.get(key) if answers else None
    name = w.names.get(rule.question, rule.question)
    if answer is None:
        return None, w.reason_not_answered.format(name=name)
    yours, value = _in_rule_unit(key, answer, rule)
    if value is None or isinstance(rule.value, str):
        return None, w.reason_unit
    held = _holds(rule, value)
    if isinstance(answer, LabValue) and answer.unit != (ULN if rule.uln else answer_unit(rule.unit)):
        # The patient never converts: their number is also given in the limit's unit.
        yours = w.converted.format(yours=yours, converted=_limit_number(value, rule, w))
    return held, w.reason_compared.format(name=name, yours=yours, limit=limit_words(rule, w))


def _in_rule_unit(key: str, answer: object, rule: ReadRule) -> tuple[str, float | None]:
    """The answer as the patient gave it, and its value in the rule's unit (None: cannot convert)."""
    if isinstance(answer, LabValue):
        shown = f"{format_number(answer.value)} {display_unit(answer.unit)}"
        if rule.uln:
            return shown, convert(answer.value, answer.unit, ULN, answer.uln)
        target = answer_unit(rule.unit)
        return shown, None if target is None else convert(answer.value, answer.unit, target)
    if isinstance(answer, bool) or not isinstance(answer, int):
        return str(answer), None  # a yes/no answer is no number
    if key == "age_years":
        return say("{age} years").format(age=answer), float(answer) if answer_unit(rule.unit) == "years" else None
    return str(answer), float(answer) if _plain_number(key, rule) else None


def _holds(rule: ReadRule, value: float) -> bool:
    limit = rule.value
    if rule.op == "range":
        low, high = limit  # type: ignore[misc]
        return low <= value <= high
    return {">=": value >= limit, ">": value > limit, "<=": value <= limit, "<": value < limit,  # type: ignore[operator]
            "==": value == limit}[rule.op]


# ---------------------------------------------------------------- words

def _limit_number(number: object, rule: ReadRule, w: CheckWords) -> str:
    """A number in the rule's unit, as the limit is worded: '100,000 /µL', '2.5 times the upper limit of normal'."""
    text = format_number(number) if isinstance(number, int | float) else str(number)
    if rule.uln:
        return w.uln.format(value=text)
    if not rule.unit:
        return text
    return f"{text} {_time_words(rule.unit, number) or _shown_unit(rule.unit)}"


# A time the record gives an age or a wait in, by its spellings; its words in the current
# language, one and more than one. English keeps the record's own spelling (as before).
_TIME_UNITS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), unit) for pattern, unit in (
        (r"years?|yrs?", "years"), (r"months?|mos?", "months"), (r"weeks?|wks?", "weeks"), (r"days?", "days")))


def _time_words(unit: str, number: object) -> str | None:
    """'años', 'meses', 'semanas', 'días' ('año' ... for one) for a time unit outside
    English; None for any other unit, or in English."""
    if current_language() == "en":
        return None
    kind = next((name for pattern, name in _TIME_UNITS if pattern.fullmatch(unit.strip())), None)
    if kind is None:
        return None
    one = number == 1
    words = {"years": (say("year"), say("years")), "months": (say("month"), say("months")),
             "weeks": (say("week"), say("weeks")), "days": (say("day"), say("days"))}[kind]
    return words[0] if one else words[1]


def limit_words(rule: ReadRule, w: CheckWords) -> str:
    """'at least 100,000 /µL', 'no more than 2.5 times the upper limit of normal'."""
    if rule.op == "range" and isinstance(rule.value, tuple):
        return w.op["range"].format(low=_limit_number(rule.value[0], rule, w),
                                    high=_limit_number(rule.value[1], rule, w), value="")
    return w.op[rule.op].format(value=_limit_number(rule.value, rule, w), low="", high="")


def _shown_unit(unit: str) -> str:
    """A unit the app knows as the answer fields show it ("/mm^3" is "/µL", the same
    amount); any other as the record writes it."""
    known = answer_unit(unit)
    return display_unit(known) if known else unit


def rule_words(rule: ReadRule, w: CheckWords) -> str:
    return w.rule.format(name=w.names.get(rule.question, rule.question), limit=limit_words(rule, w))

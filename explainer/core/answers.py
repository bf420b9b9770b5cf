"""The answers file (``*.answers.json``), exactly as ../shared/spec/interfaces.md §1 says.

Answers are keyed by question: the question bank (resources/questions.json, the
model in core/questions.py) says which keys exist and what each takes, and
``answers_model`` builds one strict model from it. Unknown keys, wrong types, NaN,
impossible values and dates after ``as_of`` are rejected with a message that names
the key. A key that is absent is unanswered.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model, model_validator
from pydantic_core import PydanticCustomError

from explainer.core.limits import SHORT_TEXT, Version1, check_date, check_not_too_early
from explainer.core.units import ULN, accepted_units, physical_problem, takes_uln, uln_quantities_words

if TYPE_CHECKING:
    from explainer.core.questions import Question, Questionnaire

FORMAT = "trial-explainer-answers"
VERSION = 1
FUTURE_DATE = "future_date"  # the error type of a date answer after ``as_of``; its context names the key

YesNo = Literal["yes", "no", "unsure"]


class _Strict(BaseModel):
    # defer_build: only a bank's own models (answers_model) validate answers; the
    # base classes here, and the parts inside a file, need no validator of their own.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False,
                              str_max_length=SHORT_TEXT, defer_build=True)


Date = Annotated[dt.date, AfterValidator(check_date)]
PastDate = Annotated[dt.date, AfterValidator(check_not_too_early)]  # 1800 is no one's transplant; as_of bounds it above


class LabValue(_Strict):
    value: float = Field(ge=0, description="The number as the lab report prints it.")
    unit: str = Field(description="The unit beside it on the report.")
    uln: float | None = Field(None, gt=0, description="The report's upper limit of normal, same unit.")


class Answers(_Strict):
    """The patient's answers: one optional field per question of the bank.

    This class holds none: ``answers_model(bank)`` (or ``bank.answers_model``) is the
    model with the bank's fields. Read an answer with ``.get(key)`` or as an attribute."""

    bank: ClassVar[Questionnaire | None] = None

    def get(self, key: str) -> Any:
        return getattr(self, key, None) if key in type(self).model_fields else None

    def answered(self) -> dict[str, Any]:
        """Only the answered keys, as the file stores them (in the bank's order)."""
        return self.model_dump(mode="json", exclude_none=True)

    def dates(self) -> dict[str, dt.date]:
        return {key: value for key in type(self).model_fields if isinstance(value := getattr(self, key), dt.date)}

    def label(self, key: str) -> str:
        question = self.bank.question(key) if self.bank else None
        return question.label if question else key.replace("_", " ")


def _answer_type(question: Question) -> Any:
    """What the answers file stores for this question, as strictly as the spec says."""
    if question.kind == "yes_no":
        return YesNo
    if question.kind == "choice":
        return Literal[tuple(c.value for c in question.choices)]
    if question.kind == "date":
        return PastDate
    if question.kind == "lab":
        quantity = question.quantity or ""
        return Annotated[LabValue, AfterValidator(lambda lab: check_lab(quantity, lab))]
    return Annotated[int, Field(ge=question.minimum, le=question.maximum, multiple_of=question.step)]


@lru_cache(maxsize=8)
def answers_model(bank: Questionnaire) -> type[Answers]:
    """The strict answers model of a bank: the same class for the same bank."""
    fields: dict[str, Any] = {q.key: (_answer_type(q) | None, None) for q in bank.questions}
    model = create_model("Answers", __base__=Answers, **fields)
    model.bank = bank
    return model


@lru_cache(maxsize=8)
def answers_file_model(bank: Questionnaire) -> type[AnswersFile]:
    return create_model("AnswersFile", __base__=AnswersFile, answers=(answers_model(bank), ...))


def answer_kind(bank: Questionnaire, key: str) -> tuple[str, tuple[str, ...]] | None:
    """What an answer is: ("lab", ()), ("number", ()), ("date", ()) or ("choice", the
    values it may take); None for no such key. The trial's rules are checked against
    it, so a rule can never ask the wrong kind."""
    question = bank.question(key)
    if question is None:
        return None
    if question.kind in ("yes_no", "choice"):
        return "choice", tuple(c.value for c in question.choices)
    return {"lab": "lab", "date": "date"}.get(question.kind, "number"), ()


def check_lab(quantity: str, lab: LabValue) -> LabValue:
    """Raise ValueError (the message is shown to the patient) if unit or ULN do not fit."""
    allowed = accepted_units(quantity)
    if lab.unit not in allowed:
        raise ValueError(f"unit {lab.unit!r} is not accepted here; use one of {', '.join(allowed)}")
    if lab.unit == "%" and lab.value > 100:
        raise ValueError("a percentage cannot be more than 100")
    if takes_uln(quantity) and lab.unit != ULN and lab.uln is None:
        raise ValueError(f"a value in {lab.unit} needs 'uln', the upper limit of normal from the report")
    if lab.uln is not None and (not takes_uln(quantity) or lab.unit == ULN):
        raise ValueError(f"'uln' belongs only with a raw {uln_quantities_words()} value")
    problem = physical_problem(quantity, lab.value, lab.unit, lab.uln)
    if problem:
        raise ValueError(problem)
    return lab


MAX_CRITERIA_ANSWERS = 1000  # a record with more items than this is no real record
CriterionId = Annotated[str, Field(pattern=r"^(?:inc|exc)-\d{1,4}$")]


class CriterionAnswer(_Strict):
    """The patient's own answer to one item of a registry record ("Does this apply to you?")."""

    answer: YesNo
    words: str = Field(pattern=r"^[0-9a-f]{16}$",
                       description="A fingerprint of the item's words: an answer never moves to other words "
                                   "when the record changes (explainer.core.study_check.words_fingerprint).")


MAX_GIVEN = 200  # the bank has about 40 questions; room to grow, never a huge file


class AnswerGiven(_Strict):
    """Where and when the patient gave one answer (the shared numbers, explainer.ui.carried):
    the study they were looking at and the date the answer describes."""

    trial: str = Field(pattern=r"^NCT\d{8}$")
    on: Date


class AnswersFile(_Strict):
    format: Literal["trial-explainer-answers"]
    version: Version1
    trial: str = Field(pattern=r"^NCT\d{8}$")
    as_of: Date = Field(description="The date the answers describe; 'how long ago' rules use it.")
    answers: Answers
    # Added for any study (spec §3, additive): answers to the items of the record of ``trial``.
    criteria: dict[CriterionId, CriterionAnswer] = Field(default_factory=dict, max_length=MAX_CRITERIA_ANSWERS)
    # Added for the numbers shared by all studies (additive): for an answer, where and when it was given.
    given: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,59}$")], AnswerGiven] = Field(
        default_factory=dict, max_length=MAX_GIVEN)

    @model_validator(mode="after")
    def _no_future_dates(self) -> AnswersFile:
        for key, when in self.answers.dates().items():
            if when > self.as_of:
                # The command line prints the message (it names the key, as the spec asks); the
                # window reads the key and the dates from the context and says it in plain words.
                label = self.answers.label(key)
                raise PydanticCustomError(
                    FUTURE_DATE,
                    "answers.{key}: {when} is after the as-of date {as_of}; a {label} cannot be in the future",
                    {"key": key, "label": label, "when": when.isoformat(), "as_of": self.as_of.isoformat()})
        for key, given in self.given.items():
            if self.answers.get(key) is None:
                raise ValueError(f"given.{key}: says where an answer was given, but there is no such answer")
            if given.on > self.as_of:
                raise ValueError(f"given.{key}.on: {given.on.isoformat()} is after the as-of date "
                                 f"{self.as_of.isoformat()}")
        return self


def new_answers_file(trial: str, as_of: dt.date, answers: Answers | None = None,
                     criteria: dict[str, CriterionAnswer] | None = None,
                     given: dict[str, AnswerGiven] | None = None) -> AnswersFile:
    return AnswersFile(format=FORMAT, version=VERSION, trial=trial, as_of=as_of,
                       answers=answers or Answers(), criteria=criteria or {}, given=given or {})


def to_json_text(answers_file: AnswersFile) -> str:
    """The file's text: only answered keys, stable order, UTF-8 friendly."""
    import json

    data = {"format": FORMAT, "version": VERSION, "trial": answers_file.trial,
            "as_of": answers_file.as_of.isoformat(), "answers": answers_file.answers.answered()}
    if answers_file.criteria:  # only then: files without item answers stay byte for byte as before
        data["criteria"] = {key: item.model_dump() for key, item in answers_file.criteria.items()}
    if answers_file.given:  # the same: only the shared numbers' file has it
        data["given"] = {key: item.model_dump(mode="json") for key, item in answers_file.given.items()}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

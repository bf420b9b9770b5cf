"""The answers file (``*.answers.json``), exactly as ../shared/spec/interfaces.md §1 says.

Strict: unknown keys, wrong types, NaN, impossible values and dates after ``as_of``
are rejected with a message that names the key. A key that is absent is unanswered.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from explainer.core.limits import SHORT_TEXT, Version1, check_date, check_not_too_early
from explainer.core.units import LAB_UNITS, ULN, ULN_KEYS, physical_problem

FORMAT = "trial-explainer-answers"
VERSION = 1
FUTURE_TRANSPLANT = "future_transplant"  # the error type of a transplant date after ``as_of``

YesNo = Literal["yes", "no", "unsure"]
HepatitisB = Literal["never", "chronic_undetectable", "chronic_detectable", "unsure"]
HepatitisC = Literal["never", "cured", "treating_undetectable", "detectable", "unsure"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False,
                              str_max_length=SHORT_TEXT)


Date = Annotated[dt.date, AfterValidator(check_date)]
PastDate = Annotated[dt.date, AfterValidator(check_not_too_early)]  # 1800 is no one's transplant; as_of bounds it above


class LabValue(_Strict):
    value: float = Field(ge=0, description="The number as the lab report prints it.")
    unit: str = Field(description="The unit beside it on the report.")
    uln: float | None = Field(None, gt=0, description="The report's upper limit of normal, same unit.")


YES_NO_KEYS = (
    "can_consent", "relapsed_or_refractory", "prior_lenalidomide", "flc_ratio_abnormal",
    "plasmacytoma_2cm", "prior_toxicities_resolved", "prior_asct", "contraception_agreement",
    "heart_disease", "uncontrolled_hypertension", "plasma_cell_leukemia_or_amyloidosis",
    "other_active_cancer", "active_infection", "other_cancer_treatment",
)


class Answers(_Strict):
    """One optional field per question key; the kinds and units of the spec."""

    age_years: Annotated[int, Field(ge=0, le=120)] | None = None
    can_consent: YesNo | None = None
    relapsed_or_refractory: YesNo | None = None
    prior_treatment_lines: Annotated[int, Field(ge=0, le=50)] | None = None
    prior_lenalidomide: YesNo | None = None
    serum_m_protein: LabValue | None = None
    urine_m_protein: LabValue | None = None
    involved_flc: LabValue | None = None
    flc_ratio_abnormal: YesNo | None = None
    plasmacytoma_2cm: YesNo | None = None
    bone_marrow_plasma_cells: LabValue | None = None
    ecog: Annotated[int, Field(ge=0, le=4)] | None = None
    prior_toxicities_resolved: YesNo | None = None
    neuropathy_grade: Annotated[int, Field(ge=0, le=4)] | None = None
    prior_asct: YesNo | None = None
    asct_date: PastDate | None = None
    egfr: LabValue | None = None
    alt: LabValue | None = None
    ast: LabValue | None = None
    bilirubin: LabValue | None = None
    anc: LabValue | None = None
    platelets: LabValue | None = None
    hemoglobin: LabValue | None = None
    contraception_agreement: YesNo | None = None
    heart_disease: YesNo | None = None
    uncontrolled_hypertension: YesNo | None = None
    plasma_cell_leukemia_or_amyloidosis: YesNo | None = None
    other_active_cancer: YesNo | None = None
    hepatitis_b: HepatitisB | None = None
    hepatitis_c: HepatitisC | None = None
    active_infection: YesNo | None = None
    other_cancer_treatment: YesNo | None = None

    @field_validator(*LAB_UNITS)
    @classmethod
    def _unit_fits_key(cls, lab: LabValue | None, info: ValidationInfo) -> LabValue | None:
        if lab is not None:
            check_lab(str(info.field_name), lab)
        return lab

    def get(self, key: str) -> Any:
        return getattr(self, key, None)

    def answered(self) -> dict[str, Any]:
        """Only the answered keys, as the file stores them."""
        return self.model_dump(mode="json", exclude_none=True)


def answer_kind(key: str) -> tuple[str, tuple[str, ...]] | None:
    """What an answer is, read from the model above: ("lab", ()), ("number", ()),
    ("date", ()) or ("choice", the values it may take); None for no such key. The
    trial's rules are checked against it, so a rule can never ask the wrong kind."""
    import typing

    field = Answers.model_fields.get(key)
    if field is None:
        return None
    if key in LAB_UNITS:
        return "lab", ()
    kinds = [arg for arg in typing.get_args(field.annotation) if arg is not type(None)]
    kind = kinds[0] if kinds else field.annotation
    if typing.get_origin(kind) is Literal:
        return "choice", tuple(str(value) for value in typing.get_args(kind))
    base = typing.get_args(kind)[0] if typing.get_origin(kind) is Annotated else kind
    return ("date", ()) if base is dt.date else ("number", ())


def check_lab(key: str, lab: LabValue) -> None:
    """Raise ValueError (the message is shown to the patient) if unit or ULN do not fit."""
    allowed = LAB_UNITS[key]
    if key in ULN_KEYS:
        allowed = (ULN, *allowed[1:])
    if lab.unit not in allowed:
        raise ValueError(f"unit {lab.unit!r} is not accepted here; use one of {', '.join(allowed)}")
    if lab.unit == "%" and lab.value > 100:
        raise ValueError("a percentage cannot be more than 100")
    if key in ULN_KEYS and lab.unit != ULN and lab.uln is None:
        raise ValueError(f"a value in {lab.unit} needs 'uln', the upper limit of normal from the report")
    if lab.uln is not None and (key not in ULN_KEYS or lab.unit == ULN):
        raise ValueError("'uln' belongs only with a raw ALT, AST or bilirubin value")
    problem = physical_problem(key, lab.value, lab.unit, lab.uln)
    if problem:
        raise ValueError(problem)


MAX_CRITERIA_ANSWERS = 1000  # a record with more items than this is no real record
CriterionId = Annotated[str, Field(pattern=r"^(?:inc|exc)-\d{1,4}$")]


class CriterionAnswer(_Strict):
    """The patient's own answer to one item of a registry record ("Does this apply to you?")."""

    answer: YesNo
    words: str = Field(pattern=r"^[0-9a-f]{16}$",
                       description="A fingerprint of the item's words: an answer never moves to other words "
                                   "when the record changes (explainer.core.study_check.words_fingerprint).")


class AnswersFile(_Strict):
    format: Literal["trial-explainer-answers"]
    version: Version1
    trial: str = Field(pattern=r"^NCT\d{8}$")
    as_of: Date = Field(description="The date the answers describe; 'how long ago' rules use it.")
    answers: Answers
    # Added for any study (spec §3, additive): answers to the items of the record of ``trial``.
    criteria: dict[CriterionId, CriterionAnswer] = Field(default_factory=dict, max_length=MAX_CRITERIA_ANSWERS)

    @model_validator(mode="after")
    def _no_future_dates(self) -> AnswersFile:
        when = self.answers.asct_date
        if when is not None and when > self.as_of:
            # The command line prints the message (it names the key, as the spec asks); the
            # window reads the dates from the context and says it in plain words.
            raise PydanticCustomError(
                FUTURE_TRANSPLANT,
                "answers.asct_date: {when} is after the as-of date {as_of}; a transplant date cannot be in the future",
                {"when": when.isoformat(), "as_of": self.as_of.isoformat()})
        return self


def new_answers_file(trial: str, as_of: dt.date, answers: Answers | None = None,
                     criteria: dict[str, CriterionAnswer] | None = None) -> AnswersFile:
    return AnswersFile(format=FORMAT, version=VERSION, trial=trial, as_of=as_of,
                       answers=answers or Answers(), criteria=criteria or {})


def to_json_text(answers_file: AnswersFile) -> str:
    """The file's text: only answered keys, stable order, UTF-8 friendly."""
    import json

    data = {"format": FORMAT, "version": VERSION, "trial": answers_file.trial,
            "as_of": answers_file.as_of.isoformat(), "answers": answers_file.answers.answered()}
    if answers_file.criteria:  # only then: files without item answers stay byte for byte as before
        data["criteria"] = {key: item.model_dump() for key, item in answers_file.criteria.items()}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

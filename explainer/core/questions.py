"""The questionnaire as data (resources/questions.json): plain questions, hints, units.

One question may serve several criteria; the wording lives in the data file, the
answer kinds and units come from the answers-file model so the two cannot drift.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from explainer.core.answers import Answers
from explainer.core.units import LAB_UNITS, ULN_KEYS

QuestionKind = Literal["yes_no", "choice", "whole_number", "lab", "date"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    value: str = Field(description="What the answers file stores, e.g. 'unsure'.")
    label: str = Field(description="What the patient reads on the button.")


class Group(_Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    title: str = Field(description="A short heading, e.g. 'Your blood counts'.")
    intro: str = Field("", description="One or two plain sentences under the heading.")


class Question(_Strict):
    key: str = Field(description="The answers-file key (see interfaces.md).")
    group: str = Field(description="The id of the group it appears in.")
    kind: QuestionKind
    text: str = Field(description="The question in plain words, grade 8 or lower.")
    label: str = Field(description="A short name used in reasons, e.g. 'platelet count'.")
    hint: str = Field(description="Where to find this: which report, or 'ask your doctor'.")
    ask_doctor: str = Field(description="What to ask the doctor when the answer is open.")
    criteria: tuple[str, ...] = Field(min_length=1, description="Ids of the criteria it serves.")
    units: tuple[str, ...] = Field((), description="Units offered, first is the default.")
    choices: tuple[Choice, ...] = Field((), description="Only for kind 'choice' and 'yes_no'.")
    minimum: int | None = Field(None, description="Smallest whole number allowed.")
    maximum: int | None = Field(None, description="Largest whole number allowed.")

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Question:
        if self.key not in Answers.model_fields:
            raise ValueError(f"{self.key!r} is not a key of the answers file")
        if self.kind == "lab":
            allowed = set(LAB_UNITS[self.key])
            if not self.units or set(self.units) - allowed:
                raise ValueError(f"{self.key}: units must be some of {sorted(allowed)}")
        elif self.units:
            raise ValueError(f"{self.key}: only lab questions take units")
        if self.kind in ("yes_no", "choice") and not any(c.value == "unsure" for c in self.choices):
            raise ValueError(f"{self.key}: 'Not sure' (value 'unsure') must be one of the choices")
        return self

    @property
    def takes_uln(self) -> bool:
        return self.key in ULN_KEYS

    def number_words(self, number: int) -> str | None:
        """A whole number with the words of its choice, as reasons and the PDF quote it:
        '2 ("I can look after myself ...")'; None when the number has no words."""
        label = next((c.label for c in self.choices if c.value == str(number)), None)
        return None if label is None else f'{number} ("{label.removeprefix(f"{number}: ")}")'


class Questionnaire(_Strict):
    format: Literal["trial-explainer-questions"]
    version: Literal[1]
    groups: tuple[Group, ...] = Field(min_length=1)
    questions: tuple[Question, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Questionnaire:
        groups = {g.id for g in self.groups}
        keys = [q.key for q in self.questions]
        for question in self.questions:
            if question.group not in groups:
                raise ValueError(f"{question.key}: unknown group {question.group!r}")
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise ValueError(f"questions asked twice: {twice}")
        missing = sorted(set(Answers.model_fields) - set(keys))
        if missing:
            raise ValueError(f"answers-file keys without a question: {missing}")
        return self

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def in_group(self, group_id: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.group == group_id)

    def for_criterion(self, criterion_id: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if criterion_id in q.criteria)

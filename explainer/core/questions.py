"""The question bank as data (resources/questions.json), shared by every study.

Each question has a key (the answers-file key), a kind, plain words and, for a lab
value, the quantity it measures: its units and ranges are defined once, in
core/units.py. A study asks the questions its rules name; which criteria a question
serves is read from the study's rules, never written in the bank. The answers file is
validated against the bank (core/answers.py builds its model from it).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from explainer.core.answers import Answers, AnswersFile, answers_file_model, answers_model
from explainer.core.units import QUANTITIES, accepted_units, takes_uln

QuestionKind = Literal["yes_no", "choice", "whole_number", "lab", "date"]


class _Strict(BaseModel):
    # defer_build: each validator is made on first use; the bank's holds its parts' own.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Choice(_Strict):
    value: str = Field(description="What the answers file stores, e.g. 'unsure'.")
    label: str = Field(description="What the patient reads on the button.")


class Group(_Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    title: str = Field(description="A short heading, e.g. 'Your blood counts'.")
    intro: str = Field("", description="One or two plain sentences under the heading.")
    questions: tuple[str, ...] = Field(min_length=1, description="The keys shown under it, in this order.")


class Question(_Strict):
    key: str = Field(description="The answers-file key (see interfaces.md).")
    kind: QuestionKind
    text: str = Field(description="The question in plain words, grade 8 or lower.")
    label: str = Field(description="A short name used in reasons, e.g. 'platelet count'.")
    hint: str = Field(description="Where to find this: which report, or 'ask your doctor'.")
    ask_doctor: str = Field(description="What to ask the doctor when the answer is open.")
    quantity: str | None = Field(None, description="For a lab value: what it measures (core/units.py).")
    units: tuple[str, ...] = Field((), description="Units offered, first is the default.")
    choices: tuple[Choice, ...] = Field((), description="Only for kind 'choice' and 'yes_no'.")
    minimum: int | None = Field(None, description="Smallest whole number allowed.")
    maximum: int | None = Field(None, description="Largest whole number allowed.")
    step: int | None = Field(None, gt=0, description="A whole number goes up in steps of this (Karnofsky: 10).")

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Question:
        if self.kind == "lab":
            if self.quantity not in QUANTITIES:
                raise ValueError(f"{self.key}: a lab question names a quantity, one of {sorted(QUANTITIES)}")
            allowed = set(accepted_units(self.quantity))
            if not self.units or set(self.units) - allowed:
                raise ValueError(f"{self.key}: units must be some of {sorted(allowed)}")
        elif self.units or self.quantity:
            raise ValueError(f"{self.key}: only lab questions take a quantity and units")
        if self.kind == "whole_number" and (self.minimum is None or self.maximum is None):
            raise ValueError(f"{self.key}: a whole number needs a minimum and a maximum")
        if self.kind != "whole_number" and (self.minimum, self.maximum, self.step) != (None, None, None):
            raise ValueError(f"{self.key}: only whole numbers have a minimum, a maximum and a step")
        if self.kind == "yes_no" and {c.value for c in self.choices} != {"yes", "no", "unsure"}:
            raise ValueError(f"{self.key}: a yes/no question offers 'yes', 'no' and 'unsure'")
        if self.kind in ("yes_no", "choice") and not any(c.value == "unsure" for c in self.choices):
            raise ValueError(f"{self.key}: 'Not sure' (value 'unsure') must be one of the choices")
        return self

    @property
    def takes_uln(self) -> bool:
        return takes_uln(self.quantity)

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
        keys = [q.key for q in self.questions]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise ValueError(f"questions in the bank twice: {twice}")
        shown = [key for group in self.groups for key in group.questions]
        unknown = sorted(set(shown) - set(keys))
        if unknown:
            raise ValueError(f"groups name questions the bank does not have: {unknown}")
        if len(shown) != len(set(shown)) or set(shown) != set(keys):
            raise ValueError("every question is shown in exactly one group")
        return self

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def in_group(self, group_id: str) -> tuple[Question, ...]:
        group = next((g for g in self.groups if g.id == group_id), None)
        return tuple(q for key in (group.questions if group else ()) if (q := self.question(key)))

    def shown(self) -> tuple[Question, ...]:
        """Every question in the order the questionnaire shows them: group by group."""
        return tuple(q for group in self.groups for q in self.in_group(group.id))

    def quantity(self, key: str) -> str | None:
        """What a lab question measures (core/units.py); None for any other key."""
        question = self.question(key)
        return question.quantity if question else None

    @property
    def answers_model(self) -> type[Answers]:
        """The answers of this bank as a strict model: one optional field per question
        (the same class for the same bank, so answers from a file and from the window compare)."""
        return answers_model(self)

    @property
    def answers_file_model(self) -> type[AnswersFile]:
        """The answers file whose answers are checked against this bank."""
        return answers_file_model(self)

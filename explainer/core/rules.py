"""The small rule language a criterion is written in.

A rule says what a patient's answers must show for a criterion to be met. It is a
tree: ``all`` / ``any`` over children, ``compare`` a lab or number answer with a
limit in a stated unit, ``answer`` (the answer is one of some values), and
``months_since`` (a date answer lies far enough before the answers' as-of date).
Evaluation lives in ``explainer.core.eligibility``; this module only describes.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AllOf(_Rule):
    kind: Literal["all"]
    of: tuple[Rule, ...] = Field(min_length=1)


class AnyOf(_Rule):
    kind: Literal["any"]
    of: tuple[Rule, ...] = Field(min_length=1)


class Compare(_Rule):
    kind: Literal["compare"]
    question: str = Field(description="A question key, e.g. 'platelets'.")
    op: Literal[">=", ">", "<=", "<"]
    limit: float
    unit: str = Field("", description="The unit the limit is in; empty for plain numbers.")


class AnswerIs(_Rule):
    kind: Literal["answer"]
    question: str
    among: tuple[str, ...] = Field(min_length=1, description="Answers that meet the rule.")


class MonthsSince(_Rule):
    kind: Literal["months_since"]
    question: str = Field(description="A date question, e.g. 'asct_date'.")
    at_least: int = Field(ge=0)


Rule = Annotated[Union[AllOf, AnyOf, Compare, AnswerIs, MonthsSince], Field(discriminator="kind")]

AllOf.model_rebuild()
AnyOf.model_rebuild()

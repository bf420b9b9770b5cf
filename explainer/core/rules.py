"""The small rule language a criterion is written in.

A rule says what a patient's answers must show for a criterion to be met. It is a
tree: ``all`` / ``any`` over children, ``compare`` a lab or number answer with a
limit in a stated unit, ``answer`` (the answer is one of some values), and
``months_since`` (a date answer lies far enough before the answers' as-of date).
A ``compare`` may say the trial allows raising a value to its limit (``may_be_raised``).
Evaluation lives in ``explainer.core.eligibility``; this module only describes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from explainer.core.limits import FEW, SHORT_TEXT

if TYPE_CHECKING:
    from explainer.core.questions import Questionnaire


class _Rule(BaseModel):
    # defer_build: a rule is read inside a trial file, so the trial's validator holds the
    # rules' own; a rule class gets its validator only if it is itself validated or made.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False,
                              str_max_length=SHORT_TEXT, defer_build=True)


class AllOf(_Rule):
    kind: Literal["all"]
    of: tuple[Rule, ...] = Field(min_length=1, max_length=FEW)


class AnyOf(_Rule):
    kind: Literal["any"]
    of: tuple[Rule, ...] = Field(min_length=1, max_length=FEW)


class MayBeRaised(_Rule):
    """The trial lets a value short of its limit be brought up to it before joining
    (a blood count raised by a transfusion, say): short of the limit, the rule stays open."""

    by: str = Field(min_length=1, description="How, in plain words: 'a blood transfusion or a growth factor'.")
    note: str = Field(description="The id of the note-only criterion whose registry words allow it.")


class Compare(_Rule):
    kind: Literal["compare"]
    question: str = Field(description="A question key, e.g. 'platelets'.")
    op: Literal[">=", ">", "<=", "<"]
    limit: float
    unit: str = Field("", description="The unit the limit is in; empty for plain numbers.")
    may_be_raised: MayBeRaised | None = Field(
        None, description="Set when the trial allows reaching the limit (only for 'at least' limits).")

    @model_validator(mode="after")
    def _raised_only_towards_a_floor(self) -> Compare:
        if self.may_be_raised is not None and self.op not in (">=", ">"):
            raise ValueError(f"{self.question}: only an 'at least' limit can be reached by raising a value")
        return self


class AnswerIs(_Rule):
    kind: Literal["answer"]
    question: str
    among: tuple[str, ...] = Field(min_length=1, max_length=FEW, description="Answers that meet the rule.")


class MonthsSince(_Rule):
    kind: Literal["months_since"]
    question: str = Field(description="A date question, e.g. the date of a transplant.")
    at_least: int = Field(ge=0, le=1_200)


Rule = Annotated[Union[AllOf, AnyOf, Compare, AnswerIs, MonthsSince], Field(discriminator="kind")]


def rule_fits_answers(rule: Any, bank: Questionnaire) -> str | None:
    """What the self-check would trip over in a rule, or None: each part asks a
    question of the bank, of the kind it compares (a number or lab value, a choice,
    a date), in a unit that answer can be given in, with a limit a report can show.
    ``validate`` says it, naming the question, instead of ``check`` crashing later."""
    from explainer.core.answers import answer_kind
    from explainer.core.units import accepted_units, physical_problem

    stack = [rule]
    while stack:
        node = stack.pop()
        if isinstance(node, (AllOf, AnyOf)):
            stack.extend(node.of)
            continue
        kind, values = answer_kind(bank, node.question) or ("", ())
        if not kind:
            return f"{node.question!r} is not a question of the answers file"
        wanted = {Compare: ("lab", "number"), AnswerIs: ("choice",), MonthsSince: ("date",)}[type(node)]
        if kind not in wanted:
            return f"a {node.kind!r} rule cannot ask {node.question!r}, which is a {kind} answer"
        if isinstance(node, AnswerIs) and set(node.among) - set(values):
            return f"{node.question!r} is never answered {sorted(set(node.among) - set(values))[0]!r}"
        if isinstance(node, Compare):
            quantity = bank.quantity(node.question)
            units = accepted_units(quantity) if quantity else ("",)
            if node.unit not in units:
                return f"{node.question!r} is compared in {node.unit!r}; use one of {', '.join(map(repr, units))}"
            if quantity and (problem := physical_problem(quantity, node.limit, node.unit)):
                return f"the limit of {node.question!r}: {problem}"
    return None


def rule_questions(rule: Any) -> list[str]:
    """The question keys a rule asks, in the order it asks them."""
    if isinstance(rule, (AllOf, AnyOf)):
        return [key for child in rule.of for key in rule_questions(child)]
    return [] if rule is None else [rule.question]

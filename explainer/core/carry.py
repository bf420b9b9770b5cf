"""The patient's numbers shared by every study: what fills in when a study opens, and
what a change in one study does to the shared answers. Pure: no files, no clock.

The shared answers are a version 1 answers file holding only answers to bank
questions (age, blood tests, ECOG, ...), with ``given``: for each answer, the study
it was given for and the date it describes. Its owner is explainer.ui.carried (the
file ``my-answers.json`` in the data folder); each study's own draft keeps only its
item answers. Rules:

- When a study opens, every question it asks that the shared answers hold fills in
  from them; one given for another study is marked so the patient can check it.
- Only a change the patient makes moves the shared answers: a new number replaces the
  shared one (the person meant it), an emptied field removes it. Opening a study, or
  questions a study does not ask, never change them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from explainer.core.answers import AnswerGiven, AnswersFile, new_answers_file

if TYPE_CHECKING:
    from explainer.core.questions import Questionnaire


def given_for(shared: AnswersFile, key: str) -> AnswerGiven:
    """Where and when a shared answer was given (a file without ``given``: its own trial and date)."""
    return shared.given.get(key) or AnswerGiven(trial=shared.trial, on=shared.as_of)


def carry_in(shared: AnswersFile | None, asked: Iterable[str], trial: str) -> tuple[dict[str, Any],
                                                                                  dict[str, AnswerGiven]]:
    """The shared answers to the questions this study asks, and for each one given for
    another study, where and when (the page marks those)."""
    if shared is None:
        return {}, {}
    values = {key: value for key in asked if (value := shared.answers.get(key)) is not None}
    others = {key: given for key in values if (given := given_for(shared, key)).trial != trial}
    return values, others


def remember(shared: AnswersFile | None, before: Mapping[str, Any], after: Mapping[str, Any], trial: str,
             on: dt.date, bank: Questionnaire) -> AnswersFile | None:
    """The shared answers after the patient changed ``before`` into ``after`` (both: the
    study's valid answers by key) in study ``trial``, for the date ``on``; None when the
    change moves nothing (then nothing is written)."""
    values = shared.answers.answered() if shared else {}
    kept = {key: shared.answers.get(key) for key in values} if shared else {}
    given = {key: given_for(shared, key) for key in kept} if shared else {}
    changed = False
    for key in dict.fromkeys([*before, *after]):
        new = after.get(key)
        if new == before.get(key) or bank.question(key) is None:
            continue
        if new is None:
            changed |= kept.pop(key, None) is not None
            given.pop(key, None)
        elif kept.get(key) != new:
            kept[key], given[key], changed = new, AnswerGiven(trial=trial, on=on), True
    if not changed:
        return None
    as_of = max([on, *(g.on for g in given.values()), *([shared.as_of] if shared else [])])
    return new_answers_file(trial, as_of, bank.answers_model.model_validate(kept), given=given)


def study_answers(shared: AnswersFile | None, draft: AnswersFile | None) -> AnswersFile | None:
    """One study's answers as its check page opens them: the numbers kept for every
    study (or, before those exist, the numbers an older draft kept itself) with the
    study's own item answers from its draft. None when there are neither. The list of
    studies and the comparison read a study's self-check through this, so they count
    what the page shows."""
    if draft is None:
        return shared
    if shared is None:
        return draft
    return new_answers_file(draft.trial, max(draft.as_of, shared.as_of), shared.answers, draft.criteria)


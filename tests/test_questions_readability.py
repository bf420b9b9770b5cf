"""Patient-facing questionnaire text stays plain: US grade 8 or lower (writing guide §3.2)."""

from __future__ import annotations

import warnings

import pytest

from explainer.content import load_questions

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports the deprecated pkg_resources
    import textstat

QUESTIONS = load_questions()


@pytest.mark.parametrize("field", ["text", "hint", "ask_doctor"])
def test_questionnaire_reads_at_grade_8_or_lower(field: str) -> None:
    text = " ".join(getattr(q, field) for q in QUESTIONS.questions)
    assert textstat.flesch_kincaid_grade(text) <= 8
    assert textstat.smog_index(text) <= 8


def test_no_question_is_long_winded() -> None:
    long = [q.key for q in QUESTIONS.questions if len(q.text.split()) > 45]
    assert long == []

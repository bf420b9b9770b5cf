"""The words the summary and self-check of any record add (resources/study_summary_words.json)
read at US grade 8 or lower (writing guide §3.2): each sentence on its own, and the
app's words of the summary pages of all ten sample records. The record's own words
and citations are left out, being quoted, not written by us."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from explainer.core.registry_record import from_registry_json
from explainer.core.study_pages import app_words
from explainer.core.study_summary import build_study_summary
from explainer.study_words_io import study_summary_words, study_words
from tests.readability import MAX_GRADE, grade

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("NCT*.json"))
WORDS = study_summary_words()
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Formats and citations, not sentences written for the reader to follow.
_NOT_PROSE = {"footer", "questions_source", "rule", "op", "uln", "names", "calendar_none"}


def _texts(value: object, name: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(name, value)]
    if isinstance(value, dict):
        return [found for key, inner in value.items() if key not in _NOT_PROSE
                for found in _texts(inner, f"{name}.{key}")]
    if isinstance(value, list | tuple):
        return [found for n, inner in enumerate(value) for found in _texts(inner, f"{name}[{n}]")]
    return []


def _prose(text: str) -> str:
    text = _PLACEHOLDER.sub("ten", text).strip()
    return text if text[-1:] in ".?!:" else f"{text}."


ALL = _texts(WORDS.model_dump(exclude={"format", "version"}))
# A label of one or two words gets a meaningless grade alone; it is scored with the rest.
SENTENCES = [(name, text) for name, text in ALL if len(text.split()) >= 6]


def test_all_the_texts_together_read_at_grade_8_or_lower() -> None:
    assert grade("\n".join(_prose(text) for _, text in ALL)) <= MAX_GRADE


@pytest.mark.parametrize(("name", "text"), SENTENCES, ids=[name for name, _ in SENTENCES])
def test_each_text_reads_at_grade_8_or_lower(name: str, text: str) -> None:
    assert grade(_prose(text)) <= MAX_GRADE, f"{name}: grade {grade(_prose(text)):.1f}"


def test_there_are_texts_to_score() -> None:
    assert len(SENTENCES) >= 25


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_the_summary_pages_read_at_grade_8_or_lower(nct_id: str) -> None:
    study = from_registry_json(json.loads((SAMPLES / f"{nct_id}.json").read_text(encoding="utf-8")))[0]
    summary = build_study_summary(study, study_words(), WORDS, dt.date(2026, 12, 5))
    text = "\n".join(_prose(t) for t in app_words(summary.pages) if t.strip())
    assert grade(text) <= MAX_GRADE

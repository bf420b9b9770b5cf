"""The app's words on the pages of any study read at US grade 8 or lower (writing
guide §3.2): every part of resources/study_words.json, every longer sentence in it
on its own, and the app's words on the generated pages of all ten sample records.
The record's own words (voice "registry") and citations (voice "source") are left
out, being quoted, not written by us; they are always shown under a label."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from explainer.core.registry_record import from_registry_json
from explainer.core.study_pages import Place, app_words, build_study_pages
from explainer.study_words_io import study_words
from tests.readability import MAX_GRADE, MAX_MEAN_GRADE, grade

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("NCT*.json"))
WORDS = study_words()
PARTS = WORDS.all_prose()
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _prose(texts: list[str]) -> str:
    """One sentence per text, placeholders read as a short number word."""
    sentences = [_PLACEHOLDER.sub("ten", t).strip() for t in texts]
    return "\n".join(s if s[-1:] in ".?!:" else f"{s}." for s in sentences if s)


# Parts that are only formats or joining words, not sentences.
_NOT_SENTENCES = {"date_day", "date_month", "registry_label", "list_and"}


@pytest.mark.parametrize("part", sorted(set(PARTS) - _NOT_SENTENCES))
def test_each_part_of_the_words_file_reads_at_grade_8_or_lower(part: str) -> None:
    text = _prose(PARTS[part])
    assert text.strip()
    assert grade(text) <= MAX_GRADE, f"{part}: grade {grade(text):.1f}"


LONG = sorted({t for texts in PARTS.values() for t in texts if len(t.split()) >= 10})


@pytest.mark.parametrize("text", LONG, ids=[t[:40] for t in LONG])
def test_each_longer_sentence_reads_at_grade_8_or_lower(text: str) -> None:
    assert grade(_prose([text])) <= MAX_GRADE


def test_there_are_many_longer_sentences_to_score() -> None:
    assert len(LONG) >= 60


def _pages_prose(nct_id: str) -> str:
    study = from_registry_json(json.loads((SAMPLES / f"{nct_id}.json").read_text(encoding="utf-8")))[0]
    return _prose(app_words(build_study_pages(study, WORDS, dt.date(2026, 12, 5), Place())))


PAGES = {nct_id: _pages_prose(nct_id) for nct_id in SAMPLE_IDS}


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_the_apps_words_on_each_samples_pages_read_at_grade_8_or_lower(nct_id: str) -> None:
    assert grade(PAGES[nct_id]) <= MAX_GRADE, f"{nct_id}: grade {grade(PAGES[nct_id]):.1f}"


def test_the_average_over_the_samples_is_grade_7_or_lower() -> None:
    assert sum(grade(t) for t in PAGES.values()) / len(PAGES) <= MAX_MEAN_GRADE

"""How hard a passage is to read (explainer.core.reading_level), for labelling the
registry's long passages "written for doctors" (issue 16 item 5)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from explainer.content import PAGE_NAMES, load_page, load_trial
from explainer.core.reading_level import Difficulty, ReadingLevel, reading_grade, reading_level, syllables
from tests.readability import plain_words

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports the deprecated pkg_resources
    import textstat

RECORDS = sorted((Path(__file__).parent / "fixtures" / "ctgov").glob("NCT*.json"))


@pytest.mark.parametrize(("word", "count"), [
    ("cat", 1), ("the", 1), ("ULN", 1),  # three letters or fewer: one
    ("made", 1), ("takes", 1), ("named", 1), ("have", 1),  # a silent final e, es or ed
    ("table", 2), ("little", 2), ("places", 2), ("wanted", 2),  # ... and the endings that are heard
    ("study", 2), ("body", 2), ("people", 2), ("patients", 2), ("committee", 3),
    ("radiation", 4), ("biopsy", 3), ("being", 2), ("anemia", 4), ("leukemia", 4),  # two vowels, two sounds
    ("histologically", 6), ("chemotherapy", 5), ("adenocarcinoma", 7),
    ("", 0), ("1,500", 0), ("GM-CSF", 1),  # no vowel: one sound at least, if any letter
])
def test_syllables_are_counted_as_heard(word: str, count: int) -> None:
    assert syllables(word) == count


@pytest.mark.parametrize(("text", "grade", "words", "sentences"), [
    # 0.39 × 6 words per sentence + 11.8 × 1 syllable per word − 15.59 = −1.45
    ("The cat sat on the mat.", -1.4, 6, 1),
    ("The cat sat. The dog ran.", -2.6, 6, 2),
    ("The cat sat.\nThe dog ran", -2.6, 6, 2),  # a line break ends a list item as a full stop does
    ("The cat sat; the dog ran", -2.6, 6, 2),
    ("The cat sat the dog ran", -1.4, 6, 1),
    # 23 syllables in 7 words: 0.39 × 7 + 11.8 × 23 / 7 − 15.59
    ("Patients must have histologically confirmed metastatic adenocarcinoma.", 25.9, 7, 1),
    ("Platelets >= 100,000/mm3", 8.8, 2, 1),  # numbers and signs are not words; "mm" is
    (">= 1,500 / 3\n\n*", 0.0, 0, 0),  # nothing to read
    ("", 0.0, 0, 0),
])
def test_reading_level_is_the_flesch_kincaid_grade(text: str, grade: float, words: int, sentences: int) -> None:
    assert reading_level(text) == ReadingLevel(grade, words, sentences)
    assert reading_grade(text) == grade


@pytest.mark.parametrize(("grade", "difficulty"), [
    (-1.4, Difficulty.PLAIN), (8.0, Difficulty.PLAIN), (8.1, Difficulty.HARD), (12.0, Difficulty.HARD),
    (12.1, Difficulty.FOR_SPECIALISTS), (25.9, Difficulty.FOR_SPECIALISTS),
])
def test_difficulty_bands(grade: float, difficulty: Difficulty) -> None:
    assert ReadingLevel(grade, 10, 1).difficulty is difficulty


def _registry_passages() -> list[str]:
    passages = []
    for record in RECORDS:
        data = json.loads(record.read_text(encoding="utf-8"))
        section = (data["studies"][0] if "studies" in data else data)["protocolSection"]
        passages += [section.get("descriptionModule", {}).get("briefSummary", ""),
                     section.get("eligibilityModule", {}).get("eligibilityCriteria", "")]
    return [p for p in passages if len(p.split()) >= 30]


APP_PAGES = [plain_words(load_page(name, load_trial())) for name in PAGE_NAMES]
REGISTRY = _registry_passages()


def test_the_app_s_pages_are_plain_and_the_registry_s_long_passages_are_not() -> None:
    assert [reading_level(page).difficulty for page in APP_PAGES] == [Difficulty.PLAIN] * len(APP_PAGES)
    assert len(REGISTRY) == 17
    levels = [reading_level(passage).difficulty for passage in REGISTRY]
    assert Difficulty.PLAIN not in levels
    assert levels.count(Difficulty.FOR_SPECIALISTS) >= 10


@pytest.mark.parametrize("text", APP_PAGES + REGISTRY)
def test_the_grade_agrees_with_the_tests_textstat_figure(text: str) -> None:
    # textstat's hyphenation dictionary counts fewer syllables ("body" is one), so this
    # grade is higher by up to about 3 grades, never lower by more than half a grade.
    # Each line is made a sentence for textstat too, to compare the words, not the lines.
    lines = [line.strip().rstrip(".:;") + "." for line in text.splitlines() if any(c.isalpha() for c in line)]
    ours, theirs = reading_grade(text), textstat.flesch_kincaid_grade("\n".join(lines))
    assert theirs - 0.5 <= ours <= theirs + 3.5

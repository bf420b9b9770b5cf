"""Every Spanish content file reads easily (issue 19, item 4): at least 60 on the
Fernández-Huerta scale (textstat 0.7.4, ``set_lang("es")``), at least 65 on average.

Prepared as tests/test_readability.py prepares the English: each Spanish page filled
from the trial data as a Spanish window shows it, Markdown reduced to what a reader
sees, citations and the registry's markers left out, drug names one short word. Each
Spanish JSON table (resources/i18n/es/**/*.json) is scored on its Spanish texts joined
as prose, one sentence each, placeholders left out. A text of one or two words (a
label, a button, a unit) is not prose: textstat does not count it as a sentence, yet
would add its words to the next sentence's length, so it is left out of the tables'
prose (the pages keep every word).
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import pytest

from explainer.content import fill_page, load_trial
from explainer.translations import page_header_split, speaking_language
from tests.readability import (
    MIN_FERNANDEZ_HUERTA,
    MIN_MEAN_FERNANDEZ_HUERTA,
    fernandez_huerta,
    grade,
    plain_words,
    plain_words_es,
)

ROOT = Path(__file__).resolve().parents[1]
SPANISH = ROOT / "resources" / "i18n" / "es"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def page_prose(page: Path) -> str:
    body = page_header_split(page.read_text(encoding="utf-8"))[1]
    with speaking_language("es"):
        return plain_words_es(fill_page(body, page.name, load_trial()))


def table_prose(table: Path) -> str:
    strings = json.loads(table.read_text(encoding="utf-8")).get("strings", {})
    sentences = []
    for text in strings.values():
        words = " ".join(_PLACEHOLDER.sub(" ", text).split())
        if len(words.split()) > 2:
            sentences.append(words if words[-1] in ".?!:" else f"{words}.")
    return plain_words_es("\n\n".join(sentences))


def _texts() -> dict[str, str]:
    texts = {p.relative_to(SPANISH).as_posix(): page_prose(p) for p in sorted(SPANISH.rglob("*.md"))}
    for table in sorted(SPANISH.rglob("*.json")):
        prose = table_prose(table)
        if prose:  # a table of labels alone has no prose to score
            texts[table.relative_to(SPANISH).as_posix()] = prose
    return texts


TEXTS = _texts()
SCORES = {name: fernandez_huerta(text) for name, text in TEXTS.items()}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_each_spanish_text_scores_60_or_more(name: str) -> None:
    assert TEXTS[name].strip(), f"{name} is empty"
    assert SCORES[name] >= MIN_FERNANDEZ_HUERTA, f"{name}: Fernández-Huerta {SCORES[name]:.1f}"


def test_the_average_is_65_or_more() -> None:
    assert statistics.mean(SCORES.values()) >= MIN_MEAN_FERNANDEZ_HUERTA


def test_every_spanish_page_is_scored() -> None:
    assert {name for name in TEXTS if name.endswith(".md")} == {
        p.relative_to(SPANISH).as_posix() for p in SPANISH.rglob("*.md")}
    assert len(TEXTS) >= 16  # the study's 11 pages and the app's 5


@pytest.mark.parametrize(("text", "too_hard"), [
    ("Usted toma una cápsula por la boca. Es una vez al día.", False),
    ("Tome pomalidomida y dexametasona juntas.", False),  # drug names are allow-listed
    ("La administración concomitante de agentes farmacoterapéuticos inmunomoduladores requiere una "
     "vigilancia hematológica exhaustiva y una profilaxis anticoagulante individualizada.", True),
])
def test_the_score_tells_plain_from_hard(text: str, too_hard: bool) -> None:
    assert (fernandez_huerta(plain_words_es(text)) < MIN_FERNANDEZ_HUERTA) is too_hard


def test_scoring_spanish_leaves_the_english_grade_as_it_was() -> None:
    """textstat's language is global: a Spanish score must not change an English grade."""
    english = plain_words("You take it by mouth. It is a capsule you swallow with water, once a day.")
    before = grade(english)
    fernandez_huerta("Usted toma una cápsula.")
    assert grade(english) == before

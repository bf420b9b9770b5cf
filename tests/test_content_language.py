"""Content files load in the current language: a resource's Spanish table is laid over
its English JSON before validation, inside speaking_language("es") only; English is
read as it is, and every cached loader keeps one copy per language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import explainer.content as content
import explainer.translations as translations
from explainer.core.language import current_language
from explainer.translations import TABLE_FORMAT, speaking_language

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def write_table(root: Path, relative: str, strings: dict[str, str], keep: list[str] | None = None) -> None:
    table = root / "i18n" / "es" / relative
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text(json.dumps({"format": TABLE_FORMAT, "language": "es", "keep": keep or [], "strings": strings},
                                ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def copied_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the files these tests load, standing in for resources/, with no Spanish
    until a test writes a table into it."""
    root = tmp_path / "resources"
    for relative in ("questions.json", "sections.json", "trials/NCT04883242/sections.json"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(RESOURCES / relative, root / relative)
    monkeypatch.setattr(content, "resources_root", lambda: root)
    monkeypatch.setattr(translations, "resources_root", lambda: root)
    translations.load_table.cache_clear()
    yield root
    translations.load_table.cache_clear()


def test_a_table_speaks_inside_its_block_only(copied_resources: Path) -> None:
    english = content.load_questions(copied_resources / "questions.json")
    age = english.question("age_years")
    write_table(copied_resources, "questions.json", {age.text: "¿Cuántos años tiene?", "About you": "Sobre usted"},
                keep=["key", "id"])
    with speaking_language("es"):
        spanish = content.load_questions(copied_resources / "questions.json")
    assert spanish.question("age_years").text == "¿Cuántos años tiene?"
    assert spanish.groups[0].title == "Sobre usted"
    assert spanish.groups[0].id == english.groups[0].id  # a kept key stays as written
    assert spanish.question("age_years").hint == age.hint  # no entry: the English stays
    assert content.load_questions(copied_resources / "questions.json") == english  # outside the block: English


def test_a_list_of_pages_speaks_inside_its_block_only(copied_resources: Path) -> None:
    write_table(copied_resources, "sections.json", {"Start here": "Empiece aquí"}, keep=["page", "format"])
    with speaking_language("es"):
        assert content.load_sections(copied_resources)[0] == ("welcome", "Empiece aquí")
    assert content.load_sections(copied_resources)[0] == ("welcome", "Start here")


def test_a_file_from_outside_resources_is_never_translated(copied_resources: Path, tmp_path: Path) -> None:
    """A user's own study folder has no table here, even with the same file name."""
    write_table(copied_resources, "sections.json", {"Start here": "Empiece aquí"}, keep=["page", "format"])
    own = tmp_path / "own"
    own.mkdir()
    shutil.copyfile(RESOURCES / "sections.json", own / "sections.json")
    with speaking_language("es"):
        assert content.load_sections(own)[0] == ("welcome", "Start here")


def test_a_broken_table_is_one_plain_sentence(copied_resources: Path) -> None:
    (copied_resources / "i18n" / "es").mkdir(parents=True)
    (copied_resources / "i18n" / "es" / "questions.json").write_text("{", encoding="utf-8")
    with speaking_language("es"), pytest.raises(content.ContentError, match="questions.json: not valid JSON"):
        content.load_questions(copied_resources / "questions.json")


def test_english_reads_no_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """English is the file as written: no table is looked for, the text is the very text read."""
    def refuse(*_args):
        raise AssertionError("a table was looked for in English")

    monkeypatch.setattr(translations, "translated_json_text", refuse)
    monkeypatch.setattr(translations, "load_table", refuse)
    assert current_language() == "en"
    text = (RESOURCES / "questions.json").read_text(encoding="utf-8")
    assert content.in_current_language(RESOURCES / "questions.json", text) is text
    assert content.load_questions().question("age_years").text == "How old are you, in years?"
    assert content.load_sections()[0] == ("welcome", "Start here")

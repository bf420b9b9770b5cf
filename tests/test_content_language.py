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


@pytest.mark.parametrize(("data", "keep", "texts", "spanish"), [
    # "groups.questions" keeps the ids a group lists; the top-level "questions" are read.
    ({"groups": [{"questions": ["platelets"]}], "questions": [{"label": "platelets"}]},
     frozenset({"groups.questions"}), ["platelets"],
     {"groups": [{"questions": ["platelets"]}], "questions": [{"label": "plaquetas"}]}),
    # A plain name keeps that key wherever it is.
    ({"a": {"id": "platelets"}, "b": [{"id": "platelets", "t": "platelets"}]}, frozenset({"id"}),
     ["platelets"], {"a": {"id": "platelets"}, "b": [{"id": "platelets", "t": "plaquetas"}]}),
    # The dotted form names the nearest holding key only: deeper keys of that name are read.
    ({"groups": {"x": {"questions": "platelets"}}}, frozenset({"groups.questions"}), ["platelets"],
     {"groups": {"x": {"questions": "plaquetas"}}}),
])
def test_a_kept_key_may_name_its_parent(data, keep, texts, spanish) -> None:
    from explainer.core.language import texts_to_translate, translate_data

    assert list(texts_to_translate(data, keep)) == texts
    assert translate_data(data, {"platelets": "plaquetas"}, keep) == spanish


def test_the_question_bank_speaks_spanish_inside_its_block() -> None:
    english = content.load_questions()
    with speaking_language("es"):
        spanish = content.load_questions()
    assert english.question("age_years").text == "How old are you, in years?"
    assert spanish.question("age_years").text == "¿Cuántos años tiene?"
    assert spanish.question("platelets").label == "plaquetas"
    assert spanish.groups[0].title == "Sobre usted"
    # What code compares stays as written: keys, kinds, units, choice values, group ids.
    structure = [(q.key, q.kind, q.quantity, q.units, [c.value for c in q.choices], q.minimum, q.maximum, q.step)
                 for q in english.questions]
    assert [(q.key, q.kind, q.quantity, q.units, [c.value for c in q.choices], q.minimum, q.maximum, q.step)
            for q in spanish.questions] == structure
    assert [(g.id, g.questions) for g in spanish.groups] == [(g.id, g.questions) for g in english.groups]
    assert content.load_questions() == english  # English again after the block


def cached_words():
    """Each cached loader, and one text of it a person reads (None: no table of ours yet)."""
    from explainer import summary_source
    from explainer.study_words_io import compare_words
    from explainer.timeline_text import timeline_text

    return [
        ("timeline", timeline_text, lambda words: words.section_title, "Cuándo recibe cada medicamento"),
        ("compare", compare_words, lambda words: words.title, "Estudios que miré"),
        ("sections", content.load_sections, lambda sections: sections[0][1], "Empiece aquí"),
        ("PDF questions", summary_source.builtin_questions, lambda bank: bank.groups[0].title, "Sobre usted"),
        ("PDF words", summary_source._builtin_text, lambda text: text.headings["study"], "Sobre el estudio"),
    ]


def test_each_cached_loader_keeps_one_copy_per_language() -> None:
    """A Spanish window, then an English PDF, then Spanish again: each gets its own words,
    and each language is read once (the same object comes back)."""
    for name, load, text_of, spanish_text in cached_words():
        english = load()
        with speaking_language("es"):
            spanish = load()
            assert (name, text_of(spanish)) == (name, spanish_text)
        again = load()
        assert again is english and text_of(english) != spanish_text, name
        with speaking_language("es"):
            assert load() is spanish, name


def test_the_records_glossary_is_kept_per_language() -> None:
    from explainer.ui.record_window import record_glossary

    english = record_glossary()
    with speaking_language("es"):
        spanish = record_glossary()
        assert record_glossary() is spanish
    assert spanish is not english and record_glossary() is english


def test_content_speaks_the_language_core_language_names() -> None:
    from explainer.core import language

    assert content.SOURCE_LANGUAGE == language.SOURCE_LANGUAGE
    assert content.content_language() == "en"
    with speaking_language("es"):
        assert content.content_language() == "es"

"""The translation mechanism: the core's say(), content tables, pages, Qt's .ts -> .qm."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from explainer.content import ContentError
from explainer.core.language import (
    current_language,
    language_from_locale,
    missing_and_stale,
    say,
    speaking,
    texts_to_translate,
    translate_data,
)
from explainer.translations import page_header_split, page_sha, parse_table


@pytest.mark.parametrize(("locale", "language"), [
    ("es_MX.UTF-8", "es"), ("es-419", "es"), ("es", "es"), ("ES_es", "es"),
    ("en_US.UTF-8", "en"), ("fr_FR", "en"), ("", "en"), (None, "en"), ("C", "en"), ("esperanto", "en"),
])
def test_the_language_follows_the_locale(locale: str | None, language: str) -> None:
    assert language_from_locale(locale) == language


TABLE = {"Yes": "Sí", "Cycle {n}": "Ciclo {n}"}


@pytest.mark.parametrize(("data", "keep", "expected"), [
    ("Yes", frozenset(), "Sí"),
    ("Unknown words", frozenset(), "Unknown words"),  # no entry: English stays
    ({"id": "Yes", "label": "Yes"}, frozenset({"id"}), {"id": "Yes", "label": "Sí"}),
    ({"items": ["Yes", 28, None, True]}, frozenset(), {"items": ["Sí", 28, None, True]}),
    ({"Yes": "Cycle {n}"}, frozenset(), {"Yes": "Ciclo {n}"}),  # keys are never translated
])
def test_translate_data_replaces_only_texts(data, keep, expected) -> None:
    assert translate_data(data, TABLE, keep) == expected


@pytest.mark.parametrize(("data", "keep", "texts"), [
    ({"a": "Yes", "b": ["No", "28", "https://x.org"], "id": "inc-1"}, frozenset({"id"}), ["Yes", "No"]),
    ({"n": 3, "m": {"k": "A word"}}, frozenset(), ["A word"]),
    ({"m": {"k": "A word"}}, frozenset({"m"}), []),
])
def test_texts_to_translate_skips_kept_keys_numbers_and_addresses(data, keep, texts) -> None:
    assert list(texts_to_translate(data, keep)) == texts


def test_missing_and_stale_entries_are_named() -> None:
    missing, stale = missing_and_stale(["Yes", "No", "Yes"], {"Yes": "Sí", "Maybe": "Quizás", "No": ""})
    assert missing == ["No"]  # an empty translation counts as missing
    assert stale == ["Maybe"]


def test_say_speaks_the_language_of_its_block_only() -> None:
    assert (current_language(), say("Yes")) == ("en", "Yes")
    with speaking("es", TABLE):
        assert (current_language(), say("Yes"), say("Not in the table")) == ("es", "Sí", "Not in the table")
        with speaking("en", {}):
            assert say("Yes") == "Yes"
        assert say("Cycle {n}").format(n=2) == "Ciclo 2"
    assert say("Yes") == "Yes"
    with pytest.raises(ValueError, match="unknown language"), speaking("fr", {}):
        pass


@pytest.mark.parametrize(("text", "problem"), [
    ("{", "not valid JSON"),
    ('{"format": "other", "strings": {}}', "not a translation table"),
    ('{"format": "trial-explainer-translation", "strings": {"a": 1}}', "strings must map"),
    ('{"format": "trial-explainer-translation", "strings": {}, "keep": "id"}', "keep must be a list"),
])
def test_a_bad_table_gets_one_plain_sentence(text: str, problem: str) -> None:
    with pytest.raises(ContentError, match=problem):
        parse_table(text, "es/x.json")


def test_a_page_translation_names_the_english_it_translates() -> None:
    english = "# Title\n"
    sha, body = page_header_split(f"<!-- translates sha256:{page_sha(english)} -->\n# Título\n")
    assert (sha, body) == (page_sha(english), "# Título\n")
    assert page_header_split("# Título\n") == (None, "# Título\n")


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="es"><context><name></name>
<message><source>Open study record…</source><translation>Abrir el registro de un estudio…</translation></message>
</context></TS>
"""


def test_qt_finds_a_compiled_translation(qapp, tmp_path: Path) -> None:
    """The .ts -> .qm route the app takes: lrelease compiles, QTranslator loads, tr() finds."""
    from PySide6.QtCore import QTranslator

    from explainer.ui.i18n import tr
    from tools.translations import qt_tool

    (tmp_path / "x.ts").write_text(TS, encoding="utf-8")
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(tmp_path / "x.ts"), "-qm", str(tmp_path / "x.qm")],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "x.qm"))
    assert tr("Open study record…") == "Open study record…"
    qapp.installTranslator(translator)
    try:
        assert tr("Open study record…") == "Abrir el registro de un estudio…"
        assert tr("Not translated") == "Not translated"
    finally:
        qapp.removeTranslator(translator)

"""The glossaries in Spanish (issue 19): the general glossary and the study's, each a
table over its English file (resources/i18n/es/...). Spanish pages get their hard
words marked by the Spanish forms, with the same ids and sources; English is unchanged.

tests/test_translations.py checks each table is whole and current and keeps the
numbers; this file checks what the tables make: glossaries that load, mark Spanish
text, merge as the English ones do, and read as plain Spanish."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

from explainer.content import load_general_glossary, load_glossary, load_merged_glossary
from explainer.core.glossary import Glossary, GlossaryTerm, mentions, split_forms
from explainer.translations import speaking_language

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports the deprecated pkg_resources
    import textstat

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ENGLISH_FILES = (RESOURCES / "glossary-general.json", RESOURCES / "trials" / "NCT04883242" / "glossary.json")


def _in_spanish(load):
    with speaking_language("es"):
        return load()


GENERAL_ES = _in_spanish(load_general_glossary)
STUDY_ES = _in_spanish(load_glossary)
MERGED_ES = _in_spanish(load_merged_glossary)
SENTENCE_ES = "Sus plaquetas y sus neutrófilos se miden con un análisis de sangre."


def _found(text: str, glossary: Glossary) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.term.id) for m in mentions(text, glossary)]


@pytest.mark.parametrize("glossary", [GENERAL_ES, STUDY_ES, MERGED_ES], ids=["general", "study", "merged"])
def test_a_spanish_sentence_has_its_hard_words_marked(glossary: Glossary) -> None:
    assert _found(SENTENCE_ES, glossary) == [("plaquetas", "platelets"), ("neutrófilos", "anc")]


@pytest.mark.parametrize(("text", "found"), [
    ("Una plaqueta, dos plaquetas.", ["platelets", "platelets"]),  # one term, found in both forms
    ("El mieloma múltiple en recaída se trata por vía intravenosa (IV).", ["myeloma", "relapsed", "iv", "iv"]),
    ("Una infección aguda; unas fiebres agudas.", ["acute", "acute"]),  # gender and number: one English form
    ("Un trasplante alogénico de células madre.", ["allogeneic"]),  # the longest form wins, as in English
    ("La ERM negativa, el LSN y la TFGe.", ["mrd", "uln", "egfr"]),  # Spanish abbreviations, in capitals only
    ("Fase 2, fase II y un estudio de fase 3.", ["phase-2", "phase-2", "phase-3"]),
    ("Sus neutrófilos bajos.", ["anc"]),
])
def test_the_merged_spanish_glossary_finds_spanish_forms(text: str, found: list[str]) -> None:
    assert [m.term.id for m in mentions(text, MERGED_ES)] == found


def test_english_loads_and_marks_as_before() -> None:
    """Outside the Spanish block the files load as written, and mark English as before."""
    for english, load in zip(ENGLISH_FILES, (load_general_glossary, load_glossary), strict=True):
        assert load() == Glossary.model_validate_json(english.read_text(encoding="utf-8"))
    assert [m.term.id for m in mentions("Neutrophils and platelets.", load_merged_glossary())] == ["anc", "platelets"]
    assert mentions(SENTENCE_ES, load_merged_glossary()) == []


@pytest.mark.parametrize(("spanish", "english"), [(GENERAL_ES, ENGLISH_FILES[0]), (STUDY_ES, ENGLISH_FILES[1])],
                         ids=["general", "study"])
def test_each_term_keeps_its_id_and_source(spanish: Glossary, english: Path) -> None:
    terms = json.loads(english.read_text(encoding="utf-8"))["terms"]
    assert [(t.id, t.source) for t in spanish.terms] == [(t["id"], t.get("source", "")) for t in terms]
    changed = [t.id for t, e in zip(spanish.terms, terms, strict=True) if t.definition == e["definition"]]
    assert changed == []  # every definition is in Spanish


def test_the_merged_spanish_glossary_keeps_every_term_the_english_one_keeps() -> None:
    """A Spanish form two different terms share would drop the general one (the study
    wins): the Spanish forms must keep apart what the English forms keep apart."""
    assert [t.id for t in MERGED_ES.terms] == [t.id for t in load_merged_glossary().terms]


@pytest.mark.parametrize(("term", "also", "forms"), [
    ("plaqueta", (), ("plaqueta",)),
    ("plaqueta | plaquetas", (), ("plaqueta", "plaquetas")),
    ("agudo|aguda", ("agudos | agudas",), ("agudo", "aguda", "agudos", "agudas")),
    ("hemoglobina", ("hemoglobina", "Hb"), ("hemoglobina", "Hb")),  # two English spellings, one Spanish word
    ("ALT y AST", ("ALT", "alt"), ("ALT y AST", "ALT")),  # a repeat is the same letters in any case
])
def test_a_form_may_hold_several_forms(term: str, also: tuple[str, ...], forms: tuple[str, ...]) -> None:
    assert GlossaryTerm(id="t", term=term, also=also, definition="A.").forms() == forms


def test_a_form_of_two_terms_is_still_refused() -> None:
    terms = [{"id": "a", "term": "plaqueta | plaquetas", "definition": "A."},
             {"id": "b", "term": "trombocito", "also": ["Plaquetas"], "definition": "B."}]
    with pytest.raises(ValueError, match="defined twice"):
        Glossary.model_validate({"format": "trial-explainer-glossary", "version": 1, "terms": terms})


def test_no_english_form_holds_the_separator() -> None:
    """English forms stay one form each, so English loads as written."""
    for english in ENGLISH_FILES:
        terms = json.loads(english.read_text(encoding="utf-8"))["terms"]
        assert [f for t in terms for f in (t["term"], *t.get("also", ())) if split_forms(f) != [f]] == []


@pytest.mark.parametrize("term", [*GENERAL_ES.terms, *STUDY_ES.terms], ids=lambda t: t.id)
def test_each_spanish_definition_is_short_and_never_decides(term: GlossaryTerm) -> None:
    assert 1 <= len(re.findall(r"[.!?](?:\s|$)", term.definition)) <= 4, "short sentences"
    assert term.definition[-1] in ".!?"
    assert not re.search(r"\d\s*(?:mg|mcg|µg|g|ml|mL|unidades?)\b", term.definition)
    assert not re.search(r"\belegib|\bcalific|\bes apt[oa]\b|\bcoincid", term.definition, re.I)
    assert not re.search(r"\busted(?:es)? (?:puedes|tienes)|\btú\b", term.definition, re.I)  # usted, never tú


@pytest.fixture
def spanish_syllables():
    """textstat counts syllables in one language at a time (a global): Spanish for the
    test, English again afterwards."""
    before = getattr(textstat.textstat, "_textstatistics__lang", "en_US")
    textstat.set_lang("es")
    yield
    textstat.set_lang(before)


@pytest.mark.parametrize("glossary", [GENERAL_ES, STUDY_ES], ids=["general", "study"])
def test_the_spanish_definitions_read_easily(glossary: Glossary, spanish_syllables: None) -> None:
    """Issue 19 item 4: each Spanish content file scores at least 60 on the
    Fernández-Huerta scale (the average over the files, at least 65)."""
    assert textstat.fernandez_huerta(" ".join(t.definition for t in glossary.terms)) >= 65


def test_the_spanish_a_to_z_ignores_accents_and_the_english_one_is_as_before() -> None:
    terms = [t.term for t in GENERAL_ES.a_to_z()]
    at = terms.index("índice de masa corporal")
    assert terms[at - 1].casefold() < "indice" < terms[at + 1].casefold()  # among the i's, not after 'z'
    for english in (load_general_glossary(), load_glossary()):
        assert english.a_to_z() == sorted(english.terms, key=lambda t: t.term.casefold())


def test_the_window_s_glossary_page_lists_the_spanish_words_a_to_z(spanish, main_window, artifacts) -> None:
    """In a Spanish window the glossary page lists the study's words in Spanish, A to Z."""
    main_window.show_section("glossary")
    text = main_window.stack.currentWidget().browser.toPlainText()
    positions = [text.index(f"{t.term}: {t.definition}") for t in STUDY_ES.a_to_z()]
    assert positions == sorted(positions) and len(positions) == len(STUDY_ES.terms)
    shot = artifacts / "screenshots" / "glossary-es.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    assert main_window.grab().save(str(shot))

"""The Spanish tables of the app's content (resources/i18n/es/): the pages of any record,
its summary and the curated trial, read in Spanish, say the same facts as in English.

- study_words.json and study_summary_words.json: the pages and the summary built for
  every sample record in Spanish hold no English sentence of those files, and every
  registry quote, number and date is the same as in English.
- trials/NCT04883242/trial.json: the trial read in Spanish validates, states the same
  facts (numbers, dates, registry quotes, the schedule) and names its medicines by
  their Spanish INN; registry_sentences.json (the registry's words) stays English.

``in_spanish`` reads a file as the app reads it in Spanish: its English text with the
Spanish table laid over it (explainer.translations.translated_json_text), validated
inside ``speaking_language("es")``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from explainer.answers_io import load_answers
from explainer.content import (
    builtin_study_folder,
    builtin_trial_path,
    load_questions,
    load_registry_sentences,
    load_trial,
    read_text,
    resources_root,
)
from explainer.core.facts import trial_facts
from explainer.core.language import current_language, texts_to_translate
from explainer.core.model import Trial
from explainer.core.registry_record import RegistryStudy, from_registry_json
from explainer.core.registry_words import RegistrySentences
from explainer.core.schedule import build_timeline
from explainer.core.study_check import check_study
from explainer.core.study_pages import StudyPage, app_words, build_study_pages, paragraphs
from explainer.core.study_summary import build_study_summary
from explainer.core.study_summary_words import StudySummaryWords
from explainer.core.study_words import StudyWords
from explainer.study_words_io import load_study_summary_words, load_study_words
from explainer.translations import load_table, speaking_language, translated_json_text

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
ANSWERS = Path(__file__).parent / "fixtures" / "full.answers.json"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("NCT*.json"))
TODAY = dt.date(2026, 12, 5)
ROOT = resources_root()
TRIAL_TABLE = "trials/NCT04883242/trial.json"
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_ENGLISH_MONTH_DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                                 r"November|December) \d")


def in_spanish(source: Any, model: type, with_questions: bool = False) -> Any:
    """``with_questions``: checked against the question bank as read in Spanish (load_trial's check)."""
    with speaking_language("es"):
        context = {"questions": load_questions()} if with_questions else None
        return model.model_validate_json(translated_json_text(source, read_text(source), current_language()),
                                         context=context)


def sample(nct_id: str) -> RegistryStudy:
    return from_registry_json(json.loads((SAMPLES / f"{nct_id}.json").read_text(encoding="utf-8")))[0]


def numbers(texts: list[str]) -> list[str]:
    """Every number in the texts, separators dropped (1,000 = 1 000), sorted."""
    return sorted(re.sub(r"\D", "", n) for text in texts for n in _NUMBER.findall(text))


def english_pieces(table: str) -> list[str]:
    """The English texts of a table, cut at their placeholders, that are long enough to be
    English words only (two words or more): none may show on a Spanish page."""
    pieces = []
    for english, spanish in load_table(table, "es").strings.items():
        if english == spanish:  # a name or an abbreviation both languages write alike ("No")
            continue
        pieces += [p.strip() for p in _PLACEHOLDER.split(english) if len(p.strip()) >= 10 and " " in p.strip()]
    return pieces


EN_WORDS = load_study_words()
EN_SUMMARY = load_study_summary_words()
ES_WORDS = in_spanish(ROOT / "study_words.json", StudyWords)
ES_SUMMARY = in_spanish(ROOT / "study_summary_words.json", StudySummaryWords)


def registry_texts(pages: list[StudyPage]) -> list[str]:
    return [p.text for p in paragraphs(pages) if p.voice == "registry"]


def shown_words(pages: list[StudyPage]) -> list[str]:
    """The app's words on the pages: titles, headings, labels, its sentences and where they come from."""
    return app_words(pages) + [p.text for p in paragraphs(pages) if p.voice == "source"]


def test_the_spanish_tables_load_and_change_the_words() -> None:
    assert ES_WORDS.pages.status == "¿El estudio acepta participantes nuevos?"
    assert ES_WORDS.months[0] == "enero" and ES_WORDS.date_day == "{day} de {month} de {year}"
    assert ES_SUMMARY.check.choices == {"yes": "Sí", "no": "No", "unsure": "No lo sé"}
    # English stays the source, unchanged outside Spanish.
    assert load_study_words() == EN_WORDS and EN_WORDS.pages.status == "Is the study taking new people?"


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_the_pages_of_any_record_are_spanish_with_the_same_facts(nct_id: str) -> None:
    study = sample(nct_id)
    english = build_study_pages(study, EN_WORDS, TODAY)
    with speaking_language("es"):
        spanish = build_study_pages(study, ES_WORDS, TODAY)
    shown = shown_words(spanish)
    text = "\n".join(shown)
    assert [p.title for p in spanish] == ["¿El estudio acepta participantes nuevos?", "Qué es el estudio",
                                          "Qué pasa en el estudio", "Quién puede participar",
                                          "Dónde se hace y a quién preguntar", "Fechas, tamaño y quién lo dirige"]
    assert "registro" in text and "estudio" in text
    left = [piece for piece in english_pieces("study_words.json") if piece in text]
    assert left == []
    assert not _ENGLISH_MONTH_DATE.search(text)
    # The record's own words stay as they are; each number and date says the same.
    assert registry_texts(spanish) == registry_texts(english)
    assert numbers(shown) == numbers(shown_words(english))


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_the_summary_of_any_record_is_spanish_with_the_same_facts(nct_id: str) -> None:
    study = sample(nct_id)
    answers = load_answers(ANSWERS)  # the self-check's words join the rules
    english = build_study_summary(study, EN_WORDS, EN_SUMMARY, TODAY,
                                  check=check_study(study, answers, EN_SUMMARY.check, load_questions()))
    with speaking_language("es"):
        spanish = build_study_summary(study, ES_WORDS, ES_SUMMARY, TODAY,
                                      check=check_study(study, answers, ES_SUMMARY.check, load_questions()))
    shown = [spanish.title, spanish.subtitle, spanish.notice, spanish.footer, *shown_words(list(spanish.pages))]
    text = "\n".join(shown)
    assert spanish.title == f"Estudio {study.nct_id}: un resumen para llevar a su médico"
    english_shown = [english.title, english.subtitle, english.notice, english.footer,
                     *shown_words(list(english.pages))]
    assert "Preguntas para hacer" in shown
    assert ("Lo que encontró la aplicación:" in shown) == ("What the app found:" in english_shown)
    left = [piece for piece in english_pieces("study_summary_words.json") + english_pieces("study_words.json")
            if piece in text]
    assert left == []
    assert "5 de diciembre de 2026" in spanish.subtitle and not _ENGLISH_MONTH_DATE.search(text)
    assert registry_texts(list(spanish.pages)) == registry_texts(list(english.pages))
    assert numbers(shown) == numbers(english_shown)


# ---------------------------------------------------------------- the curated trial

ENGLISH_TRIAL = load_trial()
SPANISH_TRIAL: Trial = in_spanish(builtin_trial_path(), Trial, with_questions=True)


def strings_and_values(data: Any, keep: frozenset[str], path: str = "") -> tuple[dict[str, Any], dict[str, str]]:
    """(every value a translation may not touch: numbers, dates, ids and the texts under
    ``keep``; every other text), each by its path in the data."""
    fixed: dict[str, Any] = {}
    texts: dict[str, str] = {}

    def walk(value: Any, where: str, kept: bool) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}.{key}", kept or key in keep)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                walk(item, f"{where}[{index}]", kept)
        elif isinstance(value, str) and not kept and any(ch.isalpha() for ch in value):
            texts[where] = value
        else:
            fixed[where] = value

    walk(data, path, False)
    return fixed, texts


# The trial's fields that hold the registry's own words (word for word, shown as quotes)
# or values code compares: the table must leave them as written.
REGISTRY_FIELDS = {"title", "brief_summary", "detailed_description", "conditions", "source", "description", "label",
                   "other_names", "continues_while", "procedures_source", "results", "facility", "city", "state",
                   "country", "affiliation"}
CODE_FIELDS = {"format", "nct_id", "id", "kind", "question", "among", "unit", "op", "note", "drug", "route", "form",
               "days", "status", "phase", "type", "role", "sex", "study_type", "last_updated", "start_date",
               "completion_date"}


def test_the_trial_table_keeps_the_registry_words_and_the_values_code_compares() -> None:
    keep = load_table(TRIAL_TABLE, "es").keep
    assert REGISTRY_FIELDS | CODE_FIELDS <= keep
    assert not {"plain", "by", "name", "words"} & keep


def test_the_trial_in_spanish_states_the_same_facts() -> None:
    keep = load_table(TRIAL_TABLE, "es").keep
    en_fixed, en_texts = strings_and_values(ENGLISH_TRIAL.model_dump(mode="json"), keep)
    es_fixed, es_texts = strings_and_values(SPANISH_TRIAL.model_dump(mode="json"), keep)
    # Every number, date, id, enum value and registry quote is the same data.
    assert es_fixed == en_fixed
    assert es_fixed[".criteria[0].source"] == ("Patients with relapsed or refractory multiple myeloma, "
                                               "with >= 1 prior therapy")
    assert es_fixed[".start_date"] == "2021-07-29" and es_fixed[".enrollment"] == 30
    # Every text the app writes is translated, and keeps its numbers and placeholders.
    assert es_texts.keys() == en_texts.keys()
    for where, english in en_texts.items():
        names = english in ("University of Washington", "Genzyme, a Sanofi Company", "Rahul Banerjee, MD",
                            "Isatuximab", "Carfilzomib")  # the same in both languages
        assert (es_texts[where] == english) == names, where
        assert numbers([es_texts[where]]) == numbers([english]), where
        assert sorted(_PLACEHOLDER.findall(es_texts[where])) == sorted(_PLACEHOLDER.findall(english)), where
    assert trial_facts(SPANISH_TRIAL) == trial_facts(ENGLISH_TRIAL)


def test_the_trial_in_spanish_names_its_medicines_by_their_spanish_names() -> None:
    assert [m.name for m in SPANISH_TRIAL.medicines] == ["Isatuximab", "Carfilzomib", "Pomalidomida", "Dexametasona"]
    assert [p.name for p in SPANISH_TRIAL.regimen.phases] == ["Inducción", "Mantenimiento"]
    plain = {c.id: c.plain for c in SPANISH_TRIAL.criteria}
    assert "lenalidomida" in plain["prior_lenalidomide"]
    assert "1\u00a0000 por microlitro" in plain["anc"] and "50\u00a0000 por microlitro" in plain["platelets"]


def test_the_schedule_in_spanish_has_the_same_days() -> None:
    start = dt.date(2026, 1, 5)

    def days(trial: Trial) -> list[tuple[Any, ...]]:
        return [(d.phase_id, d.cycle, d.cycle_in_phase, d.day, d.date,
                 tuple((x.drug, x.route, x.infusion_minutes, x.form) for x in d.doses))
                for d in build_timeline(trial, start).days]

    english, spanish = build_timeline(ENGLISH_TRIAL, start), build_timeline(SPANISH_TRIAL, start)
    assert days(SPANISH_TRIAL) == days(ENGLISH_TRIAL)
    assert spanish.drug_names["pomalidomide"] == "Pomalidomida" and english.drug_names["pomalidomide"] == "Pomalidomide"
    assert [dataclasses.replace(p, name="") for p in spanish.phases] == [dataclasses.replace(p, name="")
                                                                         for p in english.phases]


def test_the_registry_sentences_stay_english() -> None:
    source = builtin_study_folder() / "registry_sentences.json"
    text = read_text(source)
    assert load_table("trials/NCT04883242/registry_sentences.json", "es").strings == {}
    assert translated_json_text(source, text, "es") == text
    assert in_spanish(source, RegistrySentences) == load_registry_sentences()
    # The trial's own copies of the registry's words are not in its table either.
    table = load_table(TRIAL_TABLE, "es").strings
    quoted = set(texts_to_translate(json.loads(text)))
    assert quoted and not quoted & table.keys()


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_the_record_window_labels_each_registry_quote_once_in_spanish(nct_id: str) -> None:
    """Each quote of the record says once that it is the registry's English: the Spanish
    labels say it themselves (the PDF and the web page show only the label), so the window
    adds no second registry label; in English the window's labels stay as they were."""
    from explainer.ui.record_window import page_html

    study = sample(nct_id)
    with speaking_language("es"):
        pages = build_study_pages(study, ES_WORDS, TODAY)
    quoted = [p for page in pages for p in re.findall(r"<p>(.*?)</p><blockquote>", page_html(page, ES_WORDS))]
    assert quoted
    assert [p for p in quoted if p.casefold().count("texto del registro, en inglés") != 1] == []
    english = [p for page in build_study_pages(study, EN_WORDS, TODAY)
               for p in re.findall(r"<p>(.*?)</p><blockquote>", page_html(page, EN_WORDS))]
    assert len(english) == len(quoted)
    assert all("own words" in p for p in english)

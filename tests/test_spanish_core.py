"""The core's words, dates and numbers in Spanish (issue 19): one owner of dates
(core.facts) and of numbers (core.units) per language, tested in both; a Spanish
PDF and web page of NCT04883242 read back; English left byte for byte as it was."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from explainer.core.facts import long_date, month_year, short_date, weekday_date
from explainer.core.language import current_language
from explainer.core.registry_record import PartialDate
from explainer.core.units import format_count, format_number, format_value
from explainer.translations import speaking_language
from tests.conftest import FIXTURES

NBSP = "\u00a0"
JAN_5 = dt.date(2026, 1, 5)  # a Monday
SEP_26 = dt.date(2025, 9, 26)  # a Friday


@pytest.mark.parametrize(("language", "say", "expected"), [
    ("en", lambda: long_date(JAN_5), "January 5, 2026"),
    ("es", lambda: long_date(JAN_5), "5 de enero de 2026"),
    ("en", lambda: long_date(SEP_26), "September 26, 2025"),
    ("es", lambda: long_date(SEP_26), "26 de septiembre de 2025"),
    ("en", lambda: weekday_date(SEP_26), "Friday, September 26, 2025"),
    ("es", lambda: weekday_date(SEP_26), "viernes, 26 de septiembre de 2025"),
    ("es", lambda: weekday_date(dt.date(2026, 3, 4)), "miércoles, 4 de marzo de 2026"),
    ("es", lambda: weekday_date(dt.date(2026, 3, 7)), "sábado, 7 de marzo de 2026"),
    ("en", lambda: month_year(5, 2004), "May 2004"),
    ("es", lambda: month_year(5, 2004), "mayo de 2004"),
    ("en", lambda: short_date(dt.date(2026, 3, 2)), "Mon Mar 2"),
    ("es", lambda: short_date(dt.date(2026, 3, 2)), "lun 2 mar"),
    ("en", lambda: short_date(dt.date(2026, 12, 1), with_year=True), "Tue Dec 1, 2026"),
    ("es", lambda: short_date(dt.date(2026, 12, 1), with_year=True), "mar 1 dic 2026"),
    ("es", lambda: short_date(dt.date(2026, 9, 16)), "mié 16 sept"),
])
def test_dates_in_each_language(language, say, expected) -> None:
    with speaking_language(language):
        assert say() == expected


@pytest.mark.parametrize(("language", "partial", "expected"), [
    ("en", PartialDate(year=2014, month=5, day=21), "May 21, 2014"),
    ("es", PartialDate(year=2014, month=5, day=21), "21 de mayo de 2014"),
    ("en", PartialDate(year=2004, month=5), "May 2004"),
    ("es", PartialDate(year=2004, month=5), "mayo de 2004"),
    ("es", PartialDate(year=2004), "2004"),
])
def test_a_records_partial_dates_follow_the_language(language, partial, expected) -> None:
    """Any record's pages (study_pages.format_date) take their dates from facts too."""
    from explainer.core.study_pages import format_date
    from explainer.study_words_io import study_words

    with speaking_language(language):
        assert format_date(partial, study_words()) == expected


@pytest.mark.parametrize(("number", "decimals", "english", "spanish"), [
    (150000, 3, "150,000", f"150{NBSP}000"),
    (1.5, 3, "1.5", "1,5"),
    (0.5, 3, "0.5", "0,5"),
    (1234567.25, 3, "1,234,567.25", f"1{NBSP}234{NBSP}567,25"),
    (3.25, 3, "3.25", "3,25"),
    (0.0004, 3, "0.0004", "0,0004"),
    (12, 3, "12", "12"),
    (1e308, 3, "1 × 10³⁰⁸", "1 × 10³⁰⁸"),
    (1.23e12, 3, "1.23 × 10¹²", "1,23 × 10¹²"),
])
def test_numbers_in_each_language(number, decimals, english, spanish) -> None:
    assert format_number(number, decimals) == english
    with speaking_language("es"):
        assert format_number(number, decimals) == spanish
    assert format_number(number, decimals) == english  # back to English after the block


@pytest.mark.parametrize(("value", "unit", "english", "spanish"), [
    (150000, "/uL", "150,000/µL", f"150{NBSP}000/µL"),
    (1.5, "mg/dL", "1.5 mg/dL", "1,5 mg/dL"),
    (30, "10^9/L", "30 ×10⁹/L", "30 ×10⁹/L"),
    (55, "mL/min/1.73m2", "55 mL/min/1.73 m²", "55 mL/min/1,73 m²"),
    (150, "mg/24h", "150 mg per 24 hours", "150 mg en 24 horas"),
    (2.5, "xULN", "2.5 × ULN", "2,5 × LSN"),
])
def test_lab_values_in_each_language(value, unit, english, spanish) -> None:
    assert format_value(value, unit) == english
    with speaking_language("es"):
        assert format_value(value, unit) == spanish


@pytest.mark.parametrize(("items", "english", "spanish"), [
    (["1"], "1", "1"),
    (["1", "8"], "1 and 8", "1 y 8"),
    (["1", "8", "15"], "1, 8 and 15", "1, 8 y 15"),
    (["carfilzomib", "isatuximab"], "carfilzomib and isatuximab", "carfilzomib e isatuximab"),  # the sound i
    (["a", "hígado"], "a and hígado", "a e hígado"),  # hi- sounds i too
    (["a", "Isatuximab"], "a and Isatuximab", "a e Isatuximab"),
    (["a", "hierro"], "a and hierro", "a y hierro"),  # hie- is a diphthong: y
    (["a", "iodo"], "a and iodo", "a y iodo"),
    (["isatuximab", "dexametasona"], "isatuximab and dexametasona", "isatuximab y dexametasona"),
])
def test_a_list_joined_with_and_in_each_language(items, english, spanish) -> None:
    from explainer.core.clinic_days import and_list

    with speaking_language("en"):
        assert and_list(items) == english
    with speaking_language("es"):
        assert and_list(items) == spanish


@pytest.mark.parametrize(("op", "value", "unit", "english", "spanish"), [
    (">=", 14, "days", "at least 14 days", "al menos 14 días"),
    ("<", 28, "Days", "less than 28 Days", "menos de 28 días"),
    ("<=", 1, "year", "no more than 1 years", "como máximo 1 año"),
    ("<=", 6, "months", "no more than 6 months", "como máximo 6 meses"),
    (">", 37, "weeks", "more than 37 weeks", "más de 37 semanas"),
    (">=", 18, "years", "at least 18 years", "al menos 18 años"),
    (">=", 40, "kg", "at least 40 kg", "al menos 40 kg"),  # not a time: as the record writes it
])
def test_an_age_or_a_wait_in_its_time_unit_in_each_language(op, value, unit, english, spanish) -> None:
    """English keeps the record's spelling (as before); Spanish says the unit in Spanish."""
    from explainer.study_words_io import load_study_summary_words
    from explainer.core.criteria_read import ReadRule
    from explainer.core.study_check import limit_words

    rule = ReadRule(question="age", op=op, value=value, unit=unit, words="")
    with speaking_language("en"):
        assert limit_words(rule, load_study_summary_words().check) == english
    with speaking_language("es"):
        assert limit_words(rule, load_study_summary_words().check) == spanish


def test_counts_follow_the_language() -> None:
    assert format_count(1234) == "1,234"
    with speaking_language("es"):
        assert format_count(1234) == f"1{NBSP}234"


# --- the summary of NCT04883242, as a PDF and a web page ----------------------------------

def _summary():
    from explainer.answers_io import load_answers
    from explainer.content import load_trial
    from explainer.summary_source import make_summary

    trial = load_trial()
    answers = load_answers(FIXTURES / "full.answers.json")
    return make_summary(trial, answers, dt.date(2026, 11, 24), start=dt.date(2026, 12, 1))


def _pdf() -> bytes:
    from explainer.pdf import render_summary_pdf

    return render_summary_pdf(_summary())


def _pdf_text(path: Path) -> str:
    # -raw: in drawing order, so a table cell's lines stay together (a long Spanish label
    # on its own line would otherwise read interleaved with the next column's words)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.replace(NBSP, " ").split())  # a line may wrap anywhere


@pytest.fixture(scope="module")
def english_pdf() -> bytes:
    return _pdf()


@pytest.fixture(scope="module")
def spanish_pdf(tmp_path_factory) -> Path:
    with speaking_language("es"):
        data = _pdf()
    path = tmp_path_factory.mktemp("es") / "resumen.pdf"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("words", [
    # the core's dates, in Spanish
    "Registro del estudio del 26 de septiembre de 2025 · Impreso el 24 de noviembre de 2026 · Página 1 de",
    "El 26 de septiembre de 2025, este estudio estaba cerrado a participantes nuevos.",
    "mar 1 dic 2026",  # the first cycle's start, short
    "mar 1 dic, mar 8 dic, mar 15 dic, mar 22 dic",  # its clinic days
    "si es por goteo, también mar 19 ene",
    # the core's words: the self-check's results and reasons, labels, the timeline
    "Al menos 1 de sus respuestas parece no ajustarse a un requisito, pero el 26 de septiembre de 2025 el "
    "estudio estaba cerrado a participantes nuevos; solo el equipo del estudio decide.",
    "✓ Parece cumplirse", "✗ Parece no", "Sigue pendiente",  # a cell's words may wrap beside another's
    # the registry's words, labelled (pdftotext may put the next column's words between the two)
    "Palabras del registro (texto del registro, en inglés):", "Patients with relapsed or refractory multiple myeloma",
    "Lo que pide el estudio", "Lo que le impediría participar", "Su respuesta y por qué",
    "Sus fechas", "Días en la clínica", "Goteo en la vena (IV), en la clínica", "Pruebas de selección",
    "Seguimiento", "ciclos 2 a 6", "todos los ciclos, hasta 24 meses",
    "carfilzomib por goteo en la vena durante 30 minutos, en la clínica",
    # a number in Spanish style, inside a reason
    "30 ×10⁹/L = 30 000/µL",
])
def test_the_spanish_pdf_says(spanish_pdf, words) -> None:
    assert words in _pdf_text(spanish_pdf)


@pytest.mark.parametrize("english", [
    "Registry record of", "Printed on", "Page 1 of", "Seems met", "Registry wording:", "Starts on",
    "September 26, 2025", "Tue Dec 1", "30,000/µL", "Things that would keep you out",
])
def test_the_spanish_pdf_has_none_of_the_cores_english(spanish_pdf, english) -> None:
    """The core's own words only: the content files' Spanish is other work of issue 19."""
    assert english not in _pdf_text(spanish_pdf)


def test_the_spanish_pdf_says_its_language(spanish_pdf) -> None:
    info = subprocess.run(["pdfinfo", str(spanish_pdf)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Resumen de Trial Explainer: estudio NCT04883242" in info
    assert "Subject:         Resumen en palabras sencillas del estudio NCT04883242" in info
    assert b"/Lang (es)" in spanish_pdf.read_bytes() and b"/Lang (en)" not in spanish_pdf.read_bytes()


def test_english_is_byte_for_byte_the_same_around_a_spanish_pdf(english_pdf, spanish_pdf) -> None:
    """A Spanish export leaves nothing behind, and an English block is plain English."""
    assert current_language() == "en"
    assert spanish_pdf.read_bytes() != english_pdf
    assert _pdf() == english_pdf
    with speaking_language("es"), speaking_language("en"):
        assert _pdf() == english_pdf


def test_the_english_pdf_keeps_its_words(english_pdf, tmp_path) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(english_pdf)
    text = _pdf_text(path)
    assert "Registry record of September 26, 2025 · Printed on November 24, 2026 · Page 1 of" in text
    assert "Registry wording: Platelets >= 50,000/uL" in text and "texto del registro" not in text
    assert "Tue Dec 1, Tue Dec 8, Tue Dec 15, Tue Dec 22" in text
    assert b"/Lang (en)" in english_pdf


def test_the_spanish_web_page_says_its_language() -> None:
    from explainer.webpage import render_summary_html

    english = render_summary_html(_summary())
    with speaking_language("es"):
        page = render_summary_html(_summary())
    assert '<html lang="es">' in page and '<html lang="en">' in english
    # the registry's words stay English, and say so to a screen reader
    assert ('<strong>Palabras del registro (texto del registro, en inglés):</strong> '
            '<span lang="en">Platelets &gt;= 50,000/uL</span>') in page
    assert "<strong>Registry wording:</strong> Platelets &gt;= 50,000/uL</p>" in english
    assert '<th scope="col">Día</th>' in page and '<th scope="col">Day</th>' in english
    assert "Sus fechas" in page and "26 de septiembre de 2025" in page
    assert render_summary_html(_summary()) == english


def test_the_check_commands_text_in_spanish() -> None:
    from explainer.answers_io import load_answers
    from explainer.commands.check import human_text
    from explainer.content import load_trial
    from explainer.summary_source import review_answers

    def text() -> str:
        trial = load_trial()
        answers = load_answers(FIXTURES / "full.answers.json")
        return human_text(review_answers(trial, answers, answers.as_of).report, trial)

    english = text()
    with speaking_language("es"):
        spanish = text()
    assert spanish.startswith("Autoevaluación del estudio NCT04883242, respuestas del 23 de noviembre de 2026\n")
    assert "[✓ Parece cumplirse] Necesario:" in spanish and "    Por qué: " in spanish
    assert "[✓ No parece ser su caso] Impide participar:" in spanish
    assert english.startswith("Self-check for study NCT04883242, answers as of November 23, 2026\n")
    assert "[✓ Does not seem to apply to you] Keeps people out:" in english
    assert text() == english


# --- any record's pages: the record's words say they stay English ---------------------------

def _labelled(blocks):
    from explainer.core.study_pages import Section, StudyPage
    from explainer.core.study_reading import with_english_labels

    with speaking_language("es"):
        page = with_english_labels([StudyPage("p", "T", (Section("s", "", tuple(blocks)),))])[0]
    return page.sections[0].blocks


NOTE = "(texto del registro, en inglés)"


def test_the_record_s_passages_are_labelled_english() -> None:
    from explainer.core.study_pages import Item, ItemList, Paragraph

    prose = Paragraph("Patients must have measurable disease.", "registry")
    name = Paragraph("Drug: Carboplatin", "registry")
    labelled = Paragraph("The study looks at a new drug.", "registry", "Summary:")
    app = Paragraph("The app's own words.", "app")
    rules = ItemList((Item((Paragraph("Age 18 or older.", "registry"),)),
                      Item((Paragraph("No heart disease.", "registry"),))))
    mixed = ItemList((Item((Paragraph("Arm A", "registry"), Paragraph("Gets a known treatment.", "app"),
                            Paragraph("Chemotherapy every 3 weeks.", "registry"))),))
    blocks = _labelled([prose, name, labelled, app, rules, mixed])
    assert blocks[0] == Paragraph(prose.text, "registry", NOTE)  # a passage: labelled
    assert blocks[1] == name and blocks[3] == app  # a name, the app's words: as they were
    assert blocks[2].label == f"Summary: {NOTE}"
    assert blocks[4] == Paragraph(NOTE, "app") and blocks[5] == rules  # a list of the record's words: once, before
    lines = blocks[6].items[0].lines
    assert [line.label for line in lines] == ["", "", NOTE]  # inside a mixed list: its prose lines


def test_any_record_s_web_page_in_spanish(tmp_path) -> None:
    from explainer.cli import main

    record = FIXTURES / "ctgov" / "NCT04267848.json"
    english = tmp_path / "en.html"
    assert main(["html", "--trial", str(record), "-o", str(english)]) == 0
    assert main(["html", "--trial", str(record), "-o", str(tmp_path / "es.html"), "--lang", "es"]) == 0
    page, before = (tmp_path / "es.html").read_text(encoding="utf-8"), english.read_text(encoding="utf-8")
    assert '<html lang="es">' in page and f"<p>{NOTE}</p>" in page
    assert '<p class="registry"><span lang="en">Drug: Carboplatin</span></p>' in page
    assert '<html lang="en">' in before and "texto del registro" not in before and 'lang="en">Drug' not in before

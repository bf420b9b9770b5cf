"""The self-check, results, timeline and reading pages in Spanish (issue 19 item 1):
their fixed words come from the Spanish .ts files once the translator is installed;
dates typed with Spanish month names and numbers typed with a decimal comma are read,
and a number that reads two ways ('150.000') is asked about, never guessed. The
registry's own words stay English under "(texto del registro, en inglés)"."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

from explainer.core.registry_words import REGISTRY_LABEL
from explainer.translations import speaking_language
from explainer.ui.answer_inputs import SHORT_YEAR, ambiguous_words, parse_date, parse_number, plain_number

MARCH_1 = dt.date(2023, 3, 1)
NBSP = "\u00a0"
SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                  "octubre", "noviembre", "diciembre")


# ---------------------------------------------------------------- typed dates

@pytest.mark.parametrize(("text", "expected"), [
    ("1 de marzo de 2023", MARCH_1), ("1 marzo 2023", MARCH_1), ("marzo 1, 2023", MARCH_1),
    ("1 mar. 2023", MARCH_1), ("1 de Marzo del 2023", MARCH_1), ("01 de marzo de 2023", MARCH_1),
    ("10 de enero de 2024", dt.date(2024, 1, 10)), ("5 ene 2024", dt.date(2024, 1, 5)),
    ("3 abr. 2024", dt.date(2024, 4, 3)), ("ago 15 2024", dt.date(2024, 8, 15)),
    ("30 de septiembre de 2024", dt.date(2024, 9, 30)), ("30 setiembre 2024", dt.date(2024, 9, 30)),
    ("30 sept 2024", dt.date(2024, 9, 30)), ("30 set 2024", dt.date(2024, 9, 30)),
    ("25 dic 2023", dt.date(2023, 12, 25)),
    ("March 1, 2023", MARCH_1), ("1st of March 2023", MARCH_1), ("Dec 25, 2023", dt.date(2023, 12, 25)),  # English kept
    ("1 de marzo de 23", SHORT_YEAR), ("31 de febrero de 2023", None), ("1 de enro de 2023", None),
    ("1 de de 2023", None), ("marzo de 2023", None), ("1 de marzo y abril de 2023", None),
])
def test_spanish_month_names_are_read(text: str, expected) -> None:
    assert parse_date(text, day_first=True) == expected


@pytest.mark.parametrize(("number", "name"), list(enumerate(SPANISH_MONTHS, start=1)))
def test_each_spanish_month_by_its_name_and_its_first_three_letters(number: int, name: str) -> None:
    for word in (name, name[:3], name.capitalize(), f"{name[:3]}."):
        assert parse_date(f"2 de {word} de 2025", day_first=True) == dt.date(2025, number, 2), word


# ---------------------------------------------------------------- typed numbers

@pytest.mark.parametrize(("text", "spanish", "english"), [
    ("1,5", 1.5, 1.5), ("4,9", 4.9, 4.9), ("4.9", 4.9, 4.9), ("0,500", 0.5, 500.0), ("150", 150.0, 150.0),
    (",5", 0.5, 0.5), ("-2,5", -2.5, -2.5),
    ("150 000", 150000.0, 150000.0), (f"150{NBSP}000", 150000.0, None), ("150\u202f000", 150000.0, None),
    ("1.500,5", 1500.5, None), ("1,500.5", 1500.5, 1500.5), ("1.500.000", 1500000.0, None),
    ("1,500,000", 1500000.0, 1500000.0), ("1234,5", 1234.5, 1234.5), ("1234.567", 1234.567, 1234.567),
    ("1e+308", 1e308, 1e308),
    # Two readings in Spanish: never guessed (English keeps its own rule, unchanged)
    ("150.000", None, 150.0), ("150,000", None, 150000.0), ("1,500", None, 1500.0), ("1.500", None, 1.5),
    ("abc", None, None), ("1,2,3", None, None), ("1.50.0", None, None), ("1,", None, 1.0), ("", None, None),
    ("1.500,5,5", None, None), ("1e999", None, None),
])
def test_numbers_typed_in_spanish_and_in_english(text: str, spanish: float | None, english: float | None) -> None:
    assert (parse_number(text, "es"), parse_number(text, "en")) == (spanish, english)


@pytest.mark.parametrize(("typed", "says"), [
    ("150.000", ("150.000", f"150{NBSP}000", " o 150:")), ("1.500", ("1.500", f"1{NBSP}500", "1,5")),
    ("150,000", ("150,000", f"150{NBSP}000", " o 150:")), ("1,5", ()), ("150 000", ()), ("abc", ()),
])
def test_a_number_read_two_ways_is_said_in_one_sentence(spanish, typed: str, says: tuple[str, ...]) -> None:
    words = ambiguous_words(typed)
    assert (words != "") is bool(says)
    assert all(part in words for part in says), words
    assert words.startswith("No sabemos si") or not says


def test_no_number_is_ambiguous_in_english() -> None:
    assert [ambiguous_words(text) for text in ("150.000", "1,500")] == ["", ""]


@pytest.mark.parametrize(("number", "shown"), [
    (4.9648, "4,9648"), (0.5, "0,5"), (1.234, "1,2340"), (150.0, "150"), (1234567.0, "1234567"),
    (1e308, "1e+308"), (1.5e-05, "1,5e-05"), (999.125, "999,1250"), (1000.125, "1000,125"),
])
def test_numbers_come_back_exactly_in_spanish(number: float, shown: str) -> None:
    assert plain_number(number, "es") == shown
    assert parse_number(shown, "es") == number


# ---------------------------------------------------------------- the registry's words keep English

def test_the_registry_label_is_english_in_english_and_says_english_in_spanish(qapp, spanish) -> None:
    from explainer.ui.pages import registry_label

    assert registry_label().endswith("(texto del registro, en inglés):")
    QApplication.instance().removeTranslator(spanish)
    try:
        assert registry_label() == REGISTRY_LABEL  # English keeps its own label, unchanged
    finally:
        QApplication.instance().installTranslator(spanish)


# ---------------------------------------------------------------- the window in Spanish

def _click(qtbot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _type(qtbot, window, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, text)
    QApplication.processEvents()


@pytest.fixture
def window(spanish, main_window):
    """The real main window, built after the Spanish translator was installed."""
    return main_window


@pytest.mark.parametrize(("where", "spanish_words"), [
    (lambda c: c.summary.see_results.text(), "Ver sus resultados"),
    (lambda c: c.summary.export_pdf.text(), "Crear un PDF para su médico…"),
    (lambda c: c.summary.export_pdf.accessibleName(), "Crear un resumen en PDF para su médico"),
    (lambda c: c.summary_area.accessibleName(), "Su autoevaluación hasta ahora, con sus botones"),
    (lambda c: c.summary.label.text().split(" ")[0], "<b>Hasta"),
    (lambda c: c.questionnaire.accessibleName(), "Preguntas de la autoevaluación"),
    (lambda c: c.questionnaire.jump_list.accessibleName(), "Ir a un grupo de preguntas"),
    (lambda c: c.questionnaire.row("age_years").input.not_sure.text(), "No lo sé"),
    (lambda c: c.questionnaire.row("age_years").input.field.placeholderText(), "Escriba un número"),
    (lambda c: c.questionnaire.row("platelets").input.field.placeholderText(), "Número"),
    (lambda c: c.questionnaire.row("asct_date").input.field.placeholderText(), "AAAA-MM-DD"),
    (lambda c: c.questionnaire.row("platelets").source_button.text(), "Ver las palabras del registro"),
    (lambda c: c.results.browser.accessibleName(), "Resultados de la autoevaluación"),
    (lambda c: {"&Abrir respuestas…", "&Guardar respuestas…", "&Borrar mis respuestas…"} <= {
        a.text() for a in c.window.file_menu.actions()}, True),
])
def test_the_self_check_s_fixed_words_are_spanish(window, where, spanish_words) -> None:
    assert where(window.self_check) == spanish_words


def test_the_results_page_is_spanish(window) -> None:
    shown = " ".join(window.self_check.results.browser.toPlainText().split())
    for words in ("Los resultados de su autoevaluación", "Sus respuestas describen su situación el",
                  "requisitos siguen pendientes", "Lo que pide el estudio", "Lo que le impediría participar",
                  "Por qué:"):
        assert words in shown


def test_the_registry_s_words_open_in_english_under_a_spanish_label(window, qtbot) -> None:
    window.show_section("self-check")
    row = window.self_check.questionnaire.row("platelets")
    window.self_check.questionnaire.ensureWidgetVisible(row.source_button)
    _click(qtbot, row.source_button)
    assert row.source_button.text() == "Ocultar las palabras del registro"
    label, _, quoted = row.source.text().partition("\n")
    assert label == "Palabra por palabra (texto del registro, en inglés):"
    assert quoted == "Platelets >= 50,000/uL"  # the registry's sentence, as written


def test_the_who_can_join_page_labels_the_registry_s_english(window, qtbot) -> None:
    from explainer.ui.pages import CriteriaView

    window.show_section("who-can-join")
    page = window.findChild(CriteriaView)
    assert page.show_all.text() == "Ver todas las palabras del registro"
    before = page.browser.toPlainText()
    assert "Lo que pide el estudio:" in before and "Ver las palabras del registro" in before
    _click(qtbot, page.show_all)
    shown = page.browser.toPlainText()
    assert shown.count("(texto del registro, en inglés)") == len(window.session.trial.criteria)
    assert "Ocultar las palabras del registro" in shown


@pytest.mark.parametrize(("unit", "typed", "value", "note"), [
    ("10^9/L", "150,5", 150.5, "Cambiamos la unidad por usted"), ("/uL", "150 000", 150000.0, ""),
    ("/uL", "150.000", None, "No sabemos si 150.000 quiere decir 150\u00a0000 o 150:"),
    ("10^9/L", "x", None, "Escriba un número, como 150 o 4,9."),
])
def test_a_number_typed_the_spanish_way(window, qtbot, unit, typed, value, note) -> None:
    check = window.self_check
    window.show_section("self-check")
    platelets = check.questionnaire.row("platelets").input
    platelets.unit.setCurrentIndex(platelets.unit.findData(unit))
    _type(qtbot, window, platelets.field, typed)
    answer = window.session.answers.answers.platelets
    assert (answer.value if answer else None) == value
    assert note in platelets.note.text()


def test_a_date_typed_with_a_spanish_month(window, qtbot) -> None:
    check = window.self_check
    window.show_section("self-check")
    _click(qtbot, check.questionnaire.row("prior_asct").input.buttons["yes"])
    when = check.questionnaire.row("asct_date").input
    _type(qtbot, window, when.field, "1 de marzo de 2023")
    assert window.session.answers.answers.asct_date == MARCH_1
    assert when.note.text().startswith("Lo leímos como")
    assert "meses completos antes del" in when.note.text()
    _type(qtbot, window, when.field, "1/3/23")
    assert when.note.text() == "Escriba el año completo, como 2024, para que la fecha no se lea mal."


def test_the_timeline_s_own_words_are_spanish(window, qtbot) -> None:
    window.show_section("timeline")
    view = window.timeline
    personal = view.personal
    personal.set_start(dt.date(2027, 1, 4))
    assert personal.start_edit.text() == "4 de enero de 2027"
    personal.start_edit.setFocus()
    qtbot.keyClick(personal.start_edit, Qt.Key.Key_Home)
    qtbot.keyClick(personal.start_edit, Qt.Key.Key_Up)  # the day part comes first in Spanish
    assert personal.start_edit.text() == "5 de enero de 2027"
    assert window.session.start_date == dt.date(2027, 1, 5)
    assert personal.start_hint.text().startswith("Para cambiar la fecha, elija el día en el calendario")
    assert [words[0] for _x, words, _room in view.grid.month_labels(view.grid.grid_geometry())][0] == "ene 2027"
    first_day = personal.clinic_list.item(0).text()
    assert ": ciclo 1, día 1. " in first_day
    assert [arrow.accessibleName() for arrow in view.strip.arrows] == ["después"] * len(view.strip.arrows)
    names = {part.accessibleName() for part in personal.start_edit.calendarWidget().findChildren(QAbstractButton)}
    assert {"Mes anterior", "Mes siguiente"} <= names


def test_english_is_unchanged_without_the_translator(main_window) -> None:
    """The same widgets, built without the translator: the English words, as before."""
    check = main_window.self_check
    main_window.show_section("timeline")
    assert check.summary.see_results.text() == "See your results"
    assert check.questionnaire.row("age_years").input.not_sure.text() == "Not sure"
    assert main_window.timeline.grid.month_labels(main_window.timeline.grid.grid_geometry()) == []  # no dates yet
    with speaking_language("en"):
        assert parse_number("150.000") == 150.0


# ---------------------------------------------------------------- any study's check page

@pytest.fixture
def frame(spanish, qtbot):
    from explainer.app import build_frame
    from tests.windows import shown_window

    return shown_window(qtbot, build_frame)


def test_any_study_s_check_page_says_its_own_words_in_spanish(frame, qtbot) -> None:
    from tests.test_record_check_gui import LIVER, open_check, type_into

    page = open_check(frame, qtbot, LIVER)
    assert (page.erase.text(), page.erase.accessibleName(), page.summary.accessibleName()) == (
        "&Borrar mis respuestas de este estudio", "Borrar mis respuestas de este estudio", "Resumen de sus respuestas")
    assert " requisitos: ✓ 0 parecen cumplirse o no son su caso, ✗ 0 parecen no cumplirse o son su caso, ? " \
           in page.summary.text()
    row, alt = page.bank_inputs()["alt"]
    same_kind = [r for r in page.rows.values() if r.item.kind == row.item.kind]
    assert row.title.endswith(f", {same_kind.index(row) + 1} de {len(same_kind)}")
    assert row.result.accessibleName().startswith(f"Resultado de {row.title}: ")
    type_into(qtbot, alt.field, "50")
    type_into(qtbot, alt.uln, "40.000")  # a normal limit that reads two ways is asked about too
    assert alt.note.text().startswith("No sabemos si 40.000 quiere decir 40\u00a0000 o 40:")
    type_into(qtbot, alt.uln, "40,5")
    assert page.answers_file().answers.alt.uln == 40.5


# ---------------------------------------------------------------- longer words, large text

@pytest.mark.parametrize("page_id", ["self-check", "self-check-results", "timeline", "who-can-join"])
def test_at_250_percent_the_spanish_pages_are_not_cut_off(window, qtbot, page_id, artifacts) -> None:
    """Spanish runs about a fifth longer than English: nothing of these pages ends past
    the window on a 1280 px screen at 250% text (as tests/test_large_text_gui.py checks in English)."""
    from tests.test_large_text_gui import _cut_off, _zoom_to

    window.timeline.personal.set_start(dt.date(2027, 1, 4))  # every date row shown
    _zoom_to(window, qtbot, 250)
    try:
        window.show_section(page_id)
        page = window.stack.currentWidget()
        qtbot.waitUntil(page.isVisible)
        QApplication.processEvents()
        window.grab().save(str(artifacts / f"spanish-250-{page_id}.png"))
        assert _cut_off(window, page) == []
        assert window.frameGeometry().width() <= window.screen().availableGeometry().width()
    finally:
        window.zoom.reset()

"""The window side of the interface in Spanish (issue 19): the real main window, built
after the Spanish translator is installed (a widget made before keeps its English),
its menus and a few dialogs read back, and each menu's keyboard letters unique.

The self-check's, timeline's and pages' own words are another module's (they may still
be English here): these tests check the words of the window's own modules, and that no
two items of a menu share a letter whichever language the others are in yet.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox, QPushButton

from tests.conftest import FIXTURES, ROOT
from tests.windows import shown_window

SAMPLE = FIXTURES / "ctgov" / "NCT03934567.json"

# (English, Spanish) of every item the window's own modules put in each menu, in order.
MENU_BAR = [("&File", "&Archivo"), ("&View", "&Ver"), ("&Help", "Ay&uda")]
MAIN_MENUS = {
    "&Archivo": [
        ("&Open study record…", "Abrir un &registro de estudio…"),
        ("&Get a study record by its number…", "&Descargar un registro por su número…"),
        ("Studies you have &looked at…", "Estudios que ha &visto…"),
        ("Co&mpare studies you looked at…", "Co&mparar los estudios que ha visto…"),
        ("Save summary as &web page…", "Guardar el resumen como página &web…"),
        ("&Export PDF for your doctor…", "Crear un &PDF para su médico…"),
        ("&Print…", "&Imprimir…"),
        ("&Quit", "Sa&lir"),
    ],
    "&Ver": [
        ("Larger text", "Texto más grande"),
        ("Smaller text", "Texto más pequeño"),
        ("Normal text size", "Tamaño de texto normal"),
        ("&High-contrast colours", "Colores de &alto contraste"),
    ],
    "Ay&uda": [
        ("About this app", "Sobre esta aplicación"),
        ("Words and what they mean", "Palabras y qué significan"),
        ("Where to get help", "Dónde pedir ayuda"),
    ],
}
RECORD_MENUS = {
    "&Archivo": [
        ("&Save PDF for your doctor…", "&Guardar PDF para su médico…"),
        ("&Print…", "&Imprimir…"),
        ("Save summary as &web page…", "Guardar el resumen como página &web…"),
        ("&Close this study", "&Cerrar este estudio"),
    ],
    "&Ver": MAIN_MENUS["&Ver"][:3],
}
_MNEMONIC = re.compile(r"&([^&])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text)
    return found.group(1).casefold() if found else None


def shared_letters(texts: list[str]) -> list[str]:
    """The keyboard letters more than one of ``texts`` claims."""
    letters = [m for m in map(mnemonic, texts) if m]
    return sorted({letter for letter in letters if letters.count(letter) > 1})


def menus(window) -> dict[str, QMenu]:
    return {action.text(): action.menu() for action in window.menuBar().actions() if action.menu()}


def item_texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


@pytest.fixture
def spanish_window(spanish, qtbot):
    from explainer.app import build_main_window

    return shown_window(qtbot, build_main_window)


@pytest.fixture
def record_window(spanish, qtbot, monkeypatch, no_connections):
    from explainer.app import build_frame
    from explainer.ui import study_records

    frame = shown_window(qtbot, build_frame)
    said: list[str] = []
    monkeypatch.setattr(study_records.RecordProblem, "ask",
                        classmethod(lambda cls, parent, title, sentence: said.append(sentence)))
    shown = frame.study_records.open_path(SAMPLE)
    assert said == [] and shown is not None
    return shown


# ---------------------------------------------------------------- menus

def test_the_menu_bar_is_spanish(spanish_window) -> None:
    assert list(menus(spanish_window)) == [spanish for _english, spanish in MENU_BAR]


@pytest.mark.parametrize("title", list(MAIN_MENUS))
def test_each_menu_of_the_main_window_is_spanish(spanish_window, title) -> None:
    texts = item_texts(menus(spanish_window)[title])
    wanted = MAIN_MENUS[title]
    assert [t for t in texts if t in {s for _e, s in wanted}] == [s for _e, s in wanted]  # all there, in order
    assert [t for t in texts if t in {e for e, _s in wanted}] == []  # no English left of these


@pytest.mark.parametrize("title", list(RECORD_MENUS))
def test_each_menu_of_a_record_window_is_spanish(record_window, title) -> None:
    texts = item_texts(menus(record_window)[title])
    assert texts == [spanish for _english, spanish in RECORD_MENUS[title]]


def test_no_two_items_of_a_menu_share_a_letter_in_spanish(spanish_window, record_window) -> None:
    for window in (spanish_window, record_window):
        bar = menus(window)
        assert shared_letters(list(bar)) == []
        for title, menu in bar.items():
            assert shared_letters(item_texts(menu)) == [], title


def test_the_status_bar_and_the_title_are_spanish(spanish_window, qtbot) -> None:
    assert spanish_window.windowTitle() == "Trial Explainer: estudio NCT04883242"
    record = spanish_window.record_label.text()
    assert record.startswith("Registro del estudio con fecha ")
    assert record.endswith(". Privado: sus respuestas se quedan en esta computadora.")
    assert spanish_window.record_label.accessibleName() == "Fecha del registro y privacidad"
    assert spanish_window.navigator.accessibleName() == "Secciones"
    qtbot.keyClick(spanish_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert spanish_window.statusBar().currentMessage() == "Tamaño del texto: 110 %"


def test_a_record_window_is_spanish(record_window) -> None:
    assert record_window.windowTitle().startswith("Estudio NCT03934567: ")
    assert record_window.accessibleName() == "Estudio NCT03934567"
    assert record_window.navigator.accessibleName() == "Secciones de este estudio"
    assert record_window.statusBar().currentMessage() == "Privado: este estudio se lee desde esta computadora."


def test_the_place_filter_is_spanish_with_its_own_letters(record_window) -> None:
    place_filter = record_window.place_filter
    assert place_filter is not None  # the sample lists 26 places
    boxes = [place_filter.country, place_filter.state, place_filter.city]
    assert [box.accessibleName() for box in boxes] == ["País", "Estado o región", "Ciudad"]
    assert [box.itemText(0) for box in boxes] == ["Cualquier país", "Cualquier estado o región", "Cualquier ciudad"]
    labels = [place_filter.layout().labelForField(box).text() for box in boxes]
    assert labels == ["&País:", "&Estado o región:", "C&iudad:"]
    assert shared_letters(labels) == []


# ---------------------------------------------------------------- dialogs

def _export_dialog(window):
    from explainer.ui.export import ExportDialog

    dialog = ExportDialog(window.pdf_export, window)
    return dialog, {
        "title": dialog.windowTitle(),
        "buttons": [dialog.save_button.text(), dialog.print_button.text()],
        "boxes": [box.text() for box in (*dialog.section_boxes.values(), dialog.large_print)],
        "papers": [dialog.paper.itemText(i) for i in range(dialog.paper.count())],
        "status": re.sub(r"\d+", "N", dialog.status.text()).replace("Carta (EE. UU.)", "A4"),
    }


def _studies_list(window):
    from explainer.ui.studies_list import StudiesListDialog

    dialog = StudiesListDialog(window.study_records, window)
    table = dialog.table
    return dialog, {
        "title": dialog.windowTitle(),
        "headings": [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())],
        "buttons": [dialog.open_button.text(), dialog.remove_button.text(), dialog.compare_button.text()],
        "empty": dialog.empty.text(),
    }


def _download(window):
    from explainer.ui.download_dialog import DownloadDialog

    dialog = DownloadDialog(None, window)
    dialog.number.setText("NCT123")
    return dialog, {
        "title": dialog.windowTitle(),
        "buttons": [dialog.download_button.text(), dialog.close_button.text()],
        "notice": dialog.notice.text(),
        "message": dialog.message.text(),
    }


def _picker(window):
    from explainer.records_io import read_record
    from explainer.ui.study_picker import StudyPickerDialog

    studies = list(read_record(SAMPLE).studies)
    dialog = StudyPickerDialog(studies * 2, window)
    table = dialog.table
    return dialog, {
        "title": dialog.windowTitle(),
        "intro": dialog.findChildren(QLabel)[0].text(),
        "headings": [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())],
        "buttons": [button.text() for button in dialog.buttons.buttons()],
    }


def _compare(window):
    from explainer.ui.compare_view import CompareDialog

    dialog = CompareDialog([], dt.date(2026, 12, 5), window)
    return dialog, {
        "labels": [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None],
        "boxes": [dialog.country.accessibleName(), dialog.state.accessibleName(),
                  dialog.country.itemText(0), dialog.state.itemText(0)],
        "buttons": [button.text() for button in dialog.findChildren(QPushButton)],
        "table": dialog.table.accessibleName(),
    }


DIALOGS = {
    "export": (_export_dialog, {
        "title": "Crear el resumen en PDF para su médico",
        "buttons": ["&Guardar PDF…", "&Imprimir…"],
        "boxes": ["Sobre el estudio", "Cronología del tratamiento", "Su autoevaluación", "Preguntas para el equipo",
                  "Contactos y ayuda", "Significado de palabras difíciles", "Letra grande"],
        "papers": ["A4", "Carta (EE. UU.)"],
        "status": "N páginas, papel AN.",
    }),
    "studies list": (_studies_list, {
        "title": "Estudios que ha visto",
        "headings": ["Número del\nestudio", "Título corto", "Estado", "Fecha de\nesta copia", "Autoeva-\nluación"],
        "buttons": ["&Abrir", "&Quitar…", "Co&mparar…"],
        "empty": "Todavía no ha abierto ningún registro de estudio.",
    }),
    "download": (_download, {
        "title": "Descargar un registro de estudio por su número",
        "buttons": ["&Descargar", "Cerrar"],
        "notice": "Esta es la única vez que Trial Explainer usa internet. Le pide a clinicaltrials.gov el estudio "
                  "que usted indica. Solo envía el número del estudio.",
        "message": "Un número de estudio es NCT y 8 cifras, como NCT04883242.",
    }),
    "study picker": (_picker, {
        "title": "Elija un estudio",
        "intro": "Este archivo tiene 2 estudios. Elija el que quiere leer.",
        "headings": ["Número del estudio", "Título", "Estado"],
        "buttons": ["Abrir", "Cancelar"],
    }),
    "compare": (_compare, {
        "labels": ["&País:", "&Estado o región:"],
        "boxes": ["País", "Estado o región", "Cualquier país", "Cualquier estado o región"],
        "buttons": ["&Guardar como PDF…", "Cerrar"],
        "table": "Estudios lado a lado",
    }),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_a_dialog_of_the_window_is_spanish(spanish_window, name) -> None:
    open_dialog, wanted = DIALOGS[name]
    dialog, seen = open_dialog(spanish_window)
    try:
        assert seen == wanted
        buttons = [b.text() for b in dialog.findChildren(QPushButton)]
        assert shared_letters(buttons + seen.get("labels", [])) == []
        assert [b for b in buttons if b in ("Close", "Open", "Cancel", "OK")] == []  # Qt's own English words
    finally:
        dialog.close()
        dialog.deleteLater()


@pytest.mark.parametrize(("key", "wanted"), [(Qt.Key.Key_S, True), (Qt.Key.Key_N, False), (Qt.Key.Key_Escape, False)])
def test_a_yes_no_question_answers_to_its_spanish_letters(spanish, qtbot, key, wanted) -> None:
    """"&Sí" and "&No": the S key says yes, as Y does in English; Escape keeps things."""
    from explainer.ui.labels import ask_yes_no

    seen: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append([button.text() for button in box.buttons()])
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, answer)
    assert ask_yes_no(None, "¿Quitar este estudio?", "¿Quitar el estudio NCT00000001?") is wanted
    assert sorted(seen[0]) == ["&No", "&Sí"]


def test_the_crash_dialog_speaks_spanish(spanish) -> None:
    from explainer import crash

    message = crash.crash_message(Path("/tmp/crash.log"), answers_kept=False)
    assert message == ("Algo falló dentro de Trial Explainer. No fue su culpa.\n\n"
                       "La aplicación no pudo guardar una copia de sus últimas respuestas. Antes de cerrarla, "
                       "guárdelas con Archivo > Guardar respuestas.\n\n"
                       "Escribimos los detalles en este archivo:\n/tmp/crash.log\n\n"
                       "Si vuelve a pasar, puede enviar ese archivo a la persona o la clínica "
                       "que le dio esta aplicación.")


def test_without_the_translator_the_words_are_english_again(spanish_window, qapp, spanish) -> None:
    """The fixture's translator removed: tr() gives the English source, byte for byte."""
    from explainer.ui.main_window import privacy_line

    assert privacy_line() == "Privado: sus respuestas se quedan en esta computadora."
    qapp.removeTranslator(spanish)
    try:
        assert privacy_line() == "Private: your answers stay on this computer."
    finally:
        qapp.installTranslator(spanish)


# ---------------------------------------------------------------- the .ts files

TS_FILES = sorted((ROOT / "resources" / "i18n" / "es" / "ui").glob("*.ts"))


def test_one_english_text_has_one_spanish_text_in_every_ts_file() -> None:
    """The app has one translation context: lrelease keeps one of two different Spanish
    texts for the same English ("dropping duplicate messages"), so they must agree."""
    found: dict[str, dict[str, str]] = {}
    for ts in TS_FILES:
        for message in ET.parse(ts).getroot().iter("message"):
            found.setdefault(message.findtext("source") or "", {})[ts.name] = message.findtext("translation") or ""
    assert {english: spanish for english, spanish in found.items() if len(set(spanish.values())) > 1} == {}


@pytest.mark.parametrize(("context", "english", "spanish_words"), [
    ("QLineEdit", "&Copy", "&Copiar"),
    ("QLineEdit", "&Paste", "&Pegar"),
    ("QFileDialog", "&Open", "&Abrir"),
    ("QPlatformTheme", "Cancel", "Cancelar"),
])
def test_qt_own_words_are_spanish_too(spanish, context: str, english: str, spanish_words: str) -> None:
    """A text field's right-click menu, a file dialog's buttons: Qt's own translation,
    installed with the app's, so a Spanish window has no English buttons of Qt's."""
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate(context, english) == spanish_words


def test_qt_own_words_go_with_the_app_translator(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from explainer.ui.i18n import install_translator, remove_translator

    translator = install_translator(qapp, "es")
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Copiar"
    remove_translator(qapp, translator)
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Copy"

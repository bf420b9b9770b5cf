"""Every page of the app in Spanish, photographed for a Spanish-speaking reader to
look at (issue 19: "screenshots of every page in Spanish ... looked at"). The
pictures go to artifacts/screenshots/es/; run this file again to make them again.

Beyond saving the pictures, each test checks what it can without eyes: the
navigator shows the Spanish name of each page, the page says its Spanish heading,
and none of the words a patient must never read ("elegible", "califica") appear."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTextBrowser, QWidget

from tests.conftest import FIXTURES

CTGOV = FIXTURES / "ctgov"
NEVER = re.compile(r"\b(elegible|elegibles|califica|calificar|es apto|es apta|coincide)\b", re.IGNORECASE)

# The main window's pages: (id, its Spanish name in the list on the left, its Spanish heading)
SECTIONS = [
    ("welcome", "Empiece aquí", "Le damos la bienvenida"),
    ("study", "Qué es el estudio", "Qué es el estudio, y por qué"),
    ("medicines", "Los 4 medicamentos", "Los 4 medicamentos"),
    ("medicine-isatuximab", "Isatuximab", "Isatuximab (marca Sarclisa)"),
    ("medicine-carfilzomib", "Carfilzomib", "Carfilzomib (marca Kyprolis)"),
    ("medicine-pomalidomide", "Pomalidomida", "Pomalidomida (marca Pomalyst)"),
    ("medicine-dexamethasone", "Dexametasona", "Dexametasona"),
    ("what-happens", "Qué pasa y por cuánto tiempo", "Qué pasa y por cuánto tiempo"),
    ("timeline", "Cuándo recibe cada medicamento", "Cuándo recibe cada medicamento"),
    ("who-can-join", "Quién puede participar", "Quién puede participar"),
    ("self-check", "Revisar los requisitos para participar", "Revisar los requisitos para participar"),
    ("self-check-results", "Los resultados de su autoevaluación", "Los resultados de su autoevaluación"),
    ("status", "Estado del estudio y quién lo dirige", "¿El estudio acepta participantes nuevos?"),
    ("questions-to-ask", "Preguntas para su médico", "Preguntas para su médico"),
    ("help", "Dónde pedir ayuda", "Dónde pedir ayuda"),
    ("glossary", "Palabras y qué significan", "Palabras y qué significan"),
    ("about", "Sobre esta aplicación", "Sobre esta aplicación"),
]
RECORDS = ["NCT04267848", "NCT06388018"]


def _save(widget: QWidget, name: str, artifacts) -> None:
    shot = artifacts / "screenshots" / "es" / f"{name}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(shot)), shot


def _save_the_end(window: QWidget, page: QWidget, name: str, artifacts) -> None:
    """A long page (a text browser or a scrolled page that runs past the window): its end too."""
    scrolled = [page] if isinstance(page, QAbstractScrollArea) else []
    for area in scrolled + page.findChildren(QAbstractScrollArea):
        bar = area.verticalScrollBar()
        if area.isVisible() and bar.maximum() > 0 and area.height() > 200:
            bar.setValue(bar.maximum())
            _save(window, name, artifacts)
            bar.setValue(0)
            return


def _words(widget: QWidget) -> str:
    """What a page says: its text browsers' text and its labels' and buttons' text."""
    texts = [b.toPlainText() for b in widget.findChildren(QTextBrowser)]
    if isinstance(widget, QTextBrowser):
        texts.append(widget.toPlainText())
    for child in widget.findChildren(QWidget):
        text = getattr(child, "text", None)
        if callable(text) and not isinstance(child, QTextBrowser):
            try:
                value = text()
            except TypeError:
                continue
            if isinstance(value, str):
                texts.append(value)
    return "\n".join(texts)


@pytest.fixture
def window(spanish, main_window):
    main_window.resize(1280, 900)
    main_window.self_check.open_answers(FIXTURES / "full.answers.json")
    main_window.timeline.personal.set_start(dt.date(2027, 1, 4))
    return main_window


def test_every_section_of_the_main_window_in_spanish(window, qtbot, artifacts) -> None:
    assert window.section_ids() == [s[0] for s in SECTIONS]
    for row, (page_id, label, heading) in enumerate(SECTIONS):
        window.show_section(page_id)
        page = window.stack.currentWidget()
        qtbot.waitUntil(page.isVisible)
        assert window.navigator.item(row).text().strip() == label
        words = _words(page)
        assert heading in words, page_id
        assert not NEVER.search(words), (page_id, NEVER.search(words))
        _save(window, f"main-{row:02d}-{page_id}", artifacts)
        _save_the_end(window, page, f"main-{row:02d}-{page_id}-end", artifacts)


def test_the_menus_speak_spanish(window) -> None:
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["Archivo", "Ver", "Ayuda"]


def test_the_export_dialog_in_spanish(window, qtbot, artifacts) -> None:
    from explainer.ui.export import ExportDialog

    dialog = ExportDialog(window.pdf_export, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    words = _words(dialog)
    assert "Guardar" in words and "Imprimir" in words
    assert not NEVER.search(words)
    _save(dialog, "dialog-export", artifacts)


def test_the_studies_list_in_spanish(spanish, frame_with_records, qtbot, artifacts) -> None:
    from explainer.ui.studies_list import StudiesListDialog

    dialog = StudiesListDialog(frame_with_records.study_records, frame_with_records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "Cerrar" in _words(dialog)
    _save(dialog, "dialog-studies-list", artifacts)


@pytest.fixture
def frame_with_records(spanish, qtbot, private_user_folders):
    from explainer.app import build_frame
    from tests.windows import shown_window

    frame = shown_window(qtbot, build_frame)
    for nct_id in RECORDS:
        shown = frame.study_records.open_path(CTGOV / f"{nct_id}.json")
        qtbot.addWidget(shown)
    return frame


@pytest.mark.parametrize("nct_id", RECORDS)
def test_every_page_of_a_study_record_in_spanish(spanish, qtbot, private_user_folders, nct_id, artifacts) -> None:
    from explainer.app import build_frame
    from tests.windows import shown_window

    frame = shown_window(qtbot, build_frame)
    shown = frame.study_records.open_path(CTGOV / f"{nct_id}.json")
    qtbot.addWidget(shown)
    shown.resize(1280, 900)
    for row, page in enumerate(shown.pages):
        shown.show_page(page.id)
        QApplication.processEvents()
        words = _words(shown)
        assert not NEVER.search(words), (page.id, NEVER.search(words))
        _save(shown, f"record-{nct_id}-{row:02d}-{page.id}", artifacts)
    shown.navigator.setCurrentRow(shown.navigator.count() - 1)  # the self-check, last in the list
    QApplication.processEvents()
    assert shown.navigator.currentItem().text() == "Revisar los requisitos para participar"
    check = shown.check_page
    assert not NEVER.search(_words(check))
    _save(shown, f"record-{nct_id}-{len(shown.pages):02d}-check", artifacts)
    _save_the_end(shown, check, f"record-{nct_id}-{len(shown.pages):02d}-check-end", artifacts)

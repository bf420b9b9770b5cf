"""A Spanish window shows the Spanish pages (issue 19): every page of the built-in study,
reached by keyboard from the list on the left, in Spanish with its facts filled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from tests.windows import shown_window

# Words each page says in Spanish (and its English twin does not).
SPANISH_WORDS = {
    "welcome": "Solo el equipo del estudio decide",
    "study": "mieloma múltiple",
    "medicines": "Pomalidomida (marca Pomalyst)",
    "medicine-isatuximab": "3 horas y 20 minutos",
    "medicine-carfilzomib": "durante 30 minutos",
    "medicine-pomalidomide": "programa de seguridad para el embarazo",
    "medicine-dexamethasone": "No la deje ni la cambie por su cuenta",
    "what-happens": "mantenimiento",
    "who-can-join": "Solo el equipo del estudio puede decidir",
    "status": "¿El estudio acepta participantes nuevos?",
    "questions-to-ask": "enfermedad residual mínima",
    "help": "pida hablar en español",
    "glossary": "Palabras y qué significan",
    "about": "Solo se conecta a internet si usted le pide",
}


def _page_text(window) -> str:
    page = window.stack.currentWidget()
    browser = page if isinstance(page, QTextBrowser) else page.findChild(QTextBrowser)
    return browser.toPlainText()


@pytest.mark.parametrize("lazy", [False, True], ids=["built whole", "built as run() starts it"])
def test_every_page_reads_in_spanish_by_keyboard(spanish, qtbot, lazy: bool) -> None:
    from explainer.app import build_main_window

    window = shown_window(qtbot, lambda: build_main_window(lazy_pages=lazy))
    assert SPANISH_WORDS["welcome"] in _page_text(window)  # the first page, drawn before the study opens
    window.navigator.setFocus()
    seen = []
    for index, page_id in enumerate(window.section_ids()):
        if index:
            qtbot.keyClick(window.navigator, Qt.Key.Key_Down)
        assert window.stack.currentIndex() == index
        if page_id not in SPANISH_WORDS:
            continue  # a tool (the self-check, the timeline), not a page
        text = _page_text(window)
        assert SPANISH_WORDS[page_id] in text, page_id
        assert "{{" not in text and "[registry:" not in text, page_id
        seen.append(page_id)
    assert sorted(seen) == sorted(SPANISH_WORDS)


def test_an_english_window_still_reads_english(main_window, qtbot) -> None:
    main_window.navigator.setFocus()
    for index, page_id in enumerate(main_window.section_ids()):
        if index:
            qtbot.keyClick(main_window.navigator, Qt.Key.Key_Down)
        if page_id in SPANISH_WORDS:
            assert SPANISH_WORDS[page_id] not in _page_text(main_window), page_id

"""The PDF's language (issue 19, item 3): the export dialog offers English and Español,
the app's language by default; the PDF is made, and the study read, in the one chosen,
so a Spanish reader can hand the doctor an English PDF with the same answers."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import explainer.content
import explainer.pdf
from explainer.core.language import current_language
from explainer.ui import export as export_ui
from explainer.ui.language_menu import speak
from tests.conftest import FIXTURES

ANSWERS = FIXTURES / "full.answers.json"


def pdf_words(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


@pytest.fixture
def spied(monkeypatch):
    """The language each PDF was drawn in, and each study read for one."""
    seen = {"pdf": [], "study": []}
    draw, read = explainer.pdf.render_summary_pdf, explainer.content.load_study_bundle

    def drawn(*args, **kwargs):
        seen["pdf"].append(current_language())
        return draw(*args, **kwargs)

    def loaded(*args, **kwargs):
        seen["study"].append(current_language())
        return read(*args, **kwargs)

    monkeypatch.setattr(explainer.pdf, "render_summary_pdf", drawn)
    monkeypatch.setattr(explainer.content, "load_study_bundle", loaded)
    return seen


def _window_in(language: str, qtbot):
    from explainer.app import build_main_window, make_application

    app = make_application()
    speak(app, language)  # as run() does, before the window is built
    window = build_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def dialog_of(monkeypatch, qtbot):
    dialogs: list[export_ui.ExportDialog] = []

    def show(cls, export, parent, printing=False):
        dialog = cls(export, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialogs.append(dialog)

    monkeypatch.setattr(export_ui.ExportDialog, "ask", classmethod(show))

    def opened(window):
        window.self_check.open_answers(ANSWERS)
        window.pdf_export.export_action.trigger()
        return dialogs[-1]

    yield opened
    speak(QApplication.instance(), "en")


def _choose_by_keyboard(dialog, qtbot, language: str) -> None:
    box = dialog.language
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    key = Qt.Key.Key_Down if box.findData(language) > box.currentIndex() else Qt.Key.Key_Up
    qtbot.keyClick(box, key)
    assert dialog.chosen_language() == language


@pytest.mark.parametrize(("app_language", "pdf_language"), [("en", "es"), ("es", "en")])
def test_the_pdf_language_defaults_to_the_app_s_and_another_can_be_chosen(
        qtbot, dialog_of, spied, tmp_path, app_language, pdf_language) -> None:
    window = _window_in(app_language, qtbot)
    spied["study"].clear()  # (the window's own start)
    dialog = dialog_of(window)
    assert dialog.chosen_language() == app_language
    assert dialog.language.accessibleName() in ("Language of the PDF", "Idioma del PDF")
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == ["English", "Español"]
    assert spied["pdf"] == [app_language] and spied["study"] == []  # the window's own review: nothing read again
    _choose_by_keyboard(dialog, qtbot, pdf_language)
    assert spied["pdf"][-1] == pdf_language
    assert spied["study"] == [pdf_language]  # the study's words read in the PDF's language
    assert current_language() == app_language  # the window goes on in its own
    words = pdf_words(dialog.pdf, tmp_path)
    assert "NCT04883242" in words
    assert "30 ×10⁹/L" in words  # the same answers, whatever the language
    # Back to the app's language: the window's own review again; the other study is kept.
    _choose_by_keyboard(dialog, qtbot, app_language)
    assert spied["pdf"][-1] == app_language and spied["study"] == [pdf_language]


def test_the_saved_pdf_is_the_one_previewed_in_the_language_chosen(qtbot, dialog_of, monkeypatch, tmp_path) -> None:
    window = _window_in("es", qtbot)
    dialog = dialog_of(window)
    _choose_by_keyboard(dialog, qtbot, "en")
    target = tmp_path / "for-my-doctor.pdf"
    monkeypatch.setattr(export_ui.SavePdfDialog, "ask", classmethod(lambda cls, parent, name: target))
    assert dialog.save()
    assert target.read_bytes() == dialog.pdf
    assert "Please read: this is not medical advice" in pdf_words(target.read_bytes(), tmp_path)

"""The English PDF a Spanish window makes (the export dialog's language set to English)
holds no Spanish, and is the very PDF the English window makes from the same answers
(issue 19, item 3: a patient reads Spanish and hands the doctor English)."""

from __future__ import annotations

import subprocess

import pytest

from tests.english_words import registry_text, spanish_outside_quotes
from tests.test_export_language_gui import ANSWERS, _choose_by_keyboard, _window_in


@pytest.fixture
def export_of(monkeypatch, qtbot):
    """The export dialog a window opens on its answers (as test_export_language_gui's)."""
    from PySide6.QtWidgets import QApplication

    from explainer.ui import export as export_ui
    from explainer.ui.language_menu import speak

    dialogs = []

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


def _raw_words(data: bytes, tmp_path) -> str:
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_english_pdf_of_a_spanish_window_is_the_english_windows(qtbot, export_of, tmp_path) -> None:
    english_window = _window_in("en", qtbot)
    english = export_of(english_window).pdf
    english_window.close()

    spanish_window = _window_in("es", qtbot)
    dialog = export_of(spanish_window)
    assert "Cronología del tratamiento" in _raw_words(dialog.pdf, tmp_path)  # the app's language first
    _choose_by_keyboard(dialog, qtbot, "en")
    words = _raw_words(dialog.pdf, tmp_path)
    assert spanish_outside_quotes([("pdf", words)], registry_text()) == []
    assert dialog.pdf == english

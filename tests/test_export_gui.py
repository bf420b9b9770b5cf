"""Export and print the PDF from the window: File menu, the summary bar's button, the
dialog's section choices and preview, Save through QSaveFile, Print through QPrinter.
Dialogs are replaced at their ``ask()`` seam; the export dialog itself is real."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from explainer.answers_io import load_answers
from explainer.core.summary import SECTIONS
from explainer.pdf.raster import page_count
from explainer.ui import export as export_ui
from tests.conftest import FIXTURES
from tests.xvfb import photograph_app

ANSWERS = FIXTURES / "full.answers.json"


def pdf_words(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def opened(main_window, monkeypatch, qtbot):
    """Open the export dialog the way a user does; the seam keeps it non-modal for the test."""
    dialogs: list[export_ui.ExportDialog] = []

    def show(cls, export, parent, printing=False):
        dialog = cls(export, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialogs.append(dialog)

    monkeypatch.setattr(export_ui.ExportDialog, "ask", classmethod(show))
    return main_window, dialogs


def test_file_menu_has_export_and_print_before_quit(main_window) -> None:
    actions = [a for a in main_window.file_menu.actions() if not a.isSeparator()]
    texts = [a.text() for a in actions]
    assert texts[-3:] == ["&Export PDF for your doctor…", "&Print…", "&Quit"]
    export = main_window.pdf_export
    assert export.export_action.shortcut().toString() == "Ctrl+E"
    assert export.print_action.shortcut().toString() == "Ctrl+P"


def test_ctrl_e_exports_even_from_a_text_field_that_claims_it(main_window, qtbot, monkeypatch) -> None:
    """On Linux desktops Qt's text fields claim Ctrl+E ("end of line"), so the export
    shortcut the app teaches did nothing from a field. The offscreen platform binds no
    such key, so this field claims it the way they do there."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QLineEdit

    class ClaimsCtrlE(QLineEdit):
        def event(self, event) -> bool:  # noqa: N802 - Qt's name
            if (event.type() == QEvent.Type.ShortcutOverride
                    and QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+E")):
                event.accept()
                return True
            return super().event(event)

    asked = []
    monkeypatch.setattr(export_ui.ExportDialog, "ask", classmethod(lambda cls, *args: asked.append(args)))
    main_window.show_section("self-check")
    field = ClaimsCtrlE()
    main_window.stack.currentWidget().layout().addWidget(field)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # other keys still reach the field
    assert asked == []
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1


def test_export_through_the_file_menu_previews_and_saves_the_real_pdf(opened, monkeypatch, tmp_path) -> None:
    window, dialogs = opened
    window.self_check.open_answers(ANSWERS)
    window.pdf_export.export_action.trigger()
    dialog = dialogs[-1]
    pages = page_count(dialog.pdf)
    # Up to 7 at 10.5 pt with the key points and clinic days (issue 12), and 2 pages of word meanings.
    assert 2 <= pages <= 9 and len(dialog.pages) == pages
    assert dialog.pages[0].accessibleName() == f"Page 1 of {pages}"
    assert not dialog.pages[0].pixmap().isNull()
    assert "Your platelets: 30 ×10⁹/L" in " ".join(pdf_words(dialog.pdf, tmp_path).split())  # across a line break
    target = tmp_path / "exports" / "for-my-doctor.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(export_ui.SavePdfDialog, "ask", classmethod(lambda cls, parent, name: target))
    assert dialog.save()
    assert target.read_bytes() == dialog.pdf
    assert [p.name for p in target.parent.iterdir()] == ["for-my-doctor.pdf"]


@pytest.mark.parametrize(("section", "heading"), [
    ("timeline", "Treatment timeline"), ("self_check", "Your self-check"), ("study", "About the study"),
    ("team_questions", "Questions to ask the study team"), ("help", "Contacts and where to get help"),
    ("words", "Words used in this summary"),
])
def test_unticking_a_section_takes_it_out_of_the_pdf(opened, qtbot, tmp_path, section, heading) -> None:
    window, dialogs = opened
    window.pdf_export.open_dialog()
    dialog = dialogs[-1]
    assert heading in pdf_words(dialog.pdf, tmp_path)
    box = dialog.section_boxes[section]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # the keyboard is enough
    assert not box.isChecked()
    words = pdf_words(dialog.pdf, tmp_path)
    assert heading not in words
    assert "Please read: this is not medical advice" in words


def test_every_section_the_dialog_offers_is_one_the_core_knows() -> None:
    assert set(export_ui.SECTION_LABELS) <= set(SECTIONS)


def test_large_print_and_paper_change_the_pdf(opened) -> None:
    window, dialogs = opened
    window.self_check.open_answers(ANSWERS)
    window.pdf_export.open_dialog()
    dialog = dialogs[-1]
    assert dialog.chosen_paper() == export_ui.locale_paper()
    normal = page_count(dialog.pdf)
    dialog.large_print.setChecked(True)
    assert page_count(dialog.pdf) > normal and len(dialog.pages) == page_count(dialog.pdf)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    assert b"/MediaBox [ 0 0 612 792 ]" in dialog.pdf
    assert "Letter" in dialog.status.text()


def test_the_summary_bar_button_opens_the_export_dialog(opened, qtbot) -> None:
    window, dialogs = opened
    window.show_section("self-check")
    qtbot.mouseClick(window.self_check.summary.export_pdf, Qt.MouseButton.LeftButton)
    assert len(dialogs) == 1
    assert window.self_check.summary.export_pdf.accessibleName() == "Export a PDF summary for your doctor"


def test_the_start_date_and_answers_come_from_the_session(opened, tmp_path) -> None:
    window, dialogs = opened
    window.session.set_answers(load_answers(ANSWERS))
    window.session.set_start_date(dt.date(2026, 12, 1))
    window.pdf_export.open_dialog()
    words = pdf_words(dialogs[-1].pdf, tmp_path)
    assert "Tue Dec 1, Tue Dec 8, Tue Dec 15, Tue Dec 22" in words
    assert "Your self-check" in words and "not filled in" not in words


def test_a_failed_save_says_why_and_leaves_no_file(opened, monkeypatch, tmp_path) -> None:
    window, dialogs = opened
    window.pdf_export.open_dialog()
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    target = blocker / "summary.pdf"
    problems: list[tuple[str, str]] = []
    monkeypatch.setattr(export_ui.SavePdfDialog, "ask", classmethod(lambda cls, parent, name: target))
    monkeypatch.setattr(export_ui.ExportProblemDialog, "ask",
                        classmethod(lambda cls, parent, title, message: problems.append((title, message))))
    assert not dialogs[-1].save()
    assert problems and problems[0][0] == "The PDF was not saved"
    assert f"{blocker} is a file, not a folder" in problems[0][1] and "Nothing was written" in problems[0][1]
    assert not target.exists() and blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_cancelling_the_save_writes_nothing(opened, monkeypatch, tmp_path) -> None:
    window, dialogs = opened
    window.pdf_export.open_dialog()
    monkeypatch.setattr(export_ui.SavePdfDialog, "ask", classmethod(lambda cls, parent, name: None))
    assert not dialogs[-1].save()


def test_print_sends_every_page_to_the_printer(opened, monkeypatch, tmp_path) -> None:
    window, dialogs = opened
    window.self_check.open_answers(ANSWERS)
    window.pdf_export.print_action.trigger()
    dialog = dialogs[-1]
    printed = tmp_path / "printed.pdf"

    def to_file(cls, parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)
        return True

    monkeypatch.setattr(export_ui.PrintDialog, "ask", classmethod(to_file))
    assert dialog.print_pages()
    assert page_count(printed.read_bytes()) == page_count(dialog.pdf)


def test_cancelled_print_prints_nothing(opened, monkeypatch) -> None:
    window, dialogs = opened
    window.pdf_export.open_dialog(printing=True)
    monkeypatch.setattr(export_ui.PrintDialog, "ask", classmethod(lambda cls, parent, printer: False))
    assert not dialogs[-1].print_pages()


_DIALOG = r"""
import sys
from pathlib import Path
from explainer.app import build_main_window, make_application
app = make_application()
window = build_main_window()
window.show()
window.self_check.open_answers(Path(sys.argv[1]))
window.pdf_export.open_dialog()
"""


@pytest.mark.slow
def test_export_dialog_on_a_real_display(artifacts, private_user_folders) -> None:
    shot = artifacts / "screenshots" / "export-dialog.png"
    photograph_app([sys.executable, "-c", _DIALOG, str(ANSWERS)], shot)  # also checks the picture's size


def test_the_preview_grows_with_the_text_size(opened) -> None:
    window, dialogs = opened
    window.pdf_export.open_dialog()
    normal = dialogs[-1].pages[0].pixmap().width()
    window.zoom.set_percent(150)
    window.pdf_export.open_dialog()
    assert dialogs[-1].pages[0].pixmap().width() == pytest.approx(normal * 1.5, rel=0.02)


def test_a_broken_words_file_shows_a_dialog(main_window, monkeypatch) -> None:
    import explainer.summary_source as source

    broken = source._builtin_text().model_copy(update={"status": "{{ no_such_fact }}"})
    monkeypatch.setattr(source, "_builtin_text", lambda: broken)
    problems: list[str] = []
    monkeypatch.setattr(export_ui.ExportProblemDialog, "ask",
                        classmethod(lambda cls, parent, title, message: problems.append(message)))
    main_window.pdf_export.open_dialog()
    assert problems and "unknown placeholder {{ no_such_fact }}" in problems[0]


def test_at_double_text_size_the_preview_keeps_room(opened, qtbot) -> None:
    """At 200% the option texts once squeezed the page preview to a sliver (134 of 1100 pixels)."""
    window, dialogs = opened
    window.zoom.set_percent(200)
    window.pdf_export.open_dialog()
    dialog = dialogs[-1]
    preview = dialog.findChild(export_ui.QScrollArea)
    qtbot.waitExposed(dialog)  # laid out at its real size
    assert preview.width() >= dialog.width() / 3
    assert dialog.width() >= 1100 and dialog.height() >= 760


class _ScreenReader:
    """Stands in for QAccessible with a screen reader listening: keeps what is announced."""

    said: list[str] = []

    @staticmethod
    def isActive() -> bool:  # noqa: N802 (Qt's name)
        return True

    @classmethod
    def updateAccessibility(cls, event) -> None:  # noqa: N802 (Qt's name)
        cls.said.append(event.message())


# (what the save dialog returns, the words shown in the export dialog, what a screen reader hears)
SAVE_OUTCOMES = [
    ("a file", "✓ Saved. Your PDF is here: ", 1),
    (None, "", 0),  # cancelled: nothing saved, nothing said
]


@pytest.mark.parametrize(("chosen", "shown", "announced"), SAVE_OUTCOMES)
def test_saved_is_said_in_the_dialog_and_aloud(opened, monkeypatch, tmp_path, chosen, shown, announced) -> None:
    window, dialogs = opened
    window.pdf_export.open_dialog()
    dialog = dialogs[-1]
    target = tmp_path / "summary.pdf" if chosen else None
    monkeypatch.setattr(export_ui.SavePdfDialog, "ask", classmethod(lambda cls, parent, name: target))
    monkeypatch.setattr(export_ui, "QAccessible", _ScreenReader)
    _ScreenReader.said = []
    assert dialog.save() is bool(chosen)
    assert dialog.isVisible()  # the dialog stays open: the words are where the user is looking
    assert dialog.saved.isVisible() is bool(chosen)
    if chosen:
        assert dialog.saved.text() == f"{shown}{target}"
        assert _ScreenReader.said == [dialog.saved.text()]
        dialog.large_print.setChecked(True)  # a new choice: the saved file no longer matches
        assert not dialog.saved.isVisible()
    assert len(_ScreenReader.said) == announced

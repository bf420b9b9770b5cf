"""Saving from the window: the file type's ending, and all-or-nothing writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from explainer.ui import saving
from explainer.ui.export import SavePdfDialog
from explainer.ui.personal_dates import SaveCalendarDialog
from explainer.ui.self_check import SaveAnswersDialog


@pytest.mark.parametrize(("ask", "typed", "saved"), [
    (lambda: SavePdfDialog.ask(None, "summary.pdf"), "/tmp/for-dr-lee", "/tmp/for-dr-lee.pdf"),
    (lambda: SavePdfDialog.ask(None, "summary.pdf"), "/tmp/for-dr-lee.PDF", "/tmp/for-dr-lee.PDF"),
    (lambda: SaveCalendarDialog.ask(None), "/tmp/my days", "/tmp/my days.ics"),
    (lambda: SaveCalendarDialog.ask(None), "/tmp/days.ics", "/tmp/days.ics"),
    (lambda: SaveAnswersDialog.ask(None), "/tmp/mine", "/tmp/mine.answers.json"),
    (lambda: SaveAnswersDialog.ask(None), "/tmp/mine.json", "/tmp/mine.json"),
    (lambda: SaveAnswersDialog.ask(None), "", None),  # cancelled
])
def test_the_save_question_adds_the_ending_the_user_left_out(qapp, monkeypatch, ask, typed, saved) -> None:
    asked = []

    def fake(parent, title, start, file_filter):
        asked.append((title, start, file_filter))
        return typed, file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    assert ask() == (Path(saved) if saved else None)
    [(title, start, _filter)] = asked
    assert title.startswith("Save") and Path(start).parent == Path.home()  # a suggested name in the home folder


def test_the_writer_replaces_the_whole_file_and_reports_a_missing_folder(qapp, tmp_path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    target = folder / "answers.json"
    target.write_text("old", encoding="utf-8")
    saving.write_file(target, "new ✓", private=True)
    assert target.read_text(encoding="utf-8") == "new ✓"
    with pytest.raises(OSError):
        saving.write_file(folder / "no-such-folder" / "answers.json", b"x", private=True)
    assert [p.name for p in folder.iterdir()] == ["answers.json"]  # no leftover temporary file


def test_saving_answers_or_the_pdf_where_a_file_blocks_the_folder_says_why(main_window, tmp_path, monkeypatch) -> None:
    from explainer.ui import export as export_ui
    from explainer.ui import self_check as self_check_ui

    blocker = tmp_path / "not-a-folder.txt"
    blocker.write_text("x", encoding="utf-8")
    said = []
    for module, dialog in ((self_check_ui, "AnswersProblemDialog"), (export_ui, "ExportProblemDialog")):
        monkeypatch.setattr(getattr(module, dialog), "ask", classmethod(lambda cls, parent, title, text: said.append(text)))
    assert main_window.self_check.save_answers(blocker / "mine.answers.json") is False
    monkeypatch.setattr(export_ui.SavePdfDialog, "ask", classmethod(lambda cls, parent, name: blocker / "s.pdf"))
    assert main_window.pdf_export.save(b"%PDF-1.4", main_window) is None
    assert len(said) == 2 and all("not-a-folder.txt is a file, not a folder" in text for text in said)

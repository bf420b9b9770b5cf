"""A study record's window exports the summary (issue 16, items 2 and 6): File > Save
PDF for your doctor… (Ctrl+E), Print… (Ctrl+P) and Save summary as web page…, through
the main window's own save, print and problem dialogs (replaced at their ``ask()``
seam); the files are the very bytes `trial-explainer pdf/html --trial RECORD` makes
for the place chosen in the window, and that place is remembered for the next study.

Real widgets and key presses; the PDF is read back with pdftotext."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMenu

from explainer.app import build_frame
from explainer.cli import build_parser
from explainer.commands.record import run_html, run_pdf
from explainer.pdf.raster import page_count
from explainer.study_words_io import study_summary_words, study_words
from explainer.ui import export as export_ui
from explainer.ui import web_summary
from explainer.ui.place_memory import KEYS
from tests.conftest import FIXTURES
from tests.windows import shown_window

CTGOV = FIXTURES / "ctgov"
BIG = CTGOV / "NCT04267848.json"        # 1,148 places, 76 in Ohio
NO_PLACES = CTGOV / "NCT03453554.json"  # no locations at all
SPREAD = CTGOV / "NCT04431453.json"     # 32 places in the United States, Spain and Italy
MENU_LOGS = ("This plugin does not support raise", "This plugin does not support grabbing")


@pytest.fixture
def frame(qtbot):
    return shown_window(qtbot, build_frame)


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """The save dialogs answer with ``state['pdf']`` / ``state['html']``; problems are recorded."""
    state = {"pdf": tmp_path / "summary.pdf", "html": tmp_path / "summary.html", "asked": [], "problems": []}

    def ask(kind):
        def answer(cls, parent, suggested):
            state["asked"].append(suggested)
            return state[kind]
        return classmethod(answer)

    monkeypatch.setattr(export_ui.SavePdfDialog, "ask", ask("pdf"))
    monkeypatch.setattr(web_summary.SaveWebPageDialog, "ask", ask("html"))
    monkeypatch.setattr(export_ui.ExportProblemDialog, "ask",
                        classmethod(lambda cls, parent, title, message: state["problems"].append(message)))
    monkeypatch.setattr(web_summary.WebPageProblemDialog, "ask",
                        classmethod(lambda cls, parent, title, message: state["problems"].append(message)))
    return state


def opened(frame, qtbot, record: Path):
    """The record's window, shown and active (its shortcuts work only then, as for a user)."""
    window = frame.study_records.open_path(record)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def pdf_words(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def cli_bytes(command: str, record: Path, window, tmp_path: Path, *place: str) -> bytes:
    """What `trial-explainer COMMAND --trial RECORD [--country ... --state ...]` writes, on the window's day."""
    (tmp_path / "cli").mkdir(exist_ok=True)
    out = tmp_path / "cli" / f"summary.{command}"
    paper = ["--paper", export_ui.locale_paper()] if command == "pdf" else []
    args = build_parser(command).parse_args(["-o", str(out), "--trial", str(record), *paper, *place])
    (run_pdf if command == "pdf" else run_html)(args, window.study, window.as_of)
    return out.read_bytes()


def choose_by_keys(qtbot, box, text: str) -> None:
    """Typing the start of a name in a closed combo box picks that item (up to the
    first space: Space would open the list)."""
    box.setFocus()
    qtbot.keyClicks(box, text.split(" ")[0])
    assert box.currentText() == text


def go_to_where(window, qtbot) -> None:
    navigator = window.navigator
    row = [page.id for page in window.pages].index("where")
    rect = navigator.visualItemRect(navigator.item(row))
    qtbot.mouseClick(navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == row


def open_file_menu_and_press(window, qtbot, key) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), key)


def test_the_file_menu_offers_pdf_print_and_web_page_before_close(frame, qtbot) -> None:
    window = opened(frame, qtbot, BIG)
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts == ["&Save PDF for your doctor…", "&Print…", "Save summary as &web page…", "&Close this study"]
    assert window.export.pdf_action.shortcut().toString() == "Ctrl+E"
    assert window.export.print_action.shortcut().toString() == "Ctrl+P"


def test_ctrl_e_saves_the_pdf_the_command_line_makes_for_the_chosen_state(frame, qtbot, dialogs, tmp_path) -> None:
    window = opened(frame, qtbot, BIG)
    go_to_where(window, qtbot)
    choose_by_keys(qtbot, window.place_filter.country, "United States")
    choose_by_keys(qtbot, window.place_filter.state, "Ohio")
    qtbot.keyClick(window.navigator, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    saved = dialogs["pdf"]
    assert saved.is_file() and dialogs["problems"] == []
    assert dialogs["asked"] == [f"study-NCT04267848-summary-{window.as_of.isoformat()}.pdf"]
    assert saved.read_bytes() == cli_bytes("pdf", BIG, window, tmp_path, "--country", "United States",
                                           "--state", "Ohio")
    text = pdf_words(saved)
    assert "Places near you: Ohio, United States" in text
    assert "Here are 76 of the 1,148 places: the ones in Ohio, United States." in text
    assert study_summary_words().near_order in text
    first_open = next(s for s in window.study.sites if s.state == "Ohio" and s.status.value == "RECRUITING")
    assert first_open.facility in text and "Status: taking new people" in text
    assert "The record lists 66 more places there." in text  # in Ohio, not 66 of the 1,148
    assert str(saved) in window.statusBar().currentMessage()
    # Nothing but the PDF in the folder: the write went through a temporary file, renamed.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name not in ("home", "cli")) == ["summary.pdf"]


def test_with_no_place_chosen_the_pdf_counts_places_and_countries(frame, qtbot, dialogs, tmp_path) -> None:
    window = opened(frame, qtbot, BIG)
    qtbot.keyClick(window.navigator, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    text = pdf_words(dialogs["pdf"])
    assert "The record lists 1,148 places in 2 countries." in text
    assert "By country: United States: 1,147 places; Guam: 1 place." in text
    assert "Places near you" not in text


def test_a_record_with_no_places_exports_and_says_so(frame, qtbot, dialogs, tmp_path) -> None:
    window = opened(frame, qtbot, NO_PLACES)
    assert window.place_filter is None
    qtbot.keyClick(window.navigator, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs["pdf"].read_bytes() == cli_bytes("pdf", NO_PLACES, window, tmp_path)
    assert study_words().where.no_sites.format(nct_id="NCT03453554") in pdf_words(dialogs["pdf"])


@pytest.mark.qt_log_ignore(*MENU_LOGS)
def test_the_chosen_place_is_remembered_for_the_next_study_and_its_web_page(frame, qtbot, dialogs, tmp_path) -> None:
    window = opened(frame, qtbot, BIG)
    choose_by_keys(qtbot, window.place_filter.country, "United States")
    choose_by_keys(qtbot, window.place_filter.state, "Ohio")
    settings = QSettings(frame.settings.fileName(), QSettings.Format.IniFormat)   # read back from the file
    assert [settings.value(key) for key in KEYS] == ["United States", "Ohio", ""]
    qtbot.keyClick(window.navigator, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # Close this study
    # Another study opens on the same country (it has no place in Ohio); the choice stays.
    other = opened(frame, qtbot, SPREAD)
    assert other.place_filter.country.currentText() == "United States"
    assert other.place_filter.state.currentIndex() == 0
    assert [QSettings(frame.settings.fileName(), QSettings.Format.IniFormat).value(k) for k in KEYS] == [
        "United States", "Ohio", ""]
    # The first study again: Ohio is chosen, on its page and in its web page.
    again = opened(frame, qtbot, BIG)
    assert again.place_filter.state.currentText() == "Ohio"
    assert "the ones in Ohio, United States" in again.browsers["where"].toPlainText()
    open_file_menu_and_press(again, qtbot, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: dialogs["html"].exists())
    page = dialogs["html"].read_bytes()
    assert page == cli_bytes("html", BIG, again, tmp_path, "--country", "United States", "--state", "Ohio")
    assert b"Places near you: Ohio, United States" in page
    assert stat.S_IMODE(os.stat(dialogs["html"]).st_mode) == 0o600


@pytest.mark.parametrize("country", ["x" * 500, ["United States", "Guam"], "   ", 7])
def test_a_remembered_place_that_is_not_a_short_name_is_no_choice(frame, qtbot, country) -> None:
    frame.settings.setValue(KEYS[0], country)   # an edited settings file: a list, a number, spaces
    frame.settings.setValue(KEYS[1], "Ohio")
    window = opened(frame, qtbot, BIG)
    assert window.place_filter.country.currentIndex() == 0 and window.place.is_any


def test_ctrl_p_prints_the_pdfs_pages(frame, qtbot, dialogs, monkeypatch, tmp_path) -> None:
    window = opened(frame, qtbot, SPREAD)
    printed = tmp_path / "printed.pdf"

    def to_file(cls, parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(60)
        return True

    monkeypatch.setattr(export_ui.PrintDialog, "ask", classmethod(to_file))
    qtbot.keyClick(window.navigator, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert page_count(printed.read_bytes()) == page_count(window.export.pdf())


def test_a_failed_write_says_why_and_leaves_no_file(frame, qtbot, dialogs, monkeypatch, tmp_path) -> None:
    import explainer.files

    window = opened(frame, qtbot, SPREAD)
    monkeypatch.setattr(explainer.files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "No space")))
    qtbot.keyClick(window.navigator, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.export.save_web_page() is None
    assert len(dialogs["problems"]) == 2 and all("No space" in m for m in dialogs["problems"])
    assert [p.name for p in tmp_path.iterdir() if "summary" in p.name] == []


def test_cancelling_writes_nothing(frame, qtbot, dialogs, tmp_path) -> None:
    window = opened(frame, qtbot, SPREAD)
    dialogs["pdf"] = None
    qtbot.keyClick(window.navigator, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs["asked"] and dialogs["problems"] == []
    assert not list(tmp_path.glob("*.pdf"))


def test_ctrl_e_in_the_record_window_is_the_records_pdf_not_the_main_windows(main_window, qtbot, dialogs,
                                                                            monkeypatch) -> None:
    """Both windows have Ctrl+E; each is its own window's."""
    opened_main: list[object] = []
    monkeypatch.setattr(export_ui.ExportDialog, "ask", classmethod(lambda cls, *args: opened_main.append(args)))
    window = opened(main_window, qtbot, SPREAD)
    qtbot.keyClick(window.navigator, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs["pdf"].is_file() and opened_main == []
    assert dialogs["asked"] == [f"study-NCT04431453-summary-{window.as_of.isoformat()}.pdf"]


@pytest.mark.parametrize("record", sorted(CTGOV.glob("NCT*.json")), ids=lambda p: p.stem)
def test_every_sample_saves_the_command_lines_pdf(frame, qtbot, dialogs, tmp_path, record) -> None:
    window = opened(frame, qtbot, record)
    qtbot.keyClick(window.navigator, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs["problems"] == []
    assert dialogs["pdf"].read_bytes() == cli_bytes("pdf", record, window, tmp_path)
    text = pdf_words(dialogs["pdf"])
    assert f"Study {window.study.nct_id}" in text and "Only the study team decides that." in text

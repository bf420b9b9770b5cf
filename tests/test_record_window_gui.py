"""Any study's record in the window (issue 16, items 1-3): open a file (menu, drop),
pick one of several studies, a bad file changes nothing, the record's pages in their
own window (status first, escaped, nothing loaded, places filtered), a download from
a server on 127.0.0.1 while the window keeps answering, and the kept studies list.

Real widgets and input events; the file dialog and the message boxes are replaced
through their ``ask()`` seams (or answered with keys from a timer)."""

from __future__ import annotations

import json
import socket
import threading
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTextBrowser, QWidget

from explainer.app import build_frame
from explainer.core.registry_record import Status
from explainer.kept_studies import kept_path
from explainer.study_words_io import study_words
from explainer.ui import study_records
from explainer.ui.record_window import RecordWindow
from tests.conftest import FIXTURES
from tests.windows import shown_window

CTGOV = FIXTURES / "ctgov"
SAMPLES = sorted(CTGOV.glob("NCT*.json"))
BIG = CTGOV / "NCT04267848.json"  # 1,148 places


def _bare(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["studies"][0] if "studies" in data else data


@pytest.fixture
def frame(qtbot):
    return shown_window(qtbot, build_frame)


@pytest.fixture
def problems(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(study_records.RecordProblem, "ask",
                        classmethod(lambda cls, parent, title, sentence: said.append(sentence)))
    return said


def _text(window: RecordWindow) -> list[str]:
    return [line for line in window.current_browser().toPlainText().splitlines() if line.strip()]


# ---------------------------------------------------------------- opening files

@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_each_sample_record_opens_status_first_and_is_kept(frame, problems, no_connections, path) -> None:
    shown = frame.study_records.open_path(path)
    assert problems == [] and shown is not None
    study = shown.study
    words = study_words().status
    lines = _text(shown)
    assert lines[0] == study_words().pages.status
    answer = words.overall[study.overall_status].answer if study.overall_status else words.missing
    assert lines[2] == answer
    assert shown.navigator.count() == 7 and shown.navigator.currentRow() == 0
    assert all(not browser.refused_resources for browser in shown.browsers.values())
    assert kept_path(study.nct_id).is_file()
    assert json.loads(kept_path(study.nct_id).read_bytes()) == _bare(path)  # the study alone, as given


def test_the_record_opens_from_the_file_menu_by_keyboard(frame, qtbot, monkeypatch, problems) -> None:
    monkeypatch.setattr(study_records.OpenRecordDialog, "ask", classmethod(lambda cls, parent: CTGOV / "NCT00973089.json"))
    qtbot.keyClick(frame, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    shown = frame.study_records.windows["NCT00973089"]
    assert shown.isVisible()
    assert _text(shown)[2] == study_words().status.overall[Status.WITHDRAWN].answer
    assert frame.windowTitle() == "Trial Explainer"  # the main window is untouched


_KEEP: list[QMimeData] = []  # an event holds its data by pointer: keep it alive


def _drop(widget: QWidget, path: Path) -> QDropEvent:
    """A drag over ``widget`` then a drop, as the desktop sends them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    _KEEP.append(mime)
    with warnings.catch_warnings():  # PySide marks Qt's only QDragEnterEvent constructor as deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    if enter.isAccepted():
        QApplication.sendEvent(widget, event)
    return event


def test_a_json_file_dropped_on_the_window_opens(frame, problems) -> None:
    event = _drop(frame, CTGOV / "NCT03934567.json")
    assert event.isAccepted()
    assert "NCT03934567" in frame.study_records.windows
    assert problems == []


def test_a_dropped_file_that_is_not_json_is_not_taken(frame, tmp_path, problems) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    _drop(frame, other)
    assert frame.study_records.windows == {} and problems == []


def _search_response(tmp_path: Path) -> Path:
    studies = [_bare(CTGOV / name) for name in ("NCT00184067.json", "NCT05147467.json", "NCT00973089.json")]
    path = tmp_path / "search.json"
    path.write_text(json.dumps({"studies": studies}), encoding="utf-8")
    return path


def _when_modal(qtbot, act) -> None:
    """Run ``act(dialog)`` once a modal dialog is up (exec() waits for it)."""
    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, check)
            return
        try:
            act(dialog)
        finally:  # a failed check must not leave the test waiting on an open dialog
            if dialog.isVisible():
                QTimer.singleShot(0, dialog.reject)

    QTimer.singleShot(0, check)


def test_several_studies_the_patient_picks_one_with_the_keyboard(frame, qtbot, tmp_path, problems) -> None:
    seen: list[list[str]] = []

    def pick_second(dialog) -> None:
        table = dialog.table
        seen.extend([[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())])
        seen.append(["focus", str(dialog.focusWidget() is table), ""])
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Return)

    _when_modal(qtbot, pick_second)
    shown = frame.study_records.open_path(_search_response(tmp_path))
    assert shown is not None and shown.study.nct_id == "NCT05147467"
    assert seen.pop() == ["focus", "True", ""]  # the list has the keyboard from the start
    assert [row[0] for row in seen] == ["NCT00184067", "NCT05147467", "NCT00973089"]
    words = study_words().status.overall
    assert [row[2] for row in seen] == [words[Status.TERMINATED].short, words[Status.RECRUITING].short,
                                        words[Status.WITHDRAWN].short]
    assert seen[1][1].startswith("APG-2575") or seen[1][1]  # the short title is shown
    assert kept_path("NCT05147467").is_file() and not kept_path("NCT00184067").exists()
    assert json.loads(kept_path("NCT05147467").read_bytes())["protocolSection"]["identificationModule"][
        "nctId"] == "NCT05147467"  # kept alone, unwrapped


def test_escape_in_the_picker_opens_nothing(frame, qtbot, tmp_path, problems) -> None:
    _when_modal(qtbot, lambda dialog: qtbot.keyClick(dialog.table, Qt.Key.Key_Escape))
    assert frame.study_records.open_path(_search_response(tmp_path)) is None
    assert frame.study_records.windows == {}


BAD_FILES = [
    ("page.json", b"<!DOCTYPE html><html><body>ClinicalTrials.gov</body></html>"),
    ("empty.json", b'{"studies": []}'),
    ("broken.json", b'{"protocolSection": {"identificationModule": '),
    ("latin1.json", "{\"a\": \"caf\xe9\"}".encode("latin-1")),
]


@pytest.mark.parametrize(("name", "data"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_one_sentence_and_the_current_study_stays(frame, tmp_path, problems, name, data) -> None:
    first = frame.study_records.open_path(CTGOV / "NCT03934567.json")
    before = first.current_browser().toHtml()
    bad = tmp_path / name
    bad.write_bytes(data)
    assert frame.study_records.open_path(bad) is None
    assert len(problems) == 1
    sentence = problems[0]
    assert sentence.endswith(".") and "\n" not in sentence and str(tmp_path) not in sentence
    assert list(frame.study_records.windows) == ["NCT03934567"]
    assert frame.study_records.windows["NCT03934567"] is first and first.isVisible()
    assert first.current_browser().toHtml() == before
    assert sorted(p.name for p in kept_path("NCT03934567").parent.iterdir()) == ["NCT03934567.json"]


def test_the_problem_box_shows_plain_text(frame, qtbot, tmp_path) -> None:
    bad = tmp_path / "x.json"
    bad.write_bytes(b"<b>bold</b>")
    seen: dict[str, object] = {}

    def look(box) -> None:
        seen["format"] = box.textFormat()
        seen["text"] = box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)

    _when_modal(qtbot, look)
    frame.study_records.open_path(bad)
    assert seen["format"] == Qt.TextFormat.PlainText
    assert isinstance(seen["text"], str) and seen["text"].endswith(".")


def test_markup_in_a_record_shows_as_written_and_loads_nothing(frame, tmp_path, problems) -> None:
    record = _bare(CTGOV / "NCT03934567.json")
    hostile = '<img src="file:///etc/passwd"><a href="http://example.com">x</a> & <b>bold</b>'
    record["protocolSection"]["identificationModule"]["briefTitle"] = hostile
    record["protocolSection"]["descriptionModule"]["briefSummary"] = hostile
    record["protocolSection"]["contactsLocationsModule"]["locations"][0]["facility"] = hostile
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    shown = frame.study_records.open_path(path)
    for page_id in ("about", "where"):
        shown.show_page(page_id)
        assert hostile in shown.browsers[page_id].toPlainText()
    assert all(not browser.refused_resources for browser in shown.browsers.values())
    assert "<img" not in "".join(browser.toHtml() for browser in shown.browsers.values())


def test_the_registry_words_are_quoted_under_the_registry_label(frame, problems) -> None:
    shown = frame.study_records.open_path(CTGOV / "NCT00184067.json")
    shown.show_page("about")
    text = shown.current_browser().toPlainText()
    label = study_words().registry_label
    summary = shown.study.brief_summary.strip().split("\n")[0].strip()
    assert label in text
    assert f"\u201c{summary[:40]}" in text  # the quote opens with the record's first words


# ---------------------------------------------------------------- places

def test_places_filter_by_country_state_and_city_with_the_keyboard(frame, qtbot, problems) -> None:
    shown = frame.study_records.open_path(BIG)
    shown.show_page("where")
    places = shown.place_filter
    assert places is not None
    all_text = shown.browsers["where"].toPlainText()
    assert [places.country.itemText(i) for i in range(places.country.count())] == [
        "Any country", "Guam", "United States"]
    qtbot.keyClick(places.country, Qt.Key.Key_Down)  # the arrow keys choose without opening the list
    assert "Here is 1 of the 1,148 places: the one in Guam." in shown.browsers["where"].toPlainText()
    qtbot.keyClick(places.country, Qt.Key.Key_Down)
    in_us = shown.browsers["where"].toPlainText()
    assert "the ones in United States" in in_us and "Guam" not in in_us.split("the ones in")[1]
    qtbot.keyClicks(places.state, "Massachusetts")  # typing a name picks it, as in any list
    assert places.state.currentText() == "Massachusetts"
    in_state = shown.browsers["where"].toPlainText()
    assert "the ones in Massachusetts, United States" in in_state and len(in_state) < len(in_us)
    cities_here = [places.city.itemText(i) for i in range(1, places.city.count())]
    assert "Boston" in cities_here and "Chicago" not in cities_here  # the cities follow the state
    qtbot.keyClicks(places.city, "Boston")
    in_city = shown.browsers["where"].toPlainText()
    assert "the ones in Boston, Massachusetts, United States" in in_city and len(in_city) < len(in_state)
    qtbot.keyClick(places.country, Qt.Key.Key_Home)  # back to any country: every place again
    assert shown.browsers["where"].toPlainText() == all_text
    assert places.state.currentIndex() == 0 and places.city.currentIndex() == 0


def test_tab_reaches_every_control_of_the_record_window(frame, qtbot, problems) -> None:
    shown = frame.study_records.open_path(BIG)
    shown.show_page("where")
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    shown.navigator.setFocus()
    reached = set()
    for _ in range(40):  # the page's hard words are Tab stops too (a few per page), then focus moves on
        qtbot.keyClick(QApplication.focusWidget() or shown, Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    places = shown.place_filter
    assert {places.country, places.state, places.city, shown.browsers["where"], shown.navigator} <= reached
    for widget in shown.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(shown) and \
                widget.metaObject().className() not in ("QScrollBar", "QSplitterHandle", "QWidget"):
            assert widget.accessibleName(), widget.metaObject().className()


def test_the_record_window_fits_1280_pixels_at_250_percent_text(frame, qtbot, problems) -> None:
    frame.zoom.set_percent(250)
    try:
        shown = frame.study_records.open_path(BIG)
        shown.show_page("where")
        qtbot.wait(10)
        assert shown.minimumSizeHint().width() <= 1280
        shown.resize(1280, 800)
        qtbot.waitUntil(lambda: shown.width() <= 1280)
        assert shown.place_filter.width() <= shown.width()
    finally:
        frame.zoom.set_percent(100)


# ---------------------------------------------------------------- the download

class _Registry:
    """A registry on 127.0.0.1: one known study; the answer can be held back."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.release = threading.Event()
        self.release.set()
        registry = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                registry.requests.append(self.path)
                registry.release.wait(20)
                if self.path == "/api/v2/studies/NCT00184067":
                    body = (CTGOV / "NCT00184067.json").read_bytes()
                    self.send_response(200)
                else:
                    body = b'{"message": "not found"}'
                    self.send_response(404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def registry(monkeypatch):
    server = _Registry()
    monkeypatch.setenv("TRIAL_EXPLAINER_REGISTRY_URL", server.url)
    yield server
    server.stop()


def _download_dialog(frame, qtbot):
    frame.study_records.download_action.trigger()
    dialog = frame.study_records.download_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _wait_done(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.download is None, timeout=20_000)


def test_the_download_says_first_it_goes_online_and_keeps_the_window_answering(frame, qtbot, registry) -> None:
    dialog = _download_dialog(frame, qtbot)
    notice = dialog.notice.text()
    assert "only time" in notice and "nothing but the study number" in notice and "127.0.0.1" in notice
    assert not dialog.download_button.isEnabled()
    qtbot.keyClicks(dialog.number, "nct0018406")
    assert not dialog.download_button.isEnabled()  # 7 digits: not a study number yet
    qtbot.keyClicks(dialog.number, "7")
    assert dialog.download_button.isEnabled()
    assert registry.requests == []  # typing connects to nothing
    registry.release.clear()  # the server holds its answer back
    ticks: list[int] = []
    timer = QTimer(frame)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(registry.requests), timeout=10_000)
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop runs while the answer is held
    assert dialog.download is not None and "NCT00184067" not in frame.study_records.windows
    assert "Getting study NCT00184067" in dialog.message.text()
    registry.release.set()
    qtbot.waitUntil(lambda: "NCT00184067" in frame.study_records.windows, timeout=20_000)
    timer.stop()
    assert registry.requests == ["/api/v2/studies/NCT00184067"]
    assert kept_path("NCT00184067").read_bytes() == (CTGOV / "NCT00184067.json").read_bytes()
    shown = frame.study_records.windows["NCT00184067"]
    assert _text(shown)[2] == study_words().status.overall[Status.TERMINATED].answer


def test_a_number_the_registry_does_not_know_is_one_sentence(frame, qtbot, registry) -> None:
    dialog = _download_dialog(frame, qtbot)
    qtbot.keyClicks(dialog.number, "NCT09999999")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    _wait_done(qtbot, dialog)
    assert dialog.message.text() == "There is no study NCT09999999 in the registry; please check the number."
    assert frame.study_records.windows == {} and not kept_path("NCT09999999").exists()
    assert dialog.isVisible() and dialog.download_button.isEnabled()  # try another number


def test_no_server_is_a_plain_sentence(frame, qtbot, monkeypatch) -> None:
    with socket.socket() as probe:  # a port free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("TRIAL_EXPLAINER_REGISTRY_URL", f"http://127.0.0.1:{port}")
    dialog = _download_dialog(frame, qtbot)
    qtbot.keyClicks(dialog.number, "NCT00184067")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, dialog)
    text = dialog.message.text()
    assert "127.0.0.1" in text and "online" in text and text.endswith(".")
    assert frame.study_records.windows == {}


def test_the_download_dialog_names_its_controls(frame, qtbot, registry) -> None:
    dialog = _download_dialog(frame, qtbot)
    for widget in (dialog.number, dialog.download_button, dialog.close_button, dialog.notice, dialog.message):
        assert widget.accessibleName()
    assert dialog.focusWidget() is dialog.number  # typing can start at once


# ---------------------------------------------------------------- studies you have looked at

def _studies_list(frame, qtbot):
    frame.study_records.kept_action.trigger()
    dialog = frame.study_records.studies_list
    qtbot.waitExposed(dialog)
    return dialog


def test_the_studies_list_shows_kept_studies_and_a_damaged_one(frame, qtbot, problems) -> None:
    for name in ("NCT00973089.json", "NCT05147467.json"):
        frame.study_records.open_path(CTGOV / name)
    damaged = kept_path("NCT00000001")
    damaged.write_bytes(b"{not json")
    dialog = _studies_list(frame, qtbot)
    table = dialog.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())}
    assert set(rows) == {"NCT00973089", "NCT05147467", "NCT00000001"}
    words = study_words().status.overall
    withdrawn = rows["NCT00973089"]
    # The status with the date its record last changed (issue 16: the list says how old each copy is).
    assert withdrawn[2] == study_words().kept.status_dated.format(status=words[Status.WITHDRAWN].short,
                                                                 date="August 19, 2015")
    assert withdrawn[4] == "Not started"   # no answers kept for it (the comparison's words)
    assert withdrawn[1] and withdrawn[3][-4:].isdigit()  # a short title and a record date
    assert rows["NCT00000001"][1].startswith("Damaged: ")
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == "NCT00000001":
            table.setCurrentCell(r, 0)
    assert not dialog.open_button.isEnabled() and dialog.remove_button.isEnabled()
    assert dialog.message.text() == "This file is damaged or incomplete: it is not valid JSON (line 1)."


def test_open_from_the_list_works_offline_with_the_keyboard(frame, qtbot, problems, no_connections) -> None:
    frame.study_records.open_path(CTGOV / "NCT00973089.json")
    frame.study_records.windows.pop("NCT00973089").close()
    dialog = _studies_list(frame, qtbot)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "NCT00973089" in frame.study_records.windows)
    assert not dialog.isVisible()


def test_remove_asks_first_and_then_forgets_the_study(frame, qtbot, monkeypatch, problems) -> None:
    frame.study_records.open_path(CTGOV / "NCT00973089.json")
    from explainer.ui import studies_list

    answers = [False, True]
    asked: list[str] = []

    def confirm(cls, parent, nct_id) -> bool:
        asked.append(nct_id)
        return answers.pop(0)

    monkeypatch.setattr(studies_list.ConfirmRemove, "ask", classmethod(confirm))
    dialog = _studies_list(frame, qtbot)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert kept_path("NCT00973089").exists() and dialog.table.rowCount() == 1  # "No" keeps it
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert asked == ["NCT00973089", "NCT00973089"]
    assert not kept_path("NCT00973089").exists()
    assert dialog.table.rowCount() == 0 and dialog.empty.isVisible()
    assert "removed" in dialog.message.text()


def test_the_remove_question_says_no_by_default(frame, qtbot) -> None:
    from explainer.ui.studies_list import ConfirmRemove

    seen = {}

    def look(box) -> None:
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        qtbot.keyClick(box, Qt.Key.Key_Return)

    _when_modal(qtbot, look)
    assert ConfirmRemove.ask(frame, "NCT00973089") is False
    assert seen["default"]


def test_opening_records_goes_online_nowhere(frame, qtbot, problems, no_connections) -> None:
    """Opening a file, dropping one and reading kept studies open no connection; only the
    download action may (and the first screen does not even load its code)."""
    frame.study_records.open_path(CTGOV / "NCT06388018.json")
    _drop(frame, CTGOV / "NCT03453554.json")
    frame.study_records.open_kept("NCT06388018")
    _studies_list(frame, qtbot)
    assert set(frame.study_records.windows) == {"NCT06388018", "NCT03453554"}


def test_the_menu_entries_are_in_the_file_menu(frame) -> None:
    texts = [action.text() for action in frame.file_menu.actions()]
    assert texts[:3] == ["&Open study record…", "&Get a study record by its number…", "Studies you have &looked at…"]
    assert texts[-1] == "&Quit"


def test_the_open_key_works_in_the_whole_window_beside_open_answers(main_window, qtbot, monkeypatch,
                                                                    problems) -> None:
    """The self-check's Ctrl+O stays "Open answers"; Ctrl+Shift+O opens a record."""
    monkeypatch.setattr(study_records.OpenRecordDialog, "ask", classmethod(lambda cls, parent: CTGOV / "NCT00184067.json"))
    keys = [key.toString() for action in main_window.file_menu.actions() for key in action.shortcuts()]
    assert len(keys) == len(set(keys))  # no key is claimed twice
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window.navigator, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "NCT00184067" in main_window.study_records.windows


def test_a_file_dropped_on_a_page_reaches_the_window(frame) -> None:
    """Dropped over a reading page (a text browser that takes no drops), the window takes it."""
    page = frame.stack.currentWidget()
    target = page.findChildren(QTextBrowser)[0].viewport() if not isinstance(page, QTextBrowser) else page.viewport()
    event = _drop(target, CTGOV / "NCT00184067.json")
    assert event.isAccepted()
    assert "NCT00184067" in frame.study_records.windows


def test_the_dialogs_fit_1280_pixels_at_250_percent_text(frame, qtbot, tmp_path, registry) -> None:
    from explainer.ui.download_dialog import DownloadDialog
    from explainer.ui.studies_list import StudiesListDialog
    from explainer.ui.study_picker import StudyPickerDialog
    from explainer.records_io import read_record

    frame.study_records.open_path(CTGOV / "NCT04267848.json")
    frame.zoom.set_percent(250)
    try:
        studies = list(read_record(_search_response(tmp_path)).studies)
        for dialog in (DownloadDialog(None, frame), StudiesListDialog(None, frame), StudyPickerDialog(studies, frame)):
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.minimumSizeHint().width() <= 1280, type(dialog).__name__
            assert dialog.font().pointSizeF() >= 25  # the large text reached the dialog
    finally:
        frame.zoom.set_percent(100)


def test_closing_the_dialog_during_a_download_drops_the_answer(frame, qtbot, registry) -> None:
    dialog = _download_dialog(frame, qtbot)
    qtbot.keyClicks(dialog.number, "NCT00184067")
    registry.release.clear()
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(registry.requests), timeout=10_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    registry.release.set()
    _wait_done(qtbot, dialog)
    assert frame.study_records.windows == {} and not kept_path("NCT00184067").exists()


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen: the pop-ups
@pytest.mark.parametrize(("downs", "page"), [(0, "about"), (1, "glossary"), (2, "help")])
def test_a_record_window_s_help_menu_opens_the_app_s_page_in_the_main_window(main_window, qtbot, problems, downs,
                                                                            page) -> None:
    """Help, as in the main window: a click on Help in the record's menu bar, the arrow
    keys, Enter. The app's pages are the main window's; it comes to the front on that page."""
    shown = main_window.study_records.open_path(CTGOV / "NCT00973089.json")
    main_window.show_section("welcome")
    menu = shown.help_menu
    assert menu.title() == "&Help" and [action.text() for action in menu.actions()] == [
        "About this app", "Words and what they mean", "Where to get help"]
    bar = shown.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    qtbot.keyClick(menu, Qt.Key.Key_Down)  # a click opens the menu with nothing chosen: Down chooses the first
    for _ in range(downs):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.section_ids()[main_window.navigator.currentRow()] == page)
    assert shown.isVisible()  # the record stays open behind


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_page_the_main_window_has_not_yet_only_brings_it_forward(frame, problems) -> None:
    """A record dropped on the window at the very start, before the study's pages are in
    it: Help brings the main window to the front, on the page it shows, and nothing fails."""
    from explainer.ui.record_window import show_app_page

    shown = frame.study_records.open_path(CTGOV / "NCT00973089.json")
    row = frame.navigator.currentRow()
    frame.showMinimized()
    show_app_page(frame, "a-page-not-made-yet")
    assert not frame.isMinimized() and frame.navigator.currentRow() == row
    assert shown.isVisible()

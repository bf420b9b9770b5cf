"""An unexpected error: logged in the user's log folder, a kind dialog, answers kept."""

from __future__ import annotations

import datetime as dt
import sys
import threading
import warnings

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from explainer import crash
from explainer.paths import data_dir, log_dir

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports the deprecated pkg_resources
    import textstat


@pytest.fixture
def dialogs(monkeypatch) -> list:
    """Every crash dialog the app would have shown, as the log path it named."""
    asked: list = []
    monkeypatch.setattr(crash.CrashDialog, "ask", classmethod(lambda cls, log_file, **_: asked.append(log_file)))
    # Whatever a test installs, the hooks of the test session come back afterwards.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    return asked


def _boom() -> None:
    raise RuntimeError("a bug in a slot")


@pytest.mark.parametrize(("log_file", "must_say"), [
    (crash.Path("/home/ann/.local/state/trial-explainer/log/crash-1.log"),
     ["Your answers are kept", "/home/ann/.local/state/trial-explainer/log/crash-1.log",
      "send that file", "not your fault"]),
    (None, ["Your answers are kept", "could not write the details"]),
])
def test_the_message_is_kind_and_names_the_file(log_file, must_say) -> None:
    message = crash.crash_message(log_file)
    for words in must_say:
        assert words in message
    assert "Traceback" not in message and "Exception" not in message
    prose = message.replace(str(log_file), "")
    assert textstat.flesch_kincaid_grade(prose) <= 8


def test_the_log_holds_the_traceback_and_versions(tmp_path) -> None:
    try:
        _boom()
    except RuntimeError as err:
        path = crash.write_crash_log(type(err), err, err.__traceback__, tmp_path, dt.datetime(2026, 11, 24, 9, 5, 1))
    assert path.name == "crash-20261124-090501-000000.log"
    text = path.read_text(encoding="utf-8")
    assert "Trial Explainer 0.1.0 crashed at 2026-11-24T09:05:01" in text
    assert "Traceback (most recent call last)" in text and "in _boom" in text
    assert "RuntimeError: a bug in a slot" in text


@pytest.mark.qt_no_exception_capture  # the app's own hook must see the error, not pytest-qt's
def test_an_error_in_a_slot_shows_the_dialog_and_keeps_the_answers(main_window, qtbot, monkeypatch, dialogs) -> None:
    with crash.installed():
        window = main_window
        window.show_section("self-check")
        platelets = window.self_check.questionnaire.row("platelets").input.field
        with qtbot.waitSignal(window.session.answers_changed):
            qtbot.keyClicks(platelets, "88")
        monkeypatch.setattr(type(window), "show_section", lambda self, page_id: _boom())
        qtbot.mouseClick(window.self_check.summary.see_results, Qt.MouseButton.LeftButton)

    assert len(dialogs) == 1
    log_file = dialogs[0]
    assert log_file.parent == log_dir() and log_file.name.startswith("crash-")
    text = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: a bug in a slot" in text and "in _boom" in text
    draft = (data_dir() / "draft.answers.json").read_text(encoding="utf-8")
    assert '"platelets"' in draft and '"value": 88.0' in draft
    assert window.isVisible() and platelets.text() == "88"  # the app carries on


def test_an_error_before_the_window_exists_shows_the_dialog(qapp, monkeypatch, dialogs) -> None:
    from explainer import app

    def broken_build(*_args, **_kwargs):
        raise RuntimeError("broken at start-up")

    monkeypatch.setattr(app, "build_frame", broken_build)
    monkeypatch.setattr(type(qapp), "exec", lambda self: pytest.fail("no event loop without a window"))
    before = sys.excepthook
    assert app.run() == 1
    assert len(dialogs) == 1 and "broken at start-up" in dialogs[0].read_text(encoding="utf-8")
    assert sys.excepthook is before  # run() puts the previous hook back


def test_a_worker_thread_error_shows_the_dialog_from_the_main_thread(qapp, qtbot, monkeypatch, dialogs) -> None:
    shown_in = []
    monkeypatch.setattr(crash.CrashDialog, "ask", classmethod(
        lambda cls, log_file, **_: (dialogs.append(log_file), shown_in.append(threading.current_thread()))))
    with crash.installed() as handler:
        worker = threading.Thread(target=_boom)
        worker.start()
        worker.join()
        assert dialogs == []  # not from the worker: Qt widgets live in the main thread
        qtbot.waitUntil(lambda: len(dialogs) == 1)
    assert shown_in == [threading.main_thread()]
    assert dialogs[0] == handler.last_log and "a bug in a slot" in dialogs[0].read_text(encoding="utf-8")


def test_the_real_dialog_names_the_file(qapp, artifacts, tmp_path) -> None:
    seen = {}

    def look_and_close() -> None:
        box = QApplication.activeModalWidget()
        seen.update(title=box.windowTitle(), text=box.text(), flags=box.textInteractionFlags())
        box.grab().save(str(artifacts / "screenshots" / "crash-dialog.png"))
        box.accept()

    QTimer.singleShot(0, look_and_close)
    crash.CrashDialog.ask(tmp_path / "crash-1.log")
    assert seen["title"] == "Sorry, something went wrong"
    assert str(tmp_path / "crash-1.log") in seen["text"] and "Your answers are kept" in seen["text"]
    assert seen["flags"] & Qt.TextInteractionFlag.TextSelectableByMouse  # the path can be copied


def test_a_repeating_error_does_not_pile_up_dialogs(qapp, monkeypatch, dialogs) -> None:
    handler = crash.CrashHandler()

    def ask_and_fail_again(cls, log_file, **_):
        dialogs.append(log_file)
        handler.handle(RuntimeError, RuntimeError("again, while the dialog is open"), None)

    monkeypatch.setattr(crash.CrashDialog, "ask", classmethod(ask_and_fail_again))
    handler.handle(RuntimeError, RuntimeError("first"), None)
    assert len(dialogs) == 1
    logs = sorted(log_dir().glob("crash-*.log"))
    assert len(logs) == 2  # both were logged


def test_an_unwritable_log_folder_still_shows_the_dialog(qapp, monkeypatch, dialogs, tmp_path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the log folder should be", encoding="utf-8")
    monkeypatch.setattr(crash, "log_dir", lambda: blocked / "log")
    crash.CrashHandler().handle(RuntimeError, RuntimeError("disk trouble"), None)
    assert dialogs == [None]

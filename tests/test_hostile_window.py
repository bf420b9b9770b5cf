"""Hostile files and odd places in the window (issue 14 items 1, 3, 5 and 6), pytest-qt.

Every entry point (answers named on the command line, the draft offered at start,
Erase, Start fresh, the settings) meets a broken or hostile file: the window
stays, says one plain thing, and never loses or silently overwrites answers.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from explainer.content import load_questions
from explainer.core.answers import new_answers_file
from explainer.paths import data_dir, settings_file
from explainer.ui import self_check as sc
from explainer.ui.carried import EraseSharedQuestion
from tests.windows import started_window

Answers = load_questions().answers_model  # answers keyed by the shared question bank's questions
FIXTURES = Path(__file__).parent / "fixtures"
FULL = (FIXTURES / "full.answers.json").read_text(encoding="utf-8")


@pytest.fixture
def problems(monkeypatch) -> list[tuple[str, str]]:
    """The (title, message) of every plain problem dialog the self-check shows."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(sc.AnswersProblemDialog, "ask",
                        classmethod(lambda cls, parent, title, message: shown.append((title, message))))
    return shown


@pytest.fixture
def run_app(qapp, monkeypatch, qtbot):
    """app.run() as `trial-explainer [ANSWERS]` calls it, without the event loop; returns the window."""
    from explainer import app

    started = started_window(qapp, qtbot, monkeypatch)
    # exec() is replaced, so what run() leaves for idle time (the study, the
    # self-check and its draft offer, the timeline) is built before the window comes back.
    return lambda answers_path=None: started(lambda: app.run(answers_path=answers_path))


def _draft() -> Path:
    return data_dir() / "draft.answers.json"


def _kept(answers: Answers) -> None:
    sc.DraftStore().save(new_answers_file("NCT04883242", dt.date(2026, 11, 1), answers))


# --- Item 1 and 3: answers named at start, and the draft -----------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "5000 digits"])
def test_a_hostile_answers_file_named_at_start_gets_a_dialog_and_the_window_stays(run_app, problems, tmp_path,
                                                                                  kind) -> None:
    path = tmp_path / "hostile.answers.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.write_text(FULL.replace('"age_years": 64', '"age_years": ' + "9" * 5000), encoding="utf-8")
    window = run_app(path)
    assert window.isVisible()
    assert len(problems) == 1 and problems[0][0] == "These answers cannot be opened"
    assert "Nothing in the app was changed." in problems[0][1]
    assert "Traceback" not in problems[0][1] and "9999" not in problems[0][1]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "5000 digits", "broken JSON", "wrong version"])
def test_a_damaged_draft_is_reported_and_moved_aside_never_dropped(run_app, problems, kind) -> None:
    draft = _draft()
    draft.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(draft)
    elif kind == "dev-zero":
        draft.symlink_to("/dev/zero")
    elif kind == "5000 digits":
        draft.write_text(FULL.replace('"age_years": 64', '"age_years": ' + "9" * 5000), encoding="utf-8")
    elif kind == "broken JSON":
        draft.write_text(FULL[:300], encoding="utf-8")
    else:
        draft.write_text(FULL.replace('"version": 1', '"version": 7'), encoding="utf-8")
    window = run_app()
    assert len(problems) == 1
    title, message = problems[0]
    assert title == "Your kept answers could not be opened"
    backups = sorted(draft.parent.glob("damaged-draft-*.answers.json"))
    assert len(backups) == 1 and str(backups[0]) in message
    assert "did not delete them" in message
    assert not os.path.lexists(draft)  # the next keystroke writes a new draft, not over the old one
    window.self_check.questionnaire.row("age_years").input.field.setText("70")
    assert '"age_years": 70' in draft.read_text(encoding="utf-8")
    assert os.path.lexists(backups[0])


def test_a_damaged_draft_that_cannot_be_moved_is_never_written_over(qtbot, problems, monkeypatch) -> None:
    from explainer.app import build_main_window

    draft = _draft()
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text("{ half a file", encoding="utf-8")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sc.os, "rename", refuse)  # a read-only data folder (the tests run as root)
    window = build_main_window()
    qtbot.addWidget(window)
    assert window.self_check.offer_draft() is False
    assert "could not move the file aside (Permission denied)" in problems[0][1]
    assert "save them with File > Save answers" in problems[0][1]
    window.self_check.questionnaire.row("age_years").input.field.setText("70")
    assert draft.read_text(encoding="utf-8") == "{ half a file"
    assert window.self_check.answers_kept is False


def test_an_error_no_one_foresaw_at_start_goes_to_the_guard_and_the_window_stays(run_app, monkeypatch) -> None:
    from explainer import crash

    caught = []
    monkeypatch.setattr(crash.CrashHandler, "handle", lambda self, kind, err, tb: caught.append(kind))
    monkeypatch.setattr(sc.SelfCheck, "offer_draft", lambda self: 1 / 0)
    window = run_app()
    assert caught == [ZeroDivisionError]
    assert window.isVisible()


# --- Item 3: settings ------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["abc", "9" * 5000, "125, 150", ""])
def test_a_bad_text_size_setting_falls_back_to_100(qapp, value) -> None:
    from explainer.app import open_settings
    from explainer.ui.zoom import TextZoom

    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(f"[view]\ntext_zoom_percent={value}\n", encoding="utf-8")
    assert TextZoom(open_settings()).percent == 100


def test_a_good_text_size_setting_is_still_remembered(qapp) -> None:
    from explainer.app import open_settings
    from explainer.ui.zoom import TextZoom

    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text("[view]\ntext_zoom_percent=150\n", encoding="utf-8")
    assert TextZoom(open_settings()).percent == 150


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "too big"])
def test_a_settings_file_the_app_will_not_read_is_moved_aside(qapp, kind) -> None:
    from explainer.app import open_settings
    from explainer.ui.zoom import TextZoom

    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.write_text("[view]\ntext_zoom_percent=150\n" + "#" * 100_000, encoding="utf-8")
    assert TextZoom(open_settings()).percent == 100
    assert os.path.lexists(path.with_name("settings.ini.unusable"))


# --- Item 5: a read-only data folder ---------------------------------------------------------

def _read_only_draft(monkeypatch) -> None:
    """Deleting the draft fails as in a read-only folder (chmod means nothing to root)."""
    real_unlink = Path.unlink

    def unlink(self, missing_ok=False):
        if self.name == "draft.answers.json":
            raise PermissionError(13, "Permission denied", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)


def test_start_fresh_in_a_read_only_folder_says_what_was_not_cleared(run_app, problems, monkeypatch) -> None:
    _kept(Answers(heart_disease="no"))
    _read_only_draft(monkeypatch)
    monkeypatch.setattr(sc.RestoreDraftDialog, "ask", classmethod(lambda cls, parent, when: False))
    window = run_app()
    assert window.isVisible()
    title, message = problems[0]
    assert title == "Your kept answers were not cleared"
    assert "Permission denied" in message and str(_draft()) in message
    assert "offer them again" in message
    assert _draft().exists()


def test_erase_in_a_read_only_folder_says_the_copy_is_still_there(main_window, problems, monkeypatch) -> None:
    from explainer import crash

    check = main_window.self_check
    check.questionnaire.row("age_years").input.field.setText("70")
    assert _draft().exists()
    crashed = []
    monkeypatch.setattr(crash.CrashDialog, "ask", classmethod(lambda cls, *a, **k: crashed.append(a)))
    monkeypatch.setattr(sc.EraseAnswersDialog, "ask", classmethod(lambda cls, parent: True))
    monkeypatch.setattr(EraseSharedQuestion, "ask", classmethod(lambda cls, parent: False))  # keep the shared numbers
    _read_only_draft(monkeypatch)
    with crash.installed():
        action = next(a for a in main_window.file_menu.actions() if a.text().replace("&", "").startswith("Erase"))
        action.trigger()
    assert crashed == []  # no crash dialog claiming "Your answers are kept"
    title, message = problems[-1]
    assert title == "Your answers were not all erased"
    assert "could not be deleted (Permission denied)" in message and str(_draft()) in message
    assert _draft().exists()


def test_the_crash_dialog_does_not_claim_answers_are_kept_when_they_were_not(main_window, monkeypatch) -> None:
    from explainer import crash

    check = main_window.self_check
    monkeypatch.setattr(sc.DraftStore, "save", lambda self, answers: (_ for _ in ()).throw(OSError(28, "No space")))
    check.questionnaire.row("age_years").input.field.setText("70")
    assert check.answers_kept is False
    told = []
    monkeypatch.setattr(crash.CrashDialog, "ask", classmethod(lambda cls, log_file, answers_kept=True:
                                                              told.append(answers_kept)))
    handler = crash.CrashHandler()
    handler.answers_kept = lambda: check.answers_kept
    handler.tell_the_user(None)
    assert told == [False]
    message = crash.crash_message(None, answers_kept=False)
    assert "Your answers are kept" not in message and "save them with File > Save answers" in message


# --- Item 6: a number no report shows, typed in the window -------------------------------------

@pytest.mark.parametrize(("key", "text"), [("platelets", "1e308"), ("egfr", "1e20"), ("hemoglobin", "999999")])
def test_typing_a_number_no_report_shows_is_refused_beside_the_field(main_window, qtbot, key, text) -> None:
    check = main_window.self_check
    main_window.show_section("self-check")
    row = check.questionnaire.row(key)
    row.input.field.clear()
    qtbot.keyClicks(row.input.field, text)
    assert not row.problem.isHidden()
    assert "No lab report shows a number this large here" in row.problem.text()
    assert check.window.session.answers.answers.get(key) is None  # not used by the results
    for shown in (check.results.browser.toPlainText(), row.input.note.text(), row.problem.text()):
        assert not re.search(r"\binf\b|\d{20}", shown)  # no infinity, no 309-digit number


def test_a_unit_slip_is_still_asked_about_not_refused(main_window, qtbot) -> None:
    check = main_window.self_check
    main_window.show_section("self-check")
    row = check.questionnaire.row("platelets")
    combo = row.input.unit
    combo.setCurrentIndex(combo.findData("10^9/L"))
    row.input.field.clear()
    with qtbot.waitSignal(check.window.session.answers_changed):
        qtbot.keyClicks(row.input.field, "150000")
    assert row.problem.isHidden()
    assert "Did you mean 150,000/µL?" in row.input.note.text()
    assert QApplication.instance() is not None


# --- Items 1, 2 and 4 in the window: a trial file it cannot use is named, never a hang or a crash -----

def _trial_file(tmp_path: Path, kind: str) -> Path:
    import json

    from explainer.content import builtin_trial_path

    path = tmp_path / "trial.json"
    if kind == "fifo":
        os.mkfifo(path)
        return path
    data = json.loads(builtin_trial_path().read_text(encoding="utf-8"))
    phases = data["regimen"]["phases"]
    if kind == "a million cycles":
        phases[0]["cycles"] = 1_000_000
    elif kind == "no whole cycle":  # segfaulted the window (exit 139)
        phases[1]["cycle_length_days"], phases[1]["max_months"] = 365, 1
    elif kind == "compare on yes/no":
        data["criteria"][0]["rule"] = {"kind": "compare", "question": "can_consent", "op": ">=", "limit": 1,
                                       "unit": ""}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("kind", "words"), [
    ("fifo", "not an ordinary file"),
    ("a million cycles", "regimen.phases.0.cycles"),
    ("no whole cycle", "holds no whole 365-day cycle"),
    ("compare on yes/no", "cannot ask 'can_consent'"),
])
def test_a_trial_file_the_app_cannot_use_is_named_in_a_dialog(qapp, monkeypatch, tmp_path, kind, words) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from explainer import app

    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append((title, text)))
    # The study opens after the first paint, inside the event loop, which then ends
    # with status 2; a file that opened after all would end it with 99 instead.
    guard = QTimer(singleShot=True, interval=20_000)
    guard.timeout.connect(lambda: qapp.exit(99))
    guard.start()
    try:
        assert app.run(trial_path=_trial_file(tmp_path, kind)) == 2
    finally:
        guard.stop()  # never left running to end a later test's event loop
    assert len(told) == 1 and told[0][0] == "Trial Explainer cannot open the study"
    assert words in told[0][1]
    for window in QApplication.topLevelWidgets():
        window.close()


def test_a_second_damaged_draft_never_replaces_the_first_backup(tmp_path) -> None:
    store = sc.DraftStore(tmp_path / "draft.answers.json")
    when = dt.datetime(2026, 12, 5, 9, 30)
    backups = []
    for text in ("first damaged", "second damaged"):
        store.path.write_text(text, encoding="utf-8")
        backups.append(store.set_aside(when))
    assert [b.read_text(encoding="utf-8") for b in backups] == ["first damaged", "second damaged"]
    assert backups[1].name == "damaged-draft-20261205-093000-2.answers.json"


# Qt's file dialog keeps the folders and file names last used in QtProject.conf, 0644 by
# default: the names can say what a file is about, so the app makes it private first.
@pytest.mark.parametrize("before", ["missing", "0644", "symlink"])
def test_qt_s_file_dialog_history_is_private(qapp, tmp_path, before) -> None:
    import os
    import stat

    from explainer.app import make_application, qt_dialog_history

    history = qt_dialog_history()
    assert str(history).startswith(os.environ["XDG_CONFIG_HOME"])  # the test's own folder, not the user's
    history.parent.mkdir(parents=True, exist_ok=True)
    elsewhere = tmp_path / "someone-elses.conf"
    elsewhere.write_text("[x]\n", encoding="utf-8")
    elsewhere.chmod(0o644)
    if before == "0644":
        history.write_text("[FileDialog]\nlastVisited=file:///home/ann/myeloma\n", encoding="utf-8")
        history.chmod(0o644)
    elif before == "symlink":
        history.symlink_to(elsewhere)
    make_application()
    if before == "symlink":
        assert history.is_symlink() and stat.S_IMODE(elsewhere.stat().st_mode) == 0o644  # a link is left alone
    else:
        assert stat.S_IMODE(history.stat().st_mode) == 0o600
    if before == "0644":
        assert "lastVisited" in history.read_text(encoding="utf-8"), "its contents are kept"

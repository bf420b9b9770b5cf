"""Files the app writes (issue 14, items 9, 11 and 12): refused with one line where
writing would do harm, long names that work, leftovers of a killed save cleared,
private modes, and crash logs without the answers."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from explainer import crash
from explainer.cli import main
from explainer.paths import config_dir, data_dir, log_dir, settings_file

ANSWERS = Path(__file__).parent / "fixtures" / "full.answers.json"
CALENDAR = ["calendar", "--start-date", "2027-01-04", "-o"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _one_line(err: str) -> str:
    assert err.startswith("trial-explainer: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.fixture(autouse=True)
def _usual_umask():
    """Modes are checked under the usual umask, whatever the test runner has."""
    old = os.umask(0o022)
    yield
    os.umask(old)


# --- item 9: outputs refused with one line -------------------------------------------

@pytest.mark.parametrize("command", [["pdf", str(ANSWERS), "-o"], CALENDAR])
def test_a_write_protected_target_is_refused_and_kept(tmp_path, capsys, command) -> None:
    target = tmp_path / "kept.out"
    target.write_text("the user's own file", encoding="utf-8")
    target.chmod(0o444)
    assert main([*command, str(target)]) == 2
    assert "is write-protected, so it was not replaced" in _one_line(capsys.readouterr().err)
    assert target.read_text(encoding="utf-8") == "the user's own file" and _mode(target) == 0o444
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["kept.out"]


@pytest.mark.parametrize("ending", ["/", "//", "/."])
@pytest.mark.parametrize("command", [["pdf", str(ANSWERS), "-o"], CALENDAR])
def test_an_output_ending_in_a_slash_is_refused_not_written_as_a_file(tmp_path, capsys, command, ending) -> None:
    assert main([*command, f"{tmp_path}/new{ending}"]) == 2
    said = "is a folder" if ending == "/." else "ends in a slash, so it names a folder"
    assert said in _one_line(capsys.readouterr().err)
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("spelled", ["mine.answers.json", "./mine.answers.json", "link.json"])
def test_the_pdf_never_replaces_the_answers_file_it_reads(tmp_path, capsys, monkeypatch, spelled) -> None:
    monkeypatch.chdir(tmp_path)
    mine = tmp_path / "mine.answers.json"
    mine.write_bytes(ANSWERS.read_bytes())
    (tmp_path / "link.json").symlink_to(mine)
    assert main(["pdf", "mine.answers.json", "-o", spelled]) == 2
    assert "is a file this command reads, so it was not replaced" in _one_line(capsys.readouterr().err)
    assert mine.read_bytes() == ANSWERS.read_bytes()


def test_the_calendar_never_replaces_the_trial_file_it_reads(tmp_path, capsys) -> None:
    from explainer.content import builtin_trial_path

    trial = tmp_path / "trial.json"
    trial.write_bytes(builtin_trial_path().read_bytes())
    assert main([*CALENDAR[:-1], "--trial", str(trial), "-o", str(trial)]) == 2
    assert "is a file this command reads" in _one_line(capsys.readouterr().err)
    assert trial.read_bytes() == builtin_trial_path().read_bytes()


def test_a_pipe_or_device_as_output_is_refused(tmp_path, capsys) -> None:
    pipe = tmp_path / "out.ics"
    os.mkfifo(pipe)
    assert main([*CALENDAR, str(pipe)]) == 2
    assert "is not an ordinary file" in _one_line(capsys.readouterr().err)
    assert stat.S_ISFIFO(pipe.stat().st_mode)


@pytest.mark.parametrize("name", [
    "a" * 242 + ".ics",  # 246 bytes: the old temporary name was 10 bytes longer
    "b" * 247 + ".ics",
    "c" * 251 + ".ics",  # 255 bytes, the most a Linux folder allows
    "é" * 125 + ".ics",  # 254 bytes in 129 letters
])
def test_names_up_to_255_bytes_are_saved(tmp_path, capsys, name) -> None:
    assert 246 <= len(name.encode()) <= 255
    assert main([*CALENDAR, str(tmp_path / name)]) == 0, capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == [name]  # no temporary left


@pytest.mark.parametrize("length", [241, 255])  # the PDF's temporary name was 15 bytes longer
def test_pdf_names_of_241_to_255_bytes_are_saved(tmp_path, capsys, length) -> None:
    name = "d" * (length - 4) + ".pdf"
    assert main(["pdf", str(ANSWERS), "-o", str(tmp_path / name)]) == 0, capsys.readouterr().err
    assert (tmp_path / name).read_bytes().startswith(b"%PDF")


def test_the_window_saves_answers_under_a_255_byte_name_privately(main_window, tmp_path) -> None:
    target = tmp_path / ("e" * 242 + ".answers.json")
    assert len(target.name.encode()) == 255
    assert main_window.self_check.save_answers(target) is True
    assert json.loads(target.read_text(encoding="utf-8"))["trial"] == "NCT04883242"
    assert _mode(target) == 0o600  # QSaveFile had made it 0644


def test_the_window_refuses_a_write_protected_file(main_window, tmp_path, monkeypatch) -> None:
    from explainer.ui import export as export_ui
    from explainer.ui import self_check as self_check_ui

    said = []
    for module, dialog in ((self_check_ui, "AnswersProblemDialog"), (export_ui, "ExportProblemDialog")):
        monkeypatch.setattr(getattr(module, dialog), "ask",
                            classmethod(lambda cls, parent, title, text: said.append(text)))
    answers, pdf = tmp_path / "old.answers.json", tmp_path / "old.pdf"
    for path in (answers, pdf):
        path.write_text("keep me", encoding="utf-8")
        path.chmod(0o444)
    assert main_window.self_check.save_answers(answers) is False
    monkeypatch.setattr(export_ui.SavePdfDialog, "ask", classmethod(lambda cls, parent, name: pdf))
    assert main_window.pdf_export.save(b"%PDF-1.4", main_window) is None
    assert len(said) == 2 and all("is write-protected" in text for text in said)
    assert answers.read_text(encoding="utf-8") == pdf.read_text(encoding="utf-8") == "keep me"


# --- item 11: what a killed save leaves ---------------------------------------------

def _leave_killed_saves(folder: Path) -> list[Path]:
    """What `kill -9` during a draft save leaves: temporary files that hold answers
    (the old naming, and today's), next to files that are not the draft's."""
    folder.mkdir(parents=True, exist_ok=True)
    left = [folder / ".draft.answers.json.k3j_x9aa", folder / ".draft.answers.json.q8m2zz0p.part"]
    for path in left:
        path.write_text('{"answers": {"platelets": {"value": 42}}}', encoding="utf-8")
    return left


def test_temporary_draft_files_are_cleared_at_start(qtbot) -> None:
    from explainer.app import build_main_window

    left = _leave_killed_saves(data_dir())
    other = data_dir() / "notes.txt"
    other.write_text("not the app's temporary file", encoding="utf-8")
    window = build_main_window()
    qtbot.addWidget(window)
    assert [p for p in left if p.exists()] == []
    assert other.exists()


def test_erase_clears_temporary_draft_files_too(main_window, monkeypatch) -> None:
    from explainer.ui import self_check as sc

    left = _leave_killed_saves(data_dir())
    monkeypatch.setattr(sc.EraseAnswersDialog, "ask", classmethod(lambda cls, parent: True))
    erase = next(a for a in main_window.file_menu.actions() if a.text() == "&Erase my answers…")
    erase.trigger()
    assert [p for p in left if p.exists()] == []
    assert not (data_dir() / "draft.answers.json").exists()


# --- item 12: private folders and files; no answers in logs -----------------------------

def test_a_start_makes_the_folders_private_even_if_an_old_version_made_them_open(tmp_path) -> None:
    for folder in (data_dir(), config_dir(), log_dir()):
        folder.mkdir(parents=True)
        folder.chmod(0o755)
    settings_file().write_text("[General]\n", encoding="utf-8")
    settings_file().chmod(0o644)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIAL_EXPLAINER_SMOKE="1")
    done = subprocess.run([sys.executable, "-m", "explainer"], env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert {str(f): oct(_mode(f)) for f in (data_dir(), config_dir(), log_dir())} == \
        {str(f): "0o700" for f in (data_dir(), config_dir(), log_dir())}
    assert _mode(settings_file()) == 0o600


def test_the_draft_the_settings_and_a_crash_log_are_private(main_window, qtbot) -> None:
    for folder in (data_dir(), config_dir(), log_dir()):
        assert not folder.exists() or _mode(folder) == 0o700
    main_window.show_section("self-check")
    field = main_window.self_check.questionnaire.row("platelets").input.field
    with qtbot.waitSignal(main_window.session.answers_changed):
        qtbot.keyClicks(field, "88")
    draft = data_dir() / "draft.answers.json"
    assert _mode(draft) == 0o600 and _mode(data_dir()) == 0o700
    main_window.settings.sync()
    assert _mode(settings_file()) == 0o600 and _mode(config_dir()) == 0o700
    try:
        raise RuntimeError("a bug")
    except RuntimeError as err:
        log = crash.write_crash_log(type(err), err, err.__traceback__)
    assert _mode(log) == 0o600 and _mode(log_dir()) == 0o700


def _raise_with_answers(value: str) -> BaseException:
    """Errors that quote an answer, as library code does."""
    try:
        try:
            float(value)  # "could not convert string to float: '...'"
        except ValueError as inner:
            raise RuntimeError(f"platelets answer {value} in {{'platelets': {value!r}}}") from inner
    except RuntimeError as err:
        return err
    raise AssertionError("no error")


@pytest.mark.parametrize("answer", ["123457x", "88.25e3q", "1965-04-17z", "412,000/uL?"])
def test_a_crash_log_keeps_the_traceback_but_not_the_answers(tmp_path, answer) -> None:
    err = _raise_with_answers(answer)
    log = crash.write_crash_log(type(err), err, err.__traceback__, tmp_path, dt.datetime(2026, 12, 5, 9, 0, 0))
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: platelets answer" in text and "ValueError: could not convert string to float" in text
    assert "in _raise_with_answers" in text and "direct cause" in text  # where it broke is kept
    digits = "".join(c for c in answer if c.isdigit())
    for leak in (answer, digits[:4], digits[-4:]):
        assert leak not in text.split("crashed at")[1].split("\n", 3)[3], f"{leak!r} is in the log"


def test_the_pydantic_error_of_an_answer_is_kept_out_of_the_log_and_stderr(tmp_path, capsys, monkeypatch) -> None:
    from pydantic import ValidationError

    from explainer.content import load_questions

    monkeypatch.setattr(crash, "log_dir", lambda: tmp_path)
    try:
        load_questions().answers_file_model.model_validate({"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242",
                                    "as_of": "2026-11-23", "answers": {"age_years": "seventy-3 on 1959-02-11"}})
    except ValidationError as err:
        handler = crash.CrashHandler()
        monkeypatch.setattr(handler, "tell_the_user", lambda log_file: None)
        handler.handle(type(err), err, err.__traceback__)
    text = handler.last_log.read_text(encoding="utf-8")
    stderr = capsys.readouterr().err
    assert "ValidationError" in text and "ValidationError" in stderr
    for shown in (text, stderr):
        assert "seventy" not in shown and "1959" not in shown

"""`trial-explainer --trial RECORD [--study NCT…]`: the window starts as usual, with its
own study, and opens the record in its record window just as File > Open study record
does (interfaces.md §3: --trial takes a ClinicalTrials.gov record on any command).

Driven through the real start (explainer.cli.main -> _run_app -> app.run) with the event
loop's exec() replaced, as tests/test_hostile_window.py does; the rest of the start
(the record, the study, the self-check) then runs in qtbot.waitUntil's event loop.
The picker is answered with real keys; the one-sentence dialog through its ask() seam."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from explainer import cli
from explainer.content import builtin_trial_path
from explainer.records_io import RecordFileError, read_record
from explainer.trial_kind import STUDY_NEEDS_RECORD, record_for_the_window
from explainer.ui import study_records
from tests.conftest import FIXTURES
from tests.test_record_window_gui import _search_response, _when_modal
from tests.windows import started_window

CTGOV = FIXTURES / "ctgov"
BUILT_IN = "NCT04883242"


@pytest.fixture
def problems(monkeypatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(study_records.RecordProblem, "ask",
                        classmethod(lambda cls, parent, title, sentence: said.append((title, sentence))))
    return said


@pytest.fixture
def start(qapp, qtbot, monkeypatch):
    """`trial-explainer ARGS` up to its event loop; returns the main window once built."""
    started = started_window(qapp, qtbot, monkeypatch)
    return lambda *args: started(lambda: cli.main(list(args)))


def _several(tmp_path: Path) -> Path:
    return _search_response(tmp_path)  # NCT00184067, NCT05147467, NCT00973089


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.json"
    path.write_bytes((CTGOV / "NCT04431453.json").read_bytes()[:5000])  # cut off mid-record
    return path


def _plain(path: Path) -> str:
    """What File > Open study record says of ``path``."""
    with pytest.raises(RecordFileError) as caught:
        read_record(path)
    return caught.value.plain


# (case, the record file, --study, the study that opens)
OPENS = [
    ("bare study", lambda tmp: CTGOV / "NCT04431453.json", None, "NCT04431453"),
    ("bare study, its own number", lambda tmp: CTGOV / "NCT04431453.json", "NCT04431453", "NCT04431453"),
    ("studies list of one", lambda tmp: CTGOV / "NCT05147467.json", None, "NCT05147467"),
    ("studies list of one, its number", lambda tmp: CTGOV / "NCT06388018.json", "nct06388018", "NCT06388018"),
    ("several, --study picks one", _several, "NCT00973089", "NCT00973089"),
]


@pytest.mark.parametrize(("kind", "record", "number", "opened"), OPENS, ids=[row[0] for row in OPENS])
def test_a_record_on_the_command_line_opens_in_its_record_window(start, problems, tmp_path, no_connections,
                                                                 kind, record, number, opened) -> None:
    args = ["--trial", str(record(tmp_path))] + (["--study", number] if number else [])
    window = start(*args)
    assert problems == []
    shown = window.study_records.windows[opened]
    assert list(window.study_records.windows) == [opened] and shown.isVisible()
    assert shown.study.nct_id == opened and shown.navigator.currentRow() == 0  # as File > Open shows it
    assert window.trial.nct_id == BUILT_IN and window.trial_path is None  # the window keeps its own study


def test_several_studies_without_study_are_offered_in_the_list(start, problems, tmp_path, qtbot) -> None:
    offered: list[str] = []

    def pick_third(dialog) -> None:
        table = dialog.table
        offered.extend(table.item(row, 0).text() for row in range(table.rowCount()))
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Return)

    _when_modal(qtbot, pick_third)
    window = start("--trial", str(_several(tmp_path)))
    assert offered == ["NCT00184067", "NCT05147467", "NCT00973089"]
    assert list(window.study_records.windows) == ["NCT00973089"] and problems == []


WEB_PAGE = b"<!DOCTYPE html><html><body>ClinicalTrials.gov</body></html>"

# (case, record file, --study, the dialog's title, its sentence)
REFUSED = [
    ("a number not in the file", _several, "NCT00000000", "This study cannot be opened",
     lambda tmp: "This file has no study NCT00000000; it holds NCT00184067, NCT05147467, NCT00973089."),
    ("not a study number", lambda tmp: CTGOV / "NCT04431453.json", "4431453", "This study cannot be opened",
     lambda tmp: "That is not a study number ('4431453'); a study number is NCT and 8 digits, like NCT04883242."),
    ("a damaged record", _damaged, None, "This file cannot be opened", lambda tmp: _plain(_damaged(tmp))),
    ("a damaged record with --study", _damaged, "NCT04431453", "This file cannot be opened",
     lambda tmp: _plain(_damaged(tmp))),
    ("a web page", lambda tmp: _written(tmp, WEB_PAGE), None, "This file cannot be opened",
     lambda tmp: _plain(_written(tmp, WEB_PAGE))),
    ("an empty list of studies", lambda tmp: _written(tmp, b'{"studies": []}'), None,
     "This file cannot be opened", lambda tmp: _plain(_written(tmp, b'{"studies": []}'))),
]


def _written(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "record.json"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("case", "record", "number", "title", "sentence"), REFUSED, ids=[row[0] for row in REFUSED])
def test_a_record_the_app_cannot_use_is_one_sentence_and_the_window_goes_on(start, problems, tmp_path,
                                                                            case, record, number, title,
                                                                            sentence) -> None:
    args = ["--trial", str(record(tmp_path))] + (["--study", number] if number else [])
    window = start(*args)
    expected = sentence(tmp_path)
    assert problems == [(title, expected)]
    assert "\n" not in expected and str(tmp_path) not in expected  # one sentence, no path
    assert window.study_records.windows == {}
    assert window.isVisible() and window.trial.nct_id == BUILT_IN and hasattr(window, "self_check")


def test_a_trial_file_with_trial_is_still_the_window_s_study(start, problems) -> None:
    window = start("--trial", str(builtin_trial_path()))
    assert window.trial_path == builtin_trial_path() and window.trial.nct_id == BUILT_IN
    assert window.study_records.windows == {} and problems == []


# ---------------------------------------------------------------- which --trial is a record

def _app_trial(tmp: Path) -> Path:
    return _written(tmp, builtin_trial_path().read_bytes())


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe.json"
    os.mkfifo(path)
    return path


# (case, the --trial path, --study, a record to open: True, the window's study: False, or the one line)
KINDS = [
    ("no --trial", lambda tmp: None, None, False),
    ("a study folder", lambda tmp: tmp, None, False),
    ("the app's trial file", _app_trial, None, False),
    ("a trial file with a mistake", lambda tmp: _written(tmp, b'{"format": "trial-explainer-trail"}'), None, False),
    ("an empty object: the trial file's fields are named", lambda tmp: _written(tmp, b" { } \n"), None, False),
    ("a missing file", lambda tmp: tmp / "missing.json", None, False),
    ("a pipe", _fifo, None, False),
    ("a bare record", lambda tmp: CTGOV / "NCT04431453.json", None, True),
    ("a studies list", lambda tmp: CTGOV / "NCT05147467.json", "NCT05147467", True),
    ("a web page: a record the reader refuses", lambda tmp: _written(tmp, b"<html></html>"), None, True),
    ("--study alone", lambda tmp: None, "NCT04431453", STUDY_NEEDS_RECORD),
    ("--study with a trial file", _app_trial, "NCT04883242", STUDY_NEEDS_RECORD),
]


@pytest.mark.parametrize(("case", "path", "number", "kind"), KINDS, ids=[row[0] for row in KINDS])
def test_the_window_tells_a_record_from_its_own_study(tmp_path, case, path, number, kind) -> None:
    trial = path(tmp_path)
    if isinstance(kind, str):
        with pytest.raises(cli.UsageError, match=kind):
            record_for_the_window(trial, number)
        return
    assert record_for_the_window(trial, number) == (trial if kind else None)


def test_telling_a_record_loads_no_study_model_before_the_first_paint() -> None:
    probe = ("import sys\nfrom pathlib import Path\nfrom explainer.trial_kind import record_for_the_window\n"
             f"print(record_for_the_window(Path({str(CTGOV / 'NCT04431453.json')!r}), None) is not None,"
             " 'pydantic' in sys.modules, 'explainer.records_io' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["True", "False", "False"]


@pytest.mark.slow
def test_the_testers_command_opens_the_window_and_the_record() -> None:
    """`trial-explainer --trial NCT04431453.json` (it said "A file the app needs is damaged
    or missing" and ended): with the smoke switch, the window, its study and the record
    each say they opened, and the run ends once all is built (a dialog would wait)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIAL_EXPLAINER_SMOKE="1")
    out = subprocess.run([sys.executable, "-m", "explainer", "--trial", str(CTGOV / "NCT04431453.json")],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert sorted(out.stdout.splitlines()) == [
        "record opened: Study NCT04431453: Study of Remdesivir in Participants Below 18 Years Old With COVID-19",
        f"study opened: Trial Explainer: study {BUILT_IN}", "window shown: Trial Explainer"]


def test_study_without_a_record_is_one_line_and_no_window(tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "explainer", "--trial", str(builtin_trial_path()),
                          "--study", "NCT04883242"], capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.splitlines() == [f"trial-explainer: {STUDY_NEEDS_RECORD}"]

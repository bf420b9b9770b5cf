"""One window per user (issue 14, item 10): two windows at once lost one window's
answers (the last save won). A second start now brings the first window to the
front and hands it its answers file; a lock left by a killed app does not block."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explainer.paths import data_dir
from explainer.single_window import LOCK_NAME, _read_request
from tests.xvfb import display_env, xvfb_display

ANSWERS = Path(__file__).parent / "fixtures" / "full.answers.json"
RECORDS = Path(__file__).parent / "fixtures" / "ctgov"
APP = [sys.executable, "-m", "explainer"]


def _wait_for(check, what: str, limit: float = 120.0) -> None:
    """Poll until ``check()`` holds; a limit only so a broken app fails instead of hanging."""
    deadline = time.monotonic() + limit
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.2)


@pytest.mark.slow
def test_a_second_start_brings_the_first_window_forward_with_its_answers(tmp_path) -> None:
    lock, draft = data_dir() / LOCK_NAME, data_dir() / "draft.answers.json"
    with xvfb_display() as display:
        env = display_env(display)
        first = subprocess.Popen(APP, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _wait_for(lock.exists, "the first window to take the lock")
            second = subprocess.run([*APP, str(ANSWERS)], env=env, capture_output=True, text=True, timeout=120)
            assert second.returncode == 0, second.stderr
            assert "already open: its window was brought to the front" in second.stderr
            # The first window opened the file it was handed: its draft now holds those answers.
            _wait_for(lambda: draft.exists() and json.loads(draft.read_text(encoding="utf-8"))["answers"]
                      == json.loads(ANSWERS.read_text(encoding="utf-8"))["answers"], "the answers in the first window")
            assert first.poll() is None, "the first window is still open"
            assert stat_mode(lock) == 0o600
        finally:
            os.kill(first.pid, signal.SIGKILL)  # as a crash or a power cut would: the lock stays behind
            first.communicate(timeout=60)
        assert lock.exists()
        draft.unlink()  # so the next start asks nothing
        env["TRIAL_EXPLAINER_SMOKE"] = "1"
        third = subprocess.run(APP, env=env, capture_output=True, text=True, timeout=180)
        assert third.returncode == 0, third.stderr
        assert "window shown: Trial Explainer" in third.stdout, "a killed app's lock does not block the next start"
        assert not lock.exists(), "released when the window closes"


@pytest.mark.slow
def test_a_second_start_with_a_study_record_opens_it_in_the_first_window() -> None:
    """``trial-explainer --trial RECORD`` while the window is open: the record opens
    there, as in a first start (it is kept in the studies folder as it opens); the
    second start used to bring the window forward and drop the record."""
    lock, kept = data_dir() / LOCK_NAME, data_dir() / "studies" / "NCT04267848.json"
    with xvfb_display() as display:
        env = display_env(display)
        first = subprocess.Popen(APP, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _wait_for(lock.exists, "the first window to take the lock")
            second = subprocess.run([*APP, "--trial", str(RECORDS / "NCT04267848.json")], env=env,
                                    capture_output=True, text=True, timeout=120)
            assert second.returncode == 0, second.stderr
            assert "already open: its window was brought to the front" in second.stderr
            _wait_for(kept.exists, "the record opened in the first window")
            assert first.poll() is None, "the first window is still open"
        finally:
            first.terminate()
            first.communicate(timeout=60)


def test_a_record_handed_over_reaches_the_running_window(qapp, tmp_path) -> None:
    from explainer.single_window import SingleWindow

    running = SingleWindow(tmp_path)
    assert running.claim() is True
    raised, records = [], []
    running.raise_requested.connect(raised.append)
    running.record_requested.connect(lambda record, study: records.append((record, study)))
    record = tmp_path / "several.json"
    assert SingleWindow(tmp_path).hand_over(None, record, "NCT01234567") is True
    assert SingleWindow(tmp_path).hand_over(ANSWERS) is True  # answers only: no record asked for
    assert raised == [None, ANSWERS.resolve()]
    assert records == [(record.resolve(), "NCT01234567")]
    running.release()


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.parametrize(("content", "wanted"), [
    ('{"open": null}', None),
    ('{"open": "/home/ann/mine.answers.json"}', Path("/home/ann/mine.answers.json")),
    ('{"open": 5}', False),
    ("[1, 2]", False),
    ("not json", False),
    ("[" * 10_000, False),  # nested too deep
    ('{"open": "' + "x" * 20_000 + '"}', False),  # too big to be a request
])
def test_a_request_file_is_read_carefully(tmp_path, content, wanted) -> None:
    request = tmp_path / "raise-request-1.json"
    request.write_text(content, encoding="utf-8")
    assert _read_request(request) == wanted


@pytest.mark.parametrize(("content", "wanted"), [
    ('{"open": null}', None),
    ('{"open": null, "record": "/home/ann/studies.json", "study": null}', (Path("/home/ann/studies.json"), None)),
    ('{"open": null, "record": "/home/ann/studies.json", "study": "NCT01234567"}',
     (Path("/home/ann/studies.json"), "NCT01234567")),
    ('{"open": null, "record": 5, "study": null}', None),
    ('{"open": null, "record": "/home/ann/studies.json", "study": ["NCT01234567"]}', None),
    ("[1, 2]", None),
])
def test_a_record_in_a_request_is_read_carefully(tmp_path, content, wanted) -> None:
    from explainer.single_window import _record_in, _request_fields

    request = tmp_path / "raise-request-1.json"
    request.write_text(content, encoding="utf-8")
    assert _record_in(_request_fields(request)) == wanted


def test_a_request_that_is_a_link_or_a_pipe_is_ignored(tmp_path) -> None:
    link = tmp_path / "raise-request-1.json"
    link.symlink_to("/etc/passwd")
    pipe = tmp_path / "raise-request-2.json"
    os.mkfifo(pipe)
    assert _read_request(link) is False and _read_request(pipe) is False  # a pipe would hang a read


def test_a_running_window_keeps_the_lock_but_a_damaged_lock_does_not_block(qapp, tmp_path) -> None:
    from explainer.single_window import SingleWindow

    first = SingleWindow(tmp_path / "live")
    assert first.claim() is True
    assert SingleWindow(tmp_path / "live").claim() is False  # it names a running process
    first.release()
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / LOCK_NAME).write_text("cut short by a full disk", encoding="utf-8")
    os.utime(junk / LOCK_NAME, (0, 0))  # left long ago
    taker = SingleWindow(junk)
    assert taker.claim() is True and taker.lock.isLocked()  # Qt alone would refuse it for ever
    taker.release()
    odd = tmp_path / "odd"
    (odd / LOCK_NAME).mkdir(parents=True)  # not a file at all: start without a lock
    assert SingleWindow(odd).claim() is True


def test_a_window_that_claimed_without_listening_takes_requests_once_it_listens(qapp, qtbot, tmp_path) -> None:
    """run() claims the window before its first paint and listens just after it: a
    request a second start left meanwhile is taken then, and later ones as they come."""
    from explainer.single_window import SingleWindow

    single = SingleWindow(tmp_path)
    heard: list[object] = []
    single.raise_requested.connect(heard.append)
    assert single.claim(listen=False) is True
    early = tmp_path / "raise-request-1.json"
    early.write_text('{"open": null}', encoding="utf-8")
    qtbot.wait(50)
    assert single.watcher is None and early.exists() and heard == []  # not heard yet
    single.listen()
    qtbot.waitUntil(lambda: not early.exists(), timeout=10_000)
    assert heard == [None]
    (tmp_path / "raise-request-2.json").write_text('{"open": "/home/ann/mine.answers.json"}', encoding="utf-8")
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=10_000)
    assert heard[1] == Path("/home/ann/mine.answers.json")
    single.release()

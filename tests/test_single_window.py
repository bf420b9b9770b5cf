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

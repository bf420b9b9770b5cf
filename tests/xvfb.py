"""A real X display for end-to-end tests: start Xvfb, run the app, photograph the screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# Runs in a separate process on the Xvfb display: grabs the whole screen and says
# how many distinct colours it saw, so the caller can tell a drawn window from black.
_GRAB = r"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
image.save(sys.argv[1])
print(len(colours))
"""


@contextmanager
def xvfb_display(size: str = "1280x900x24") -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: ./dev test installs it (Debian package xvfb)")
    for _attempt in range(3):
        server, display = _start_xvfb(size)
        if display is not None:
            break
    else:
        pytest.fail("Xvfb did not start a display in 3 tries")
    try:
        yield display
    finally:
        server.terminate()
        server.wait(10)


def _start_xvfb(size: str) -> tuple[subprocess.Popen, str | None]:
    """One Xvfb and the display it chose, or None when it died at once: two servers
    starting together (other test runs on the same machine) can both pick the same
    free number, and the loser exits after announcing it."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write_fd,), stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    socket_file = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 2.0
    while number and server.poll() is None and not socket_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # another process: no signal to wait on
    time.sleep(0.2)  # a server that lost the race exits within this
    if not number or server.poll() is not None:
        server.wait(10)
        return server, None
    return server, f":{number}"


def display_env(display: str) -> dict[str, str]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    return env


def screenshot(display: str, path: Path, min_colours: int = 20, timeout: float = 30.0) -> int:
    """Wait until the screen shows a drawn window (many colours), save it, return the colour count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    colours = 0
    while time.monotonic() < deadline:
        out = subprocess.run([sys.executable, "-c", _GRAB, str(path)], env=display_env(display),
                             capture_output=True, text=True, timeout=60)
        colours = int(out.stdout.strip() or 0)
        if colours >= min_colours:
            return colours
        time.sleep(0.5)
    return colours


NO_DISPLAY = "could not connect to display"


class _DisplayLost(Exception):
    """The app could not reach the X server it was given: the display, not the app."""


def photograph_app(command: list[str], shot: Path, ready: Path | None = None, timeout: float = 30.0,
                   size: str = "1280x900x24") -> str:
    """Start ``command`` (the app) on a fresh Xvfb display, photograph it to ``shot``
    once drawn, and return what it printed on stderr.

    With ``ready``, wait first until the app creates that file (it scrolled or typed
    what the picture should show). The app must still be running when photographed,
    must have drawn a window, and must not have printed a traceback. Only when the app
    could not connect to the fresh display at all (now and then Xvfb announces a
    display a moment before it accepts clients) is it started once more, on a new one.
    """
    try:
        return _photograph_once(command, shot, ready, timeout, size)
    except _DisplayLost:
        if ready is not None:
            ready.unlink(missing_ok=True)
        return _photograph_once(command, shot, ready, timeout, size)


def _still_running(app: subprocess.Popen) -> None:
    if app.poll() is not None:
        err = app.communicate()[1]
        if NO_DISPLAY in err:
            raise _DisplayLost(err)
        raise AssertionError(err)


def _photograph_once(command: list[str], shot: Path, ready: Path | None, timeout: float, size: str) -> str:
    with xvfb_display(size) as display:
        app = subprocess.Popen(command, env=display_env(display), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + timeout
            while ready is not None and not ready.exists() and app.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)  # another process: no Qt signal to wait on
            _still_running(app)
            assert ready is None or ready.exists(), "the app never said the screen was ready"
            colours = screenshot(display, shot)
            _still_running(app)
        finally:
            if app.poll() is None:
                app.terminate()
                _out, err = app.communicate(timeout=20)
    assert colours >= 20, "the screen stayed blank: no window was drawn"
    assert "Traceback" not in err
    assert shot.stat().st_size > 10_000
    return err

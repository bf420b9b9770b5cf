"""The real app, started as a user would, on a real (virtual) X display."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.xvfb import display_env, screenshot, xvfb_display

pytestmark = pytest.mark.slow


def test_app_opens_its_window_under_xvfb(artifacts, private_user_folders) -> None:
    shot = artifacts / "screenshots" / "main-window.png"
    with xvfb_display() as display:
        app = subprocess.Popen([sys.executable, "-m", "explainer"], env=display_env(display),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            colours = screenshot(display, shot)
            assert app.poll() is None, app.communicate()[1]
        finally:
            app.terminate()
            _out, err = app.communicate(timeout=20)
    assert colours >= 20, "the screen stayed blank: no window was drawn"
    assert "Traceback" not in err
    assert shot.stat().st_size > 10_000

"""The timeline on a real (virtual) X display, with a first treatment day set: at the
normal text size and at 200%. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import sys

import pytest

from tests.xvfb import photograph_app

pytestmark = pytest.mark.slow

_TIMELINE = r"""
import datetime as dt, sys
from explainer.app import build_main_window, make_application
app = make_application()
window = build_main_window()
window.zoom.set_percent(int(sys.argv[1]))
window.show()
window.show_section("timeline")
view = window.timeline
view.personal.set_start(dt.date(2027, 1, 4))
view.grid.setFocus()
view.grid.set_focus_cell(7, 0)
from PySide6.QtCore import QTimer
# Once laid out at its final size: scroll so the cycle grid is in view.
def scroll_to_grid():
    window.activateWindow()  # no window manager on Xvfb: take the keyboard focus ourselves
    view.grid.setFocus()
    view.verticalScrollBar().setValue(view.cycle_heading.y() - 6)
    open(sys.argv[2], "w").close()  # tell the test the page is ready to photograph
QTimer.singleShot(300, scroll_to_grid)
app.exec()
"""


@pytest.mark.parametrize(("zoom", "name"), [(100, "timeline.png"), (200, "timeline-200.png")])
def test_timeline_with_a_start_date(artifacts, tmp_path, private_user_folders, zoom, name) -> None:
    shot = artifacts / "screenshots" / name
    photograph_app([sys.executable, "-c", _TIMELINE, str(zoom), str(tmp_path / "ready")], shot,
                   ready=tmp_path / "ready")

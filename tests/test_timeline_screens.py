"""The timeline on a real (virtual) X display, with a first treatment day set: at the
normal text size and at 200% (there scrolled to the cycle's last week, where the
medicine names must still show), once in the high-contrast theme. Screenshots go
to artifacts/screenshots/."""

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
window.theme.set_high_contrast(sys.argv[3] == "high-contrast")
window.show()
window.show_section("timeline")
view = window.timeline
view.personal.set_start(dt.date.fromisoformat(sys.argv[4]))
view.grid.setFocus()
view.grid.set_focus_cell(7, 0)
from PySide6.QtCore import QTimer
# Once laid out at its final size: scroll so the cycle grid is in view.
def scroll_to_grid():
    window.activateWindow()  # no window manager on Xvfb: take the keyboard focus ourselves
    view.grid.setFocus()
    if int(sys.argv[1]) > 100:  # the days scroll: the last week from its first day, 22, in focus
        view.grid.set_focus_cell(21, 0)
        view.grid_scroller.horizontalScrollBar().setValue(21 * view.grid.grid_geometry().cell)
        view.verticalScrollBar().setValue(view.caption.y() - 6)
    else:
        view.verticalScrollBar().setValue(view.cycle_heading.y() - 6)
    open(sys.argv[2], "w").close()  # tell the test the page is ready to photograph
QTimer.singleShot(300, scroll_to_grid)
app.exec()
"""

# The last shot starts on December 20: scrolled to the last week, the month that
# began off to the left (January, on day 13) must still be named above the dates.
SHOTS = [(100, "normal", "timeline.png", "2027-01-04"), (200, "normal", "timeline-200.png", "2027-01-04"),
         (200, "high-contrast", "timeline-200-high-contrast.png", "2027-01-04"),
         (150, "normal", "timeline-150-december.png", "2026-12-20")]


@pytest.mark.parametrize(("zoom", "theme", "name", "start"), SHOTS, ids=[s[2] for s in SHOTS])
def test_timeline_with_a_start_date(artifacts, tmp_path, private_user_folders, zoom, theme, name, start) -> None:
    shot = artifacts / "screenshots" / name
    photograph_app([sys.executable, "-c", _TIMELINE, str(zoom), str(tmp_path / "ready"), theme, start], shot,
                   ready=tmp_path / "ready")

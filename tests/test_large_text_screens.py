"""The real window on a real (virtual) X display of a 1280 x 800 laptop: at 250% text
(its width checked against the screen), and in high contrast after switching the
theme twice while the app runs. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import re
import sys

import pytest

from tests.xvfb import photograph_app

pytestmark = pytest.mark.slow

_SHOW = r"""
import datetime as dt, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from explainer.app import build_main_window, make_application
app = make_application()
window = build_main_window()
window.show()
section, percent, switches, ready = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
window.timeline.personal.set_start(dt.date(2027, 1, 4))
rows = window.self_check.questionnaire.rows
rows["serum_m_protein"].input.field.setText("12")
rows["serum_m_protein"].input.unit.setCurrentIndex(1)
def act():
    window.activateWindow()  # no window manager on Xvfb
    window.zoom.set_percent(percent)
    for _ in range(switches):
        window.high_contrast_action.trigger()
    window.show_section(section)
    QTimer.singleShot(300, finish)
def finish():
    page = window.stack.currentWidget()
    if section == "self-check":
        field = rows["serum_m_protein"].input.field
        field.setFocus()
        window.self_check.questionnaire.ensureWidgetVisible(rows["serum_m_protein"].input.note)
    elif section == "timeline":
        view = window.timeline
        view.verticalScrollBar().setValue(view.grid_scroller.y())
    geometry = window.frameGeometry()
    screen = window.screen().availableGeometry()
    print(f"window {geometry.width()} screen {screen.width()} nav {window.navigator.width()}", file=sys.stderr, flush=True)
    open(ready, "w").close()
QTimer.singleShot(300, act)
app.exec()
"""

SHOTS = [("self-check", 250, 0), ("timeline", 250, 0), ("who-can-join", 250, 0), ("self-check-results", 250, 0),
         ("self-check", 100, 2), ("timeline", 100, 2)]


@pytest.mark.parametrize(("section", "percent", "switches"), SHOTS,
                         ids=[f"{s}-{p}-{n}switches" for s, p, n in SHOTS])
def test_on_a_1280_by_800_screen(section, percent, switches, artifacts, tmp_path, private_user_folders) -> None:
    settings = private_user_folders / "config" / "trial-explainer" / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[view]\nhigh_contrast={'true' if switches else 'false'}\n", encoding="utf-8")
    name = f"laptop-{section}-{percent}" + ("-high-contrast-after-2-switches" if switches else "")
    shot = artifacts / "screenshots" / f"{name}.png"
    err = photograph_app([sys.executable, "-c", _SHOW, section, str(percent), str(switches), str(tmp_path / "ready")],
                         shot, ready=tmp_path / "ready", size="1280x800x24")
    window, screen = map(int, re.search(r"window (\d+) screen (\d+)", err).groups())
    assert screen == 1280
    assert window <= screen

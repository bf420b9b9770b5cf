"""Text at 200% on a real (virtual) X display: a few sections photographed as a user
with large text would see them, one in the high-contrast theme. The pictures go to
artifacts/screenshots/ to be looked at; the test checks the app drew and stayed up."""

from __future__ import annotations

import sys

import pytest

from tests.xvfb import photograph_app

pytestmark = pytest.mark.slow

_SHOW = r"""
import sys
from explainer.app import build_main_window, make_application
app = make_application()
window = build_main_window()
window.show()
window.show_section(sys.argv[1])
page = window.stack.currentWidget()
if sys.argv[2] == "meaning":  # a word's meaning open in the panel, as after a click
    page.definition.show_term(window.glossary.by_id("induction"))
window.activateWindow()
window.navigator.setFocus()
app.exec()
"""

SHOTS = [("medicines", False, ""), ("medicine-pomalidomide", False, ""), ("what-happens", False, "meaning"),
         ("self-check", False, ""), ("who-can-join", True, ""), ("help", True, "")]


@pytest.mark.parametrize(("section", "high_contrast", "extra"), SHOTS, ids=[s[0] for s in SHOTS])
def test_sections_at_200_percent_text(section, high_contrast, extra, artifacts, private_user_folders) -> None:
    settings = private_user_folders / "config" / "trial-explainer" / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[view]\ntext_zoom_percent=200\nhigh_contrast={str(high_contrast).lower()}\n",
                        encoding="utf-8")
    theme = "-high-contrast" if high_contrast else ""
    shot = artifacts / "screenshots" / f"zoom200-{section}{theme}.png"
    err = photograph_app([sys.executable, "-c", _SHOW, section, extra], shot)
    assert "Could not parse" not in err  # a style sheet Qt could not read

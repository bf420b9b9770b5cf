"""Three registry records in their own window on a real (virtual) X display, as a
patient would see them: pictures in artifacts/screenshots/ to be looked at; the test
checks the app drew and stayed up."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import FIXTURES
from tests.xvfb import photograph_app

pytestmark = pytest.mark.slow

_SHOW = r"""
import sys
from pathlib import Path
from explainer.app import build_frame, make_application
app = make_application()
window = build_frame()
window.show()
shown = window.study_records.open_path(Path(sys.argv[1]))
shown.show_page(sys.argv[2])
if sys.argv[3]:  # a state chosen in the list of places
    places = shown.place_filter
    places.country.setCurrentIndex(places.country.findData("United States"))
    places.state.setCurrentIndex(places.state.findData(sys.argv[3]))
shown.resize(1280, 900)
shown.move(0, 0)
shown.activateWindow()
(shown.place_filter.state if sys.argv[3] else shown.navigator).setFocus()
app.exec()
"""

SHOTS = [("NCT00973089", "status", "", 100, False), ("NCT04267848", "where", "Massachusetts", 250, False),
         ("NCT06388018", "who_can_join", "", 175, True)]


@pytest.mark.parametrize(("nct_id", "page", "state", "zoom", "high_contrast"), SHOTS, ids=[s[0] for s in SHOTS])
def test_a_record_window_on_screen(nct_id, page, state, zoom, high_contrast, artifacts, private_user_folders) -> None:
    settings = private_user_folders / "config" / "trial-explainer" / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[view]\ntext_zoom_percent={zoom}\nhigh_contrast={str(high_contrast).lower()}\n",
                        encoding="utf-8")
    shot = artifacts / "screenshots" / f"record-{nct_id}-{page}-{zoom}.png"
    err = photograph_app([sys.executable, "-c", _SHOW, str(FIXTURES / "ctgov" / f"{nct_id}.json"), page, state],
                         shot)
    assert "Could not parse" not in err

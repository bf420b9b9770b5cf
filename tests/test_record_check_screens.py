"""The record window's "Check the entry rules" page on a real (virtual) X display,
with answers typed and clicked: pictures in artifacts/screenshots/ to be looked at;
the test checks the app drew, stayed up and answered as a patient would."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import FIXTURES
from tests.xvfb import photograph_app

pytestmark = pytest.mark.slow

# Opens the record, chooses the last section, answers a few rows, puts the row
# ``sys.argv[2]`` at the top with the focus in its first field, then says "ready".
_SHOW = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from explainer.app import build_frame, make_application
app = make_application()
window = build_frame()
window.show()
shown = window.study_records.open_path(Path(sys.argv[1]))
shown.resize(1280, 900)
shown.move(0, 0)
shown.activateWindow()
shown.navigator.setCurrentRow(shown.navigator.count() - 1)
page = shown.check_page
inputs = page.bank_inputs()
if "anc" in inputs:
    inputs["anc"][1].field.setText("1200")
if "platelets" in inputs:
    inputs["platelets"][1].field.setText("150")
    unit = inputs["platelets"][1].unit
    unit.setCurrentIndex(unit.findData("10^9/L"))
choices = [row for row in page.rows.values() if row.choice is not None]
if choices:
    choices[0].choice.buttons["yes"].click()
    choices[-1].choice.buttons["unsure"].click()
row = page.rows[sys.argv[2]]
def ready():
    page.verticalScrollBar().setValue(row.y())
    first = next(iter(row.inputs.values()), None)
    target = first.field if first is not None and hasattr(first, "field") else row.choice.buttons["yes"]
    target.setFocus()
    QTimer.singleShot(300, lambda: open(sys.argv[3], "w").close())
QTimer.singleShot(300, ready)
app.exec()
"""

SHOTS = [("NCT04267848", "inc-20", 100, False), ("NCT04267848", "inc-20", 250, False),
         ("NCT00973089", "exc-1", 175, True)]


@pytest.mark.parametrize(("nct_id", "row", "zoom", "high_contrast"), SHOTS, ids=[f"{s[0]}-{s[2]}" for s in SHOTS])
def test_the_check_page_on_screen(nct_id, row, zoom, high_contrast, artifacts, tmp_path,
                                  private_user_folders) -> None:
    settings = private_user_folders / "config" / "trial-explainer" / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[view]\ntext_zoom_percent={zoom}\nhigh_contrast={str(high_contrast).lower()}\n",
                        encoding="utf-8")
    shot = artifacts / "screenshots" / f"record-check-{nct_id}-{row}-{zoom}.png"
    err = photograph_app([sys.executable, "-c", _SHOW, str(FIXTURES / "ctgov" / f"{nct_id}.json"), row,
                          str(tmp_path / "ready")], shot, ready=tmp_path / "ready")
    assert "Traceback" not in err
    assert (private_user_folders / "data" / "trial-explainer" / "study-answers" / f"{nct_id}.answers.json").is_file()

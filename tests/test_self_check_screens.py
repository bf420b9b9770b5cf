"""The self-check on a real (virtual) X display: the results opened from the command
line, and the questionnaire with lab values typed in. Screenshots go to artifacts/."""

from __future__ import annotations

import json
import sys

import pytest

from tests.xvfb import photograph_app

pytestmark = pytest.mark.slow

ANSWERS = {"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242", "as_of": "2026-11-23",
           "answers": {"age_years": 64, "can_consent": "yes", "relapsed_or_refractory": "yes",
                       "prior_treatment_lines": 2, "prior_lenalidomide": "yes",
                       "serum_m_protein": {"value": 12, "unit": "g/L"}, "ecog": 1,
                       "platelets": {"value": 40, "unit": "10^9/L"}, "heart_disease": "unsure",
                       "ast": {"value": 50, "unit": "U/L", "uln": 40}, "prior_asct": "yes",
                       "asct_date": "2024-01-10"}}

_QUESTIONNAIRE = r"""
import sys
from explainer.app import build_main_window, make_application
app = make_application()
window = build_main_window()
window.show()
window.self_check.open_answers(__import__("pathlib").Path(sys.argv[1]))
window.show_section("self-check")
rows = window.self_check.questionnaire.rows
rows["alt"].input.unit.setCurrentIndex(rows["alt"].input.unit.findData("U/L"))
rows["alt"].input.field.setText("130")
rows["alt"].input.uln.setText("40")
rows["platelets"].input.field.setText("150000")
window.self_check.questionnaire.ensureWidgetVisible(rows["ecog"], 0, 0)
rows["platelets"].input.field.setFocus()
window.self_check.questionnaire.ensureWidgetVisible(rows["platelets"])
app.exec()
"""


# The real start-up path (`trial-explainer ANSWERS`), watched from inside: the study
# opens just after the first paint, so the picture waits until the results are shown.
_FROM_THE_COMMAND_LINE = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import explainer.app as main

def results_shown():
    for window in QApplication.topLevelWidgets():
        if window.isVisible() and hasattr(window, "section_ids"):
            row = window.navigator.currentRow()
            if window.section_ids()[row:row + 1] == ["self-check-results"]:
                QTimer.singleShot(300, lambda: open(sys.argv[2], "w").close())  # once painted
                return
    QTimer.singleShot(100, results_shown)

make_application = main.make_application
def make_and_watch(*args, **kwargs):
    app = make_application(*args, **kwargs)
    QTimer.singleShot(100, results_shown)
    return app
main.make_application = make_and_watch
sys.exit(main.run(None, Path(sys.argv[1])))
"""


def test_results_opened_from_the_command_line(artifacts, tmp_path, private_user_folders) -> None:
    path = tmp_path / "mine.answers.json"
    path.write_text(json.dumps(ANSWERS), encoding="utf-8")
    shot = artifacts / "screenshots" / "self-check-results.png"
    photograph_app([sys.executable, "-c", _FROM_THE_COMMAND_LINE, str(path), str(tmp_path / "ready")], shot,
                   ready=tmp_path / "ready")


def test_questionnaire_with_lab_values(artifacts, tmp_path, private_user_folders) -> None:
    path = tmp_path / "mine.answers.json"
    path.write_text(json.dumps(ANSWERS), encoding="utf-8")
    shot = artifacts / "screenshots" / "self-check-questionnaire.png"
    photograph_app([sys.executable, "-c", _QUESTIONNAIRE, str(path)], shot)

"""Answers are kept between sessions, after a normal quit too: the words at start-up and
the README say so plainly, not as a recovery from a crash."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

import explainer.ui.self_check as sc
from tests.conftest import ROOT


def test_after_ctrl_q_the_answers_are_offered_back_as_kept_from_last_time(qtbot, monkeypatch) -> None:
    from explainer.app import build_main_window

    first = build_main_window()
    qtbot.addWidget(first)
    first.show()
    first.activateWindow()  # a shortcut needs the active window
    qtbot.waitUntil(first.isActiveWindow)
    first.self_check.questionnaire.row("heart_disease").input.buttons["no"].click()
    qtbot.keyClick(first, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # File > Quit
    assert not first.isVisible()

    messages = []
    monkeypatch.setattr(sc.RestoreDraftDialog, "ask",
                        classmethod(lambda cls, parent, when: messages.append(cls.message(when)) or True))
    again = build_main_window()
    qtbot.addWidget(again)
    assert again.self_check.offer_draft() is True
    assert again.self_check.questionnaire.row("heart_disease").input.buttons["no"].isChecked()
    words = messages[0]
    assert "from last time are kept on this computer" in words and "when you quit" in words
    assert not re.search(r"unexpected|crash|suddenly|recover", words, re.IGNORECASE)


def test_the_readme_says_what_the_app_does() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "so they are still there next time: after you quit, or if the app closed unexpectedly" in readme
    assert "offered back if the app closed unexpectedly" not in readme

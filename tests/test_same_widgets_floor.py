"""The bench's third floor (benchmarks/same_widgets.py) makes what the app shows: the
widgets recorded from the app's smoke start, made again as plain Qt with their words.
A floor that lost widgets or words would flatter the app (issue 18)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QStackedWidget, QTextBrowser, QWidget
from shiboken6 import Shiboken

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import same_widgets  # noqa: E402


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> list[dict]:
    home = tmp_path_factory.mktemp("home")
    path = home / "widgets.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               **{var: str(home / var.lower()) for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                                                          "XDG_CACHE_HOME")})
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "same_widgets.py"), "--record", str(path)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_the_record_holds_every_page_of_the_fully_built_app(recorded) -> None:
    kinds = Counter(entry["class"] for entry in recorded)
    assert recorded[0] == {"class": "QMainWindow", "parent": None}
    assert all(entry["parent"] < index for index, entry in enumerate(recorded[1:], 1)), "parents first"
    assert kinds["QStackedWidget"] == 1 and kinds["QRadioButton"] > 20 and kinds["QTextBrowser"] > 5
    pages = [entry for entry in recorded if entry.get("how") == same_widgets.STACK]
    assert len(pages) > 10 and sum(page["current"] for page in pages) == 1
    assert any("Welcome" in entry.get("html", "") for entry in recorded), "the first page's words"


@pytest.mark.slow
def test_the_floor_makes_the_same_widgets_with_their_words(qtbot, recorded) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    made = same_widgets.build(recorded, window)
    window.show()
    qtbot.waitExposed(window)
    mine = [window] + [w for w in window.findChildren(QWidget) if Shiboken.createdByPython(w)]
    assert len(mine) == len(recorded) == len(made)
    assert Counter(same_widgets.qt_class(w) for w in mine) == Counter(entry["class"] for entry in recorded)
    labels = [w.text() for w in window.findChildren(QLabel) if Shiboken.createdByPython(w)]
    assert Counter(labels) == Counter(e["text"] for e in recorded if e["class"] == "QLabel")
    browsers = " ".join(w.toPlainText() for w in window.findChildren(QTextBrowser))
    assert "Welcome" in browsers
    (stack,) = window.findChildren(QStackedWidget)
    shown = recorded[made.index(stack.currentWidget())]
    assert shown["current"], "the page the app showed is the one shown"
    lists = sorted(w.count() for w in window.findChildren(QListWidget))
    assert lists == sorted(len(e["items"]) for e in recorded if e["class"] == "QListWidget") and lists[-1] > 10

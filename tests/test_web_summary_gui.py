"""File > Save summary as web page… (issue 13, item 10) through the real menu, with the
save dialog behind its seam; the page written is read back as the browser would."""

from __future__ import annotations

import datetime as dt
import os
import stat

import html5lib
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from explainer.answers_io import load_answers
from explainer.core.summary_labels import dates_heading
from explainer.summary_source import make_summary
from explainer.ui import web_summary
from explainer.webpage import render_summary_html
from tests.conftest import FIXTURES

ANSWERS = FIXTURES / "full.answers.json"


@pytest.fixture
def chosen(monkeypatch, tmp_path):
    """The save dialog answers with ``chosen['path']``; the problem dialog is recorded."""
    state = {"path": tmp_path / "summary.html", "asked": [], "problems": []}

    def ask(cls, parent, suggested):
        state["asked"].append(suggested)
        return state["path"]

    monkeypatch.setattr(web_summary.SaveWebPageDialog, "ask", classmethod(ask))
    monkeypatch.setattr(web_summary.WebPageProblemDialog, "ask",
                        classmethod(lambda cls, parent, title, message: state["problems"].append((title, message))))
    return state


def _open_file_menu_and_press(window, qtbot, key) -> None:
    """Alt+F opens the File menu; a letter then picks the item it underlines."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), key)


def test_the_menu_item_sits_above_export_pdf(main_window) -> None:
    texts = [a.text() for a in main_window.file_menu.actions() if not a.isSeparator()]
    where = texts.index("Save summary as &web page…")
    assert texts[where + 1] == "&Export PDF for your doctor…"


# The offscreen platform says these when a menu opens; they are about the plugin, not the app.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_save_from_the_file_menu_with_the_keyboard(main_window, qtbot, chosen) -> None:
    window = main_window
    window.session.set_answers(load_answers(ANSWERS))
    window.session.set_start_date(dt.date(2027, 1, 4))
    window.session.set_delays({3: 7})
    _open_file_menu_and_press(window, qtbot, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: chosen["path"].exists())
    assert chosen["asked"] == [f"study-NCT04883242-summary-{dt.date.today().isoformat()}.html"]
    page = chosen["path"].read_text(encoding="utf-8")
    # The very page the command line makes from the same answers, dates and delays.
    summary = make_summary(window.session.trial, window.session.answers, dt.date.today(),
                           start=dt.date(2027, 1, 4), delays={3: 7})
    assert page == render_summary_html(summary)
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    text = "".join(tree.find("body").itertext())
    assert dates_heading() in text and "Mon Mar 8, 2027" in text and "Your platelets: 30" in text
    assert stat.S_IMODE(os.stat(chosen["path"]).st_mode) == 0o600
    assert str(chosen["path"]) in window.statusBar().currentMessage()
    assert chosen["problems"] == []


def test_cancelling_writes_nothing(main_window, chosen, tmp_path) -> None:
    chosen["path"] = None
    assert main_window.web_summary.save() is None
    assert not list(tmp_path.glob("*.html")) and chosen["problems"] == []


@pytest.mark.parametrize(("where", "words"), [
    ("a-folder", "is a folder. Give a file name, such as summary.html"),
    ("missing/summary.html", "does not exist"),
])
def test_a_place_that_cannot_be_used_says_why(main_window, chosen, tmp_path, where, words) -> None:
    (tmp_path / "a-folder").mkdir()
    chosen["path"] = tmp_path / where
    assert main_window.web_summary.save() is None
    assert len(chosen["problems"]) == 1
    title, message = chosen["problems"][0]
    assert title == "The web page was not saved" and words in message and "Nothing was written" in message
    assert not (tmp_path / "missing").exists()


def test_a_failed_write_says_why_and_leaves_no_file(main_window, chosen, monkeypatch, tmp_path) -> None:
    import explainer.files

    monkeypatch.setattr(explainer.files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "No space")))
    assert main_window.web_summary.save() is None
    assert "No space" in chosen["problems"][0][1]
    assert [p.name for p in tmp_path.iterdir() if "summary" in p.name] == []

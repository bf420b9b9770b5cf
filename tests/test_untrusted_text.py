"""Text from a trial file is shown as the letters it is: never markup, never a link,
never a picture loaded from somewhere (issue 14, item 7).

A hostile trial file gets HTML, a Markdown image, a link and entities appended to
every text field its model accepts. The window (every section, the registry's words
opened) and the PDF (read back with pdftotext) must show the payload literally, and
nothing may ask to load a resource.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from explainer.content import builtin_trial_path, load_questions
from explainer.core.escaping import markdown_text, rich_text
from explainer.core.model import Trial
from tests.windows import shown_window

PAYLOAD = ('<b>bold</b> <img src="file:///etc/passwd"> ![pic](file:///etc/passwd) '
           '[link](https://example.com/x) *star* &amp; https://example.org/bare <!-- x')
MARKER = "bold</b>"  # in every copy of the payload; a copy without the rest was rendered
ALLOWED_LINKS = ("glossary:", "page:", "registry:", "criterion:")


def _string_paths(node: object, here: tuple = ()) -> Iterator[tuple]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _string_paths(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _string_paths(value, (*here, index))
    elif isinstance(node, str):
        yield here


def _with_payload(data: dict, path: tuple) -> dict:
    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = f"{node[path[-1]]} {PAYLOAD}"
    return data


@pytest.fixture(scope="module")
def hostile_trial(tmp_path_factory) -> Path:
    """The built-in trial with the payload in every text field the model accepts it in
    (ids, dates and codes are refused by the model itself)."""
    data = json.loads(builtin_trial_path().read_text(encoding="utf-8"))
    accepted, bank = [], {"questions": load_questions()}
    for path in _string_paths(data):
        try:
            Trial.model_validate_json(json.dumps(_with_payload(data, path)), context=bank)  # as the loader reads it
        except ValidationError:
            continue
        accepted.append(path)
    assert len(accepted) > 200  # titles, sites, sponsors, names, rules, schedules...
    for path in accepted:
        data = _with_payload(data, path)
    target = tmp_path_factory.mktemp("hostile") / "hostile.json"
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def _one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("value", "shown"), [
    ("<b>x</b> & 'y' \"z\"", "&lt;b&gt;x&lt;/b&gt; &amp; &#x27;y&#x27; &quot;z&quot;"),
    ("a\u202eb\x00c", "abc"),  # a right-to-left override and a NUL cannot hide or reorder text
])
def test_rich_text_escapes_markup_and_quotes(value, shown) -> None:
    assert rich_text(value) == shown


@pytest.mark.parametrize("value", [
    PAYLOAD, "# heading", "1. list", "- item", "> quote", "    code", "line\n\n<script>x</script>",
    "[registry: title]", "a\\", "`tick`", "~~gone~~", "www.example.com", "me@example.com", "| a | b |",
])
def test_a_value_in_markdown_shows_as_written_on_one_line(qapp, value) -> None:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setMarkdown(f"- Title: {markdown_text(value)} [after]\n- next")
    first_item = document.toPlainText().split("\n")[0]
    assert first_item == f"Title: {_one_line(value)} [after]"
    assert "href" not in document.toHtml() and "<img" not in document.toHtml()


def test_the_pages_browser_loads_no_resource_at_all(qtbot) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from explainer.ui.pages import GlossaryBrowser

    browser = GlossaryBrowser(None)
    qtbot.addWidget(browser)
    for url in ("file:///etc/passwd", "https://example.com/x.png", "passwd"):
        assert browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url)) is None
    browser.setHtml('<img src="file:///etc/hostname"><link rel="stylesheet" href="http://example.com/s.css">')
    browser.show()
    qtbot.waitExposed(browser)
    assert "file:///etc/hostname" in browser.refused_resources


def _rendered(text: str) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(text).toPlainText()


def _check_document(browser, where: str) -> int:
    """The payload's copies in a browser, each literal; no foreign link, no picture."""
    from PySide6.QtGui import QTextFormat

    text = _one_line(browser.toPlainText())
    assert text.count(MARKER) == text.count(PAYLOAD), f"{where}: markup from the trial file was rendered"
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            assert not fmt.isImageFormat(), f"{where}: a picture from the trial file"
            href = fmt.anchorHref()
            assert not href or href.startswith(ALLOWED_LINKS), f"{where}: a link to {href}"
            assert fmt.type() != QTextFormat.FormatType.InvalidFormat
            fragments += 1
        block = block.next()
    assert browser.refused_resources == [], f"{where}: asked to load {browser.refused_resources}"
    return text.count(PAYLOAD)


def test_the_window_shows_hostile_trial_text_literally_and_loads_nothing(qtbot, hostile_trial) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

    from explainer.app import build_main_window
    from explainer.ui.pages import GlossaryBrowser

    window = shown_window(qtbot, lambda: build_main_window(hostile_trial))
    navigator = window.navigator
    navigator.setFocus()
    qtbot.keyClick(navigator, Qt.Key.Key_Home)
    for _ in window.section_ids():  # every section, the way a keyboard user visits them
        qtbot.keyClick(navigator, Qt.Key.Key_Down)
    window.show_section("who-can-join")
    show_all = next(b for b in window.findChildren(QCheckBox) if b.text() == "Show all the registry's words")
    show_all.setFocus()
    qtbot.keyClick(show_all, Qt.Key.Key_Space)  # the trial's rule wording, word for word
    assert show_all.isChecked()
    shown = {}
    for browser in window.findChildren(GlossaryBrowser):
        shown[browser.accessibleName()] = _check_document(browser, browser.accessibleName())
    # The title, the site, the sponsor and the lead doctor come from the file into Markdown pages.
    assert shown["What the study is"] >= 2 and shown["Study status and who runs it"] >= 4
    assert shown["Where to get help"] >= 1 and shown["Who can join"] >= 20
    trial = json.loads(hostile_trial.read_text(encoding="utf-8"))
    study = _one_line(next(b for b in window.findChildren(GlossaryBrowser)
                           if b.accessibleName() == "What the study is").toPlainText())
    assert _one_line(trial["title"]) in study
    labels = 0
    for label in window.findChildren(QLabel):
        if MARKER not in label.text():
            continue
        labels += 1
        if label.textFormat() != Qt.TextFormat.PlainText:
            shown_text = _one_line(_rendered(label.text()))
            assert shown_text.count(MARKER) == shown_text.count(PAYLOAD), f"label shows markup: {label.text()[:80]}"
    assert labels > 10  # the questions' registry wording, the timeline's drug names...
    for widget in window.findChildren(QWidget):
        tip = widget.toolTip()
        if MARKER in tip:
            assert _one_line(_rendered(tip)).count(MARKER) == _one_line(_rendered(tip)).count(PAYLOAD)


def test_the_pdf_shows_hostile_trial_text_literally(tmp_path, hostile_trial) -> None:
    answers = Path(__file__).parent / "fixtures" / "full.answers.json"
    out = tmp_path / "summary.pdf"
    done = subprocess.run([sys.executable, "-m", "explainer", "pdf", "--trial", str(hostile_trial), str(answers),
                           "-o", str(out), "--start-date", "2026-01-05"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = _one_line(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                    check=True).stdout)
    # Narrow table cells and side-by-side columns interleave the words of some copies,
    # so each part is counted on its own: every "bold" still has its tags as letters.
    assert text.count(PAYLOAD) > 50
    assert text.count("bold") == text.count("<b>bold</b>") > 100
    for part in ("![pic](file:///etc/passwd)", "[link](https://example.co", "*star* &amp;", '<img src="file:'):
        assert text.count(part) > 50, part


@pytest.mark.parametrize("dialog", ["explainer.ui.self_check:AnswersProblemDialog", "explainer.ui.export:ExportProblemDialog",
                                    "explainer.ui.personal_dates:CalendarProblemDialog"])
def test_a_problem_dialog_shows_a_quoted_path_as_written(qtbot, monkeypatch, dialog) -> None:
    """A path or file name the message quotes may itself look like HTML."""
    import importlib

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    module, name = dialog.split(":")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.textFormat(), box.text())) or 0)
    message = '<img src="file:///etc/passwd"><b>/tmp/x.answers.json</b>: cannot be read'
    getattr(importlib.import_module(module), name).ask(None, "Not saved", message)
    assert shown == [(Qt.TextFormat.PlainText, message)]

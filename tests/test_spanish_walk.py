"""The whole app in Spanish shows no English outside the registry's quoted words
(issue 19): every widget, action, tooltip, screen-reader name and page of the main
window, after switching to Spanish, is checked for English-only words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Words that are English and never Spanish: a text holding one is English.
ENGLISH_ONLY = frozenset("""
the and you your of to is are this with for what not will can if or be have has does it on at from how when
who which about more should page open save print help file view answer answers questions question study
yes please choose show these those they their them there here back next start close cancel
day days maybe week weeks cycle cycles treatment screening follow your see read seems met rules rule
""".split())
# Links the app adds after a registry sentence, and source names cited as they are.
NOT_PART_OF_A_QUOTE = re.compile(r"Mostrar las palabras del registro|Ocultar las palabras del registro"
                                 r"|NCI Dictionary of Cancer Terms|\(texto del registro, en inglés\):?")
# Names and marks that are the same in both languages.
SAME_IN_BOTH = re.compile(r"https?://\S+|NCT\d{8}|ClinicalTrials\.gov|[\w.+-]+@[\w.-]+")


def english_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z']+", SAME_IN_BOTH.sub(" ", text))
    return [word for word in words if word.lower() in ENGLISH_ONLY]


def registry_text() -> str:
    """Every word of the records the test opens: the registry's words stay English."""
    import json

    seed = (ROOT / "tests" / "fixtures" / "registry_record_NCT04883242.txt").read_text(encoding="utf-8")
    texts = [seed.replace("\\", "")]
    for record in SAMPLES:
        texts += list(strings_in(json.loads(record.read_text(encoding="utf-8"))))
    return words_only(" ".join(texts))


def words_only(text: str) -> str:
    """Letters and digits only, lower case, one space between: a quote matches its record
    whatever the marks around it (quote marks, bullets, Markdown escapes, entities)."""
    import html

    return " " + " ".join(re.sub(r"[^0-9a-z]+", " ", html.unescape(text).lower()).split()) + " "


def quoted(sentence: str, registry: str) -> bool:
    """The sentence is the registry's words (a long one may be cut short mid-word)."""
    words = words_only(sentence)
    return words in registry or (len(words) > 40 and words.rsplit(" ", 2)[0] + " " in registry)


def strings_in(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in strings_in(value)]
    if isinstance(data, list):
        return [text for value in data for text in strings_in(value)]
    return []


SAMPLES = sorted((ROOT / "tests" / "fixtures" / "ctgov").glob("NCT*.json"))


def english_outside_quotes(where_texts: list[tuple[str, str]], registry: str) -> list[str]:
    flagged = []
    for where, text in where_texts:
        plain = NOT_PART_OF_A_QUOTE.sub("\n", re.sub(r"</?[A-Za-z][^<>]*>", " ", text))
        for sentence in re.split(r"(?<=[.!?:;])\s+|\n|\u2022|[\u201c\u201d]", plain):
            sentence = " ".join(sentence.split()).strip(" ()")
            if english_words(sentence) and not quoted(sentence, registry):
                flagged.append(f"{where}: {sentence[:120]}")
    return flagged


def texts_of(window) -> list[tuple[str, str]]:
    """(where, text) for every word the window shows or names."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QListWidget, QTextBrowser, QWidget

    found: list[tuple[str, str]] = [("title", window.windowTitle())]
    for widget in [window, *window.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}"
        found += [(f"{where} name", widget.accessibleName()), (f"{where} description", widget.accessibleDescription()),
                  (f"{where} tooltip", widget.toolTip())]
        if isinstance(widget, QLabel):
            found.append((where, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QLineEdit):
            found.append((f"{where} placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            found += [(where, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            found += [(where, widget.item(i).text()) for i in range(widget.count())]
        elif isinstance(widget, QTextBrowser):
            found += [(where, line) for line in widget.toPlainText().splitlines()]
    for action in window.findChildren(QAction):
        found += [("action", action.text()), ("action tooltip", action.toolTip())]
    return [(where, text) for where, text in found if text and text.strip()]


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_whole_window_in_spanish_shows_no_english(qtbot, spanish) -> None:

    from explainer.app import build_main_window
    from tests.windows import shown_window

    window = shown_window(qtbot, build_main_window)
    registry = registry_text()
    flagged = []
    for row in range(window.navigator.count()):  # every page, as a person would open it
        window.navigator.setCurrentRow(row)
        flagged += english_outside_quotes(texts_of(window), registry)
    unique = sorted(set(flagged))
    assert unique == [], f"{len(unique)} English texts, e.g.:\n" + "\n".join(unique[:80])


@pytest.mark.qt_log_ignore("does not support raise")
def test_every_sample_record_in_spanish_shows_no_english_but_its_own_words(qtbot, spanish, no_connections,
                                                                          monkeypatch) -> None:
    """Any record's pages, made by the app: every page of every sample record, in Spanish."""
    from explainer.app import build_frame
    from explainer.ui import study_records
    from tests.windows import shown_window

    monkeypatch.setattr(study_records.RecordProblem, "ask", classmethod(lambda *args: None))
    frame = shown_window(qtbot, build_frame)
    registry = registry_text()
    flagged = []
    for path in SAMPLES:
        shown = frame.study_records.open_path(path)
        assert shown is not None, path.name
        for row in range(shown.navigator.count()):
            shown.navigator.setCurrentRow(row)
            flagged += [f"{path.stem} {line}" for line in english_outside_quotes(texts_of(shown), registry)]
        shown.close()
    unique = sorted(set(flagged))
    assert unique == [], f"{len(unique)} English texts, e.g.:\n" + "\n".join(unique[:80])

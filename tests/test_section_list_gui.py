"""The section list's least width follows its names: kept between changes, measured again after each."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QListWidgetItem

from explainer.ui.section_list import SectionList

NAMES = ["Start here", "Who can join", "   Dexametasona", "Words and what they mean"]
LONG = "Pneumonoultramicroscopic"


def _add(names: SectionList, text: str) -> None:
    names.addItem(text)


def _insert_first(names: SectionList, text: str) -> None:
    names.insertItem(0, QListWidgetItem(text))


def _rename_first(names: SectionList, text: str) -> None:
    names.item(0).setText(text)


def _take_longest(names: SectionList, _text: str) -> None:
    names.takeItem(3)  # "Words and what they mean": its longest word is not the longest left


def _take_and_put_back_longer(names: SectionList, text: str) -> None:
    item = names.takeItem(0)  # as many rows after as before
    item.setText(text)
    names.insertItem(0, item)


def _clear(names: SectionList, _text: str) -> None:
    names.clear()


def _bigger_font(names: SectionList, _text: str) -> None:
    font = names.font()
    font.setPointSizeF(font.pointSizeF() * 2.5)
    names.setFont(font)


def _bigger_font_in_its_window(names: SectionList, _text: str) -> None:
    """As the text size does: the window's font, which its widgets take."""
    font = names.window().font()
    font.setPointSizeF(font.pointSizeF() * 2.5)
    names.window().setFont(font)


def _other_family(names: SectionList, _text: str) -> None:
    font = names.font()
    font.setFamily("DejaVu Sans Mono" if "Mono" not in font.family() else "DejaVu Sans")
    names.setFont(font)


CHANGES = [_add, _insert_first, _rename_first, _take_longest, _take_and_put_back_longer, _clear, _bigger_font,
           _bigger_font_in_its_window, _other_family]


def _measured_afresh(names: SectionList) -> int:
    """The least width as a new list with the same names and font has it."""
    fresh = SectionList()
    fresh.setFont(names.font())  # that font, whoever set it
    fresh.addItems([names.item(row).text() for row in range(names.count())])
    return fresh.least_width()


@pytest.fixture
def no_app_style_sheet(qapp):
    """An app-wide style sheet (the theme's, left by an earlier test) keeps a window's font
    from reaching the widgets it styles: the app's text size sets each font itself."""
    sheet = qapp.styleSheet()
    qapp.setStyleSheet("")
    yield
    qapp.setStyleSheet(sheet)


@pytest.mark.parametrize("change", CHANGES, ids=[change.__name__.strip("_") for change in CHANGES])
def test_the_least_width_is_measured_again_after_each_change(qapp, no_app_style_sheet, change) -> None:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    names = SectionList()
    QVBoxLayout(window).addWidget(names)
    names.addItems(NAMES)
    before = names.least_width()  # measured, and kept
    assert names.least_width() == before == _measured_afresh(names)
    change(names, LONG)
    assert names.least_width() == _measured_afresh(names)
    if change is not _take_longest:
        assert names.least_width() != before  # a change the kept measure would have missed


WORDS = ["", "   ", "Start here", "   Dexametasona", "\tTab first", "a  b\tc\nd", "end ", "no\u00a0break", " \u2003em space",
         "x\u2028line", "Ünïcödé wörds", "one"]


@pytest.mark.parametrize("text", WORDS)
def test_words_are_the_patterns_words(text) -> None:
    """section_list.words splits as the pattern it replaced did (the first word keeps its indent)."""
    import re

    from explainer.ui.section_list import words

    assert words(text) == re.findall(r"^\s*\S+|\S+", text)

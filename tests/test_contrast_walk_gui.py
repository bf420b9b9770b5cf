"""Contrast after switching themes while the app runs, as many times as someone
likes: the live widget tree is walked after each switch (tests/contrast_walk.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.contrast_walk import behind, contrast_problems, ratio


def _switch_theme(window, qtbot) -> None:
    """View > High-contrast colours, by its shortcut, as a person switches it."""
    was = window.theme.high_contrast
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.theme.high_contrast is not was


@pytest.fixture
def full_window(main_window):
    """Every part made: dates given (the date list and delays), a note under a field,
    the date picker's calendar and a word's meaning open."""
    from explainer.ui.timeline import LegendIcon

    main_window.timeline.personal.set_start(dt.date(2027, 1, 4))
    rows = main_window.self_check.questionnaire.rows
    rows["serum_m_protein"].input.field.setText("12")
    rows["asct_date"].input.field.setText("not a date")
    main_window.timeline.personal.start_edit.calendarWidget()
    main_window.icon_types = (LegendIcon,)
    return main_window


def test_the_walk_finds_pale_words_inside_rich_text(main_window, qtbot) -> None:
    """The walk can fail: it reads the colours in the document the label really draws."""
    from PySide6.QtWidgets import QLabel

    label = QLabel("Fine, then <span style='color:#aaaaaa'>pale</span> words", main_window.stack.currentWidget())
    label.show()
    qtbot.waitUntil(lambda: contrast_problems(label) != [])
    problems = contrast_problems(label)
    assert len(problems) == 1 and "'pale' #aaaaaa on #f3f3f3" in problems[0]


@pytest.mark.parametrize("switches", [1, 2, 3])
def test_every_text_and_icon_has_enough_contrast_after_switching_themes(full_window, qtbot, switches) -> None:
    assert contrast_problems(full_window, full_window.icon_types) == []
    for _ in range(switches):
        _switch_theme(full_window, qtbot)
        QApplication.processEvents()
        assert contrast_problems(full_window, full_window.icon_types) == [], \
            f"after {switches} switches, high contrast {full_window.theme.high_contrast}"


def test_the_date_pickers_month_and_year_are_readable_in_both_themes(full_window, qtbot) -> None:
    from PySide6.QtWidgets import QToolButton

    calendar = full_window.timeline.personal.start_edit.calendarWidget()
    for _ in range(2):
        month = next(b for b in calendar.findChildren(QToolButton) if b.objectName() == "qt_calendar_monthbutton")
        assert ratio(month.palette().color(month.foregroundRole()), behind(month)) >= 4.5
        assert contrast_problems(calendar) == []
        _switch_theme(full_window, qtbot)


def test_the_export_dialog_has_enough_contrast_in_both_themes(full_window, qtbot) -> None:
    from explainer.ui.export import ExportDialog

    dialog = ExportDialog(full_window.pdf_export, full_window)
    qtbot.addWidget(dialog)
    for _ in range(2):
        _switch_theme(full_window, qtbot)
        assert contrast_problems(dialog) == []

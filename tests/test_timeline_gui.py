"""The timeline section through its real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from icalendar import Calendar
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication

from explainer.calendar_ics import timeline_to_ics
from explainer.core.schedule import build_timeline
from explainer.timeline_text import load_timeline_text
from explainer.ui import personal_dates
from explainer.ui import cycle_grid, shapes
from explainer.ui.shapes import MEDICINE_COLOURS

START = dt.date(2027, 1, 4)


@pytest.fixture
def view(main_window):
    main_window.show_section("timeline")
    return main_window.timeline


def _press(qtbot, widget, *keys) -> None:
    for key in keys:
        qtbot.keyClick(widget, key)


def test_the_window_opens_without_icalendar() -> None:
    code = ("import sys\nfrom explainer.app import build_main_window, make_application\n"
            "make_application(); build_main_window()\n"
            "print('ICAL' if 'icalendar' in sys.modules else 'NOICAL')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip().splitlines()[-1] == "NOICAL"  # loaded only when a calendar is saved


def test_section_sits_after_what_happens(main_window) -> None:
    ids = main_window.section_ids()
    assert ids.index("timeline") == ids.index("what-happens") + 1
    main_window.show_section("timeline")
    assert main_window.stack.currentWidget() is main_window.timeline


def test_keyboard_moves_across_days_and_describes_them(view, qtbot) -> None:
    grid = view.grid
    grid.setFocus()
    assert grid.hasFocus()
    assert grid.accessibleDescription().startswith("Cycle 1, day 1:")
    _press(qtbot, grid, *[Qt.Key.Key_Right] * 7)
    text = grid.accessibleDescription()
    assert text.startswith("Cycle 1, day 8: isatuximab by drip at the clinic")
    assert "carfilzomib by drip over 30 minutes" in text and "pomalidomide capsule" in text
    assert "dexamethasone" in text and "clinic day" in text
    assert view.day_line.text() == text  # the line under the grid says the same in words
    _press(qtbot, grid, Qt.Key.Key_Left)
    assert grid.accessibleDescription() == "Cycle 1, day 7: pomalidomide capsule by mouth at home."
    _press(qtbot, grid, Qt.Key.Key_End)
    assert grid.accessibleDescription() == "Cycle 1, day 28: no treatment. A rest day."
    _press(qtbot, grid, Qt.Key.Key_Right)  # the edge stops, it does not wrap
    assert grid.focused_day.day == 28
    _press(qtbot, grid, Qt.Key.Key_Home, Qt.Key.Key_Down, Qt.Key.Key_Down)
    assert (grid.focused_day.day, grid.focused_drug) == (1, "pomalidomide")


def test_page_keys_change_the_cycle(view, qtbot) -> None:
    grid = view.grid
    grid.setFocus()
    _press(qtbot, grid, Qt.Key.Key_PageDown)
    assert view.choice.currentIndex() == 1 and grid.cycle.number == 2
    _press(qtbot, grid, Qt.Key.Key_PageDown, Qt.Key.Key_PageDown)  # no further than maintenance
    assert view.choice.currentIndex() == 2
    _press(qtbot, grid, Qt.Key.Key_PageUp)
    assert grid.cycle.number == 2
    view.personal.set_start(START)  # with dates, each cycle in turn
    _press(qtbot, grid, Qt.Key.Key_PageDown)
    assert grid.cycle.number == 3 and grid.cycle.start == dt.date(2027, 3, 1)
    assert grid.accessibleDescription().startswith("Cycle 3, day 1, Monday, March 1, 2027:")


def test_a_screen_reader_hears_each_new_day(view, qtbot, monkeypatch) -> None:
    from PySide6.QtGui import QAccessible

    heard = []

    class ListeningAccessibility:  # as if a screen reader were running
        Event = QAccessible.Event

        @staticmethod
        def isActive() -> bool:  # noqa: N802 (Qt's name)
            return True

        @staticmethod
        def updateAccessibility(event) -> None:  # noqa: N802
            heard.append(event.message() if hasattr(event, "message") else event.type())

    monkeypatch.setattr(cycle_grid, "QAccessible", ListeningAccessibility)
    view.grid.setFocus()
    _press(qtbot, view.grid, Qt.Key.Key_End)
    assert heard == [QAccessible.Event.DescriptionChanged, "Cycle 1, day 28: no treatment. A rest day."]


def test_click_picks_a_day_and_the_focused_day_stays_in_view(view, qtbot) -> None:
    grid = view.grid
    g = grid.geometry_for(grid.fontMetrics())
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton,
                     pos=QPoint(2 * g.cell + g.cell // 2, g.header_height + 2 * g.row_height + 3))
    assert grid.hasFocus() and (grid.focused_day.day, grid.focused_drug) == (3, "pomalidomide")
    bar = view.grid_scroller.horizontalScrollBar()
    view.grid_scroller.resize(g.label_width + 5 * g.cell, view.grid_scroller.height())  # a narrow window
    _press(qtbot, grid, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() > 0  # scrolled to show day 28
    _press(qtbot, grid, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_tab_reaches_the_grid(view, qtbot) -> None:
    view.choice.setFocus()
    for _ in range(10):
        if view.grid.hasFocus():
            break
        qtbot.keyClick(view.window().focusWidget(), Qt.Key.Key_Tab)
    assert view.grid.hasFocus()


def test_tooltip_names_the_day_under_the_pointer(view, monkeypatch) -> None:
    grid = view.grid
    g = grid.geometry_for(grid.fontMetrics())
    assert grid.cell_at(14.5 * g.cell, g.header_height + 0.5 * g.row_height) == (14, 0)
    assert grid.cell_at(28 * g.cell + 1, g.header_height + 1) is None  # past the last day
    assert grid.tooltip_for(14).startswith("Cycle 1, day 15: isatuximab")
    shown = []

    class FakeToolTip:  # the real one raises a window, which the offscreen platform warns about
        @staticmethod
        def showText(pos, text, widget):  # noqa: N802 (Qt's name)
            shown.append(text)

        @staticmethod
        def hideText():  # noqa: N802
            shown.append(None)

    monkeypatch.setattr(cycle_grid, "QToolTip", FakeToolTip)
    point = QPoint(int(14.5 * g.cell), g.header_height + g.row_height // 2)
    assert grid.event(QHelpEvent(QEvent.Type.ToolTip, point, grid.mapToGlobal(point)))
    outside = QPoint(28 * g.cell + 1, 2)
    grid.event(QHelpEvent(QEvent.Type.ToolTip, outside, grid.mapToGlobal(outside)))
    assert shown == [grid.tooltip_for(14), None]


def _days_with(grid, drug: str) -> list[int]:
    return [d.day for d in grid.cycle.days if d.dose_of(drug)]


def test_cycle_choice_changes_the_isatuximab_days(view) -> None:
    assert _days_with(view.grid, "isatuximab") == [1, 8, 15, 22]
    assert view.caption.text() == "Induction: cycle 1 of 6."
    view.choice.setCurrentIndex(1)
    assert view.grid.cycle.number == 2
    assert view.caption.text() == "Induction: cycles 2 to 6 all look like this."
    assert _days_with(view.grid, "isatuximab") == [1, 15]
    assert _days_with(view.grid, "carfilzomib") == [1, 8, 15]
    view.choice.setCurrentIndex(2)
    assert view.grid.cycle.phase_id == "maintenance"
    assert _days_with(view.grid, "carfilzomib") == [1, 15]
    assert view.caption.text() == "Maintenance: cycles 1 to about 26 all look like this."
    assert "2 clinic days" in view.totals.text()
    assert "the maintenance part has about 52 clinic days in about 26 cycles" in view.totals.text()


def test_start_date_shows_real_dates_and_clinic_days(view, qtbot) -> None:
    assert not view.cycle_number.isVisibleTo(view)  # no date, no date-only controls
    assert view.personal.clinic_list.count() == 1  # the "put in your first day" line
    with qtbot.waitSignal(view.session.start_date_changed):
        view.personal.set_start(START)
    assert view.session.start_date == START
    assert view.cycle_number.isVisibleTo(view)
    assert "January 4, 2027 to January 31, 2027" in view.caption.text()
    assert view.grid.focused_day.date == START
    first = view.personal.clinic_list.item(0).text()
    assert first.startswith("Monday, January 4, 2027: cycle 1, day 1.")
    assert view.personal.clinic_list.count() == len(view.session.timeline().clinic_days())
    view.cycle_number.setValue(12)  # a specific cycle: its own dates
    assert view.choice.currentIndex() == 2 and view.grid.cycle.number == 12
    assert view.caption.text().startswith("Cycle 12 (maintenance cycle 6 of about 26). From ")
    assert view.grid.cycle.start == START + dt.timedelta(days=11 * 28)
    with qtbot.waitSignal(view.session.start_date_changed):
        view.personal.know_start.setChecked(False)  # nobody is forced to keep a date
    assert view.session.start_date is None and view.grid.cycle.start is None


def _calendars(edit) -> list:
    from PySide6.QtWidgets import QCalendarWidget

    return edit.findChildren(QCalendarWidget)


def _arrow(edit) -> QPoint:
    """On the date box's arrow, at its right end, where a click opens its calendar."""
    return QPoint(edit.width() - 4, edit.height() // 2)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen: the pop-up
def test_the_date_boxs_calendar_is_made_fitted_when_a_click_opens_it(view, qtbot) -> None:
    """Not made with the page (0.7 MB, issue 18); the click that opens it finds it with the
    app's weekend colours and the names of its parts, as it was when made with the page."""
    from explainer.ui.personal_dates import calendar_part_names

    view.personal.set_start(START)  # the box is in use
    edit = view.personal.start_edit
    assert _calendars(edit) == []
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=_arrow(edit))
    qtbot.waitUntil(lambda: any(c.isVisible() for c in _calendars(edit)))
    (calendar,) = _calendars(edit)  # as Qt opened it (calendarWidget() would fit it now)
    for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        assert calendar.weekdayTextFormat(weekend).foreground().style() == Qt.BrushStyle.NoBrush  # not Qt's red
    from PySide6.QtWidgets import QWidget

    named = {part.objectName(): part.accessibleName() for part in calendar.findChildren(QWidget)
             if part.objectName() in calendar_part_names()}
    assert named == calendar_part_names()
    assert calendar is edit.calendarWidget()
    calendar.window().hide()


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen: the pop-up
@pytest.mark.parametrize(("key", "modifier"), [(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
                                               (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)])
def test_the_keys_the_hint_names_open_the_calendar_and_change_no_date(view, qtbot, key, modifier) -> None:
    # Qt's date box took Alt+Down for Down: the start date went a day earlier, unseen,
    # and no calendar opened, though the hint under the box names that key.
    from explainer.ui.personal_dates import start_hint

    assert "Alt" in start_hint()
    view.personal.set_start(START)
    edit = view.personal.start_edit
    edit.setFocus()
    qtbot.keyClick(edit, key, modifier)
    qtbot.waitUntil(lambda: edit.calendarWidget().window().isVisible())
    assert view.session.start_date == START and edit.date().toPython() == START
    calendar = edit.calendarWidget()
    assert calendar.selectedDate().toPython() == START  # the calendar opens on the box's date
    target = QApplication.focusWidget() or calendar
    qtbot.keyClick(target, Qt.Key.Key_Right)  # the next day, then Enter picks it
    qtbot.keyClick(QApplication.focusWidget() or calendar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.window().isVisible())
    assert view.session.start_date == START + dt.timedelta(days=1)


def test_down_alone_still_changes_the_part_it_is_in(view, qtbot) -> None:
    view.personal.set_start(START)
    edit = view.personal.start_edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # as the hint says: the part the cursor is in
    assert edit.date().toPython() != START
    assert not edit.calendarWidget().window().isVisible()


def _top_of(widget, area) -> int:
    """Where ``widget`` starts in the scroll area's visible part (0 = at its top edge)."""
    return widget.mapTo(area.viewport(), QPoint(0, 0)).y()


@pytest.mark.parametrize("steps", [4, 1])
def test_larger_text_keeps_the_part_being_read_in_view(view, qtbot, main_window, steps) -> None:
    # The page kept its scroll bar's pixels: four steps larger showed the cycle picture
    # above, and the person reading "Your own dates" had to find their place again.
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > view.personal.y())
    bar.setValue(view.personal.y())  # the person scrolled to their own dates
    assert _top_of(view.personal, view) == 0
    for _ in range(steps):
        with qtbot.waitSignal(main_window.zoom.zoom_changed):
            qtbot.keyClick(main_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(800)  # the new layout, and the window's fit to it, are done
    height = view.viewport().height()
    assert -height // 4 <= _top_of(view.personal, view) <= height // 4
    main_window.zoom.reset()


def test_the_calendar_asked_for_is_fitted_too(view) -> None:
    edit = view.personal.start_edit
    calendar = edit.calendarWidget()
    assert calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().style() == Qt.BrushStyle.NoBrush
    assert _calendars(edit) == [calendar] and edit.calendarWidget() is calendar


def test_a_date_set_elsewhere_shows_in_the_controls(view) -> None:
    view.session.set_start_date(dt.date(2028, 2, 28))  # e.g. by another view sharing the session
    assert view.personal.know_start.isChecked() and view.personal.start_edit.isEnabled()
    assert view.personal.start_edit.date().toPython() == dt.date(2028, 2, 28)
    assert [d.date.day for d in view.grid.cycle.days[:3]] == [28, 29, 1]  # a leap day
    view.session.set_start_date(None)
    assert not view.personal.know_start.isChecked() and not view.personal.start_edit.isEnabled()


def test_a_delay_moves_later_dates_only(view, qtbot) -> None:
    view.personal.set_start(START)
    view.personal.delay_cycle.setValue(3)
    view.personal.delay_days.setValue(7)
    with qtbot.waitSignal(view.session.delays_changed):
        qtbot.mouseClick(view.personal.delay_apply, Qt.MouseButton.LeftButton)
    timeline = view.session.timeline()
    assert timeline.cycle(2).start == dt.date(2027, 2, 1)
    assert timeline.cycle(3).start == dt.date(2027, 3, 8)
    assert "Cycle 3 started 7 days late." in view.personal.delay_status.text()
    view.cycle_number.setValue(3)
    assert view.grid.cycle.start == dt.date(2027, 3, 8)
    with qtbot.waitSignal(view.session.delays_changed):
        qtbot.mouseClick(view.personal.delay_clear, Qt.MouseButton.LeftButton)
    assert view.grid.cycle.start == dt.date(2027, 3, 1)


def test_save_calendar_through_the_dialog_seam(view, tmp_path, monkeypatch, trial) -> None:
    out = tmp_path / "mine.ics"
    monkeypatch.setattr(personal_dates.SaveCalendarDialog, "ask", classmethod(lambda cls, parent: out))
    assert not view.personal.save_button.isEnabled()
    assert view.personal.save_status.text() == "Put in your first treatment day first."
    view.personal.set_start(START)
    assert view.personal.save_status.text() == ""
    view.personal.delay_cycle.setValue(2)
    view.personal.delay_apply.click()
    view.personal.save_button.click()
    assert out.read_bytes() == timeline_to_ics(build_timeline(trial, START, {2: 7}), trial)
    assert len(list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))) == 704
    assert "Saved 704 treatment days" in view.personal.save_status.text()


def test_save_calendar_error_is_a_dialog_and_leaves_no_file(view, tmp_path, monkeypatch) -> None:
    import explainer.files

    problems = []
    out = tmp_path / "mine.ics"
    monkeypatch.setattr(personal_dates.SaveCalendarDialog, "ask", classmethod(lambda cls, parent: out))
    monkeypatch.setattr(personal_dates.CalendarProblemDialog, "ask",
                        classmethod(lambda cls, parent, title, message: problems.append((title, message))))
    monkeypatch.setattr(explainer.files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "disk full")))
    view.personal.set_start(START)
    assert view.personal.save_calendar() is False
    assert problems and problems[0][0] == "Your calendar was not saved" and "disk full" in problems[0][1]
    assert not out.exists() and not list(tmp_path.glob(".mine.ics*"))


@pytest.mark.parametrize(("where", "words"), [
    ("a-file.txt/mine.ics", "a-file.txt is a file, not a folder"),  # was the raw "File exists"
    ("missing/mine.ics", "does not exist"),  # was created without a word
    ("a-folder", "is a folder. Give a file name"),
])
def test_save_calendar_to_a_place_that_cannot_be_says_why(view, tmp_path, monkeypatch, where, words) -> None:
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    problems = []
    monkeypatch.setattr(personal_dates.CalendarProblemDialog, "ask",
                        classmethod(lambda cls, parent, title, message: problems.append(message)))
    view.personal.set_start(START)
    assert view.personal.save_calendar(tmp_path / where) is False
    assert len(problems) == 1 and words in problems[0] and "Nothing was saved" in problems[0]
    assert not (tmp_path / "missing").exists()


def test_grid_scales_with_the_text_size(main_window, view, qtbot) -> None:
    before = view.grid.sizeHint()
    try:
        main_window.zoom.set_percent(200)
        qtbot.waitUntil(lambda: view.grid.sizeHint().width() > before.width() * 1.6)
        after = view.grid.sizeHint()
        assert after.height() > before.height() * 1.6
        qtbot.waitUntil(lambda: view.grid.size() == after)  # the grid took its new size
        assert view.grid_scroller.sizeHint().height() > after.height()  # and its frame grew to show it
    finally:
        main_window.zoom.reset()  # the application font is shared by later tests


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        parts = [(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
                 for v in (c.redF(), c.greenF(), c.blueF())]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colours_stand_out_from_the_grid_s_paper(view) -> None:
    # WCAG 1.4.11: graphics need 3:1; the grid paints its own white paper in any theme.
    # Colours go by a medicine's place in the regimen (issue 15), never by its name.
    colours = {**{f"medicine {n}": c for n, c in enumerate(MEDICINE_COLOURS, start=1)},
               "clinic": shapes.CLINIC_COLOUR, "focus": shapes.FOCUS_COLOUR,
               "ink": shapes.INK}
    assert {name: _contrast(colour, shapes.PAPER) >= 3 for name, colour in colours.items()} == \
        dict.fromkeys(colours, True)
    assert _contrast(shapes.INK, shapes.REST_FILL) >= 4.5  # the words on the rest band
    assert len({c.name() for c in MEDICINE_COLOURS}) == len(MEDICINE_COLOURS) >= len(view.session.timeline().drugs)


def test_journey_strip_reads_in_words(view) -> None:
    spoken = view.strip.accessibleDescription()
    for words in ("Tests first", "6 cycles of 28 days", "Up to 24 months, about 26 cycles",
                  "Ask your study team when the 24 months start", "30 days", "up to 5 years"):
        assert words in spoken
    assert spoken.index("induction") < spoken.index("maintenance") < spoken.index("Follow-up")


def test_open_questions_are_shown_for_the_study_team(view) -> None:
    shown = view.personal.ask_list.text()
    assert "When do the 24 months of maintenance start" in shown
    assert "Will I take dexamethasone by mouth, or get it by drip?" in shown


def test_every_control_has_an_accessible_name(view) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QListWidget

    controls = [w for kind in (QAbstractButton, QAbstractSpinBox, QComboBox, QListWidget)
                for w in view.findChildren(kind)]
    assert len(controls) >= 8
    assert [w for w in controls if not (w.accessibleName() or getattr(w, "text", lambda: "")())] == []
    assert view.grid.accessibleName()


def test_timeline_words_read_at_grade_8_or_lower() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # textstat 0.7.4 imports the deprecated pkg_resources
        import textstat

    from explainer.content import load_trial
    from explainer.timeline_text import timeline_text_for

    # The generic words, and the built-in study's own laid over them (issue 15).
    for prose in (" ".join(load_timeline_text().all_prose()), " ".join(timeline_text_for(load_trial()).all_prose())):
        assert textstat.flesch_kincaid_grade(prose) <= 8
        assert textstat.smog_index(prose) <= 8


def test_the_save_words_say_what_to_do_when_dates_change() -> None:
    """Calendar apps often skip an event whose UID they already hold, so a moved date would
    silently stay at its old day: the patient is told to remove the old calendar first."""
    assert "If your dates change, remove the old treatment calendar first." in load_timeline_text().save_intro


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.pop("how_to_read"), "how_to_read: Field required"),
    (lambda d: d["journey"].update(fixed="{cycels} cycles"), "journey.fixed: unknown placeholder {cycels}"),
    (lambda d: d["part_journey"].update(induction="{cycels} cycles"), "part_journey.induction: unknown placeholder {cycels}"),
    (lambda d: d.update(extra="x"), "extra: unknown field"),
    # Known elsewhere, but not filled here: the window would stop with a KeyError.
    (lambda d: d.update(totals="{years} years"), "totals: unknown placeholder {years}"),
    (lambda d: d.update(how_to_read="Each of the {cycle_days} columns"), "how_to_read: unknown placeholder {cycle_days}"),
])
def test_broken_timeline_words_name_the_key(tmp_path, change, message) -> None:
    import json

    from explainer.content import ContentError, resources_root

    data = json.loads((resources_root() / "timeline.json").read_text(encoding="utf-8"))
    change(data)
    broken = tmp_path / "timeline.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ContentError, match=message.replace("{", "\\{").replace("}", "\\}")):
        load_timeline_text(broken)

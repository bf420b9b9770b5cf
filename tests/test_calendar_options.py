"""The calendar's two choices (issue 13, item 12): cycles that started late
(`--delay CYCLE:DAYS`, the window's "Move my dates") and "clinic days only"
(`--clinic-days-only`, the window's check box). The .ics files are read back with
icalendar; the window and the command line must write the same bytes."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint, Qt

from explainer.calendar_ics import calendar_days, timeline_to_ics
from explainer.cli import main
from explainer.core.delays import FIRST_DELAYED_CYCLE, MAX_DELAY_DAYS, delay_problem, merge_delays
from explainer.core.schedule import build_timeline
from explainer.ui import personal_dates

START = dt.date(2027, 1, 4)
CYCLES = 32  # 6 induction + about 26 maintenance


def _events(path) -> list:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def _starts(events) -> dict[str, dt.date]:
    return {str(e["UID"]).split("@")[0]: e.decoded("DTSTART") for e in events}


# --- the shared limits ------------------------------------------------------------------

@pytest.mark.parametrize(("cycle", "days", "problem"), [
    (2, 1, None),
    (CYCLES, MAX_DELAY_DAYS, None),
    (1, 7, "a late cycle 1 is a later first treatment day"),
    (CYCLES + 1, 7, f"use 2 to {CYCLES}"),
    (3, 0, "use 1 to 180 days"),
    (3, MAX_DELAY_DAYS + 1, "use 1 to 180 days"),
])
def test_delay_limits(cycle, days, problem) -> None:
    found = delay_problem(cycle, days, CYCLES)
    assert found is None if problem is None else problem in found


def test_a_cycle_given_twice_is_refused_and_delays_come_sorted() -> None:
    assert list(merge_delays([(8, 2), (3, 7)], CYCLES).items()) == [(3, 7), (8, 2)]
    with pytest.raises(ValueError, match="cycle 3 is given twice"):
        merge_delays([(3, 7), (3, 2)], CYCLES)


# --- the command line ---------------------------------------------------------------------

def test_delays_move_that_cycle_and_every_later_one(tmp_path, capsys) -> None:
    out = tmp_path / "late.ics"
    assert main(["calendar", "--start-date", START.isoformat(), "-o", str(out),
                 "--delay", "3:7", "--delay", "8:2"]) == 0
    starts = _starts(_events(out))
    assert starts["NCT04883242-c2-d1"] == dt.date(2027, 2, 1)  # before the delay: unchanged
    assert starts["NCT04883242-c3-d1"] == dt.date(2027, 3, 8)  # 2027-03-01 + 7 days
    assert starts["NCT04883242-c7-d1"] == dt.date(2027, 6, 28)  # 2027-06-21 + 7
    assert starts["NCT04883242-c8-d1"] == dt.date(2027, 7, 28)  # 2027-07-19 + 7 + 2
    assert len(starts) == 704  # a delay moves days, it adds or drops none
    assert "704 treatment days" in capsys.readouterr().out


def test_clinic_days_only_keeps_the_days_that_are_or_may_be_clinic_days(tmp_path, trial, capsys) -> None:
    out = tmp_path / "clinic.ics"
    assert main(["calendar", "--start-date", START.isoformat(), "-o", str(out), "--clinic-days-only"]) == 0
    events = _events(out)
    timeline = build_timeline(trial, START)
    # Hand count from the record: cycle 1 has clinic days 1, 8, 15, 22; cycles 2 to 6
    # have 1, 8, 15 and maybe 22; maintenance has 1, 15 and maybe 8, 22.
    assert len(events) == 4 + 5 * (3 + 1) + 26 * (2 + 2) == 128
    assert {e.decoded("DTSTART") for e in events} == {
        d.date for d in timeline.days if d.is_clinic_day or d.may_be_clinic_day}
    kinds = {str(e["SUMMARY"]).split(":")[0] for e in events}
    assert kinds == {"Clinic day", "Maybe a clinic day"}  # no "At home" day
    assert "Wrote 128 clinic days" in capsys.readouterr().out


def test_both_options_together(tmp_path) -> None:
    out = tmp_path / "both.ics"
    assert main(["calendar", "--start-date", START.isoformat(), "-o", str(out), "--clinic-days-only",
                 "--delay", "2:3"]) == 0
    starts = _starts(_events(out))
    assert len(starts) == 128
    assert starts["NCT04883242-c2-d8"] == dt.date(2027, 2, 11)  # 2027-02-08 + 3
    assert "NCT04883242-c2-d2" not in starts  # pomalidomide at home


@pytest.mark.parametrize(("delay", "words"), [
    ("3", "'3' is not CYCLE:DAYS"),
    ("three:7", "is not CYCLE:DAYS"),
    ("3:-7", "is not CYCLE:DAYS"),
    ("1:7", "a late cycle 1 is a later first treatment day"),
    ("33:7", "use 2 to 32"),
    ("3:0", "use 1 to 180 days"),
    ("3:181", "use 1 to 180 days"),
])
def test_a_bad_delay_is_one_line_exit_2_and_no_file(tmp_path, capsys, delay, words) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["calendar", "--start-date", START.isoformat(), "-o", str(folder / "x.ics"), "--delay", delay]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("trial-explainer: --delay: ") and words in err
    assert list(folder.iterdir()) == []


def test_the_same_cycle_twice_is_refused(tmp_path, capsys) -> None:
    out = tmp_path / "x.ics"
    assert main(["calendar", "--start-date", START.isoformat(), "-o", str(out),
                 "--delay", "3:7", "--delay", "3:2"]) == 2
    assert "cycle 3 is given twice" in capsys.readouterr().err
    assert not out.exists()


# --- the window -----------------------------------------------------------------------------

@pytest.fixture
def personal(main_window):
    main_window.show_section("timeline")
    return main_window.timeline.personal


def test_the_windows_delay_limits_are_the_shared_ones(personal) -> None:
    personal.set_start(START)
    assert (personal.delay_cycle.minimum(), personal.delay_cycle.maximum()) == (FIRST_DELAYED_CYCLE, CYCLES)
    assert (personal.delay_days.minimum(), personal.delay_days.maximum()) == (1, MAX_DELAY_DAYS)


def test_clinic_days_only_in_the_window(personal, qtbot, tmp_path, monkeypatch, trial) -> None:
    out = tmp_path / "mine.ics"
    monkeypatch.setattr(personal_dates.SaveCalendarDialog, "ask", classmethod(lambda cls, parent: out))
    assert not personal.clinic_only.isEnabled()  # nothing to save before a first day
    personal.set_start(START)
    personal.delay_cycle.setValue(3)
    personal.delay_days.setValue(7)
    qtbot.mouseClick(personal.delay_apply, Qt.MouseButton.LeftButton)
    personal.clinic_only.setFocus()
    qtbot.keyClick(personal.clinic_only, Qt.Key.Key_Space)  # as a keyboard user ticks it
    assert personal.clinic_only.isChecked()
    qtbot.mouseClick(personal.save_button, Qt.MouseButton.LeftButton)
    events = _events(out)
    assert len(events) == 128
    assert _starts(events)["NCT04883242-c3-d1"] == dt.date(2027, 3, 8)
    assert "Saved 128 clinic days" in personal.save_status.text()
    # The command line with the same choices writes the very same bytes.
    cli_out = tmp_path / "cli.ics"
    assert main(["calendar", "--start-date", START.isoformat(), "-o", str(cli_out), "--clinic-days-only",
                 "--delay", "3:7"]) == 0
    assert cli_out.read_bytes() == out.read_bytes()
    # Unticked again: every treatment day.
    box = personal.clinic_only  # the box is as wide as the page; click on its words, as a person does
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.fontMetrics().height(), box.height() // 2))
    assert not box.isChecked()
    qtbot.mouseClick(personal.save_button, Qt.MouseButton.LeftButton)
    assert len(_events(out)) == 704
    assert out.read_bytes() == timeline_to_ics(build_timeline(trial, START, {3: 7}), trial)


def test_calendar_days_is_what_the_file_holds(trial) -> None:
    timeline = build_timeline(trial, START)
    assert len(calendar_days(timeline)) == 704
    assert len(calendar_days(timeline, clinic_days_only=True)) == 128

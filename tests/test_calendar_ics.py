"""The .ics calendar: parsed back with icalendar, checked against the record, and
the `calendar` command's exit codes (no file left behind on an error)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from icalendar import Calendar

from explainer.calendar_ics import event_description, timeline_to_ics, treatment_day_count
from explainer.cli import main
from explainer.core.model import Route
from explainer.core.schedule import Dose, TreatmentDay, build_timeline

START = dt.date(2027, 1, 4)


@pytest.fixture(scope="module")
def timeline(trial):
    return build_timeline(trial, START)


@pytest.fixture(scope="module")
def events(timeline, trial):
    calendar = Calendar.from_ical(timeline_to_ics(timeline, trial))
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def _event(events, cycle: int, day: int):
    return events[f"NCT04883242-c{cycle}-d{day}@trial-explainer.local"]


def test_one_event_per_treatment_day(timeline, events) -> None:
    treatment_days = [d for d in timeline.days if d.has_treatment]
    assert len(events) == len(treatment_days) == treatment_day_count(timeline)
    # Hand count: every cycle has pomalidomide on days 1-21 and dexamethasone on day 22,
    # and no medicine on days 23-28; 6 induction + about 26 maintenance cycles.
    assert len(events) == 22 * 32


def test_calendar_header(timeline, trial) -> None:
    calendar = Calendar.from_ical(timeline_to_ics(timeline, trial))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert "Trial Explainer" in str(calendar["PRODID"])
    assert "NCT04883242" in str(calendar["X-WR-CALNAME"])


@pytest.mark.parametrize(("cycle", "day", "date", "clinic", "medicines"), [
    (1, 1, dt.date(2027, 1, 4), "clinic day", "isatuximab, carfilzomib, pomalidomide, dexamethasone"),
    (1, 8, dt.date(2027, 1, 11), "clinic day", "isatuximab, carfilzomib, pomalidomide, dexamethasone"),
    (1, 22, dt.date(2027, 1, 25), "clinic day", "isatuximab, dexamethasone"),
    (2, 8, dt.date(2027, 2, 8), "clinic day", "carfilzomib, pomalidomide, dexamethasone"),
    (2, 2, dt.date(2027, 2, 2), "at home", "pomalidomide"),
    (2, 22, dt.date(2027, 2, 22), "maybe a clinic day", "dexamethasone"),
    (7, 8, dt.date(2027, 6, 28), "maybe a clinic day", "pomalidomide, dexamethasone"),
    (7, 15, dt.date(2027, 7, 5), "clinic day", "isatuximab, carfilzomib, pomalidomide, dexamethasone"),
])
def test_hand_checked_days(events, cycle, day, date, clinic, medicines) -> None:
    event = _event(events, cycle, day)
    part = f"induction cycle {cycle}" if cycle <= 6 else f"maintenance cycle {cycle - 6}"
    assert str(event["SUMMARY"]) == f"{clinic[0].upper()}{clinic[1:]}: {medicines} ({part}, day {day})"
    assert event.decoded("DTSTART") == date  # a date, not a time: an all-day event
    assert event.decoded("DTEND") == date + dt.timedelta(days=1)
    assert event["DTSTART"].params.get("VALUE") == "DATE"


# (UID's cycle counted from the start, day, title ends with, description starts with)
CYCLE_NUMBERS = [
    (1, 8, "(induction cycle 1, day 8)", "Induction: cycle 1 of 6, day 8. Study"),
    (6, 22, "(induction cycle 6, day 22)", "Induction: cycle 6 of 6, day 22. Study"),
    (7, 1, "(maintenance cycle 1, day 1)",
     "Maintenance: cycle 1 of about 26, day 1 (cycle 7 counting from the start, as the app's timeline shows it)."),
    (32, 21, "(maintenance cycle 26, day 21)",
     "Maintenance: cycle 26 of about 26, day 21 (cycle 32 counting from the start, as the app's timeline shows it)."),
]


@pytest.mark.parametrize(("cycle", "day", "title_end", "description_start"), CYCLE_NUMBERS)
def test_title_and_description_count_the_cycle_the_same_way(events, cycle, day, title_end,
                                                           description_start) -> None:
    event = _event(events, cycle, day)  # the UID keeps the cycle counted from the start: stable
    assert str(event["SUMMARY"]).endswith(title_end)
    assert str(event["DESCRIPTION"]).startswith(description_start)


def test_every_title_agrees_with_its_description(events) -> None:
    for event in events.values():
        part, cycle, day = re.search(r"\((\w+) cycle (\d+), day (\d+)\)$", str(event["SUMMARY"])).groups()
        assert str(event["DESCRIPTION"]).startswith(f"{part.capitalize()}: cycle {cycle} of ")
        assert f", day {day}" in str(event["DESCRIPTION"]).split("\n")[0]


def test_a_month_view_tells_clinic_days_from_home_days(events) -> None:
    """A phone's month view shows about ten letters of each title: they must say the kind of day."""
    kinds = {str(e["SUMMARY"])[:10] for e in events.values()}
    assert kinds == {"Clinic day", "At home: p", "Maybe a cl"}


def test_rest_days_have_no_event(events) -> None:
    assert not any(f"-c1-d{day}@" in uid for uid in events for day in range(23, 29))


def test_description_names_routes_never_doses(events) -> None:
    text = str(_event(events, 1, 8)["DESCRIPTION"])
    assert "Carfilzomib by drip over 30 minutes at the clinic" in text
    assert "Pomalidomide capsule by mouth at home" in text
    assert "Induction: cycle 1 of 6" in text
    assert "Your study team's schedule comes first." in text
    assert "Maintenance: cycle 1 of about 26" in str(_event(events, 7, 1)["DESCRIPTION"])
    everything = " ".join(str(e["SUMMARY"]) + str(e["DESCRIPTION"]) for e in events.values())
    assert not any(unit in everything for unit in (" mg", "mg/", "mL", "dose of"))


def test_a_maybe_clinic_day_names_its_own_medicine(timeline, trial, events) -> None:
    assert "If you get dexamethasone by drip, this is a clinic day." in str(_event(events, 2, 22)["DESCRIPTION"])
    # Another trial's "by mouth or by drip" medicine is named, not dexamethasone.
    other = TreatmentDay("induction", "Induction", 1, 1, 3, START, (Dose("x", "Prednisone", Route.PO_OR_IV),))
    text = event_description(other, timeline, trial)
    assert "If you get prednisone by drip, this is a clinic day." in text and "dexamethasone" not in text


def test_same_inputs_give_the_same_bytes(timeline, trial) -> None:
    again = build_timeline(trial, START)
    assert timeline_to_ics(timeline, trial) == timeline_to_ics(again, trial)
    later = timeline_to_ics(build_timeline(trial, START, {3: 7}), trial)
    assert later != timeline_to_ics(timeline, trial)


def test_a_delay_moves_the_events(trial) -> None:
    events = {str(e["UID"]): e for e in
              Calendar.from_ical(timeline_to_ics(build_timeline(trial, START, {3: 7}), trial)).walk("VEVENT")}
    assert _event(events, 2, 1).decoded("DTSTART") == dt.date(2027, 2, 1)
    assert _event(events, 3, 1).decoded("DTSTART") == dt.date(2027, 3, 8)  # 7 days after March 1


def test_an_undated_timeline_is_refused(trial) -> None:
    with pytest.raises(ValueError, match="first treatment day"):
        timeline_to_ics(build_timeline(trial), trial)


# --- the command line ---------------------------------------------------------------------

def test_cli_writes_the_calendar(tmp_path, capsys, trial) -> None:
    out = tmp_path / "mine.ics"
    assert main(["calendar", "--start-date", "2028-02-28", "-o", str(out)]) == 0
    assert "704 treatment days" in capsys.readouterr().out
    calendar = Calendar.from_ical(out.read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    # A leap year: cycle 1 day 2 is February 29, 2028; day 3 is March 1.
    assert _event(events, 1, 2).decoded("DTSTART") == dt.date(2028, 2, 29)
    assert _event(events, 1, 3).decoded("DTSTART") == dt.date(2028, 3, 1)
    assert out.read_bytes() == timeline_to_ics(build_timeline(trial, dt.date(2028, 2, 28)), trial)


@pytest.mark.parametrize(("start", "output", "message"), [
    ("2027-02-30", "mine.ics", "is not a real date"),
    ("tomorrow", "mine.ics", "is not a real date"),
    ("2027-1-4", "mine.ics", "is not a real date"),
    ("", "mine.ics", "is not a real date"),
    ("9999-12-01", "mine.ics", "not a possible first treatment day"),
    ("2100-01-01", "mine.ics", "use a date up to 2099-12-31"),  # not 'the study started on'
    ("0001-01-01", "mine.ics", "not a possible first treatment day"),
    ("2021-01-01", "mine.ics", "the study started on"),
    ("2027-01-04", "missing/mine.ics", "does not exist"),
    ("2027-01-04", "a-file.txt/mine.ics", "is a file, not a folder"),
    ("2027-01-04", ".", "is a folder"),
])
def test_cli_bad_input_exits_2_with_no_file(tmp_path, capsys, monkeypatch, start, output, message) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file.txt").write_text("not a folder", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert main(["calendar", "--start-date", start, "-o", output]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_cli_unwritable_output_exits_2_with_no_file(tmp_path, capsys, monkeypatch) -> None:
    import explainer.files

    def full_disk(fd, *args, **kwargs):
        raise OSError(28, "No space left on device")

    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(explainer.files.os, "fsync", full_disk)
    assert main(["calendar", "--start-date", "2027-01-04", "-o", str(folder / "mine.ics")]) == 2
    assert "cannot be written (No space left on device)" in capsys.readouterr().err
    assert list(folder.iterdir()) == []  # not even the temporary file


def test_cli_calendar_does_not_load_qt(tmp_path) -> None:
    code = ("import sys\nfrom explainer.cli import main\n"
            f"main(['calendar', '--start-date', '2027-01-04', '-o', {str(tmp_path / 'x.ics')!r}])\n"
            "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "NOQT"

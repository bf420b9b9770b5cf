"""The personal treatment calendar as an .ics file (RFC 5545), for any calendar app.

Not in ``core`` because it builds icalendar objects (imported lazily, so the
window opens without paying for them), but still pure: the same
timeline, trial and ``stamp`` give byte-identical output (no clock, no random
UIDs), so a file made twice imports as the same events, not as duplicates.
One all-day event per treatment day (or, with ``clinic_days_only``, per day that is
or may be a clinic day); rest days get none. No doses: the record gives none, and
the study team's schedule comes first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from explainer import __version__
from explainer.files import write_atomically
from explainer.core.facts import for_people_in_it
from explainer.core.language import current_language, say
from explainer.core.model import Trial
from explainer.core.schedule import Place, Timeline, TreatmentDay

if TYPE_CHECKING:
    from icalendar import Event

DISCLAIMER = ("This calendar was made by Trial Explainer from the study record. "
              "Your study team's schedule comes first.")  # the English of disclaimer()
LATEST_START = dt.date(2099, 12, 31)  # far enough for any real patient; keeps every date valid


def first_day_range(trial: Trial) -> tuple[dt.date, dt.date]:
    """The first treatment days that make sense: not before the study started."""
    return trial.start_date, LATEST_START


def disclaimer() -> str:
    """The calendar's last line, in the current language (the window's, or --lang)."""
    return say("This calendar was made by Trial Explainer from the study record. "
               "Your study team's schedule comes first.")


def event_summary(day: TreatmentDay) -> str:
    """'Clinic day: <medicine>, <medicine> (<part> cycle 1, day 8)'.

    The kind of day comes first: a phone's month view shows only the first few letters,
    and "Clinic day" or "At home" is what the patient needs to see there. The cycle is
    counted within its part, as the description counts it ("<Part>: cycle 26 of
    about 26"), so title and description never give two numbers for one cycle.
    """
    kind = say("Clinic day") if day.is_clinic_day else say("Maybe a clinic day") if day.may_be_clinic_day \
        else say("At home")
    names = ", ".join(d.name.lower() for d in day.doses)
    return say("{kind}: {names} ({phase} cycle {cycle}, day {day})").format(
        kind=kind, names=names, phase=day.phase_name.lower(), cycle=day.cycle_in_phase, day=day.day)


def _part_words(day: TreatmentDay, timeline: Timeline) -> str:
    plan = next((p for p in timeline.phases if p.id == day.phase_id), None)
    if plan is None:
        return day.phase_name
    count = say("about {n}").format(n=plan.cycles) if plan.cycles_estimated else str(plan.cycles)
    words = say("{part}: cycle {cycle} of {count}, day {day}").format(
        part=day.phase_name, cycle=day.cycle_in_phase, count=count, day=day.day)
    if plan.open_ended:  # no set end: the calendar holds the first year, and no count is given
        words = say("{part}: cycle {cycle}, day {day}").format(part=day.phase_name, cycle=day.cycle_in_phase,
                                                               day=day.day)
    if day.cycle != day.cycle_in_phase:  # the app's timeline counts cycles from the first one
        words += say(" (cycle {n} counting from the start, as the app's timeline shows it)").format(n=day.cycle)
    return words


def event_description(day: TreatmentDay, timeline: Timeline, trial: Trial) -> str:
    lines = [say("{part}. Study {nct_id}.").format(part=_part_words(day, timeline), nct_id=trial.nct_id), ""]
    lines += [f"- {d.describe()[0].upper()}{d.describe()[1:]}" for d in day.doses]
    if day.may_be_clinic_day:  # the medicine(s) the record gives "by mouth or by drip" that day
        either = say(" or ").join(d.name.lower() for d in day.doses if d.place is Place.ASK)
        lines += ["", say("If you get {either} by drip, this is a clinic day. Ask your study team.").format(
            either=either)]
    return "\n".join([*lines, "", *filter(None, (for_people_in_it(trial),)), disclaimer()])


def _event(day: TreatmentDay, timeline: Timeline, trial: Trial, stamp: dt.datetime) -> Event:
    from icalendar import Event

    assert day.date is not None
    event = Event()
    # The UID keeps the cycle counted from the start: unique across parts, and the same
    # as in calendars made before, so importing again updates events instead of doubling them.
    event.add("uid", f"{trial.nct_id}-c{day.cycle}-d{day.day}@trial-explainer.local")
    event.add("dtstamp", stamp)
    event.add("dtstart", day.date)  # a date, not a datetime: VALUE=DATE, an all-day event
    event.add("dtend", day.date + dt.timedelta(days=1))
    event.add("summary", event_summary(day))
    event.add("description", event_description(day, timeline, trial))
    event.add("transp", "TRANSPARENT")  # an all-day reminder, not a busy block
    return event


def record_stamp(trial: Trial) -> dt.datetime:
    """The date of the record the calendar comes from: reproducible, unlike the clock."""
    return dt.datetime.combine(trial.last_updated, dt.time(0, 0), tzinfo=dt.UTC)


def calendar_days(timeline: Timeline, clinic_days_only: bool = False) -> tuple[TreatmentDay, ...]:
    """The days that get an event. "Clinic days only" keeps the days that may be clinic
    days too (a medicine given "by mouth or by drip"): a missed visit costs more than
    one more event, and their titles say "Maybe a clinic day"."""
    return tuple(day for day in timeline.days if day.has_treatment and (
        not clinic_days_only or day.is_clinic_day or day.may_be_clinic_day))


def timeline_to_ics(timeline: Timeline, trial: Trial, stamp: dt.datetime | None = None,
                    clinic_days_only: bool = False) -> bytes:
    """Every treatment day of a dated timeline (see ``calendar_days``) as one all-day event.

    ``stamp`` (DTSTAMP) defaults to the record's date, so the window and the
    command line write the same bytes for the same first day and delays.
    """
    from icalendar import Calendar  # imported only when a calendar is made: it costs start-up time

    if timeline.start is None:
        raise ValueError("the calendar needs a first treatment day")
    stamp = stamp or record_stamp(trial)
    calendar = Calendar()
    calendar.add("prodid", f"-//Trial Explainer//{__version__}//{current_language().upper()}")  # the words' language
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", say("My treatment days ({nct_id})").format(nct_id=trial.nct_id))
    if for_people_in_it(trial):  # the calendar is for people already in the study
        calendar.add("x-wr-caldesc", for_people_in_it(trial))
    for day in calendar_days(timeline, clinic_days_only):
        calendar.add_component(_event(day, timeline, trial, stamp))
    return calendar.to_ical()


def treatment_day_count(timeline: Timeline, clinic_days_only: bool = False) -> int:
    return len(calendar_days(timeline, clinic_days_only))


def write_ics(path: Path, data: bytes) -> None:
    """All or nothing: the file holds the whole calendar or is not written."""
    write_atomically(path, data)

"""Trial facts formatted for plain-language pages: one place for every date and name
a page shows, so the pages' words stay in files and the facts stay in the trial data."""

from __future__ import annotations

import datetime as dt

from explainer.core.language import current_language, say
from explainer.core.model import RecruitmentStatus, Trial

# Spelled out here, not with strftime("%B"): Qt sets the C locale from the
# environment, and the app's words follow the app's language, not the machine's.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Spanish writes month and weekday names in lower case (RAE; the NCI's Spanish pages).
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")
WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
# Short names for a row of clinic days ('Mon Mar 2', 'lun 2 mar'): Spanish cuts
# 'miércoles' and 'sábado' to their usual short forms, accents kept.
SHORT_MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")
SHORT_WEEKDAYS_ES = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")


def status_words(status: RecruitmentStatus) -> str:
    """What the study's status is, in the current language."""
    return {
        RecruitmentStatus.NOT_YET_RECRUITING: say("not yet taking new people"),
        RecruitmentStatus.RECRUITING: say("taking new people"),
        RecruitmentStatus.ENROLLING_BY_INVITATION: say("taking new people by invitation only"),
        RecruitmentStatus.ACTIVE_NOT_RECRUITING: say("still going on, but not taking new people"),
        RecruitmentStatus.SUSPENDED: say("paused for now"),
        RecruitmentStatus.TERMINATED: say("stopped early"),
        RecruitmentStatus.COMPLETED: say("finished"),
        RecruitmentStatus.WITHDRAWN: say("withdrawn before anyone joined"),
        RecruitmentStatus.UNKNOWN: say("of unknown status"),
    }[status]


def joining_words(status: RecruitmentStatus) -> str:
    """What the status means for someone who wants to join, in the current language: short
    enough to sit inside a sentence ("..., but on September 26, 2025 the study was not
    taking new people")."""
    return {
        RecruitmentStatus.NOT_YET_RECRUITING: say("not yet taking new people"),
        RecruitmentStatus.RECRUITING: say("taking new people"),
        RecruitmentStatus.ENROLLING_BY_INVITATION: say("taking new people by invitation only"),
        RecruitmentStatus.ACTIVE_NOT_RECRUITING: say("not taking new people"),
        RecruitmentStatus.SUSPENDED: say("paused, and not taking new people"),
        RecruitmentStatus.TERMINATED: say("stopped early, and not taking new people"),
        RecruitmentStatus.COMPLETED: say("finished, and not taking new people"),
        RecruitmentStatus.WITHDRAWN: say("withdrawn, and not taking new people"),
        RecruitmentStatus.UNKNOWN: say("of unknown status"),
    }[status]


def month_names() -> tuple[str, ...]:
    """The twelve month names in the current language (the one owner of them)."""
    return MONTHS_ES if current_language() == "es" else MONTHS


def long_date(day: dt.date) -> str:
    """'September 26, 2025' ('26 de septiembre de 2025'): spelled-out months avoid
    day/month mix-ups in either language."""
    return day_month_year(day.day, day.month, day.year)


def day_month_year(day: int, month: int, year: int) -> str:
    if current_language() == "es":
        return f"{day} de {MONTHS_ES[month - 1]} de {year}"
    return f"{MONTHS[month - 1]} {day}, {year}"


def month_year(month: int, year: int) -> str:
    """'May 2004' ('mayo de 2004'): a date the registry gives without its day."""
    if current_language() == "es":
        return f"{MONTHS_ES[month - 1]} de {year}"
    return f"{MONTHS[month - 1]} {year}"


def weekday_date(day: dt.date) -> str:
    """'Friday, September 26, 2025' ('viernes, 26 de septiembre de 2025')."""
    weekdays = WEEKDAYS_ES if current_language() == "es" else WEEKDAYS
    return f"{weekdays[day.weekday()]}, {long_date(day)}"


def short_date(day: dt.date, with_year: bool = False) -> str:
    """'Mon Mar 2' (or 'Mon Mar 2, 2026'); Spanish 'lun 2 mar' (or 'lun 2 mar 2026'):
    short enough for a row of clinic days, still unambiguous."""
    if current_language() == "es":
        words = f"{SHORT_WEEKDAYS_ES[day.weekday()]} {day.day} {SHORT_MONTHS_ES[day.month - 1]}"
        return f"{words} {day.year}" if with_year else words
    words = f"{WEEKDAYS[day.weekday()][:3]} {MONTHS[day.month - 1][:3]} {day.day}"
    return f"{words}, {day.year}" if with_year else words


def about_months(days: int) -> str:
    """'2½' for 76 days: to the nearest half month (a month being 365.25 / 12 days), so
    'about 2½ months' comes from the schedule, never typed by hand beside it."""
    whole, half = divmod(round(days / (365.25 / 12) * 2), 2)
    return f"{whole or ''}½" if half else str(whole)


def trial_facts(trial: Trial) -> dict[str, str]:
    site = trial.locations[0] if trial.locations else None
    related = trial.related_studies[0] if trial.related_studies else None
    facts = {
        "nct_id": trial.nct_id,
        "title": trial.title,
        "status_words": status_words(trial.status),
        "status_code": trial.status.value,
        # "Is the study taking new people?" answered from the data, never by hand.
        "recruiting_answer": say("Yes") if trial.status.is_recruiting else say("No"),
        "last_updated": long_date(trial.last_updated),
        "start_date": long_date(trial.start_date),
        "completion_date": long_date(trial.completion_date),
        "enrollment": str(trial.enrollment),
        "lead_sponsor": trial.lead_sponsor.name,
        "collaborators": ", ".join(s.name for s in trial.sponsors if s.role == "collaborator"),
        "investigator": trial.investigators[0].name if trial.investigators else "",
        "site": f"{site.facility}, {site.city}, {site.state}, {site.country}" if site else "",
        "secondary_ids": ", ".join(i.id for i in trial.identifiers),
        "related_nct_id": related.nct_id if related else "",
        "related_title": related.title if related else "",
        "related_status_words": status_words(related.status) if related else "",
    }
    return {**facts, **regimen_facts(trial)}


def regimen_facts(trial: Trial) -> dict[str, str]:
    """The schedule's numbers, named from the data: ``cycle_days`` (the first part's),
    ``<part id>_cycles``, ``<part id>_weeks`` and ``<part id>_months`` (the record's
    "up to N months", or about how long a fixed number of cycles takes) for each part, the follow-up's days
    and years. Where groups differ, the first group's; none where the record gives no
    schedule (a page naming one then fails ``validate``)."""
    if not trial.regimens:
        return {}
    regimen = trial.regimens[0]
    facts = {"cycle_days": str(regimen.phases[0].cycle_length_days)}
    for phase in regimen.phases:
        days = (phase.cycles or 0) * phase.cycle_length_days  # a fixed number of cycles: its length
        facts[f"{phase.id}_cycles"] = str(phase.cycles or "")
        facts[f"{phase.id}_weeks"] = str(round(days / 7)) if days else ""
        # "up to N months" as the record says it; else a fixed part's length, about
        facts[f"{phase.id}_months"] = str(phase.max_months) if phase.max_months else about_months(days) if days else ""
    if regimen.follow_up is not None:
        facts["follow_up_days"] = str(regimen.follow_up.first_visit_days_after_treatment)
        facts["follow_up_years"] = str(regimen.follow_up.up_to_years)
    return facts


def closed_notice(trial: Trial, help_place: str | None = None) -> tuple[str, str]:
    """For a study not taking new people: a headline, then what it means and what to do
    instead, for the first lines of every place where people decide (empty while it
    takes new people). The status and the date come from the trial data, never by hand.
    ``help_place`` says where the help lines are (a page of the app, a part of the PDF)."""
    if trial.status.is_recruiting:
        return ("", "")
    if help_place is None:
        help_place = say('on the page "Where to get help"')
    headline = say("On {date}, this study was {joining}.").format(date=long_date(trial.last_updated),
                                                                  joining=joining_words(trial.status))
    related = trial.related_studies[0] if trial.related_studies else None
    also = (say(" The record lists a related study, {nct_id}, as {joining}.").format(
        nct_id=related.nct_id, joining=joining_words(related.status)) if related else "")
    details = say("That is the date of the study's record: people not already in the study could not join it then. "
                  "Ask your doctor or the study team if this has changed, and about other studies that may fit you."
                  "{also} The help lines {help_place} can help you find other studies too.").format(
        also=also, help_place=help_place)
    return (headline, details)


def for_people_in_it(trial: Trial) -> str:
    """The first line of the timeline and the calendar: who they are for."""
    if trial.status.is_recruiting:
        return ""
    return say("This is for people already in the study. On {date}, the study was {joining}.").format(
        date=long_date(trial.last_updated), joining=joining_words(trial.status))

"""Trial facts formatted for plain-language pages: one place for every date and name
a page shows, so the pages' words stay in files and the facts stay in the trial data."""

from __future__ import annotations

import datetime as dt

from explainer.core.model import RecruitmentStatus, Trial

STATUS_WORDS = {
    RecruitmentStatus.NOT_YET_RECRUITING: "not yet taking new people",
    RecruitmentStatus.RECRUITING: "taking new people",
    RecruitmentStatus.ENROLLING_BY_INVITATION: "taking new people by invitation only",
    RecruitmentStatus.ACTIVE_NOT_RECRUITING: "still going on, but not taking new people",
    RecruitmentStatus.SUSPENDED: "paused for now",
    RecruitmentStatus.TERMINATED: "stopped early",
    RecruitmentStatus.COMPLETED: "finished",
    RecruitmentStatus.WITHDRAWN: "withdrawn before anyone joined",
    RecruitmentStatus.UNKNOWN: "of unknown status",
}

# What the status means for someone who wants to join, short enough to sit inside a
# sentence ("..., but on September 26, 2025 the study was not taking new people").
JOINING_WORDS = {
    RecruitmentStatus.NOT_YET_RECRUITING: "not yet taking new people",
    RecruitmentStatus.RECRUITING: "taking new people",
    RecruitmentStatus.ENROLLING_BY_INVITATION: "taking new people by invitation only",
    RecruitmentStatus.ACTIVE_NOT_RECRUITING: "not taking new people",
    RecruitmentStatus.SUSPENDED: "paused, and not taking new people",
    RecruitmentStatus.TERMINATED: "stopped early, and not taking new people",
    RecruitmentStatus.COMPLETED: "finished, and not taking new people",
    RecruitmentStatus.WITHDRAWN: "withdrawn, and not taking new people",
    RecruitmentStatus.UNKNOWN: "of unknown status",
}

# Spelled out here, not with strftime("%B"): Qt sets the C locale from the
# environment, and the app's words are English whatever the machine's language.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(day: dt.date) -> str:
    """'September 26, 2025': spelled-out months avoid day/month mix-ups."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def weekday_date(day: dt.date) -> str:
    """'Friday, September 26, 2025'."""
    return f"{WEEKDAYS[day.weekday()]}, {long_date(day)}"


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
        "status_words": STATUS_WORDS[trial.status],
        "status_code": trial.status.value,
        # "Is the study taking new people?" answered from the data, never by hand.
        "recruiting_answer": "Yes" if trial.status.is_recruiting else "No",
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
        "related_status_words": STATUS_WORDS[related.status] if related else "",
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


def closed_notice(trial: Trial, help_place: str = 'on the page "Where to get help"') -> tuple[str, str]:
    """For a study not taking new people: a headline, then what it means and what to do
    instead, for the first lines of every place where people decide (empty while it
    takes new people). The status and the date come from the trial data, never by hand.
    ``help_place`` says where the help lines are (a page of the app, a part of the PDF)."""
    if trial.status.is_recruiting:
        return ("", "")
    headline = f"On {long_date(trial.last_updated)}, this study was {JOINING_WORDS[trial.status]}."
    related = trial.related_studies[0] if trial.related_studies else None
    also = (f" The record lists a related study, {related.nct_id}, as {JOINING_WORDS[related.status]}."
            if related else "")
    details = ("That is the date of the study's record: people not already in the study could not join it then. "
               "Ask your doctor or the study team if this has changed, and about other studies that may fit you."
               f"{also} The help lines {help_place} can help you find other studies too.")
    return (headline, details)


def for_people_in_it(trial: Trial) -> str:
    """The first line of the timeline and the calendar: who they are for."""
    if trial.status.is_recruiting:
        return ""
    return (f"This is for people already in the study. On {long_date(trial.last_updated)}, "
            f"the study was {JOINING_WORDS[trial.status]}.")

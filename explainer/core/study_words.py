"""The app's own words for the pages of any study (resources/study_words.json), as a model.

Every sentence the app writes about a registry record lives in that one file, so a
writer can read, score and translate them in one place; the code only picks which
sentence fits the record and fills in numbers and dates. Each text names the
placeholders it may use (``Words("count")``): any other ``{name}`` is a writer's
typo, refused when the file loads rather than shown to a patient.

Tables keyed by a registry value (a status, a phase, an arm type, ...) must cover
every value the registry model knows, so a new record can never reach a missing
sentence. No Qt, no files, no clock here.
"""

from __future__ import annotations

import string
from typing import Annotated, Any, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from explainer.core.registry_record import (
    ArmType,
    ContactRole,
    Gap,
    InterventionModel,
    InterventionType,
    Phase,
    Sex,
    Status,
    StudyType,
    WhoMasked,
)

MAX_WORDS = 600
# The registry's primary purposes (ctg-oas-v2.yaml, PrimaryPurpose); the model keeps
# the field as text, so a purpose added later is quoted rather than refused.
PURPOSES = ("TREATMENT", "PREVENTION", "DIAGNOSTIC", "ECT", "SUPPORTIVE_CARE", "SCREENING",
            "HEALTH_SERVICES_RESEARCH", "BASIC_SCIENCE", "DEVICE_FEASIBILITY", "OTHER")


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        raise ValueError("has a { or } that is not a placeholder such as {count}") from None


def Words(*names: str) -> Any:  # noqa: N802 - reads as a type in the model below
    """A text that may use exactly these placeholders (none: plain words)."""
    allowed = frozenset(names)

    def check(text: str) -> str:
        unknown = _placeholders(text) - allowed
        if unknown:
            can = ", ".join("{" + n + "}" for n in sorted(allowed)) or "no placeholders"
            raise ValueError(f"unknown placeholder {{{sorted(unknown)[0]}}} (this text can use {can})")
        return text

    return Annotated[str, StringConstraints(strict=True, min_length=1, max_length=MAX_WORDS),
                     AfterValidator(check)]


Plain = Words()
# Texts that take placeholders, named by them (a call in an annotation would read as
# a forward reference to pyflakes).
WithCount = Words("count")
WithCountCountries = Words("count", "countries")
WithCountStatus = Words("count", "status")
WithDate = Words("date")
WithToday = Words("today")
WithFirstSecond = Words("first", "second")
WithHigh = Words("high")
WithListLast = Words("list", "last")
WithLow = Words("low")
WithLowHigh = Words("low", "high")
WithMonthDayYear = Words("month", "day", "year")
WithMonthYear = Words("month", "year")
WithNctId = Words("nct_id")
WithPlace = Words("place")
WithShownTotalPlace = Words("shown", "total", "place")
WithTotalPlace = Words("total", "place")
WithStatus = Words("status")
WithWho = Words("who")
WithStatusDate = Words("status", "date")
Steps = Annotated[tuple[Plain, ...], Field(min_length=1, max_length=8)]


class _Strict(BaseModel):
    # defer_build: the words are read as one file, whose validator holds its parts'.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _complete(table: dict[Any, Any], keys: tuple[str, ...], name: str) -> None:
    missing = [key for key in keys if key not in table]
    if missing:
        raise ValueError(f"{name} has no words for {missing[0]}")


# ---------------------------------------------------------------- the parts of the file

class PageTitles(_Strict):
    status: Plain
    about: Plain
    what_happens: Plain
    who_can_join: Plain
    where: Plain
    details: Plain


class StatusMeaning(_Strict):
    answer: Plain       # the short answer to "Is the study taking new people?"
    meaning: Plain      # what the registry's status word means, in plain words
    short: Plain        # a few words, for a place's status and the last known status


class NextSteps(_Strict):
    """What to do, by whether the record says the study takes new people."""

    yes: Steps
    invitation: Steps
    not_yet: Steps
    paused: Steps
    no: Steps
    unknown: Steps


class StatusWords(_Strict):
    heading: Plain
    overall: dict[Status, StatusMeaning]
    missing: Plain
    last_known: WithStatus
    verified: WithDate
    not_verified: Plain
    updated: WithDate
    record_date: WithDate
    old: WithToday
    status_in_record: Plain
    why_stopped: Plain
    next_heading: Plain
    next: NextSteps
    sites_heading: Plain
    site_count: WithCountStatus
    site_count_one: WithStatus
    sites_without_status: WithCount
    sites_without_status_one: Plain
    sites_see_where: Plain
    source: Plain

    @model_validator(mode="after")
    def _every_status(self) -> StatusWords:
        _complete(self.overall, tuple(Status), "status.overall")
        return self


class AboutWords(_Strict):
    names_heading: Plain
    short_title: Plain
    official_title: Plain
    acronym: Plain
    study_number: Plain
    conditions_heading: Plain
    conditions_intro: Plain
    no_conditions: Plain
    summary_heading: Plain
    summary_label: Plain
    no_summary: Plain
    kind_heading: Plain
    study_type: dict[StudyType, Plain]
    no_study_type: Plain
    phase: dict[Phase, Plain]
    no_phase: Plain
    several_phases: Plain
    purpose_label: Plain
    purpose: dict[str, Plain]   # the registry's primary purposes; an unknown one is quoted
    source: Plain

    @model_validator(mode="after")
    def _every_value(self) -> AboutWords:
        _complete(self.study_type, get_args(StudyType), "about.study_type")
        _complete(self.phase, get_args(Phase), "about.phase")
        _complete(self.purpose, PURPOSES, "about.purpose")
        return self


class MaskingWords(_Strict):
    open: Plain                    # masking NONE
    who: dict[WhoMasked, Plain]    # each role as the subject of a sentence
    one: WithWho              # "{who} will not know which group you are in."
    two: WithFirstSecond
    many: WithListLast
    unknown_who: Plain             # masked, but the record does not say who
    why: Plain
    not_given: Plain

    @model_validator(mode="after")
    def _every_role(self) -> MaskingWords:
        _complete(self.who, get_args(WhoMasked), "what_happens.masking.who")
        return self


class WhatHappensWords(_Strict):
    groups_heading: Plain
    group_count: WithCount
    one_group: Plain
    no_groups: Plain
    random: WithCount
    random_unknown_count: Plain
    chosen: WithCount
    allocation_not_given: Plain
    model: dict[InterventionModel, Plain]   # said only for 2 or more groups, so not SINGLE_GROUP
    masking: MaskingWords
    placebo: Plain
    sham: Plain
    chance_of_placebo: Plain
    no_placebo: Plain
    observational: Plain
    observational_groups: WithCount
    observational_one_group: Plain
    group_description_label: Plain
    arm_type_label: Plain
    arm_type: dict[ArmType, Plain]
    arm_plan_in_record: Plain  # an interventional arm's own description holds doses: not shown
    arm_gets_label: Plain
    arm_gets_nothing_listed: Plain
    treatments_heading: Plain
    treatments_intro: Plain
    no_treatments: Plain
    treatment_type_label: Plain
    treatment_type: dict[InterventionType, Plain]
    other_names_label: Plain
    source: Plain

    @model_validator(mode="after")
    def _every_value(self) -> WhatHappensWords:
        _complete(self.model, tuple(m for m in get_args(InterventionModel) if m != "SINGLE_GROUP"),
                  "what_happens.model")
        _complete(self.arm_type, get_args(ArmType), "what_happens.arm_type")
        _complete(self.treatment_type, get_args(InterventionType), "what_happens.treatment_type")
        return self


class WhoCanJoinWords(_Strict):
    intro: Plain
    basics_heading: Plain
    age_range: WithLowHigh
    age_from: WithLow
    age_up_to: WithHigh
    no_lowest_age: Plain
    no_highest_age: Plain
    no_ages: Plain
    age_units: dict[str, Plain]        # "years" -> "years"; words for each unit the model reads
    age_units_one: dict[str, Plain]    # "years" -> "year", for an age of 1
    sex: dict[Sex, Plain]
    no_sex: Plain
    gender_label: Plain
    healthy_yes: Plain
    healthy_no: Plain
    healthy_not_given: Plain
    population_heading: Plain
    population_label: Plain
    rules_heading: Plain
    rules_intro: Plain
    inclusion_heading: Plain
    inclusion_intro: Plain
    exclusion_heading: Plain
    exclusion_intro: Plain
    no_exclusion: Plain
    no_headings: Plain
    notes_label: Plain
    no_criteria: Plain
    source: Plain

    @model_validator(mode="after")
    def _every_value(self) -> WhoCanJoinWords:
        _complete(self.sex, get_args(Sex), "who_can_join.sex")
        units = ("years", "months", "weeks", "days", "hours", "minutes")
        _complete(self.age_units, units, "who_can_join.age_units")
        _complete(self.age_units_one, units, "who_can_join.age_units_one")
        return self


class WhereWords(_Strict):
    contacts_heading: Plain
    contacts_intro: Plain
    no_central_contacts: Plain
    no_contacts: WithNctId
    name_label: Plain
    role_label: Plain
    role: dict[ContactRole, Plain]
    phone_label: Plain
    extension_label: Plain
    email_label: Plain
    officials_heading: Plain
    affiliation_label: Plain
    places_heading: Plain
    place_count: WithCountCountries
    place_count_one_country: WithCount
    one_place: Plain
    filtered: WithShownTotalPlace
    filtered_one: WithTotalPlace  # "Here is 1 of …": one place is not "are"
    none_in_filter: WithPlace
    no_sites: WithNctId
    status_label: Plain
    no_site_status: Plain
    site_contacts_label: Plain
    source: Plain

    @model_validator(mode="after")
    def _every_role(self) -> WhereWords:
        _complete(self.role, get_args(ContactRole), "where.role")
        return self


class DetailsWords(_Strict):
    dates_heading: Plain
    start: Plain
    primary_completion: Plain
    completion: Plain
    first_posted: Plain
    last_update: Plain
    record_copy: Plain
    actual: Plain
    estimated: Plain
    no_dates: Plain
    dates_note: Plain
    past_plans: Plain
    size_heading: Plain
    size_actual: WithCount
    size_estimated: WithCount
    size_untyped: WithCount
    no_size: Plain
    sponsor_heading: Plain
    lead_sponsor: Plain
    collaborators: Plain
    no_sponsor: Plain
    numbers_heading: Plain
    numbers_intro: Plain
    nct_number: Plain
    org_number: Plain
    other_number: Plain
    results_heading: Plain
    results_yes: Plain
    results_no: Plain
    gaps_heading: Plain
    gaps_intro: Plain
    gaps: dict[Gap, Plain]
    no_gaps: Plain

    @model_validator(mode="after")
    def _every_gap(self) -> DetailsWords:
        _complete(self.gaps, tuple(Gap), "details.gaps")
        return self


class ReadingWords(_Strict):
    """The label before a hard passage of the record's words (explainer.core.study_reading)
    and the list of hard words at the end of a page in the window."""

    label: Plain          # "Written for doctors:", bold, before the text
    hard: Plain           # grade 8 to 12: the record's own words, hard to read
    very_hard: Plain      # beyond grade 12
    screen: Plain         # how the window explains hard words (dotted line, Tab, Enter); the
                          # PDF's words are in study_summary_words.json (a list at the end)
    words_heading: Plain  # the window's list of hard words at the end of a page


class KeptWords(_Strict):
    """The list of studies kept on this computer: each status with its date, and a
    warning when the copy is old (explainer.core.copy_age)."""

    status_dated: WithStatusDate
    status_undated: WithStatus
    no_status: Plain
    no_date: Plain
    old_copy: WithDate
    undated_copy: WithDate
    undated_copy_no_update: Plain
    answers_unreadable: Plain   # the self-check's kept answers for the study could not be read
    not_known: Plain            # a value the list cannot tell (a damaged kept record)


class StudyWords(_Strict):
    """resources/study_words.json: every word the app writes on a study's pages."""

    format: str = Field(pattern=r"^trial-explainer/study-words$")
    version: int = Field(ge=1, le=1)
    months: tuple[Plain, ...] = Field(min_length=12, max_length=12)
    date_day: WithMonthDayYear
    date_month: WithMonthYear
    registry_label: Plain      # how a quote of the registry is labelled
    list_and: Plain            # "and", to join names in a sentence
    pages: PageTitles
    status: StatusWords
    about: AboutWords
    what_happens: WhatHappensWords
    who_can_join: WhoCanJoinWords
    where: WhereWords
    details: DetailsWords
    reading: ReadingWords
    kept: KeptWords

    def all_prose(self) -> dict[str, list[str]]:
        """Every sentence the app writes, by part of the file, for the readability check.
        Left out, as the writing guide says: citations (``source``) and month names."""
        out: dict[str, list[str]] = {}
        for key, value in self.model_dump(mode="json", exclude={"format", "version", "months"}).items():
            out[key] = _strings(value)
        return out


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key != "source" for text in _strings(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _strings(item)]
    return []

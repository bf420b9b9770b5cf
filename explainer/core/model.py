"""The trial as validated data.

Every model is frozen and strict about keys (``extra="forbid"``) so that a typo in
a content file is an error naming the field, never a silently ignored value.
Every author-facing field carries a description; ``trial-explainer validate``
shows them in its messages. No Qt, no reportlab, no files, no clock here.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator

from explainer.core.echo import echoed
from explainer.core.limits import (
    CRITERIA_TEXT,
    FEW,
    LONG_TEXT,
    MANY,
    MAX_CYCLE_DAYS,
    MAX_CYCLES,
    MAX_MONTHS,
    MAX_PHASES,
    MAX_RULE_DEPTH,
    MAX_TREATMENT_DAYS,
    MAX_YEARS,
    SITES,
    SUMMARY_TEXT,
    ShortText,
    Version1,
    check_date,
    rule_depth,
)
from explainer.core.rules import AllOf, AnyOf, Compare, Rule, rule_fits_answers
from explainer.core.trial_words import TrialWords


class Strict(BaseModel):
    # strict: JSON true is not 1, "6" is not 6; no NaN or Infinity; no text longer than LONG_TEXT.
    # defer_build: the validators are built on first use, after the first paint.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False,
                              str_max_length=LONG_TEXT, defer_build=True)


Date = Annotated[dt.date, AfterValidator(check_date)]
DAYS_PER_YEAR = 365.25  # the mean Gregorian year: "2 years" is 730.5 days
# A part with no set end ("until the disease gets worse") is drawn for its first year:
# enough for a calendar; the words say it has no set end and give no count.
OPEN_ENDED_DAYS_SHOWN = DAYS_PER_YEAR


def _parse_days(value: object) -> object:
    """Accept the registry's own notation: "1-21" or "1, 8, 15, 22"."""
    if not isinstance(value, str):
        return value
    days: list[int] = []
    for part in value.split(","):
        part = part.strip()
        if "-" in part:
            first, last = (_day(p) for p in part.split("-", 1))
            if last < first:
                raise ValueError(f"day range {echoed(part)} runs backwards")
            days.extend(range(first, last + 1))
        elif part:
            days.append(_day(part))
    if len(set(days)) != len(days):
        raise ValueError(f"days {echoed(value)} name a day twice")
    return tuple(sorted(days))


def _day(text: str) -> int:
    # Checked before any range is made: "1-999999999999" must not build a list of that length.
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 3 or not 1 <= int(text) <= MAX_CYCLE_DAYS:
        raise ValueError(f"{echoed(text)} is not a day of a cycle (1 to {MAX_CYCLE_DAYS})")
    return int(text)


DayList = Annotated[tuple[int, ...], BeforeValidator(_parse_days), Field(max_length=MAX_CYCLE_DAYS)]


class RecruitmentStatus(StrEnum):
    NOT_YET_RECRUITING = "NOT_YET_RECRUITING"
    RECRUITING = "RECRUITING"
    ENROLLING_BY_INVITATION = "ENROLLING_BY_INVITATION"
    ACTIVE_NOT_RECRUITING = "ACTIVE_NOT_RECRUITING"
    SUSPENDED = "SUSPENDED"
    TERMINATED = "TERMINATED"
    COMPLETED = "COMPLETED"
    WITHDRAWN = "WITHDRAWN"
    UNKNOWN = "UNKNOWN"

    @property
    def is_recruiting(self) -> bool:
        return self in (RecruitmentStatus.RECRUITING, RecruitmentStatus.ENROLLING_BY_INVITATION)


class Route(StrEnum):
    IV = "IV"
    PO = "PO"
    PO_OR_IV = "PO_OR_IV"
    SC = "SC"  # a shot under the skin


class Form(StrEnum):
    """What a medicine taken by mouth is, where a source says so; none: just "by mouth"."""

    TABLET = "tablet"
    CAPSULE = "capsule"
    LIQUID = "liquid"


class Identifier(Strict):
    id: ShortText = Field(description="The identifier as the registry prints it.")
    type: ShortText = Field(description="Identifier type, e.g. REGISTRY, OTHER, or '-'.")
    source: ShortText = Field(description="secondary_id, org_study_id, ...")


class Sponsor(Strict):
    name: ShortText
    sponsor_class: ShortText = Field(description="INDUSTRY, OTHER, NIH, ...")
    role: Literal["lead", "collaborator"]


class Investigator(Strict):
    name: ShortText
    role: ShortText
    affiliation: ShortText


class Location(Strict):
    facility: ShortText
    city: ShortText
    state: ShortText = ""
    country: ShortText
    status: ShortText = Field("", description="Site status; empty when the record gives none.")


class RelatedStudy(Strict):
    nct_id: str = Field(pattern=r"^NCT\d{8}$")
    title: ShortText
    status: RecruitmentStatus
    phase: ShortText


class Design(Strict):
    allocation: ShortText
    intervention_model: ShortText
    primary_purpose: ShortText
    masking: ShortText


class Arm(Strict):
    label: ShortText
    group_type: ShortText
    description: str = Field(description="The arm's description, word for word.")
    regimen: Regimen | None = Field(None, description="This group's own schedule, where the groups get "
                                    "different treatment; none: the trial's 'regimen' (or no schedule).")


class Intervention(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$", max_length=100, description="Key used by the regimen.")
    name: ShortText
    type: Literal["DRUG", "BIOLOGICAL", "PROCEDURE", "DEVICE", "OTHER"]
    description: str = Field(description="The registry's description, e.g. 'Given IV'.")
    route: Route | None = Field(None, description="How a medicine is given; none for procedures.")
    other_names: tuple[ShortText, ...] = Field((), max_length=MANY, description="Other names from the registry.")
    form: Form | None = Field(None, description="tablet, capsule or liquid, for a medicine taken by mouth, "
                                                "where a source says so; none reads just 'by mouth'.")

    @model_validator(mode="after")
    def _form_only_by_mouth(self) -> Intervention:
        if self.form is not None and self.route not in (Route.PO, Route.PO_OR_IV):
            raise ValueError(f"{self.id!r}: a form ({self.form.value}) is only for a medicine taken by mouth")
        return self

    @model_validator(mode="after")
    def _medicines_have_routes(self) -> Intervention:
        is_medicine = self.type in ("DRUG", "BIOLOGICAL")
        if is_medicine and self.route is None:
            raise ValueError(f"medicine {self.id!r} needs a route")
        if not is_medicine and self.route is not None:
            raise ValueError(f"{self.id!r} is not a medicine and takes no route")
        return self


class CycleRange(Strict):
    first: int = Field(ge=1, le=MAX_CYCLES, description="First cycle of the phase this applies to.")
    last: int | None = Field(None, ge=1, le=MAX_CYCLES, description="Last cycle, or none for 'to the end'.")

    @model_validator(mode="after")
    def _in_order(self) -> CycleRange:
        if self.last is not None and self.last < self.first:
            raise ValueError(f"cycles {self.first} to {self.last} run backwards")
        return self

    def contains(self, cycle: int) -> bool:
        return cycle >= self.first and (self.last is None or cycle <= self.last)


class DayRule(Strict):
    cycles: CycleRange = Field(description="Cycles of the phase, counted from 1, this rule covers.")
    days: DayList = Field(description='Treatment days, e.g. "1, 8, 15, 22" or "1-21".')


class DrugSchedule(Strict):
    drug: str = Field(max_length=100, description="An intervention id.")
    route: Route
    infusion_minutes: int | None = Field(None, gt=0, le=24 * 60, description="Only where the record gives it.")
    once_daily: bool = Field(False, description="True where the record says 'once daily (QD)'.")
    day_rules: tuple[DayRule, ...] = Field(min_length=1, max_length=FEW)

    def days_in_cycle(self, cycle: int) -> tuple[int, ...]:
        for rule in self.day_rules:
            if rule.cycles.contains(cycle):
                return rule.days
        return ()


class Phase(Strict):
    id: str = Field(pattern=r"^[a-z_]+$", max_length=100)
    name: ShortText
    cycle_length_days: int = Field(gt=0, le=MAX_CYCLE_DAYS)
    cycles: int | None = Field(None, gt=0, le=MAX_CYCLES, description="Fixed number of cycles, if the record gives one.")
    max_months: int | None = Field(None, gt=0, le=MAX_MONTHS, description="'Up to N months', if the record says so. "
                                   "Neither this nor 'cycles': the phase has no set end (open-ended).")
    continues_while: str = Field(description="The record's condition, word for word.")
    drugs: tuple[DrugSchedule, ...] = Field(min_length=1, max_length=FEW)
    source: str = Field(description="The registry paragraph this phase comes from, word for word.")

    @model_validator(mode="after")
    def _days_fit_cycle(self) -> Phase:
        if self.max_months is not None and self.cycles is None and self.whole_cycles() < 1:
            # "up to 1 month" of 400-day cycles holds none
            raise ValueError(f"phase {self.id!r}: {self.max_months} months holds no whole "
                             f"{self.cycle_length_days}-day cycle")
        for drug in self.drugs:
            for rule in drug.day_rules:
                bad = [d for d in rule.days if not 1 <= d <= self.cycle_length_days]
                if bad:
                    raise ValueError(
                        f"{drug.drug} in {self.id}: day {bad[0]} is outside a "
                        f"{self.cycle_length_days}-day cycle"
                    )
        return self

    def whole_cycles(self) -> int:
        """The fixed number of cycles, or as many whole ones as 'up to N months' holds
        (2 years of 4-week cycles: 26); a part with no set end is drawn for its
        first year (at least one cycle)."""
        if self.cycles is not None:
            return self.cycles
        if self.max_months is not None:
            return math.floor(self.max_months * DAYS_PER_YEAR / 12 / self.cycle_length_days)
        return max(1, math.floor(OPEN_ENDED_DAYS_SHOWN / self.cycle_length_days))

    @property
    def open_ended(self) -> bool:
        """No count and no months: cycles repeat while the record's condition holds."""
        return self.cycles is None and self.max_months is None


class FollowUp(Strict):
    first_visit_days_after_treatment: int = Field(gt=0, le=MAX_YEARS * 366)
    up_to_years: int = Field(gt=0, le=MAX_YEARS)
    source: str


class Regimen(Strict):
    phases: tuple[Phase, ...] = Field(min_length=1, max_length=MAX_PHASES)
    follow_up: FollowUp | None = Field(None, description="None where the record gives no follow-up.")
    procedures_source: str = Field(description="The record's sentence about tests and scans.")

    @model_validator(mode="after")
    def _timeline_fits(self) -> Regimen:
        ids = [p.id for p in self.phases]
        if len(set(ids)) != len(ids):
            raise ValueError(f"phase ids used twice: {sorted({i for i in ids if ids.count(i) > 1})}")
        days = sum(p.cycle_length_days * p.whole_cycles() for p in self.phases)
        if days > MAX_TREATMENT_DAYS:  # the timeline builds every day of every cycle
            raise ValueError(f"the phases add up to {days:,} days of treatment; "
                             f"the most the app can show is {MAX_TREATMENT_DAYS:,}")
        return self


class Criterion(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$", max_length=100)
    kind: Literal["inclusion", "exclusion"]
    source: str = Field(description="The registry's wording, exactly (sub-bullets included).")
    plain: str = Field(description="The same rule in plain words, grade 8 or lower.")
    rule: Rule | None = Field(
        None,
        description="What the answers must show for this criterion to be met "
        "(for an exclusion: that it does NOT apply). None: only the study team can judge.",
    )
    note_only: bool = Field(
        False,
        description="A registry bullet that explains other rules rather than setting one "
        "(e.g. growth factors may be used): shown, never evaluated.",
    )

    @model_validator(mode="after")
    def _rule_is_usable(self, info: ValidationInfo) -> Criterion:
        if self.rule is None:
            return self
        if rule_depth(self.rule) > MAX_RULE_DEPTH:
            raise ValueError(f"the rule of {self.id!r} is nested more than {MAX_RULE_DEPTH} levels deep")
        # The question bank, given by whoever reads a trial file (explainer.content.load_trial,
        # so every file is checked): core reads no files. A criterion built in code, with no
        # bank at hand, has only its rule's shape checked here.
        bank = (info.context or {}).get("questions")
        problem = rule_fits_answers(self.rule, bank) if bank is not None else None
        if problem:
            raise ValueError(f"the rule of {self.id!r}: {problem}")
        return self


def _compare_leaves(rule: object) -> list[Compare]:
    if isinstance(rule, (AllOf, AnyOf)):
        return [leaf for child in rule.of for leaf in _compare_leaves(child)]
    return [rule] if isinstance(rule, Compare) else []


class EligibilityFacts(Strict):
    minimum_age_years: int = Field(ge=0, le=120)
    sex: str
    healthy_volunteers: bool


class Trial(Strict):
    format: Literal["trial-explainer-trial"]
    version: Version1
    nct_id: str = Field(pattern=r"^NCT\d{8}$")
    title: ShortText
    identifiers: tuple[Identifier, ...] = Field(max_length=FEW)
    status: RecruitmentStatus
    last_updated: Date = Field(description="The record's 'Last Updated' date.")
    results: str = Field(description="What the record says about results.")
    phase: ShortText
    enrollment: int = Field(gt=0, le=10_000_000)
    study_type: ShortText
    start_date: Date
    completion_date: Date
    brief_summary: str = Field(max_length=SUMMARY_TEXT)
    detailed_description: str
    conditions: tuple[ShortText, ...] = Field(max_length=MANY)
    design: Design
    sponsors: tuple[Sponsor, ...] = Field(max_length=FEW)
    responsible_party: ShortText
    investigators: tuple[Investigator, ...] = Field(max_length=MANY)
    locations: tuple[Location, ...] = Field(max_length=SITES)
    related_studies: tuple[RelatedStudy, ...] = Field((), max_length=FEW)
    arms: tuple[Arm, ...] = Field(max_length=FEW)
    interventions: tuple[Intervention, ...] = Field(max_length=FEW)
    regimen: Regimen | None = Field(description="The schedule every group gets; null where the record "
                                    "gives none, or where each arm has its own 'regimen'.")
    eligibility: EligibilityFacts
    criteria: tuple[Criterion, ...] = Field(max_length=MANY)
    words: TrialWords = Field(default_factory=lambda: TrialWords(),
                              description="This study's own words for the timeline and the PDF, laid "
                              "over the generic ones (resources/timeline.json, resources/pdf/summary.json).")
    comment: str = Field("", description="A note for authors (e.g. that a test study is made up); never shown.")

    @model_validator(mode="after")
    def _regimens_fit(self) -> Trial:
        """One schedule for all, one per arm, or none; every drug named is a medicine here."""
        own = [arm for arm in self.arms if arm.regimen is not None]
        if own and self.regimen is not None:
            raise ValueError("give either one 'regimen' for every group or a 'regimen' in each arm, not both")
        if own and len(own) != len(self.arms):
            raise ValueError(f"arm {next(a.label for a in self.arms if a.regimen is None)!r} has no 'regimen', "
                             "but other arms have one: give every arm its own")
        known = {i.id for i in self.interventions}
        for regimen in filter(None, (self.regimen, *(arm.regimen for arm in own))):
            for phase in regimen.phases:
                for drug in phase.drugs:
                    if drug.drug not in known:
                        raise ValueError(f"regimen phase {phase.id!r} names unknown drug {drug.drug!r}")
            ids = [p.id for p in regimen.phases]
            if len(set(ids)) != len(ids) or {"screening", "follow_up"} & set(ids):
                raise ValueError(f"phase ids must differ and not be 'screening' or 'follow_up': {ids}")
        return self

    @model_validator(mode="after")
    def _references_resolve(self) -> Trial:
        leads = [s for s in self.sponsors if s.role == "lead"]
        if len(leads) != 1:
            raise ValueError(f"sponsors: the record names {len(leads)} lead sponsors; it needs exactly 1")
        known = [i.id for i in self.interventions]
        if len(set(known)) != len(known):
            raise ValueError(f"intervention ids used twice: {sorted({i for i in known if known.count(i) > 1})}")
        text = sum(len(c.source) + len(c.plain) for c in self.criteria)
        if text > CRITERIA_TEXT:
            raise ValueError(f"criteria: their wording and plain words hold {text:,} characters; "
                             f"the most is {CRITERIA_TEXT:,}")
        ids = [c.id for c in self.criteria]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"criterion ids used twice: {sorted(dupes)}")
        notes = {c.id for c in self.criteria if c.note_only}
        for criterion in self.criteria:
            for leaf in _compare_leaves(criterion.rule):
                if leaf.may_be_raised is not None and leaf.may_be_raised.note not in notes:
                    raise ValueError(f"criterion {criterion.id!r}: may_be_raised names {leaf.may_be_raised.note!r}, "
                                     "which is not a note-only criterion")
        return self

    @property
    def medicines(self) -> tuple[Intervention, ...]:
        return tuple(i for i in self.interventions if i.route is not None)

    @property
    def procedures(self) -> tuple[Intervention, ...]:
        return tuple(i for i in self.interventions if i.type == "PROCEDURE")

    @property
    def lead_sponsor(self) -> Sponsor:
        return next(s for s in self.sponsors if s.role == "lead")

    def intervention(self, drug_id: str) -> Intervention:
        return next(i for i in self.interventions if i.id == drug_id)

    def regimen_phase(self, phase_id: str) -> Phase:
        return next(p for r in self.regimens for p in r.phases if p.id == phase_id)

    @property
    def regimens(self) -> tuple[Regimen, ...]:
        """Every schedule: one for all, one per arm where arms differ, or none at all."""
        if self.regimen is not None:
            return (self.regimen,)
        return tuple(arm.regimen for arm in self.arms if arm.regimen is not None)

    @property
    def arms_differ(self) -> bool:
        return len(self.regimens) > 1

    def regimen_of(self, arm: int = 0) -> Regimen | None:
        """The schedule of arm ``arm`` (counted from 0); the common one where all arms get it."""
        if self.regimen is not None or not self.regimens:
            return self.regimen
        return self.regimens[arm]


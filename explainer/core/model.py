"""The trial as validated data.

Every model is frozen and strict about keys (``extra="forbid"``) so that a typo in
a content file is an error naming the field, never a silently ignored value.
Every author-facing field carries a description; ``trial-explainer validate``
shows them in its messages. No Qt, no reportlab, no files, no clock here.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from explainer.core.rules import AllOf, AnyOf, Compare, Rule
from explainer.core.study_words import StudyWords


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _parse_days(value: object) -> object:
    """Accept the registry's own notation: "1-21" or "1, 8, 15, 22"."""
    if not isinstance(value, str):
        return value
    days: list[int] = []
    for part in value.split(","):
        part = part.strip()
        if "-" in part:
            first, last = (int(p) for p in part.split("-", 1))
            if last < first:
                raise ValueError(f"day range {part!r} runs backwards")
            days.extend(range(first, last + 1))
        elif part:
            days.append(int(part))
    if len(set(days)) != len(days):
        raise ValueError(f"days {value!r} name a day twice")
    return tuple(sorted(days))


DayList = Annotated[tuple[int, ...], BeforeValidator(_parse_days)]


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
    id: str = Field(description="The identifier as the registry prints it.")
    type: str = Field(description="Identifier type, e.g. REGISTRY, OTHER, or '-'.")
    source: str = Field(description="secondary_id, org_study_id, ...")


class Sponsor(Strict):
    name: str
    sponsor_class: str = Field(description="INDUSTRY, OTHER, NIH, ...")
    role: Literal["lead", "collaborator"]


class Investigator(Strict):
    name: str
    role: str
    affiliation: str


class Location(Strict):
    facility: str
    city: str
    state: str = ""
    country: str
    status: str = Field("", description="Site status; empty when the record gives none.")


class RelatedStudy(Strict):
    nct_id: str = Field(pattern=r"^NCT\d{8}$")
    title: str
    status: RecruitmentStatus
    phase: str


class Design(Strict):
    allocation: str
    intervention_model: str
    primary_purpose: str
    masking: str


class Arm(Strict):
    label: str
    group_type: str
    description: str = Field(description="The arm's description, word for word.")
    regimen: Regimen | None = Field(None, description="This group's own schedule, where the groups get "
                                    "different treatment; none: the trial's 'regimen' (or no schedule).")


class Intervention(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$", description="Key used by the regimen.")
    name: str
    type: Literal["DRUG", "BIOLOGICAL", "PROCEDURE", "DEVICE", "OTHER"]
    description: str = Field(description="The registry's description, e.g. 'Given IV'.")
    route: Route | None = Field(None, description="How a medicine is given; none for procedures.")
    other_names: tuple[str, ...] = Field((), description="Other names from the registry.")
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
    first: int = Field(ge=1, description="First cycle of the phase this applies to.")
    last: int | None = Field(None, ge=1, description="Last cycle, or none for 'to the end'.")

    def contains(self, cycle: int) -> bool:
        return cycle >= self.first and (self.last is None or cycle <= self.last)


class DayRule(Strict):
    cycles: CycleRange = Field(description="Cycles of the phase, counted from 1, this rule covers.")
    days: DayList = Field(description='Treatment days, e.g. "1, 8, 15, 22" or "1-21".')


class DrugSchedule(Strict):
    drug: str = Field(description="An intervention id.")
    route: Route
    infusion_minutes: int | None = Field(None, gt=0, description="Only where the record gives it.")
    once_daily: bool = Field(False, description="True where the record says 'once daily (QD)'.")
    day_rules: tuple[DayRule, ...] = Field(min_length=1)

    def days_in_cycle(self, cycle: int) -> tuple[int, ...]:
        for rule in self.day_rules:
            if rule.cycles.contains(cycle):
                return rule.days
        return ()


class Phase(Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    name: str
    cycle_length_days: int = Field(gt=0)
    cycles: int | None = Field(None, gt=0, description="Fixed number of cycles, if the record gives one.")
    max_months: int | None = Field(None, gt=0, description="'Up to N months', if the record says so. "
                                   "Neither this nor 'cycles': the phase has no set end (open-ended).")
    continues_while: str = Field(description="The record's condition, word for word.")
    drugs: tuple[DrugSchedule, ...] = Field(min_length=1)
    source: str = Field(description="The registry paragraph this phase comes from, word for word.")

    @model_validator(mode="after")
    def _days_fit_cycle(self) -> Phase:
        for drug in self.drugs:
            for rule in drug.day_rules:
                bad = [d for d in rule.days if not 1 <= d <= self.cycle_length_days]
                if bad:
                    raise ValueError(
                        f"{drug.drug} in {self.id}: day {bad[0]} is outside a "
                        f"{self.cycle_length_days}-day cycle"
                    )
        return self

    @property
    def open_ended(self) -> bool:
        """No count and no months: cycles repeat while the record's condition holds."""
        return self.cycles is None and self.max_months is None


class FollowUp(Strict):
    first_visit_days_after_treatment: int = Field(gt=0)
    up_to_years: int = Field(gt=0)
    source: str


class Regimen(Strict):
    phases: tuple[Phase, ...] = Field(min_length=1)
    follow_up: FollowUp | None = Field(None, description="None where the record gives no follow-up.")
    procedures_source: str = Field(description="The record's sentence about tests and scans.")


class Criterion(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
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


def _compare_leaves(rule: object) -> list[Compare]:
    if isinstance(rule, (AllOf, AnyOf)):
        return [leaf for child in rule.of for leaf in _compare_leaves(child)]
    return [rule] if isinstance(rule, Compare) else []


class EligibilityFacts(Strict):
    minimum_age_years: int
    sex: str
    healthy_volunteers: bool


class Trial(Strict):
    format: Literal["trial-explainer-trial"]
    version: Literal[1]
    nct_id: str = Field(pattern=r"^NCT\d{8}$")
    title: str
    identifiers: tuple[Identifier, ...]
    status: RecruitmentStatus
    last_updated: dt.date = Field(description="The record's 'Last Updated' date.")
    results: str = Field(description="What the record says about results.")
    phase: str
    enrollment: int = Field(gt=0)
    study_type: str
    start_date: dt.date
    completion_date: dt.date
    brief_summary: str
    detailed_description: str
    conditions: tuple[str, ...]
    design: Design
    sponsors: tuple[Sponsor, ...]
    responsible_party: str
    investigators: tuple[Investigator, ...]
    locations: tuple[Location, ...]
    related_studies: tuple[RelatedStudy, ...] = ()
    arms: tuple[Arm, ...]
    interventions: tuple[Intervention, ...]
    regimen: Regimen | None = Field(description="The schedule every group gets; null where the record "
                                    "gives none, or where each arm has its own 'regimen'.")
    eligibility: EligibilityFacts
    criteria: tuple[Criterion, ...]
    words: StudyWords = Field(default_factory=lambda: StudyWords(),
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


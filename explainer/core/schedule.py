"""The treatment schedule: the regimen data expanded into cycles, days and doses.

``build_timeline(trial, start)`` is pure: it reads only the trial's regimen (never
"day 8" or "28" written in code) and an optional first treatment day, and returns
every cycle of every phase with each day's doses, real dates when a start is
given, and totals. ``journey(trial)`` gives the whole path as a strip (screening,
each part of treatment, follow-up where the record gives one). Nothing here knows a
study: parts, lengths, routes and names all come from the data. Where arms get
different treatment, ``arm`` picks one. What the record leaves open is returned as
``open_questions`` for the study team, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from explainer.core.facts import weekday_date
from explainer.core.language import say
from explainer.core.model import Form, Phase, Regimen, Route, Trial



class Place(StrEnum):
    CLINIC = "clinic"
    HOME = "home"
    ASK = "ask"  # the record allows either (a medicine by mouth or by drip)


# A shot under the skin is given by the study's nurses, at the clinic, unless a study
# says otherwise (none of ours does yet).
PLACE_OF_ROUTE = {Route.IV: Place.CLINIC, Route.PO: Place.HOME, Route.PO_OR_IV: Place.ASK, Route.SC: Place.CLINIC}


def route_words(route: Route, minutes: int | None = None) -> str:
    """How each route reads in a sentence ("a medicine by drip at the clinic"), with a
    drip's length where the record gives one; by mouth names the form only where the
    data gives one ("capsule by mouth at home", Dose.describe)."""
    if minutes:
        timed = {Route.IV: say("by drip over {minutes} minutes at the clinic"),
                 Route.PO_OR_IV: say("by mouth or by drip over {minutes} minutes (ask your study team which)")}
        if route in timed:
            return timed[route].format(minutes=minutes)
    return {Route.IV: say("by drip at the clinic"), Route.PO: say("by mouth at home"),
            Route.PO_OR_IV: say("by mouth or by drip (ask your study team which)"),
            Route.SC: say("by a shot under the skin at the clinic")}[route]


def form_words(form: Form) -> str:
    return {Form.TABLET: say("tablet"), Form.CAPSULE: say("capsule"), Form.LIQUID: say("liquid")}[form]


@dataclass(frozen=True)
class Dose:
    drug: str  # intervention id
    name: str  # as the patient reads it, e.g. "Exampizumab"
    route: Route
    infusion_minutes: int | None = None
    form: Form | None = None

    @property
    def place(self) -> Place:
        return PLACE_OF_ROUTE[self.route]

    def describe(self) -> str:
        words = route_words(self.route, self.infusion_minutes)
        if self.route is Route.PO and self.form is not None:
            words = f"{form_words(self.form)} {words}"
        return f"{self.name.lower()} {words}"


@dataclass(frozen=True)
class TreatmentDay:
    phase_id: str
    phase_name: str
    cycle: int  # counted across the whole treatment, from 1
    cycle_in_phase: int
    day: int  # day of the cycle, from 1
    date: dt.date | None
    doses: tuple[Dose, ...]

    @property
    def is_clinic_day(self) -> bool:
        return any(d.place is Place.CLINIC for d in self.doses)

    @property
    def may_be_clinic_day(self) -> bool:
        """Not certainly a clinic day, but one if a "by mouth or by drip" dose is given by drip."""
        return not self.is_clinic_day and any(d.place is Place.ASK for d in self.doses)

    @property
    def has_treatment(self) -> bool:
        return bool(self.doses)

    def dose_of(self, drug: str) -> Dose | None:
        return next((d for d in self.doses if d.drug == drug), None)

    def describe(self) -> str:
        """'Cycle 1, day 8: <medicine> by drip at the clinic, ...' for tooltips and screen readers."""
        head = say("Cycle {n}").format(n=self.cycle)
        if self.cycle != self.cycle_in_phase:
            head += say(" ({phase} cycle {n})").format(phase=self.phase_name.lower(), n=self.cycle_in_phase)
        head += say(", day {n}").format(n=self.day)
        if self.date is not None:
            head += f", {weekday_date(self.date)}"
        if not self.doses:
            return say("{head}: no treatment. A rest day.").format(head=head)
        body = ", ".join(d.describe() for d in self.doses)
        if self.is_clinic_day:
            body += say(". A clinic day")
        return f"{head}: {body}."


@dataclass(frozen=True)
class Cycle:
    phase_id: str
    phase_name: str
    number: int  # across the whole treatment
    number_in_phase: int
    start: dt.date | None
    # The doses of each day (index 0 is day 1), one tuple shared by the phase's cycles
    # with the same treatment days: what ``days`` is made from.
    doses_by_day: tuple[tuple[Dose, ...], ...] = field(repr=False)

    @cached_property
    def days(self) -> tuple[TreatmentDay, ...]:
        """Every day of the cycle, rest days included, made on first use: a timeline has
        hundreds of cycles and the summary reads the days of only a few (most of the
        time of building a timeline was making its thousand days)."""
        return tuple(
            TreatmentDay(self.phase_id, self.phase_name, self.number, self.number_in_phase, day,
                         self.start + dt.timedelta(days=day - 1) if self.start else None, doses)
            for day, doses in enumerate(self.doses_by_day, start=1))

    @property
    def clinic_days(self) -> tuple[TreatmentDay, ...]:
        return tuple(d for d in self.days if d.is_clinic_day)

    @property
    def rest_days(self) -> tuple[TreatmentDay, ...]:
        return tuple(d for d in self.days if not d.has_treatment)

    def doses_of(self, drug: str) -> int:
        return sum(1 for d in self.days if d.dose_of(drug))


@dataclass(frozen=True)
class PhasePlan:
    id: str
    name: str
    cycles: int
    cycle_length_days: int
    cycles_estimated: bool  # True where the record gives months, or no end, not a count
    max_months: int | None
    open_ended: bool = False  # no set end: ``cycles`` is only the first year drawn


@dataclass(frozen=True)
class Timeline:
    start: dt.date | None
    phases: tuple[PhasePlan, ...]
    cycles: tuple[Cycle, ...]
    drugs: tuple[str, ...]  # intervention ids, in the order the regimen lists them
    drug_names: Mapping[str, str]
    open_questions: tuple[str, ...]
    delays: Mapping[int, int] = field(default_factory=dict)  # cycle number -> days it began late
    arm_label: str | None = None  # the group this schedule is for, where groups differ
    drug_forms: Mapping[str, Form | None] = field(default_factory=dict)

    def position(self, drug: str) -> int:
        """The medicine's place in the regimen's order (0 first): its colour goes by this."""
        return self.drugs.index(drug)

    @property
    def days(self) -> Iterable[TreatmentDay]:
        return (day for cycle in self.cycles for day in cycle.days)

    def doses_given(self) -> Iterator[Dose]:
        """The doses of the days, in order, without making the days (``Cycle.days``); a
        cycle with the very days of the cycle before it is skipped: for what is given
        and how, not how often (``doses_per_drug`` counts)."""
        previous = None
        for cycle in self.cycles:
            if cycle.doses_by_day is not previous:
                previous = cycle.doses_by_day
                yield from (dose for doses in cycle.doses_by_day for dose in doses)

    @property
    def end(self) -> dt.date | None:
        """The last day of the last cycle (with any delays), when dates are known."""
        return self.cycles[-1].days[-1].date if self.cycles else None

    def cycle(self, number: int) -> Cycle:
        return self.cycles[number - 1]

    def phase_cycles(self, phase_id: str) -> tuple[Cycle, ...]:
        return tuple(c for c in self.cycles if c.phase_id == phase_id)

    def doses_per_drug(self, phase_id: str | None = None) -> Counter[str]:
        """Infusions or doses of each drug, in one phase or in all."""
        counts: Counter[str] = Counter()
        for cycle in self.cycles:
            if phase_id in (None, cycle.phase_id):
                counts.update(d.drug for doses in cycle.doses_by_day for d in doses)
        return counts

    def clinic_days(self) -> tuple[TreatmentDay, ...]:
        return tuple(d for d in self.days if d.is_clinic_day)

    def maybe_drip_names(self) -> tuple[str, ...]:
        """The medicines given "by mouth or by drip", in the regimen's order, as a sentence names them."""
        either = {dose.drug for dose in self.doses_given() if dose.route is Route.PO_OR_IV}
        return tuple(self.drug_names[d].lower() for d in self.drugs if d in either)


@dataclass(frozen=True)
class JourneyStage:
    id: str  # screening, a phase's id, follow_up
    name: str
    cycles: int | None = None
    cycles_estimated: bool = False
    days: int | None = None  # known length, where the record gives one
    up_to_months: int | None = None
    up_to_years: int | None = None
    first_visit_days: int | None = None
    source: str = field(default="")
    part: int | None = None  # 1, 2, ... for the parts of treatment; None for screening, follow-up
    open_ended: bool = False


def cycles_in_phase(phase: Phase) -> tuple[int, bool]:
    """(number of cycles, estimated?). 'Up to 2 years' of 4-week cycles is about 26;
    a part with no set end is drawn for its first year (Phase.whole_cycles)."""
    return phase.whole_cycles(), phase.cycles is None


def regimen_of(trial: Trial, arm: int = 0) -> Regimen:
    """The schedule to draw; ValueError in plain words where the record gives none."""
    regimen = trial.regimen_of(arm)
    if regimen is None:
        raise ValueError("the study record gives no treatment schedule")
    return regimen


def plan_phases(trial: Trial, arm: int = 0) -> tuple[PhasePlan, ...]:
    plans = []
    for phase in regimen_of(trial, arm).phases:
        count, estimated = cycles_in_phase(phase)
        plans.append(PhasePlan(phase.id, phase.name, count, phase.cycle_length_days, estimated, phase.max_months,
                               phase.open_ended))
    return tuple(plans)


def _doses_by_day(trial: Trial, phase: Phase) -> Callable[[int], tuple[tuple[Dose, ...], ...]]:
    """For a cycle of ``phase`` (counted in the phase), the doses of each day (index 0 is day 1).

    Cycles with the same treatment days share one answer: a phase's day rules give
    only a few patterns, and a timeline has hundreds of cycles and thousands of days."""
    doses = [(s, Dose(s.drug, trial.intervention(s.drug).name, s.route, s.infusion_minutes,
                      trial.intervention(s.drug).form)) for s in phase.drugs]
    patterns: dict[tuple[tuple[int, ...], ...], tuple[tuple[Dose, ...], ...]] = {}

    def of_cycle(cycle_in_phase: int) -> tuple[tuple[Dose, ...], ...]:
        days = tuple(s.days_in_cycle(cycle_in_phase) for s, _ in doses)
        if days not in patterns:
            patterns[days] = tuple(tuple(dose for (_, dose), on in zip(doses, days) if day in on)
                                   for day in range(1, phase.cycle_length_days + 1))
        return patterns[days]

    return of_cycle


def build_timeline(trial: Trial, start: dt.date | None = None,
                   delays: Mapping[int, int] | None = None, arm: int = 0) -> Timeline:
    """Every cycle from ``start`` (the first treatment day, cycle 1 day 1).

    ``delays`` maps a cycle number (across the whole treatment) to days that cycle
    began late; the delay moves that cycle and every later one. ``arm`` (from 0)
    picks the group where groups get different treatment. A trial with no schedule
    raises ValueError (check ``trial.regimens`` first).
    """
    delays = delays or {}
    cycles: list[Cycle] = []
    offset = 0  # days from the start to day 1 of the current cycle
    number = 0
    regimen = regimen_of(trial, arm)
    for phase in regimen.phases:
        count, _ = cycles_in_phase(phase)
        doses_of_cycle = _doses_by_day(trial, phase)
        for in_phase in range(1, count + 1):
            number += 1
            offset += max(0, delays.get(number, 0))
            first = start + dt.timedelta(days=offset) if start else None
            cycles.append(Cycle(phase.id, phase.name, number, in_phase, first, doses_of_cycle(in_phase)))
            offset += phase.cycle_length_days
    drugs = _drug_order(regimen)
    return Timeline(start, plan_phases(trial, arm), tuple(cycles), drugs,
                    {m.id: m.name for m in trial.medicines}, open_questions(trial, arm),
                    {c: d for c, d in sorted(delays.items()) if 0 < d and c <= number},
                    trial.arms[arm].label if trial.arms_differ else None,
                    {d: trial.intervention(d).form for d in drugs})


def _drug_order(regimen: Regimen) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.drug for p in regimen.phases for s in p.drugs))


def open_questions(trial: Trial, arm: int = 0) -> tuple[str, ...]:
    """What the record leaves open about the schedule: to ask the study team."""
    questions = []
    regimen = regimen_of(trial, arm)
    for phase in regimen.phases:
        if phase.max_months and phase is not regimen.phases[0]:
            questions.append(say("When do the {months} months of {phase} start: at the first "
                                 "{phase} cycle, or at the start of treatment?").format(
                months=phase.max_months, phase=phase.name.lower()))
        if phase.open_ended:
            questions.append(say("How long does {phase} go on for me, and how will we decide when it stops?").format(
                phase=phase.name.lower()))
    either = {s.drug for p in regimen.phases for s in p.drugs if s.route is Route.PO_OR_IV}
    for drug in _drug_order(regimen):
        if drug in either:
            questions.append(say("Will I take {drug} by mouth, or get it by drip?").format(
                drug=trial.intervention(drug).name.lower()))
    return tuple(questions)


def journey(trial: Trial, arm: int = 0) -> tuple[JourneyStage, ...]:
    """The whole path as the record describes it, for the strip picture."""
    regimen = regimen_of(trial, arm)
    stages = [JourneyStage("screening", say("Screening tests"), source=regimen.procedures_source)]
    for part, (plan, phase) in enumerate(zip(plan_phases(trial, arm), regimen.phases, strict=True), start=1):
        stages.append(JourneyStage(plan.id, plan.name, cycles=plan.cycles, cycles_estimated=plan.cycles_estimated,
                                   days=None if plan.cycles_estimated else plan.cycles * plan.cycle_length_days,
                                   up_to_months=plan.max_months, source=phase.source, part=part,
                                   open_ended=plan.open_ended))
    follow = regimen.follow_up
    if follow is not None:
        stages.append(JourneyStage("follow_up", say("Follow-up"), up_to_years=follow.up_to_years,
                                   first_visit_days=follow.first_visit_days_after_treatment, source=follow.source))
    return tuple(stages)

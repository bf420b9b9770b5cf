"""The timeline as the printed summary shows it: one grid per run of identical cycles,
and the patient's own dates for the first cycles. Derived from ``Timeline`` only, so
the paper and the screen draw the same schedule. Pure: no reportlab, no clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explainer.core.language import say
from explainer.core.model import Form, Route
from explainer.core.schedule import Cycle, JourneyStage, PhasePlan, Timeline


@dataclass(frozen=True)
class GridRow:
    drug: str
    name: str
    route: Route
    days: tuple[int, ...]
    form: Form | None = None
    position: int = 0  # the medicine's place in the regimen's order: its colour on screen


@dataclass(frozen=True)
class CycleGrid:
    """Cycles that look the same: 'cycles 2 to 6' of a part, one picture for all of them."""

    title: str
    phase_id: str
    cycles: tuple[int, ...]  # numbers across the whole treatment
    length_days: int
    rows: tuple[GridRow, ...]
    clinic_days: tuple[int, ...]  # a drip is certain
    maybe_clinic_days: tuple[int, ...]  # only a "by mouth or by drip" dose


@dataclass(frozen=True)
class DatedCycle:
    number: int
    label: str  # "<part name> cycle 2"
    start: dt.date
    clinic_dates: tuple[dt.date, ...]
    maybe_clinic_dates: tuple[dt.date, ...]


def _signature(cycle: Cycle) -> tuple[tuple[str, str, tuple[int, ...]], ...]:
    """Which drug, by which route, on which days: equal signatures draw the same grid.

    The route itself, not its ``.value``: a Route is a str already, and the enum's
    property look-up was most of the cost of a timeline's hundreds of cycles."""
    days: dict[tuple[str, str], list[int]] = {}
    for day, doses in enumerate(cycle.doses_by_day, start=1):  # not cycle.days: those are made on first use
        for dose in doses:
            days.setdefault((dose.drug, dose.route), []).append(day)
    return tuple((drug, route, tuple(numbers)) for (drug, route), numbers in sorted(days.items()))


def cycle_grids(timeline: Timeline) -> tuple[CycleGrid, ...]:
    """Consecutive cycles of one phase with the same doses on the same days share a grid."""
    runs: list[list[Cycle]] = []
    previous = None
    for cycle in timeline.cycles:
        if runs and cycle.doses_by_day is runs[-1][-1].doses_by_day and cycle.phase_id == runs[-1][-1].phase_id:
            runs[-1].append(cycle)  # the very days of the cycle before: the same signature
            continue
        signature = (cycle.phase_id, _signature(cycle))
        if signature == previous:
            runs[-1].append(cycle)
        else:
            runs.append([cycle])
        previous = signature
    plans = {p.id: p for p in timeline.phases}
    return tuple(_grid(run, plans[run[0].phase_id], timeline) for run in runs)


def _grid(run: list[Cycle], plan: PhasePlan, timeline: Timeline) -> CycleGrid:
    first = run[0]
    rows = []
    for drug in timeline.drugs:
        days = tuple(d.day for d in first.days if d.dose_of(drug))
        dose = next((d.dose_of(drug) for d in first.days if d.dose_of(drug)), None)
        if dose is not None:
            rows.append(GridRow(drug, dose.name, dose.route, days, dose.form, timeline.position(drug)))
    return CycleGrid(
        title=_grid_title(run, plan), phase_id=first.phase_id, cycles=tuple(c.number for c in run),
        length_days=len(first.days), rows=tuple(rows),
        clinic_days=tuple(d.day for d in first.clinic_days),
        maybe_clinic_days=tuple(d.day for d in first.days if d.may_be_clinic_day))


def _grid_title(run: list[Cycle], plan: PhasePlan) -> str:
    first, last = run[0].number_in_phase, run[-1].number_in_phase
    if plan.open_ended and first == 1 and last == plan.cycles:
        return say("{part}: every cycle").format(part=plan.name)
    if plan.cycles_estimated and first == 1 and last == plan.cycles:
        return say("{part}: every cycle, for up to {months} months").format(part=plan.name, months=plan.max_months)
    if first == last:
        return say("{part} cycle {n}").format(part=plan.name, n=first)
    return say("{part} cycles {first} to {last}").format(part=plan.name, first=first, last=last)


def dated_cycles(timeline: Timeline, count: int) -> tuple[DatedCycle, ...]:
    """The first ``count`` cycles with their start and clinic dates (a start date is needed)."""
    found = []
    for cycle in timeline.cycles[:count]:
        if cycle.start is None:
            return ()
        found.append(DatedCycle(
            cycle.number, cycle_label(cycle), cycle.start,
            tuple(d.date for d in cycle.clinic_days if d.date),
            tuple(d.date for d in cycle.days if d.may_be_clinic_day and d.date)))
    return tuple(found)


def how_each_is_given(timeline: Timeline) -> tuple[str, ...]:
    """'a medicine by drip over 30 minutes at the clinic', one per medicine, from the regimen."""
    doses = {}
    for dose in timeline.doses_given():
        doses.setdefault(dose.drug, dose)
        if len(doses) == len(timeline.drugs):  # each medicine's first dose found: the rest add nothing
            break
    return tuple(doses[drug].describe() for drug in timeline.drugs if drug in doses)


def cycle_label(cycle: Cycle) -> str:
    """'<part name> cycle 2': the paper numbers cycles within their part."""
    return say("{part} cycle {n}").format(part=cycle.phase_name, n=cycle.number_in_phase)


@dataclass(frozen=True)
class JourneyBox:
    """One stage of the strip: its name, a few short lines, and its first date if known."""

    id: str
    name: str
    lines: tuple[str, ...]
    starts: dt.date | None = None


def journey_boxes(stages: tuple[JourneyStage, ...], timeline: Timeline) -> tuple[JourneyBox, ...]:
    boxes = []
    for stage in stages:
        cycles = timeline.phase_cycles(stage.id)
        starts = cycles[0].start if cycles else None
        boxes.append(JourneyBox(stage.id, stage.name, _stage_lines(stage, timeline), starts))
    return tuple(boxes)


def stage_numbers(stage: JourneyStage, timeline: Timeline) -> dict[str, str]:
    """The numbers a stage's words may use: {{ cycles }}, {{ weeks }}, {{ years }}, ..."""
    plan = next((p for p in timeline.phases if p.id == stage.id), None)
    numbers = {"cycles": stage.cycles, "days": stage.days, "months": stage.up_to_months, "years": stage.up_to_years,
               "first_visit_days": stage.first_visit_days, "cycle_days": plan.cycle_length_days if plan else None,
               "weeks": stage.days // 7 if stage.days and stage.days % 7 == 0 else None}
    return {key: str(value) for key, value in numbers.items() if value is not None}


def _stage_lines(stage: JourneyStage, timeline: Timeline) -> tuple[str, ...]:
    """Words for a stage that resources/pdf/summary.json does not name (another trial's parts)."""
    plan = next((p for p in timeline.phases if p.id == stage.id), None)
    if stage.id == "screening":
        return (say("Tests before you start"),)
    if stage.first_visit_days is not None:
        return (say("A visit {days} days after treatment, then for up to {years} years").format(
            days=stage.first_visit_days, years=stage.up_to_years),)
    length = say("Cycles of {days} days").format(days=plan.cycle_length_days) if plan else ""
    if stage.open_ended:
        return (length, say("with no set end"))
    if stage.up_to_months:
        return (length, say("for up to {months} months").format(months=stage.up_to_months))
    weeks = say(" ({weeks} weeks)").format(weeks=stage.days // 7) if stage.days and stage.days % 7 == 0 else ""
    return (say("{cycles} cycles of {days} days").format(cycles=stage.cycles, days=plan.cycle_length_days)
            if plan else "",
            say("{days} days in all{weeks}").format(days=stage.days, weeks=weeks) if stage.days else "")

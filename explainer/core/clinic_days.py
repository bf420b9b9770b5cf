"""What a clinic day asks of a patient: each kind of clinic day (which drips it has),
what usually happens and roughly how long, and how many clinic days each part of
treatment has in a cycle.

The days and counts come from the ``Timeline`` (the trial's regimen), so they
cannot drift from the grids; the words, durations and their sources come from the
resources (``ClinicDayWords``), keyed by the trial's intervention ids. Pure: no files.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, model_validator

from explainer.core.language import current_language, say
from explainer.core.model import Route
from explainer.core.schedule import Timeline
from explainer.core.summary_grids import CycleGrid, cycle_grids

# The numbers and names the code fills in, per field; any other {name} is a writer's typo.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "kind": frozenset({"drugs"}),
    "kind_other": frozenset({"drugs"}),
    "when": frozenset({"part", "days"}),
    "drug_steps": frozenset({"minutes"}),
    "per_cycle": frozenset({"part", "clinic", "cycle_days"}),
    "maybe": frozenset({"maybe", "drugs"}),
}


class ClinicDayWords(BaseModel):
    """resources/timeline.json 'clinic_days': the words; the record or a label says each duration."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    heading: str
    intro: str
    kind: str  # "Days with {drugs} by drip"
    kind_other: str  # clinic days with a shot under the skin: "Days with {drugs} at the clinic"
    when: str  # "{part}. On {days}."
    steps_heading: str
    drug_steps: dict[str, str]  # by intervention id: what usually happens, roughly how long
    first_time: dict[str, str]  # by intervention id: the first drip, where it differs
    every_day: str  # blood tests, waiting: on every clinic day
    usually: str  # "usually; ask the study team"
    counts_heading: str
    per_cycle: str
    maybe: str
    sources: str

    @model_validator(mode="after")
    def _known_placeholders(self) -> ClinicDayWords:
        for key, value in self.model_dump().items():
            for text in (value.values() if isinstance(value, dict) else [value]):
                names = {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
                unknown = names - PLACEHOLDERS.get(key, frozenset())
                if unknown:
                    raise ValueError(f"clinic_days.{key}: unknown placeholder {{{sorted(unknown)[0]}}}")
        return self

    def all_prose(self) -> list[str]:
        out: list[str] = []
        for value in self.model_dump().values():
            out.extend(value.values() if isinstance(value, dict) else [value])
        return out


@dataclass(frozen=True)
class ClinicDayKind:
    title: str  # "Days with <medicine> and <medicine> by drip"
    when: tuple[str, ...]  # "<part> cycle 1. On days 1, 8 and 15."


@dataclass(frozen=True)
class ClinicDayGuide:
    heading: str
    intro: str
    kinds: tuple[ClinicDayKind, ...]
    steps_heading: str
    steps: tuple[str, ...]  # what usually happens: each drip once, the first drip, then every clinic day
    counts_heading: str
    counts: tuple[str, ...]  # per part of treatment: clinic days in a cycle
    usually: str
    sources: str

    def all_text(self) -> str:
        lines = [self.heading, self.intro, self.steps_heading, *self.steps, self.counts_heading, *self.counts, self.usually,
                 self.sources]
        for kind in self.kinds:
            lines += [kind.title, *kind.when]
        return "\n".join(lines)


# Spanish writes "e", not "y", before a word starting with the sound i ("i", "hi"), but
# not where that i opens a diphthong ("y hierro", "y yodo"): RAE, Ortografía 2010.
_I_SOUND = re.compile(r"h?[iíIÍ](?![aeoáéóAEO])")


def and_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c' ('a, b e hígado' in Spanish: 'e' before an i sound)."""
    if len(items) == 1:
        return items[0]
    joined = say("{items} and {last}")
    if current_language() == "es" and _I_SOUND.match(items[-1]):
        joined = "{items} e {last}"
    return joined.format(items=", ".join(items[:-1]), last=items[-1])


CLINIC_ROUTES = (Route.IV, Route.SC)


def _drips_on(grid: CycleGrid, day: int) -> tuple[str, ...]:
    """The medicines given at the clinic that day: drips, and shots under the skin."""
    return tuple(row.drug for row in grid.rows if row.route in CLINIC_ROUTES and day in row.days)


def _minutes(timeline: Timeline) -> Mapping[str, int]:
    """Each drip's length where the record gives one ('over 30 minutes')."""
    found: dict[str, int] = {}
    for dose in timeline.doses_given():
        if dose.infusion_minutes:
            found.setdefault(dose.drug, dose.infusion_minutes)
    return found


def clinic_day_guide(timeline: Timeline, words: ClinicDayWords,
                     grids: tuple[CycleGrid, ...] | None = None) -> ClinicDayGuide:
    """``grids``: the timeline's ``cycle_grids`` where the caller has them already."""
    grids = cycle_grids(timeline) if grids is None else grids
    minutes = _minutes(timeline)
    first_drips = _drips_on(grids[0], grids[0].clinic_days[0]) if grids and grids[0].clinic_days else ()
    when: dict[tuple[str, ...], list[str]] = {}
    for grid in grids:
        by_kind: dict[tuple[str, ...], list[int]] = {}
        for day in grid.clinic_days:
            by_kind.setdefault(_drips_on(grid, day), []).append(day)
        for drugs, days in by_kind.items():
            day_words = (say("days {days}") if len(days) > 1 else say("day {days}")).format(
                days=and_list([str(d) for d in days]))
            when.setdefault(drugs, []).append(words.when.format(part=grid.title, days=day_words))
    shots = {row.drug for grid in grids for row in grid.rows if row.route is Route.SC}
    kinds = tuple(ClinicDayKind((words.kind_other if shots & set(drugs) else words.kind).format(
        drugs=and_list([timeline.drug_names[d].lower() for d in drugs])), tuple(lines)) for drugs, lines in when.items())
    # Each drip's steps once, in the regimen's order; the first drip of all is the long one.
    drips = [d for d in timeline.drugs if any(d in drugs for drugs in when)]
    steps = [words.drug_steps[d].format(minutes=minutes.get(d, "")) for d in drips if d in words.drug_steps]
    steps += [words.first_time[d] for d in first_drips if d in words.first_time]
    counts = []
    maybe_words = and_list(list(timeline.maybe_drip_names()) or [""])
    for grid in grids:
        line = words.per_cycle.format(part=grid.title, clinic=len(grid.clinic_days), cycle_days=grid.length_days)
        if grid.maybe_clinic_days:
            line = f"{line} {words.maybe.format(maybe=len(grid.maybe_clinic_days), drugs=maybe_words)}"
        counts.append(line)
    return ClinicDayGuide(words.heading, words.intro, kinds, words.steps_heading, (*steps, words.every_day),
                          words.counts_heading,
                          tuple(counts), words.usually, words.sources)

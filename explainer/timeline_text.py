"""The timeline's patient-facing words (resources/timeline.json), validated on load.

Writers edit the JSON; a missing or misspelt key is a ContentError naming it.
Headless (no Qt), so tests and the readability check load it without a window.
"""

from __future__ import annotations

import string
from functools import cache

from pydantic import model_validator

from explainer.content import Source, load_json_model, resources_root
from explainer.core.clinic_days import ClinicDayWords
from explainer.core.model import Strict

# The numbers the code fills into each text; any other {name} there is a writer's typo
# (and would stop the window with a KeyError). Texts not named here take none.
_JOURNEY_NUMBERS = frozenset({"cycles", "cycle_days", "months", "weeks", "about_months", "first_visit_days", "years"})
FIELD_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "intro": frozenset({"cycle_days"}),
    "journey": _JOURNEY_NUMBERS,
    "caption_single": frozenset({"phase", "in_phase", "count"}),
    "caption_alike": frozenset({"phase", "first", "last"}),
    "caption_dated": frozenset({"number", "phase_lower", "in_phase", "count", "start", "end"}),
    "totals": frozenset({"clinic", "rest"}),
    "part_totals": frozenset({"cycles", "phase", "clinic"}),
    "medicine_days": frozenset({"counts"}),
    "medicine_count": frozenset({"medicine", "days"}),
    "delay_one": frozenset({"cycle", "days", "day_word"}),
    "saved": frozenset({"count", "path"}),
    "saved_clinic_only": frozenset({"count", "path"}),
}


class JourneyWords(Strict):
    screening: str
    induction: str
    maintenance: str
    follow_up: str


class CycleChoices(Strict):
    first: str
    rest_of_induction: str
    maintenance: str


class LegendWords(Strict):
    IV: str
    PO: str
    PO_OR_IV: str
    clinic: str
    maybe_clinic: str
    rest: str


class GridRows(Strict):
    day: str
    date: str
    clinic: str


class TimelineText(Strict):
    section_title: str
    intro: str
    journey_heading: str
    journey: JourneyWords
    journey_names: JourneyWords
    cycle_heading: str
    how_to_read: str
    keyboard_hint: str
    choices: CycleChoices
    choice_label: str
    cycle_number_label: str
    caption_single: str
    caption_alike: str
    caption_dated: str
    grid_name: str
    grid_rows: GridRows
    choice_name: str
    chosen_day_name: str
    legend_heading: str
    legend: LegendWords
    rest_band: str
    rest_band_short: str
    totals: str
    part_totals: str
    medicine_days: str
    medicine_count: str
    dates_heading: str
    dates_intro: str
    know_start: str
    start_label: str
    delay_heading: str
    delay_intro: str
    delay_cycle_label: str
    delay_days_label: str
    delay_apply: str
    delay_clear: str
    delay_none: str
    delay_one: str
    clinic_list_heading: str
    clinic_list_empty: str
    maybe_clinic_note: str
    ask_heading: str
    ask_intro: str
    save_heading: str
    save_intro: str
    save_button: str
    save_needs_date: str
    saved: str
    save_clinic_only: str
    saved_clinic_only: str
    save_failed_title: str
    clinic_days: ClinicDayWords  # checks its own placeholders
    estimate_note: str

    @model_validator(mode="after")
    def _known_placeholders(self) -> TimelineText:
        for key, value in self.model_dump(exclude={"clinic_days"}).items():
            for sub, text in (value.items() if isinstance(value, dict) else [("", value)]):
                names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
                unknown = names - FIELD_PLACEHOLDERS.get(key, frozenset())
                if unknown:
                    where = f"{key}.{sub}" if sub else key
                    raise ValueError(f"{where}: unknown placeholder {{{sorted(unknown)[0]}}}")
        return self

    def all_prose(self) -> list[str]:
        """Every sentence a patient reads, for the readability check."""
        out: list[str] = []
        for value in self.model_dump(exclude={"clinic_days"}).values():
            out.extend(value.values() if isinstance(value, dict) else [value])
        return out + self.clinic_days.all_prose()


def load_timeline_text(source: Source | None = None) -> TimelineText:
    return load_json_model(source or resources_root() / "timeline.json", TimelineText)


@cache
def timeline_text() -> TimelineText:
    return load_timeline_text()

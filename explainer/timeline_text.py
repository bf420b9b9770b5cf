"""The timeline's patient-facing words (resources/timeline.json), validated on load.

Writers edit the JSON; a missing or misspelt key is a ContentError naming it.
Headless (no Qt), so tests and the readability check load it without a window.
The file's words know no study; ``timeline_text_for(trial)`` lays the study's own
words (the trial file's "words.timeline") over them and checks the result the same way.
"""

from __future__ import annotations

import string

from pydantic import model_validator

from pydantic import ValidationError

from explainer.content import ContentError, Source, describe_validation_error, load_json_model, resources_root
from explainer.core.clinic_days import ClinicDayWords
from explainer.core.language import per_language
from explainer.core.model import Strict, Trial
from explainer.core.trial_words import laid_over

# The numbers the code fills into each text; any other {name} there is a writer's typo
# (and would stop the window with a KeyError). Texts not named here take none.
_JOURNEY_NUMBERS = frozenset({"cycles", "cycle_days", "months", "weeks", "about_months", "first_visit_days", "years"})
FIELD_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "intro": frozenset({"cycle_days"}),
    "journey": _JOURNEY_NUMBERS,
    "part_journey": _JOURNEY_NUMBERS,
    "journey_names": frozenset({"number", "name", "name_lower"}),
    "part_names": frozenset({"number", "name", "name_lower"}),
    "choices": frozenset({"first", "last", "name", "cycles"}),
    "legend": frozenset({"form", "drugs"}),
    "maybe_clinic_note": frozenset({"drugs"}),
    "caption_single": frozenset({"phase", "in_phase", "count"}),
    "caption_alike": frozenset({"phase", "first", "last"}),
    "caption_dated": frozenset({"number", "phase_lower", "in_phase", "count", "start", "end"}),
    "caption_open": frozenset({"phase"}),
    "caption_dated_open": frozenset({"number", "phase_lower", "in_phase", "start", "end"}),
    "part_totals_open": frozenset({"cycles", "phase"}),
    "totals": frozenset({"clinic", "rest"}),
    "part_totals": frozenset({"cycles", "phase", "clinic"}),
    "medicine_days": frozenset({"counts"}),
    "medicine_count": frozenset({"medicine", "days"}),
    "delay_one": frozenset({"cycle", "days", "day_word"}),
    "saved": frozenset({"count", "path"}),
    "saved_clinic_only": frozenset({"count", "path"}),
}


class JourneyWords(Strict):
    """Generic sentences under the strip's boxes, by kind of stage (a study's own: part_journey)."""

    screening: str
    fixed: str  # a part with a set number of cycles
    up_to_months: str
    open_ended: str  # no set end
    follow_up: str


class JourneyNames(Strict):
    screening: str
    part: str  # "Part {number}: {name_lower}"
    only_part: str  # the name where treatment has one part
    follow_up: str


class CycleChoices(Strict):
    """The 'Show' list: runs of cycles that look alike, built from the schedule."""

    one: str  # "Cycle {first}"
    run: str  # "Cycles {first} to {last}"
    whole: str  # a whole part that looks alike: "{name}"
    in_part: str  # a run in a later part: "{name}: {cycles}"


class LegendWords(Strict):
    IV: str
    PO: str
    PO_form: str  # "{form} by mouth, at home" where every by-mouth medicine has one form
    PO_OR_IV: str
    SC: str
    clinic: str
    maybe_clinic: str  # "... if you get {drugs} by drip"
    rest: str


class FormWords(Strict):
    tablet: str
    capsule: str
    liquid: str


class NoScheduleWords(Strict):
    heading: str
    intro: str
    arms_heading: str
    ask: str


class GridRows(Strict):
    day: str
    date: str
    clinic: str


class TimelineText(Strict):
    section_title: str
    intro: str
    journey_heading: str
    journey: JourneyWords
    journey_names: JourneyNames
    part_journey: dict[str, str]  # a study's own sentence for a part, by phase id
    part_names: dict[str, str]  # a study's own name for a part, by phase id
    cycle_heading: str
    how_to_read: str
    keyboard_hint: str
    choices: CycleChoices
    arm_label: str
    arm_name: str
    arm_intro: str
    choice_label: str
    cycle_number_label: str
    caption_single: str
    caption_alike: str
    caption_dated: str
    caption_open: str  # a part with no set end, whose cycles all look alike
    caption_dated_open: str
    grid_name: str
    grid_rows: GridRows
    choice_name: str
    chosen_day_name: str
    legend_heading: str
    legend: LegendWords
    forms: FormWords
    rest_band: str
    rest_band_short: str
    totals: str
    part_totals: str
    part_totals_open: str
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
    clinic_list_none: str  # dated, but the schedule has no clinic day
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
    no_schedule: NoScheduleWords

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


@per_language
def timeline_text() -> TimelineText:
    """The generic words in the current language (core.language), each language read once."""
    return load_timeline_text()


# The last few trials' merged words: every summary (the export dialog makes one per
# tick of a box) and the timeline page ask again, and merging means validating anew.
# A trial is frozen, so the same object always gives the same words.
_MERGED: list[tuple[TimelineText, Trial, TimelineText]] = []
_MERGED_KEPT = 4


def timeline_text_for(trial: Trial | None) -> TimelineText:
    """The generic words with ``trial``'s own laid over them (ContentError naming the key)."""
    base = timeline_text()
    if trial is None or not trial.words.timeline:
        return base
    for kept_base, kept, words in _MERGED:
        if kept is trial and kept_base is base:
            return words
    merged = laid_over(base.model_dump(), trial.words.timeline)
    try:
        words = TimelineText.model_validate(merged)
    except ValidationError as err:
        raise ContentError(f"{trial.nct_id} words.timeline: {describe_validation_error(err)}") from None
    _MERGED.insert(0, (base, trial, words))
    del _MERGED[_MERGED_KEPT:]
    return words

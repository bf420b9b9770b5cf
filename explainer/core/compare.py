"""Studies side by side: what the patient wants to weigh, one column per study.

``record_facts(study, answers, words)`` and ``trial_facts(trial, answers, questions)``
gather one study's facts: its status and the date of it, phase, whether groups are
picked by chance, placebo, how many groups, the self-check's state for the
patient's answers (the same evaluation as ``check --trial RECORD``, or the curated
rules of the built-in study), clinic visits a month where a regimen is known, and
its places. ``comparison(facts, words, study_words, place, today)`` turns them into
a table of plain texts that the window and the PDF both draw.

Nothing is guessed: what a record does not say is said plainly. The app knows no
distances, so the "nearest place" is a place in the chosen state, else in the
chosen country, taking new people first. No Qt, no files, no clock: ``today`` comes
from the caller. Text taken from a record (titles, site names) is untrusted: the
renderers escape it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from explainer.core.answers import AnswersFile
from explainer.core.criteria import item_number
from explainer.core.eligibility import Status as RuleStatus
from explainer.core.model import Trial
from explainer.core.questions import Questionnaire
from explainer.core.registry_record import PartialDate, RegistryStudy, Status
from explainer.core.schedule import build_timeline
from explainer.core.study_check import StudyCheck, check_study
from explainer.core.study_pages import FINAL, STALE_AFTER_DAYS, Place, _latest_day, format_date
from explainer.core.study_summary_words import CheckWords
from explainer.core.study_words import StudyWords
from explainer.core.summary_grids import cycle_grids
from explainer.core.units import format_count
from explainer.core.review import review

DAYS_IN_MONTH = 365.25 / 12   # an average month (about 30.4 days): a four-week cycle is a little less than one
MAX_SHOWN_SITE = 200          # characters of one place's name and town shown in a cell

Choice = Literal["yes", "no", "sham", "one_group", "not_given", "not_applicable"]
DateKind = Literal["checked", "updated"]


class CompareWords(BaseModel):
    """resources/compare_words.json: every word the comparison writes."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    intro: str
    no_studies: str
    study_heading: str
    no_title: str
    aspects: dict[Literal["title", "status", "status_date", "phase", "randomised", "placebo", "groups", "self_check",
                          "not_met", "visits", "place"], str]
    status_missing: str
    status_checked: str
    status_updated: str
    status_no_date: str
    status_old: str
    no_phase: str
    not_a_test: str
    choice: dict[Choice, str]
    groups_count: str
    groups_none: str
    check_not_started: str
    check_counts: str
    not_met_none: str
    not_met_not_started: str
    not_met_needed: str            # a record's item, by its number: "Needed, number 21: ..."
    not_met_needed_named: str      # a curated study's named rule
    not_met_keeps_out: str
    not_met_keeps_out_named: str
    visits_part: str
    visits_part_low: str
    visits_maybe: str
    visits_not_known: str
    visits_no_plan: str
    place_choose: str
    place_none_at_all: str
    place_in: str
    place_in_one: str
    place_none_in: str
    place_none_in_then: str
    place_none_in_then_one: str
    place_distance_note: str
    pdf_subtitle: str
    pdf_footer: str

    def all_prose(self) -> list[str]:
        """Every text a person reads (for the readability test)."""
        out: list[str] = []
        for value in self.model_dump().values():
            out.extend(value.values() if isinstance(value, dict) else [value])
        return out


# ---------------------------------------------------------------- one study's facts

@dataclass(frozen=True, slots=True)
class NotMet:
    id: str
    kind: str        # inclusion or exclusion
    plain: str


@dataclass(frozen=True, slots=True)
class CheckState:
    """The self-check's counts for the patient's answers; ``None`` in StudyFacts is "not started"."""

    met: int
    open: int
    not_met: int
    not_met_rules: tuple[NotMet, ...]


@dataclass(frozen=True, slots=True)
class VisitPart:
    """One run of alike cycles: clinic days per cycle (a drip or shot is certain), and
    the days that are clinic days only when a "by mouth or by drip" medicine is a drip."""

    name: str
    clinic_days: int
    maybe_days: int
    cycle_days: int
    maybe_drugs: tuple[str, ...] = ()

    @property
    def per_month(self) -> float:
        return self.clinic_days * DAYS_IN_MONTH / self.cycle_days


@dataclass(frozen=True, slots=True)
class SitePlace:
    facility: str | None
    city: str | None
    state: str | None
    country: str | None
    taking_people: bool    # the place's own status says it takes new people


@dataclass(frozen=True, slots=True)
class StudyFacts:
    nct_id: str
    title: str | None
    status: Status | None
    status_date: PartialDate | None
    status_date_kind: DateKind
    phases: tuple[str, ...]
    randomised: Choice
    placebo: Choice
    groups: int
    check: CheckState | None          # None: not started (no answers given)
    visits: tuple[VisitPart, ...] | None  # None: the record gives no day-by-day plan
    visits_from_record: bool          # True for a registry record (it never gives one)
    sites: tuple[SitePlace, ...]


def _started(answers: AnswersFile | None) -> bool:
    return answers is not None and bool(answers.answers.answered())


def check_state(check: StudyCheck) -> CheckState | None:
    """The counts of one record's self-check (``check_study``), as the comparison and the
    list of kept studies show them (``check_text``); None ("not started") when the patient
    answered nothing this study asks (numbers kept for other studies may not touch it).
    An item that only explains a word is no rule: it is counted neither met, nor open,
    nor not met."""
    rules = [row for row in check.rows if not row.explains]
    if rules and not any(row.answered for row in rules):
        return None
    return _state((row.id, row.kind, row.status, row.plain if row.asks == "numbers" else _quoted(row.source))
                  for row in check.rows if not row.explains)


def check_text(state: CheckState | None, words: CompareWords) -> str:
    """"Not started", or how many rules seem met, are still open and seem not met: the
    self-check's state in the same words wherever the app lists studies."""
    if state is None:
        return words.check_not_started
    return words.check_counts.format(met=state.met, open=state.open, not_met=state.not_met)


def _state(rows: Iterable[tuple[str, str, RuleStatus, str]]) -> CheckState:
    rows = list(rows)
    count = {status: sum(1 for _, _, s, _ in rows if s is status) for status in RuleStatus}
    unmet = tuple(NotMet(id, kind, plain) for id, kind, status, plain in rows if status is RuleStatus.NOT_SATISFIED)
    return CheckState(count[RuleStatus.SATISFIED], count[RuleStatus.UNKNOWN], count[RuleStatus.NOT_SATISFIED], unmet)


def _taking(status: object) -> bool:
    return str(status or "").upper() in (Status.RECRUITING.value, Status.AVAILABLE.value)


def _record_randomised(study: RegistryStudy) -> Choice:
    if study.study_type == "OBSERVATIONAL":
        return "not_applicable"
    allocation = study.design.allocation if study.design else None
    if allocation == "RANDOMIZED":
        return "yes"
    if allocation == "NON_RANDOMIZED":
        return "no"
    if allocation == "NA" or len(study.arms) == 1:
        return "one_group"
    return "not_given"


def _record_placebo(study: RegistryStudy) -> Choice:
    """As the study's pages say it (study_pages._placebo): arm types, or a treatment named placebo."""
    if study.study_type == "OBSERVATIONAL":
        return "not_applicable"
    if not study.arms and not study.interventions:
        return "not_given"
    types = {arm.type for arm in study.arms}
    if "PLACEBO_COMPARATOR" in types or any("placebo" in i.name.casefold() for i in study.interventions):
        return "yes"
    return "sham" if "SHAM_COMPARATOR" in types else "no"


QUOTE_LIMIT = 120  # characters of a record's rule quoted in a table cell


def _quoted(source: str) -> str:
    """A rule the patient answered themselves, named by the record's own words (its first
    line, shortened): its ``plain`` is only the question "Does this apply to you?"."""
    first = " ".join(source.split("\n", 1)[0].split())
    if len(first) > QUOTE_LIMIT:
        first = first[:QUOTE_LIMIT].rsplit(" ", 1)[0] + "…"
    return f"“{first}”"


def record_facts(study: RegistryStudy, answers: AnswersFile | None, words: CheckWords) -> StudyFacts:
    """A registry record's facts; the self-check is ``check_study``, as ``check --trial RECORD``."""
    check = None
    if _started(answers) or (answers is not None and answers.criteria):  # check_state: do any touch it
        check = check_state(check_study(study, answers, words))
    if study.status_verified is not None:
        date, kind = study.status_verified, "checked"
    else:
        date, kind = (study.last_update_posted.date if study.last_update_posted else None), "updated"
    sites = tuple(SitePlace(s.facility, s.city, s.state, s.country, _taking(s.status)) for s in study.sites)
    return StudyFacts(study.nct_id, study.title, study.overall_status, date, kind, study.phases,
                      _record_randomised(study), _record_placebo(study), len(study.arms), check, None, True, sites)


def trial_facts(trial: Trial, answers: AnswersFile | None, questions: Questionnaire | None) -> StudyFacts:
    """The built-in (curated) study: its hand-written rules, and visits counted from its regimen."""
    check = None
    if _started(answers):
        report = review(trial, questions, answers, answers.as_of).report  # type: ignore[union-attr]
        check = _state((c.id, c.kind, c.status, c.plain) for c in report.criteria)
    updated = trial.last_updated
    allocation = trial.design.allocation
    randomised: Choice = ("yes" if allocation == "RANDOMIZED" else "no" if allocation == "NON_RANDOMIZED"
                          else "one_group" if len(trial.arms) == 1 else "not_given")
    types = {arm.group_type for arm in trial.arms}
    placebo: Choice = ("yes" if "PLACEBO_COMPARATOR" in types or any("placebo" in i.name.casefold()
                                                                     for i in trial.interventions)
                       else "sham" if "SHAM_COMPARATOR" in types else "no")
    sites = tuple(SitePlace(loc.facility, loc.city, loc.state or None, loc.country, _taking(loc.status))
                  for loc in trial.locations)
    return StudyFacts(trial.nct_id, trial.title, Status(trial.status.value),
                      PartialDate(year=updated.year, month=updated.month, day=updated.day), "updated",
                      (trial.phase,), randomised, placebo, len(trial.arms), check, trial_visits(trial), False, sites)


def trial_visits(trial: Trial) -> tuple[VisitPart, ...] | None:
    """Clinic days per cycle, from the first group's schedule (the same grids as the timeline)."""
    if not trial.regimens:
        return None
    timeline = build_timeline(trial)
    maybe = tuple(timeline.maybe_drip_names())
    return tuple(VisitPart(grid.title, len(grid.clinic_days), len(grid.maybe_clinic_days), grid.length_days,
                           maybe if grid.maybe_clinic_days else ())
                 for grid in cycle_grids(timeline))


# ---------------------------------------------------------------- the table

@dataclass(frozen=True, slots=True)
class ComparisonRow:
    aspect: str                 # the key in CompareWords.aspects
    label: str
    cells: tuple[str, ...]      # one per study, in the order of the headings


@dataclass(frozen=True, slots=True)
class Comparison:
    title: str
    intro: str
    place_note: str
    headings: tuple[str, ...]   # one per study
    nct_ids: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]


def comparison(studies: Sequence[StudyFacts], words: CompareWords, study_words: StudyWords,
               place: Place | None = None, today: dt.date | None = None) -> Comparison:
    place = place or Place()
    cells = {
        "title": [f.title or words.no_title for f in studies],
        "status": [_status(f, words, study_words) for f in studies],
        "status_date": [_status_date(f, words, study_words, today) for f in studies],
        "phase": [_phase(f, words, study_words) for f in studies],
        "randomised": [words.choice[f.randomised] for f in studies],
        "placebo": [words.choice[f.placebo] for f in studies],
        "groups": [words.groups_count.format(count=format_count(f.groups)) if f.groups else words.groups_none
                   for f in studies],
        "self_check": [_check(f, words) for f in studies],
        "not_met": [_not_met(f, words) for f in studies],
        "visits": [_visits(f, words) for f in studies],
        "place": [_place(f, words, place) for f in studies],
    }
    rows = tuple(ComparisonRow(key, words.aspects[key], tuple(texts))  # type: ignore[index]
                 for key, texts in cells.items())
    headings = tuple(words.study_heading.format(nct_id=f.nct_id) for f in studies)
    return Comparison(words.title, words.intro if studies else words.no_studies, words.place_distance_note,
                      headings, tuple(f.nct_id for f in studies), rows)


def _status(facts: StudyFacts, w: CompareWords, sw: StudyWords) -> str:
    if facts.status is None:
        return w.status_missing
    text = sw.status.overall[facts.status].short
    return text[:1].upper() + text[1:]


def _status_date(facts: StudyFacts, w: CompareWords, sw: StudyWords, today: dt.date | None) -> str:
    if facts.status_date is None:
        return w.status_no_date
    template = w.status_checked if facts.status_date_kind == "checked" else w.status_updated
    text = template.format(date=format_date(facts.status_date, sw))
    if (today is not None and facts.status not in FINAL
            and (today - _latest_day(facts.status_date)).days > STALE_AFTER_DAYS):
        text = f"{text}. {w.status_old}"
    return text


def _phase(facts: StudyFacts, w: CompareWords, sw: StudyWords) -> str:
    """The short name before the colon of the pages' phase sentence ("Phase 2: a test ...")."""
    names = [sw.about.phase[p].split(":")[0] if p in sw.about.phase else p for p in facts.phases]
    if names:
        return ", ".join(dict.fromkeys(names))
    return w.not_a_test if facts.randomised == "not_applicable" else w.no_phase


def _check(facts: StudyFacts, w: CompareWords) -> str:
    return check_text(facts.check, w)


def _not_met(facts: StudyFacts, w: CompareWords) -> str:
    if facts.check is None:
        return w.not_met_not_started
    if not facts.check.not_met_rules:
        return w.not_met_none
    return "\n".join(_not_met_line(rule, w) for rule in facts.check.not_met_rules)


def _not_met_line(rule: NotMet, w: CompareWords) -> str:
    """Named as the check page names the item ("Needed, 21 of 25" there; its id is inc-21)."""
    number = item_number(rule.id)
    if rule.kind == "exclusion":
        words = w.not_met_keeps_out_named if number is None else w.not_met_keeps_out
    else:
        words = w.not_met_needed_named if number is None else w.not_met_needed
    return words.format(number=number, plain=rule.plain)


def _visits(facts: StudyFacts, w: CompareWords) -> str:
    if facts.visits is None:
        return w.visits_not_known if facts.visits_from_record else w.visits_no_plan
    lines = []
    for part in facts.visits:
        per_month = part.per_month
        template = w.visits_part_low if per_month < 1 else w.visits_part
        line = template.format(part=part.name, clinic=part.clinic_days, days=part.cycle_days,
                               per_month=_whole(per_month))
        if part.maybe_days:
            line = f"{line}, {w.visits_maybe.format(maybe=part.maybe_days, drugs=' or '.join(part.maybe_drugs))}"
        lines.append(line)
    return "\n".join(lines)


def _whole(number: float) -> int:
    """Rounded half up (4.5 is 5), not to the even number as round() does."""
    return math.floor(number + 0.5)


def _same(wanted: str | None, value: str | None) -> bool:
    return (value or "").strip().casefold() == (wanted or "").strip().casefold()


def _place(facts: StudyFacts, w: CompareWords, place: Place) -> str:
    if not facts.sites:
        return w.place_none_at_all
    state = (place.state or "").strip()
    country = (place.country or "").strip()
    if not state and not country:
        return w.place_choose
    if state:
        here = [s for s in facts.sites if _same(state, s.state) and (not country or _same(country, s.country))]
        named = ", ".join(p for p in (state, country) if p)
        if here:
            return _found(w.place_in, w.place_in_one, here, named)
        if not country:
            return w.place_none_in.format(place=named)
        wider = [s for s in facts.sites if _same(country, s.country)]
        if not wider:
            return w.place_none_in.format(place=named)
        first = _best(wider)
        template = w.place_none_in_then_one if len(wider) == 1 else w.place_none_in_then
        return template.format(place=named, count=format_count(len(wider)), wider=country, site=_site_words(first))
    here = [s for s in facts.sites if _same(country, s.country)]
    if not here:
        return w.place_none_in.format(place=country)
    return _found(w.place_in, w.place_in_one, here, country)


def _found(many: str, one: str, sites: list[SitePlace], named: str) -> str:
    template = one if len(sites) == 1 else many
    return template.format(count=format_count(len(sites)), place=named, site=_site_words(_best(sites)))


def _best(sites: list[SitePlace]) -> SitePlace:
    """A place taking new people first, else the first in the record's order."""
    return next((s for s in sites if s.taking_people), sites[0])


def _site_words(site: SitePlace) -> str:
    parts = [p.strip() for p in (site.facility, site.city, site.state) if p and p.strip()]
    return ", ".join(dict.fromkeys(parts or [(site.country or "").strip()]))[:MAX_SHOWN_SITE]

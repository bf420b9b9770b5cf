"""The pages of any study, built from its registry record: structured data, not HTML.

``build_study_pages(study, words, as_of, place)`` returns the pages in reading order:
the status first (dated), what the study is, what happens, who can take part, where
and whom to ask, then dates, size, sponsor, numbers and what the record leaves out.
Each page is headings, paragraphs and lists; each paragraph says whose words it
holds, so the window, the PDF and a web page render the same thing and the
readability check scores only the app's own words:

- ``voice="app"``: plain words from resources/study_words.json, with numbers and
  dates filled in;
- ``voice="registry"``: the record's text as its web page shows it (Markdown escapes
  such as ``\\[`` undone, runs of spaces made one, nothing reworded); it is untrusted,
  so renderers escape it; its ``label`` is the app's words shown before it;
- ``voice="source"``: where the app's explanations come from.

Whether the study takes new people comes only from the record's overall status
(``intake``); a place's status only from that place's entry. Nothing about one
study is in this code. No Qt, no files, no clock: ``as_of`` is today, from the caller.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from explainer.core.criteria import CriterionItem, SubItem, split_criteria, undo_escapes
from explainer.core.facts import day_month_year, month_year
from explainer.core.registry_record import (
    Age,
    Arm,
    Contact,
    DateWithType,
    PartialDate,
    RegistryStudy,
    Site,
    Status,
)
from explainer.core.study_words import StudyWords
from explainer.core.units import format_count

Voice = Literal["app", "registry", "source"]
STALE_AFTER_DAYS = 365   # a status checked longer ago than this is said to be maybe out of date
# Statuses that do not change again: an old check date does not make them doubtful.
FINAL = frozenset({Status.COMPLETED, Status.TERMINATED, Status.WITHDRAWN, Status.NO_LONGER_AVAILABLE,
                   Status.APPROVED_FOR_MARKETING})


# ---------------------------------------------------------------- the structure

@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    voice: Voice = "app"
    label: str = ""      # the app's words before the text ("Phone:"), never the record's


@dataclass(frozen=True, slots=True)
class Item:
    lines: tuple[Paragraph, ...]
    items: tuple[Item, ...] = ()
    id: str = ""         # a criterion's id (inc-1) or a site's place in the record (site-12)


@dataclass(frozen=True, slots=True)
class ItemList:
    items: tuple[Item, ...]


Block = Paragraph | ItemList


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what follows it; an empty heading continues the page (an
    introduction, or where the explanations come from)."""

    id: str
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class StudyPage:
    id: str
    title: str
    sections: tuple[Section, ...]


def paragraphs(pages: Iterable[StudyPage]) -> Iterable[Paragraph]:
    """Every paragraph of the pages, list lines included, in reading order."""
    for page in pages:
        for section in page.sections:
            for block in section.blocks:
                yield from _block_paragraphs(block)


def _block_paragraphs(block: Block) -> Iterable[Paragraph]:
    if isinstance(block, Paragraph):
        yield block
        return
    pending = list(reversed(block.items))
    while pending:
        item = pending.pop()
        yield from item.lines
        pending.extend(reversed(item.items))


def app_words(pages: Iterable[StudyPage]) -> list[str]:
    """The app's own words (titles, headings, labels, plain sentences): what must read at grade 8."""
    pages = list(pages)
    out = [page.title for page in pages] + [section.heading for page in pages for section in page.sections]
    for paragraph in paragraphs(pages):
        if paragraph.label:
            out.append(paragraph.label)
        if paragraph.voice == "app":
            out.append(paragraph.text)
    return out


# ---------------------------------------------------------------- whether it takes new people

class Intake(StrEnum):
    """What the record's overall status says about taking new people (never guessed)."""

    YES = "yes"
    INVITATION = "invitation"
    NOT_YET = "not_yet"
    PAUSED = "paused"
    NO = "no"
    UNKNOWN = "unknown"


_INTAKE = {
    Status.RECRUITING: Intake.YES,
    Status.AVAILABLE: Intake.YES,
    Status.ENROLLING_BY_INVITATION: Intake.INVITATION,
    Status.NOT_YET_RECRUITING: Intake.NOT_YET,
    Status.SUSPENDED: Intake.PAUSED,
    Status.TEMPORARILY_NOT_AVAILABLE: Intake.PAUSED,
    Status.ACTIVE_NOT_RECRUITING: Intake.NO,
    Status.COMPLETED: Intake.NO,
    Status.TERMINATED: Intake.NO,
    Status.WITHDRAWN: Intake.NO,
    Status.NO_LONGER_AVAILABLE: Intake.NO,
    Status.APPROVED_FOR_MARKETING: Intake.NO,
    Status.UNKNOWN: Intake.UNKNOWN,   # the last known status is shown, but is not an answer
    Status.WITHHELD: Intake.UNKNOWN,
}


def intake(study: RegistryStudy) -> Intake:
    return _INTAKE[study.overall_status] if study.overall_status else Intake.UNKNOWN


# ---------------------------------------------------------------- places

@dataclass(frozen=True, slots=True)
class Place:
    """A choice of places; None is any. Matching ignores case and outer spaces."""

    country: str | None = None
    state: str | None = None
    city: str | None = None

    @property
    def is_any(self) -> bool:
        return not (self.country or self.state or self.city)

    def names(self) -> str:
        """The chosen parts, the smallest first: 'Boston, Massachusetts, United States'."""
        return ", ".join(part.strip() for part in (self.city, self.state, self.country) if part and part.strip())


def filter_sites(sites: Sequence[Site], place: Place) -> list[tuple[int, Site]]:
    """The sites in a place, each with its position in the record, in record order; a name
    matches ignoring case and outer spaces, a blank one matches any. The chosen names are
    folded once, not once per site (a record's 4,592 sites: 14,000 calls, made while its
    window opens)."""
    wanted = tuple((part, name.strip().casefold()) for part, name in
                   (("country", place.country), ("state", place.state), ("city", place.city)) if name and name.strip())
    if not wanted:
        return list(enumerate(sites))
    return [(index, site) for index, site in enumerate(sites)
            if all((getattr(site, part) or "").strip().casefold() == name for part, name in wanted)]


def _choices(values: Iterable[str | None]) -> tuple[str, ...]:
    """Each name once (ignoring case and outer spaces: the first spelling met), sorted."""
    seen: dict[str, str] = {}
    for value in dict.fromkeys(values):   # each spelling once, in the order met: 4,592 sites, 695 cities
        if value and value.strip():
            seen.setdefault(value.strip().casefold(), value.strip())
    return tuple(sorted(seen.values(), key=str.casefold))


def countries(sites: Sequence[Site]) -> tuple[str, ...]:
    return _choices(site.country for site in sites)


def states(sites: Sequence[Site], country: str | None = None) -> tuple[str, ...]:
    return _choices(site.state for _, site in filter_sites(sites, Place(country=country)))


def cities(sites: Sequence[Site], country: str | None = None, state: str | None = None) -> tuple[str, ...]:
    return _choices(site.city for _, site in filter_sites(sites, Place(country=country, state=state)))


# ---------------------------------------------------------------- small helpers

def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(count: int) -> str:
    return format_count(count)


def format_date(date: PartialDate, words: StudyWords) -> str:
    """'May 2004' for a month-only date, 'May 21, 2014' for a day, '2004' for a year."""
    if date.month is None:
        return str(date.year)
    # facts owns every date's words, in each language (the same as the long dates of
    # a curated study's pages)
    if date.day is None:
        return month_year(date.month, date.year)
    return day_month_year(date.day, date.month, date.year)


def _long_date(day: dt.date, words: StudyWords) -> str:
    return format_date(PartialDate(year=day.year, month=day.month, day=day.day), words)


def _latest_day(date: PartialDate) -> dt.date:
    """The last day a partial date can mean: a status checked 'in January 2014' is
    old only when even the 31st is more than a year ago."""
    if date.day is not None:
        return dt.date(date.year, date.month or 1, date.day)
    if date.month is None:
        return dt.date(date.year, 12, 31)
    following = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _registry(text: str, label: str = "") -> Paragraph:
    """The record's words as readers of its web page see them: its Markdown escapes
    undone ("\\[" is "["), runs of spaces made one, nothing else changed."""
    return Paragraph(undo_escapes(text) if _NEEDS_UNDO.search(text) else text.strip(), "registry", label)


_NEEDS_UNDO = re.compile(r"[\\\t\u00a0]|  ")   # most texts (1,148 sites) have none: skip the rewrite


def _quote(text: str | None, label: str) -> Paragraph | None:
    return _registry(text, label) if text and text.strip() else None


def _list(items: Iterable[Item]) -> ItemList | None:
    found = tuple(items)
    return ItemList(found) if found else None


def _section(id: str, heading: str, *blocks: Block | None) -> Section:
    return Section(id, heading, tuple(block for block in blocks if block is not None))


def _and(names: Sequence[str], words: StudyWords) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {words.list_and} {names[-1]}"


# ---------------------------------------------------------------- 1. status

def _status_page(study: RegistryStudy, words: StudyWords, as_of: dt.date | None) -> StudyPage:
    w = words.status
    answer: list[Block | None] = []
    if study.overall_status is None:
        answer.append(Paragraph(w.missing))
    else:
        meaning = w.overall[study.overall_status]
        answer += [Paragraph(meaning.answer), Paragraph(meaning.meaning),
                   Paragraph(_registry_status(study.overall_status), "registry", w.status_in_record)]
        if study.overall_status is Status.UNKNOWN and study.last_known_status:
            answer.append(Paragraph(w.last_known.format(status=w.overall[study.last_known_status].short)))
    answer += _status_dates(study, words, as_of)
    answer.append(_quote(study.why_stopped, w.why_stopped))
    steps = getattr(w.next, intake(study).value)
    return StudyPage("status", words.pages.status, (
        _section("status-answer", w.heading, *answer),
        _section("status-next", w.next_heading, *(Paragraph(step) for step in steps)),
        *_site_status_section(study, words),
        _section("status-source", "", Paragraph(w.source, "source")),
    ))


def _registry_status(status: Status) -> str:
    """The registry's own status words, as its web pages show them ("Active, not recruiting")."""
    return _sentence(status.value.lower().replace("_", " ").replace("active not", "active, not"))


def _status_checked(study: RegistryStudy, words: StudyWords, as_of: dt.date | None) -> list[Paragraph]:
    """When the status was last checked, and whether that is too long ago to trust."""
    w = words.status
    out = [Paragraph(w.verified.format(date=format_date(study.status_verified, words)) if study.status_verified
                     else w.not_verified)]
    if (study.status_verified and as_of and study.overall_status not in FINAL
            and (as_of - _latest_day(study.status_verified)).days > STALE_AFTER_DAYS):
        out.append(Paragraph(w.old.format(today=_long_date(as_of, words))))
    return out


def status_first(study: RegistryStudy, words: StudyWords, as_of: dt.date | None) -> tuple[str, ...]:
    """The status with its date, for the top of a page where people decide (the record's
    "Check the entry rules"): the status page's answer, then when it was last checked."""
    w = words.status
    if study.overall_status is None:
        lines = [w.missing]
    else:
        lines = [w.overall[study.overall_status].answer]
        if study.overall_status is Status.UNKNOWN and study.last_known_status:
            lines.append(w.last_known.format(status=w.overall[study.last_known_status].short))
    return (*lines, *(paragraph.text for paragraph in _status_checked(study, words, as_of)))


def _status_dates(study: RegistryStudy, words: StudyWords, as_of: dt.date | None) -> list[Paragraph]:
    w = words.status
    out = _status_checked(study, words, as_of)
    if study.last_update_posted:
        out.append(Paragraph(w.updated.format(date=format_date(study.last_update_posted.date, words))))
    if study.record_date:
        out.append(Paragraph(w.record_date.format(date=format_date(study.record_date, words))))
    return out


def _site_status_section(study: RegistryStudy, words: StudyWords) -> list[Section]:
    if not study.sites:
        return []
    w = words.status
    counts = Counter(site.status for site in study.sites)
    lines = [Paragraph(w.site_count_one.format(status=w.overall[status].short) if counts[status] == 1 else
                       w.site_count.format(count=_number(counts[status]), status=w.overall[status].short))
             for status in Status if counts[status]]
    if counts[None]:
        lines.append(Paragraph(w.sites_without_status_one if counts[None] == 1 else
                               w.sites_without_status.format(count=_number(counts[None]))))
    return [_section("status-sites", w.sites_heading, *lines, Paragraph(w.sites_see_where))]


# ---------------------------------------------------------------- 2. what the study is

def _about_page(study: RegistryStudy, words: StudyWords) -> StudyPage:
    w = words.about
    names = _section(
        "about-names", w.names_heading,
        _quote(study.brief_title, w.short_title),
        _quote(study.official_title, w.official_title) if study.official_title != study.brief_title else None,
        _quote(study.acronym, w.acronym), Paragraph(study.nct_id, "registry", w.study_number))
    conditions = (_section("about-conditions", w.conditions_heading, Paragraph(w.conditions_intro),
                           _list(Item((_registry(c),)) for c in study.conditions))
                  if study.conditions else _section("about-conditions", w.conditions_heading, Paragraph(w.no_conditions)))
    summary = _section("about-summary", w.summary_heading,
                       _quote(study.brief_summary, w.summary_label) or Paragraph(w.no_summary))
    return StudyPage("about", words.pages.about, (
        names, conditions, summary, _section("about-kind", w.kind_heading, *_kind(study, words)),
        _section("about-source", "", Paragraph(w.source, "source"))))


def _kind(study: RegistryStudy, words: StudyWords) -> list[Paragraph]:
    w = words.about
    out = [Paragraph(w.study_type[study.study_type] if study.study_type else w.no_study_type)]
    if study.phases:
        out += [Paragraph(w.phase[phase]) for phase in study.phases]
        if len([p for p in study.phases if p != "NA"]) > 1:
            out.append(Paragraph(w.several_phases))
    elif study.study_type == "INTERVENTIONAL":
        out.append(Paragraph(w.no_phase))   # observational and expanded access have no phase
    purpose = study.design.primary_purpose if study.design else None
    if purpose in w.purpose:
        out.append(Paragraph(w.purpose[purpose], "app", w.purpose_label))
    elif purpose:
        out.append(_registry(purpose, w.purpose_label))
    return out


# ---------------------------------------------------------------- 3. what happens

def grouping_sentences(study: RegistryStudy, words: StudyWords) -> tuple[str, ...]:
    """How people are put into groups and who knows which group: for THIS study's
    group count, allocation, masking and roles ("A computer picks which of the 3
    groups you are in ... Neither you nor your doctors and nurses will know ...")."""
    w = words.what_happens
    if study.study_type == "OBSERVATIONAL":
        return (w.observational,)
    count = len(study.arms)
    design = study.design
    out: list[str] = []
    allocation = design.allocation if design else None
    if allocation == "RANDOMIZED":
        out.append(w.random.format(count=_number(count)) if count > 1 else w.random_unknown_count)
    elif allocation == "NON_RANDOMIZED" and count > 1:
        out.append(w.chosen.format(count=_number(count)))
    elif count > 1 or (allocation is None and count != 1):
        out.append(w.allocation_not_given)
    if design and design.intervention_model in w.model and count > 1:
        out.append(w.model[design.intervention_model])   # "single group" with several groups says nothing new
    out += _masking(study, words)
    return tuple(out)


def _masking(study: RegistryStudy, words: StudyWords) -> list[str]:
    w = words.what_happens.masking
    masking = study.design.masking if study.design else None
    if masking is None:
        return [w.not_given]
    if masking == "NONE":
        return [w.open]
    who = [w.who[role] for role in ("PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR", "OUTCOMES_ASSESSOR")
           if role in study.design.who_masked]
    if not who:
        sentence = w.unknown_who
    elif len(who) == 1:
        sentence = w.one.format(who=who[0])
    elif len(who) == 2:
        sentence = w.two.format(first=who[0], second=who[1])
    else:
        sentence = w.many.format(list=", ".join(who[:-1]), last=who[-1])
    return [_sentence(sentence), w.why]


def _placebo(study: RegistryStudy, words: StudyWords) -> list[str]:
    """From the arm types the record gives (and an intervention named as one), never guessed further."""
    w = words.what_happens
    if study.study_type == "OBSERVATIONAL" or not study.arms:
        return []
    types = {arm.type for arm in study.arms}
    named = any("placebo" in i.name.casefold() for i in study.interventions)
    out = []
    if "PLACEBO_COMPARATOR" in types or named:
        out.append(w.placebo)
    if "SHAM_COMPARATOR" in types:
        out.append(w.sham)
    if out and study.design and study.design.allocation == "RANDOMIZED":
        out.append(w.chance_of_placebo)
    return out or [w.no_placebo]


def _what_happens_page(study: RegistryStudy, words: StudyWords) -> StudyPage:
    w = words.what_happens
    count = len(study.arms)
    if study.study_type == "OBSERVATIONAL":
        intro = [w.observational_groups.format(count=_number(count)) if count > 1 else
                 w.observational_one_group if count else w.no_groups]
    else:
        intro = [w.group_count.format(count=_number(count)) if count > 1 else w.one_group if count else w.no_groups]
    sentences = [*intro, *grouping_sentences(study, words), *_placebo(study, words)]
    groups = _section("what-groups", w.groups_heading, *(Paragraph(s) for s in sentences),
                      _list(_arm_item(arm, study, words) for arm in study.arms))
    return StudyPage("what_happens", words.pages.what_happens, (
        groups, _treatments(study, words), _section("what-source", "", Paragraph(w.source, "source"))))


def _arm_item(arm: Arm, study: RegistryStudy, words: StudyWords) -> Item:
    w = words.what_happens
    lines = [_registry(arm.label)]
    if arm.type:
        lines.append(Paragraph(w.arm_type[arm.type], "app", w.arm_type_label))
    observational = study.study_type == "OBSERVATIONAL"
    if observational:
        if quote := _quote(arm.description, w.group_description_label):
            lines.append(quote)
    elif arm.description and arm.description.strip():
        # A treatment group's description is its dosing plan ("200 mg IV on day 1"): the
        # app never shows doses, so it says the plan is there and whom to ask.
        lines.append(Paragraph(w.arm_plan_in_record))
    gets = arm.intervention_names or tuple(i.name for i in study.interventions if arm.label in i.arm_group_labels)
    if gets:
        lines.append(Paragraph(w.arm_gets_label))
        return Item(tuple(lines), tuple(Item((_registry(name),)) for name in gets))
    if not observational:
        lines.append(Paragraph(w.arm_gets_nothing_listed))
    return Item(tuple(lines))


def _treatments(study: RegistryStudy, words: StudyWords) -> Section:
    w = words.what_happens
    if not study.interventions:
        return _section("what-treatments", w.treatments_heading, Paragraph(w.no_treatments))
    items = []
    for intervention in study.interventions:
        lines = [_registry(intervention.name)]
        if intervention.type:
            lines.append(Paragraph(w.treatment_type[intervention.type], "app", w.treatment_type_label))
        if intervention.other_names:
            lines.append(_registry(", ".join(intervention.other_names), w.other_names_label))
        items.append(Item(tuple(lines)))
    return _section("what-treatments", w.treatments_heading, Paragraph(w.treatments_intro), ItemList(tuple(items)))


# ---------------------------------------------------------------- 4. who can take part

def _age(age: Age, words: StudyWords) -> str:
    w = words.who_can_join
    unit = (w.age_units_one if age.value == 1 else w.age_units)[age.unit]
    return f"{_number(age.value)} {unit}"


def _age_lines(study: RegistryStudy, words: StudyWords) -> list[Paragraph]:
    w = words.who_can_join
    low, high = study.minimum_age, study.maximum_age
    if low and high:
        return [Paragraph(w.age_range.format(low=_age(low, words), high=_age(high, words)))]
    if low:
        return [Paragraph(w.age_from.format(low=_age(low, words))), Paragraph(w.no_highest_age)]
    if high:
        return [Paragraph(w.age_up_to.format(high=_age(high, words))), Paragraph(w.no_lowest_age)]
    return [Paragraph(w.no_ages)]


def _who_page(study: RegistryStudy, words: StudyWords) -> StudyPage:
    w = words.who_can_join
    healthy = {True: w.healthy_yes, False: w.healthy_no, None: w.healthy_not_given}[study.healthy_volunteers]
    basics = _section(
        "who-basics", w.basics_heading, *_age_lines(study, words),
        Paragraph(w.sex[study.sex] if study.sex else w.no_sex),
        _quote(study.gender_description, w.gender_label) if study.gender_based else None,
        Paragraph(healthy))
    sections = [_section("who-intro", "", Paragraph(w.intro)), basics]
    if population := _quote(study.study_population, w.population_label):
        sections.append(_section("who-population", w.population_heading, population))
    sections += _rules(study, words)
    sections.append(_section("who-source", "", Paragraph(w.source, "source")))
    return StudyPage("who_can_join", words.pages.who_can_join, tuple(sections))


def _sub_items(items: tuple[SubItem, ...]) -> tuple[Item, ...]:
    return tuple(Item((Paragraph(sub.text, "registry"),), _sub_items(sub.sub_items)) for sub in items)


def _criterion(item: CriterionItem) -> Item:
    """split_criteria has undone the escapes already: the words are kept as it gives them."""
    return Item((Paragraph(item.text, "registry"),), _sub_items(item.sub_items), item.id)


def _rules(study: RegistryStudy, words: StudyWords) -> list[Section]:
    w = words.who_can_join
    criteria = split_criteria(study.criteria or "")
    if not criteria.items and not criteria.notes:
        return [_section("who-rules", w.rules_heading, Paragraph(w.no_criteria))]
    out = [_section("who-rules", w.rules_heading, Paragraph(w.rules_intro),
                    None if criteria.headings else Paragraph(w.no_headings),
                    *(Paragraph(note, "registry", w.notes_label if n == 0 else "")
                      for n, note in enumerate(criteria.notes)))]
    if criteria.headings and criteria.inclusion:
        out.append(_section("who-inclusion", w.inclusion_heading, Paragraph(w.inclusion_intro),
                            ItemList(tuple(_criterion(i) for i in criteria.inclusion))))
    elif criteria.inclusion:
        out[0] = _section("who-rules", w.rules_heading, *out[0].blocks,
                          ItemList(tuple(_criterion(i) for i in criteria.inclusion)))
    if criteria.exclusion:
        out.append(_section("who-exclusion", w.exclusion_heading, Paragraph(w.exclusion_intro),
                            ItemList(tuple(_criterion(i) for i in criteria.exclusion))))
    elif criteria.headings:
        out.append(_section("who-exclusion", w.exclusion_heading, Paragraph(w.no_exclusion)))
    return out


# ---------------------------------------------------------------- 5. where and whom to ask

def _contact_lines(contact: Contact, words: StudyWords) -> tuple[Paragraph, ...]:
    w = words.where
    lines = [_quote(contact.name, w.name_label),
             Paragraph(w.role[contact.role], "app", w.role_label) if contact.role else None,
             _quote(contact.phone, w.phone_label), _quote(contact.phone_ext, w.extension_label),
             _quote(contact.email, w.email_label)]
    return tuple(line for line in lines if line is not None)


def _site_item(index: int, site: Site, words: StudyWords) -> Item:
    w = words.where
    lines: list[Paragraph | None] = [_quote(site.facility, "")]
    place = ", ".join(part.strip() for part in (site.city, site.state, site.zip, site.country)
                      if part and part.strip())
    lines.append(_quote(place, ""))
    lines.append(Paragraph(words.status.overall[site.status].short, "app", w.status_label) if site.status
                 else Paragraph(w.no_site_status))
    contacts = tuple(Item(_contact_lines(c, words)) for c in site.contacts)
    contacts = tuple(item for item in contacts if item.lines)
    if contacts:
        lines.append(Paragraph(w.site_contacts_label))
    return Item(tuple(line for line in lines if line is not None), contacts, f"site-{index}")


def _where_page(study: RegistryStudy, words: StudyWords, place: Place, listed: int | None = None) -> StudyPage:
    w = words.where
    contacts = tuple(item for item in (Item(_contact_lines(c, words)) for c in study.central_contacts) if item.lines)
    has_site_contacts = any(site.contacts for site in study.sites)
    if contacts:
        asking = _section("where-contacts", w.contacts_heading, Paragraph(w.contacts_intro), ItemList(contacts))
    elif has_site_contacts:
        asking = _section("where-contacts", w.contacts_heading, Paragraph(w.no_central_contacts))
    else:
        asking = _section("where-contacts", w.contacts_heading, Paragraph(w.no_contacts.format(nct_id=study.nct_id)))
    officials = [Item(tuple(line for line in (
        _quote(o.name, w.name_label), Paragraph(w.role[o.role], "app", w.role_label) if o.role else None,
        _quote(o.affiliation, w.affiliation_label)) if line is not None)) for o in study.officials]
    officials = [item for item in officials if item.lines]
    sections = [asking]
    if officials:
        sections.append(_section("where-officials", w.officials_heading, ItemList(tuple(officials))))
    sections.append(_places(study, words, place, listed))
    sections.append(_section("where-source", "", Paragraph(w.source, "source")))
    return StudyPage("where", words.pages.where, tuple(sections))


def _places(study: RegistryStudy, words: StudyWords, place: Place, listed: int | None = None) -> Section:
    w = words.where
    total = len(study.sites)
    if not total:
        return _section("where-places", w.places_heading, Paragraph(w.no_sites.format(nct_id=study.nct_id)))
    n_countries = len(countries(study.sites))
    if total == 1:
        intro = w.one_place
    elif n_countries > 1:
        intro = w.place_count.format(count=_number(total), countries=_number(n_countries))
    else:
        intro = w.place_count_one_country.format(count=_number(total))
    chosen = filter_sites(study.sites, place)
    blocks: list[Block | None] = [Paragraph(intro)]
    if not place.is_any:
        if chosen:  # the record's spelling of the place, not the one typed
            first = chosen[0][1]
            named = Place(place.country and first.country, place.state and first.state, place.city and first.city)
            found = (w.filtered_one.format(total=_number(total), place=named.names()) if len(chosen) == 1 else
                     w.filtered.format(shown=_number(len(chosen)), total=_number(total), place=named.names()))
            blocks.append(Paragraph(found))
        else:
            blocks.append(Paragraph(w.none_in_filter.format(place=place.names())))
    blocks.append(_list(_site_item(index, site, words) for index, site in chosen[:listed]))
    return _section("where-places", w.places_heading, *blocks)


def site_items(study: RegistryStudy, words: StudyWords, place: Place, start: int, stop: int) -> tuple[Item, ...]:
    """Items ``start`` to ``stop`` of the 'where' page's list of places (those ``place``
    keeps): a window makes a long list a part at a time (build_study_page's ``listed``)."""
    return tuple(_site_item(index, site, words) for index, site in filter_sites(study.sites, place)[start:stop])


# ---------------------------------------------------------------- 6. dates, size, sponsor, numbers, gaps

def _dated(date: DateWithType | None, label: str, words: StudyWords) -> Paragraph | None:
    if date is None:
        return None
    kind = {True: f" {words.details.estimated}", False: f" {words.details.actual}", None: ""}[date.estimated]
    return Paragraph(format_date(date.date, words) + kind, "app", label)


def _past_plans(study: RegistryStudy, as_of: dt.date | None) -> bool:
    """A date the record still calls planned, though even its last possible day is before today."""
    planned = [d for d in (study.start, study.primary_completion, study.completion) if d and d.estimated]
    return as_of is not None and any(_latest_day(d.date) < as_of for d in planned)


def _details_page(study: RegistryStudy, words: StudyWords, as_of: dt.date | None) -> StudyPage:
    w = words.details
    # A posting date is a fact of the registry, never a plan: its type is not shown.
    posted = [(study.first_posted, w.first_posted), (study.last_update_posted, w.last_update)]
    dates = [_dated(study.start, w.start, words), _dated(study.primary_completion, w.primary_completion, words),
             _dated(study.completion, w.completion, words),
             *(Paragraph(format_date(d.date, words), "app", label) for d, label in posted if d),
             Paragraph(format_date(study.record_date, words), "app", w.record_copy) if study.record_date else None]
    found = [d for d in dates if d is not None]
    month_only = any(d and d.date.day is None for d in (study.start, study.primary_completion, study.completion))
    date_section = _section("details-dates", w.dates_heading, *(found or [Paragraph(w.no_dates)]),
                            Paragraph(w.dates_note) if month_only else None,
                            Paragraph(w.past_plans) if _past_plans(study, as_of) else None)
    sections = [date_section, _section("details-size", w.size_heading, Paragraph(_size(study, words))),
                _sponsor(study, words), _numbers(study, words)]
    if study.has_results is not None:
        sections.append(_section("details-results", w.results_heading,
                                 Paragraph(w.results_yes if study.has_results else w.results_no)))
    gaps = study.gaps
    sections.append(_section("details-gaps", w.gaps_heading, *(
        (Paragraph(w.gaps_intro), ItemList(tuple(Item((Paragraph(_sentence(w.gaps[g]) + "."),)) for g in gaps)))
        if gaps else (Paragraph(w.no_gaps),))))
    return StudyPage("details", words.pages.details, tuple(sections))


def _size(study: RegistryStudy, words: StudyWords) -> str:
    w = words.details
    enrollment = study.enrollment
    if enrollment is None or enrollment.count is None:
        return w.no_size
    count = _number(enrollment.count)
    return {"ACTUAL": w.size_actual, "ESTIMATED": w.size_estimated, None: w.size_untyped}[enrollment.type].format(
        count=count)


def _sponsor(study: RegistryStudy, words: StudyWords) -> Section:
    w = words.details
    if study.lead_sponsor is None and not study.collaborators:
        return _section("details-sponsor", w.sponsor_heading, Paragraph(w.no_sponsor))
    return _section(
        "details-sponsor", w.sponsor_heading,
        _quote(study.lead_sponsor.name if study.lead_sponsor else None, w.lead_sponsor),
        _quote("; ".join(c.name for c in study.collaborators), w.collaborators))


def _numbers(study: RegistryStudy, words: StudyWords) -> Section:
    w = words.details
    lines = [Item((Paragraph(study.nct_id, "registry", w.nct_number),))]
    if study.org_study_id and study.org_study_id.strip() != study.nct_id:
        lines.append(Item((_registry(study.org_study_id, w.org_number),)))
    for other in study.other_ids:
        text = other.id.strip() + (f" ({other.type.strip()})" if other.type and other.type.strip() else "")
        if other.id.strip():
            lines.append(Item((_registry(text, w.other_number),)))
    return _section("details-numbers", w.numbers_heading, Paragraph(w.numbers_intro), ItemList(tuple(lines)))


# ---------------------------------------------------------------- all pages

def build_study_pages(study: RegistryStudy, words: StudyWords, as_of: dt.date | None = None,
                      place: Place | None = None) -> list[StudyPage]:
    """The pages of one study, in reading order (status first). ``as_of`` (today, from
    the caller) lets the pages say when the status was checked more than a year ago
    and when a date the record still calls planned is past; ``place`` narrows the
    list of sites (the counts still cover every site)."""
    return [build_study_page(study, words, page_id, as_of, place) for page_id in PAGE_IDS]


PAGE_IDS = ("status", "about", "what_happens", "who_can_join", "where", "details")  # reading order


def build_study_page(study: RegistryStudy, words: StudyWords, page_id: str, as_of: dt.date | None = None,
                     place: Place | None = None, listed: int | None = None) -> StudyPage:
    """One of build_study_pages's pages, alone (a window builds each when it is needed);
    ``listed``: only the first so many places in the 'where' page's list (its words still
    count them all; ``site_items`` gives the others)."""
    match page_id:
        case "status":
            return _status_page(study, words, as_of)
        case "about":
            return _about_page(study, words)
        case "what_happens":
            return _what_happens_page(study, words)
        case "who_can_join":
            return _who_page(study, words)
        case "where":
            return _where_page(study, words, place or Place(), listed)
        case "details":
            return _details_page(study, words, as_of)
    raise KeyError(page_id)


def page_title(words: StudyWords, page_id: str) -> str:
    """The title of the page ``page_id`` (one of PAGE_IDS), without building it."""
    return getattr(words.pages, page_id)

"""The summary of any registry record to take to a doctor, as data (the PDF and the web page).

``build_study_summary(...)`` picks from the study's pages (explainer.core.study_pages)
what a visit needs, in this order: the status first (dated), what happens, who can
take part (each criterion with the patient's answer where the app read the rule and
the question is answered), whom to ask and the places (those in the chosen place,
at most ``max_sites`` of them, then how many more), questions to ask, and the
disclaimer. The pages keep their voices, so each renderer escapes the record's
words. No Qt, no files, no clock: ``today`` comes from the caller.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from explainer.core.eligibility import STATUS_ICONS, status_words
from explainer.core.glossary import Glossary
from explainer.core.registry_record import RegistryStudy
from explainer.core.study_check import StudyCheck, StudyCheckRow
from explainer.core.study_pages import (
    Block,
    Item,
    ItemList,
    Paragraph,
    Place,
    Section,
    StudyPage,
    build_study_pages,
    format_date,
)
from explainer.core.study_reading import hard_words, with_reading_labels
from explainer.core.study_summary_words import StudySummaryWords
from explainer.core.study_words import StudyWords

MAX_SITES = 10   # a printed list of 1,148 places helps no one: the nearest few, then a count
SUMMARY_PAGES = ("status", "what_happens", "who_can_join", "where")


@dataclass(frozen=True, slots=True)
class StudySummary:
    nct_id: str
    title: str
    subtitle: str
    notice: str
    footer: str
    printed_on: dt.date
    pages: tuple[StudyPage, ...]
    lang: str = "en"


def build_study_summary(study: RegistryStudy, words: StudyWords, summary_words: StudySummaryWords,
                        today: dt.date, place: Place | None = None, check: StudyCheck | None = None,
                        max_sites: int = MAX_SITES, glossary: Glossary | None = None) -> StudySummary:
    """``glossary``: the hard words the summary uses are explained at its end, and each
    "written for doctors" label says so (without it, neither)."""
    w = summary_words
    day = format_date_of(today, words)
    pages = {page.id: page for page in build_study_pages(study, words, today, place)}
    chosen = [pages[name] for name in SUMMARY_PAGES]
    chosen[3] = _capped_places(chosen[3], max_sites, w)
    # Labelled before the answers join the rules: a list of rules is read as one passage.
    explained = bool(glossary and hard_words(chosen, glossary))
    chosen = with_reading_labels(chosen, words.reading, w.words_note if explained else "")
    chosen[2] = _with_answers(chosen[2], check, w, words)
    subtitle = (w.subtitle.format(today=day, record_date=format_date(study.record_date, words))
                if study.record_date else w.subtitle_no_date.format(today=day))
    return StudySummary(
        nct_id=study.nct_id, title=w.title.format(nct_id=study.nct_id), subtitle=subtitle, notice=w.notice,
        footer=w.footer.format(nct_id=study.nct_id, today=day), printed_on=today,
        pages=(*chosen, _questions(w), _disclaimer(w),
               *_words([*chosen, _questions(w)], glossary, w)))


def format_date_of(day: dt.date, words: StudyWords) -> str:
    from explainer.core.registry_record import PartialDate

    return format_date(PartialDate(year=day.year, month=day.month, day=day.day), words)


# ---------------------------------------------------------------- who can take part, with answers

def _with_answers(page: StudyPage, check: StudyCheck | None, w: StudySummaryWords, words: StudyWords) -> StudyPage:
    if check is None or check.as_of is None:
        note = Paragraph(w.no_answers_note)
        rows: dict[str, StudyCheckRow] = {}
    else:
        note = Paragraph(w.answers_note.format(date=format_date_of(check.as_of, words)))
        rows = {row.id: row for row in check.rows}
    sections = [replace(section, blocks=tuple(_answered_block(block, rows, w) for block in section.blocks))
                for section in page.sections]
    first = sections[0]
    sections[0] = replace(first, blocks=(note, *first.blocks))
    return replace(page, sections=tuple(sections))


def _answered_block(block: Block, rows: dict[str, StudyCheckRow], w: StudySummaryWords) -> Block:
    if not isinstance(block, ItemList):
        return block
    return ItemList(tuple(_answered_item(item, rows.get(item.id), w) for item in block.items))


def _answered_item(item: Item, row: StudyCheckRow | None, w: StudySummaryWords) -> Item:
    if row is None or not row.answered:
        return item
    found = f"{STATUS_ICONS[row.status]} {status_words(row.kind, row.status)}. {row.reason}"
    return replace(item, lines=(*item.lines, Paragraph(found, "app", w.status_label)))


# ---------------------------------------------------------------- places, capped

def _capped_places(page: StudyPage, max_sites: int, w: StudySummaryWords) -> StudyPage:
    sections = []
    for section in page.sections:
        if section.id == "where-places":
            section = _cap(section, max_sites, w)
        sections.append(section)
    return replace(page, sections=tuple(sections))


def _cap(section: Section, max_sites: int, w: StudySummaryWords) -> Section:
    blocks: list[Block] = []
    for block in section.blocks:
        if isinstance(block, ItemList) and len(block.items) > max_sites:
            rest = len(block.items) - max_sites
            blocks += [ItemList(block.items[:max_sites]),
                       Paragraph(w.more_places_one if rest == 1 else w.more_places.format(count=f"{rest:,}"))]
        else:
            blocks.append(block)
    return replace(section, blocks=tuple(blocks))


# ---------------------------------------------------------------- questions, disclaimer

def _questions(w: StudySummaryWords) -> StudyPage:
    return StudyPage("questions", w.questions_title, (
        Section("questions-list", "", (Paragraph(w.questions_intro),
                                       ItemList(tuple(Item((Paragraph(q),)) for q in w.questions)),
                                       Paragraph(w.questions_source, "source"))),))


def _words(pages: list[StudyPage], glossary: Glossary | None, w: StudySummaryWords) -> tuple[StudyPage, ...]:
    """The last page: each hard word the summary uses, its plain meaning and its source
    (as the curated summary ends with "Words used in this summary")."""
    terms = hard_words(pages, glossary) if glossary else []
    if not terms:
        return ()
    items = tuple(Item((Paragraph(t.definition, "app", f"{t.term}:"),
                        *((Paragraph(t.source, "source", w.words_source_label),) if t.source else ())))
                  for t in terms)
    return (StudyPage("words", w.words_title, (Section("words-list", "", (Paragraph(w.words_intro),
                                                                         ItemList(items))),)),)


def _disclaimer(w: StudySummaryWords) -> StudyPage:
    return StudyPage("disclaimer", w.disclaimer_title,
                     (Section("disclaimer-text", "", tuple(Paragraph(line) for line in w.disclaimer)),))

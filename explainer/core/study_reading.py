"""The record's own words on a study's pages: which passages are hard to read, the
app's label before each, and the hard words the pages use.

A registry record is written for doctors. The app never rewrites its words; it puts
its own label before each long passage whose reading level
(explainer.core.reading_level) is above grade 8 ("Written for doctors: these are the
record's own words ..."), and explains the glossary's words found in it.

What counts as one passage:

- a paragraph of the record's words (the summary, the people studied, a note, a title);
- a list made only of the record's words (the entry rules with their sub-items, the
  conditions): read as one text, one label before the list;
- in a list that mixes the app's words with the record's (a group and its
  description), a line of the record's words: labelled inside its item.

Fewer than ``MIN_WORDS`` words is not a passage: a grade of three words means nothing.
Names are not passages either (titles, other names, places, phone numbers): only
prose is labelled (``is_prose``). No Qt, no files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from explainer.core.glossary import Glossary, GlossaryTerm, mentions
from explainer.core.language import say
from explainer.core.reading_level import Difficulty, ReadingLevel, reading_level
from explainer.core.study_pages import Block, Item, ItemList, Paragraph, Section, StudyPage, paragraphs
from explainer.core.study_words import ReadingWords

MIN_WORDS = 12
# Parts of the pages that hold names, not prose: no hard words are looked for there.
# "Alliance for Clinical Trials in Oncology" is a group's name, not a word to explain;
# the places are also up to thousands of lines (1,148 in one sample).
NAME_SECTIONS = frozenset({"where-places", "where-officials", "details-sponsor", "details-numbers"})


def passage_text(block: Block) -> str | None:
    """The record's words of ``block`` as one text (list lines one per line), or None
    when the block is the app's words or a list that mixes the app's words in."""
    if isinstance(block, Paragraph):
        return block.text if block.voice == "registry" else None
    lines: list[str] = []
    pending = list(reversed(block.items))
    while pending:
        item = pending.pop()
        for line in item.lines:
            if line.voice != "registry" or line.label:  # a label is the app's words: a mixed list
                return None
            lines.append(line.text)
        pending.extend(reversed(item.items))
    return "\n".join(lines)


def is_prose(text: str) -> bool:
    """Sentences, not names: several lines, or a text that ends as a sentence does. A
    title or a list of other names ("Carboplat, CBDCA, ...") is no passage to label."""
    stripped = text.strip()
    return "\n" in stripped or stripped.endswith(_SENTENCE_ENDS)


_SENTENCE_ENDS = (".", "!", "?", ":", ";", ".)", ".\"", ".\u201d")


def hard_level(text: str) -> ReadingLevel | None:
    """The reading level of a passage of prose above grade 8, or None (plain, names, or
    too short to score)."""
    if text.count(" ") + text.count("\n") < MIN_WORDS - 1 or not is_prose(text):  # cheap checks first
        return None
    level = reading_level(text)
    return level if level.words >= MIN_WORDS and level.difficulty is not Difficulty.PLAIN else None


def reading_label(level: ReadingLevel, words: ReadingWords, note: str = "") -> Paragraph:
    """The app's label before a hard passage; ``note`` says where its hard words are explained."""
    text = words.very_hard if level.difficulty is Difficulty.FOR_SPECIALISTS else words.hard
    return Paragraph(f"{text} {note}".strip(), "app", words.label)


def with_reading_labels(pages: Iterable[StudyPage], words: ReadingWords, note: str = "") -> list[StudyPage]:
    """The pages with a label before each hard passage of the record's words; nothing
    else changes (the record's words stay as they are)."""
    return [replace(page, sections=tuple(_section(s, words, note) for s in page.sections)) for page in pages]


def _section(section: Section, words: ReadingWords, note: str) -> Section:
    blocks: list[Block] = []
    for block in section.blocks:
        text = passage_text(block)
        level = hard_level(text) if text is not None else None
        if level is not None:
            blocks.append(reading_label(level, words, note))
        elif isinstance(block, ItemList):
            block = ItemList(_items(block.items, words, note))
        blocks.append(block)
    return replace(section, blocks=tuple(blocks))


def _items(items: Sequence[Item], words: ReadingWords, note: str) -> tuple[Item, ...]:
    """A mixed list: each long, hard line of the record's words gets the label in its item."""
    out = []
    for item in items:
        lines: list[Paragraph] = []
        for line in item.lines:
            level = hard_level(line.text) if line.voice == "registry" else None
            if level is not None:
                lines.append(reading_label(level, words, note))
            lines.append(line)
        out.append(replace(item, lines=tuple(lines), items=_items(item.items, words, note))
                   if len(lines) != len(item.lines) or item.items else item)
    return tuple(out)


def hard_words(pages: Iterable[StudyPage], glossary: Glossary) -> list[GlossaryTerm]:
    """The glossary's words that the pages use (the record's words and the app's, not
    names), A to Z: the list at the end of a printed summary."""
    prose = [replace(page, sections=tuple(s for s in page.sections if s.id not in NAME_SECTIONS)) for page in pages]
    text = "\n".join(p.text for p in paragraphs(prose) if p.voice != "source")  # no form holds a line break
    found = {m.term.id: m.term for m in mentions(text, glossary)}
    return sorted(found.values(), key=lambda t: t.term.casefold())


# --- the record's words on pages in another language -------------------------------------

def in_english_note() -> str:
    """What a reader of a page in another language is told of the record's words: they
    stay as written, in English (Spanish: "(texto del registro, en inglés)")."""
    return say("(the registry's words, in English)")


def with_english_labels(pages: Iterable[StudyPage]) -> list[StudyPage]:
    """For pages not in English: each passage of the record's words (prose, as
    ``is_prose`` says; names need no label) says it is the record's, in English. A list
    of the record's words alone gets the note once, before it; a line of the record's
    words inside a mixed list, or a paragraph, gets it as (part of) its label."""
    note = in_english_note()
    return [replace(page, sections=tuple(_noted(section, note) for section in page.sections)) for page in pages]


def _noted(section: Section, note: str) -> Section:
    blocks: list[Block] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            blocks.append(_noted_line(block, note))
            continue
        text = passage_text(block)
        if text is not None and is_prose(text):
            blocks += [Paragraph(note, "app"), block]
        else:
            blocks.append(ItemList(_noted_items(block.items, note)))
    return replace(section, blocks=tuple(blocks))


def _noted_items(items: Sequence[Item], note: str) -> tuple[Item, ...]:
    return tuple(replace(item, lines=tuple(_noted_line(line, note) for line in item.lines),
                         items=_noted_items(item.items, note)) for item in items)


def _noted_line(line: Paragraph, note: str) -> Paragraph:
    if line.voice != "registry" or not is_prose(line.text):
        return line
    return replace(line, label=f"{line.label} {note}" if line.label else note)

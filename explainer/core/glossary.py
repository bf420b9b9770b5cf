"""The glossary (resources/glossary.json): hard words defined once, in plain words,
and found wherever the texts use them.

``words_used(text, glossary)`` is what a printed page calls to list "Words used on
this page" with their definitions; ``mark_terms`` wraps the first mention of each
term in a link the views turn into a tooltip and a definition panel.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Markdown a term must never be found inside: headings, links, registry markers.
MARKDOWN_PROTECTED = re.compile(r"^#.*$|\[[^\]]*\]\([^)]*\)|\[registry:[^\]]*\]|<[^>]*>", re.MULTILINE)


class GlossaryTerm(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    term: str = Field(min_length=1, description="The word as the glossary page lists it.")
    also: tuple[str, ...] = Field((), description="Other forms found in the texts (plurals, spellings).")
    definition: str = Field(min_length=1, description="Plain words, grade 8 or lower.")
    source: str = Field("", description="Where a medical claim in the definition comes from (writing guide §4).")

    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.also)

    def definition_with_source(self) -> str:
        """The definition, then its source where it has one: a reader can check the claim."""
        return f"{self.definition} (Source: {self.source})" if self.source else self.definition


class Glossary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = Field(pattern="^trial-explainer-glossary$")
    version: int = Field(ge=1, le=1)
    terms: tuple[GlossaryTerm, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _each_word_defined_once(self) -> Glossary:
        seen: dict[str, str] = {}
        for entry in self.terms:
            for form in entry.forms():
                key = form.casefold()
                if key in seen:
                    raise ValueError(f"{form!r} is defined twice ({seen[key]} and {entry.id})")
                seen[key] = entry.id
        if len({t.id for t in self.terms}) != len(self.terms):
            raise ValueError("two terms share an id")
        return self

    def by_id(self, term_id: str) -> GlossaryTerm:
        return next(t for t in self.terms if t.id == term_id)

    def a_to_z(self) -> list[GlossaryTerm]:
        return sorted(self.terms, key=lambda t: t.term.casefold())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    term: GlossaryTerm


@lru_cache(maxsize=512)
def _pattern(form: str) -> re.Pattern[str]:
    """Whole words; abbreviations (all capitals, like IV or ULN) match only in capitals."""
    flags = 0 if form.isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", flags)


@lru_cache(maxsize=8)
def _forms_longest_first(glossary: Glossary) -> tuple[tuple[str, GlossaryTerm], ...]:
    return tuple(sorted(((f, t) for t in glossary.terms for f in t.forms()), key=lambda ft: -len(ft[0])))


def _candidate_forms(text: str, glossary: Glossary) -> list[tuple[str, GlossaryTerm]]:
    """The forms that can occur in ``text``, longest first.

    A cheap substring test skips most forms before any regular expression runs (it
    made start-up slow). Only for ASCII text and forms, where lower-casing agrees
    exactly with the patterns' IGNORECASE; anything else keeps every form."""
    forms = _forms_longest_first(glossary)
    if not text.isascii():
        return list(forms)
    lowered = text.lower()
    return [(f, t) for f, t in forms if not f.isascii() or f.lower() in lowered]


def mentions(text: str, glossary: Glossary, protected: re.Pattern[str] | None = None) -> list[Mention]:
    """Every place a glossary word appears, longest match first, never overlapping."""
    blocked = [m.span() for m in protected.finditer(text)] if protected else []
    found: list[Mention] = []
    for form, entry in _candidate_forms(text, glossary):
        for match in _pattern(form).finditer(text):
            span = match.span()
            if any(a < span[1] and span[0] < b for a, b in blocked):
                continue
            found.append(Mention(span[0], span[1], entry))
            blocked.append(span)
    return sorted(found, key=lambda m: m.start)


def term_for_href(glossary: Glossary, href: str) -> GlossaryTerm | None:
    """The term a ``glossary:ID`` link names, or None for any other link."""
    scheme, _, term_id = href.partition(":")
    if scheme != "glossary":
        return None
    return next((t for t in glossary.terms if t.id == term_id), None)


def words_used(text: str, glossary: Glossary) -> list[tuple[str, str]]:
    """(term, definition) for each glossary word in ``text``, in order of first use.

    For printed pages: "Words used on this page" under the text that uses them."""
    seen: dict[str, GlossaryTerm] = {}
    for mention in mentions(text, glossary, MARKDOWN_PROTECTED):
        seen.setdefault(mention.term.id, mention.term)
    return [(t.term, t.definition) for t in seen.values()]


def mark_terms(text: str, glossary: Glossary, link: Callable[[str, GlossaryTerm], str],
               escape: Callable[[str], str] = lambda s: s, protected: re.Pattern[str] | None = None,
               already: set[str] | None = None) -> str:
    """``text`` with the first mention of each term replaced by ``link(words, term)``.

    ``already`` holds term ids marked earlier on the same page; it is updated, so a
    page made of several texts marks each term once."""
    marked = already if already is not None else set()
    out: list[str] = []
    position = 0
    for mention in mentions(text, glossary, protected):
        if mention.term.id in marked:
            continue
        marked.add(mention.term.id)
        out.append(escape(text[position:mention.start]))
        out.append(link(text[mention.start:mention.end], mention.term))
        position = mention.end
    out.append(escape(text[position:]))
    return "".join(out)


def mark_markdown(markdown: str, glossary: Glossary, already: set[str] | None = None) -> str:
    """First mentions become ``[words](glossary:id)`` links; headings and links stay as they are."""
    return mark_terms(markdown, glossary, lambda words, t: f"[{words}](glossary:{t.id})",
                      protected=MARKDOWN_PROTECTED, already=already)


def glossary_markdown(glossary: Glossary) -> str:
    """Every term A to Z, for the glossary page."""
    return "\n\n".join(f"**{t.term}**: {t.definition_with_source()}" for t in glossary.a_to_z())


def terms_not_in(texts: Iterable[str], glossary: Glossary) -> list[str]:
    """Ids of terms no text uses (a glossary word nobody reads is a sign of drift)."""
    joined = "\n".join(texts)
    used = {m.term.id for m in mentions(joined, glossary)}
    return [t.id for t in glossary.terms if t.id not in used]

"""A glossary (a study folder's glossary.json, or resources/glossary-general.json):
hard words defined once, in plain words, and found wherever the texts use them.

``words_used(text, glossary)`` is what a printed page calls to list "Words used on
this page" with their definitions; ``mark_terms`` wraps the first mention of each
term in a link the views turn into a tooltip and a definition panel.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, model_validator

from explainer.core.language import say

# Markdown a term must never be found inside: headings, links, registry markers. A
# heading is '#' at a line's start written as '#' and a look-behind (not '^#'): with every
# branch starting with a character, Python's search skips to those (4x faster).
MARKDOWN_PROTECTED = re.compile(r"#(?<![^\n]#).*$|\[[^\]]*\]\([^)]*\)|\[registry:[^\]]*\]|<[^>]*>", re.MULTILINE)


class GlossaryTerm(BaseModel):
    # defer_build: terms are read inside a glossary, whose validator holds theirs.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    term: str = Field(min_length=1, description="The word as the glossary page lists it.")
    also: tuple[str, ...] = Field((), description="Other forms found in the texts (plurals, spellings).")
    definition: str = Field(min_length=1, description="Plain words, grade 8 or lower.")
    source: str = Field("", description="Where a medical claim in the definition comes from (writing guide §4).")

    @model_validator(mode="before")
    @classmethod
    def _several_forms_in_one(cls, data: object) -> object:
        """A translated form may hold several forms, 'agudo | aguda | agudos': a Spanish
        word changes with gender and number where its English has one form, and a
        translation table maps each English text to one text. The term's first form is
        the term; the rest join ``also``. A form repeated within one term is kept once
        (two English spellings, 'hemoglobin' and 'haemoglobin', are one Spanish word);
        a form of two terms is still refused (``Glossary``)."""
        if not isinstance(data, dict) or not isinstance(data.get("term"), str):
            return data
        also = data.get("also", ())
        if not isinstance(also, list | tuple) or not all(isinstance(form, str) for form in also):
            return data
        term, *more = split_forms(data["term"])
        forms = [form for text in (*more, *also) for form in split_forms(text)]
        seen = {term.casefold()}
        kept = [form for form in forms if not (form.casefold() in seen or seen.add(form.casefold()))]
        return {**data, "term": term, "also": tuple(kept)}

    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.also)

    def definition_with_source(self) -> str:
        """The definition, then its source where it has one: a reader can check the claim."""
        if not self.source:
            return self.definition
        return say("{definition} (Source: {source})").format(definition=self.definition, source=self.source)


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
        return sorted(self.terms, key=a_to_z_key)

    @property
    def matcher(self) -> _Matcher:
        """Built on first use, then kept with the glossary (it is frozen; a copy with
        other terms, from model_copy, builds its own)."""
        kept = self.__dict__.get("_matcher")
        if kept is None or kept[0] is not self.terms:
            kept = self.__dict__["_matcher"] = (self.terms, _matcher(self))
        return kept[1]


def a_to_z_key(term: GlossaryTerm) -> str:
    """Where a term goes in an A to Z list: by its letters without accents, in any case,
    so 'índice' sits among the i's, not after 'z' (English terms have no accents)."""
    letters = unicodedata.normalize("NFKD", term.term.casefold())
    return "".join(char for char in letters if not unicodedata.combining(char))


FORM_SEPARATOR = "|"


def split_forms(text: str) -> list[str]:
    """The forms a glossary text holds: 'plaqueta | plaquetas' is two, 'platelet' one."""
    return [form.strip() for form in text.split(FORM_SEPARATOR)] if FORM_SEPARATOR in text else [text]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    term: GlossaryTerm


def _trie_pattern(forms: Iterable[tuple[str, bool]]) -> str:
    """One regular expression for all forms, shaped as a trie of their letters.

    At each place in the text the engine follows one branch per letter, so the cost
    grows with the length of the text, not with the number of forms. At a node where
    a form ends and longer ones go on, the longer branches come first: the engine
    takes the longest form that fits, and backs off to a shorter one only when the
    longer one does not end a whole word. Abbreviations (``case_sensitive``) end in a
    look-behind that checks their capitals, so 'iv' is not 'IV'."""
    trie: dict = {}
    for form, case_sensitive in forms:
        node = trie
        for char in form.lower():
            node = node.setdefault(char, {})
        node[""] = f"(?-i:(?<={re.escape(form)}))" if case_sensitive else ""

    def branch(node: dict) -> str:
        options = [re.escape(char) + branch(child) for char, child in node.items() if char]
        if "" in node:  # a form ends here: the shorter match, tried last
            options.append(node[""])
        return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"

    return branch(trie)


# The only characters outside ASCII that Python's case-blind search takes for an ASCII
# letter: the capital I with a dot and the Kelvin sign lower-case to 'i' and 'k'; the
# dotless i and the long s count as 'i' and 's' (re._casefix). Every other character
# lower-cases to one character outside ASCII that is a letter or digit exactly when it
# was one (tests/test_glossary.py checks all of Unicode).
_CASE_TRAPS = "\u0130\u212a\u0131\u017f"
_WORD_OR_HYPHEN = re.compile(r"[\w-]")  # what may not follow a form (nor come before one)


@dataclass(frozen=True)
class _Matcher:
    forms: tuple[tuple[str, bool], ...]  # every form, and whether only its own capitals count
    terms: Mapping[str, GlossaryTerm]  # a form, lower-cased, -> its term

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The case-blind search (made only where a text needs it: see ``mentions_in``)."""
        return re.compile(rf"(?<![\w-]){_trie_pattern(self.forms)}(?![\w-])", re.IGNORECASE)

    @cached_property
    def lower_pattern(self) -> re.Pattern[str] | None:
        """The same trie for a lower-cased text, without IGNORECASE (which makes Python's
        search take twice as long), nor the abbreviations' capitals (``written``);
        None where a form has a character outside ASCII."""
        if not all(form.isascii() for form, _ in self.forms):
            return None
        return re.compile(rf"(?<![\w-]){_trie_pattern((form, False) for form, _ in self.forms)}(?![\w-])")

    @cached_property
    def written(self) -> Mapping[str, str]:
        """An abbreviation lower-cased -> as written: only its own capitals count."""
        ends = {form.lower(): form if case_sensitive else None for form, case_sensitive in self.forms}
        return {lowered: form for lowered, form in ends.items() if form is not None}

    def term_of(self, words: str) -> GlossaryTerm:
        """The term of matched words. A letter the search counts as the same in another
        case but that lower() leaves different (the long s, 'ſ') takes the slow way."""
        found = self.terms.get(words.lower())
        if found is None:
            found = next(t for f, t in self.terms.items() if re.fullmatch(re.escape(f), words, re.IGNORECASE))
        return found

    def mentions_in(self, text: str, pieces: Iterable[tuple[int, int]]) -> list[Mention]:
        """What the case-blind ``pattern`` finds in each piece (start, end) of ``text``."""
        lowered = self.lowered(text)
        found: list[Mention] = []
        for start, end in pieces:
            if start >= end:
                continue
            if lowered is None:
                found.extend(Mention(match.start(), match.end(), self.term_of(match.group()))
                             for match in self.pattern.finditer(text, start, end))
            else:
                self._search_lowered(text, lowered, start, end, found)
        return found

    def lowered(self, text: str) -> str | None:
        """``text`` lower-cased where searching that without IGNORECASE finds just what
        the case-blind search finds in ``text`` (forms in ASCII, no ``_CASE_TRAPS``)."""
        if self.lower_pattern is None or any(trap in text for trap in _CASE_TRAPS):
            return None
        return text.lower()

    @cached_property
    def longest(self) -> int:
        return max(len(form) for form in self.terms)

    def _case_blind_at(self, text: str, lowered: str, start: int, end: int) -> tuple[int, GlossaryTerm] | None:
        """(end, term) of what the case-blind search finds at ``start``: the longest form
        there that ends a word and, if an abbreviation, is in its own capitals (the trie
        tries longer forms first); None if none. Without making that search's pattern."""
        for stop in range(min(end, start + self.longest), start, -1):
            words = lowered[start:stop]
            term = self.terms.get(words)
            if term is None or (stop < end and _WORD_OR_HYPHEN.match(lowered, stop)):
                continue
            form = self.written.get(words)
            if form is None or text.startswith(form, start):
                return stop, term
        return None

    def _search_lowered(self, text: str, lowered: str, start: int, end: int, found: list[Mention]) -> None:
        """The lower-cased search finds what the case-blind one finds, and more: an
        abbreviation in other capitals ('alt' for ALT). There, what the case-blind search
        would find at that place decides (a shorter form, or none), and the search goes on."""
        position = start
        while position < end:
            for match in self.lower_pattern.finditer(lowered, position, end):  # type: ignore[union-attr]
                words, stop = match.group(), match.end()
                form = self.written.get(words)
                if form is None or text.startswith(form, stop - len(form)):
                    found.append(Mention(match.start(), stop, self.terms[words]))
                    continue
                exact = self._case_blind_at(text, lowered, match.start(), end)
                if exact is None:
                    position = match.start() + 1
                else:
                    found.append(Mention(match.start(), *exact))
                    position = exact[0]
                break
            else:
                return


def _matcher(glossary: Glossary) -> _Matcher:
    """Whole words only; abbreviations match only as written (see ``is_abbreviation``)."""
    terms = {f.lower(): t for t in glossary.terms for f in t.forms()}
    return _Matcher(tuple((f, is_abbreviation(f)) for t in glossary.terms for f in t.forms()), terms)


def is_abbreviation(form: str) -> bool:
    """A form found only in its own capitals: all capitals (IV, ULN: not 'iv'), or one
    word of letters and digits with a capital after its first letter (eGFR, ctDNA,
    HBsAg, AEs): 'EGFR', a gene in lung cancer records, is not the kidney test 'eGFR'.
    Forms with spaces or hyphens ("CT scan", "HIV-infected") keep matching in any case."""
    return form.isupper() or (form.isalnum() and any(c.isupper() for c in form[1:]))


def mentions(text: str, glossary: Glossary, protected: re.Pattern[str] | None = None) -> list[Mention]:
    """Every place a glossary word appears, in order, never overlapping: one pass over
    the text, taking the longest form that starts at each place.

    ``protected`` spans (headings, links) are skipped: the text between them is
    searched piece by piece (forms hold none of the characters such spans start with)."""
    matcher = glossary.matcher
    pieces: list[tuple[int, int]] = []
    position = 0
    for span in (protected.finditer(text) if protected else ()):
        pieces.append((position, span.start()))
        position = max(position, span.end())
    pieces.append((position, len(text)))
    return matcher.mentions_in(text, pieces)


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


def merge_glossaries(general: Glossary, study: Glossary) -> Glossary:
    """One glossary from the general words of trial records and a study's own words.

    The study wins: a general term the study also defines (the same id, or a form the
    study's glossary uses) gives way to the study's term. The general term's other
    forms join the study's term when both have the same id (the same word, as the
    general file's tests check), so "corticosteroids" is still found and explained in
    the study's words; a general term that clashes with a different study term is
    left out whole."""
    taken = {form.casefold() for t in study.terms for form in t.forms()}
    study_ids = {t.id for t in study.terms}
    kept: list[GlossaryTerm] = []
    more_forms: dict[str, list[str]] = {}
    for term in general.terms:
        if term.id in study_ids:
            more_forms[term.id] = [f for f in term.forms() if f.casefold() not in taken]
        elif not any(form.casefold() in taken for form in term.forms()):
            kept.append(term)
    merged = [t.model_copy(update={"also": (*t.also, *more_forms.get(t.id, ()))}) for t in study.terms]
    return Glossary(format=study.format, version=study.version, terms=(*merged, *kept))

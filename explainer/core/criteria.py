"""A record's eligibility text split into inclusion and exclusion items.

The registry stores the criteria as one Markdown-like text. Records lay it out in
many ways: "Inclusion Criteria:" and "Exclusion Criteria:" headings (or "Key
Inclusion Criteria:", or only an inclusion heading, or none), bullets ``*`` / ``-``,
numbers ``1.``, letters ``a)``, nested items under a parent line, and Markdown
escapes (``\\>=``). ``split_criteria(text)`` returns:

- one ``CriterionItem`` per top-level list entry, with an id (inc-1, exc-3, ...),
  its kind, its text and its nested sub-items (kept with their parent);
- ``notes``: text that is not a rule (an introduction such as "Subjects who meet
  each of the following ...", a closing "Note: other criteria may apply", a page
  footer), kept so that nothing in the record is lost, but never made a rule.

An item that only says what a word of the other items means ("A female of
childbearing potential is a sexually mature female who:" and its sub-items) keeps its
place and id, marked ``explains`` (see ``defines_a_word``): the self-check shows it,
never asks it.

The registry's words are kept exactly, except that escapes are undone and runs of
spaces are single. No Qt, no files, no clock here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

Kind = Literal["inclusion", "exclusion"]
MAX_TEXT = 100_000   # longer input is cut here (the registry's own limit is far lower)
MAX_DEPTH = 8        # deeper nesting is kept flat at this depth
MAX_DEFINITIONS = 10  # more items worded as definitions than this: none is taken for one

_HEADING = re.compile(
    r"^[#*_\s]*(?:(?:key|main|major|principal|general|additional|other)\s+)?"
    r"(?P<kind>inclusion|exclusion)(?:\s+criteria|\s+criterion)?\b(?P<rest>[^.:]{0,80})[:.]?[*_\s]*$",
    re.IGNORECASE)
_INLINE_HEADING = re.compile(
    r"^[#*_\s]*(?:(?:key|main|major|principal|general)\s+)?(?P<kind>inclusion|exclusion)\s+criteri(?:a|on)[*_]*\s*:"
    r"[*_]*\s*(?P<content>\S.*)$", re.IGNORECASE)
_MARKER = re.compile(
    r"^(?:[*\-+•·▪◦‣●○–—►▶➢✓✔§]|o(?=\s)|\(?\d{1,3}[.)](?!\d)|\(\d{1,3}\)|\(?[a-zA-Z][.)](?=\s)|\([a-zA-Z]\)"
    r"|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)](?=\s))\s+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>=~|^&$%\"'])")
_FOOTER = re.compile(
    r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+|confidential\b.*|.*\bversion\s+\d[\d.]*\s*(?:dated?|,).*"
    r"|.*\bprotocol\s+(?:version|amendment)\b.*|.*\ball rights reserved\b.*|©.*|copyright\b.*)$",
    re.IGNORECASE)
_NOTE = re.compile(r"^(?:note|nb|n\.b\.)\b\s*[:.-]", re.IGNORECASE)
_MORE_CRITERIA = re.compile(r"\b(?:other|additional)\b.*\bcriteri(?:a|on)\b.*\bappl(?:y|ies)\b", re.IGNORECASE)
# An item that defines a word: "<term> is defined as / means / refers to ...", "<term> is
# a <kind of person> who:" (a list of what makes one follows), "Definition of <term>:".
_TERM = r"[A-Za-z][A-Za-z0-9\- ]{2,80}?(?:\s*\([A-Za-z0-9\- ]{1,15}\))?"
_DEFINES = re.compile(
    rf"^(?P<term>{_TERM})\s+(?:(?:is|are)\s+defined\s+as\b|means\b|refers?\s+to\b"
    r"|(?:is|are)\s+(?:an?|any|those|someone|anyone)\b[^:;]{0,80}?\b(?:who|that|whose)\s*:)"
    rf"|^definitions?\s+(?:of|for)\s+(?P<named>{_TERM})\s*:", re.IGNORECASE)
# Words that make a line a rule even when it is worded as a definition.
_REQUIRES = re.compile(
    r"\b(?:must|should|shall|will|need(?:s|ed)?|requir(?:e|es|ed|ement)|(?:in)?eligib(?:le|ility)|exclud(?:e|es|ed)"
    r"|includ(?:e|es|ed)|allowed|permitted|may|agree(?:s|d)?|willing|(?:un)?able|can(?:not)?|has to|have to"
    r"|provided|unless|except|only|if)\b", re.IGNORECASE)
# The person taking part is never the word defined ("Patient is a woman who:" is a rule).
_PARTICIPANT = re.compile(r"^(?:the\s+)?(?:patient|participant|subject|you|he|she|they)", re.IGNORECASE)
# Said before the defined word, and not part of it: "A female of childbearing potential".
_TERM_LEAD = re.compile(
    r"^(?:(?:an?|any|the)\s+)?(?:(?:females?|wom[ae]n|males?|m[ae]n|persons?|people|individuals?)\s+(?:of|with|who are)\s+)?",
    re.IGNORECASE)


class _Frozen(BaseModel):
    # defer_build: made when a record's criteria are first split, not when this loads
    # (the built-in study's PDF loads it and splits none).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SubItem(_Frozen):
    text: str
    sub_items: tuple[SubItem, ...] = ()


class CriterionItem(_Frozen):
    id: str
    kind: Kind
    text: str
    sub_items: tuple[SubItem, ...] = ()
    explains: bool = False  # it says what a word the other items use means: not a rule

    @property
    def lines(self) -> tuple[str, ...]:
        """The item's own line, then every sub-item's, in record order."""
        return (self.text, *_lines(self.sub_items))

    @property
    def source(self) -> str:
        """The registry's words for this item (sub-items on their own lines, indented)."""
        return "\n".join([self.text, *_indented(self.sub_items, 1)])


class Criteria(_Frozen):
    items: tuple[CriterionItem, ...] = ()
    notes: tuple[str, ...] = ()
    headings: bool = False  # False: the text named no section, so every item counts as inclusion

    @property
    def inclusion(self) -> tuple[CriterionItem, ...]:
        return tuple(i for i in self.items if i.kind == "inclusion")

    @property
    def exclusion(self) -> tuple[CriterionItem, ...]:
        return tuple(i for i in self.items if i.kind == "exclusion")


def _lines(items: tuple[SubItem, ...]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(item.text)
        out.extend(_lines(item.sub_items))
    return out


def _indented(items: tuple[SubItem, ...], depth: int) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append("  " * depth + "- " + item.text)
        out.extend(_indented(item.sub_items, depth + 1))
    return out


def undo_escapes(text: str) -> str:
    """Markdown escapes undone (``\\>=`` is ``>=``); spaces made single; nothing else changed."""
    return re.sub(r"[ \t\u00a0]+", " ", _ESCAPE.sub(r"\1", text)).strip()


# ---------------------------------------------------------------- splitting

@dataclass
class _Node:
    indent: int
    text: str
    children: list[_Node] = field(default_factory=list)
    open_paragraph: bool = True  # a following unmarked line without a blank continues it


@dataclass
class _Section:
    kind: Kind
    items: list[_Node] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)   # unmarked lines at the margin, in order
    paragraph_after: list[int] = field(default_factory=list)  # how many items came before each
    has_markers: bool = False


def split_criteria(text: str) -> Criteria:
    """Split a record's eligibility text (see the module text for the layouts)."""
    sections: list[_Section] = [_Section("inclusion")]
    headings = False
    stack: list[_Node] = []
    blank_before = True
    for raw in text[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.expandtabs(4).rstrip()
        if not line.strip():
            blank_before = True
            if stack:
                stack[-1].open_paragraph = False
            continue
        indent = len(line) - len(line.lstrip())
        body = line.strip()
        heading = _HEADING.match(body)
        inline = None if heading else _INLINE_HEADING.match(body)
        if (heading and _is_heading(body, heading)) or inline:
            found = heading or inline
            sections.append(_Section("inclusion" if found["kind"].lower() == "inclusion" else "exclusion"))
            headings = True
            stack = []
            blank_before = True
            if inline:  # "Exclusion criteria: prior chemotherapy" - the rest of the line is its first rule
                body = inline["content"]
                indent = 0
            else:
                continue
        section = sections[-1]
        marker = _MARKER.match(body)
        if inline and not body.endswith(":"):
            section.items.append(_Node(0, body))  # a rule on the heading's own line
            stack = [section.items[-1]]
        elif marker:
            section.has_markers = True
            node = _Node(indent, _strip_markers(body))
            while stack and stack[-1].indent >= indent:
                stack.pop()
            if stack and len(stack) < MAX_DEPTH:
                stack[-1].children.append(node)
            else:
                if stack:  # too deep: keep it with the deepest parent allowed
                    stack[-1].children.append(node)
                    blank_before = False
                    continue
                section.items.append(node)
            stack.append(node)
        elif stack and (indent > stack[0].indent or (not blank_before and stack[-1].open_paragraph)):
            # A line under an item, or its wrapped continuation: part of that item.
            target = _continued(stack, indent)
            target.text = f"{target.text} {body}"
            target.open_paragraph = True
        else:
            stack = []
            section.paragraphs.append(body)
            section.paragraph_after.append(len(section.items))
        blank_before = False
    return _criteria(sections, headings)


def _is_heading(body: str, match: re.Match[str]) -> bool:
    """ "Inclusion Criteria:" yes; "Inclusion of patients with ..." no (that is a rule)."""
    rest = match["rest"].strip()
    names_criteria = re.search(r"criteri", body, re.IGNORECASE) is not None
    ends_like_heading = body.rstrip("*_ ").endswith(":") or not rest
    return ends_like_heading and (names_criteria or not rest)


def _strip_markers(body: str) -> str:
    """ "* a) Cohort 1: ..." -> "Cohort 1: ...": list markers are layout, not words."""
    for _ in range(3):
        marker = _MARKER.match(body)
        if not marker:
            break
        body = body[marker.end():]
    return body


def _continued(stack: list[_Node], indent: int) -> _Node:
    """The deepest open item whose text this line continues."""
    for node in reversed(stack):
        if node.indent < indent or node is stack[0]:
            return node
    return stack[-1]


def _criteria(sections: list[_Section], headings: bool) -> Criteria:
    items: list[CriterionItem] = []
    notes: list[str] = []
    counters = {"inclusion": 0, "exclusion": 0}
    for section in sections:
        merged = _with_paragraph_items(section, notes)
        for node in merged:
            counters[section.kind] += 1
            prefix = "inc" if section.kind == "inclusion" else "exc"
            items.append(CriterionItem(id=f"{prefix}-{counters[section.kind]}", kind=section.kind,
                                       text=undo_escapes(node.text), sub_items=_subs(node.children)))
    return Criteria(items=_with_explanations(items), notes=tuple(undo_escapes(n) for n in notes), headings=headings)


def _with_explanations(items: list[CriterionItem]) -> tuple[CriterionItem, ...]:
    """The items, those that only say what a word means marked ``explains`` (a record
    worded as many definitions as that is not understood: every item stays a rule)."""
    worded = [item for item in items if _worded_as_definition(item)]
    if len(worded) > MAX_DEFINITIONS:
        return tuple(items)
    explains = {item.id for item in worded if _word_used_elsewhere(item, items)}
    return tuple(item.model_copy(update={"explains": True}) if item.id in explains else item for item in items)


def _worded_as_definition(item: CriterionItem) -> bool:
    """Worded as a definition, saying nothing a rule says ("must", "eligible", "only", ...),
    and not about the person taking part. Conservative: a rule taken for a definition is
    never checked, so when unsure the item stays a rule."""
    found = _DEFINES.match(item.text)
    return found is not None and not _REQUIRES.search(item.text) and not _PARTICIPANT.match(item.text)


def _word_used_elsewhere(item: CriterionItem, items: list[CriterionItem]) -> bool:
    """Whether the word the item defines is in another item ("... for women of
    childbearing potential only ..."): a definition explains a word the rules use."""
    found = _DEFINES.match(item.text)
    assert found is not None
    term = found["term"] or found["named"]
    short = re.search(r"\(([^()]+)\)", term)
    word = _TERM_LEAD.sub("", re.sub(r"\([^()]*\)", " ", term)).strip()
    if len(word) < 3 or len(word.split()) > 8:
        return False
    others = " ".join(line for other in items if other.id != item.id for line in other.lines)
    return _squeezed(word) in _squeezed(others) or (
        short is not None and re.search(rf"\b{re.escape(short[1].strip())}\b", others) is not None)


def _squeezed(text: str) -> str:
    """Letters and digits only, in lower case: "child-bearing potential" is "childbearingpotential"."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def _with_paragraph_items(section: _Section, notes: list[str]) -> list[_Node]:
    """Unmarked lines at the margin: rules when the section has no list, else notes or rules.

    In a section written as a list, a line before the first item is its introduction
    ("Subjects who meet each of the following ...:") and a "Note:" or a page footer is
    not a rule; any other unmarked line after an item is a rule written without a marker.
    """
    merged: list[_Node] = []
    position = 0
    for paragraph, after in zip(section.paragraphs, section.paragraph_after, strict=True):
        merged.extend(section.items[position:after])
        position = after
        if _is_note(paragraph, is_intro=(section.has_markers and after == 0) or paragraph.endswith(":")):
            notes.append(paragraph)
        else:
            merged.append(_Node(0, paragraph))
    merged.extend(section.items[position:])
    return merged


def _is_note(paragraph: str, is_intro: bool) -> bool:
    text = undo_escapes(paragraph)
    return (is_intro or _NOTE.match(text) is not None or _FOOTER.match(text) is not None
            or _MORE_CRITERIA.search(text) is not None or not re.search(r"[A-Za-z]{2}", text))


def _subs(nodes: list[_Node]) -> tuple[SubItem, ...]:
    return tuple(SubItem(text=undo_escapes(n.text), sub_items=_subs(n.children)) for n in nodes)


_ITEM_ID = re.compile(r"(?:inc|exc)-(\d+)")


def item_number(item_id: str) -> int | None:
    """An item's place among its kind ("inc-21" is the 21st needed item: the check page's
    "Needed, 21 of 25"); None for a curated study's named rule ("neuropathy")."""
    found = _ITEM_ID.fullmatch(item_id)
    return int(found.group(1)) if found else None


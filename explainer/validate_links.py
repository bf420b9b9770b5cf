"""``validate``'s checks across files: every name one file gives must exist in another.

Each file is valid on its own (its loader checks that, and the trial model checks
that every rule asks a question the answers file has, of its kind and in a unit it
can be given in: explainer.core.rules.rule_fits_answers); here a page's
``{{ fact }}`` must be a fact of the trial, a ``[registry: id]`` marker must name a sentence, and a
``glossary:id`` link must name a term. Every problem is one line naming the file and
the field (or line), and all of them are reported at once, so an author fixes them in
one go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from explainer.content import (
    _PLACEHOLDER,
    PAGE_NAMES,
    ContentError,
    Source,
    load_glossary,
    load_registry_sentences,
    page_source,
    read_text,
    resources_root,
)
from explainer.core.facts import trial_facts
from explainer.core.registry_words import MARKER

if TYPE_CHECKING:
    from explainer.core.model import Trial

GLOSSARY_LINK = re.compile(r"\]\(\s*glossary:([^)\s]*)\s*\)")
# The word files whose texts may carry glossary links besides the pages.
WORD_FILES = ("questions.json", "timeline.json", "pdf/summary.json")


def check_links(trial: Trial, trial_source: Source, root: Source | None = None) -> str:
    """The line ``validate`` prints when every reference resolves; otherwise a
    ContentError with one line per problem."""
    root = root or resources_root()
    problems = link_problems(trial, trial_source, root)
    if problems:
        head = [] if len(problems) == 1 else [f"{len(problems)} problems:"]
        raise ContentError("\n".join(head + problems))
    return "ok  references across files: page facts, registry markers, glossary links"


def link_problems(trial: Trial, trial_source: Source, root: Source) -> list[str]:
    pages = {name: (page_source(name, root), read_text(page_source(name, root))) for name in PAGE_NAMES}
    words = {name: (root / name, read_text(root / name)) for name in WORD_FILES}
    return [*placeholder_problems(trial, pages.values()),
            *marker_problems(pages.values(), root),
            *glossary_link_problems([*pages.values(), *words.values()], root)]


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def placeholder_problems(trial: Trial, pages: Iterable[tuple[Source, str]]) -> list[str]:
    facts = trial_facts(trial)
    return [f"{source} line {_line(text, match.start())}: {match.group(0)} is not a fact of the trial"
            for source, text in pages for match in _PLACEHOLDER.finditer(text) if match.group(1) not in facts]


def marker_problems(pages: Iterable[tuple[Source, str]], root: Source) -> list[str]:
    sentences_source = root / "registry_sentences.json"
    known = load_registry_sentences(sentences_source).sentences
    return [f"{source} line {_line(text, match.start())}: [registry: {sentence}] is not in {sentences_source}"
            for source, text in pages for match in MARKER.finditer(text)
            for sentence in (part.strip() for part in match.group(1).split(",")) if sentence not in known]


def glossary_link_problems(files: Iterable[tuple[Source, str]], root: Source) -> list[str]:
    glossary_source = root / "glossary.json"
    known = {term.id for term in load_glossary(glossary_source).terms}
    return [f"{source} line {_line(text, match.start())}: glossary:{match.group(1)} is not a term in {glossary_source}"
            for source, text in files for match in GLOSSARY_LINK.finditer(text) if match.group(1) not in known]

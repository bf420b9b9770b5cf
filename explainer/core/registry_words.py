"""The registry's own words behind each plain statement.

A page says a fact in plain words and ends it with ``[registry: id]``; the id names a
sentence kept once, word for word, in the study folder's registry_sentences.json. Views turn
the marker into a "Show the registry's words" link that opens the sentence in place.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from explainer.core.escaping import markdown_text
from explainer.core.language import say

MARKER = re.compile(r"\s*\[registry:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*\]")
REGISTRY_LABEL = "Registry wording, word for word:"  # the English of registry_label()


def registry_label() -> str:
    """The label above a registry quote; in Spanish it says the quote stays English."""
    return say("Registry wording, word for word:")


class RegistrySentences(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = Field(pattern="^trial-explainer-registry-sentences$")
    version: int = Field(ge=1, le=1)
    record: str = Field(description="The NCT number of the record the sentences are copied from.")
    sentences: dict[str, str] = Field(min_length=1, description="id -> sentence, copied word for word.")


def marker_ids(markdown: str) -> list[list[str]]:
    """The ids of each marker in order; one marker may name several sentences."""
    return [[i.strip() for i in m.group(1).split(",")] for m in MARKER.finditer(markdown)]


def strip_markers(markdown: str) -> str:
    """The plain words alone (for readability scores and printing)."""
    return MARKER.sub("", markdown)


def _quote(sentences: list[str], indent: str) -> str:
    lines = [f"*{registry_label()}*"]
    for sentence in sentences:
        lines.extend(markdown_text(line) for line in sentence.split("\n") if line.strip())
    return "".join(f"\n\n{indent}> {line}" for line in lines) + "\n"


def expand_markers(markdown: str, sentences: RegistrySentences, shown: set[int]) -> str:
    """Each marker becomes a link ``registry:N`` (N counts markers on the page); for
    the markers in ``shown`` the registry's sentences follow, labelled, as a quote."""
    out: list[str] = []
    position = 0
    for number, match in enumerate(MARKER.finditer(markdown)):
        ids = [i.strip() for i in match.group(1).split(",")]
        out.append(markdown[position:match.start()])
        words = say("Hide the registry's words") if number in shown else say("Show the registry's words")
        out.append(f" [{words}](registry:{number})")
        position = match.end()
        if number in shown:
            line_start = markdown.rfind("\n", 0, match.start()) + 1
            line = markdown[line_start:match.start()]
            indent = "  " if line.startswith(("- ", "  ")) else ""
            out.append(_quote([sentences.sentences[i] for i in ids], indent))
            # The quote ends the block: skip the rest of this line's break.
    out.append(markdown[position:])
    return "".join(out)

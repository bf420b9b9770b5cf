"""Pages split into (section heading, block) pairs, for tests that check each statement."""

from __future__ import annotations

import re


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(section heading, block) for each paragraph and list item."""
    section = ""
    found = []
    for block in re.split(r"\n\s*\n|\n(?=- )", markdown):
        block = block.strip()
        if block.startswith("#"):
            section = block.lstrip("# ").split("\n")[0]
        elif block:
            found.append((section, block))
    return found


def cited_by_next(found: list[tuple[str, str]], index: int) -> bool:
    """A list item is cited by a "(Source: ...)" paragraph right after its list."""
    after = index + 1
    if found[index][1].startswith("- "):
        while after < len(found) and found[after][1].startswith("- "):
            after += 1
    return after < len(found) and found[after][1].startswith("(Source:")

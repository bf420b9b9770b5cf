"""Finding and reading the translations in resources/i18n/<language>/.

One rule for every file: the translation of ``resources/P`` is ``resources/i18n/es/P``.
- A JSON content file's translation is a table (``TABLE_FORMAT``): each English text,
  word for word, and its Spanish text; ``keep`` names the keys whose values stay as
  written (ids, kinds, units, the registry's words). The English file stays the only
  source of structure and facts: loading lays the Spanish texts over it
  (core.language.translate_data), so no number is typed twice.
- A Markdown page's translation is the whole page, whose first line names the English
  page's SHA-256 (``<!-- translates sha256:... -->``): a page older than its source fails
  tests/test_translations.py.
- The core's own words (``say("...")`` in explainer/core) are one table, ``core.json``.
- The interface's words are Qt .ts files, one per module of explainer/ui (``ui/<module>.ts``),
  compiled to ``<language>.qm`` by tools/build_translations.py (./dev does it; so do tests).
A missing translation leaves the English, never an error a patient meets.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from explainer.content import ContentError, read_text, resources_root

if TYPE_CHECKING:
    from explainer.content import Source

I18N_FOLDER = "i18n"
TABLE_FORMAT = "trial-explainer-translation"
CORE_TABLE = "core.json"
UI_FOLDER = "ui"
TABLE_CAP = 4 * 1024 * 1024
_PAGE_HEADER = re.compile(r"\A<!-- translates sha256:([0-9a-f]{64}) -->\n")


class Table(NamedTuple):  # not a dataclass: loaded before the first paint, where one costs 0.6 ms
    keep: frozenset[str]
    strings: dict[str, str]


EMPTY = Table(frozenset(), {})


def translation_folder(language: str) -> Path | Source:
    return resources_root() / I18N_FOLDER / language


def relative_resource(source: Source) -> str | None:
    """``source``'s path inside resources/ ('trials/NCT04883242/trial.json'), or None
    for a file from outside (a user's own study folder has no translation here)."""
    try:
        return Path(str(source)).resolve().relative_to(Path(str(resources_root())).resolve()).as_posix()
    except ValueError:
        return None


@cache
def load_table(relative: str, language: str) -> Table:
    """The translation table of ``resources/<relative>`` (an empty one when there is none)."""
    source = translation_folder(language) / relative
    if not source.is_file():
        return EMPTY
    return parse_table(read_text(source, TABLE_CAP), str(source))


def parse_table(text: str, where: str) -> Table:
    try:
        data = json.loads(text)
    except ValueError as err:
        raise ContentError(f"{where}: not valid JSON ({err})") from None
    if not isinstance(data, dict) or data.get("format") != TABLE_FORMAT:
        raise ContentError(f"{where}: not a translation table (format must be {TABLE_FORMAT!r})")
    strings, keep = data.get("strings"), data.get("keep", [])
    if not isinstance(strings, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in strings.items()):
        raise ContentError(f"{where}: strings must map each English text to its translation")
    if not isinstance(keep, list) or not all(isinstance(key, str) for key in keep):
        raise ContentError(f"{where}: keep must be a list of key names")
    return Table(frozenset(keep), strings)


def translated_json_text(source: Source, text: str, language: str) -> str:
    """A resource's JSON text in ``language`` (unchanged for English or an outside file)."""
    from explainer.core.language import SOURCE_LANGUAGE, translate_data

    relative = relative_resource(source) if language != SOURCE_LANGUAGE else None
    table = load_table(relative, language) if relative else EMPTY
    if not table.strings:
        return text
    return json.dumps(translate_data(json.loads(text), table.strings, table.keep), ensure_ascii=False)


def core_phrases(language: str) -> dict[str, str]:
    """The core's own words in ``language`` (``say``'s table)."""
    return load_table(CORE_TABLE, language).strings


def page_sha(text: str) -> str:
    import hashlib  # here: OpenSSL's module costs 2.5 ms, and the English first paint needs no page's hash

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def translated_page(source: Source, text: str, language: str) -> str:
    """A Markdown page in ``language``: its translation where there is one, else ``text``."""
    from explainer.core.language import SOURCE_LANGUAGE

    relative = relative_resource(source) if language != SOURCE_LANGUAGE else None
    twin = translation_folder(language) / relative if relative else None
    if twin is None or not twin.is_file():
        return text
    return page_header_split(read_text(twin))[1]


def page_header_split(text: str) -> tuple[str | None, str]:
    """(the English page's SHA-256 the translation names, the page without that line)."""
    match = _PAGE_HEADER.match(text)
    return (match.group(1), text[match.end():]) if match else (None, text)


def qm_file(language: str) -> Path | Source:
    """The compiled interface translation (built from the .ts files, never by hand)."""
    return resources_root() / I18N_FOLDER / f"{language}.qm"


def speaking_language(language: str):  # -> contextlib context manager
    """Everything inside the block (loading content, building a summary, a PDF) in
    ``language``: the core's words from its table, content files through their tables."""
    from explainer.core.language import speaking

    return speaking(language, core_phrases(language))


def use_app_language(language: str) -> None:
    """The window's language, from its start on (``speaking_language`` for one export)."""
    from explainer.core.language import use_language

    use_language(language, core_phrases(language))

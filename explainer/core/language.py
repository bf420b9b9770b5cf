"""The language the app writes in, and the one way the core's own words are translated.

English is the source: every word is written in English first, and a Spanish table
maps each English text to its Spanish text (gettext's idea, kept in JSON under
resources/i18n/es/). A text with no entry stays English, so a missing translation
shows as English, never as nothing; tests/test_translations.py fails on any text
without an entry and on any entry whose English is gone (older than its source).

The language is a context variable, not an argument threaded through every
function: the window sets it once (``use_language``), and one export in the other
language (a Spanish window printing an English PDF for the doctor) runs inside
``speaking(...)``. Core code wraps each of its own words in ``say("...")`` with a
literal (``say(f"...")`` would not be found by the tests); values go in afterwards
with ``.format(...)``.
"""

# No ``from __future__ import annotations`` here: NamedTuple compiles each field's
# annotation written as a string as a forward reference (Speech's two: 0.2 ms before
# the window's first paint); written as the types themselves, it compiles none.
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, wraps
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "es")  # in the order View > Language lists them
LANGUAGE_NAMES = {"en": "English", "es": "Español"}  # each in its own language


class Speech(NamedTuple):  # not a dataclass: this is loaded before the window's first paint (1 ms less)
    language: str = SOURCE_LANGUAGE
    phrases: Mapping[str, str] = MappingProxyType({})


_speech: ContextVar[Speech] = ContextVar("speech", default=Speech())  # noqa: B039 (frozen, never changed)


def current_language() -> str:
    return _speech.get().language


def say(text: str) -> str:
    """``text`` in the current language (English when the table has no entry)."""
    return _speech.get().phrases.get(text, text)


def use_language(language: str, phrases: Mapping[str, str]) -> None:
    """Set the language for everything that follows in this thread (the window's start)."""
    _speech.set(Speech(checked_language(language), dict(phrases)))


@contextmanager
def speaking(language: str, phrases: Mapping[str, str]) -> Iterator[None]:
    """Speak ``language`` inside the block only (one PDF or page in another language)."""
    token = _speech.set(Speech(checked_language(language), dict(phrases)))
    try:
        yield
    finally:
        _speech.reset(token)


_Result = TypeVar("_Result")


def per_language(load: Callable[..., _Result]) -> Callable[..., _Result]:
    """``functools.cache`` keyed by the current language too: a file's words loaded once
    per language. A plain cache would hand a Spanish window's words to an English PDF
    made from it, and keep the old language's words after View > Language."""
    @cache
    def in_language(_language: str, *args: Any) -> _Result:
        return load(*args)

    @wraps(load)
    def loaded(*args: Any) -> _Result:
        return in_language(current_language(), *args)

    loaded.cache_clear = in_language.cache_clear  # type: ignore[attr-defined]
    return loaded


def checked_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (use one of: {', '.join(LANGUAGES)})")
    return language


def language_from_locale(name: str | None) -> str:
    """The app's language for a locale name ('es_MX.UTF-8', 'es-419', 'en_US'):
    Spanish for any Spanish locale, else English (the source)."""
    code = (name or "").replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


# --- translating a content file's data (the JSON files in resources/) ---------------

def needs_translation(text: str) -> bool:
    """A text a person reads: it has letters and is not an address."""
    return any(ch.isalpha() for ch in text) and not text.startswith(("http://", "https://", "mailto:"))


def kept(key: str, parent: str, keep: frozenset[str]) -> bool:
    """A value stays as written: its key is in ``keep``, or "parent.key" is, where parent
    is the key of the object holding it (lists in between do not count). The dotted form
    keeps one use of a name that another use of it translates: questions.json keeps the
    question ids of "groups.questions" while its top-level "questions" are read."""
    return key in keep or f"{parent}.{key}" in keep


def texts_to_translate(data: Any, keep: frozenset[str] = frozenset(), parent: str = "") -> Iterator[str]:
    """Every text in ``data`` (parsed JSON) a person reads, skipping values under the
    keys in ``keep`` (ids, kinds, units, the registry's own words)."""
    if isinstance(data, str):
        if needs_translation(data):
            yield data
    elif isinstance(data, list):
        for item in data:
            yield from texts_to_translate(item, keep, parent)
    elif isinstance(data, dict):
        for key, value in data.items():
            if not kept(key, parent, keep):
                yield from texts_to_translate(value, keep, key)


def translate_data(data: Any, table: Mapping[str, str], keep: frozenset[str] = frozenset(), parent: str = "") -> Any:
    """``data`` with each text that ``table`` translates replaced; keys, numbers and the
    values under ``keep`` are never touched, so facts stay the same data."""
    if isinstance(data, str):
        return table.get(data, data)
    if isinstance(data, list):
        return [translate_data(item, table, keep, parent) for item in data]
    if isinstance(data, dict):
        return {key: value if kept(key, parent, keep) else translate_data(value, table, keep, key)
                for key, value in data.items()}
    return data


def missing_and_stale(sources: Iterator[str] | list[str], table: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """The English texts with no entry, and the entries whose English is no longer used."""
    wanted = dict.fromkeys(sources)
    missing = [text for text in wanted if not table.get(text)]
    stale = [text for text in table if text not in wanted]
    return missing, stale

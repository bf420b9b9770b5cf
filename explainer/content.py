"""Finding and loading the files in ``resources/``.

One function owns asset lookup (``resources_root``); every loader takes an explicit
root or path, so tests can point it at a temporary copy. Errors are
``ContentError`` with a message that names the file and the field, never a
traceback: the app shows it in a dialog, ``validate`` prints it.

This module is on the start-up path (fonts, theme and the welcome page find their
files here), so pydantic and the models load only when a file is validated: run()
draws the first screen before it opens the trial (see explainer.app).
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, Union

from explainer.errors import one_line

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pydantic import BaseModel, ValidationError

    from explainer.core.bundle import StudyBundle
    from explainer.core.glossary import Glossary
    from explainer.core.model import Trial
    from explainer.core.questions import Questionnaire
    from explainer.core.registry_words import RegistrySentences
    from explainer.core.summary import SummaryText

# A curated study is one folder under resources/trials/ (a "study bundle"): its trial
# file, its pages, its glossary and the registry's sentences its pages quote. Pages
# not about one study (the app's own) stay in resources/pages/.
BUILTIN_STUDY = "NCT04883242"
TRIAL_FILE = "trial.json"
GLOSSARY_FILE = "glossary.json"
SENTENCES_FILE = "registry_sentences.json"
PAGES_FOLDER = "pages"
MAX_PAGES = 200  # far above a real study's dozen pages; bounds what a hostile folder makes the app read
SECTIONS_FILE = "sections.json"
SECTIONS_FORMAT = "trial-explainer-sections"
# The pages the app itself opens (the first page, the rules, the glossary, the Help
# menu): every study lists them, wherever they are in its order.
APP_PAGES = ("welcome", "who-can-join", "glossary", "help", "about")
SUB_INDENT = "   "  # a sub-page's label in the list on the left (a medicine under "the medicines")

# For annotations only, which this module never evaluates (its annotations are strings):
# made at import, each string in them was compiled as a forward reference before the
# first paint. Another module's ``from explainer.content import Source`` still gets
# the type (__getattr__ below).
if TYPE_CHECKING:
    Model = TypeVar("Model", bound="BaseModel")
    Source = Union[Path, "Traversable"]


class ContentError(Exception):
    """A resource file is missing or broken; the message says which and where."""


class UnknownFact(ContentError):
    """A page names a fact this study's data does not give (e.g. a part another study has)."""


@cache  # asked for each icon, font and page
def resources_root() -> Traversable:
    """The folder of the app's own files. It is a real folder in the source tree, an
    installed wheel and the bundle; importlib.resources, which can also read inside
    an archive, is left for anything else, because importing it costs about 10 ms
    before the first paint."""
    spec = importlib.util.find_spec("explainer.resources")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location, "trials").is_dir():
            return Path(location)
    from importlib import resources

    return resources.files("explainer.resources")


def builtin_study_folder() -> Traversable:
    return resources_root() / "trials" / BUILTIN_STUDY


def __getattr__(name: str) -> object:
    """``PAGE_NAMES``: the built-in study's reading pages, in order (from its sections.json,
    read when first asked for, not when this module loads); ``Source``, a file of the
    app's own or a study's, made when another module first asks for it (kept then);
    ``_PLACEHOLDER``, the compiled pattern of a {{ fact }}."""
    if name == "PAGE_NAMES":
        return tuple(page for page, _label in load_sections())
    if name == "Source":
        source = globals()["Source"] = Union[Path, "Traversable"]
        return source
    if name == "_PLACEHOLDER":
        return _placeholder()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def builtin_trial_path() -> Traversable:
    return builtin_study_folder() / TRIAL_FILE


# The most a content file (a trial, a page, the app's own words) may hold. A real
# trial file is about 30 KB; a registry record with thousands of sites, a few MB.
CONTENT_CAP = 16 * 1024 * 1024


def read_text(source: Source, cap: int = CONTENT_CAP) -> str:
    """A file's text. A real file goes through ``read_regular_file`` (regular files
    only, ``cap`` bytes at most); only the app's own files inside an archive do not."""
    from explainer.files import UnreadableFile, read_regular_file

    try:
        raw = read_regular_file(source, cap) if isinstance(source, Path) else source.read_bytes()
        return raw.decode("utf-8")
    except FileNotFoundError:
        raise ContentError(f"{source}: file not found") from None
    except UnicodeDecodeError as err:
        raise ContentError(f"{source}: not UTF-8 text (byte {err.start})") from None
    except UnreadableFile as err:
        raise ContentError(f"{source}: {err}") from None
    except OSError as err:
        raise ContentError(f"{source}: cannot be read ({err.strerror})") from None


def load_json_model(source: Source, model: type[Model], context: dict[str, Any] | None = None) -> Model:
    from pydantic import ValidationError

    from explainer.core.limits import JsonProblem, parse_json

    text = read_text(source)
    try:
        parse_json(text)  # the limits (depth, digits, no NaN) before pydantic parses it itself
    except JsonProblem as err:
        raise ContentError(f"{source}: not valid JSON ({err})") from None
    text = in_current_language(source, text)  # validated as the person will read it
    try:
        # From the JSON text, so strict models take dates and enums as JSON writes them.
        return model.model_validate_json(text, context=context)
    except ValidationError as err:
        raise ContentError(f"{source}: {describe_validation_error(err)}") from None


SOURCE_LANGUAGE = "en"  # core.language's, named here so English imports nothing more


def content_language() -> str:
    """The current language (core.language). Only code that imported that module can have
    set another language than English, so until it is imported (the first paint) the
    answer is English without importing it (about 4 ms)."""
    language = sys.modules.get("explainer.core.language")
    return language.current_language() if language else SOURCE_LANGUAGE


def in_current_language(source: Source, text: str) -> str:
    """A resource file's JSON text in the current language (core.language): the Spanish
    table's texts laid over it (explainer.translations). In English the text is returned
    as read, without importing or reading anything more (this is on the start-up path)."""
    language = content_language()
    if language == SOURCE_LANGUAGE:
        return text
    from explainer.translations import translated_json_text

    return translated_json_text(source, text, language)


def describe_validation_error(err: ValidationError) -> str:
    """The first problem, as 'field.path: what is wrong' (plus a count of others)."""
    problems = err.errors()
    first = problems[0]
    where = one_line(".".join(str(part) for part in first["loc"]), 120) or "(top level)"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown field (check the spelling)"
    more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
    return f"{where}: {message}{more}"


def load_trial(source: Source | None = None) -> Trial:
    from explainer.core.model import Trial

    # The question bank checks each rule: its question exists, of the kind and unit it compares.
    return load_json_model(source or builtin_trial_path(), Trial, {"questions": load_questions()})


# A {{ fact }} in a page. Compiled when a page first has one (re keeps it then): the
# welcome page, read before the first paint, has none. ``_PLACEHOLDER`` is the pattern.
_PLACEHOLDER_TEXT = r"\{\{\s*([a-z_]+)\s*\}\}"


def _placeholder() -> re.Pattern[str]:
    return re.compile(_PLACEHOLDER_TEXT)


def page_source(name: str, root: Source | None = None, study: Source | None = None) -> Source:
    """A page of the study (its folder's pages/, the built-in study's by default) or,
    where the study has none of that name, the app's own (``root``/pages/)."""
    root = root or resources_root()
    study = study if study is not None else root / "trials" / BUILTIN_STUDY
    own = study / PAGES_FOLDER / f"{name}.md"
    return own if own.is_file() else root / "pages" / f"{name}.md"


def load_page_without_facts(name: str, root: Source | None = None, study: Source | None = None) -> str:
    """A page that states no study facts (the welcome page, drawn before the study
    is open): a ``{{ fact }}`` placeholder in it is an error, never left showing."""
    source = page_source(name, root, study)
    text = page_in_current_language(source, read_text(source))
    if "{{" in text and (placeholder := _placeholder().search(text)):
        raise ContentError(f"{source}: this page is shown before the study opens, "
                           f"so it cannot use {placeholder.group(0)}")
    return text


def load_page(name: str, trial: Trial, root: Source | None = None, *, registry_links: bool = False) -> str:
    """A Markdown page with its ``{{ fact }}`` placeholders filled from the trial.

    ``[registry: id]`` markers are removed unless ``registry_links`` is set (the
    window turns them into "Show the registry's words" links; print does not)."""
    source = page_source(name, root)
    return fill_page(page_in_current_language(source, read_text(source)), source, trial, registry_links=registry_links)


def study_page(study: StudyBundle, name: str, *, registry_links: bool = False) -> str:
    """A page of the study, from its bundle, or the app's own page of that name
    (resources/pages/), filled from the study's trial as ``load_page`` fills it."""
    if name in study.pages:
        return fill_page(study.pages[name], study.page_source(name), study.trial, registry_links=registry_links)
    source = resources_root() / "pages" / f"{name}.md"
    return fill_page(page_in_current_language(source, read_text(source)), source, study.trial,
                     registry_links=registry_links)


def page_in_current_language(source: Source, text: str) -> str:
    """A page's Markdown in the language the app speaks now: its translation
    (resources/i18n/<language>/<same path>) where there is one, else ``text``. English
    returns ``text`` at once: no file is looked for, nothing more is imported."""
    from explainer.core.language import SOURCE_LANGUAGE, current_language

    language = current_language()
    if language == SOURCE_LANGUAGE:
        return text
    from explainer.translations import translated_page

    return translated_page(source, text, language)


def fill_page(text: str, source: Source | str, trial: Trial, *, registry_links: bool = False) -> str:
    from explainer.core.escaping import markdown_text
    from explainer.core.facts import trial_facts
    from explainer.core.registry_words import strip_markers

    facts = trial_facts(trial)

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in facts:
            raise UnknownFact(f"{source}: unknown placeholder {{{{ {key} }}}}")
        return markdown_text(facts[key])  # a title with markup shows as its letters

    filled = _placeholder().sub(fill, text)
    return filled if registry_links else strip_markers(filled)


def load_glossary(source: Source | None = None) -> "Glossary":
    """The study's glossary (its folder's glossary.json): each hard word defined once."""
    from explainer.core.glossary import Glossary

    return load_json_model(source or builtin_study_folder() / GLOSSARY_FILE, Glossary)


def load_general_glossary(source: Source | None = None) -> "Glossary":
    """The words trial records use (resources/glossary-general.json), for any study."""
    from explainer.core.glossary import Glossary

    return load_json_model(source or resources_root() / "glossary-general.json", Glossary)


def load_merged_glossary(general: Source | None = None, study: Source | None = None) -> "Glossary":
    """The general glossary with the study's own (its folder's glossary.json): where both
    define a word, the study's meaning wins (explainer.core.glossary.merge_glossaries)."""
    from explainer.core.glossary import merge_glossaries

    return merge_glossaries(load_general_glossary(general), load_glossary(study))


def load_registry_sentences(source: Source | None = None) -> "RegistrySentences":
    """The registry's sentences behind the pages' plain statements, word for word."""
    from explainer.core.registry_words import RegistrySentences

    return load_json_model(source or builtin_study_folder() / SENTENCES_FILE, RegistrySentences)


def load_study_bundle(source: Source | None = None) -> StudyBundle:
    """A curated study, whole: its folder (the built-in study's by default) read into one
    validated StudyBundle, every file through the capped, regular-file-only reader.

    Given a single trial file instead of a folder (``--trial FILE``), the pages come from
    ``pages_folder_for``: the built-in study's own trial file keeps its folder's pages,
    glossary and registry sentences; any other study's gets only the app's own pages
    (never another study's), the general glossary and no registry sentences."""
    folder = builtin_study_folder() if source is None else source
    if isinstance(folder, Path) and not folder.is_dir():  # a trial file (or nothing: load_trial says so)
        return study_of_trial(load_trial(folder))
    return _bundle(folder, load_trial(folder / TRIAL_FILE))


def study_of_trial(trial: Trial) -> StudyBundle:
    """A trial without its study's folder (a lone trial file): the built-in study's own
    trial keeps that folder's pages, glossary and sentences; any other gets the app's own
    pages (resources/sections.json), the general glossary and no registry sentences."""
    from explainer.core.bundle import StudyBundle

    if trial.nct_id == BUILTIN_STUDY:
        return _bundle(builtin_study_folder(), trial)
    app = resources_root()
    return StudyBundle(folder=str(app), trial=trial, sections=load_sections(app), pages=load_study_pages(app),
                       glossary=lone_trial_glossary(trial.nct_id), sentences=None)


def lone_trial_glossary(nct_id: str) -> "Glossary":
    """The glossary of a trial without its study's folder (study_of_trial; the PDF of a
    trial given alone): the built-in study's own for its trial, else the general one."""
    return load_glossary() if nct_id == BUILTIN_STUDY else load_general_glossary()


def _bundle(folder: Source, trial: Trial) -> StudyBundle:
    from explainer.core.bundle import StudyBundle

    return StudyBundle(folder=str(folder), trial=trial, sections=load_sections(folder),
                       pages=load_study_pages(folder), glossary=load_glossary(folder / GLOSSARY_FILE),
                       sentences=load_registry_sentences(folder / SENTENCES_FILE))


def pages_folder_for(trial_path: Path | None) -> Source | None:
    """Where the window finds its list of pages and its welcome page before the study is
    open (read with the json module alone, before pydantic loads): a study folder's own;
    for a trial file, the built-in study's folder only if it is that study's file (by its
    number), else the app's own pages (resources/sections.json, resources/pages/). None:
    the built-in study. A file that cannot be read gets the app's own pages; opening it
    then says what is wrong."""
    import json

    if trial_path is None or trial_path.is_dir():
        return trial_path
    try:
        number = json.loads(read_text(trial_path)).get("nct_id")
    except (ContentError, ValueError, RecursionError, AttributeError):
        number = None
    return builtin_study_folder() if number == BUILTIN_STUDY else resources_root()


def load_sections(folder: Source | None = None) -> tuple[tuple[str, str], ...]:
    """A study's reading pages in the order of the list on the left, as (page, label);
    a sub-page's label is indented. From its folder's sections.json (the built-in
    study's by default; resources/sections.json lists the app's own pages, what a trial
    file without its study's folder gets), read with the json module alone: the list is drawn before
    the first paint, before pydantic loads. Each page is the folder's pages/PAGE.md or
    else the app's own resources/pages/PAGE.md (``validate`` checks that one exists)."""
    if folder is None:
        return _builtin_sections()
    return _read_sections(folder / SECTIONS_FILE)


def _builtin_sections() -> tuple[tuple[str, str], ...]:
    return _builtin_sections_in(content_language())


# The window, validate and the pages list ask; the app's own files do not change. One
# list per language: a Spanish window and an English PDF each get their own labels.
@cache
def _builtin_sections_in(language: str) -> tuple[tuple[str, str], ...]:
    return _read_sections(builtin_study_folder() / SECTIONS_FILE)


def timeline_title() -> str:
    """The timeline's name in the list, from resources/timeline.json read with the json
    module alone (the list shows it from the first paint, before pydantic loads); a study
    whose own words rename it gets its name once the page is built (MainWindow.add_section)."""
    return _timeline_title_in(content_language())


@cache
def _timeline_title_in(language: str) -> str:
    import json

    source = resources_root() / "timeline.json"  # the app's own file: load_timeline_text validates it
    return str(json.loads(in_current_language(source, read_text(source)))["section_title"])


def _read_sections(source: Source) -> tuple[tuple[str, str], ...]:
    import json

    try:
        data = json.loads(in_current_language(source, read_text(source, cap=64 * 1024)))
    except (ValueError, RecursionError) as err:
        raise ContentError(f"{source}: not valid JSON ({one_line(str(err), 80)})") from None
    if not isinstance(data, dict) or set(data) != {"format", "version", "sections"}:
        raise ContentError(f"{source}: must hold exactly format, version and sections")
    if data["format"] != SECTIONS_FORMAT or data["version"] != 1:
        raise ContentError(f"{source}: format must be {SECTIONS_FORMAT!r}, version 1")
    entries = data["sections"]
    if not isinstance(entries, list) or not 0 < len(entries) <= MAX_PAGES:
        raise ContentError(f"{source}: sections must be a list of 1 to {MAX_PAGES} pages")
    sections = tuple(_section(source, number, entry) for number, entry in enumerate(entries))
    pages = [page for page, _label in sections]
    if twice := sorted({page for page in pages if pages.count(page) > 1}):
        raise ContentError(f"{source}: sections: the page {twice[0]!r} is listed twice")
    if missing := [page for page in APP_PAGES if page not in pages]:
        raise ContentError(f"{source}: sections: the page {missing[0]!r} is missing (the app opens it itself)")
    if pages[0] != APP_PAGES[0]:
        raise ContentError(f"{source}: sections.0: the first page must be {APP_PAGES[0]!r}")
    return sections


def _section(source: Source, number: int, entry: object) -> tuple[str, str]:
    where = f"{source}: sections.{number}"
    if not isinstance(entry, dict) or not {"page", "label"} <= set(entry) <= {"page", "label", "sub"}:
        raise ContentError(f"{where}: must hold page and label (and sub, if it is a sub-page)")
    page, label, sub = entry["page"], entry["label"], entry.get("sub", False)
    if not isinstance(page, str) or not is_page_name(page):
        raise ContentError(f"{where}.page: not a page name (lower-case letters, digits and dashes)")
    # Printable: no line break or control character in the list on the left.
    if not isinstance(label, str) or not 0 < len(label) <= 80 or label != label.strip() or not label.isprintable():
        raise ContentError(f"{where}.label: one line of 1 to 80 characters, no spaces at either end")
    if not isinstance(sub, bool):
        raise ContentError(f"{where}.sub: true or false")
    return page, f"{SUB_INDENT}{label}" if sub else label


# A page's name: its file is NAME.md. Checked by hand, not by a pattern: the list of
# pages is read before the first paint, where compiling one cost 0.1 ms.
_PAGE_NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def is_page_name(page: str) -> bool:
    """Lower-case letters, digits and dashes, not starting with a dash, 1 to 60 of them."""
    return 0 < len(page) <= 60 and page[0] != "-" and set(page) <= _PAGE_NAME_CHARACTERS


def load_study_pages(folder: Source) -> dict[str, str]:
    """The Markdown of each page in a study folder's pages/, by name (no .md). Only
    files named like a page are read; anything else there is an error, never skipped
    in silence (a misspelt page would quietly fall back to the app's own)."""
    pages_folder = folder / PAGES_FOLDER
    if not pages_folder.is_dir():
        raise ContentError(f"{pages_folder}: folder not found (a study keeps its pages there)")
    # At most one more than allowed is listed: a folder of a million files is refused at once.
    entries = sorted(itertools.islice(pages_folder.iterdir(), MAX_PAGES + 1), key=lambda entry: entry.name)
    if len(entries) > MAX_PAGES:
        raise ContentError(f"{pages_folder}: more than {MAX_PAGES} files; a study has at most {MAX_PAGES} pages")
    pages: dict[str, str] = {}
    for entry in entries:
        if not (entry.name.endswith(".md") and is_page_name(entry.name.removesuffix(".md"))):
            raise ContentError(f"{entry}: not a page name (lower-case letters, digits and dashes, then .md)")
        # In the current language: a Spanish window's bundle holds the Spanish pages.
        pages[entry.name.removesuffix(".md")] = page_in_current_language(entry, read_text(entry))
    return pages


def load_questions(source: Source | None = None) -> "Questionnaire":
    """The questionnaire (resources/questions.json), validated. The app's own file is read
    once per language: opening the study checks the rules against it and the self-check
    asks it, and each read made the same bank again."""
    if source is None:
        return _builtin_questions_in(content_language())
    from explainer.core.questions import Questionnaire

    return load_json_model(source, Questionnaire)


@cache  # one bank per language, as _builtin_sections_in; the Questionnaire is frozen
def _builtin_questions_in(language: str) -> "Questionnaire":
    return load_questions(resources_root() / "questions.json")


def load_summary_text(source: Source | None = None) -> "SummaryText":
    """The PDF summary's words (resources/pdf/summary.json), validated."""
    from explainer.core.summary import SummaryText

    return load_json_model(source or resources_root() / "pdf" / "summary.json", SummaryText)

"""Every translation is whole and current: a Spanish text missing, or older than its
English source, fails here (see explainer/translations.py for where each kind lives).

English is the source. For each kind of words:
- interface (Qt .ts per module of explainer/ui): lupdate run afresh over the module
  finds no unfinished or vanished message;
- the core's say("...") words: each has an entry in core.json, and no entry is stale;
- a content file's table: each text a person reads has an entry, none is stale;
- a page: its first line names the SHA-256 of the English page as it is now.
A translated text keeps its English's numbers and {placeholders} (facts are data).
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from explainer.core.language import missing_and_stale, texts_to_translate
from explainer.translations import CORE_TABLE, page_header_split, page_sha, parse_table
from tools.translations import qt_tool, window_module, window_modules

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
SPANISH = RESOURCES / "i18n" / "es"
UI = ROOT / "explainer" / "ui"
CORE = ROOT / "explainer" / "core"

TS_FILES = sorted((SPANISH / "ui").glob("*.ts"))
TABLES = sorted(p for p in SPANISH.rglob("*.json") if p.relative_to(SPANISH).as_posix() != CORE_TABLE)
PAGES = sorted(SPANISH.rglob("*.md"))


def ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(SPANISH).as_posix() for p in paths]


def literal_calls(folder: Path | list[Path], name: str) -> tuple[list[str], list[str]]:
    """The literal texts passed to ``name(...)`` in the folder's modules, and the places
    where something else is passed (an f-string or a variable: no tool can find it)."""
    texts, bad = [], []
    for module in sorted(folder.glob("*.py")) if isinstance(folder, Path) else folder:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
                arg = node.args[0] if node.args else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    texts.append(arg.value)
                else:
                    bad.append(f"{module.name}:{node.lineno}")
    return texts, bad


# The code outside the window writes its words with say(): the core, the PDF, the web
# page, the commands (check's text) and the io modules; one table holds them all.
SAY_FOLDERS = (CORE, ROOT / "explainer" / "pdf", ROOT / "explainer" / "webpage", ROOT / "explainer" / "commands",
               ROOT / "explainer")


def say_texts() -> tuple[list[str], list[str]]:
    texts, bad = [], []
    for folder in SAY_FOLDERS:
        found, wrong = literal_calls(folder, "say")
        texts += found
        bad += wrong
    return texts, bad


def test_every_translated_text_is_a_literal() -> None:
    assert (literal_calls(window_modules(), "tr")[1], say_texts()[1]) == ([], [])


def test_every_interface_module_with_words_has_its_translation() -> None:
    wanted = {module.stem for module in window_modules() if re.search(r"\btr\(", module.read_text(encoding="utf-8"))}
    wanted.discard("i18n")
    assert sorted(wanted - {ts.stem for ts in TS_FILES}) == []


@pytest.mark.parametrize("ts", TS_FILES, ids=ids(TS_FILES))
def test_an_interface_translation_is_whole_and_current(ts: Path, tmp_path: Path) -> None:
    module = window_module(ts.stem)
    assert module.is_file(), f"{ts.name} translates no module of explainer/ui"
    fresh = tmp_path / ts.name
    fresh.write_bytes(ts.read_bytes())
    subprocess.run([qt_tool("pyside6-lupdate"), "-silent", "-locations", "none", str(module), "-ts", str(fresh)],
                   check=True)
    problems = []
    for message in ET.parse(fresh).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("unfinished", "vanished", "obsolete", "missing") or not (translation.text or "").strip():
            problems.append(f"{kind or 'empty'}: {message.findtext('source')}")
        else:
            assert_same_facts(message.findtext("source") or "", translation.text or "")
    assert problems == []


def test_the_core_words_are_whole_and_current() -> None:
    texts = say_texts()[0]
    table_file = SPANISH / CORE_TABLE
    table = parse_table(table_file.read_text(encoding="utf-8"), CORE_TABLE).strings if table_file.exists() else {}
    missing, stale = missing_and_stale(texts, table)
    assert (missing, stale) == ([], [])
    for english, spanish in table.items():
        assert_same_facts(english, spanish)


@pytest.mark.parametrize("table_file", TABLES, ids=ids(TABLES))
def test_a_content_table_is_whole_and_current(table_file: Path) -> None:
    source = RESOURCES / table_file.relative_to(SPANISH)
    assert source.is_file(), f"{table_file.name} translates no file of resources/"
    table = parse_table(table_file.read_text(encoding="utf-8"), table_file.name)
    missing, stale = missing_and_stale(texts_to_translate(json.loads(source.read_text(encoding="utf-8")), table.keep),
                                       table.strings)
    assert (missing, stale) == ([], [])
    for english, spanish in table.strings.items():
        assert_same_facts(english, spanish)


@pytest.mark.parametrize("page", PAGES, ids=ids(PAGES))
def test_a_page_translation_is_current(page: Path) -> None:
    source = RESOURCES / page.relative_to(SPANISH)
    assert source.is_file(), f"{page.name} translates no page of resources/"
    sha, _body = page_header_split(page.read_text(encoding="utf-8"))
    assert sha == page_sha(source.read_text(encoding="utf-8")), "the English page changed: translate it again"


_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def facts_of(text: str) -> tuple[list[str], list[str]]:
    """A text's numbers (separators dropped: 150,000 = 150.000 = 150 000) and placeholders."""
    numbers = sorted(re.sub(r"\D", "", n) for n in _NUMBER.findall(text))
    return numbers, sorted(_PLACEHOLDER.findall(text))


def assert_same_facts(english: str, spanish: str) -> None:
    assert facts_of(spanish) == facts_of(english), f"{english!r} -> {spanish!r}"

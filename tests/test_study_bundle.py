"""A curated study is one folder (resources/trials/NCT…/): load_study_bundle reads it
into one validated object, and `validate` checks the names its files give each other
and the app's shared files (the question bank, the app's own pages). Each broken
copy gives one plain line naming the file and the item; the shipped folder gives none."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.content import (
    MAX_PAGES,
    PAGE_NAMES,
    ContentError,
    builtin_study_folder,
    load_questions,
    load_study_bundle,
    load_trial,
    study_page,
)
from explainer.core.bundle import StudyBundle
from explainer.validate_links import check_links, link_problems, rule_problems

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
STUDY = Path("trials", "NCT04883242")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of resources/ (without fonts and icons) to break: the root validate checks against."""
    shutil.copytree(RESOURCES, tmp_path / "resources", ignore=shutil.ignore_patterns("__pycache__", "fonts", "icons"))
    return tmp_path / "resources"


def _problems(root: Path) -> list[str]:
    folder = root / STUDY
    return link_problems(load_study_bundle(folder), folder / "trial.json", root)


def _json_edit(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _criterion(data: dict, criterion_id: str) -> dict:
    return next(c for c in data["criteria"] if c["id"] == criterion_id)


def _offer_only(key: str, units: list[str]) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        next(q for q in data["questions"] if q["key"] == key)["units"] = units
    return change


def _rule(criterion_id: str, rule: dict) -> Callable[[dict], None]:
    return lambda data: _criterion(data, criterion_id).__setitem__("rule", rule)


def test_the_shipped_study_is_one_validated_object() -> None:
    study = load_study_bundle()
    assert isinstance(study, StudyBundle)
    assert study.trial.nct_id == study.sentences.record == "NCT04883242"
    assert study.trial == load_trial()
    assert Path(study.folder) == Path(str(builtin_study_folder()))
    # Its own pages are in the folder; the app's own pages (not about one study) are not.
    assert {"welcome", "study", "status", "help", "what-happens"} <= set(study.pages)
    assert {"about", "glossary", "who-can-join"}.isdisjoint(study.pages)
    assert set(study.pages) <= set(PAGE_NAMES)
    assert len(study.glossary.terms) > 40 and len(study.sentences.sentences) > 30
    with pytest.raises(ValueError):  # frozen, like every model of the app
        study.trial = load_trial()  # type: ignore[misc]


def test_the_shipped_study_validates_across_its_files(copy: Path, capsys: pytest.CaptureFixture) -> None:
    assert _problems(copy) == []
    assert main(["validate", str(RESOURCES / STUDY)]) == 0
    out = capsys.readouterr().out
    assert "ok  references across files: rule questions and units" in out
    assert out.count("ok  page ") == len(PAGE_NAMES)


def test_a_page_comes_from_the_study_or_else_from_the_app() -> None:
    study = load_study_bundle()
    assert study_page(study, "status").startswith("# Study status")  # the study's own
    assert study_page(study, "about").startswith("# About this app")  # the app's, filled from this trial
    assert "NCT04883242" in study_page(study, "about")


# (what is broken, file under the copied resources/, how, the problem's start, its words);
# paths in the problem are shown relative to the copy.
BROKEN = [
    ("a rule in a unit the question bank does not take", "questions.json", _offer_only("hemoglobin", ["g/L"]),
     "trials/NCT04883242/trial.json: the rule of criterion 'hemoglobin'",
     "compares 'hemoglobin' in 'g/dL', which questions.json does not take for it (it takes 'g/L')"),
    ("a page names a fact the trial does not have", "trials/NCT04883242/pages/status.md", "\n{{ stauts }}\n",
     "trials/NCT04883242/pages/status.md line", "{{ stauts }} is not a fact of the trial"),
    ("an app page names a fact the trial does not have", "pages/about.md", "\nThe {{ nct_idd }}.\n",
     "pages/about.md line", "{{ nct_idd }} is not a fact of the trial"),
    ("a registry marker names no sentence", "trials/NCT04883242/pages/study.md", "\nA fact. [registry: gone]\n",
     "trials/NCT04883242/pages/study.md line",
     "[registry: gone] is not in trials/NCT04883242/registry_sentences.json"),
    ("a glossary link names no term", "trials/NCT04883242/pages/help.md", "\nSee [it](glossary:nope).\n",
     "trials/NCT04883242/pages/help.md line", "glossary:nope is not a term in trials/NCT04883242/glossary.json"),
    ("a glossary link in the question bank names no term", "questions.json",
     lambda d: d["questions"][0].__setitem__("hint", "See [it](glossary:nope)."),
     "questions.json line", "glossary:nope is not a term in trials/NCT04883242/glossary.json"),
    ("a page the app shows is in neither folder", "trials/NCT04883242/pages/status.md", None,
     "trials/NCT04883242/sections.json: the page 'status'", "is in neither trials/NCT04883242/pages nor pages"),
    ("a listed page that no folder has", "trials/NCT04883242/sections.json",
     lambda d: d["sections"].insert(1, {"page": "side-effects", "label": "Side effects"}),
     "trials/NCT04883242/sections.json: the page 'side-effects'", "is in neither trials/NCT04883242/pages nor pages"),
    ("a page of the study that the app never shows", "trials/NCT04883242/pages/extra-page.md", "# Extra\n",
     "trials/NCT04883242/pages/extra-page.md:",
     "not a page the app shows (it is not in trials/NCT04883242/sections.json)"),
    ("a page of the study taken off the list", "trials/NCT04883242/sections.json",
     lambda d: d.__setitem__("sections", [e for e in d["sections"] if e["page"] != "status"]),
     "trials/NCT04883242/pages/status.md:", "not a page the app shows"),
    ("registry sentences copied from another record", "trials/NCT04883242/registry_sentences.json",
     lambda d: d.__setitem__("record", "NCT00000001"),
     "trials/NCT04883242/registry_sentences.json:", "copied from the record of NCT00000001, but the trial is "
                                                    "NCT04883242"),
]


@pytest.mark.parametrize(("what", "name", "how", "start", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_name_across_files_is_one_line_naming_file_and_item(copy: Path, what: str, name: str,
                                                                        how: object, start: str, words: str) -> None:
    path = copy / name
    if how is None:
        path.unlink()
    elif isinstance(how, str):
        _append(path, how) if path.exists() else path.write_text(how, encoding="utf-8")
    else:
        _json_edit(path, how)  # type: ignore[arg-type]
    [problem] = _problems(copy)
    shown = problem.replace(f"{copy}/", "")
    assert shown.startswith(start) and words in shown and "\n" not in problem
    with pytest.raises(ContentError, match="^" + re.escape(problem) + "$"):  # what validate raises: that one line
        check_links(load_study_bundle(copy / STUDY), copy / STUDY / "trial.json", copy)


def test_units_a_question_takes_are_not_problems(copy: Path) -> None:
    """ecog is a plain number (no unit); liver tests may be in times the upper limit of normal."""
    _json_edit(copy / STUDY / "trial.json", _rule("ecog", {"kind": "compare", "question": "ecog", "op": "<=",
                                                           "limit": 2, "unit": ""}))
    _json_edit(copy / "questions.json", _offer_only("alt", ["U/L"]))  # xULN stays: alt has an upper limit
    assert _problems(copy) == []


def test_a_rule_whose_question_is_not_in_the_bank_is_named() -> None:
    """The bank today has every key the trial model knows, so the model refuses such a
    rule first (tests/test_validate_links.py); a bank without the question is named too."""
    bank = load_questions()
    smaller = bank.model_construct(**{**dict(bank), "questions": tuple(q for q in bank.questions if q.key != "ecog")})
    assert rule_problems(load_trial(), "trial.json", smaller, "questions.json") == [
        "trial.json: the rule of criterion 'ecog' asks 'ecog', which is not a question in questions.json"]
    assert rule_problems(load_trial(), "trial.json", bank, "questions.json") == []


def test_a_rule_in_furlongs_on_a_missing_question_fails_validate(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "NCT04883242"
    shutil.copytree(RESOURCES / STUDY, folder)
    _json_edit(folder / "trial.json", _rule("ecog", {"kind": "compare", "question": "walking_distance", "op": ">=",
                                                     "limit": 3, "unit": "furlongs"}))
    assert main(["validate", str(folder)]) == 2
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith(f"trial-explainer: {folder / 'trial.json'}: criteria.")
    assert "'walking_distance' is not a question" in line and captured.out == ""


def test_validate_of_a_broken_folder_says_it_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "NCT04883242"
    shutil.copytree(RESOURCES / STUDY, folder)
    _append(folder / "pages" / "status.md", "\n{{ stauts }}\n")
    assert main(["validate", str(folder)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert f"{folder / 'pages' / 'status.md'} line" in line and "{{ stauts }} is not a fact of the trial" in line


def _fifo(path: Path) -> None:
    os.mkfifo(path)


# (what, how the folder is broken, words of the one-line error)
UNREADABLE = [
    ("no pages folder", lambda f: shutil.rmtree(f / "pages"), "pages: folder not found"),
    ("a file that is not named like a page", lambda f: (f / "pages" / "Notes.txt").write_text("x"),
     "Notes.txt: not a page name"),
    ("a folder named like a page", lambda f: (f / "pages" / "more.md").mkdir(), "more.md: it is not an ordinary file"),
    ("a pipe named like a page", lambda f: _fifo(f / "pages" / "pipe.md"), "pipe.md: it is not an ordinary file"),
    ("a page too big", lambda f: (f / "pages" / "big.md").write_bytes(b"a" * (16 * 1024 * 1024 + 1)),
     "big.md: the file is too big"),
    ("a page not UTF-8", lambda f: (f / "pages" / "study.md").write_bytes(b"\xff\xfe"), "study.md: not UTF-8"),
    ("no glossary", lambda f: (f / "glossary.json").unlink(), "glossary.json: file not found"),
    ("broken registry sentences", lambda f: (f / "registry_sentences.json").write_text("{}"),
     "registry_sentences.json: format: Field required"),
    ("no trial file", lambda f: (f / "trial.json").unlink(), "trial.json: file not found"),
    ("no list of pages", lambda f: (f / "sections.json").unlink(), "sections.json: file not found"),
    ("more files in pages than a study may have", lambda f: [(f / "pages" / f"p{n}.md").write_text("x")
                                                             for n in range(MAX_PAGES)],
     "pages: more than 200 files"),
]


def _sections(change: Callable[[list], object]) -> Callable[[Path], None]:
    def breaks(folder: Path) -> None:
        _json_edit(folder / "sections.json", lambda d: change(d["sections"]))
    return breaks


# (what, how sections.json is broken, words after "sections.json: ")
BROKEN_SECTIONS = [
    ("not JSON", lambda f: (f / "sections.json").write_text("{"), "not valid JSON"),
    ("an unknown key", lambda f: _json_edit(f / "sections.json", lambda d: d.__setitem__("extra", 1)),
     "must hold exactly format, version and sections"),
    ("another format", lambda f: _json_edit(f / "sections.json", lambda d: d.__setitem__("format", "x")),
     "format must be 'trial-explainer-sections', version 1"),
    ("no pages", _sections(lambda s: s.clear()), "sections must be a list of 1 to"),
    ("a page listed twice", _sections(lambda s: s.append(dict(s[1]))), "the page 'study' is listed twice"),
    ("a page the app opens itself left out", _sections(lambda s: s.pop()), "the page 'about' is missing"),
    ("the welcome page not first", _sections(lambda s: s.append(s.pop(0))), "sections.0: the first page must be"),
    ("a page name with a slash", _sections(lambda s: s[1].__setitem__("page", "../study")),
     "sections.1.page: not a page name"),
    ("a label of two lines", _sections(lambda s: s[1].__setitem__("label", "What\nit is")),
     "sections.1.label: one line"),
    ("a label of a number", _sections(lambda s: s[1].__setitem__("label", 7)), "sections.1.label: one line"),
    ("sub not true or false", _sections(lambda s: s[3].__setitem__("sub", "yes")), "sections.3.sub: true or false"),
    ("an unknown key in a page", _sections(lambda s: s[1].__setitem__("colour", "red")),
     "sections.1: must hold page and label"),
]


@pytest.mark.parametrize(("what", "breaks", "expected"), BROKEN_SECTIONS, ids=[b[0] for b in BROKEN_SECTIONS])
def test_a_broken_list_of_pages_is_one_plain_line(tmp_path: Path, capsys: pytest.CaptureFixture, what: str,
                                                  breaks: Callable[[Path], object], expected: str) -> None:
    folder = tmp_path / "study"
    shutil.copytree(RESOURCES / STUDY, folder)
    breaks(folder)
    assert main(["validate", str(folder)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"trial-explainer: {folder / 'sections.json'}: ") and expected in line


@pytest.mark.parametrize(("what", "breaks", "expected"), UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_a_folder_that_cannot_be_read_is_one_plain_line(tmp_path: Path, capsys: pytest.CaptureFixture, what: str,
                                                         breaks: Callable[[Path], object], expected: str) -> None:
    folder = tmp_path / "study"
    shutil.copytree(RESOURCES / STUDY, folder)
    breaks(folder)
    with pytest.raises(ContentError, match="^" + str(folder)):
        load_study_bundle(folder)
    assert main(["check", "--trial", str(folder), str(ROOT / "tests" / "fixtures" / "full.answers.json")]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"trial-explainer: {folder}") and expected in line


def test_a_study_folder_works_as_trial_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "study"
    shutil.copytree(RESOURCES / STUDY, folder)
    for name, args in (("folder", ["--trial", str(folder)]), ("file", ["--trial", str(folder / "trial.json")]),
                       ("built-in", [])):
        out = tmp_path / f"{name}.ics"
        assert main(["calendar", *args, "--start-date", "2027-01-04", "-o", str(out)]) == 0
    assert (tmp_path / "folder.ics").read_bytes() == (tmp_path / "built-in.ics").read_bytes() == \
        (tmp_path / "file.ics").read_bytes()
    capsys.readouterr()
    assert main(["validate", "--trial", str(folder)]) == 0
    assert f"ok  {folder / 'trial.json'}: NCT04883242" in capsys.readouterr().out


def test_the_window_shows_the_pages_of_the_study_folder_it_opens(qtbot, tmp_path: Path) -> None:
    """A copy of the folder with one changed page, listed second under another label:
    the window's list and the page come from the folder it was given (its sections.json,
    then load_study_bundle), not from the built-in one."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTextBrowser

    from explainer.app import build_main_window
    from tests.windows import shown_window

    folder = tmp_path / "study"
    shutil.copytree(RESOURCES / STUDY, folder)
    _append(folder / "pages" / "status.md", "\nA line only this copy of the study has.\n")

    def status_second(data: dict) -> None:
        status = next(e for e in data["sections"] if e["page"] == "status")
        data["sections"].remove(status)
        data["sections"].insert(1, {"page": "status", "label": "Is it open?"})
    _json_edit(folder / "sections.json", status_second)
    window = shown_window(qtbot, lambda: build_main_window(folder, with_tools=False, lazy_pages=True))
    assert window.study is not None and Path(window.study.folder) == folder
    assert window.section_ids()[:2] == ["welcome", "status"] and window.navigator.item(1).text() == "Is it open?"
    assert window.navigator.item(3).text() == "The 4 medicines" and window.navigator.item(4).text() == "   Isatuximab"
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Down)
    assert window.section_ids()[window.navigator.currentRow()] == "status"
    page = window.stack.currentWidget()
    browser = page if isinstance(page, QTextBrowser) else page.findChild(QTextBrowser)
    assert "A line only this copy of the study has." in browser.toPlainText()
    assert "September 26, 2025" in browser.toPlainText()  # its facts filled from the folder's trial

"""The MADE-UP second study as a full study folder (tests/fixtures/made_up_study/: its
trial, its own pages, glossary and registry sentences), through the command line as
NCT04883242 is: validate, check, calendar --arm, pdf and html read back. And what a
trial file given alone gets (issue 15): never another study's pages, only the app's
own; NCT04883242's own trial file alone keeps its folder's pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from explainer.cli import main
from explainer.content import (
    BUILTIN_STUDY,
    PAGE_NAMES,
    builtin_trial_path,
    load_general_glossary,
    load_glossary,
    load_study_bundle,
    load_trial,
    pages_folder_for,
    resources_root,
    study_of_trial,
    study_page,
)

FIXTURES = Path(__file__).parent / "fixtures"
FOLDER = FIXTURES / "made_up_study"
LONE_FILE = FIXTURES / "made_up_two_arm_study.json"
ANSWERS = FIXTURES / "made_up.answers.json"
OWN_PAGES = ("welcome", "study", "medicines", "what-happens")
APP_ONLY = ("welcome", "who-can-join", "help", "glossary", "about")
BUILT_IN_WORDS = ("myeloma", "isatuximab", "carfilzomib", "pomalidomide", "dexamethasone", "NCT04883242")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_the_folder_is_marked_made_up_everywhere() -> None:
    study = load_study_bundle(FOLDER)
    assert study.trial.title.startswith("MADE-UP TEST STUDY, not a real trial")
    assert study.page_names == ("welcome", "study", "medicines", "what-happens", "who-can-join", "help",
                                "glossary", "about")
    assert sorted(study.pages) == sorted(OWN_PAGES)
    for name in OWN_PAGES:
        assert "**Made up for testing.**" in study.pages[name], name
    assert study.sentences is not None and study.sentences.record == "NCT99999901"
    assert study.glossary.by_id("exampizumab").definition.startswith("A made-up medicine")


def test_the_lone_file_is_the_folders_trial_file() -> None:
    """Tests of a trial file given alone use the old fixture: it must say what the folder says."""
    assert LONE_FILE.read_bytes() == (FOLDER / "trial.json").read_bytes()


def test_the_folders_pages_state_only_its_own_facts() -> None:
    study = load_study_bundle(FOLDER)
    for name in study.page_names:
        text = study_page(study, name)
        assert not [w for w in BUILT_IN_WORDS if w.lower() in text.lower()], name
    assert "Study number: NCT99999901" in study_page(study, "study")


def test_a_lone_trial_file_of_another_study_gets_the_apps_own_pages_only() -> None:
    study = load_study_bundle(LONE_FILE)
    assert study.page_names == APP_ONLY and study.sentences is None
    assert study.pages == {name: (resources_root() / "pages" / f"{name}.md").read_text(encoding="utf-8")
                           for name in APP_ONLY}
    assert study.glossary == load_general_glossary()
    for name in APP_ONLY:
        text = study_page(study, name)  # every fact resolves for this trial
        assert not [w for w in BUILT_IN_WORDS if w.lower() in text.lower()], name
    assert pages_folder_for(LONE_FILE) == resources_root()  # the window's list before the study opens


def test_only_the_built_in_studys_own_file_borrows_its_folder(tmp_path) -> None:
    alone = tmp_path / "copy.json"
    alone.write_bytes(builtin_trial_path().read_bytes())
    study = load_study_bundle(alone)
    assert study.page_names == tuple(PAGE_NAMES) and study.glossary == load_glossary()
    assert pages_folder_for(alone) == builtin_trial_path().parent
    assert study_of_trial(load_trial()).page_names == tuple(PAGE_NAMES)
    # The same file under another number is another study: the app's own pages.
    other = json.loads(builtin_trial_path().read_text(encoding="utf-8")) | {"nct_id": "NCT00000001"}
    (tmp_path / "other.json").write_text(json.dumps(other), encoding="utf-8")
    assert load_study_bundle(tmp_path / "other.json").page_names == APP_ONLY
    assert pages_folder_for(tmp_path / "other.json") == resources_root()
    assert BUILTIN_STUDY == load_trial().nct_id


@pytest.mark.parametrize("broken", ["not json", "[1, 2]", '{"nct_id": 5}'])
def test_an_unreadable_trial_file_gets_the_apps_own_list_then_one_plain_error(tmp_path, capsys, broken) -> None:
    path = tmp_path / "broken.json"
    path.write_text(broken, encoding="utf-8")
    assert pages_folder_for(path) == resources_root()
    code, out, err = _run(capsys, "validate", str(path))
    assert (code, out) == (2, "") and err.startswith(f"trial-explainer: {path}") and err.count("\n") == 1


def test_validate_checks_the_folder_across_its_files(capsys) -> None:
    code, out, _ = _run(capsys, "validate", str(FOLDER))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"ok  {FOLDER / 'trial.json'}: NCT99999901, 9 criteria, treatment phases per group: 1, 1"
    assert lines[1].startswith("ok  references across files")
    assert [line for line in lines if line.startswith("ok  page")] == [
        f"ok  page {name}" for name in load_study_bundle(FOLDER).page_names]
    assert lines[-1] == "ok  glossary: 12 terms; registry sentences: 5"


@pytest.mark.parametrize(("page", "added", "said"), [
    ("study", "More. [registry: nope]", "[registry: nope] is not in"),
    ("medicines", "See [a word](glossary:nope).", "glossary:nope is not a term in"),
    ("what-happens", "{{ induction_cycles }}", "{{ induction_cycles }} is not a fact of the trial"),
])
def test_validate_names_a_broken_name_in_the_folder(tmp_path, capsys, page, added, said) -> None:
    copy = tmp_path / "made_up_study"
    shutil.copytree(FOLDER, copy)
    path = copy / "pages" / f"{page}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text}\n{added}\n", encoding="utf-8")
    code, out, err = _run(capsys, "validate", str(copy))
    line = text.count("\n") + 2
    assert (code, out) == (2, "") and f"{path} line {line}: {said}" in err


def test_check_on_the_folder_judges_karnofsky_and_creatinine_clearance(tmp_path, capsys) -> None:
    answers = tmp_path / "mine.answers.json"
    data = json.loads(ANSWERS.read_text(encoding="utf-8"))
    data["answers"] |= {"karnofsky": 60, "creatinine_clearance": {"value": 45, "unit": "mL/min"}}
    answers.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = _run(capsys, "check", "--trial", str(FOLDER), str(answers), "--json")
    assert code == 0
    status = {c["id"]: c["status"] for c in json.loads(out)["criteria"]}
    assert (status["karnofsky"], status["creatinine_clearance"], status["anc"]) == (
        "not_satisfied", "satisfied", "not_satisfied")
    code, out, _ = _run(capsys, "check", "--trial", str(FOLDER), str(answers))
    assert "Your daily activity score (Karnofsky): 60. The study needs at least 70." in out


@pytest.mark.parametrize(("arm", "events", "first"), [
    ("1", 17 * 15, "Clinic day: exampizumab, testinib (treatment cycle 1, day 1)"),
    ("2", 8 * 14, "At home: testinib (treatment cycle 1, day 1)"),
])
def test_calendar_on_the_folder_for_each_group(tmp_path, capsys, arm, events, first) -> None:
    out = tmp_path / "my.ics"
    code, said, _ = _run(capsys, "calendar", "--trial", str(FOLDER), "--start-date", "2027-01-04",
                         "-o", str(out), "--arm", arm)
    assert code == 0 and said.startswith(f"Wrote {events} treatment days")
    found = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert len(found) == events and str(found[0]["SUMMARY"]) == first


def test_calendar_on_the_folder_needs_a_group(tmp_path, capsys) -> None:
    code, _, err = _run(capsys, "calendar", "--trial", str(FOLDER), "--start-date", "2027-01-04",
                        "-o", str(tmp_path / "my.ics"))
    assert code == 2 and "say which is yours with --arm 1 to --arm 2" in err


def test_the_pdf_of_the_folder_uses_its_own_glossary(tmp_path, capsys) -> None:
    out = tmp_path / "summary.pdf"
    code, _, _ = _run(capsys, "pdf", str(ANSWERS), "--trial", str(FOLDER), "-o", str(out),
                      "--start-date", "2027-01-04", "--arm", "2", "--paper", "a4")
    assert code == 0
    text = _pdf_text(out)
    assert "This shows the group Arm B (testinib)." in text and "Treatment cycles 1 to 8" in text
    words = text[text.index("Words used in this summary"):]
    # Only the folder's glossary defines the made-up medicine; only it (not NCT04883242's) has Karnofsky.
    assert "testinib A made-up tablet, here only to test this app. It does not exist." in words
    assert "A score from 0 to 100 for how well a person can do daily tasks." in words
    assert "myeloma" not in text.lower()
    # The trial file alone: the general glossary (it knows no made-up medicine).
    lone = tmp_path / "lone.pdf"
    assert _run(capsys, "pdf", "--trial", str(LONE_FILE), "-o", str(lone), "--arm", "2")[0] == 0
    assert "A made-up tablet" not in _pdf_text(lone)


def test_the_web_page_of_the_folder_uses_its_own_glossary(tmp_path, capsys) -> None:
    out = tmp_path / "summary.html"
    code, _, _ = _run(capsys, "html", "--trial", str(FOLDER), "-o", str(out), "--arm", "1")
    assert code == 0
    assert "A made-up medicine, here only to test this app. It does not exist." in out.read_text(encoding="utf-8")


def _pages_to_read() -> dict[str, str]:
    from tests.readability import plain_words

    lone, folder = load_study_bundle(LONE_FILE), load_study_bundle(FOLDER)
    texts = {f"resources/pages/{name}.md": plain_words(study_page(lone, name)) for name in lone.page_names}
    texts |= {f"made_up_study/pages/{name}.md": plain_words(study_page(folder, name)) for name in OWN_PAGES}
    return texts


PAGES_TO_READ = _pages_to_read()


@pytest.mark.parametrize("name", sorted(PAGES_TO_READ))
def test_the_apps_own_pages_and_the_folders_read_at_grade_8_or_lower(name) -> None:
    """The app's own pages (every study without its folder shows them) and the made-up folder's."""
    from tests.readability import MAX_GRADE, grade

    assert PAGES_TO_READ[name].strip() and grade(PAGES_TO_READ[name]) <= MAX_GRADE, name


def test_nct04883242_prints_the_same_pdf_from_its_folder_and_its_file_alone(tmp_path, capsys) -> None:
    """Its own trial file alone borrows its folder whole: the same bytes as the built-in study."""
    alone = tmp_path / "copy.json"
    alone.write_bytes(builtin_trial_path().read_bytes())
    answers = FIXTURES / "full.answers.json"
    made = {}
    for name, trial in (("built-in", ()), ("folder", ("--trial", str(builtin_trial_path().parent))),
                        ("file alone", ("--trial", str(alone)))):
        out = tmp_path / f"{name}.pdf"
        assert _run(capsys, "pdf", str(answers), *trial, "-o", str(out), "--start-date", "2027-01-04",
                    "--paper", "letter")[0] == 0
        made[name] = out.read_bytes()
    assert made["built-in"] == made["folder"] == made["file alone"]
    assert "Words used in this summary" in _pdf_text(tmp_path / "built-in.pdf")

"""Compare studies (issue 17, item 5): the pure core comparison, table-driven on sample
records and the built-in study; the self-check counts are those of `check --trial`
itself; the page "Studies I looked at" read back with pdftotext; the CLI `compare`."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from explainer.answers_io import load_answers
from explainer.cli import main
from explainer.content import load_questions, load_trial
from explainer.core.answers import Answers, new_answers_file
from explainer.core.compare import StudyFacts, comparison, record_facts, trial_facts
from explainer.core.registry_record import Status, from_registry_json
from explainer.core.study_pages import Place
from explainer.study_words_io import compare_words, study_summary_words, study_words
from tests.conftest import FIXTURES
from tests.readability import MAX_GRADE, grade

CTGOV = FIXTURES / "ctgov"
ANSWERS = FIXTURES / "full.answers.json"
TODAY = dt.date(2026, 12, 5)
WORDS = compare_words()


def _record(nct_id: str):
    return from_registry_json(json.loads((CTGOV / f"{nct_id}.json").read_text(encoding="utf-8")))[0]


def _facts(nct_id: str, with_answers: bool = True) -> StudyFacts:
    answers = load_answers(ANSWERS, None) if with_answers else None
    if nct_id == "built-in":
        return trial_facts(load_trial(None), answers, load_questions())
    return record_facts(_record(nct_id), answers, study_summary_words().check)


def _cells(facts: StudyFacts, place: Place | None = None) -> dict[str, str]:
    table = comparison([facts], WORDS, study_words(), place, TODAY)
    return {row.aspect: row.cells[0] for row in table.rows}


# ---------------------------------------------------------------- the facts of each study

CASES = [
    # study, status, date, phase, randomised, placebo, groups
    ("built-in", Status.ACTIVE_NOT_RECRUITING, "Record updated September 26, 2025", "Phase 2", "No: one group",
     "No", "1"),
    ("NCT04267848", Status.RECRUITING, "Checked August 2025", "Phase 3", "Yes", "No", "3"),
    ("NCT00184067", Status.TERMINATED, "Checked January 2014", "Phase 2", "Yes", "No", "2"),
    ("NCT04431453", Status.COMPLETED, "Checked November 2023", "Phase 2, Phase 3", "No", "No", "8"),
    ("NCT05147467", Status.RECRUITING, "Checked January 2024", "Phase 2", "No: one group", "No", "1"),
    ("NCT03475563", Status.UNKNOWN, "Checked November 2019", "Not a test of a treatment",
     "Not a test of a treatment", "Not a test of a treatment", "1"),
    ("NCT03453554", None, "No date given", "Not given", "The record does not say", "The record does not say",
     "The record does not say"),
]


@pytest.mark.parametrize(("study", "status", "date", "phase", "randomised", "placebo", "groups"), CASES,
                         ids=[case[0] for case in CASES])
def test_each_study_says_its_status_design_and_groups(study, status, date, phase, randomised, placebo,
                                                      groups) -> None:
    facts = _facts(study)
    cells = _cells(facts)
    assert facts.status is status
    expected_status = study_words().status.overall[status].short if status else WORDS.status_missing
    assert cells["status"].casefold() == expected_status.casefold()
    assert cells["status_date"].startswith(date)
    assert (cells["phase"], cells["randomised"], cells["placebo"], cells["groups"]) == (
        phase, randomised, placebo, groups)


@pytest.mark.parametrize(("study", "today", "old"), [
    ("built-in", TODAY, True),                  # updated September 26, 2025
    ("NCT04267848", TODAY, True),               # checked August 2025
    ("NCT04267848", dt.date(2026, 8, 31), False),  # "August 2025" may mean the 31st: not yet a year
    ("NCT04267848", dt.date(2026, 9, 1), True),
    ("NCT00184067", TODAY, False),              # terminated: a final status does not go out of date
])
def test_an_old_status_date_says_it_may_be_out_of_date(study, today, old) -> None:
    table = comparison([_facts(study)], WORDS, study_words(), None, today)
    cell = next(row.cells[0] for row in table.rows if row.aspect == "status_date")
    assert (WORDS.status_old in cell) is old


def test_a_placebo_group_is_said() -> None:
    data = json.loads((CTGOV / "NCT05147467.json").read_text(encoding="utf-8"))
    bare = data["studies"][0] if "studies" in data else data
    bare["protocolSection"]["armsInterventionsModule"]["armGroups"][0]["type"] = "PLACEBO_COMPARATOR"
    facts = record_facts(from_registry_json(bare)[0], None, study_summary_words().check)
    assert _cells(facts)["placebo"] == "Yes"


# ---------------------------------------------------------------- the self-check, as `check --trial` gives it

def _check_json(nct_id: str) -> Counter:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["check", str(ANSWERS), "--trial", str(CTGOV / f"{nct_id}.json"), "--json"]) == 0
    # An item that only explains a word (spec addition "explains") is counted in none.
    return Counter(row["status"] for row in json.loads(out.getvalue())["criteria"] if not row["explains"])


@pytest.mark.parametrize(("nct_id", "met", "open_", "not_met", "unmet_ids"), [
    # platelets 30 x 10^9/L against at least 100,000 /mm^3; inc-1 explains a word, counted in none
    ("NCT04267848", 6, 17, 1, ["inc-21"]),
    ("NCT00184067", 1, 13, 0, []),
    ("NCT05147467", 2, 12, 0, []),
    ("NCT03453554", 0, 0, 0, []),            # a record with no criteria at all
])
def test_the_self_check_counts_are_those_of_check_trial(nct_id, met, open_, not_met, unmet_ids) -> None:
    check = _facts(nct_id).check
    assert check is not None
    assert (check.met, check.open, check.not_met) == (met, open_, not_met)
    from_cli = _check_json(nct_id)
    assert (from_cli["satisfied"], from_cli["unknown"], from_cli["not_satisfied"]) == (met, open_, not_met)
    assert [rule.id for rule in check.not_met_rules] == unmet_ids
    cells = _cells(_facts(nct_id))
    assert cells["self_check"] == WORDS.check_counts.format(met=met, open=open_, not_met=not_met)
    if unmet_ids:
        number = unmet_ids[0].removeprefix("inc-")  # the check page's "Needed, 21 of 25"
        assert cells["not_met"].startswith(f"Needed, number {number}: Platelet count: at least 100,000")
    else:
        assert cells["not_met"] == WORDS.not_met_none


def test_the_built_in_study_uses_its_hand_written_rules() -> None:
    trial = load_trial(None)
    from explainer.core.eligibility import evaluate

    report = evaluate(trial, load_answers(ANSWERS, None), load_questions())
    check = _facts("built-in").check
    counts = Counter(c.status.value for c in report.criteria)
    assert (check.met, check.open, check.not_met) == (counts["satisfied"], counts["unknown"],
                                                      counts["not_satisfied"])
    assert [r.id for r in check.not_met_rules] == ["neuropathy"]   # grade 3 against "no worse than grade 2"
    assert "grade 2" in _cells(_facts("built-in"))["not_met"]


@pytest.mark.parametrize("study", ["built-in", "NCT04267848", "NCT03453554"])
@pytest.mark.parametrize("answers", ["none", "empty"])
def test_no_answers_is_not_started(study, answers) -> None:
    given = None if answers == "none" else new_answers_file("NCT04883242", TODAY, Answers())
    facts = (trial_facts(load_trial(None), given, load_questions()) if study == "built-in"
             else record_facts(_record(study), given, study_summary_words().check))
    cells = _cells(facts)
    assert facts.check is None
    assert cells["self_check"] == WORDS.check_not_started and cells["not_met"] == WORDS.not_met_not_started


# ---------------------------------------------------------------- visits a month

def test_visits_a_month_come_from_the_curated_schedule() -> None:
    visits = _facts("built-in").visits
    # Cycle 1: isatuximab and carfilzomib drips on days 1, 8, 15 and 22 (isatuximab on 22);
    # cycles 2-6: days 1, 8, 15 and dexamethasone maybe by drip on 22; maintenance: 1 and 15.
    assert [(v.clinic_days, v.maybe_days, v.cycle_days) for v in visits] == [(4, 0, 28), (3, 1, 28), (2, 2, 28)]
    lines = _cells(_facts("built-in"))["visits"].split("\n")
    assert [re.search(r"about (\d+) a month", line).group(1) for line in lines] == ["4", "3", "2"]
    assert "1 more if dexamethasone is given by drip" in lines[1]
    # A part's name that ends in a number never runs into the count: "Induction cycle 1. 4
    # clinic days" read as "cycle 1.4".
    assert not [line for line in lines if re.search(r"\d\. \d", line)]
    assert lines[0].startswith("Induction cycle 1. It has 4 clinic days in 28 days")


@pytest.mark.parametrize("nct_id", ["NCT04267848", "NCT00184067", "NCT05147467"])
def test_a_record_gives_no_visits(nct_id) -> None:
    assert _facts(nct_id).visits is None
    assert _cells(_facts(nct_id))["visits"] == WORDS.visits_not_known


# ---------------------------------------------------------------- a place in the chosen state or country

@pytest.mark.parametrize(("study", "place", "expected"), [
    ("built-in", Place(), WORDS.place_choose),
    ("built-in", Place("United States", "Washington"),
     "1 in Washington, United States: Fred Hutch/University of Washington Cancer Consortium, Seattle, Washington"),
    ("built-in", Place("United States", "Ohio"), "None in Ohio, United States. 1 in United States: Fred Hutch"),
    ("built-in", Place("Canada"), "None in Canada"),
    ("NCT00184067", Place(state="california"), "1 in california: USC/Norris Comprehensive Cancer Center"),
    ("NCT04267848", Place("United States", "Washington"), "36 in Washington, United States. One is: "),
    ("NCT05147467", Place("China"), "11 in China. One is: "),
    ("NCT03453554", Place("China"), WORDS.place_none_at_all),
])
def test_the_place_shown_is_in_the_chosen_state_or_country(study, place, expected) -> None:
    assert _cells(_facts(study, with_answers=False), place)["place"].startswith(expected)


def test_a_place_taking_new_people_comes_first() -> None:
    text = _cells(_facts("NCT04267848", with_answers=False), Place("United States", "Washington"))["place"]
    site = text.split("One is: ")[1]
    study = _record("NCT04267848")
    taking = [s for s in study.sites if (s.state or "") == "Washington" and s.status is Status.RECRUITING]
    assert taking and site.startswith(taking[0].facility)


# ---------------------------------------------------------------- the table and its words

def test_the_table_has_a_column_per_study_in_order() -> None:
    studies = [_facts(s) for s in ("built-in", "NCT04267848", "NCT00184067", "NCT05147467")]
    table = comparison(studies, WORDS, study_words(), Place(), TODAY)
    assert table.nct_ids == ("NCT04883242", "NCT04267848", "NCT00184067", "NCT05147467")
    assert table.headings[1] == "Study NCT04267848"
    assert [row.aspect for row in table.rows] == list(WORDS.aspects)
    assert all(len(row.cells) == 4 for row in table.rows)
    assert comparison([], WORDS, study_words()).intro == WORDS.no_studies


def _prose(text: str) -> str:
    text = re.sub(r"\{[a-z_]+\}", "ten", text).strip()
    return text if text[-1:] in ".?!:" else f"{text}."


# A label of one or two words gets a meaningless grade alone; it is scored with the rest.
SENTENCES = [text for text in WORDS.all_prose() if len(text.split()) >= 6]


@pytest.mark.parametrize("text", SENTENCES, ids=lambda t: t[:30])
def test_each_text_reads_at_grade_8_or_lower(text) -> None:
    assert grade(_prose(text)) <= MAX_GRADE


def test_all_the_texts_together_read_at_grade_8_or_lower() -> None:
    assert len(SENTENCES) >= 10
    assert grade("\n".join(_prose(text) for text in WORDS.all_prose())) <= MAX_GRADE


def test_the_words_never_say_who_can_join() -> None:
    forbidden = re.compile(r"\beligib|\bmatch|\bqualif", re.IGNORECASE)
    shown = [*WORDS.all_prose()]
    for study in ("built-in", "NCT04267848", "NCT00184067"):
        shown += _cells(_facts(study), Place("United States", "Washington")).values()
    assert not [t for t in shown if forbidden.search(t) and not t.startswith("Needed")]


# ---------------------------------------------------------------- the PDF page and the command

def _pdf_text(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_compare_command_writes_the_page(tmp_path) -> None:
    out = tmp_path / "compare.pdf"
    records = [str(CTGOV / f"{n}.json") for n in ("NCT04267848", "NCT00184067", "NCT05147467")]
    status = main(["compare", "--built-in", *records, "--answers", str(ANSWERS), "--country", "United States",
                   "--state", "Washington", "--paper", "a4", "-o", str(out)])
    assert status == 0
    text = _pdf_text(out, "-layout")  # rows as they stand on the page
    flat = " ".join(_pdf_text(out).split())  # each cell's lines together
    assert text.lstrip().startswith("Studies I looked at")
    for nct_id in ("NCT04883242", "NCT04267848", "NCT00184067", "NCT05147467"):
        assert f"Study {nct_id}" in text
    for label in WORDS.aspects.values():
        assert " ".join(label.split()[:1]) in text
    # the cell wraps beside its neighbours' lines: its first words, then its limit
    assert "Seem not met: 1." in flat and "Needed, number 21: Platelet count:" in flat
    assert "at least 100,000 /µL" in flat
    assert "about 4 a month" in flat and "Not known from the record" in flat
    assert "36 in Washington," in text
    assert "Only the study team decides who can take part" in flat
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fonts and "Helvetica" not in fonts


def test_the_compare_command_gives_the_same_bytes_twice(tmp_path) -> None:
    args = ["compare", str(CTGOV / "NCT04267848.json"), "--paper", "letter"]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    from explainer.commands import compare

    for path in (first, second):
        parsed = __import__("explainer.cli", fromlist=["build_parser"]).build_parser("compare").parse_args(
            [*args[1:], "-o", str(path)])
        assert compare.run(parsed, TODAY) == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(("args", "says"), [
    (["compare", "-o", "x.pdf"], "give at least one record file, or --built-in"),
    (["compare", "--trial", "t.json", "--built-in", "-o", "x.pdf"], "not --trial or --study"),
    (["compare", "missing.json", "-o", "x.pdf"], "missing.json"),
])
def test_bad_compare_input_is_one_line_and_exit_2(args, says, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_a_saved_web_page_given_as_a_record_is_one_plain_sentence(tmp_path, capsys) -> None:
    page = tmp_path / "page.json"
    page.write_text("<!doctype html><html><body>no</body></html>", encoding="utf-8")
    assert main(["compare", str(page), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "saved web page" in capsys.readouterr().err


def test_a_record_s_words_are_shown_as_written_never_as_markup(tmp_path) -> None:
    data = json.loads((CTGOV / "NCT05147467.json").read_text(encoding="utf-8"))
    bare = data["studies"][0] if "studies" in data else data
    bare["protocolSection"]["identificationModule"]["briefTitle"] = 'A <b>bold</b> & <font color="red">red</font> title'
    record = tmp_path / "hostile.json"
    record.write_text(json.dumps(bare), encoding="utf-8")
    out = tmp_path / "hostile.pdf"
    assert main(["compare", str(record), "-o", str(out)]) == 0
    flat = " ".join(_pdf_text(out).split())
    assert 'A <b>bold</b> & <font color="red">red</font> title' in flat


# A rule the patient answered themselves ("Does this apply to you?") is named in the
# table by the record's own words, quoted: the cell once read "Needed (inc-1): Does this
# apply to you?". (record, item, the patient's answer, the start of the cell)
OWN_ANSWERS = [
    ("NCT04267848", "inc-2", "no", "Needed, number 2: “Local testing of EGFR with no EGFR exon 19 deletion"),
    ("NCT04267848", "inc-5", "no", "Needed, number 5: “Completely resected stage IIA, IIB IIIA or IIIB"),
    ("NCT00184067", "exc-1", "yes", "Keeps people out, number 1: “"),
]


@pytest.mark.parametrize(("nct_id", "item_id", "answer", "cell"), OWN_ANSWERS)
def test_a_rule_the_patient_answered_is_named_by_the_records_words(nct_id, item_id, answer, cell) -> None:
    import datetime as dt

    from explainer.core.answers import CriterionAnswer
    from explainer.core.study_check import study_rules, words_fingerprint

    study = _record(nct_id)
    item = next(item for item in study_rules(study)[0] if item.id == item_id)
    bank = load_questions()
    given = new_answers_file(study.nct_id, dt.date(2026, 12, 1), bank.answers_model.model_validate({"age_years": 60}),
                             {item_id: CriterionAnswer(answer=answer, words=words_fingerprint(item))})
    shown = _cells(record_facts(study, given, study_summary_words().check))["not_met"]
    assert shown.startswith(cell) and study_summary_words().check.unread not in shown
    assert all(len(line) < 200 for line in shown.split("\n"))  # the record's words, shortened


def test_an_item_that_explains_a_word_is_never_a_rule_not_met_even_with_a_kept_no() -> None:
    """NCT04267848 inc-1 defines "female of childbearing potential": a "no" kept in an
    answers file (as the app once asked it) is no rule not met, and is counted in none."""
    import datetime as dt

    from explainer.core.answers import CriterionAnswer
    from explainer.core.study_check import study_rules, words_fingerprint

    study = _record("NCT04267848")
    item = next(item for item in study_rules(study)[0] if item.id == "inc-1")
    bank = load_questions()
    empty = new_answers_file(study.nct_id, dt.date(2026, 12, 1), bank.answers_model.model_validate({"age_years": 60}))
    given = new_answers_file(study.nct_id, dt.date(2026, 12, 1), bank.answers_model.model_validate({"age_years": 60}),
                             {"inc-1": CriterionAnswer(answer="no", words=words_fingerprint(item))})
    with_no, without = (record_facts(study, answers, study_summary_words().check) for answers in (given, empty))
    assert _cells(with_no)["not_met"] == WORDS.not_met_none
    assert with_no.check == without.check and with_no.check is not None
    assert with_no.check.met + with_no.check.open + with_no.check.not_met == len(study_rules(study)[0]) - 1

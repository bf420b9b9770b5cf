"""`--trial` given a ClinicalTrials.gov record, on every command (spec §3), over all ten samples.

check prints every criterion item once (JSON or words, the status first); pdf and
html print the summary (read back with pdftotext, parsed strictly with html5lib);
calendar says the record gives no schedule; every bad input is exit 2, one line,
and no output file. The sample records hold real contact details: the tests look
for the app's words and counts, never print the records.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import html5lib
import pytest

from explainer.cli import main
from explainer.core.criteria import split_criteria
from explainer.records_io import read_studies
from explainer.study_words_io import study_words

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("NCT*.json"))
FULL_ANSWERS = Path(__file__).parent / "fixtures" / "full.answers.json"  # saved for NCT04883242
BIG = "NCT04267848"  # 1,148 places
SCHEDULE = "this record gives no treatment schedule; ask the study team"
PAGE_ORDER = ("Is the study taking new people?", "What happens in the study", "Who can take part",
              "Where and whom to ask", "Questions to ask", "Please read", "Hard words in this summary")
RECRUITING = {"NCT04267848", "NCT05147467", "NCT06388018"}


def sample(nct_id: str) -> Path:
    return SAMPLES / f"{nct_id}.json"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("trial-explainer: "), err
    return err


def answers_file(tmp_path: Path, **given: object) -> Path:
    path = tmp_path / "mine.answers.json"
    path.write_text(json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242",
                                "as_of": "2026-11-23", "answers": given}), encoding="utf-8")
    return path


# ---------------------------------------------------------------- check

@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_check_json_lists_every_criterion_item_once(nct_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--trial", str(sample(nct_id)), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    study = read_studies(sample(nct_id))[0]
    items = split_criteria(study.criteria or "").items
    assert out["trial"] == nct_id
    assert [row["id"] for row in out["criteria"]] == [item.id for item in items]
    assert out["recruiting"] is (nct_id in RECRUITING)
    for row, item in zip(out["criteria"], items, strict=True):
        assert row["kind"] == item.kind and row["source"] == item.source
        assert row["status"] == "unknown"  # no answers: nothing is known
        assert row["read"] is None or set(row["read"]) >= {"question", "op", "value", "unit", "uln"}
        assert row["plain"] and row["reason"]
    assert out["overall"] == ("incomplete" if items else "possible_match")


def test_check_json_evaluates_read_rules_against_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = answers_file(tmp_path, age_years=64, ecog=2, anc={"value": 1.2, "unit": "10^9/L"},
                           platelets={"value": 150, "unit": "10^9/L"})
    assert main(["check", str(answers), "--trial", str(sample(BIG)), "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)["criteria"]}
    assert {key: rows[key]["status"] for key in ("inc-12", "inc-13", "inc-20", "inc-21", "inc-22", "inc-1")} == {
        "inc-12": "satisfied", "inc-13": "not_satisfied", "inc-20": "not_satisfied", "inc-21": "satisfied",
        "inc-22": "unknown", "inc-1": "unknown"}
    assert rows["inc-21"]["read"] == {"question": "platelets", "op": ">=", "value": 100000, "unit": "/mm^3",
                                      "uln": False, "condition": None}


def test_answers_made_for_another_study_open_and_the_unasked_are_named(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FULL_ANSWERS), "--trial", str(sample("NCT05147467"))]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "not asked by study NCT05147467" in captured.err
    assert "prior_lenalidomide" in captured.err and "age_years" not in captured.err


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_check_words_put_the_status_first_and_never_say_eligible(nct_id: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FULL_ANSWERS), "--trial", str(sample(nct_id))]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    status = read_studies(sample(nct_id))[0].overall_status
    words = study_words().status
    assert lines[2] == (words.overall[status].answer if status else words.missing)  # after the heading
    own = [line for line in lines if not line.startswith("    > ")]  # the record's own words may say it
    assert not any(word in line.lower() for line in own for word in ("eligible", "match"))
    assert "\x1b" not in out


# ---------------------------------------------------------------- pdf

@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_pdf_of_every_sample_has_the_parts_in_order(nct_id: str, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    assert main(["pdf", str(FULL_ANSWERS), "-o", str(out), "--trial", str(sample(nct_id)), "--paper", "a4"]) == 0
    text = " ".join(pdf_text(out).split())
    assert text.index(PAGE_ORDER[0]) < text.index(PAGE_ORDER[1])  # the status first
    position = 0
    for heading in PAGE_ORDER:  # each page's title after the one before it
        position = text.index(heading, position) + len(heading)
    assert f"Study {nct_id}" in text and "Only the study team decides that." in text
    assert "eligible" not in text.split("Who can take part")[0].lower()


def test_pdf_lists_the_nearest_places_and_counts_the_rest(tmp_path: Path) -> None:
    everywhere, alaska = tmp_path / "all.pdf", tmp_path / "ak.pdf"
    assert main(["pdf", "-o", str(everywhere), "--trial", str(sample(BIG))]) == 0
    assert main(["pdf", "-o", str(alaska), "--trial", str(sample(BIG)), "--state", "alaska",
                 "--country", "United States"]) == 0
    text = " ".join(pdf_text(everywhere).split())
    assert "The record lists 1,148 places in 2 countries." in text
    # No place chosen: the counts by country, not the record's first ten places (near no one).
    assert "By country: United States: 1,147 places; Guam: 1 place." in text
    assert "Anchorage" not in text and "more places" not in text
    text = " ".join(pdf_text(alaska).split())
    assert "Places near you: Alaska, United States" in text
    assert "Here are 9 of the 1,148 places: the ones in Alaska, United States." in text
    assert text.count("Alaska, 99") + text.count("Alaska, 995") >= 1 and "more places" not in text


def test_pdf_shows_the_patients_answer_beside_a_read_rule(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    answers = answers_file(tmp_path, anc={"value": 1.2, "unit": "10^9/L"})
    assert main(["pdf", str(answers), "-o", str(out), "--trial", str(sample(BIG))]) == 0
    text = " ".join(pdf_text(out).split())
    assert ("What the app found: ✗ Seems not met. Neutrophil count, your answer: 1.2 ×10⁹/L, which is 1,200 /µL. "
            "The record's limit: at least 1,500 /µL.") in text


def own_answers_file(tmp_path: Path, nct_id: str, own: dict[str, str]) -> Path:
    """The patient's yes / no / unsure to items, fingerprinted as the window saves them."""
    from explainer.core.study_check import words_fingerprint

    items = {item.id: item for item in split_criteria(read_studies(sample(nct_id))[0].criteria or "").items}
    path = tmp_path / "own.answers.json"
    path.write_text(json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": nct_id,
                                "as_of": "2026-11-23", "answers": {}, "criteria": {
                                    key: {"answer": answer, "words": words_fingerprint(items[key])}
                                    for key, answer in own.items()}}), encoding="utf-8")
    return path


DEFINITION = "A female of childbearing potential is a sexually mature female who:"  # NCT04267848 inc-1


def test_an_item_that_explains_a_word_is_no_rule_in_check_and_pdf(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A "no" kept for NCT04267848 inc-1 (the app once asked it) made a man's check say
    "Seems not met ... The study needs it" for a definition."""
    answers = own_answers_file(tmp_path, BIG, {"inc-1": "no", "inc-2": "yes"})
    assert main(["check", str(answers), "--trial", str(sample(BIG)), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    first, second = out["criteria"][:2]
    assert (first["id"], first["status"], first["plain"], first["explains"], first["read"]) == (
        "inc-1", "unknown", "This explains a word the rules use.", True, None)
    assert (second["status"], second["explains"]) == ("satisfied", False)
    assert out["overall"] == "incomplete" and all(row["status"] in ("satisfied", "not_satisfied", "unknown")
                                                  for row in out["criteria"])
    assert main(["check", str(answers), "--trial", str(sample(BIG))]) == 0
    words = capsys.readouterr().out
    assert "[Explains a word] (inc-1): This explains a word the rules use.\n    > " + DEFINITION in words
    assert "[✓ Seems met] Needed (inc-2):" in words and "Seems not met" not in words
    pdf = tmp_path / "summary.pdf"
    assert main(["pdf", str(answers), "-o", str(pdf), "--trial", str(sample(BIG))]) == 0
    text = " ".join(pdf_text(pdf).split())
    shown = text[text.index(DEFINITION):text.index("Local testing of EGFR")]
    assert shown.startswith(DEFINITION + " What the app found: This explains a word the rules use. ")
    assert "Has not undergone a hysterectomy" in shown and "Seems" not in shown and "needs it" not in shown


def test_the_pdf_is_the_same_bytes_each_time(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        assert main(["pdf", str(FULL_ANSWERS), "-o", str(out), "--trial", str(sample("NCT06388018"))]) == 0
    assert first.read_bytes() == second.read_bytes()


# ---------------------------------------------------------------- html

@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_html_of_every_sample_parses_strictly(nct_id: str, tmp_path: Path) -> None:
    out = tmp_path / "summary.html"
    assert main(["html", str(FULL_ANSWERS), "-o", str(out), "--trial", str(sample(nct_id))]) == 0
    page = out.read_text(encoding="utf-8")
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    assert tree.get("lang") == "en"
    ids = [element.get("id") for element in tree.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    headings = [" ".join("".join(h.itertext()).split()) for h in tree.iter("h2")]
    assert headings[:4] == list(PAGE_ORDER[:4]) and headings[-3:] == list(PAGE_ORDER[-3:])
    assert len(list(tree.iter("h1"))) == 1
    assert not list(tree.iter("script")) and "http" not in "".join(e.get("src") or "" for e in tree.iter())


# ---------------------------------------------------------------- calendar, several studies, bad input

@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_calendar_says_a_record_gives_no_schedule(nct_id: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "my.ics"
    assert main(["calendar", "--trial", str(sample(nct_id))]) == 2
    assert one_line_error(capsys) == f"trial-explainer: {SCHEDULE}\n"
    assert main(["calendar", "--trial", str(sample(nct_id)), "--start-date", "2027-01-04", "-o", str(out)]) == 2
    one_line_error(capsys)
    assert not out.exists()


def two_studies(tmp_path: Path) -> Path:
    studies = [json.loads(sample(n).read_text(encoding="utf-8")) for n in ("NCT00973089", "NCT03934567")]
    path = tmp_path / "search.json"
    path.write_text(json.dumps({"studies": studies}), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["check", "--json"], ["pdf", "-o", "{out}"], ["html", "-o", "{out}"]])
def test_a_file_of_several_studies_needs_study(command: list[str], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.file"
    args = [part.replace("{out}", str(out)) for part in command] + ["--trial", str(two_studies(tmp_path))]
    assert main(args) == 2
    err = one_line_error(capsys)
    assert "NCT00973089" in err and "NCT03934567" in err and "--study" in err and not out.exists()
    assert main([*args, "--study", "nct03934567"]) == 0
    if command[0] == "check":
        assert json.loads(capsys.readouterr().out)["trial"] == "NCT03934567"
    else:
        assert out.exists()
    assert main([*args, "--study", "NCT04883242"]) == 2
    assert "no study NCT04883242" in one_line_error(capsys)


BAD = {
    "saved web page": b"<!DOCTYPE html><html><head><title>Study</title></head><body>hi</body></html>",
    "CSV download": b"NCT Number,Study Title,Study URL\nNCT1,x,y\n",
    "PDF": b"%PDF-1.4\n%\xe2\xe3\n",
    "classic XML": b'<?xml version="1.0"?>\n<clinical_study><id_info><nct_id>NCT00000001</nct_id></id_info>'
                   b"</clinical_study>",
    "empty studies": b'{"studies": []}',
    "not a study": b'{"hello": "world"}',
    "invalid UTF-8": b'{"protocolSection": "\xff\xfe\xfa"}',
    "not JSON": b"{ this is not json",
}


@pytest.mark.parametrize("kind", list(BAD))
@pytest.mark.parametrize("command", ["check", "pdf", "html", "calendar"])
def test_every_bad_record_is_one_line_and_no_file(kind: str, command: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "record.json"
    bad.write_bytes(BAD[kind])
    out = tmp_path / "out.file"
    args = {"check": ["check"], "pdf": ["pdf", "-o", str(out)], "html": ["html", "-o", str(out)],
            "calendar": ["calendar", "--start-date", "2027-01-04", "-o", str(out)]}[command]
    assert main([*args, "--trial", str(bad)]) == 2
    err = one_line_error(capsys)
    assert str(bad) in err and "Traceback" not in err
    assert not out.exists()


def test_a_record_too_large_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "huge.json"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    assert main(["check", "--trial", str(big)]) == 2
    assert "50 MB" in one_line_error(capsys)


def test_study_without_a_record_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FULL_ANSWERS), "--study", "NCT04267848"]) == 2
    assert "--study" in one_line_error(capsys)


def test_a_record_with_a_start_date_says_it_has_no_schedule(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.pdf"
    assert main(["pdf", "-o", str(out), "--trial", str(sample(BIG)), "--start-date", "2027-01-04"]) == 2
    assert SCHEDULE in one_line_error(capsys) and not out.exists()


HOSTILE = {"protocolSection": {
    "identificationModule": {"nctId": "NCT00000002", "briefTitle": "<b>Bold</b> & <img src=x> \x1b[31mred"},
    "statusModule": {"overallStatus": "RECRUITING"},
    "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* <i>not italic</i> & \x1b[2J"},
    "contactsLocationsModule": {"locations": [{"facility": "<a href='x'>Clinic</a>", "city": "Town",
                                               "country": "Nowhere"}]}}}


def test_a_records_markup_is_shown_as_letters_everywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = tmp_path / "hostile.json"
    record.write_text(json.dumps(HOSTILE), encoding="utf-8")
    pdf, page = tmp_path / "h.pdf", tmp_path / "h.html"
    assert main(["pdf", "-o", str(pdf), "--trial", str(record)]) == 0
    assert main(["html", "-o", str(page), "--trial", str(record)]) == 0
    text = pdf_text(pdf)
    assert "<i>not italic</i> &" in text and "<a href='x'>Clinic</a>" in text
    html = page.read_text(encoding="utf-8")
    assert "&lt;i&gt;not italic&lt;/i&gt; &amp;" in html and "<a href" not in html and "<i>" not in html
    html5lib.HTMLParser(strict=True).parse(html)
    assert main(["check", "--trial", str(record)]) == 0
    out = capsys.readouterr().out
    assert "<i>not italic</i> &" in out and "\x1b" not in out


def test_validate_names_a_record_and_a_broken_trial_file_by_its_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(sample(BIG))]) == 0
    assert "study NCT04267848: 25 criteria items, 1,148 places" in capsys.readouterr().out
    trial = json.loads((Path(__file__).parents[1] / "resources" / "trials" / "NCT04883242" / "trial.json").read_text("utf-8"))
    trial["format"] = "trial-explainer-tril"
    broken = tmp_path / "trial.json"
    broken.write_text(json.dumps(trial), encoding="utf-8")
    assert main(["check", str(FULL_ANSWERS), "--trial", str(broken)]) == 2
    assert "format:" in one_line_error(capsys)

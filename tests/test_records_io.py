"""A record file the user gives: every kind of wrong file is one plain sentence.

The sample records hold real contact details of study staff: these tests assert on
numbers and messages, never on objects that would print them when an assertion fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explainer import files, records_io
from explainer.errors import UsageError
from explainer.records_io import MAX_RECORD_BYTES, RecordFileError, pick, read_record, read_studies

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("NCT*.json"))


def sample_json(nct_id: str) -> dict:
    data = json.loads((SAMPLES / f"{nct_id}.json").read_text(encoding="utf-8"))
    return data["studies"][0] if "studies" in data else data


def problem_with(tmp_path: Path, content: bytes, name: str = "record.json") -> RecordFileError:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RecordFileError) as caught:
        read_record(path)
    return caught.value


def assert_one_plain_sentence(err: RecordFileError, path: Path | None = None) -> None:
    assert "\n" not in str(err) and err.plain.endswith(".")
    assert err.plain[0].isupper()
    if path is not None:
        assert str(err) == f"{path}: {err.plain}"  # the command line names the file; the window does not
        assert str(path) not in err.plain
    assert isinstance(err, UsageError)  # the command line: exit 2, one line


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_every_sample_opens_and_its_kept_form_opens_again(tmp_path: Path, nct_id: str) -> None:
    record = read_record(SAMPLES / f"{nct_id}.json")
    assert [study.nct_id for study in record.studies] == [nct_id]
    again = tmp_path / "again.json"
    again.write_bytes(record.study_json(nct_id))
    assert read_studies(again)[0] == record.studies[0]
    assert b'"studies"' not in record.study_json(nct_id)[:20]  # a search response is kept unwrapped


def test_a_bare_study_is_kept_exactly_as_given() -> None:
    path = SAMPLES / "NCT03934567.json"
    assert read_record(path).study_json("NCT03934567") == path.read_bytes()


HTML = b"""<!DOCTYPE html>
<html lang="en"><head><title>Study Details | NCT03934567 | ClinicalTrials.gov</title></head>
<body><h1>A study</h1></body></html>"""
CSV = (b'"NCT Number","Study Title","Study URL","Acronym","Study Status","Brief Summary"\n'
       b'"NCT03934567","A Study of Abexinostat","https://clinicaltrials.gov/study/NCT03934567","",'
       b'"ACTIVE_NOT_RECRUITING","..."\n')
TSV = b"NCT Number\tStudy Title\tStudy Status\nNCT03934567\tA Study\tRECRUITING\n"
RIS = b"TY  - JOUR\nT1  - A Study of Abexinostat\nUR  - https://clinicaltrials.gov/study/NCT03934567\nER  - \n"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
CLASSIC_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<clinical_study rank="1">
  <id_info><org_study_id>A1</org_study_id><nct_id>NCT00184067</nct_id></id_info>
  <brief_title>A vaccine study</brief_title>
</clinical_study>"""
OLD_JSON = json.dumps({"FullStudiesResponse": {"APIVrs": "1.01.05", "FullStudies": [
    {"Rank": 1, "Study": {"ProtocolSection": {"IdentificationModule": {"NCTId": "NCT00184067"}}}}]}}).encode()
OLD_FIELDS_JSON = json.dumps({"StudyFieldsResponse": {"StudyFields": [{"NCTId": ["NCT03934567"]}]}}).encode()


@pytest.mark.parametrize(("content", "words"), [
    (HTML, "saved web page"),
    (b"\xef\xbb\xbf" + HTML, "saved web page"),
    (CSV, "table (CSV)"),
    (TSV, "table (CSV)"),
    (b"id,name,notes\n1,a,b\n", "table (CSV)"),
    (RIS, "citation file (RIS)"),
    (PDF, "PDF document"),
    (CLASSIC_XML, "old ClinicalTrials.gov format (XML)"),
    (b"<?xml version='1.0'?><feed><entry/></feed>", "XML or web file"),
    (OLD_JSON, "old ClinicalTrials.gov format"),
    (OLD_FIELDS_JSON, "old ClinicalTrials.gov format"),
    (b'{"studies": []}', "holds no studies"),
    (b'{"studies": [], "nextPageToken": null}', "holds no studies"),
    (b'{"shopping": ["milk", "eggs"]}', "not a ClinicalTrials.gov study record"),
    (b"[1, 2, 3]", "a list, not a ClinicalTrials.gov study record"),
    (b'"NCT03934567"', "plain text, not a ClinicalTrials.gov study record"),
    (b"NCT03934567 is the study my doctor told me about.", "plain text"),
    (b'{"protocolSection": {"identificationModule": {"nctId": "NCT03934567", "briefTitle": 5}}}',
     "briefTitle should be text"),
    (b'{"title": "caf\xe9"}', "not UTF-8"),
    (b"\xff\xfe{\x00}\x00", "UTF-16"),
    (b'{"studies": [', "not valid JSON (line 1)"),
    (b'{"a": 1}\n{"b": 2}\n', "not valid JSON (line 2)"),
    (b"{" + b"1" * 5000 + b"}", "not valid JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"PK\x03\x04\x14\x00\x00\x00", "zip archive"),
])
def test_a_file_that_is_not_a_current_record_is_named_in_one_sentence(tmp_path, content, words) -> None:
    err = problem_with(tmp_path, content)
    assert words in err.plain
    assert_one_plain_sentence(err, tmp_path / "record.json")


@pytest.mark.parametrize(("content", "number"), [(CLASSIC_XML, "NCT00184067"), (OLD_JSON, "NCT00184067"),
                                                 (OLD_FIELDS_JSON, "NCT03934567")])
def test_the_old_format_says_where_to_get_the_current_record(tmp_path, content, number) -> None:
    err = problem_with(tmp_path, content)
    assert f"https://clinicaltrials.gov/api/v2/studies/{number}" in err.plain


def test_a_50_mb_file_is_refused_before_a_byte_is_read(tmp_path, monkeypatch) -> None:
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: no real 50 MB written

    def no_reading(*_args):
        raise AssertionError("the file was read")

    monkeypatch.setattr(files.os, "read", no_reading)  # the one reader: files.read_regular_file
    with pytest.raises(RecordFileError) as caught:
        read_record(huge)
    assert "50 MB" in caught.value.plain and "larger than the 20 MB" in caught.value.plain
    assert_one_plain_sentence(caught.value, huge)


def test_a_file_that_grows_past_the_limit_while_read_is_stopped(tmp_path) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(b" " * 2000)
    with pytest.raises(RecordFileError) as caught:
        records_io.read_record_bytes(path, limit=1000)  # the size seen when read, not only fstat's
    assert "larger than" in caught.value.plain


def test_a_file_just_under_the_limit_is_read(tmp_path) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(b" " * 1000)
    assert records_io.read_record_bytes(path, limit=1000) == b" " * 1000
    assert MAX_RECORD_BYTES == 20 * 1024 * 1024


def test_only_a_regular_file_is_read(tmp_path) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(RecordFileError) as caught:
        read_record(folder)
    assert "is a folder" in caught.value.plain

    missing = tmp_path / "missing.json"
    with pytest.raises(RecordFileError) as caught:
        read_record(missing)
    assert "no such file" in caught.value.plain
    assert_one_plain_sentence(caught.value, missing)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(RecordFileError) as caught:
        read_record(fifo)  # without O_NONBLOCK this would wait for a writer for ever
    assert "not an ordinary file" in caught.value.plain


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="no O_NOFOLLOW")
def test_a_link_is_followed_only_when_asked(tmp_path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(SAMPLES / "NCT03934567.json")
    assert read_studies(link)[0].nct_id == "NCT03934567"  # a file the user picked may be a link
    with pytest.raises(RecordFileError) as caught:
        read_record(link, follow_symlinks=False)
    assert "link" in caught.value.plain


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_a_file_the_user_may_not_read(tmp_path) -> None:
    path = tmp_path / "secret.json"
    path.write_bytes(b"{}")
    path.chmod(0)
    with pytest.raises(RecordFileError) as caught:
        read_record(path)
    assert "not allowed to read" in caught.value.plain


# ---------------------------------------------------------------- several studies

@pytest.fixture
def two_studies(tmp_path: Path) -> Path:
    path = tmp_path / "search.json"
    path.write_text(json.dumps({"studies": [sample_json("NCT03934567"), sample_json("NCT05147467")],
                                "nextPageToken": "abc"}), encoding="utf-8")
    return path


def test_a_search_response_with_several_studies_gives_them_all(two_studies: Path) -> None:
    studies = read_studies(two_studies)
    assert [study.nct_id for study in studies] == ["NCT03934567", "NCT05147467"]


@pytest.mark.parametrize(("wanted", "found"), [
    ("NCT05147467", "NCT05147467"),
    ("nct03934567", "NCT03934567"),
    (" NCT03934567 ", "NCT03934567"),
])
def test_study_picks_one_by_its_number(two_studies: Path, wanted: str, found: str) -> None:
    assert pick(read_studies(two_studies), wanted).nct_id == found


@pytest.mark.parametrize(("wanted", "words"), [
    (None, "This file holds 2 studies (NCT03934567, NCT05147467); choose one by its number with --study."),
    ("NCT99999999", "This file has no study NCT99999999; it holds NCT03934567, NCT05147467."),
    ("NCT0393456", "That is not a study number ('NCT0393456'); a study number is NCT and 8 digits"),
    ("NCT０３９３４５６７", "is not a study number"),  # full-width digits are not the registry's
    ("\x1b[31mNCT", "That is not a study number; a"),  # a terminal escape is never echoed
])
def test_study_that_does_not_fit_is_one_sentence(two_studies: Path, wanted, words) -> None:
    with pytest.raises(RecordFileError) as caught:
        pick(read_studies(two_studies), wanted)
    assert words in caught.value.plain
    assert_one_plain_sentence(caught.value)


def test_one_study_needs_no_number(two_studies: Path) -> None:
    assert pick(read_studies(SAMPLES / "NCT05147467.json"), None).nct_id == "NCT05147467"


def test_the_chosen_study_of_several_is_kept_alone(two_studies: Path, tmp_path: Path) -> None:
    record = read_record(two_studies)
    alone = tmp_path / "alone.json"
    alone.write_bytes(record.study_json("NCT05147467"))
    assert [study.nct_id for study in read_studies(alone)] == ["NCT05147467"]
    with pytest.raises(RecordFileError):
        record.study_json("NCT00000000")


def test_reading_a_record_file_loads_no_network_code() -> None:
    probe = ("import sys, explainer.records_io, explainer.kept_studies; "
             "print(' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    loaded = set(out.stdout.split())
    assert "explainer.records_io" in loaded  # the probe really ran
    for module in ("explainer.download", "urllib.request", "http.client", "ssl"):
        assert module not in loaded


@pytest.mark.parametrize("content", [HTML, CSV, TSV, b"id,name,notes\n", RIS, PDF, b"<feed/>", b'{"studies": []}',
                                     b'{"a": 1}', b"\xff", b"{", b"", b"PK\x03\x04", b"\xff\xfe", b"[1]",
                                     b"[" * 100_000])
def test_the_sentences_read_at_grade_8_or_lower(content: bytes) -> None:
    from tests.readability import grade

    with pytest.raises(RecordFileError) as caught:
        records_io.parse_record(content)
    assert grade(caught.value.plain) <= 8, caught.value.plain

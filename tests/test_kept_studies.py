"""Studies you have looked at: kept privately, listed, opened offline, removed; a
damaged kept file is listed as damaged, never a crash."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from explainer import kept_studies
from explainer.core.registry_record import PartialDate, Status
from explainer.kept_studies import keep, kept_path, kept_studies as listed, open_kept, remove_kept, studies_dir
from explainer.records_io import RecordFileError, read_record

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def keep_sample(nct_id: str) -> Path:
    record = read_record(SAMPLES / f"{nct_id}.json")
    return keep(record.studies[0], record.study_json(nct_id))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_kept_study_lives_in_the_data_folder(private_user_folders: Path) -> None:
    path = keep_sample("NCT03934567")
    assert path == private_user_folders / "data" / "trial-explainer" / "studies" / "NCT03934567.json"
    assert path == studies_dir() / "NCT03934567.json"
    assert path.read_bytes() == (SAMPLES / "NCT03934567.json").read_bytes()


@posix_only
def test_kept_files_are_private_even_in_a_folder_made_open_before(private_user_folders: Path) -> None:
    data = private_user_folders / "data" / "trial-explainer"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)  # as an older version (or the umask) left it
    old_umask = os.umask(0)
    try:
        path = keep_sample("NCT03934567")
    finally:
        os.umask(old_umask)
    assert (mode(path), mode(path.parent), mode(data)) == (0o600, 0o700, 0o700)
    assert [p.name for p in path.parent.iterdir()] == ["NCT03934567.json"]  # no temporary file left


def test_a_study_from_a_search_response_is_kept_alone() -> None:
    keep_sample("NCT05147467")  # the sample wraps the study in {"studies": [...]}
    again = read_record(kept_path("NCT05147467"))
    assert [study.nct_id for study in again.studies] == ["NCT05147467"]
    assert again.data  # a bare study now


def test_keeping_again_replaces_the_older_copy() -> None:
    record = read_record(SAMPLES / "NCT03934567.json")
    keep(record.studies[0], b'{"old": true}')
    keep(record.studies[0], record.study_json("NCT03934567"))
    assert open_kept("NCT03934567") == record.studies[0]


def test_the_list_says_number_title_status_and_record_date() -> None:
    for nct_id in ("NCT03934567", "NCT00973089", "NCT02576665"):
        keep_sample(nct_id)
    rows = {row.nct_id: row for row in listed()}
    assert sorted(rows) == ["NCT00973089", "NCT02576665", "NCT03934567"]
    withdrawn = rows["NCT00973089"]
    assert withdrawn.status is Status.WITHDRAWN and withdrawn.title and not withdrawn.damaged
    assert isinstance(withdrawn.record_date, PartialDate)
    assert rows["NCT03934567"].status is Status.ACTIVE_NOT_RECRUITING
    partial = rows["NCT02576665"]  # fetched with fields=: no derivedSection, no update date
    assert partial.record_date is None and partial.status is Status.TERMINATED and not partial.damaged


def test_the_newest_kept_study_is_listed_first() -> None:
    first, second = keep_sample("NCT03934567"), keep_sample("NCT00973089")
    os.utime(first, (1_000_000, 1_000_000))
    os.utime(second, (2_000_000, 2_000_000))
    assert [row.nct_id for row in listed()] == ["NCT00973089", "NCT03934567"]


def test_the_caller_fills_the_self_check_slot() -> None:
    keep_sample("NCT03934567")
    keep_sample("NCT00973089")
    states = {"NCT03934567": "3 of 20 rules answered"}
    rows = listed(self_check=states.get)
    assert {row.nct_id: row.self_check for row in rows} == {"NCT03934567": "3 of 20 rules answered",
                                                              "NCT00973089": None}
    assert all(row.self_check is None for row in listed())


@pytest.mark.parametrize(("plant", "words"), [
    (lambda p: p.write_bytes(b'{"studies": ['), "not valid JSON"),
    (lambda p: p.write_bytes(b"\xff\xfe\xfa"), "UTF-16"),
    (lambda p: p.write_bytes(b"\xc3\x28 not utf-8"), "not UTF-8"),
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_bytes((SAMPLES / "NCT00973089.json").read_bytes()), "holds another study"),
    (lambda p: p.mkdir(), "folder"),
    (lambda p: p.symlink_to(SAMPLES / "NCT03475563.json"), "link"),
    (lambda p: p.symlink_to(p.parent / "nowhere.json"), "link"),
    (lambda p: _sparse(p, 30 * 1024 * 1024), "larger than the 20 MB"),
])
def test_a_damaged_kept_file_is_listed_as_damaged(plant, words) -> None:
    keep_sample("NCT03934567")
    damaged = studies_dir() / "NCT03475563.json"
    plant(damaged)
    (studies_dir() / "notes.txt").write_text("not a study", encoding="utf-8")  # not listed
    (studies_dir() / ".NCT00000001.json.x1y2").write_bytes(b"{")               # a write in progress
    rows = {row.nct_id: row for row in listed()}
    assert sorted(rows) == ["NCT03475563", "NCT03934567"]
    bad = rows["NCT03475563"]
    assert bad.damaged and words in bad.problem and "\n" not in bad.problem
    assert (bad.title, bad.status, bad.record_date) == (None, None, None)
    assert not rows["NCT03934567"].damaged
    with pytest.raises(RecordFileError, match=words):
        open_kept("NCT03475563")
    if damaged.is_dir():
        with pytest.raises(RecordFileError, match="could not remove"):
            remove_kept("NCT03475563")
    else:
        assert remove_kept("NCT03475563") is True
        assert [row.nct_id for row in listed()] == ["NCT03934567"]


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as stream:
        stream.truncate(size)


def test_an_unexpected_problem_in_one_file_still_lists_the_others(monkeypatch) -> None:
    keep_sample("NCT03934567")
    keep_sample("NCT00973089")
    real = kept_studies._read_kept

    def fails_for_one(path, nct_id):
        if nct_id == "NCT00973089":
            raise MemoryError("planted")
        return real(path, nct_id)

    monkeypatch.setattr(kept_studies, "_read_kept", fails_for_one)
    rows = {row.nct_id: row for row in listed()}
    assert rows["NCT00973089"].problem == "This kept record is damaged; please open or download it again."
    assert not rows["NCT03934567"].damaged


def test_no_folder_yet_is_an_empty_list() -> None:
    assert not studies_dir().exists()
    assert listed() == []


def test_a_kept_study_opens_again_without_the_network(no_connections) -> None:
    keep_sample("NCT04267848")  # the 1,148-site record
    study = open_kept("NCT04267848")
    assert len(study.sites) == 1148
    assert no_connections == []


def test_a_kept_study_can_be_removed() -> None:
    keep_sample("NCT03934567")
    keep_sample("NCT00973089")
    assert remove_kept("NCT03934567") is True
    assert [row.nct_id for row in listed()] == ["NCT00973089"]
    assert remove_kept("NCT03934567") is False
    with pytest.raises(RecordFileError, match="no longer kept on this computer"):
        open_kept("NCT03934567")


@pytest.mark.parametrize("number", ["../../secret", "NCT03934567/../../x", "nct03934567", "", "NCT0393456"])
def test_a_kept_file_name_is_always_a_study_number(number) -> None:
    with pytest.raises(RecordFileError, match="That is not a study number"):
        kept_path(number)
    with pytest.raises(RecordFileError):
        remove_kept(number)

"""Studies the patient has looked at: every opened or downloaded record is kept in
the user's data folder, as studies/NCT….json, so it opens again without the network.

The folder is private (0700), each file too (0600, written whole or not at all).
A kept file is read like any other record file (regular files only, size limit,
checked), and one that is damaged is listed as damaged, never a crash. No Qt here:
the window's "Studies you have looked at" list and the command line share this.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Generic, TypeVar

from explainer.core.registry_record import PartialDate, RegistryStudy, Status
from explainer.files import private_folder, write_atomically
from explainer.paths import data_dir
from explainer.records_io import NCT_PATTERN, RecordFileError, not_a_study_number, read_record

FOLDER = "studies"
State = TypeVar("State")


@dataclass(frozen=True)
class KeptStudy(Generic[State]):
    """One line of the list. ``problem`` is a plain sentence when the file is damaged
    (then title, status and dates are None); ``self_check`` is what the caller gave.
    ``record_date`` is the copy's own date (the registry's stamp), ``last_change``
    the date the study's record was last changed on the registry."""

    nct_id: str
    path: Path
    title: str | None = None
    status: Status | None = None
    record_date: PartialDate | None = None
    problem: str | None = None
    self_check: State | None = None
    last_change: PartialDate | None = None   # the record's own last-update date

    @property
    def damaged(self) -> bool:
        return self.problem is not None


def studies_dir() -> Path:
    return data_dir() / FOLDER


def kept_path(nct_id: str) -> Path:
    """The kept file of a study; the number is checked first, so it is a safe file name."""
    if not isinstance(nct_id, str) or not NCT_PATTERN.fullmatch(nct_id):
        raise RecordFileError(not_a_study_number(nct_id))
    return studies_dir() / f"{nct_id}.json"


def keep(study: RegistryStudy, data: bytes) -> Path:
    """Keep a record the caller has already checked: ``data`` is the JSON ``study`` was
    read from (records_io.RecordFile.study_json, or download.Download.data)."""
    path = kept_path(study.nct_id)
    _private_folder()
    write_atomically(path, data)  # a temporary file made 0600, renamed over the old one
    return path


def kept_studies(self_check: Callable[[str], State] | None = None) -> list[KeptStudy[State]]:
    """Every kept study, the most recently kept first; damaged files listed as damaged."""
    folder = studies_dir()
    try:
        entries = [entry for entry in os.scandir(folder) if _is_kept_name(entry.name)]
    except OSError:  # no folder yet (nothing kept), or it cannot be read: an empty list
        return []
    entries.sort(key=lambda entry: (-_mtime(entry), entry.name))
    studies = [_describe(Path(entry.path)) for entry in entries]
    if self_check is None:
        return studies
    return [replace(k, self_check=self_check(k.nct_id)) for k in studies]


def open_kept(nct_id: str) -> RegistryStudy:
    """A kept study, offline; a missing or damaged file is one RecordFileError."""
    path = kept_path(nct_id)
    if not path.exists() and not path.is_symlink():
        raise RecordFileError(f"Study {nct_id} is no longer kept on this computer; please open or download it again.")
    return _read_kept(path, nct_id)


def remove_kept(nct_id: str) -> bool:
    """Forget a kept study; True if there was one to remove."""
    path = kept_path(nct_id)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as err:  # a folder planted under that name, or no permission
        raise RecordFileError(f"The app could not remove study {nct_id} ({err.strerror}).", str(path)) from None
    return True


# ---------------------------------------------------------------- inside

def _private_folder() -> None:
    """The data folder and its studies folder, readable by this user only (either may
    have been made earlier with the umask's 0755)."""
    folder = studies_dir()
    private_folder(folder.parent)
    private_folder(folder)


def _is_kept_name(name: str) -> bool:
    # Temporary files of a write in progress start with a dot and are not listed.
    return name.endswith(".json") and bool(NCT_PATTERN.fullmatch(name.removesuffix(".json")))


def _mtime(entry: os.DirEntry[str]) -> float:
    try:
        return entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return 0.0


def _describe(path: Path) -> KeptStudy[State]:
    nct_id = path.stem
    try:
        study = _read_kept(path, nct_id)
    except RecordFileError as err:
        return KeptStudy(nct_id, path, problem=err.plain)
    except Exception:  # noqa: BLE001 - the list must show every other study whatever one file holds
        return KeptStudy(nct_id, path, problem="This kept record is damaged; please open or download it again.")
    last_change = study.last_update_posted.date if study.last_update_posted else None
    return KeptStudy(nct_id, path, study.title, study.overall_status, study.record_date, last_change=last_change)


def _read_kept(path: Path, nct_id: str) -> RegistryStudy:
    record = read_record(path, follow_symlinks=False)  # a link planted in the folder is not followed
    if len(record.studies) != 1 or record.studies[0].nct_id != nct_id:
        raise RecordFileError(f"The kept file for {nct_id} holds another study; please open or download it again.",
                              str(path))
    return record.studies[0]

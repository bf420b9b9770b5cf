"""Reading a study record file the user gives (headless: no Qt, no network).

A record is text no one here wrote: it is read only if it is a regular file under
the size limit, and anything that is not ClinicalTrials.gov API v2 JSON is named in
one plain sentence (a saved web page, a CSV or RIS download, a PDF, the old XML or
JSON format, an empty list of studies...). The model and its own checks live in
explainer.core.registry_record; this module owns the file and the bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explainer.core.language import say
from explainer.core.registry_record import RegistryRecordError, RegistryStudy, from_registry_json
from explainer.errors import UsageError
from explainer.files import UnreadableFile, read_regular_file

# The largest real record we know is about 1.5 MB (1,148 sites); 20 MB leaves room
# for a search response of many studies and still keeps a hostile file out of memory.
_MB = 1024 * 1024
MAX_RECORD_BYTES = 20 * _MB

NCT_PATTERN = re.compile(r"NCT[0-9]{8}")  # [0-9], not \d: \d also matches other scripts' digits


class RecordFileError(UsageError):
    """A record file the app cannot use.

    ``str(err)`` is the command line's one line (it names the file); ``plain`` is
    the same in one sentence for the window, without the path.
    """

    def __init__(self, plain: str, source: str | None = None) -> None:
        super().__init__(f"{source}: {plain}" if source else plain)
        self.plain = plain


@dataclass(frozen=True)
class RecordFile:
    """The studies in one record file, each with its own JSON object (what is kept)."""

    studies: tuple[RegistryStudy, ...]
    raw: tuple[dict[str, Any], ...]
    data: bytes = b""  # the file's bytes when it held one bare study: kept exactly as given

    def study_json(self, nct_id: str) -> bytes:
        """The chosen study alone, as a bare API v2 record (a search response is unwrapped)."""
        for study, raw in zip(self.studies, self.raw):
            if study.nct_id == nct_id:
                if self.data:
                    return self.data
                return json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        raise RecordFileError(_not_in_file(nct_id, self.studies))


def read_record(path: Path, *, follow_symlinks: bool = True) -> RecordFile:
    """Read and check a record file: every study in it, or one RecordFileError."""
    data = read_record_bytes(path, follow_symlinks=follow_symlinks)
    try:
        return parse_record(data)
    except RecordFileError as err:
        raise RecordFileError(err.plain, str(path)) from None


def read_studies(path: Path) -> list[RegistryStudy]:
    """The studies in a record file (one, or several from a search response)."""
    return list(read_record(path).studies)


def pick(studies: list[RegistryStudy] | tuple[RegistryStudy, ...], nct_id: str | None) -> RegistryStudy:
    """The study ``--study NCT…`` names; with no number, the only study in the file."""
    if nct_id is None:
        if len(studies) == 1:
            return studies[0]
        raise RecordFileError(f"This file holds {len(studies)} studies ({_numbers(studies)}); "
                              "choose one by its number with --study.")
    wanted = nct_id.strip().upper()
    if not NCT_PATTERN.fullmatch(wanted):
        raise RecordFileError(not_a_study_number(nct_id))
    for study in studies:
        if study.nct_id == wanted:
            return study
    raise RecordFileError(_not_in_file(wanted, studies))


# ---------------------------------------------------------------- the file

def read_record_bytes(path: Path, *, follow_symlinks: bool = True, limit: int = MAX_RECORD_BYTES) -> bytes:
    """The file's bytes: a regular file only, its size checked before anything is read
    (files.read_regular_file reads it; this module words its refusals for a record)."""
    try:
        return read_regular_file(path, limit, follow_symlinks=follow_symlinks)
    except UnreadableFile as err:
        raise RecordFileError(_refusal(err, limit), str(path)) from None


def _refusal(err: UnreadableFile, limit: int) -> str:
    """The record's own sentence for each case read_regular_file refuses."""
    match err.reason:
        case "missing":
            return say("There is no such file; please check the name and the folder.")
        case "denied":
            return say("The app is not allowed to read this file; please check its permissions.")
        case "link":
            return say("This is a link to another file, so the app does not read it here.")
        case "folder":
            return say("This is a folder, not a study record file; please choose a file in it.")
        case "not regular":
            return say("This is not an ordinary file, so the app does not read it; please choose a saved study record.")
        case "too big":
            return _too_large(err.size, limit)
        case "cannot open":
            return say("The app could not open this file ({problem}).").format(problem=err.system_words)
    return say("The app could not read this file ({problem}).").format(problem=err.system_words)


def _too_large(size: int, limit: int) -> str:
    return say("This file is {size} MB, larger than the {limit} MB the app reads for one study record, "
               "so it is not a record the app can use.").format(size=f"{size / _MB:.0f}", limit=f"{limit / _MB:.0f}")


# ---------------------------------------------------------------- the bytes

_RIS = re.compile(r"TY {2}- ")
_CSV_HEADINGS = ("nct number", "study title", "study url", "study status", "nctid", "nct_id")


def parse_record(data: bytes) -> RecordFile:
    """Bytes -> the studies in them, or one RecordFileError naming what the file is."""
    _refuse_known_binary(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RecordFileError(say("This file is not text the app can read (it is not UTF-8), "
                                  "so it is not a ClinicalTrials.gov study record.")) from None
    head = text.lstrip()[:2000]
    if not head:
        raise RecordFileError(say("This file is empty; a study record holds the study's details as JSON."))
    if not head.startswith(("{", "[")):
        raise RecordFileError(_what_text_is(head))
    try:
        parsed = json.loads(text)
    except RecursionError:
        raise RecordFileError(say("This file is not a study record the app can read: "
                                  "it is nested too deeply.")) from None
    except ValueError as err:  # JSONDecodeError, or a number too long to convert
        line = say(" (line {line})").format(line=err.lineno) if isinstance(err, json.JSONDecodeError) else ""
        raise RecordFileError(say("This file is damaged or incomplete: it is not valid JSON{line}.").format(
            line=line)) from None
    try:
        studies = from_registry_json(parsed)
    except RegistryRecordError as err:
        raise RecordFileError(str(err)) from None
    except RecursionError:
        raise RecordFileError(say("This file is not a study record the app can read: "
                                  "it is nested too deeply.")) from None
    if isinstance(parsed, dict) and "studies" in parsed:
        return RecordFile(tuple(studies), tuple(parsed["studies"]))
    return RecordFile(tuple(studies), (parsed,), data.removeprefix(b"\xef\xbb\xbf"))


def _refuse_known_binary(data: bytes) -> None:
    start = data[:8]
    if start.startswith(b"%PDF"):
        raise RecordFileError(say("This is a PDF document, not a ClinicalTrials.gov study record; "
                                  "the app reads the record's JSON, not a printed page."))
    if start.startswith(b"PK\x03\x04"):
        raise RecordFileError(say("This is a zip archive; please unzip it and open the .json file inside."))
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RecordFileError(say("This file is in UTF-16, not the UTF-8 text of a ClinicalTrials.gov study "
                                  "record."))


def _what_text_is(head: str) -> str:
    """One sentence naming text that is not JSON (checked before any parsing)."""
    first_line = head.splitlines()[0] if head else ""
    if _RIS.match(head):
        return say("This is a citation file (RIS), not a study record; please download the study's record "
                   "by its number instead.")
    lowered = first_line.lower()
    if any(word in lowered for word in _CSV_HEADINGS) and ("," in first_line or "\t" in first_line):
        return say("This is a table (CSV) from a ClinicalTrials.gov search, not a study record; please download "
                   "the study's record by its number instead.")
    if not head.startswith("<") and (first_line.count(",") >= 2 or first_line.count("\t") >= 2):
        return say("This looks like a table (CSV), not a ClinicalTrials.gov study record.")
    if head.startswith("<"):
        try:  # the core names a saved web page and the old XML format (with where to get the new one)
            from_registry_json(head)
        except RegistryRecordError as err:
            message = str(err)
            if "plain text" not in message:
                return message
        return say("This is an XML or web file, not a ClinicalTrials.gov study record.")
    return say("This is plain text, not a ClinicalTrials.gov study record.")


# ---------------------------------------------------------------- words

def _numbers(studies: list[RegistryStudy] | tuple[RegistryStudy, ...], most: int = 5) -> str:
    shown = ", ".join(study.nct_id for study in studies[:most])
    return shown + (", …" if len(studies) > most else "")


def _not_in_file(nct_id: str, studies: list[RegistryStudy] | tuple[RegistryStudy, ...]) -> str:
    return say("This file has no study {nct_id}; it holds {numbers}.").format(nct_id=nct_id, numbers=_numbers(studies))


def not_a_study_number(text: object) -> str:
    """Hostile input echoed safely: short, printable and quoted, or not at all."""
    cut = text.strip()[:20] if isinstance(text, str) else ""
    shown = f" ({cut!r})" if cut and cut.isprintable() else ""
    return say("That is not a study number{shown}; a study number is NCT and 8 digits, like NCT04883242.").format(
        shown=shown)

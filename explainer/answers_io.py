"""Reading and writing answers files (headless: no Qt). Errors are one clear line.

The GUI writes through QSaveFile; everything else writes a temporary file and
``os.replace``-s it, so a crash never leaves half a file behind.
"""

from __future__ import annotations

import datetime as dt

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from explainer.core.answers import VERSION, AnswersFile, to_json_text
from explainer.errors import UsageError
from explainer.files import write_atomically


class AnswersError(UsageError):
    """An answers file that cannot be used; the message names the file and the key."""


def describe_answers_error(err: ValidationError) -> str:
    problem = err.errors()[0]
    where = ".".join(str(part) for part in problem["loc"])
    message = problem["msg"].removeprefix("Value error, ")
    if problem["type"] == "extra_forbidden":
        message = "unknown key (check the spelling)"
    elif problem["type"] == "literal_error" and where:
        message = f"{message}, not {problem['input']!r}"
    return f"{where}: {message}" if where else message


def parse_answers(text: str, source: str = "answers") -> AnswersFile:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as err:
        raise AnswersError(f"{source}: not a valid answers file (JSON error on line {err.lineno}: {err.msg})") from None
    except RecursionError:
        raise AnswersError(f"{source}: not a valid answers file (nested too deeply)") from None
    if not isinstance(data, dict):
        raise AnswersError(f"{source}: not an answers file (expected a JSON object with 'answers')")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise AnswersError(f"{source}: version {version} was written by a newer app; "
                           f"this one reads version {VERSION}. Please update Trial Explainer.")
    answers = data.get("answers")
    nulls = [key for key, value in answers.items() if value is None] if isinstance(answers, dict) else []
    if nulls:  # an unanswered question is left out of the file; null is a wrong type
        raise AnswersError(f"{source}: answers.{nulls[0]}: null is not an answer; "
                           "leave the key out if it is unanswered")
    try:
        return AnswersFile.model_validate_json(text)
    except ValidationError as err:
        raise AnswersError(f"{source}: {describe_answers_error(err)}") from None


def load_answers(path: Path, trial_id: str | None = None, today: dt.date | None = None) -> AnswersFile:
    """Read and check an answers file; ``today`` (default: the clock) bounds ``as_of``."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise AnswersError(f"{path}: cannot be read ({err.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise AnswersError(f"{path}: not UTF-8 text") from None
    answers = parse_answers(text, str(path))
    if trial_id is not None and answers.trial != trial_id:
        raise AnswersError(f"{path}: trial: these answers are for {answers.trial}, not {trial_id}")
    _check_not_after(answers, today or dt.date.today(), path)
    return answers


def _check_not_after(answers: AnswersFile, today: dt.date, path: Path) -> None:
    # A day of slack: a file saved near midnight in another time zone is not "future".
    if answers.as_of > today + dt.timedelta(days=1):
        raise AnswersError(f"{path}: as_of: {answers.as_of.isoformat()} is after today ({today.isoformat()}); "
                           "answers cannot describe a day that has not come yet")


def save_answers(path: Path, answers: AnswersFile) -> None:
    write_atomically(path, to_json_text(answers))

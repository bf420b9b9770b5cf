"""Reading and writing answers files (headless: no Qt). Errors are one clear line.

The GUI writes through QSaveFile; everything else writes a temporary file and
``os.replace``-s it, so a crash never leaves half a file behind.
"""

from __future__ import annotations

import datetime as dt

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from explainer.core.answers import FUTURE_DATE, VERSION, AnswersFile, to_json_text
from explainer.core.facts import long_date
from explainer.core.language import say
from explainer.core.limits import JsonProblem, parse_json
from explainer.errors import UsageError, echoed, one_line
from explainer.files import UnreadableFile, read_regular_file, write_atomically

if TYPE_CHECKING:
    from explainer.core.questions import Questionnaire


class AnswersError(UsageError):
    """An answers file that cannot be used.

    ``str(err)`` is the command line's one line: it names the file and the key, as
    the spec asks. ``plain`` says the same to a patient in the window: no file
    paths, keys or ISO dates, and what to do next. ``key`` is the question the
    problem is in, when there is one.
    """

    def __init__(self, message: str, plain: str, key: str | None = None, names_question: bool = False) -> None:
        super().__init__(message)
        self.plain = plain
        self.key = key
        self.names_question = names_question  # ``plain`` already says which question (a date's label)


# What the window says about a file it cannot use, in the current language (called when
# said: a constant would be made in English before the language is chosen).
def damaged_words() -> str:
    return say("This is not a file of saved answers, or it is damaged. "
               "Please choose a file you saved with this app. Its name ends in .answers.json.")


def answer_again_words() -> str:
    return say("Please choose another file, or answer the questions again in the app.")


def changed_words() -> str:
    return say("Part of this file is not right, so the app cannot use it. "
               "It may have been changed by hand or damaged. {answer_again}").format(answer_again=answer_again_words())


def future_date_words(label: str, when: dt.date, as_of: dt.date, today: dt.date | None = None,
                      what_to_do: str | None = None) -> str:
    """A date answer (``label``: its question's, e.g. "transplant date") after the date
    the answers describe, said plainly."""
    after = (say("today, {date}") if as_of == today else say("{date}, the date of your answers")).format(
        date=long_date(as_of))
    return say("The {label}, {when}, is after {after}. A {label} cannot be in the future. {what_to_do}").format(
        label=label, when=long_date(when), after=after,
        what_to_do=say("Please check the date.") if what_to_do is None else what_to_do)


def plain_validation_problem(err: ValidationError) -> tuple[str, str | None, bool]:
    """What is wrong with a file's contents in plain words, the question key it is in,
    and whether the words already name that question."""
    problem = err.errors()[0]
    if problem["type"] == FUTURE_DATE:
        context = problem.get("ctx") or {}
        when, as_of = (dt.date.fromisoformat(context[name]) for name in ("when", "as_of"))
        return future_date_words(context["label"], when, as_of, what_to_do=answer_again_words()), context["key"], True
    loc = [str(part) for part in problem["loc"]]
    key = loc[1] if len(loc) > 1 and loc[0] == "answers" else None
    limit = plain_limit(err) if key else None  # a number out of range: say which limit
    return (f"{changed_words()}\n\n{limit}" if limit else changed_words()), key, False


def plain_limit(err: ValidationError) -> str | None:
    """A number outside its range, said the way a patient would; None for other problems."""
    problem = err.errors()[0]
    limit = (problem.get("ctx") or {})
    if problem["type"] in ("less_than_equal", "less_than"):
        return say("Please check this number: the largest allowed here is {number}.").format(
            number=limit.get("le", limit.get("lt")))
    if problem["type"] in ("greater_than_equal", "greater_than"):
        return say("Please check this number: it cannot be less than {number}.").format(
            number=limit.get("ge", limit.get("gt")))
    if problem["type"] == "multiple_of":
        return say("Please check this number: it goes up in steps of {number}.").format(
            number=limit.get("multiple_of"))
    return None


def plain_problem(err: ValidationError) -> str:
    """Pydantic's message, said the way a patient would: what to type instead."""
    words = plain_limit(err) or describe_answers_error(err).split(": ", 1)[-1]
    return words[:1].upper() + words[1:]


def describe_answers_error(err: ValidationError) -> str:
    problem = err.errors()[0]
    where = ".".join(str(part) for part in problem["loc"])
    message = problem["msg"].removeprefix("Value error, ")
    if problem["type"] == "extra_forbidden":
        message = "unknown key (check the spelling)"
    elif problem["type"] == "literal_error" and where:
        message = f"{message}, not {echoed(problem['input'])}"
    where = one_line(where, 120)  # a key from the file: shortened, control characters shown
    return f"{where}: {message}" if where else message


# The most an answers file (or the draft) may hold: a full one is about 2 KB.
ANSWERS_CAP = 256 * 1024


def parse_answers(text: str, source: str = "answers", bank: Questionnaire | None = None) -> AnswersFile:
    """An answers file's text, checked against the question bank (default: the app's)."""
    try:
        data: Any = parse_json(text)
    except JsonProblem as err:
        raise AnswersError(f"{source}: not a valid answers file (JSON error: {err})", damaged_words()) from None
    if not isinstance(data, dict):
        raise AnswersError(f"{source}: not an answers file (expected a JSON object with 'answers')", damaged_words())
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise AnswersError(f"{source}: version {version} was written by a newer app; "
                           f"this one reads version {VERSION}. Please update Trial Explainer.",
                           say("These answers were saved by a newer version of this app. "
                               "Please update Trial Explainer, then open them again."))
    answers = data.get("answers")
    nulls = [key for key, value in answers.items() if value is None] if isinstance(answers, dict) else []
    if nulls:  # an unanswered question is left out of the file; null is a wrong type
        raise AnswersError(f"{source}: answers.{nulls[0]}: null is not an answer; "
                           "leave the key out if it is unanswered", changed_words(), nulls[0])
    try:
        if bank is None:
            from explainer.content import load_questions

            bank = load_questions()
        return bank.answers_file_model.model_validate_json(text)
    except ValidationError as err:
        raise AnswersError(f"{source}: {describe_answers_error(err)}", *plain_validation_problem(err)) from None


def read_answers_text(path: Path) -> str:
    """An answers file's or the draft's text: a regular file of at most ANSWERS_CAP bytes, UTF-8."""
    try:
        raw = read_regular_file(path, ANSWERS_CAP)
    except UnreadableFile as err:
        raise AnswersError(f"{path}: cannot be read ({err})",
                           say("The app could not read this file: {problem}. "
                               "Please check that it is a file of answers you saved, then try again.").format(
                               problem=err)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise AnswersError(f"{path}: not UTF-8 text", damaged_words()) from None


def load_answers(path: Path, trial_id: str | None = None, today: dt.date | None = None) -> AnswersFile:
    """Read and check an answers file; ``today`` (default: the clock) bounds ``as_of``."""
    answers = parse_answers(read_answers_text(path), str(path))
    if trial_id is not None and answers.trial != trial_id:
        raise AnswersError(f"{path}: trial: these answers are for {answers.trial}, not {trial_id}",
                           say("These answers are for another study ({study}). "
                               "This app explains study {trial_id}. Please choose a file saved for it.").format(
                               study=answers.trial, trial_id=trial_id))
    _check_not_after(answers, today or dt.date.today(), path)
    return answers


def _check_not_after(answers: AnswersFile, today: dt.date, path: Path) -> None:
    # A day of slack: a file saved near midnight in another time zone is not "future".
    if answers.as_of > today + dt.timedelta(days=1):
        raise AnswersError(f"{path}: as_of: {answers.as_of.isoformat()} is after today ({today.isoformat()}); "
                           "answers cannot describe a day that has not come yet",
                           say("These answers are dated {date}. That is after today, {today}. "
                               "Please check the date on your computer, or choose another file.").format(
                               date=long_date(answers.as_of), today=long_date(today)))


def save_answers(path: Path, answers: AnswersFile) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)  # write_atomically itself makes no folder
    write_atomically(path, to_json_text(answers))

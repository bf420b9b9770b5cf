"""How big and how deep the data from a file may be: the app's one list of limits.

Trial files will come from registry records downloaded from the internet, and an
answers file can come from anyone: every size the app would otherwise trust
(text, lists, cycles, days, nesting, dates, digits) is bounded here, and the
models refuse anything beyond with the field named. The limits are far above any
real record (the largest registry texts are about 30,000 characters; the largest
studies list a few thousand sites), and low enough that the window, the PDF and
the timeline stay quick. Physical ranges of lab values live in
``explainer.core.units`` (they are about units).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

# Text
SHORT_TEXT = 1_000  # a title, a name, a place, a label
LONG_TEXT = 32_000  # the default for every text: the registry's own limit for a detailed description
SUMMARY_TEXT = 5_000  # the registry's limit for a brief summary
# The registry allows 20,000 characters of eligibility text; with their plain words,
# the criteria may hold twice that. Every criterion is printed in the PDF, so this
# bounds how long an export takes (2.4 MB of criteria took 8 minutes).
CRITERIA_TEXT = 40_000
ShortText = Annotated[str, Field(max_length=SHORT_TEXT)]

# Lists
FEW = 100  # identifiers, sponsors, arms, interventions, related studies
MANY = 500  # criteria, conditions, investigators, other names
SITES = 5_000  # locations: the largest studies list a few thousand

# The treatment schedule: enough for any regimen, small enough to draw.
MAX_CYCLE_DAYS = 366
MAX_CYCLES = 200  # in one phase
MAX_MONTHS = 240  # "up to N months" of one phase
MAX_PHASES = 20
MAX_TREATMENT_DAYS = 20 * 366  # all phases together: the timeline builds every day
MAX_YEARS = 100  # follow-up

# The rule language and any JSON file
MAX_RULE_DEPTH = 12  # all/any inside each other
MAX_JSON_DEPTH = 64  # any file: deeper is refused before the models see it
MAX_INT_DIGITS = 18  # a whole number in a file (no count or year needs more)

# Dates: a lower bound (no answer or record predates these) and an upper one
# (far enough that a timeline from it never runs past the calendar's end).
EARLIEST_DATE = dt.date(1950, 1, 1)  # before the first bone-marrow transplant (1957)
LATEST_DATE = dt.date(2200, 12, 31)


def _whole_number(value: Any) -> Any:
    # JSON true equals 1 in Python, and so does 1.0: a version is the whole number itself.
    if isinstance(value, bool):
        raise ValueError("must be a number, not true or false")
    if not isinstance(value, int):
        raise ValueError("must be a whole number, such as 1")
    return value


Version1 = Annotated[Literal[1], BeforeValidator(_whole_number)]


def date_problem(value: dt.date) -> str | None:
    """Why a date from a file cannot be right, or None (said so a patient can fix it)."""
    from explainer.core.facts import long_date  # facts -> model -> limits: imported when needed
    from explainer.core.language import say

    if value < EARLIEST_DATE:
        return say("{date} is too early for this date; please check the year").format(date=long_date(value))
    if value > LATEST_DATE:
        return say("{date} is too late for this date; please check the year").format(date=long_date(value))
    return None


def check_date(value: dt.date) -> dt.date:
    """A pydantic after-validator: refuse a date outside the bounds."""
    problem = date_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def check_not_too_early(value: dt.date) -> dt.date:
    """For a date whose upper bound is another field (a transplant: the answers' date)."""
    return check_date(value) if value < EARLIEST_DATE else value


def rule_depth(rule: Any) -> int:
    """How many levels of all/any a rule has (a leaf is 1), without recursion."""
    deepest, stack = 0, [(rule, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in getattr(node, "of", ()))
    return deepest


class JsonProblem(ValueError):
    """Text that is not JSON the app will read; ``str(err)`` says why, in a short phrase."""


def parse_json(text: str) -> Any:
    """``json.loads`` for text from outside: no whole number longer than MAX_INT_DIGITS
    digits (Python refuses 4,300 with a ValueError of its own, pydantic takes any), no
    nesting deeper than MAX_JSON_DEPTH (which would reach Python's recursion limit).
    NaN and Infinity pass here: the models refuse them, naming the field."""
    import json

    def whole(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INT_DIGITS:
            raise JsonProblem(f"a number with {len(digits.lstrip('-')):,} digits (the most is {MAX_INT_DIGITS})")
        return int(digits)

    try:
        data = json.loads(text, parse_int=whole)
    except json.JSONDecodeError as err:
        raise JsonProblem(f"line {err.lineno}, column {err.colno}: {err.msg}") from None
    except RecursionError:
        raise JsonProblem(f"nested more than {MAX_JSON_DEPTH} levels deep") from None
    if _depth(data) > MAX_JSON_DEPTH:
        raise JsonProblem(f"nested more than {MAX_JSON_DEPTH} levels deep")
    return data


def _depth(data: Any) -> int:
    """The deepest nesting of lists and objects in parsed JSON, without recursion."""
    deepest, stack = 0, [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (list, dict)):
            deepest = max(deepest, depth + 1)
            stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest

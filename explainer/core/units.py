"""Lab quantities: their units, conversions, and the numbers a report can (and is likely to) show.

Keyed by quantity ("platelet count"), never by a study's question: the question bank
names the quantity each lab question asks for.

Factors follow writing-guide.md §4.9 (SI value = conventional value × factor).
Units are converted once, here; the patient's own value and unit are kept for display.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from explainer.core.language import current_language, say

ULN = "xULN"  # "times the upper limit of normal", given directly


@dataclass(frozen=True)
class Quantity:
    """One thing a lab report measures, whichever study asks about it.

    ``units``: those a report gives it in (the answers file accepts these).
    ``uln``: its limit may be "times the upper limit of normal": then ``xULN`` is
    accepted too, and a raw value needs the report's normal limit beside it.
    ``physical_max``: what no report can show, (unit, number): a value above it is
    refused when a file is read or a number typed.
    ``plausible``: (unit, low, high): outside it a value is almost surely a slip (often
    of the unit). Rough, deliberately wide: it only leaves a rule open and asks.
    """

    units: tuple[str, ...]
    physical_max: tuple[str, float]
    uln: bool = False
    plausible: tuple[str, float, float] | None = None


# Every quantity any question of the bank (resources/questions.json) measures, defined
# once: the questions name one of these; units, conversions and ranges live only here.
QUANTITIES: dict[str, Quantity] = {
    "serum M-protein": Quantity(("g/dL", "g/L"), ("g/dL", 30), plausible=("g/dL", 0, 20)),  # 30: more than all the protein blood holds
    "urine M-protein": Quantity(("mg/24h", "g/24h"), ("mg/24h", 200_000)),
    "involved free light chain": Quantity(("mg/dL", "mg/L"), ("mg/dL", 100_000), plausible=("mg/dL", 0, 50_000)),
    "bone marrow plasma cells": Quantity(("%",), ("%", 100)),
    # eGFR as the report gives it; never computed from creatinine (writing guide §4.8).
    "eGFR": Quantity(("mL/min", "mL/min/1.73m2"), ("mL/min", 1_000)),
    # Creatinine clearance is another number than eGFR (writing guide §4.8): mL/min only.
    "creatinine clearance": Quantity(("mL/min",), ("mL/min", 1_000)),
    "ALT": Quantity(("U/L",), ("U/L", 100_000), uln=True),
    "AST": Quantity(("U/L",), ("U/L", 100_000), uln=True),
    "bilirubin": Quantity(("mg/dL", "umol/L"), ("mg/dL", 200), uln=True),
    "neutrophil count": Quantity(("/uL", "10^3/uL", "10^9/L"), ("/uL", 2_000_000), plausible=("/uL", 10, 200_000)),
    "platelet count": Quantity(("/uL", "10^3/uL", "10^9/L"), ("/uL", 20_000_000),
                               plausible=("/uL", 1_000, 3_000_000)),
    "hemoglobin": Quantity(("g/dL", "g/L", "mmol/L"), ("g/dL", 40), plausible=("g/dL", 2, 25)),
}


def accepted_units(quantity: str) -> tuple[str, ...]:
    """The units an answer of this quantity may be given in (×ULN first where it applies)."""
    found = QUANTITIES[quantity]
    return (ULN, *found.units) if found.uln else found.units


def takes_uln(quantity: str | None) -> bool:
    return quantity is not None and QUANTITIES[quantity].uln


def uln_quantities_words() -> str:
    """'ALT, AST or bilirubin': the quantities whose limit may be times the upper limit of normal."""
    names = [name for name, found in QUANTITIES.items() if found.uln]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)


# How many of the first unit one of the second unit is: value_in_first = value * factor.
_FACTORS: dict[tuple[str, str], float] = {
    ("/uL", "10^3/uL"): 1000.0,
    ("/uL", "10^9/L"): 1000.0,
    ("10^3/uL", "10^9/L"): 1.0,
    ("g/dL", "g/L"): 0.1,
    ("g/dL", "mmol/L"): 1 / 0.6206,
    ("g/L", "mmol/L"): 10 / 0.6206,
    ("mg/24h", "g/24h"): 1000.0,
    ("mg/dL", "mg/L"): 0.1,
    ("mL/min", "mL/min/1.73m2"): 1.0,
    ("umol/L", "mg/dL"): 17.1,
}

# Units that name the same reported number, compared as it is, never "converted":
# the registry writes the eGFR limit in mL/min, while reports give eGFR in
# mL/min/1.73 m² (writing guide §4.8; creatinine clearance is another number).
_COMPARED_AS_IS = frozenset({frozenset({"mL/min", "mL/min/1.73m2"})})


def compared_as_is(unit: str, other: str) -> bool:
    return frozenset({unit, other}) in _COMPARED_AS_IS


# Units written the same in every language; those with words or a decimal point are
# in display_unit, said in the current language.
_DISPLAY = {
    "/uL": "/µL",
    "10^3/uL": "×10³/µL",
    "10^9/L": "×10⁹/L",
    "umol/L": "µmol/L",
}

MAX_TIMES_ULN = 10_000.0


def physical_problem(quantity: str, value: float, unit: str, uln: float | None = None) -> str | None:
    """Why no lab report could show this number (or this normal limit), or None. In
    English whatever the language: it is part of a file's error (see answers_io), whose
    frame is English.

    The question widget and the answers file ask this same question (through the
    answers model). A number is impossible only when it is too large in *every*
    unit the quantity accepts: 150,000 ×10⁹/L stays allowed, because 150,000/µL is
    a real count and ``unusual`` then asks "did you mean…"; 1e308 is refused. What
    this lets through can still be "very unusual" (``unusual``). The lower bound of
    every lab value is 0 (the answers model says so)."""
    if not math.isfinite(value) or value < 0:
        return "a lab value is a number of 0 or more"
    most = physical_max(quantity, unit)
    if value > most:
        return "no lab report shows a number this large here; please check the number and the unit"
    if uln is not None:
        if uln > most:
            return "no lab report shows a normal limit this large; please check it"
        if value / uln > MAX_TIMES_ULN:
            return (f"the value is more than {format_number(MAX_TIMES_ULN)} times the normal limit "
                    "beside it; please check both numbers")
    return None


def physical_max(quantity: str, unit: str) -> float:
    """The largest number a report could show for ``quantity``, in the unit it is most
    generous in (see physical_problem); for a × ULN value, MAX_TIMES_ULN."""
    if unit == ULN:
        return MAX_TIMES_ULN
    found = QUANTITIES.get(quantity)
    if found is None:
        return math.inf
    reference, most = found.physical_max
    converted = [convert(most, reference, other) for other in found.units]
    return max((number for number in converted if number is not None), default=math.inf)


def display_unit(unit: str) -> str:
    """A unit as people read it ('/µL'); the units with words or a decimal point in the
    current language ('mg en 24 horas', 'mL/min/1,73 m²')."""
    worded = {"mg/24h": say("mg per 24 hours"), "g/24h": say("g per 24 hours"), ULN: say("× ULN"),
              "mL/min/1.73m2": say("mL/min/1.73 m²")}
    return worded.get(unit) or _DISPLAY.get(unit, unit)


def factor(from_unit: str, to_unit: str) -> float | None:
    """Multiply a value in ``from_unit`` by this to get ``to_unit``; None if unrelated."""
    if from_unit == to_unit:
        return 1.0
    if (to_unit, from_unit) in _FACTORS:
        return _FACTORS[(to_unit, from_unit)]
    if (from_unit, to_unit) in _FACTORS:
        return 1 / _FACTORS[(from_unit, to_unit)]
    return None


def convert(value: float, from_unit: str, to_unit: str, uln: float | None = None) -> float | None:
    """``value`` in ``to_unit``, rounded past float noise; None when it cannot be known.

    A raw value converts to ×ULN only with the lab's upper limit, in the same unit.
    """
    if to_unit == ULN and from_unit != ULN:
        if not uln:
            return None
        return _clean(value / uln)
    multiplier = factor(from_unit, to_unit)
    return None if multiplier is None else _clean(value * multiplier)


def _clean(number: float) -> float:
    # 4.9648 mmol/L is 8 g/dL: keep 9 significant digits so limits compare exactly.
    if number == 0 or not math.isfinite(number):
        return number
    digits = 9 - int(math.floor(math.log10(abs(number)))) - 1
    return round(number, max(digits, 0))


# Beyond these, a number is no lab result (a slip, or 1e308 in a file): it is shown
# with a few digits and a power of ten, never as hundreds of digits.
_LARGEST_IN_FULL = 1e9
_SMALLEST_IN_FULL = 1e-6
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


# Spanish writes '1,5' and '150 000' (a no-break space between thousands, so a number
# never breaks across lines): one owner of each language's way of writing a number.
_SPANISH_SEPARATORS = str.maketrans({",": "\u00a0", ".": ","})


def format_number(number: float, decimals: int = 3) -> str:
    """'150,000', '0.5', '3.25': thousands separated, no trailing zeros; '1 × 10³⁰⁸'
    for a number too large (or too small) for any lab report. In Spanish '150 000',
    '0,5', '3,25' (current_language())."""
    text = _english_number(number, decimals)
    return text.translate(_SPANISH_SEPARATORS) if current_language() == "es" else text


def _english_number(number: float, decimals: int) -> str:
    if not math.isfinite(number):
        return str(number)
    if number != 0 and not _SMALLEST_IN_FULL <= abs(number) < _LARGEST_IN_FULL:
        return _with_power_of_ten(number)
    if float(number).is_integer():
        return f"{int(number):,}"
    text = f"{number:,.{decimals}f}".rstrip("0").rstrip(".")
    if text not in ("0", "-0"):
        return text
    first_digit = -math.floor(math.log10(abs(number)))  # 0.0004: the 4th decimal
    return f"{number:.{first_digit + 1}f}".rstrip("0").rstrip(".")  # 2 significant digits


def _with_power_of_ten(number: float) -> str:
    """'1.23 × 10¹²': 3 significant digits at most."""
    mantissa, exponent = f"{number:.2e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def format_count(count: int) -> str:
    """A whole count of things ('1,234 places'; '1 234 lugares'), as format_number."""
    return format_number(count)


def decimals_beside_limit(number: float, limit: float | None, decimals: int = 2) -> int:
    """How many decimals to show a worked-out number (a ratio, a converted value)
    with: 2, or as many more as it takes to keep it on its own side of the limit it
    is compared with (1.4996 beside a limit of 1.5 must not show as 1.5)."""
    def side(value: float) -> int:
        return 0 if limit is None else (value > limit) - (value < limit)

    while decimals < 6 and side(round(number, decimals)) != side(number):
        decimals += 1
    return decimals


def format_value(number: float, unit: str, decimals: int = 3) -> str:
    """'40 ×10⁹/L', '40,000/µL', '30%', '0.5 g/dL'."""
    shown = display_unit(unit)
    if unit in ("/uL", "%"):
        return f"{format_number(number, decimals)}{shown}"
    return f"{format_number(number, decimals)} {shown}".rstrip()


def conversion_text(quantity: str, value: float, unit: str, to_unit: str, uln: float | None = None,
                    limit: float | None = None) -> str:
    """'150 ×10⁹/L = 150,000/µL', shown beside the field; empty when nothing to convert.
    ``limit``: the study's limit in ``to_unit``, so rounding never hides which side it is on."""
    converted = convert(value, unit, to_unit, uln)
    if converted is None or not math.isfinite(converted):  # beyond any float: nothing sensible to show
        return ""
    if to_unit == ULN and unit != ULN:
        return say("{value} with a normal limit of {limit} = {times} times the upper limit of normal").format(
            value=format_value(value, unit, 6), limit=format_value(uln or 0, unit, 6),
            times=format_number(converted, decimals_beside_limit(converted, limit)))
    if unit == to_unit or compared_as_is(unit, to_unit):
        return ""
    return f"{format_value(value, unit, 6)} = {format_value(converted, to_unit, decimals_beside_limit(converted, limit))}"


@dataclass(frozen=True)
class Unusual:
    """A lab value no report would likely show: ``meant`` is the unit that would give a
    likely number (a unit mix-up), or None when no unit does."""

    meant: str | None


def unusual(quantity: str | None, value: float, unit: str, rule_unit: str, uln: float | None = None) -> Unusual | None:
    """The one judgement of a very unusual value: the field beside the question and the
    results page both ask this, so they can never disagree (0/µL platelets is unusual in
    both). ``rule_unit``: the unit the study compares in."""
    converted = convert(value, unit, rule_unit, uln)
    if converted is None:
        return None
    meant = likely_mix_up(quantity, value, unit, rule_unit)
    if meant is not None or not math.isfinite(converted) or implausible(quantity, converted, rule_unit):
        return Unusual(meant)
    return None


def implausible(quantity: str | None, value: float, unit: str) -> bool:
    """A number no lab report would show for this quantity (given in ``unit``)."""
    found = QUANTITIES.get(quantity or "")
    if found is None or found.plausible is None:
        return False
    in_unit = convert(value, unit, found.plausible[0])
    return in_unit is not None and not found.plausible[1] <= in_unit <= found.plausible[2]


def likely_mix_up(quantity: str | None, value: float, unit: str, rule_unit: str) -> str | None:
    """The unit the patient probably meant, when theirs gives an impossible number."""
    found = QUANTITIES.get(quantity or "")
    if found is None or found.plausible is None or value <= 0:
        return None
    converted = convert(value, unit, rule_unit)
    if converted is None or not implausible(quantity, converted, rule_unit):
        return None
    for other in found.units:
        candidate = convert(value, other, rule_unit)
        if other != unit and candidate is not None and not implausible(quantity, candidate, rule_unit):
            return other
    return None

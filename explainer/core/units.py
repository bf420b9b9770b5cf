"""Lab units: which units each answer accepts, conversion to a rule's unit, mix-up hints.

Factors follow writing-guide.md §4.9 (SI value = conventional value × factor).
Units are converted once, here; the patient's own value and unit are kept for display.
"""

from __future__ import annotations

import math

ULN = "xULN"  # "times the upper limit of normal", given directly

# Per answer key, the units the answers file accepts (../shared/spec/interfaces.md §1).
LAB_UNITS: dict[str, tuple[str, ...]] = {
    "serum_m_protein": ("g/dL", "g/L"),
    "urine_m_protein": ("mg/24h", "g/24h"),
    "involved_flc": ("mg/dL", "mg/L"),
    "bone_marrow_plasma_cells": ("%",),
    # eGFR as the report gives it; never computed from creatinine (writing guide §4.8).
    "egfr": ("mL/min", "mL/min/1.73m2"),
    "alt": (ULN, "U/L"),
    "ast": (ULN, "U/L"),
    "bilirubin": (ULN, "mg/dL", "umol/L"),
    "anc": ("/uL", "10^3/uL", "10^9/L"),
    "platelets": ("/uL", "10^3/uL", "10^9/L"),
    "hemoglobin": ("g/dL", "g/L", "mmol/L"),
}

# Keys whose limit is "times the upper limit of normal": a raw value needs the lab's ULN.
ULN_KEYS = frozenset({"alt", "ast", "bilirubin"})

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


_DISPLAY = {
    "/uL": "/µL",
    "10^3/uL": "×10³/µL",
    "10^9/L": "×10⁹/L",
    "umol/L": "µmol/L",
    "mL/min/1.73m2": "mL/min/1.73 m²",
    "mg/24h": "mg per 24 hours",
    "g/24h": "g per 24 hours",
    ULN: "× ULN",
}

# Values outside these (in the rule's unit) are almost surely a unit mix-up. Rough,
# deliberately wide bounds: they only trigger a gentle "did you mean" hint.
_PLAUSIBLE: dict[str, tuple[float, float]] = {
    "platelets": (1_000, 3_000_000),
    "anc": (10, 200_000),
    "hemoglobin": (2, 25),
    "serum_m_protein": (0, 20),
    "involved_flc": (0, 50_000),
}


# What each quantity can physically be, in the first unit named: a value above
# (or a normal limit that makes the ratio above MAX_TIMES_ULN) is refused when an
# answers file is read or a number typed, with the key named. Far wider than
# _PLAUSIBLE, whose "very unusual" values stay allowed and are only queried. The
# lower bound of every lab value is 0 (the answers model says so).
_PHYSICAL_MAX: dict[str, tuple[str, float]] = {
    "serum_m_protein": ("g/dL", 30),  # more than all the protein blood holds
    "urine_m_protein": ("mg/24h", 200_000),
    "involved_flc": ("mg/dL", 100_000),
    "bone_marrow_plasma_cells": ("%", 100),
    "egfr": ("mL/min", 1_000),
    "alt": ("U/L", 100_000),
    "ast": ("U/L", 100_000),
    "bilirubin": ("mg/dL", 200),
    "anc": ("/uL", 2_000_000),
    "platelets": ("/uL", 20_000_000),
    "hemoglobin": ("g/dL", 40),
}
MAX_TIMES_ULN = 10_000.0


def physical_problem(key: str, value: float, unit: str, uln: float | None = None) -> str | None:
    """Why no lab report could show this number (or this normal limit), or None.

    The question widget and the answers file ask this same question (through the
    answers model). A number is impossible only when it is too large in *every*
    unit the key accepts: 150,000 ×10⁹/L stays allowed, because 150,000/µL is a
    real count and ``likely_mix_up`` then asks "did you mean…"; 1e308 is refused.
    What this lets through can still be "very unusual" (``implausible``)."""
    if not math.isfinite(value) or value < 0:
        return "a lab value is a number of 0 or more"
    most = physical_max(key, unit)
    if value > most:
        return "no lab report shows a number this large here; please check the number and the unit"
    if uln is not None:
        if uln > most:
            return "no lab report shows a normal limit this large; please check it"
        if value / uln > MAX_TIMES_ULN:
            return (f"the value is more than {format_number(MAX_TIMES_ULN)} times the normal limit "
                    "beside it; please check both numbers")
    return None


def physical_max(key: str, unit: str) -> float:
    """The largest number a report could show for ``key``, in the unit it is most
    generous in (see physical_problem); for a × ULN value, MAX_TIMES_ULN."""
    if unit == ULN:
        return MAX_TIMES_ULN
    reference, most = _PHYSICAL_MAX.get(key, ("", math.inf))
    converted = [convert(most, reference, other) for other in LAB_UNITS.get(key, ()) if other != ULN]
    return max((number for number in converted if number is not None), default=math.inf)


def display_unit(unit: str) -> str:
    return _DISPLAY.get(unit, unit)


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


def format_number(number: float, decimals: int = 3) -> str:
    """'150,000', '0.5', '3.25': thousands separated, no trailing zeros; '1 × 10³⁰⁸'
    for a number too large (or too small) for any lab report."""
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


def conversion_text(key: str, value: float, unit: str, to_unit: str, uln: float | None = None,
                    limit: float | None = None) -> str:
    """'150 ×10⁹/L = 150,000/µL', shown beside the field; empty when nothing to convert.
    ``limit``: the study's limit in ``to_unit``, so rounding never hides which side it is on."""
    converted = convert(value, unit, to_unit, uln)
    if converted is None or not math.isfinite(converted):  # beyond any float: nothing sensible to show
        return ""
    if to_unit == ULN and unit != ULN:
        return (f"{format_value(value, unit, 6)} with a normal limit of {format_value(uln or 0, unit, 6)} "
                f"= {format_number(converted, decimals_beside_limit(converted, limit))} times the upper limit of normal")
    if unit == to_unit or compared_as_is(unit, to_unit):
        return ""
    return f"{format_value(value, unit, 6)} = {format_value(converted, to_unit, decimals_beside_limit(converted, limit))}"


def implausible(key: str, value_in_rule_unit: float) -> bool:
    """A number no lab report would show for this test (in the rule's unit)."""
    bounds = _PLAUSIBLE.get(key)
    return bounds is not None and not bounds[0] <= value_in_rule_unit <= bounds[1]


def likely_mix_up(key: str, value: float, unit: str, rule_unit: str) -> str | None:
    """The unit the patient probably meant, when theirs gives an impossible number."""
    bounds = _PLAUSIBLE.get(key)
    if bounds is None or value <= 0:
        return None
    low, high = bounds
    converted = convert(value, unit, rule_unit)
    if converted is None or low <= converted <= high:
        return None
    for other in LAB_UNITS.get(key, ()):
        candidate = convert(value, other, rule_unit)
        if other != unit and candidate is not None and low <= candidate <= high:
            return other
    return None

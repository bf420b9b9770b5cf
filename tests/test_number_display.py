"""Worked-out numbers (conversions, ratios) are rounded, but never across a limit."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.core.units import conversion_text, decimals_beside_limit, format_number


@pytest.mark.parametrize(("number", "limit", "shown"), [
    (2.0588235, 1.5, "2.06"),      # far from the limit: 2 decimals
    (0.875, 3.0, "0.88"),
    (1.4996, 1.5, "1.4996"),       # would round to the limit itself
    (1.5004, 1.5, "1.5004"),
    (1.5, 1.5, "1.5"),             # on the limit: says so
    (1.4949, 1.495, "1.49"),       # 2 decimals are already below a limit with 3
    (7.8965, 8.0, "7.9"),          # 7.90 is below 8 already
    (7.99996, 8.0, "7.99996"),
    (3.14159, None, "3.14"),       # no limit to keep to
])
def test_rounding_keeps_the_side_of_the_limit(number, limit, shown) -> None:
    assert format_number(number, decimals_beside_limit(number, limit)) == shown


@given(st.floats(0.001, 1000), st.floats(0.001, 1000))
def test_shown_number_is_never_on_the_wrong_side(number, limit) -> None:
    decimals = decimals_beside_limit(number, limit)
    shown = round(number, decimals)
    if abs(number - limit) >= 1e-6:  # beyond the 6-decimal cap, the reason says it in words
        assert (shown > limit) == (number > limit) and (shown < limit) == (number < limit)


@pytest.mark.parametrize(("args", "text"), [
    (("alt", 130, "U/L", "xULN", 40, 3.0), "130 U/L with a normal limit of 40 U/L = 3.25 times the upper limit of normal"),
    (("bilirubin", 25.49, "umol/L", "xULN", 17, 1.5), "= 1.499 times the upper limit of normal"),
    (("hemoglobin", 4.96, "mmol/L", "g/dL", None, 8.0), "4.96 mmol/L = 7.99 g/dL"),
    (("platelets", 40, "10^9/L", "/uL", None, 50000), "40 ×10⁹/L = 40,000/µL"),
])
def test_the_note_beside_the_field(args, text) -> None:
    assert text in conversion_text(*args)


def test_egfr_is_compared_as_it_is_never_shown_as_converted() -> None:
    # Reports give eGFR in mL/min/1.73 m²; the record writes its limit in mL/min.
    assert conversion_text("egfr", 20, "mL/min/1.73m2", "mL/min") == ""


@pytest.mark.parametrize(("number", "shown"), [
    (1e308, "1 × 10³⁰⁸"),           # a number no report would show: a few digits, a power of ten
    (-1e308, "-1 × 10³⁰⁸"),
    (1.2345e12, "1.23 × 10¹²"),
    (1e-7, "1 × 10⁻⁷"),
    (999_999_999, "999,999,999"),   # up to here, in full
    (150_000, "150,000"),
    (0.0004, "0.0004"),             # small, but in full
    (2.5e-6, "0.0000025"),
])
def test_numbers_are_shown_with_sensible_digits(number, shown) -> None:
    """Issue 12 item 8: platelets of 1e308 had been shown as a 309-digit number."""
    assert format_number(number) == shown
    assert len(format_number(number, 6)) <= 16


def test_an_impossible_lab_number_is_refused_on_load_and_never_printed_in_full() -> None:
    """Issue 12 item 8 and issue 14 item 6: a value no report can show (1e308) is
    refused when the answers are read, naming the key; where the field shows it while
    typed, no 309-digit number or 'inf' appears."""
    from pydantic import ValidationError

    from explainer.content import load_questions

    Answers = load_questions().answers_model  # answers keyed by the shared question bank's questions

    for key, unit in (("platelets", "10^9/L"), ("urine_m_protein", "g/24h"), ("hemoglobin", "g/dL")):
        with pytest.raises(ValidationError, match=key):
            Answers.model_validate({key: {"value": 1e308, "unit": unit}})
        note = conversion_text(key, 1e308, unit, "/uL" if key == "platelets" else "mg/24h")
        assert not re.search(r"\binf\b|\d{12}", note)

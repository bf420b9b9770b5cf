"""The PDF summary's own words (resources/pdf/summary.json) stay plain: US grade 8 or
lower (writing guide §3.2), and they never promise a place in the study."""

from __future__ import annotations

import re
import warnings

import pytest

from explainer.content import load_summary_text, load_trial
from explainer.core.summary import study_text

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports the deprecated pkg_resources
    import textstat

# The generic words with the built-in study's own laid over them (its trial file's
# "words.pdf", issue 15): what its PDF prints. GENERIC: what any other study gets.
GENERIC = load_summary_text()
TEXT = study_text(GENERIC, load_trial())
# Placeholders are filled with names and titles from the record; read the prose without them.
_PLACEHOLDER = re.compile(r"\{\{[^}]+\}\}")

GROUPS = {
    "intros": [TEXT.subtitle, *TEXT.made_from.model_dump().values(), TEXT.short_disclaimer, *TEXT.study, TEXT.status, TEXT.timeline_intro, TEXT.how_given,
               *TEXT.journey.values(),
               TEXT.how_to_read, TEXT.dates_intro, TEXT.dates_delays, TEXT.self_check_intro, TEXT.self_check_not_filled,
               TEXT.doctor_questions_intro, TEXT.not_met_note, TEXT.help_intro],
    "team_questions": list(TEXT.team_questions),
    "contacts": [words for _name, words in TEXT.contacts],
    "disclaimer": list(TEXT.disclaimer),
    "generic timeline": [GENERIC.timeline_intro, *GENERIC.journey.values(), GENERIC.dates_intro, GENERIC.dates_more,
                         GENERIC.arm_shown, GENERIC.no_schedule],
}


@pytest.mark.parametrize("group", GROUPS)
def test_summary_words_read_at_grade_8_or_lower(group: str) -> None:
    text = _PLACEHOLDER.sub("it", " ".join(GROUPS[group]))
    assert textstat.flesch_kincaid_grade(text) <= 8


def test_the_disclaimer_says_who_decides_and_dates_the_record() -> None:
    words = " ".join(TEXT.disclaimer)
    assert "not medical advice" in words and "Only the study team decides who can join" in words
    assert "{{ last_updated }}" in words


def test_no_phone_number_is_made_up_for_the_site() -> None:
    site = dict(TEXT.contacts)["The study team"]
    assert "no phone number" in site and not re.search(r"\d{3}[-. ]\d{4}", site)

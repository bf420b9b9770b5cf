"""Results kept so they are not worked out again (issue 18): a kept result is always the
one working it out again would give, and it is made again once what it came from changes."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer.core.clinic_days import clinic_day_guide
from explainer.core.schedule import build_timeline
from explainer.core.summary_grids import cycle_grids
from explainer.timeline_text import timeline_text, timeline_text_for

START = dt.date(2026, 12, 1)


@pytest.mark.parametrize("text", ["", "a", "Platelets at least 50 ×10⁹/L", "✓ ✗ ☐ µ ⁹", "the", "The", "the "])
@pytest.mark.parametrize("size", [7.5, 10.5, 14.7])
def test_a_kept_width_is_the_width_reportlab_measures(text: str, size: float) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from explainer.pdf.fonts import BOLD, REGULAR, MeasuredTTFont, register_fonts

    register_fonts()
    for name in (REGULAR, BOLD):
        font = pdfmetrics.getFont(name)
        assert isinstance(font, MeasuredTTFont)
        measured = TTFont.stringWidth(font, text, size)  # reportlab's own, never kept
        assert font.stringWidth(text, size) == measured  # first time: measured
        assert font.stringWidth(text, size) == measured  # then kept
        assert pdfmetrics.stringWidth(text, name, size) == measured


def test_the_kept_widths_never_grow_past_their_cap(monkeypatch) -> None:
    from reportlab.pdfbase import pdfmetrics

    from explainer.pdf.fonts import REGULAR, MeasuredTTFont, register_fonts

    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    monkeypatch.setattr(MeasuredTTFont, "WIDTHS_KEPT", 5)
    words = [f"word{n}" for n in range(12)]
    widths = [font.stringWidth(w, 10) for w in words]
    assert len(font._widths) <= 5
    assert [font.stringWidth(w, 10) for w in words] == widths


def test_a_trials_timeline_words_are_merged_once_and_kept(trial) -> None:
    first = timeline_text_for(trial)
    assert timeline_text_for(trial) is first
    copy = trial.model_copy()  # another trial object: its own merge, with the same words
    assert timeline_text_for(copy) == first
    assert timeline_text_for(None) is timeline_text()


def test_other_words_in_another_trial_are_not_taken_for_the_kept_ones(trial) -> None:
    words = trial.words.model_copy(update={"timeline": {**trial.words.timeline, "section_title": "Another title"}})
    other = trial.model_copy(update={"words": words})
    assert timeline_text_for(other).section_title == "Another title"
    assert timeline_text_for(trial).section_title != "Another title"


def test_the_clinic_day_guide_is_the_same_with_the_grids_handed_to_it(trial) -> None:
    timeline = build_timeline(trial, START)
    words = timeline_text_for(trial).clinic_days
    assert clinic_day_guide(timeline, words, cycle_grids(timeline)) == clinic_day_guide(timeline, words)


CHANGES = [  # what the patient changes -> the session's timeline is made again from it
    ("start date", lambda s: s.set_start_date(START), dict(start=START)),
    ("a delay", lambda s: (s.set_start_date(START), s.set_delays({2: 3})), dict(start=START, delays={2: 3})),
    ("no delay again", lambda s: (s.set_delays({2: 3}), s.set_delays({})), dict()),
    ("no start again", lambda s: (s.set_start_date(START), s.set_start_date(None)), dict()),
]


@pytest.mark.parametrize(("what", "change", "expected"), CHANGES, ids=[c[0] for c in CHANGES])
def test_the_sessions_timeline_is_kept_until_its_inputs_change(trial, what, change, expected) -> None:
    from explainer.ui.session import Session

    session = Session(trial)
    before = session.timeline()
    assert session.timeline() is before  # asked again, nothing changed: the same one
    change(session)
    after = session.timeline()
    assert after == build_timeline(trial, expected.get("start"), expected.get("delays"))
    assert (after is before) == (after == before)

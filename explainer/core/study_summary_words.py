"""The app's words for the summary and self-check of any registry record
(resources/study_summary_words.json), as a model.

The pages themselves say what study_words.json says; this file holds only what the
PDF, the web page and ``check`` add around them: titles, the notice that only the
study team decides, the questions to ask, the disclaimer, and the self-check's
rows in words. Each text names the placeholders it may use, as in
explainer.core.study_words. No Qt, no files, no clock here.
"""

from __future__ import annotations

from pydantic import Field

from explainer.core.answers import YesNo
from explainer.core.criteria import Kind
from explainer.core.criteria_read import Op
from explainer.core.study_words import Plain, Words, _Strict

WithNct = Words("nct_id")
WithNctToday = Words("nct_id", "today")
WithToday = Words("today")
WithTodayDate = Words("today", "record_date")
WithDate = Words("date")
WithCount = Words("count")
WithNctDate = Words("nct_id", "date")
WithCountNctKeys = Words("count", "nct_id", "keys")
WithNameYoursLimit = Words("name", "yours", "limit")
WithNameYours = Words("name", "yours")
WithNameLimit = Words("name", "limit")
WithValue = Words("value")
WithName = Words("name")
WithYoursConverted = Words("yours", "converted")
WithPlace = Words("place")
WithCountryCount = Words("country", "count")
WithCountry = Words("country")
OpWords = Words("value", "low", "high")
WithRule = Words("rule")


class InputWords(_Strict):
    """A bank question as the record's self-check asks it: the question, and where to look."""

    text: Plain
    hint: Plain
    choices: tuple[Plain, ...] = ()  # a scale (ECOG): the words of 0, 1, 2, ... in order


class CheckWords(_Strict):
    heading: WithNctDate
    heading_no_answers: WithNct
    no_answers: Plain
    needed: Plain
    keeps_out: Plain
    why_label: Plain
    read_label: Plain
    ignored: WithCountNctKeys
    ignored_one: WithCountNctKeys
    unread: Plain
    unread_exclusion: Plain
    reason_unread: Plain
    explains: Plain         # an item that says what a word means: shown, never asked
    explains_label: Plain   # its tag where a rule shows what the check found
    reason_explains: Plain
    reason_not_answered: WithName  # names the question: a row may read two (ALT or AST)
    reason_no_question: Plain
    answer_reasons: dict[Kind, dict[YesNo, Plain]]  # the patient's own answer to an item, by kind
    page_title: Plain
    page_intro: tuple[Plain, ...] = Field(min_length=1)
    inclusion_heading: Plain
    exclusion_heading: Plain
    no_items: Plain
    record_words_label: Plain
    read_from_words: Plain
    hard_words_label: Plain
    asked_above: WithRule
    decides: Plain
    choices: dict[YesNo, Plain]
    inputs: dict[str, InputWords]  # by answers-file key: how the window asks it for any study
    reason_unit: Plain
    reason_condition: Plain
    reason_more_words: Plain
    reason_several: Plain
    reason_compared: WithNameYoursLimit
    your_answer: WithNameYours
    converted: WithYoursConverted  # an answer in another unit, with its value in the limit's
    rule: WithNameLimit
    op: dict[Op, OpWords]
    uln: WithValue
    names: dict[str, Plain]


class StudySummaryWords(_Strict):
    format: str = Field(pattern=r"^trial-explainer/study-summary-words$")
    version: int = Field(ge=1, le=1)
    title: WithNct
    subtitle: WithTodayDate
    subtitle_no_date: WithToday
    notice: Plain
    footer: WithNctToday
    answers_note: WithDate
    no_answers_note: Plain
    your_answer_label: Plain
    status_label: Plain
    more_places: WithCount
    more_places_one: Plain
    near_heading: WithPlace
    near_order: Plain
    by_country_label: Plain
    country_count: WithCountryCount
    country_count_one: WithCountry
    no_country_count: WithCount
    no_country_count_one: Plain
    choose_place: Plain
    questions_title: Plain
    questions_intro: Plain
    questions: tuple[Plain, ...] = Field(min_length=1)
    questions_source: Plain
    disclaimer_title: Plain
    disclaimer: tuple[Plain, ...] = Field(min_length=1)
    calendar_none: Plain
    words_title: Plain     # the list of hard words at the end (explainer.core.study_reading)
    words_intro: Plain
    words_note: Plain      # ends the "written for doctors" label: where the hard words are explained
    words_source_label: Plain
    check: CheckWords

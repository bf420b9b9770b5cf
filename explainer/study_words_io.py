"""Loads the words of any study's pages (resources/study_words.json), validated.

Writers edit the JSON; a missing key, an unknown one or a placeholder a text may
not use is a ContentError naming the field. Headless (no Qt).
"""

from __future__ import annotations


from explainer.content import Source, load_json_model, resources_root
from explainer.core.compare import CompareWords
from explainer.core.language import per_language
from explainer.core.study_summary_words import StudySummaryWords
from explainer.core.study_words import StudyWords


def load_study_words(source: Source | None = None) -> StudyWords:
    return load_json_model(source or resources_root() / "study_words.json", StudyWords)


@per_language  # read once per language: a Spanish window and an English PDF each get their own
def study_words() -> StudyWords:
    return load_study_words()


def load_study_summary_words(source: Source | None = None) -> StudySummaryWords:
    return load_json_model(source or resources_root() / "study_summary_words.json", StudySummaryWords)


@per_language  # read once per language: a Spanish window and an English PDF each get their own
def study_summary_words() -> StudySummaryWords:
    """The words the summary and the self-check of any record add (resources/study_summary_words.json)."""
    return load_study_summary_words()


def load_compare_words(source: Source | None = None) -> CompareWords:
    return load_json_model(source or resources_root() / "compare_words.json", CompareWords)


@per_language  # read once per language: a Spanish window and an English PDF each get their own
def compare_words() -> CompareWords:
    """The words of "Studies I looked at" (resources/compare_words.json)."""
    return load_compare_words()

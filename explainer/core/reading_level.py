"""How hard a passage is to read: its Flesch-Kincaid US school grade.

The tests score the app's own words with textstat, which is a test dependency only.
At run time the app needs the same kind of figure for words it did not write (a
registry record's summary and criteria), so that a long passage can say it was
written for doctors. This is the same formula with a small syllable counter, pure
and without a dictionary. It counts syllables as they are heard; textstat's
hyphenation dictionary never splits off the first or last two letters ("body" is one
syllable to it), so for the same text this grade is about one to two grades higher
than the tests' figure, and it ranks passages the same way
(tests/test_reading_level.py compares them).

A registry passage is a list more often than prose: a line break ends a sentence as
a full stop does, or a list of 20 criteria without full stops would count as one
sentence of 300 words. Numbers and signs ("1,500/mm3", ">=") are not words to read
and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

# Grades: the app's own target (writing guide §3.2), and the end of high school.
PLAIN_MAX_GRADE = 8.0
HIGH_SCHOOL_MAX_GRADE = 12.0

_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n")
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['\u2019-][A-Za-z\u00C0-\u024F]+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Two vowels side by side that are two sounds, not one: ra-di-a-tion, bi-o-psy, be-ing.
_TWO_SOUNDS = re.compile(r"ia|io(?!n)|iu|ua|uo|ii|(?<=b)ei")
# A final e, es or ed that adds no sound: "made", "takes", "named" (not "table",
# "places" or "wanted", where the ending is heard).
_SILENT_END = re.compile(r"(?<=[^aeiouy])(?:e|es|ed)$")
_SOUNDED_END = re.compile(r"(?:[^aeiouy]le|[cgsxz]es|(?:ch|sh)es|[td]ed)$")


class Difficulty(Enum):
    PLAIN = "plain"  # grade 8 or lower: what the app writes
    HARD = "hard"  # up to the end of high school
    FOR_SPECIALISTS = "for specialists"  # beyond high school: "written for doctors"


@dataclass(frozen=True)
class ReadingLevel:
    grade: float  # Flesch-Kincaid US school grade, one decimal
    words: int
    sentences: int

    @property
    def difficulty(self) -> Difficulty:
        if self.grade <= PLAIN_MAX_GRADE:
            return Difficulty.PLAIN
        return Difficulty.HARD if self.grade <= HIGH_SCHOOL_MAX_GRADE else Difficulty.FOR_SPECIALISTS


def syllables(word: str) -> int:
    """Syllables in one English word, by rule (no dictionary): vowel groups, plus
    vowel pairs heard as two sounds, less a silent final e, es or ed."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 0
    if len(letters) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(letters)) + len(_TWO_SOUNDS.findall(letters))
    if _SILENT_END.search(letters) and not _SOUNDED_END.search(letters):
        count -= 1
    return max(1, count)


def reading_level(text: str) -> ReadingLevel:
    """The grade of ``text`` and what it was counted from. Text without words is
    grade 0: nothing in it is hard to read."""
    sentences = [part for part in _SENTENCE_END.split(text) if _WORD.search(part)]
    words = [w for part in sentences for w in _WORD.findall(part)]
    if not words:
        return ReadingLevel(0.0, 0, 0)
    per_sentence = len(words) / len(sentences)
    per_word = sum(syllables(w) for w in words) / len(words)
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return ReadingLevel(round(grade, 1), len(words), len(sentences))


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid US school grade of ``text``."""
    return reading_level(text).grade

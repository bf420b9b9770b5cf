"""``validate``'s checks across files: every name one file gives must exist in another.

Each file is valid on its own (its loader checks that); here a rule's question must
be in questions.json and take the rule's unit, a page's ``{{ fact }}`` must be a fact
of the trial, a ``[registry: id]`` marker must name a sentence, and a
``glossary:id`` link must name a term. Every problem is one line naming the file and
the field (or line), and all of them are reported at once, so an author fixes them in
one go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from explainer.content import (
    _PLACEHOLDER,
    PAGE_NAMES,
    ContentError,
    Source,
    load_glossary,
    load_questions,
    load_registry_sentences,
    page_source,
    read_text,
    resources_root,
)
from explainer.core.facts import trial_facts
from explainer.core.registry_words import MARKER
from explainer.core.rules import AllOf, AnswerIs, AnyOf, Compare, MonthsSince
from explainer.core.units import ULN, factor

if TYPE_CHECKING:
    from explainer.core.model import Trial
    from explainer.core.questions import Question, Questionnaire

GLOSSARY_LINK = re.compile(r"\]\(\s*glossary:([^)\s]*)\s*\)")
# The word files whose texts may carry glossary links besides the pages.
WORD_FILES = ("questions.json", "timeline.json", "pdf/summary.json")


def check_links(trial: Trial, trial_source: Source, root: Source | None = None) -> str:
    """The line ``validate`` prints when every reference resolves; otherwise a
    ContentError with one line per problem."""
    root = root or resources_root()
    problems = link_problems(trial, trial_source, root)
    if problems:
        head = [] if len(problems) == 1 else [f"{len(problems)} problems:"]
        raise ContentError("\n".join(head + problems))
    return "ok  references across files: rule questions and units, page facts, registry markers, glossary links"


def link_problems(trial: Trial, trial_source: Source, root: Source) -> list[str]:
    questions = load_questions(root / "questions.json")
    pages = {name: (page_source(name, root), read_text(page_source(name, root))) for name in PAGE_NAMES}
    words = {name: (root / name, read_text(root / name)) for name in WORD_FILES}
    return [*rule_problems(trial, trial_source, questions, root / "questions.json"),
            *placeholder_problems(trial, pages.values()),
            *marker_problems(pages.values(), root),
            *glossary_link_problems([*pages.values(), *words.values()], root)]


def _leaves(rule: object, where: str) -> Iterator[tuple[object, str]]:
    if isinstance(rule, (AllOf, AnyOf)):
        for number, child in enumerate(rule.of):
            yield from _leaves(child, f"{where}.of.{number}")
    elif rule is not None:
        yield rule, where


def rule_problems(trial: Trial, trial_source: Source, questions: Questionnaire, questions_source: Source) -> list[str]:
    problems = []
    for number, criterion in enumerate(trial.criteria):
        for rule, where in _leaves(criterion.rule, f"criteria.{number}.rule"):
            field = f"{trial_source}: {where} (criterion {criterion.id!r})"
            question = questions.question(rule.question)
            if question is None:
                problems.append(f"{field}: question {rule.question!r} is not in {questions_source}")
            elif (wrong := _mismatch(rule, question)) is not None:
                problems.append(f"{field}: {wrong}")
    return problems


def _mismatch(rule: object, question: Question) -> str | None:
    """Why ``question`` cannot answer ``rule``, or None when it can."""
    asked = f"question {question.key!r} ({question.kind})"
    if isinstance(rule, Compare):
        if question.kind == "whole_number":
            return None if rule.unit == "" else f"unit {rule.unit!r}: {asked} takes a plain number, no unit"
        if question.kind != "lab":
            return f"{asked} is not answered with a number to compare"
        if rule.unit == ULN and question.takes_uln:
            return None
        cannot = [unit for unit in question.units if factor(unit, rule.unit) is None]
        if not cannot:
            return None
        which = "none of them" if len(cannot) == len(question.units) else ", ".join(cannot) + " not"
        return f"unit {rule.unit!r}: {asked} is answered in {', '.join(question.units)}, {which} convertible to it"
    if isinstance(rule, AnswerIs):
        if question.kind not in ("yes_no", "choice"):
            return f"{asked} has no answers to choose from"
        offered = {choice.value for choice in question.choices}
        unknown = [value for value in rule.among if value not in offered]
        return f"among {unknown}: not answers {asked} offers ({', '.join(sorted(offered))})" if unknown else None
    if isinstance(rule, MonthsSince):
        return None if question.kind == "date" else f"{asked} is not answered with a date"
    return None


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def placeholder_problems(trial: Trial, pages: Iterable[tuple[Source, str]]) -> list[str]:
    facts = trial_facts(trial)
    return [f"{source} line {_line(text, match.start())}: {match.group(0)} is not a fact of the trial"
            for source, text in pages for match in _PLACEHOLDER.finditer(text) if match.group(1) not in facts]


def marker_problems(pages: Iterable[tuple[Source, str]], root: Source) -> list[str]:
    sentences_source = root / "registry_sentences.json"
    known = load_registry_sentences(sentences_source).sentences
    return [f"{source} line {_line(text, match.start())}: [registry: {sentence}] is not in {sentences_source}"
            for source, text in pages for match in MARKER.finditer(text)
            for sentence in (part.strip() for part in match.group(1).split(",")) if sentence not in known]


def glossary_link_problems(files: Iterable[tuple[Source, str]], root: Source) -> list[str]:
    glossary_source = root / "glossary.json"
    known = {term.id for term in load_glossary(glossary_source).terms}
    return [f"{source} line {_line(text, match.start())}: glossary:{match.group(1)} is not a term in {glossary_source}"
            for source, text in files for match in GLOSSARY_LINK.finditer(text) if match.group(1) not in known]

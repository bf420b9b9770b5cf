"""``trial-explainer validate``: a content author's check of a trial file and the pages."""

from __future__ import annotations

from pathlib import Path

from explainer.content import (
    PAGE_NAMES,
    ContentError,
    UnknownFact,
    builtin_trial_path,
    load_glossary,
    load_page,
    load_registry_sentences,
    load_trial,
)
from explainer.core.registry_words import marker_ids
from explainer.core.model import Trial
from explainer.timeline_text import load_timeline_text, timeline_text_for
from explainer.validate_links import check_links


def _schedule_words(trial: Trial) -> str:
    """'2 treatment phases'; per group where groups differ; or that the record gives none."""
    if not trial.regimens:
        return "no treatment schedule (the record gives none)"
    if trial.arms_differ:
        return "treatment phases per group: " + ", ".join(str(len(r.phases)) for r in trial.regimens)
    return f"{len(trial.regimens[0].phases)} treatment phases"


def validate_all(trial_file: Path | None) -> list[str]:
    """Lines to print on success; a broken file raises ContentError naming file and field."""
    trial = load_trial(trial_file)
    source = trial_file or builtin_trial_path()
    lines = [f"ok  {source}: {trial.nct_id}, {len(trial.criteria)} criteria, {_schedule_words(trial)}"]
    sentences = load_registry_sentences()
    builtin = trial_file is None or load_trial().nct_id == trial.nct_id
    if builtin:  # the pages and word files are the built-in study's: check their references across files
        lines.append(check_links(trial, source))
    for name in PAGE_NAMES:
        try:
            page = load_page(name, trial, registry_links=True)
        except UnknownFact as err:
            if builtin:  # the pages are the built-in study's: there a missing fact is a typo
                raise
            lines.append(f"--  page {name}: written for the built-in study, not this one ({err})")
            continue
        unknown = sorted({i for ids in marker_ids(page) for i in ids} - set(sentences.sentences))
        if unknown:
            raise ContentError(f"pages/{name}.md: unknown registry sentence {unknown[0]!r} "
                               "(see registry_sentences.json)")
        lines.append(f"ok  page {name}")
    from explainer.summary_source import check_summary_words

    check_summary_words(trial)
    lines.append("ok  PDF summary words (resources/pdf/summary.json)")
    load_timeline_text()
    timeline_text_for(trial)  # the study's own words, laid over the generic ones
    lines.append("ok  timeline words")
    glossary = load_glossary()
    lines.append(f"ok  glossary: {len(glossary.terms)} terms; registry sentences: {len(sentences.sentences)}")
    return lines

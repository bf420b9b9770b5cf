"""``trial-explainer validate``: a content author's check of a trial file and the pages."""

from __future__ import annotations

from pathlib import Path

from explainer.content import (
    PAGE_NAMES,
    ContentError,
    builtin_trial_path,
    load_glossary,
    load_page,
    load_registry_sentences,
    load_trial,
)
from explainer.core.registry_words import marker_ids
from explainer.timeline_text import load_timeline_text
from explainer.validate_links import check_links


def validate_all(trial_file: Path | None) -> list[str]:
    """Lines to print on success; a broken file raises ContentError naming file and field."""
    trial = load_trial(trial_file)
    source = trial_file or builtin_trial_path()
    lines = [f"ok  {source}: {trial.nct_id}, {len(trial.criteria)} criteria, "
             f"{len(trial.regimen.phases)} treatment phases", check_links(trial, source)]
    sentences = load_registry_sentences()
    for name in PAGE_NAMES:
        page = load_page(name, trial, registry_links=True)
        unknown = sorted({i for ids in marker_ids(page) for i in ids} - set(sentences.sentences))
        if unknown:
            raise ContentError(f"pages/{name}.md: unknown registry sentence {unknown[0]!r} "
                               "(see registry_sentences.json)")
        lines.append(f"ok  page {name}")
    from explainer.summary_source import check_summary_words

    check_summary_words(trial)
    lines.append("ok  PDF summary words (resources/pdf/summary.json)")
    load_timeline_text()
    lines.append("ok  timeline words")
    glossary = load_glossary()
    lines.append(f"ok  glossary: {len(glossary.terms)} terms; registry sentences: {len(sentences.sentences)}")
    return lines

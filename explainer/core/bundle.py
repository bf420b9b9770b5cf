"""A curated study as one object: its trial, its pages, its glossary and the registry
sentences its pages quote (one folder under resources/trials/, read by
explainer.content.load_study_bundle).

Each part is validated by its own model as it is read; which names one part gives
another (a page's ``{{ fact }}``, a ``[registry: id]`` marker, a glossary link, a
rule's question) are checked across parts by ``validate`` (explainer.validate_links),
so an author sees every broken name at once instead of the first one on screen.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from explainer.core.glossary import Glossary
from explainer.core.limits import SHORT_TEXT
from explainer.core.model import Trial
from explainer.core.registry_words import RegistrySentences


class StudyBundle(BaseModel):
    # defer_build: made when the first bundle is, after its trial was read; built at
    # import, before any trial, it would make the trial's whole validator a second time.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)

    folder: str = Field(max_length=4 * SHORT_TEXT, description="Where it was read from, for messages.")
    trial: Trial
    sections: tuple[tuple[str, str], ...] = Field(
        min_length=1, description="(page, label) in the order of the list on the left (its sections.json).")
    pages: dict[str, str] = Field(description="Page name (its file name without .md) -> its Markdown, as written.")
    glossary: Glossary = Field(description="The study's own hard words (the general glossary adds the rest).")
    sentences: RegistrySentences | None = Field(description=(
        "The registry's sentences the pages quote, word for word; None for a trial file shown with "
        "the app's own pages alone, which quote none."))

    @property
    def page_names(self) -> tuple[str, ...]:
        """The reading pages the window shows, in order: the study's own or the app's."""
        return tuple(page for page, _label in self.sections)

    def page_source(self, name: str) -> str:
        """The file a page of this study was read from, as messages name it."""
        return f"{self.folder}/pages/{name}.md"

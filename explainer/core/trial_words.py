"""One curated study's own words for the timeline and the printed summary (its trial file's "words").

The generic words (resources/timeline.json, resources/pdf/summary.json) know no
study: no medicine, no part of treatment, no disease. A study adds its own in its
trial file ("words"), laid over the generic ones key by key; the result is checked
by the same models as the generic file, so a misspelt key is an error naming it.
Pure: no files.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class TrialWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    timeline: dict[str, Any] = Field(default_factory=dict, description="Keys of resources/timeline.json.")
    pdf: dict[str, Any] = Field(default_factory=dict, description="Keys of resources/pdf/summary.json.")


def laid_over(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra`` on top; objects merge key by key, anything else is replaced."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = laid_over(out[key], value)
        else:
            out[key] = value
    return out

"""The PDF summary (reportlab), imported only when the user exports.

``render_summary_pdf(summary) -> bytes`` is the one entry point: Summary -> story
(flowables) -> page template -> bytes. reportlab loads on the first call, never
when this package is imported, so the app starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explainer.core.paper import Paper
    from explainer.core.summary import Summary


def render_summary_pdf(summary: Summary, page_size: Paper | tuple[float, float] = "a4",
                       large_print: bool = False) -> bytes:
    """The summary as PDF bytes: the same inputs always give the same bytes.

    ``page_size`` is "a4", "letter" (see ``explainer.core.paper``) or (width, height) in points.
    """
    from explainer.pdf.document import SummaryRenderer

    return SummaryRenderer(summary, page_size, large_print).render()

"""The summary as one accessible, self-contained web page (issue 13, item 10).

``render_summary_html(summary) -> str`` is the one entry point. It reads the same
``Summary`` the PDF is drawn from (explainer/core/summary.py), so the page and
the PDF say the same things. A screen reader can read it, unlike the PDF (reportlab
makes no tagged PDF): real headings, tables with header cells, the language set.
No scripts, no fonts or pictures from elsewhere; the timeline's marks are inline SVG
with their words beside them. Every text from the summary is escaped: a trial file
given with --trial is untrusted.
"""

from __future__ import annotations

from explainer.webpage.page import render_summary_html

__all__ = ["render_summary_html"]

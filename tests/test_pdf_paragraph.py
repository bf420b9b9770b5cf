"""The PDF's Paragraph keeps its line breaks per width (explainer/pdf/paragraph.py):
it must answer every wrap, at any width and in any order, as reportlab's own does."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as ReportlabParagraph

from explainer.pdf.paragraph import Paragraph

STYLE = ParagraphStyle("body", fontSize=10, leading=12)
TEXT = "Ask your doctor about <b>each</b> of these tests before the first cycle starts. " * 3


@pytest.mark.parametrize("widths", [
    (300, 120, 300, 120),  # back to a width measured before: the kept lines
    (120, 1e-9, 120),  # too narrow for any line, between two real widths
    (80, 80, 500),
])
def test_wraps_as_reportlab_does(widths) -> None:
    ours = Paragraph(TEXT, STYLE)
    for width in widths:
        theirs = ReportlabParagraph(TEXT, STYLE)
        assert ours.wrap(width, 800) == theirs.wrap(width, 800)
        if width > 1:
            assert ours.height == theirs.height and ours.width == theirs.width
            assert len(ours.blPara.lines) == len(theirs.blPara.lines)


def test_a_split_paragraph_is_wrapped_afresh() -> None:
    ours, theirs = Paragraph(TEXT, STYLE), ReportlabParagraph(TEXT, STYLE)
    ours.wrap(120, 800), theirs.wrap(120, 800)
    mine, reportlabs = ours.split(120, 30), theirs.split(120, 30)
    assert [p.wrap(120, 800) for p in mine] == [p.wrap(120, 800) for p in reportlabs]
    assert ours.wrap(300, 800) == ReportlabParagraph(TEXT, STYLE).wrap(300, 800)

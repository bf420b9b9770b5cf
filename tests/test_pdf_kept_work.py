"""The PDF's speed-ups give reportlab's own answers (explainer/pdf/paragraph.py, fonts.py):
parsed paragraphs and their lines kept for the process, sameFrag read from each
fragment's attributes, a font's codes found in one step. The same documents, built
again and again, and with reportlab's own Paragraph, give the same bytes."""

from __future__ import annotations

import io
import itertools
import pathlib

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph as ReportlabParagraph
from reportlab.platypus import SimpleDocTemplate, Table
from reportlab.platypus import paragraph as reportlab_paragraph
from reportlab.platypus.paraparser import ParaParser

from explainer.content import resources_root
from explainer.pdf import fonts, paragraph
from explainer.pdf.fonts import BOLD, REGULAR, MeasuredTTFont, register_fonts
from explainer.pdf.paragraph import Paragraph, same_frag

register_fonts()
STYLE = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=13.4)
BULLET = ParagraphStyle("bullet", parent=STYLE, leftIndent=14, bulletIndent=2, bulletFontName=REGULAR)
BIG = ParagraphStyle("big", parent=STYLE, fontName=BOLD, fontSize=13, leading=16.6)

MARKUP = [
    "plain words",
    "<b>bold words</b>",
    "<font color='#ff0000'>red words</font>",
    "<font size='14'>bigger words</font>",
    "<super>raised</super>",
    "<u>underlined</u>",
    "<strike>struck</strike>",
    "<a href='https://example.org'>a link</a>",
    "<span backColor='#ffff00'>marked</span>",
    "line<br/>break",
    "<nobr>kept together</nobr>",
]


def fragments() -> list:
    found = []
    for markup in MARKUP:
        _, frags, _ = ParaParser().parse(markup, STYLE)
        found += frags + [f.clone() for f in frags]
    return found


def test_same_frag_answers_as_reportlabs_for_every_pair_of_fragments() -> None:
    frags = fragments()
    reportlabs = paragraph._accelerated_same_frag
    for first, second in itertools.product(frags, repeat=2):
        assert same_frag(first, second) == bool(reportlabs(first, second)), (first, second)
    assert any(same_frag(a, b) for a, b in itertools.product(frags, repeat=2) if a is not b)


def test_same_frag_leaves_other_objects_to_reportlab() -> None:
    class Other:
        fontName, fontSize = REGULAR, 10

    frag = fragments()[0]
    assert same_frag(Other(), Other()) == bool(paragraph._accelerated_same_frag(Other(), Other()))
    assert same_frag(frag, Other()) == bool(paragraph._accelerated_same_frag(frag, Other()))


# Each step in order, as a document meets them: new characters, the same again (found in
# one step), a no-break space, an empty text, more than 256 characters (a second subset).
SECOND_SUBSET = "".join(chr(c) for c in range(0x400, 0x4FF)) + "".join(chr(c) for c in range(0x100, 0x17F))
# Then codes added after the first look-ups (kept codes brought up to date), and a character
# the font has no glyph for (reportlab's code 0, never kept).
TEXTS = ["Hello world", "Hello world", "world Hello", "a\xa0b c", "", "✓ ✗ ☐ µ ⁹ ×", "✓ µ", "Hello ✓ world ×",
         "Zebra quiz", "Hello ✓ Zebra", "\u0378", "Hello \u0378", SECOND_SUBSET,
         SECOND_SUBSET[-20:], "Hello " + SECOND_SUBSET[-3:], "Hello", b"bytes Hello"]


def test_a_fonts_codes_are_reportlabs() -> None:
    class Doc:  # reportlab keeps a font's codes per document (weakly)
        pass

    path = str(resources_root() / "fonts" / "DejaVuSans.ttf")
    ours, theirs = MeasuredTTFont("Ours", path), TTFont("Theirs", path)
    doc_ours, doc_theirs = Doc(), Doc()
    for text in TEXTS:
        assert ours.splitString(text, doc_ours) == theirs.splitString(text, doc_theirs), text
    assert ours.state[doc_ours].assignments == theirs.state[doc_theirs].assignments
    assert ours.state[doc_ours].subsets == theirs.state[doc_theirs].subsets


LONG = ("Platelets at least 50,000/uL; a growth factor or a transfusion may bring them up within "
        "the 14 days before the first dose. ") * 6
STORY_TEXTS = [
    (LONG, STYLE, None),  # one style: reportlab's kind 0, split across pages
    ("<b>Registry wording:</b> " + LONG, STYLE, None),  # mixed styles: kind 1, split across pages
    ("<b>Ask</b> about each test.", BULLET, "•"),  # a bullet narrows the first line
    ("Question 1: a bullet wider than its indent takes room from the first line.", BULLET, "Question 1:"),
    ("The same words in two styles, each kept on its own.", STYLE, None),
    ("The same words in two styles, each kept on its own.", BIG, None),
    ("The same words with a bullet and without one, each kept on its own.", BULLET, "Question 2:"),
    ("The same words with a bullet and without one, each kept on its own.", BULLET, None),
    ("A word too long for a line: " + "x" * 120 + " and after it.", STYLE, None),  # reportlab splits it
    ("<b>Soft</b> hy\xadphen\xadated words " * 12, STYLE, None),  # soft hyphens: reportlab's own words
    ("", STYLE, None),
]


def document(make: type, page: tuple[float, float] = (260, 300)) -> bytes:
    """The texts as paragraphs and as the cells of a table that splits inside its rows."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=page, invariant=1, initialFontName=REGULAR, leftMargin=20,
                            rightMargin=20, topMargin=20, bottomMargin=20)
    story = [make(text, style, bulletText=bullet) for text, style, bullet in STORY_TEXTS]
    rows = [[make(text, style, bulletText=bullet), make(f"<b>{index}</b>", style)]
            for index, (text, style, bullet) in enumerate(STORY_TEXTS)]
    story.append(Table(rows, colWidths=[150, 60], splitInRow=1))
    doc.build(story)
    return buffer.getvalue()


@pytest.mark.parametrize("page", [(260, 300), (300, 420), (260, 300)])
def test_kept_paragraphs_give_reportlabs_bytes_again_and_again(page) -> None:
    reportlabs = document(ReportlabParagraph, page)
    first, again = document(Paragraph, page), document(Paragraph, page)
    assert first == reportlabs
    assert again == reportlabs, "a paragraph kept from an earlier document changed nothing"
    assert pdfmetrics.getFont(BOLD)  # the bold face was used, not a stand-in


@pytest.mark.parametrize(("text", "style", "bullet"), STORY_TEXTS)
def test_a_kept_paragraph_is_left_as_reportlab_leaves_it(monkeypatch, text, style, bullet) -> None:
    monkeypatch.setattr(paragraph, "_parsed", {})
    monkeypatch.setattr(paragraph, "_broken", {})
    theirs = ReportlabParagraph(text, style, bulletText=bullet)
    size = theirs.wrap(150, 800)
    for _ in ("made", "kept"):
        ours = Paragraph(text, style, bulletText=bullet)
        assert ours.wrap(150, 800) == size
        assert ours._wrapWidths == theirs._wrapWidths and ours._width_max == theirs._width_max
        assert ours.blPara.kind == theirs.blPara.kind and len(ours.blPara.lines) == len(theirs.blPara.lines)
        assert len(ours.frags) == len(theirs.frags)


UPPER = ParagraphStyle("upper", parent=STYLE, textTransform="uppercase")
PLAIN = ["Plain words.", "  Spaces   around\n and a second line\n", "a > b, \"quoted\" and 'quoted'", "",
         "   ", "no\xa0break\tand a tab", "✓ µ ⁹ × ☐", "<b>markup</b> goes to the parser", "x &amp; y"]


@pytest.mark.parametrize("style", [STYLE, BIG, BULLET, UPPER])
@pytest.mark.parametrize("text", PLAIN)
def test_text_without_markup_is_set_up_as_reportlabs_parser_does(monkeypatch, style, text) -> None:
    monkeypatch.setattr(paragraph, "_parsed", {})
    monkeypatch.setattr(paragraph, "_style_frags", {})
    theirs = ReportlabParagraph(text, style)
    for _ in ("made", "kept"):
        ours = Paragraph(text, style)
        assert ours.text == theirs.text and ours.style is theirs.style and ours.bulletText == theirs.bulletText
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]


def test_what_is_kept_cannot_grow_without_end(monkeypatch) -> None:
    monkeypatch.setattr(paragraph, "PARSED_KEPT", 3)
    monkeypatch.setattr(paragraph, "_parsed", {})
    monkeypatch.setattr(paragraph, "_broken", {})
    for number in range(10):
        Paragraph(f"Paragraph number {number}", STYLE).wrap(200, 800)
        assert len(paragraph._parsed) <= 3 and len(paragraph._broken) <= 3
    assert paragraph._parsed and paragraph._broken


def test_the_speed_ups_are_checked_against_the_pinned_reportlab() -> None:
    """They reach into reportlab (its paragraph module's names, its font registry): another
    reportlab version must be checked again before it is pinned."""
    import reportlab

    lock = (pathlib.Path(__file__).resolve().parents[1] / "requirements.lock").read_text()
    assert f"reportlab=={reportlab.Version}" in lock.split()
    assert fonts._registered is pdfmetrics._fonts and fonts._registered[REGULAR] is pdfmetrics.getFont(REGULAR)


@pytest.mark.parametrize("text", ["", " ", "-", "word", "Platelets at least 50 ×10⁹/L", "✓ ✗ ☐ µ ⁹", b"bytes"])
@pytest.mark.parametrize(("name", "size"), [(REGULAR, 10.5), (BOLD, 10.5), (REGULAR, 7), ("Helvetica", 9)])
def test_kept_metrics_are_reportlabs(monkeypatch, text, name, size) -> None:
    monkeypatch.setattr(fonts, "_widths", {})
    monkeypatch.setattr(fonts, "_heights", {})
    for _ in ("measured", "kept"):
        assert fonts.string_width(text, name, size) == pdfmetrics.stringWidth(text, name, size)
        assert fonts.ascent_descent(name, size) == pdfmetrics.getAscentDescent(name, size)
        assert fonts.ascent_descent(name) == pdfmetrics.getAscentDescent(name)
    assert reportlab_paragraph.stringWidth is fonts.string_width  # what reportlab's line breaking calls
    assert reportlab_paragraph.getAscentDescent is fonts.ascent_descent


def test_another_font_under_the_same_name_is_measured_again(monkeypatch) -> None:
    """reportlab keeps the first TrueType font registered under a name, but its registry
    may hold another font under a name later (a standard font registered again)."""
    monkeypatch.setattr(fonts, "_widths", {})
    monkeypatch.setattr(fonts, "_heights", {})
    regular = str(resources_root() / "fonts" / "DejaVuSans.ttf")
    bold = str(resources_root() / "fonts" / "DejaVuSans-Bold.ttf")
    monkeypatch.setitem(pdfmetrics._fonts, "KeptMetricsTest", TTFont("KeptMetricsTest", regular))
    narrow = fonts.string_width("Wide words", "KeptMetricsTest", 10)
    heights = fonts.ascent_descent("KeptMetricsTest", 10)
    monkeypatch.setitem(pdfmetrics._fonts, "KeptMetricsTest", TTFont("KeptMetricsTest", bold))
    assert fonts.string_width("Wide words", "KeptMetricsTest", 10) == pdfmetrics.stringWidth("Wide words", BOLD, 10)
    assert fonts.string_width("Wide words", "KeptMetricsTest", 10) != narrow
    monkeypatch.setitem(pdfmetrics._fonts, "KeptMetricsTest", pdfmetrics.getFont("Courier"))
    assert fonts.ascent_descent("KeptMetricsTest", 10) == pdfmetrics.getAscentDescent("Courier", 10) != heights


def test_kept_metrics_cannot_grow_without_end(monkeypatch) -> None:
    monkeypatch.setattr(fonts, "METRICS_KEPT", 3)
    monkeypatch.setattr(fonts, "_widths", {})
    monkeypatch.setattr(fonts, "_heights", {})
    for number in range(10):
        assert fonts.string_width(f"word {number}", REGULAR, 10) == pdfmetrics.stringWidth(f"word {number}", REGULAR, 10)
        assert fonts.ascent_descent(REGULAR, 10 + number) == pdfmetrics.getAscentDescent(REGULAR, 10 + number)
        assert len(fonts._widths) <= 3 and len(fonts._heights) <= 3


# The app's markup (bold labels, line breaks, escaped characters: story.text()), and markup
# it never makes, which reportlab's parser still reads (the last rows).
SHAPED = ["<b>Registry wording:</b> Subjects must have measurable disease.", "<b>✓ Does not</b> seem to apply",
          "<b>Ask</b>", "<b>Call:</b> your team &amp; the study&#x27;s nurse", "a &lt; b &gt; c &quot;d&quot;",
          "one<br/>two<br/><br/>three", "<b>x</b> x &amp;x", "  <b>  spaced   out </b>  words  ", "<b></b>",
          "&amp;", "<b>a</b><b>b</b>", "line\nbreaks <b>and\n bold</b>",
          "<i>italic</i> words", "<font color='#ff0000'>red</font>", "&alpha; &nbsp; &#169;", "<b>unclosed",
          "a & b", "<br/>", "<B>upper</B>"]


def unmarked(frags: list) -> list[dict]:
    """The fragments' attributes but the kind (text, line break) reportlab's line breaking
    marks on a fragment the first time: the same mark each time, so shared ones may have it."""
    return [{k: v for k, v in f.__dict__.items() if k != "_fkind"} for f in frags]


@pytest.mark.parametrize("style", [STYLE, BIG, BULLET, UPPER])
@pytest.mark.parametrize("text", SHAPED)
def test_markup_is_set_up_as_reportlabs_parser_does(monkeypatch, style, text) -> None:
    monkeypatch.setattr(paragraph, "_parsed", {})
    monkeypatch.setattr(paragraph, "_shapes", {})
    try:
        theirs = ReportlabParagraph(text, style)
    except ValueError:  # reportlab refuses it: so do we
        with pytest.raises(ValueError):
            Paragraph(text, style)
        return
    frags, size = unmarked(theirs.frags), theirs.wrap(120, 800)  # wrapping may change the frags
    for _ in ("made", "its shape kept", "kept"):
        ours = Paragraph(text, style)
        assert ours.text == theirs.text and ours.style is theirs.style and ours.bulletText == theirs.bulletText
        assert unmarked(ours.frags) == frags
        assert ours.wrap(120, 800) == size
        paragraph._parsed.clear()  # the next round: the same shape with the words parsed again


def test_texts_of_one_shape_share_a_parse_and_keep_their_own_words(monkeypatch) -> None:
    monkeypatch.setattr(paragraph, "_parsed", {})
    monkeypatch.setattr(paragraph, "_shapes", {})
    texts = [f"<b>Label {n}:</b> words &amp; more words, number {n}" for n in range(5)]
    for text in texts:
        ours, theirs = Paragraph(text, STYLE), ReportlabParagraph(text, STYLE)
        assert unmarked(ours.frags) == unmarked(theirs.frags)
        ours.wrap(100, 800)
    assert len(paragraph._shapes) == 1
    many = "&quot;a&quot; " * 200  # a long shape: reportlab's parser, nothing kept
    assert unmarked(Paragraph(many, STYLE).frags) == unmarked(ReportlabParagraph(many, STYLE).frags)
    assert len(paragraph._shapes) == 1
    paragraph.forget_kept()
    assert not paragraph._shapes, "a PDF measured with nothing kept parses its shapes again"


def test_the_collector_is_paused_while_a_pdf_is_made_and_resumes_after() -> None:
    """On during a PDF would cost time (explainer/collector.py, on every PDF); left
    off after one would let the app's cycles pile up."""
    import gc

    from explainer.collector import while_paused as collection_paused

    seen = []

    @collection_paused
    def make(inner: bool = False, fail: bool = False) -> str:
        seen.append(gc.isenabled())
        if inner:
            make()  # a PDF made inside another (nested)
            seen.append(gc.isenabled())
        if fail:
            raise ValueError("a PDF that fails")
        return "made"

    assert gc.isenabled()
    assert make(inner=True) == "made" and seen == [False, False, False] and gc.isenabled()
    with pytest.raises(ValueError):
        make(fail=True)
    assert gc.isenabled(), "a PDF that fails resumes collection too"
    gc.disable()
    try:
        make()
        assert not gc.isenabled(), "off before the PDF: left off"
    finally:
        gc.enable()


def test_every_pdf_is_made_with_the_collector_paused(monkeypatch, tmp_path) -> None:
    """The curated study's summary, a record's and the comparison, as the commands make them."""
    import gc

    from explainer.cli import main
    from explainer.pdf import compare_story, document, study_story

    states = []
    for module in (document, study_story, compare_story):  # each PDF's layout, watched
        monkeypatch.setattr(module, "build_numbered", lambda *args, **kwargs: states.append(gc.isenabled()))
    record = str(pathlib.Path(__file__).parent / "fixtures" / "ctgov" / "NCT03934567.json")
    for command in (["pdf"], ["pdf", "--trial", record], ["compare", "--built-in", record]):
        assert main([*command, "-o", str(tmp_path / "out.pdf")]) == 0
    assert states == [False, False, False]
    assert gc.isenabled()


def test_kept_shapes_cannot_grow_without_end(monkeypatch) -> None:
    monkeypatch.setattr(paragraph, "PARSED_KEPT", 3)
    monkeypatch.setattr(paragraph, "_parsed", {})
    monkeypatch.setattr(paragraph, "_shapes", {})
    for number in range(10):
        text = "<b>Line</b>" + "<br/>more" * number  # a new shape each time
        assert unmarked(Paragraph(text, STYLE).frags) == unmarked(ReportlabParagraph(text, STYLE).frags)
        assert len(paragraph._shapes) <= 3

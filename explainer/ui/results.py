"""The self-check results: every rule with an icon and a word (never colour alone),
the reason in the patient's own numbers, and what to ask the doctor. Live: it
redraws the session's report whenever it changes (the session evaluates, not the page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from explainer.core.eligibility import STATUS_ICONS, CriterionResult, EligibilityReport, Overall, Status
from explainer.core.escaping import rich_text
from explainer.core.facts import long_date
from explainer.core.model import Trial
from explainer.core.glossary import Glossary, mark_terms
from explainer.ui.flow import FlowLayout
from explainer.ui.i18n import tr
from explainer.ui.pages import (GLOSSARY_SCHEME, DefinitionPanel, DefinitionPlace, GlossaryBrowser, glossary_help,
                                notice_html)
from explainer.ui.session import Session
from explainer.ui.theme import current_colours

if TYPE_CHECKING:
    from explainer.core.review import Review

# "None of your answers seems to rule you out" gets a neutral mark, not a tick: beside
# "the study was not taking new people" a tick read as "you can join".
_OVERALL_ICONS = {Overall.POSSIBLE_MATCH: "ℹ", Overall.LIKELY_NOT_ELIGIBLE: "✗", Overall.INCOMPLETE: "?"}


class ResultsView(QWidget):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.glossary = session.glossary  # the opened study's own hard words
        self.browser = GlossaryBrowser(self.glossary)
        self.browser.setAccessibleName(tr("Self-check results"))
        self.browser.setAccessibleDescription(glossary_help())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        self._definition = DefinitionPlace(layout)  # the panel under the page, made when first needed
        self.browser.term_chosen.connect(self._definition.show_term)
        self.shown: Review
        session.report_changed.connect(self.show_review)
        self.show_review(session.review())

    @property
    def definition(self) -> DefinitionPanel:
        return self._definition.panel

    @property
    def report(self) -> EligibilityReport:
        return self.shown.report

    def show_review(self, review: Review) -> None:
        self.shown = review  # the session's: this page never evaluates the rules itself
        scroll = self.browser.verticalScrollBar().value()
        self._drawn_with = current_colours()
        self.browser.setHtml(results_html(review.report, self.session.trial, self.glossary))
        self.browser.underline_links()
        self.browser.verticalScrollBar().setValue(scroll)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange and self._drawn_with != current_colours():
            self.show_review(self.shown)  # the theme changed: redraw in its colours
        super().changeEvent(event)

    def status_of(self, criterion_id: str) -> Status:
        return next(c.status for c in self.report.criteria if c.id == criterion_id)


class ResultsSummaryBar(QWidget):
    """A one-line summary above the questions, so answers and their effect stay together."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(tr("Self-check so far"))
        self.see_results = QPushButton(tr("See your results"))
        self.see_results.setAccessibleName(tr("See your self-check results"))
        self.export_pdf = QPushButton(tr("Export PDF for your doctor…"))
        self.export_pdf.setAccessibleName(tr("Export a PDF summary for your doctor"))
        # The buttons sit under the words, not beside them, and wrap onto a second
        # line at a large text size: side by side they made the window too wide.
        buttons = FlowLayout()
        buttons.addWidget(self.see_results)
        buttons.addWidget(self.export_pdf)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        session.report_changed.connect(self.show_review)
        self.show_review(session.review())

    def show_review(self, review: Review) -> None:
        report = review.report
        self.label.setText(tr("<b>So far:</b> {icon} {overall} ({counts})").format(
            icon=_OVERALL_ICONS[report.overall], overall=rich_text(report.overall_words),
            counts=summary_counts(report)))


def summary_counts(report: EligibilityReport) -> str:
    """Counts in words that fit entry rules and exclusions alike ("met" read wrongly for
    an exclusion: a met exclusion is one that does not apply)."""
    counts = {s: sum(1 for c in report.criteria if c.status is s) for s in Status}
    fit, not_fit, still_open = counts[Status.SATISFIED], counts[Status.NOT_SATISFIED], counts[Status.UNKNOWN]
    return ", ".join((
        _count(fit, tr("{n} rule seems to fit your answers"), tr("{n} rules seem to fit your answers")),
        _count(not_fit, tr("{n} rule seems not to fit your answers"), tr("{n} rules seem not to fit your answers")),
        _count(still_open, tr("{n} rule is still open"), tr("{n} rules are still open")),
    ))


def results_html(report: EligibilityReport, trial: Trial, glossary: Glossary | None = None) -> str:
    """The report as HTML; with a glossary, the first mention of each hard word is a link.
    The study's status comes first, dated by its record: it is only true as of then."""
    marked: set[str] = set()

    def text(words: str) -> str:
        if glossary is None:
            return rich_text(words)
        return mark_terms(words, glossary, escape=rich_text, already=marked,
                          link=lambda w, t: f"<a href='{GLOSSARY_SCHEME}:{t.id}'>{rich_text(w)}</a>")

    parts = [
        tr("<h1>Your self-check results</h1>"),
        notice_html(trial),
        f"<p style='font-size:large'><b>{_OVERALL_ICONS[report.overall]} {rich_text(report.overall_words)}</b></p>",
        # The overall sentence already names the status, its date and who decides.
        tr("<p>Your answers describe {date}. {counts}.</p>").format(date=long_date(report.as_of),
                                                                   counts=_capital(summary_counts(report))),
    ]
    for kind, heading in (("inclusion", tr("What the study needs")),
                          ("exclusion", tr("Things that would keep you out"))):
        parts.append(f"<h2>{heading}</h2>")
        parts.extend(_criterion_html(c, text) for c in report.criteria if c.kind == kind)
        parts.extend(tr("<p><i>Note:</i> {note}</p>").format(note=text(n.plain))
                     for n in report.notes if n.kind == kind)
    return "".join(parts)


def _criterion_html(result: CriterionResult, text: Callable[[str], str]) -> str:
    colour = current_colours().status[result.status.value]  # only repeats what the icon and word say
    item = (f"<p><span style='color:{colour}'><b>{STATUS_ICONS[result.status]} "
            f"{result.status_words}:</b></span> {text(result.plain)}<br>"
            + tr("<i>Why:</i> {reason}").format(reason=text(result.reason)))
    if result.ask_doctor:
        # The words name whom to ask ("Ask your doctor: …", "Ask the study team …").
        item += "<br>" + tr("<i>Next step:</i> {step}").format(step=text(result.ask_doctor))
    return item + "</p>"


def _count(number: int, one: str, many: str) -> str:
    """``one`` or ``many`` (each a whole sentence part with {n}: plurals are two texts)."""
    return (one if number == 1 else many).format(n=number)


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]

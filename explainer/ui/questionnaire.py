"""The questionnaire: plain questions in groups, each with where to find the answer,
the registry's own words on request, and an input that always offers "Not sure".

Every change is validated key by key (a bad entry is named beside its field and left
out, never half-used) and the whole answer set goes to the shared Session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from pydantic import ValidationError

from explainer.answers_io import future_date_words, plain_problem
from explainer.core.escaping import rich_text
from explainer.core.glossary import Glossary, mark_terms, term_for_href
from explainer.core.answers import FUTURE_DATE, AnswersFile, new_answers_file
from explainer.core.model import Trial
from explainer.core.questions import Group, Question, Questionnaire
from explainer.core.rules import AllOf, AnyOf, Compare, rule_questions
from explainer.ui.answer_inputs import ChoiceInput, DateInput, LabInput, WholeNumberInput, AnswerInput
from explainer.ui.flow import at_least_content_width
from explainer.ui.i18n import tr
from explainer.ui.labels import LinkLabel
from explainer.ui.pages import GLOSSARY_SCHEME, notice_html, registry_label
from explainer.ui.session import Session


GROUP_SCHEME = "group"


def group_keys_hint() -> str:
    return tr("To move from one group of questions to the next, press Ctrl and the Down arrow key; "
              "Ctrl and Up goes back.")


def compare_rules(trial: Trial) -> dict[str, Compare]:
    """The limit each number question is compared with, and its unit (from the trial data)."""
    rules: dict[str, Compare] = {}

    def walk(rule: Any) -> None:
        if isinstance(rule, (AllOf, AnyOf)):
            for child in rule.of:
                walk(child)
        elif isinstance(rule, Compare):
            rules[rule.question] = rule

    for criterion in trial.criteria:
        if criterion.rule is not None:
            walk(criterion.rule)
    return rules


def make_input(question: Question, rule: Compare | None) -> AnswerInput:
    if question.choices:
        return ChoiceInput(question)
    if question.kind == "lab":
        return LabInput(question, rule.unit if rule else "", rule.limit if rule else None)
    if question.kind == "date":
        return DateInput(question)
    return WholeNumberInput(question)


def glossary_label(text: str, glossary: Glossary | None, name: str) -> QLabel:
    """A wrapping label (``text``: rich text) whose glossary words show their meaning on
    hover; Tab and Enter (or a click) send the word to the page's definition panel."""
    linked = glossary is not None and f"{GLOSSARY_SCHEME}:" in text
    label = LinkLabel(text) if linked else QLabel(text)  # Tab visits its links, not the label
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    if linked:
        label.setAccessibleDescription(tr("Has words with a meaning you can show: press Tab, then Enter."))

        def hovered(href: str) -> None:
            term = term_for_href(glossary, href)
            if term is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(QCursor.pos(), f"<b>{rich_text(term.term)}</b>: {rich_text(term.definition)}",
                                  label)

        label.linkHovered.connect(hovered)
    return label


class QuestionRow(QFrame):
    """One question: wording, input, hint, and the registry's words behind a button."""

    term_chosen = Signal(object)  # GlossaryTerm

    def __init__(self, question: Question, trial: Trial, rule: Compare | None, glossary: Glossary | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"question-{question.key}")
        marked: set[str] = set()  # each word once per question

        def words(text: str) -> str:
            if glossary is None:
                return rich_text(text)
            return mark_terms(text, glossary, escape=rich_text, already=marked,
                              link=lambda w, t: f"<a href='{GLOSSARY_SCHEME}:{t.id}'>{rich_text(w)}</a>")

        self.text = glossary_label(f"<b>{words(question.text)}</b>", glossary, question.text)
        self.input = make_input(question, rule)
        where = tr("<i>Where do I find this?</i> {hint}").format(hint=words(question.hint))
        self.hint = glossary_label(where, glossary,
                                   tr("Where to find: {question}").format(question=question.label))
        for label in (self.text, self.hint):
            label.linkActivated.connect(lambda href: self._choose(glossary, href))
        self._problem: QLabel | None = None  # made when first needed: see problem
        self.source_button = QToolButton()
        self.source_button.setText(tr("Show the registry's words"))
        self.source_button.setCheckable(True)
        self.source_button.setAccessibleName(
            tr("Show the registry's exact words for: {question}").format(question=question.label))
        self._sources = [c.source for c in trial.criteria if question.key in rule_questions(c.rule)]
        self._source: QLabel | None = None  # made when first shown: see source
        self.source_button.toggled.connect(self._toggle_source)
        layout = QVBoxLayout(self)
        for widget in (self.text, self.input, self.hint, self.source_button):
            layout.addWidget(widget)
        if not isinstance(self.input, ChoiceInput):  # its note, once made, goes just under the answer
            self.input.place_note = self._place_note
            if self.input.has_note():
                self._place_note(self.input.note)
        self.text.setBuddy(self.input)
        for control in self.input.findChildren(QWidget):  # a screen reader reads where to find the answer
            if control.focusPolicy() & Qt.FocusPolicy.TabFocus and not control.accessibleDescription():
                control.setAccessibleDescription(f"{question.text} {question.hint}")

    # The problem line and the registry's words are hidden until needed, and most rows never
    # need them: made on first use, 64 fewer widgets to make and style as the page is built.
    @property
    def problem(self) -> QLabel:
        """The line under the answer that names a problem with it (hidden while there is none)."""
        if self._problem is None:
            problem = self._problem = QLabel(self)
            problem.setWordWrap(True)
            problem.setTextFormat(Qt.TextFormat.PlainText)  # it may quote what was typed
            problem.setAccessibleName(tr("Problem with: {question}").format(question=self.question.label))
            problem.hide()
            self._place(problem, before=self.hint)  # it takes no focus: its place in the focus chain is moot
        return self._problem

    @property
    def source(self) -> QLabel:
        """The registry's own words behind the button (hidden until it is pressed)."""
        if self._source is None:
            # The registry's words stay as written (English): the heading says so in Spanish.
            source = self._source = QLabel(registry_label() + "\n" + "\n\n".join(self._sources), self)
            source.setWordWrap(True)
            source.setTextFormat(Qt.TextFormat.PlainText)  # the trial file's words, shown as written
            source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            source.hide()
            # Last in the layout; among the children just after the button, where it was made.
            self._place(source, before=None)
            siblings = [w for w in self.children() if isinstance(w, QWidget)]
            following = siblings[siblings.index(self.source_button) + 1:]
            if following and following[0] is not source:
                source.stackUnder(following[0])
            QWidget.setTabOrder(self.source_button, source)  # a click selects its words; Tab goes on from there
        return self._source

    def _place_note(self, note: QLabel) -> None:
        """The answer's note, just under the answer, and the row's last child, as when it was
        made with the row (the registry's words, made later, go before it: see source)."""
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.input) + 1, note)

    def _place(self, label: QLabel, before: QWidget | None) -> None:
        """Just before ``before`` (None: last), in the layout and among the row's children: a
        screen reader reads the children in their order, which is the order they joined the
        row (a widget made later would come last)."""
        layout = self.layout()
        layout.insertWidget(layout.indexOf(before) if before is not None else -1, label)
        if before is not None:
            label.stackUnder(before)

    def _choose(self, glossary: Glossary | None, href: str) -> None:
        term = term_for_href(glossary, href) if glossary else None
        if term is not None:
            self.term_chosen.emit(term)

    def _toggle_source(self, shown: bool) -> None:
        self.source.setVisible(shown)
        self.source_button.setText(tr("Hide the registry's words") if shown else tr("Show the registry's words"))

    def show_problem(self, message: str) -> None:
        if not message and self._problem is None:
            return  # nothing to say, and nothing said before
        self.problem.setText(f"⚠ {message}" if message else "")
        self.problem.setVisible(bool(message))


class QuestionnaireView(QScrollArea):
    """All questions; pushes a fresh AnswersFile into the session on every change."""

    term_chosen = Signal(object)  # GlossaryTerm, from any question's marked word

    def __init__(self, session: Session, questions: Questionnaire, today: Callable[[], dt.date],
                 parent: QWidget | None = None, in_steps: bool = False) -> None:
        """``in_steps``: only the intro is made now; ``build_next_group`` makes the rest,
        one group per call, so the window can answer between two (app start-up)."""
        super().__init__(parent)
        self.session = session
        self.questions = questions
        self._today = today
        self.as_of = today()
        self.rows: dict[str, QuestionRow] = {}
        self.glossary = session.glossary  # the opened study's own hard words
        self._loading = False
        self.setWidgetResizable(True)
        # Text wraps instead: a sideways scroll bar hides the ends of questions.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(tr("Self-check questions"))
        # Built from the top down: each widget is made inside its parent. Under the
        # app's style sheet, every move of a finished subtree into a new parent
        # re-styles all of it, which made this page take twice as long to build.
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        # The study's status comes first: people decide here whether to go on.
        intro = QLabel(tr("<h1>Check the entry rules yourself</h1>") + notice_html(session.trial) +
                       tr("<p>Answer what you can. \"Not sure\" is always a fine answer. "
                          "Your answers stay on this computer. "
                          "<b>This is not a decision; only the study team decides.</b></p>") +
                       f"<p>{group_keys_hint()}</p>")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # Of the shared question bank, only what this study's rules ask, in the bank's groups.
        asked = {key for criterion in session.trial.criteria for key in rule_questions(criterion.rule)}
        shown = [(g, in_group) for g in questions.groups
                 if (in_group := [q for q in questions.in_group(g.id) if q.key in asked])]
        self.jump_list = LinkLabel(tr("<b>Go to:</b>") + " " + " · ".join(
            f"<a href='{GROUP_SCHEME}:{rich_text(g.id)}'>{rich_text(g.title)}</a>" for g, _ in shown), body)
        self.jump_list.setWordWrap(True)
        self.jump_list.setAccessibleName(tr("Go to a group of questions"))
        self.jump_list.setAccessibleDescription(group_keys_hint())
        self.jump_list.linkActivated.connect(lambda href: self.go_to_group(href.partition(":")[2]))
        layout.addWidget(self.jump_list)
        self.groups: dict[str, QGroupBox] = {}
        self._unbuilt = self._build_groups(body, layout, shown)
        if not in_steps:
            while self.build_next_group():
                pass
        else:  # answers typed into half a page would be saved over the draft not yet offered
            self.setEnabled(False)
        for keys, step in (("Ctrl+Down", 1), ("Ctrl+Up", -1)):
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_group(step))
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def build_next_group(self) -> bool:
        """Make the next group of questions, or lay out the one just made; False once every
        group is made (the page is then enabled). Each step takes a few milliseconds to
        some tens."""
        try:
            next(self._unbuilt)
        except StopIteration:
            self.setEnabled(True)
            return False
        return True

    def _build_groups(self, body: QWidget, layout: QVBoxLayout,
                      shown: list[tuple[Group, list[Question]]]) -> Iterator[None]:
        rules = compare_rules(self.session.trial)
        for group, in_group in shown:
            box = QGroupBox(body)
            self.groups[group.id] = box
            box.setAccessibleName(group.title)
            box_layout = QVBoxLayout(box)
            heading = QLabel(f"<h2>{rich_text(group.title)}</h2>")
            heading.setTextFormat(Qt.TextFormat.RichText)
            heading.setWordWrap(True)
            box_layout.addWidget(heading)
            if group.intro:
                note = QLabel(group.intro)
                note.setWordWrap(True)
                box_layout.addWidget(note)
            for question in in_group:
                row = QuestionRow(question, self.session.trial, rules.get(question.key), self.glossary, parent=box)
                row.term_chosen.connect(self.term_chosen)
                row.term_chosen.connect(lambda _term, chosen=row: self._keep_in_view(chosen))
                row.input.value_changed.connect(self._changed)
                self.rows[question.key] = row
                box_layout.addWidget(row)
            layout.addWidget(box)
            # Styled now, while the app's event filters rest (input_rules.paused_while_building),
            # not by Qt after this step: its polish sends each widget several events, ~1,300 for
            # the page, each a call into the filters in Python. The wheel rule still holds for
            # its value controls (input_rules.no_wheel_focus_under).
            box.ensurePolished()
            yield
            # Its words laid out now, in a step of their own: Qt keeps each label's and each
            # layout's sizes until something in them changes, so the page's smallest width,
            # asked once all groups are made (main_window.fit_navigator), is then quick, not
            # one long turn (~35 ms) that lays out every question at once (issue 18).
            body.minimumSizeHint()
            yield
        layout.addStretch(1)
        self._set_as_of(self.as_of)

    # --- moving by group, and the note under the field in use ----------------------
    def group_of(self, widget: QWidget | None) -> str | None:
        return next((gid for gid, box in self.groups.items() if widget is not None and box.isAncestorOf(widget)), None)

    def step_group(self, step: int) -> None:
        """Ctrl+Down / Ctrl+Up: the first answer of the next / previous group."""
        ids = list(self.groups)
        current = self.group_of(QApplication.focusWidget())
        index = ids.index(current) + step if current else (0 if step > 0 else len(ids) - 1)
        if 0 <= index < len(ids):
            self.go_to_group(ids[index])

    def go_to_group(self, group_id: str) -> None:
        """Focus the group's first answer, with the group's heading in view."""
        box = self.groups[group_id]
        first = next((w for w in self._focus_chain(box) if not isinstance(w, QLabel)), None)
        self.verticalScrollBar().setValue(box.y())  # the group's heading at the top
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(first)

    @staticmethod
    def _focus_chain(box: QWidget) -> list[QWidget]:
        """The widgets inside ``box`` that Tab visits, in Tab's order."""
        found, widget = [], box.nextInFocusChain()
        while widget is not box and widget is not None and len(found) < 500:
            if box.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                    and widget.isVisibleTo(box) and widget.isEnabled():
                found.append(widget)
            widget = widget.nextInFocusChain()
        return found

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.widget() is not None and self.widget().isAncestorOf(new):
            self._keep_note_in_view()

    def _keep_note_in_view(self) -> None:
        """The note under the field in use (a unit changed, a date read) shows whole,
        and the field with it: it appears below the field, maybe under the page's edge."""
        focused = QApplication.focusWidget()
        row = next((r for r in self.rows.values() if focused is not None and r.isAncestorOf(focused)), None)
        if row is None or not row.input.has_note() or not row.input.note.isVisibleTo(row):  # no note
            return
        for _ in range(3):  # the row, the group, then the page: laid out now
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.ensureWidgetVisible(row.input.note, 0, 10)
        self.ensureWidgetVisible(focused, 0, 10)

    def _keep_in_view(self, row: QWidget) -> None:
        """A word's meaning opens under the questions, and their view shrinks: the question
        whose word was chosen is shown again once it has (a tester saw it slide out of
        sight at the bottom of the view). After the layout that the panel's showing asks for."""
        QTimer.singleShot(0, self, lambda: self.ensureWidgetVisible(row, 0, 0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return at_least_content_width(self, super().minimumSizeHint())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:  # the text zoom: the page's smallest width changed
            QTimer.singleShot(0, self, self.updateGeometry)
        super().changeEvent(event)

    def _set_as_of(self, as_of: dt.date) -> None:
        """'How long ago' is counted to the date the answers describe."""
        self.as_of = as_of
        for row in self.rows.values():
            if isinstance(row.input, DateInput):
                row.input.as_of = as_of

    def row(self, key: str) -> QuestionRow:
        return self.rows[key]

    def answers_file(self) -> AnswersFile:
        """What the widgets hold now: every valid answer; problems shown beside fields."""
        good: dict[str, Any] = {}
        for key, row in self.rows.items():
            value = row.input.value()
            typed_wrong = isinstance(value, str) and row.question.kind not in ("yes_no", "choice")
            message = "" if value is None or typed_wrong else self._problem(key, value)
            row.show_problem(message)  # (a mistyped number is explained by the field's own note)
            if value is not None and not message and not typed_wrong:
                good[key] = value
        while True:
            try:
                return new_answers_file(self.session.trial.nct_id, self.as_of,
                                        self.questions.answers_model.model_validate(good))
            except ValidationError as err:  # only the cross-field check (a date after as_of) gets here
                problem = err.errors()[0]
                if problem["type"] != FUTURE_DATE:
                    raise
                key, label = problem["ctx"]["key"], problem["ctx"]["label"]
                self.rows[key].show_problem(future_date_words(label, good.pop(key), self.as_of, self._today()))

    def _problem(self, key: str, value: Any) -> str:
        try:
            self.questions.answers_model.model_validate({key: value})
        except ValidationError as err:
            return plain_problem(err)
        return ""

    def _changed(self) -> None:
        if not self._loading:
            self.session.set_answers(self.answers_file())
            self._keep_note_in_view()

    def load(self, answers_file: AnswersFile) -> None:
        """Show these answers in the widgets and make them the session's answers."""
        self._loading = True
        try:
            self._set_as_of(answers_file.as_of)
            for key, row in self.rows.items():
                row.input.set_value(answers_file.answers.get(key))
        finally:
            self._loading = False
        self.session.set_answers(self.answers_file())

    def clear(self) -> None:
        self.load(new_answers_file(self.session.trial.nct_id, self._today()))

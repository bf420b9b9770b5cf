"""The record window's "Check the entry rules" page: every item of any study's
eligibility text, once, with a way to answer it.

Which way is not decided here: explainer.core.study_check (the same code as
``check --trial RECORD``) says for each row whether the patient's numbers decide it
(``asks == "numbers"``: the bank question's input, with its unit, and the words the
rule was read from) or the patient does ("Does this apply to you?": yes, no, not
sure), or, for an item that only explains a word the rules use, nothing is asked. Each row shows what the check found, with the reason, and that only the study
team decides. The inputs are the curated self-check's (explainer.ui.answer_inputs),
so the wheel and the focus behave the same (explainer.ui.input_rules).

Every word of the record reaches Qt's rich text only through ``rich_text``. The
item answers are kept as a draft per study (``DraftStore``: 0600, written whole or not
at all, on every change), so a crash loses nothing; a draft that cannot be read is moved
aside, never dropped. The numbers (bank questions) are kept once for every study
(explainer.ui.carried): they fill in when the page opens, marked when another study
gave them, and a change here changes them for every study.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pydantic import ValidationError

from explainer.answers_io import AnswersError, plain_problem
from explainer.content import load_questions
from explainer.core.answers import AnswerGiven, AnswersFile, CriterionAnswer, new_answers_file
from explainer.core.carry import carry_in
from explainer.core.criteria import CriterionItem
from explainer.core.criteria_read import ReadRule
from explainer.core.eligibility import STATUS_ICONS, Status, overall_words, status_words
from explainer.core.escaping import rich_text
from explainer.core.glossary import Glossary, words_used
from explainer.core.questions import Choice, Question, Questionnaire
from explainer.core.study_check import (
    StudyCheck,
    StudyCheckRow,
    answer_key,
    answer_unit,
    check_study,
    own_answers,
    rule_words,
    study_rules,
    words_fingerprint,
)
from explainer.core.study_pages import status_first
from explainer.core.study_summary_words import CheckWords, InputWords
from explainer.core.units import ULN, accepted_units
from explainer.paths import data_dir
from explainer.study_words_io import study_summary_words, study_words
from explainer.ui.answer_inputs import UNSURE, AnswerInput, ChoiceInput, LabInput, WholeNumberInput
from explainer.ui.labels import ask_yes_no
from explainer.ui.carried import EraseSharedQuestion, SharedAnswers, carried_note, show_carried
from explainer.ui.flow import at_least_content_width
from explainer.ui.i18n import tr
from explainer.ui.self_check import DraftStore

if TYPE_CHECKING:
    from PySide6.QtCore import QSize

    from explainer.core.registry_record import RegistryStudy
    from explainer.ui.record_window import RecordWindow

ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole (see main_window)
DRAFT_FOLDER = "study-answers"


def draft_path(nct_id: str) -> Path:
    """The draft of one study's answers (the number is checked by the record's model)."""
    return data_dir() / DRAFT_FOLDER / f"{nct_id}.answers.json"


def add_check_page(window: RecordWindow) -> CheckPageSlot:
    """The page's title, last in the window's list of sections, and its place in the
    window (the hook record_window calls); the page is built by ``CheckPageSlot.page``."""
    return CheckPageSlot(window)


class CheckPageSlot(QObject):
    """The check page's place in the window from the start: its title in the list and an
    empty page in the stack. The page itself (one row of inputs per item) is built after
    the window's first paint, once its other pages are (record_window.PageBuilder), so
    the study's status shows first, or at once when something asks for it (choosing it,
    the PDF)."""

    def __init__(self, window: RecordWindow) -> None:
        super().__init__(window)
        self.window = window
        title = study_summary_words().check.page_title
        item = QListWidgetItem(title)
        item.setData(ACCESSIBLE_TEXT_ROLE, title)
        window.navigator.addItem(item)
        self.row = window.navigator.count() - 1
        self.placeholder = QWidget(window.stack)
        window.stack.addWidget(self.placeholder)
        self._page: RecordCheckPage | None = None
        self._building: RecordCheckPage | None = None   # begun, not whole yet

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> RecordCheckPage:
        """The page, built now if it is not yet (or finished, if begun in steps)."""
        while not self.build_step():
            pass
        assert self._page is not None
        return self._page

    def build_step(self) -> bool:
        """A turn's part of the page (its top, then a few rows a turn: about 100 ms for a
        long record at once); True once it is whole and in its place."""
        if self._page is not None:
            return True
        if self._building is None:
            # Built inside the stack: 25 rows of labels moved into it afterwards would each
            # be polished and laid out again.
            self._building = RecordCheckPage(self.window.study, self.window.as_of, parent=self.window.stack,
                                             in_steps=True)
            return False
        if not self._building.build_step():
            return False
        page, stack = self._building, self.window.stack
        index = stack.indexOf(self.placeholder)
        was_current = stack.currentIndex() == index
        stack.insertWidget(index, page)
        stack.removeWidget(self.placeholder)
        self.placeholder.deleteLater()
        if was_current:
            stack.setCurrentWidget(page)
        self._page = page
        return True


# ---------------------------------------------------------------- the questions

def bank_question(bank: Questionnaire, key: str, rule: ReadRule, w: CheckWords) -> Question:
    """The bank question ``key`` as a record asks it: generic words (not a curated study's),
    the bank's kind, quantity and limits, and the record's unit first."""
    asked = bank.question(key)
    assert asked is not None  # only a rule whose question the bank has is asked (study_check.has_input)
    label = w.names.get(rule.question, rule.question)
    words = w.inputs.get(key) or InputWords(text=label, hint="")  # a test keeps every bank key worded
    plain = {"text": words.text, "label": label, "hint": words.hint, "ask_doctor": ""}
    if asked.kind == "lab":
        # The unit a report prints first: the record's own, or for a "times the upper limit
        # of normal" rule a raw unit (the field for the report's normal limit then shows).
        offered = accepted_units(asked.quantity or "")
        first = next((u for u in offered if u != ULN), ULN) if rule.uln else answer_unit(rule.unit)
        units = (first, *(unit for unit in offered if unit != first)) if first else offered
        return asked.model_copy(update={**plain, "units": units})
    choices = tuple(Choice(value=str(n), label=text) for n, text in enumerate(words.choices))
    if choices:
        choices += (Choice(value=UNSURE, label=w.choices["unsure"]),)
    return asked.model_copy(update={**plain, "choices": choices})


def item_question(item: CriterionItem, title: str, asked: str, w: CheckWords) -> Question:
    """"Does this apply to you?" for one item, shaped as a yes/no Question for ChoiceInput.

    Built without the model's check on purpose: that check ties a question to a key of
    the answers file, and an item's answer is kept by item id (``AnswersFile.criteria``)."""
    choices = tuple(Choice.model_construct(value=value, label=w.choices[value]) for value in ("yes", "no", UNSURE))
    return Question.model_construct(key=item.id, kind="yes_no", text=asked, label=title, hint="", ask_doctor="",
                                    quantity=None, units=(), choices=choices, minimum=None, maximum=None, step=None)


def make_input(question: Question, rule: ReadRule) -> AnswerInput:
    if question.choices:
        return ChoiceInput(question)
    if question.kind == "lab":
        limit = rule.value if isinstance(rule.value, int | float) else None
        return LabInput(question, ULN if rule.uln else (answer_unit(rule.unit) or ""), limit)
    return WholeNumberInput(question)


def wrapped(text: str, name: str, rich: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


# ---------------------------------------------------------------- one row

class CriterionRow(QFrame):
    """One item: its title, the record's words, hard words, the answer, and the result."""

    def __init__(self, item: CriterionItem, row: StudyCheckRow, title: str, w: CheckWords, glossary: Glossary,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.title = title
        self.w = w
        self.setObjectName(f"criterion-{item.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(wrapped(f"<h3>{rich_text(title)}</h3>", title))
        source = rich_text(item.source).replace("\n", "<br>")
        self.source = wrapped(f"<i>{rich_text(w.record_words_label)}</i><br>\u201c{source}\u201d",
                              f"{w.record_words_label} {item.source}")
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.source)
        hard = words_used(item.source, glossary)
        self.hard_words: QLabel | None = None
        if hard:
            lines = "<br>".join(f"<b>{rich_text(term)}</b>: {rich_text(meaning)}" for term, meaning in hard)
            self.hard_words = wrapped(f"<i>{rich_text(w.hard_words_label)}</i><br>{lines}",
                                      f"{w.hard_words_label} " + " ".join(f"{t}: {m}" for t, m in hard))
            self.layout_.addWidget(self.hard_words)
        self.read_words: list[QLabel] = []
        read: dict[str, list[str]] = {}  # the words read -> what the app read from them
        for rule in row.reads:
            read.setdefault(rule.words, []).append(rule_words(rule, w))
        for said, rules in read.items():
            text = f"\u201c{rich_text(said)}\u201d ({rich_text('; '.join(rules))})"
            label = wrapped(f"<i>{rich_text(w.read_from_words)}</i> {text}", f"{w.read_from_words} {said}")
            self.read_words.append(label)
            self.layout_.addWidget(label)
        self.inputs: dict[str, AnswerInput] = {}    # bank key -> its input, where this row asks it
        self.carried: dict[str, QLabel] = {}        # bank key -> "You gave this answer for another study"
        self.problems: dict[str, QLabel] = {}
        self.choice: ChoiceInput | None = None     # "Does this apply to you?"
        self.result = wrapped("", tr("Result for {title}").format(title=title), rich=False)
        self.result.setObjectName("result")

    def add_bank_input(self, question: Question, answer: AnswerInput) -> None:
        text = wrapped(f"<b>{rich_text(question.text)}</b>", question.text)
        text.setBuddy(answer)
        hint = wrapped(f"<i>{rich_text(question.hint)}</i>", question.hint)
        problem = wrapped("", tr("Problem with: {question}").format(question=question.label), rich=False)
        problem.hide()
        carried = carried_note(question.label)
        for widget in (text, answer, carried, *(() if isinstance(answer, ChoiceInput) else (answer.note,)),
                       problem, hint):
            self.layout_.addWidget(widget)
        for control in answer.findChildren(QWidget):  # a screen reader hears the question with the field
            if control.focusPolicy() & Qt.FocusPolicy.TabFocus and not control.accessibleDescription():
                control.setAccessibleDescription(f"{self.title}. {question.text} {question.hint}")
        self.inputs[question.key] = answer
        self.problems[question.key] = problem
        self.carried[question.key] = carried

    def add_asked_above(self, where: str) -> None:
        self.layout_.addWidget(wrapped(rich_text(self.w.asked_above.format(rule=where)), self.w.asked_above))

    def add_choice(self, question: Question) -> None:
        self.layout_.addWidget(wrapped(f"<b>{rich_text(question.text)}</b>", question.text))
        self.choice = ChoiceInput(question)
        for control in self.choice.buttons.values():
            control.setAccessibleDescription(f"{question.text} {self.item.source}"[:500])
        self.layout_.addWidget(self.choice)

    def finish(self) -> None:
        self.layout_.addWidget(self.result)

    def show_result(self, row: StudyCheckRow) -> None:
        if row.explains:
            said = f"{row.plain} {row.reason}"
        else:
            said = f"{STATUS_ICONS[row.status]} {status_words(row.kind, row.status)}. {row.reason} {self.w.decides}"
        self.result.setText(said)
        self.result.setAccessibleName(tr("Result for {title}: {result}").format(title=self.title, result=said))
        self.status = row.status

    def show_problem(self, key: str, message: str) -> None:
        label = self.problems[key]
        label.setText(f"\u26a0 {message}" if message else "")
        label.setVisible(bool(message))


# ---------------------------------------------------------------- the page

class RecordCheckPage(QScrollArea):
    """Every criterion of the record, answered here; a fresh check on every change."""

    answers_changed = Signal(object)  # AnswersFile (or None when nothing is answered)

    ROWS_A_TURN = 5   # built in steps (``in_steps``): at most the rows made in one turn of the event loop,
    INPUT_COST = 2    # fewer when they ask numbers: a number's input (and a lab's unit box) costs about
    # as much as two rows of words (five rows with one each took a turn of 26-33 ms CPU; five rows
    # of words and a yes/no, 8-13 ms)

    def __init__(self, study: RegistryStudy, as_of: dt.date, draft: DraftStore | None = None,
                 parent: QWidget | None = None, shared: SharedAnswers | None = None, in_steps: bool = False) -> None:
        super().__init__(parent)
        from explainer.ui.input_rules import install_input_rules

        install_input_rules()  # a wheel turned to scroll never changes a unit (a record may open first)
        self.study = study
        self.as_of = as_of
        self.words = study_summary_words().check
        self.bank = load_questions()  # the questions every study shares: a record asks some of them
        self.draft = draft or DraftStore(draft_path(study.nct_id))
        self.draft.remove_leftovers()
        self.shared = shared or SharedAnswers()
        self.shared.remove_leftovers()
        self._values: dict[str, Any] = {}  # the numbers as the page last held them: a change is told from these
        self._loading = False
        self._kept: dict[str, Any] = {}  # answers from the draft this page does not ask: kept as they are
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps instead
        self.setAccessibleName(self.words.page_title)
        body = QWidget()
        self.setWidget(body)
        self.body = QVBoxLayout(body)
        self._build_top()
        self.rows: dict[str, CriterionRow] = {}
        self.where_asked: dict[str, str] = {}  # bank key -> the item id whose row holds its input
        self._steps = self._build_steps()
        if not in_steps:
            while not self.build_step():
                pass

    def build_step(self) -> bool:
        """The next few rows (``in_steps``); True once the page is whole, its answers shown."""
        return next(self._steps, True)

    def _build_steps(self) -> Iterator[bool]:
        items = study_rules(self.study)[0]
        if not items:
            self.body.addWidget(wrapped(rich_text(self.words.no_items), self.words.no_items))
        for _turn_ends in self._build_rows(items):
            yield False
        self.body.addStretch(1)
        self._open(self._read_draft())
        yield True

    # --- building -------------------------------------------------------------------
    def _build_top(self) -> None:
        w = self.words
        intro = "".join(f"<p>{rich_text(line)}</p>" for line in w.page_intro)
        self.body.addWidget(wrapped(f"<h1>{rich_text(w.page_title)}</h1>", w.page_title))
        # People decide here, so the status and its date come first, as on the built-in check.
        words = study_words()
        first, *dates = status_first(self.study, words, self.as_of)
        first = f"{words.pages.status} {first}"  # the status page's own question, then its answer
        status = f"<p><b>{rich_text(first)}</b></p>" + "".join(f"<p>{rich_text(line)}</p>" for line in dates)
        self.status_note = wrapped(status, " ".join((first, *dates)))
        self.status_note.setObjectName("status")
        self.body.addWidget(self.status_note)
        self.body.addWidget(wrapped(intro, " ".join(w.page_intro)))
        self.summary = wrapped("", tr("Summary of your answers"), rich=False)
        self.summary.setObjectName("summary")
        self.body.addWidget(self.summary)
        self.kept_note = wrapped("", tr("About your kept answers"), rich=False)
        self.kept_note.hide()
        self.body.addWidget(self.kept_note)
        self.erase = QPushButton(tr("&Erase my answers for this study"))
        self.erase.setAccessibleName(tr("Erase my answers for this study"))
        self.erase.clicked.connect(self.ask_erase)
        self.body.addWidget(self.erase, 0, Qt.AlignmentFlag.AlignLeft)

    def _build_rows(self, items: list[CriterionItem]) -> Iterator[None]:
        """The rows, in order; a turn of the event loop may end where it yields: before a row
        that would take the turn past ROWS_A_TURN rows of words (INPUT_COST more per number)."""
        w = self.words
        first = check_study(self.study, None, w, self.bank)
        from explainer.ui.record_window import record_glossary  # loaded once, its word search made once

        glossary = record_glossary()
        totals = {kind: sum(1 for item in items if item.kind == kind) for kind in ("inclusion", "exclusion")}
        counts = {"inclusion": 0, "exclusion": 0}
        headed: set[str] = set()
        cost = 0
        for item, row in zip(items, first.rows, strict=True):
            asks = 0 if row.explains or row.asks != "numbers" else len(row.reads)
            if cost and cost + 1 + self.INPUT_COST * asks > self.ROWS_A_TURN:
                cost = 0
                yield
            cost += 1 + self.INPUT_COST * asks
            if item.kind not in headed:
                headed.add(item.kind)
                text = w.inclusion_heading if item.kind == "inclusion" else w.exclusion_heading
                self.body.addWidget(wrapped(f"<h2>{rich_text(text)}</h2>", text))
            counts[item.kind] += 1
            name = w.explains_label if row.explains else w.needed if item.kind == "inclusion" else w.keeps_out
            title = tr("{name}, {number} of {total}").format(name=name, number=counts[item.kind],
                                                             total=totals[item.kind])
            shown = CriterionRow(item, row, title, w, glossary, self.widget())
            self._add_answer(shown, item, row)
            shown.finish()
            self.rows[item.id] = shown
            self.body.addWidget(shown)

    def _add_answer(self, shown: CriterionRow, item: CriterionItem, row: StudyCheckRow) -> None:
        if row.explains:  # no rule: nothing to answer
            return
        if row.asks != "numbers":
            shown.add_choice(item_question(item, shown.title, row.plain, self.words))
            assert shown.choice is not None
            shown.choice.value_changed.connect(self._changed)
            return
        for rule in row.reads:
            key = answer_key(rule.question)
            if key in self.where_asked:
                if self.where_asked[key] != item.id:
                    shown.add_asked_above(self.rows[self.where_asked[key]].title)
                continue
            question = bank_question(self.bank, key, rule, self.words)
            answer = make_input(question, rule)
            shown.add_bank_input(question, answer)
            answer.value_changed.connect(self._changed)
            self.where_asked[key] = item.id

    # --- answers ----------------------------------------------------------------------
    def bank_inputs(self) -> dict[str, tuple[CriterionRow, AnswerInput]]:
        return {key: (self.rows[item_id], self.rows[item_id].inputs[key]) for key, item_id in self.where_asked.items()}

    def answers_file(self) -> AnswersFile:
        """What the widgets hold now: every valid answer (a problem is shown beside its field)."""
        good = dict(self._kept)
        for key, (row, answer) in self.bank_inputs().items():
            value = answer.value()
            typed_wrong = isinstance(value, str)
            message = "" if value is None or typed_wrong else _problem(self.bank, key, value)
            row.show_problem(key, message)  # a mistyped number is explained by the field's own note
            good.pop(key, None)
            if value is not None and not message and not typed_wrong:
                good[key] = value
        criteria = {item_id: CriterionAnswer(answer=chosen, words=words_fingerprint(row.item))
                    for item_id, row in self.rows.items()
                    if row.choice is not None and (chosen := row.choice.chosen()) is not None}
        try:
            answers = self.bank.answers_model.model_validate(good)
        except ValidationError:  # a kept answer that no longer fits: left out, never half-used
            answers = self.bank.answers_model.model_validate(
                {key: value for key, value in good.items() if key not in self._kept})
        return new_answers_file(self.study.nct_id, self.as_of, answers, criteria)

    def has_answers(self) -> bool:
        answers = self.answers_file()
        return bool(answers.answers.answered() or answers.criteria)

    def check(self) -> StudyCheck:
        """The same check as ``check ANSWERS --trial RECORD`` gives for these answers."""
        return check_study(self.study, self.answers_file(), self.words, self.bank)

    def check_for_summary(self) -> StudyCheck | None:
        """What the record's PDF or web page shows beside each item (``build_study_summary``'s
        ``check``): None while nothing is answered, as ``pdf --trial RECORD`` without answers."""
        return self.check() if self.has_answers() else None

    def load(self, answers: AnswersFile) -> None:
        """Show these answers in the widgets (the draft, or a file someone opens)."""
        self._loading = True
        try:
            asked = self.bank_inputs()
            self._kept = {key: value for key, value in answers.answers.answered().items() if key not in asked}
            for key, (_row, answer) in asked.items():
                answer.set_value(answers.answers.get(key))
            own = own_answers(self.study, answers)
            for item_id, row in self.rows.items():
                if row.choice is not None:
                    row.choice.set_value(own.get(item_id))
            self.mark_carried({})
        finally:
            self._loading = False
        self._values = self._numbers(self.answers_file())[0]
        self._show(self.check())

    # --- the numbers every study shares (explainer.ui.carried) -----------------------------
    def _open(self, saved: AnswersFile | None) -> None:
        """The draft's item answers, and the numbers kept for every study (an older draft's
        own numbers move there first). Nothing here stops the page from opening."""
        shared, problem = self.shared.read()
        if saved is not None and saved.answers.answered():  # a draft from before the numbers were shared
            older = {key: value for key in self.where_asked if (value := saved.answers.get(key)) is not None}
            problem = problem or self.shared.change({}, {key: value for key, value in older.items()
                                                         if shared is None or shared.answers.get(key) is None},
                                                    self.study.nct_id, saved.as_of, self.bank)
            shared = self.shared.read()[0] or shared
        values, others = carry_in(shared, self.where_asked, self.study.nct_id)
        try:
            opened = new_answers_file(self.study.nct_id, self.as_of, self.bank.answers_model.model_validate(values),
                                      saved.criteria if saved else None)
        except ValidationError:  # a kept number that no longer fits: the page opens without the numbers
            opened, others = new_answers_file(self.study.nct_id, self.as_of, None,
                                              saved.criteria if saved else None), {}
        self.load(opened)
        self.mark_carried(others)
        if problem:
            self._say(problem)

    def mark_carried(self, others: dict[str, AnswerGiven]) -> None:
        for key, (row, _answer) in self.bank_inputs().items():
            show_carried(row.carried[key], others.get(key))

    def _numbers(self, answers: AnswersFile) -> tuple[dict[str, Any], set[str]]:
        """The valid numbers by key, and the keys whose field holds something not (yet) valid."""
        valid = {key: value for key in self.where_asked if (value := answers.answers.get(key)) is not None}
        unsettled = {key for key, (_row, answer) in self.bank_inputs().items()
                     if key not in valid and answer.value() is not None}
        return valid, unsettled

    def _share(self, answers: AnswersFile) -> None:
        """A number changed here changes it for every study; a field half typed changes nothing."""
        valid, unsettled = self._numbers(answers)
        after = {**valid, **{key: self._values[key] for key in unsettled if key in self._values}}
        for key, (row, _answer) in self.bank_inputs().items():
            if after.get(key) != self._values.get(key):
                show_carried(row.carried[key], None)
        problem = self.shared.change(self._values, after, self.study.nct_id, self.as_of, self.bank)
        self._values = after
        if problem:
            self._say(problem)

    def clear(self) -> None:
        self._kept = {}
        self.load(new_answers_file(self.study.nct_id, self.as_of))

    def _changed(self) -> None:
        if self._loading:
            return
        answers = self.answers_file()
        self._show(check_study(self.study, answers, self.words, self.bank))
        self._autosave(answers)
        self._share(answers)
        self.answers_changed.emit(answers)

    def _show(self, check: StudyCheck) -> None:
        for row in check.rows:
            self.rows[row.id].show_result(row)
        rules = [row for row in check.rows if not row.explains]
        counts = {status: sum(1 for row in rules if row.status is status) for status in Status}
        explained = len(check.rows) - len(rules)
        more = "" if not explained else " " + (tr("{n} more explains a word the rules use.") if explained == 1
                                               else tr("{n} more explain a word the rules use.")).format(n=explained)
        self.summary.setText(
            f"{overall_words(check.overall)}. "
            + tr("{rules} rules: {met_icon} {met} seem met or do not apply, {not_met_icon} {not_met} seem not met "
                 "or apply, {open_icon} {open} still open.").format(
                rules=len(rules), met_icon=STATUS_ICONS[Status.SATISFIED], met=counts[Status.SATISFIED],
                not_met_icon=STATUS_ICONS[Status.NOT_SATISFIED], not_met=counts[Status.NOT_SATISFIED],
                open_icon=STATUS_ICONS[Status.UNKNOWN], open=counts[Status.UNKNOWN])
            + more)

    # --- the draft ----------------------------------------------------------------------
    def _read_draft(self) -> AnswersFile | None:
        try:
            return self.draft.load()
        except AnswersError:
            first = tr("The answers the app kept for this study could not be read, so they were not opened.")
            try:
                backup = self.draft.set_aside()
            except OSError as err:  # left where it is, and never written over while the window is open
                self.draft.frozen = True
                self._say(tr("{first} The app could not move the file aside ({why}), so it is left as it is, "
                             "and the app will not keep your answers this time: {path}").format(
                    first=first, why=err.strerror or err, path=self.draft.path))
                return None
            self._say(tr("{first} The app did not delete them: it moved the file aside, to {path}").format(
                first=first, path=backup))
            return None

    def _autosave(self, answers: AnswersFile) -> None:
        try:
            if self.draft.frozen:
                raise OSError("the kept answers could not be read and are left as they are")
            if answers.criteria:  # only the item answers: the numbers are kept once for every study
                self.draft.save(new_answers_file(answers.trial, answers.as_of, criteria=answers.criteria))
            else:
                self.draft.erase()
            self.kept_note.hide()
        except OSError as err:  # a full disk must not stop the questions
            self._say(tr("Your answers could not be kept on this computer: {why}").format(why=err.strerror or err))

    def _say(self, text: str) -> None:
        self.kept_note.setText(text)
        self.kept_note.show()

    def ask_erase(self) -> None:
        if not EraseQuestion.ask(self):
            return
        shared_too = os.path.lexists(self.shared.path) and EraseSharedQuestion.ask(self)
        for store in (self.draft, *((self.shared,) if shared_too else ())):
            try:
                store.erase()
            except OSError as err:
                self._say(tr("The app could not delete your kept answers ({why}). They are in this file: {path}")
                          .format(why=err.strerror or err, path=store.path))
                return
        self.clear()  # the numbers kept for every study stay there unless erased: they fill in next time

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return at_least_content_width(self, super().minimumSizeHint())


class EraseQuestion:
    """Asks before the answers go (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        return ask_yes_no(
            parent, tr("Erase my answers"),
            tr("Erase every answer you gave for this study? The app deletes the copy it keeps on this computer."))


def _problem(bank: Questionnaire, key: str, value: Any) -> str:
    try:
        bank.answers_model.model_validate({key: value})
    except ValidationError as err:
        return plain_problem(err)
    return ""


"""File > Compare studies you looked at… (and "Compare…" in the studies list): the
studies side by side, one column each (explainer.core.compare).

The aspects are the row headers, so they stay at the left while the studies scroll
sideways: at 250% text on a 1280 px screen each column keeps a readable width and
the rest scrolls. Every cell is plain text (a record's title or a place's name is
never markup) and has an accessible text naming its row and its study; nothing
depends on colour. A state or country chosen above the table picks the place shown.
"Save as PDF…" writes the page "Studies I looked at" (reportlab loads only then).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explainer.core.compare import Comparison, StudyFacts, comparison, record_facts, trial_facts
from explainer.core.paper import paper_for_territory, territory_from_locale
from explainer.core.study_pages import PartialDate, Place, format_date
from explainer.files import output_problem
from explainer.study_words_io import compare_words, study_summary_words, study_words
from explainer.ui.i18n import tr
from explainer.ui.saving import write_file
from explainer.ui.study_picker import FOCUS_RING, fit_dialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from explainer.core.answers import AnswersFile

ACCESSIBLE_TEXT_ROLE = 11   # Qt.ItemDataRole.AccessibleTextRole
COLUMN_CHARS = 30           # a study's column, in average characters of the current text size
ASPECT_CHARS = 14           # the row headers (what is compared): they wrap within this width
ANY = ""


def gather_studies(window: QMainWindow | None) -> list[StudyFacts]:
    """The main window's study first (with the patient's answers), then every kept record
    that can be read, checked with what its own check page holds: the numbers kept for
    every study and its own item answers (explainer.core.carry.study_answers)."""
    from explainer.content import load_questions
    from explainer.kept_studies import kept_studies, open_kept
    from explainer.records_io import RecordFileError
    from explainer.ui.carried import kept_numbers

    session = getattr(window, "session", None)
    answers = getattr(session, "answers", None)
    facts: list[StudyFacts] = []
    if session is not None:
        facts.append(trial_facts(session.trial, answers, load_questions()))
    check_words = study_summary_words().check
    numbers = kept_numbers()
    for kept in kept_studies():
        if kept.damaged or any(f.nct_id == kept.nct_id for f in facts):
            continue
        try:
            facts.append(record_facts(open_kept(kept.nct_id), _kept_answers(kept.nct_id, numbers), check_words))
        except RecordFileError:
            continue  # gone or damaged since it was listed: the studies list says why
    return facts


def _kept_answers(nct_id: str, numbers: AnswersFile | None) -> AnswersFile | None:
    """A kept record's answers as its check page opens them (a draft that cannot be read:
    the numbers alone; the page sets the draft aside when the study opens)."""
    from explainer.answers_io import AnswersError
    from explainer.core.carry import study_answers
    from explainer.ui.record_check import draft_path
    from explainer.ui.self_check import DraftStore

    try:
        draft = DraftStore(draft_path(nct_id)).load()
    except (AnswersError, OSError):
        draft = None
    return study_answers(numbers, draft)


def _names(values: Sequence[str | None]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        if value and value.strip():
            seen.setdefault(value.strip().casefold(), value.strip())
    return sorted(seen.values(), key=str.casefold)


class SavePdfDialog:
    @classmethod
    def ask(cls, parent: QWidget) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, tr("Save the comparison as PDF"),
                                              str(Path.home() / "studies-i-looked-at.pdf"), tr("PDF files (*.pdf)"))
        return Path(path) if path else None


class CompareDialog(QDialog):
    def __init__(self, studies: list[StudyFacts], today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.studies = studies
        self.today = today
        self.words = compare_words()
        self.setWindowTitle(self.words.title)
        self.setAccessibleName(self.words.title)
        intro = QLabel(self.words.intro if studies else self.words.no_studies)
        intro.setWordWrap(True)
        note = self.words.place_distance_note
        self.country = self._box(tr("Country"), tr("Choose a country to see a place there in each study. {note}")
                                 .format(note=note))
        self.state = self._box(tr("State or region"),
                               tr("Choose a state or region to see a place there in each study. {note}")
                               .format(note=note))
        places = QFormLayout()
        places.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for box, text in ((self.country, tr("&Country:")), (self.state, tr("&State or region:"))):
            label = QLabel(text)
            label.setBuddy(box)
            places.addRow(label, box)
        self._fill(self.country, tr("Any country"), _names([s.country for f in studies for s in f.sites]))
        self._fill_states()
        self.country.currentIndexChanged.connect(lambda _i: (self._fill_states(), self.refresh()))
        self.state.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = QTableWidget()
        self.table.setAccessibleName(tr("Studies side by side"))
        self.table.setAccessibleDescription(
            tr("Each column is a study; each row is one thing to compare. Use the arrow keys to move."))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setStyleSheet(FOCUS_RING)
        aspects = self.table.verticalHeader()
        # At the top of a tall row, so a row's name shows with its first lines.
        aspects.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                    | Qt.TextFlag.TextWordWrap)  # type: ignore[operator]
        aspects.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # _fit_rows sets each height
        self.save_button = QPushButton(tr("Save as &PDF…"))
        self.save_button.setAccessibleName(tr("Save the comparison as a PDF"))
        self.save_button.clicked.connect(self.save_pdf)
        self.save_button.setEnabled(bool(studies))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(tr("Message"))
        self.message.hide()  # shown with what a save says: an empty line would take room from the table
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Close"))
        close.setAccessibleName(tr("Close"))
        # Enter in a place box or the table must not press a button: someone who picks
        # "Ohio" and presses Enter to confirm got the save dialog. A focused button still
        # takes Enter (explainer.ui.input_rules), as it takes Space.
        for button in (self.save_button, close):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(places)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, 140, 40)
        self.refresh()
        self.table.setFocus()
        if studies:
            self.table.setCurrentCell(0, 0)

    # ------------------------------------------------------------ places

    def _box(self, name: str, description: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setAccessibleDescription(description)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(12)
        return box

    @staticmethod
    def _fill(box: QComboBox, any_text: str, names: list[str]) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(any_text, ANY)
        for name in names:
            box.addItem(name, name)
        box.setEnabled(bool(names))
        box.blockSignals(False)

    def _fill_states(self) -> None:
        country = (self.country.currentData() or "").casefold()
        names = _names([s.state for f in self.studies for s in f.sites
                        if not country or (s.country or "").strip().casefold() == country])
        self._fill(self.state, tr("Any state or region"), names)

    def place(self) -> Place:
        return Place(self.country.currentData() or None, self.state.currentData() or None)

    # ------------------------------------------------------------ the table

    def comparison(self) -> Comparison:
        return comparison(self.studies, self.words, study_words(), self.place(), self.today)

    def refresh(self) -> None:
        table = self.comparison()
        row, column = self.table.currentRow(), self.table.currentColumn()
        self.table.clear()
        self.table.setRowCount(len(table.rows) if table.headings else 0)
        self.table.setColumnCount(len(table.headings))
        self.table.setHorizontalHeaderLabels(list(table.headings))
        self.table.setVerticalHeaderLabels([r.label for r in table.rows] if table.headings else [])
        for r, compared in enumerate(table.rows if table.headings else ()):
            if compared.aspect == "place":
                self.table.verticalHeaderItem(r).setToolTip(table.place_note)
            for c, text in enumerate(compared.cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                spoken = tr("{aspect}, {study}: {text}").format(aspect=compared.label, study=table.headings[c],
                                                                 text=text)
                item.setData(ACCESSIBLE_TEXT_ROLE, spoken)
                self.table.setItem(r, c, item)
        chars = self.table.fontMetrics().averageCharWidth()
        self.table.verticalHeader().setFixedWidth(chars * ASPECT_CHARS)  # narrow: the names wrap
        width = chars * COLUMN_CHARS
        header = self.table.horizontalHeader()
        for c in range(self.table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(c, width)
        self._fit_rows(chars * ASPECT_CHARS)
        if row >= 0 and column >= 0:
            self.table.setCurrentCell(row, column)

    def _fit_rows(self, header_width: int) -> None:
        """Each row as tall as its tallest cell or its wrapped row name, so nothing is cut."""
        self.table.resizeRowsToContents()
        aspects = self.table.verticalHeader()
        metrics = aspects.fontMetrics()
        for r in range(self.table.rowCount()):
            label = self.table.verticalHeaderItem(r).text()
            room = QRect(0, 0, max(header_width - 12, 1), 100_000)
            needed = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), label).height() + 10
            if needed > self.table.rowHeight(r):
                self.table.setRowHeight(r, needed)

    def cell(self, aspect: str, nct_id: str) -> str:
        """The text shown for one aspect of one study (tests read it back)."""
        table = self.comparison()
        row = next(r for r in table.rows if r.aspect == aspect)
        return row.cells[table.nct_ids.index(nct_id)]

    # ------------------------------------------------------------ PDF

    def say(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.show()

    def save_pdf(self) -> None:
        path = SavePdfDialog.ask(self)
        if path is None:
            return
        problem = output_problem(path, "studies-i-looked-at.pdf")
        if problem:
            self.say(tr("{problem} Nothing was written.").format(problem=problem))
            return
        from explainer.pdf.compare_story import render_compare_pdf  # reportlab loads only now

        day = day_words(self.today)
        pdf = render_compare_pdf(self.comparison(), self.words.pdf_subtitle.format(date=day),
                                 self.words.pdf_footer.format(date=day), self.today,
                                 paper_for_territory(territory_from_locale(QLocale.system().name())))
        try:
            write_file(path, pdf, private=False)
        except OSError as err:
            self.say(tr("The PDF was not saved ({error}). Nothing was written.").format(error=err.strerror or err))
            return
        self.say(tr("Saved the PDF to {path}").format(path=path))


class CompareView:
    @classmethod
    def ask(cls, parent: QWidget, window: QMainWindow | None) -> CompareDialog:
        dialog = CompareDialog(gather_studies(window), dt.date.today(), parent)
        dialog.open()
        return dialog


def day_words(today: dt.date) -> str:
    return format_date(PartialDate(year=today.year, month=today.month, day=today.day), study_words())

"""File > Studies you have looked at…: the kept records, opened again offline.

A table of number, short title, status, record date and the self-check's state
(from the answers the study's "Check the entry rules" page keeps, in the words the
comparison uses); Open reads the kept file (no network), Remove forgets it after
asking. A damaged file is listed as damaged, with the plain sentence that says why;
damaged kept answers are said in their column and never stop the list.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QResizeEvent

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from explainer.answers_io import AnswersError
from explainer.content import load_questions
from explainer.core.carry import study_answers
from explainer.core.compare import check_state, check_text
from explainer.core.copy_age import describe_copy
from explainer.core.study_check import check_study, own_answers
from explainer.kept_studies import KeptStudy, kept_studies, open_kept, remove_kept
from explainer.records_io import RecordFileError
from explainer.study_words_io import compare_words, study_summary_words, study_words
from explainer.ui.carried import kept_numbers
from explainer.ui.i18n import tr
from explainer.ui.labels import ask_yes_no
from explainer.ui.record_check import draft_path
from explainer.ui.self_check import DraftStore
from explainer.ui.study_picker import FOCUS_RING, fit_columns, fit_dialog, plain_cell

if TYPE_CHECKING:
    from explainer.ui.study_records import StudyRecords
    from explainer.ui.zoom import TextZoom

TITLE = 1           # the column that stretches
TITLE_SHARE = 0.3   # of the table's width, kept for the title where the words allow


def column_headings() -> tuple[str, str, str, str, str]:
    """Headings do not wrap by themselves: a long one is two lines, so its column can be narrow."""
    return (tr("Study\nnumber"), tr("Short title"), tr("Status"), tr("Date of\nthis copy"), tr("Self-\ncheck"))


def __getattr__(name: str) -> tuple[str, ...]:
    """COLUMNS, in the language of the moment it is read (not of the import)."""
    if name == "COLUMNS":
        return column_headings()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def self_check_state(nct_id: str) -> str:
    """The state of the study's self-check, from the answers its "Check the entry rules"
    page keeps (record_check.draft_path), checked as that page checks them: "Not started",
    or the counts in the comparison's words (never a verdict). Only reads: a draft that
    cannot be read is moved aside by the page when the study opens, not here."""
    not_started = check_text(None, compare_words())
    try:
        answers = study_answers(kept_numbers(), DraftStore(draft_path(nct_id)).load())
    except (AnswersError, OSError, ValueError):
        return study_words().kept.answers_unreadable
    if answers is None:
        return not_started
    try:
        study = open_kept(nct_id)
    except RecordFileError:  # the row says the record is damaged; its answers cannot be checked
        return study_words().kept.not_known
    if not (answers.answers.answered() or own_answers(study, answers)):
        return not_started
    try:
        check = check_study(study, answers, study_summary_words().check, load_questions())
    except Exception:  # noqa: BLE001 - one study's answers must never stop the list of all of them
        return study_words().kept.answers_unreadable
    return check_text(check_state(check), compare_words())


class ConfirmRemove:
    @classmethod
    def ask(cls, parent: QWidget, nct_id: str) -> bool:
        return ask_yes_no(parent, tr("Remove this study?"),
                          tr("Remove study {number} from this computer? You can open or download it again later.")
                          .format(number=nct_id))


def row_texts(kept: KeptStudy[str], today: dt.date) -> tuple[str, str, str, str, str]:
    """Number, title (with the warning when the copy is old), status with the date the
    record last changed, the copy's date, and the self-check's state."""
    if kept.damaged:
        # The reason is long: it shows under the table when the row is chosen.
        unknown = study_words().kept.not_known
        return (kept.nct_id, tr("Damaged: it cannot be opened"), unknown, unknown, kept.self_check or unknown)
    age = describe_copy(kept.status, kept.last_change, kept.record_date, today, study_words())
    title = kept.title or tr("No title given")
    if age.warning:  # under the title, where the eye and a screen reader go first
        title = f"{title}\n{age.warning}"
    return (kept.nct_id, title, age.status, age.copy_date, kept.self_check or check_text(None, compare_words()))


class StudiesListDialog(QDialog):
    def __init__(self, records: StudyRecords | None, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.today = today or dt.date.today()   # how old each copy is, as of today
        self.kept: list[KeptStudy[str]] = []
        self.setWindowTitle(tr("Studies you have looked at"))
        self.setAccessibleName(tr("Studies you have looked at"))
        intro = QLabel(tr("These studies are kept on this computer. They open without the internet."))
        intro.setWordWrap(True)
        self.empty = QLabel(tr("You have not opened any study record yet."))
        self.empty.setWordWrap(True)
        headings = column_headings()
        self.table = QTableWidget(0, len(headings))
        self.table.setAccessibleName(tr("Kept studies"))
        self.table.setAccessibleDescription(tr("Use the arrow keys to choose a study. Enter opens it."))
        self.table.setHorizontalHeaderLabels(list(headings))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setStyleSheet(FOCUS_RING)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.activated.connect(lambda _index: self.open_chosen())
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.open_button = QPushButton(tr("&Open"))
        self.open_button.setAccessibleName(tr("Open the chosen study"))
        self.remove_button = QPushButton(tr("&Remove…"))
        self.remove_button.setAccessibleName(tr("Remove the chosen study from this computer"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button = buttons.addButton(tr("Co&mpare…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.setAccessibleName(tr("Compare the studies side by side"))
        self.compare_button.clicked.connect(lambda: self.records.compare(self) if self.records else None)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Close"))
        close.setAccessibleName(tr("Close"))
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_chosen)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a kept file's problem, as written
        self.message.setAccessibleName(tr("Message"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()
        self.fit()
        zoom = getattr(records, "zoom", None)
        if zoom is not None:
            zoom.zoom_changed.connect(self._zoomed)
            self._zoom_keys(zoom)
        self.table.setFocus()

    def _zoom_keys(self, zoom: TextZoom) -> None:
        """The View menu's text size keys work here too: the list is open over the window."""
        for keys, slot in (([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")], zoom.zoom_in),
                           ([QKeySequence.StandardKey.ZoomOut], zoom.zoom_out), ([QKeySequence("Ctrl+0")], zoom.reset)):
            action = QAction(self)
            action.setShortcuts(keys)
            action.triggered.connect(slot)
            self.addAction(action)

    def _zoomed(self, _percent: int) -> None:
        """A new text size: the dialog, its columns and rows fit again."""
        self.fit()

    def fit(self) -> None:
        """The dialog and its columns sized for the text size now, within the screen:
        at 250% on a 1280 px screen the title column still has room and rows wrap."""
        fit_dialog(self, 90, 20)
        fit_columns(self.table, stretch=1, most_chars=10)
        self._room_for_titles()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._room_for_titles()

    def _room_for_titles(self) -> None:
        """The title (and the warning under it) keeps at least TITLE_SHARE of the table:
        at 250% text the status, date and self-check columns, ten characters each,
        left the title 128 px on a 1280 px screen. They give up width and wrap onto
        more lines instead, but never below their longest word or heading line (a
        word cut in two, "Septe", reads as nothing)."""
        header, table = self.table.horizontalHeader(), self.table
        view = table.viewport().width()
        others = [c for c in range(table.columnCount()) if c != TITLE]
        squeezed = view - sum(header.sectionSize(c) for c in others) < view * TITLE_SHARE
        for column in others:
            floor = self.narrowest(column)
            header.resizeSection(column, floor if squeezed else max(floor, header.sectionSize(column)))
        table.resizeRowsToContents()

    def narrowest(self, column: int) -> int:
        """The width of the column's longest word or heading line, with the margins Qt's
        style draws around a cell's and a heading's text."""
        table = self.table
        # A heading is drawn bold while its column holds the chosen row (Qt's highlighted
        # sections): measured so, "Autoeva-" at 250% was cut.
        bold = QFont(table.horizontalHeader().font())
        bold.setBold(True)
        cells, heads = table.fontMetrics(), QFontMetrics(bold)
        words = [w for r in range(table.rowCount()) if table.item(r, column)
                 for w in table.item(r, column).text().split()]
        heading = table.horizontalHeaderItem(column).text().split("\n") if table.horizontalHeaderItem(column) else []
        style = table.style()
        cell_margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1) + 2
        head_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, table) + 2
        return max([cells.horizontalAdvance(w) + cell_margin for w in words]
                   + [heads.horizontalAdvance(h) + head_margin for h in heading] + [0])

    def refresh(self) -> None:
        self.kept = kept_studies(self_check_state)
        self.table.setRowCount(len(self.kept))
        for row, kept in enumerate(self.kept):
            for column, text in enumerate(row_texts(kept, self.today)):
                self.table.setItem(row, column, plain_cell(text))
        fit_columns(self.table, stretch=1, most_chars=10)
        self.empty.setVisible(not self.kept)
        self.table.setVisible(bool(self.kept))
        if self.kept:
            self.table.selectRow(0)
        self._update_buttons()

    def chosen(self) -> KeptStudy[str] | None:
        row = self.table.currentRow()
        return self.kept[row] if 0 <= row < len(self.kept) else None

    def _update_buttons(self) -> None:
        kept = self.chosen()
        if kept is not None and kept.damaged:
            self.message.setText(kept.problem or "")
        self.open_button.setEnabled(kept is not None and not kept.damaged)
        self.remove_button.setEnabled(kept is not None)

    def open_chosen(self) -> None:
        kept = self.chosen()
        if kept is None or kept.damaged or self.records is None:
            return
        if self.records.open_kept(kept.nct_id) is not None:
            self.accept()

    def remove_chosen(self) -> None:
        kept = self.chosen()
        if kept is None or not ConfirmRemove.ask(self, kept.nct_id):
            return
        try:
            remove_kept(kept.nct_id)
        except RecordFileError as err:
            self.message.setText(err.plain)
            return
        self.message.setText(tr("Study {number} was removed from this computer.").format(number=kept.nct_id))
        self.refresh()
        self.table.setFocus()


class StudiesList:
    @classmethod
    def ask(cls, parent: QWidget, records: StudyRecords) -> None:
        dialog = StudiesListDialog(records, parent)
        dialog.open()
        records.studies_list = dialog  # type: ignore[attr-defined]

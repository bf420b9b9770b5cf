"""File > Studies you have looked at…: the kept records, opened again offline.

A table of number, short title, status, record date and the self-check's state
(not started, for now: the self-check for any study comes later); Open reads the
kept file (no network), Remove forgets it after asking. A damaged file is listed
as damaged, with the plain sentence that says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from explainer.core.study_pages import format_date
from explainer.kept_studies import KeptStudy, kept_studies, remove_kept
from explainer.records_io import RecordFileError
from explainer.study_words_io import study_words
from explainer.ui.study_picker import FOCUS_RING, fit_columns, fit_dialog, plain_cell

if TYPE_CHECKING:
    from explainer.ui.study_records import StudyRecords

NOT_STARTED = "not started"
COLUMNS = ("Study number", "Short title", "Status", "Record date", "Self-check")


def self_check_state(_nct_id: str) -> str:
    """The self-check for any study is the next issue's work: none is started yet."""
    return NOT_STARTED


class ConfirmRemove:
    @classmethod
    def ask(cls, parent: QWidget, nct_id: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Remove this study?",
                          f"Remove study {nct_id} from this computer? You can open or download it again later.",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAccessibleName("Remove this study?")
        return box.exec() == QMessageBox.StandardButton.Yes


def row_texts(kept: KeptStudy[str]) -> tuple[str, str, str, str, str]:
    words = study_words()
    if kept.damaged:
        # The reason is long: it shows under the table when the row is chosen.
        return (kept.nct_id, "Damaged: it cannot be opened", "not known", "not known",
                kept.self_check or NOT_STARTED)
    status = words.status.overall[kept.status].short if kept.status else "not given"
    date = format_date(kept.record_date, words) if kept.record_date else "not given"
    return (kept.nct_id, kept.title or "No title given", status, date, kept.self_check or NOT_STARTED)


class StudiesListDialog(QDialog):
    def __init__(self, records: StudyRecords | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.kept: list[KeptStudy[str]] = []
        self.setWindowTitle("Studies you have looked at")
        self.setAccessibleName("Studies you have looked at")
        intro = QLabel("These studies are kept on this computer. They open without the internet.")
        intro.setWordWrap(True)
        self.empty = QLabel("You have not opened any study record yet.")
        self.empty.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Kept studies")
        self.table.setAccessibleDescription("Use the arrow keys to choose a study. Enter opens it.")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
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
        self.open_button = QPushButton("&Open")
        self.open_button.setAccessibleName("Open the chosen study")
        self.remove_button = QPushButton("&Remove…")
        self.remove_button.setAccessibleName("Remove the chosen study from this computer")
        buttons = QDialogButtonBox()
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button = buttons.addButton("Co&mpare…", QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.setAccessibleName("Compare the studies side by side")
        self.compare_button.clicked.connect(lambda: self.records.compare(self) if self.records else None)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_chosen)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a kept file's problem, as written
        self.message.setAccessibleName("Message")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, 90, 20)
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        self.kept = kept_studies(self_check_state)
        self.table.setRowCount(len(self.kept))
        for row, kept in enumerate(self.kept):
            for column, text in enumerate(row_texts(kept)):
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
        self.message.setText(f"Study {kept.nct_id} was removed from this computer.")
        self.refresh()
        self.table.setFocus()


class StudiesList:
    @classmethod
    def ask(cls, parent: QWidget, records: StudyRecords) -> None:
        dialog = StudiesListDialog(records, parent)
        dialog.open()
        records.studies_list = dialog  # type: ignore[attr-defined]

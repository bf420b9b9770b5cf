"""A record file with several studies: the patient picks one by number, title and status.

Keyboard first: the list has the focus with the first study chosen; arrows move,
Enter opens, Escape cancels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explainer.study_words_io import study_words

if TYPE_CHECKING:
    from explainer.core.registry_record import RegistryStudy

FOCUS_RING = ("QTableWidget { border: 1px solid palette(mid); }"
              " QTableWidget:focus { border: 3px solid palette(highlight); }")


def status_words(study: RegistryStudy) -> str:
    """The status in the app's short plain words ("taking new people")."""
    if study.overall_status is None:
        return "not given"
    return study_words().status.overall[study.overall_status].short


def plain_cell(text: str) -> QTableWidgetItem:
    """A table cell shows text as written (a cell never reads markup)."""
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class StudyPickerDialog(QDialog):
    def __init__(self, studies: list[RegistryStudy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.studies = studies
        self.setWindowTitle("Choose a study")
        self.setAccessibleName("Choose a study")
        intro = QLabel(f"This file holds {len(studies)} studies. Choose the one you want to read.")
        intro.setWordWrap(True)
        self.table = QTableWidget(len(studies), 3)
        self.table.setAccessibleName("Studies in this file")
        self.table.setAccessibleDescription("Use the arrow keys to choose a study, then press Enter to open it.")
        self.table.setHorizontalHeaderLabels(["Study number", "Title", "Status"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, to the buttons
        self.table.setWordWrap(True)
        self.table.setStyleSheet(FOCUS_RING)
        for row, study in enumerate(studies):
            for column, text in enumerate((study.nct_id, study.title or "No title given", status_words(study))):
                self.table.setItem(row, column, plain_cell(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.selectRow(0)
        self.table.activated.connect(lambda _index: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Open).setAccessibleName("Open the chosen study")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)
        self.table.setFocus()

    def chosen(self) -> RegistryStudy | None:
        row = self.table.currentRow()
        return self.studies[row] if 0 <= row < len(self.studies) else None


class StudyPicker:
    @classmethod
    def ask(cls, parent: QWidget | None, studies: list[RegistryStudy]) -> RegistryStudy | None:
        dialog = StudyPickerDialog(studies, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

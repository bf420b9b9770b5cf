"""A record file with several studies: the patient picks one by number, title and status.

Keyboard first: the list has the focus with the first study chosen; arrows move,
Enter opens, Escape cancels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
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
from explainer.ui.i18n import tr

if TYPE_CHECKING:
    from explainer.core.registry_record import RegistryStudy

FOCUS_RING = ("QTableWidget { border: 1px solid palette(mid); }"
              " QTableWidget:focus { border: 3px solid palette(highlight); }")


def status_words(study: RegistryStudy) -> str:
    """The status in the app's short plain words ("taking new people")."""
    if study.overall_status is None:
        return tr("not given")
    return study_words().status.overall[study.overall_status].short


def fit_columns(table: QTableWidget, stretch: int, most_chars: int = 16, whole: int = 0) -> None:
    """One column takes the room left; the others are as wide as their text, but at
    most ``most_chars`` characters, and wrap: at 250% text the table still fits a
    1280 px screen. The column ``whole`` (the study number) is never cut short.
    Rows grow to their wrapped text."""
    header = table.horizontalHeader()
    table.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrap, never "Septem…"
    chars = table.fontMetrics().averageCharWidth() * most_chars
    for column in range(table.columnCount()):
        heading = table.horizontalHeaderItem(column)
        cap = max(chars, header.sectionSizeFromContents(column).width()) if heading else chars
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnToContents(column)
        if column != whole:
            header.resizeSection(column, min(header.sectionSize(column), cap))
    table.resizeRowsToContents()
    # The stretched column gets its width only once shown: the rows follow it.
    header.geometriesChanged.connect(table.resizeRowsToContents)


def fit_dialog(dialog: QDialog, chars: int, lines: int) -> None:
    """A size in characters and lines of the current text size, within the screen."""
    metrics = dialog.fontMetrics()
    width, height = metrics.averageCharWidth() * chars, metrics.lineSpacing() * lines
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 80)
    dialog.resize(max(width, dialog.minimumSizeHint().width()), max(height, dialog.minimumSizeHint().height()))


def plain_cell(text: str) -> QTableWidgetItem:
    """A table cell shows text as written (a cell never reads markup)."""
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class StudyPickerDialog(QDialog):
    def __init__(self, studies: list[RegistryStudy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.studies = studies
        self.setWindowTitle(tr("Choose a study"))
        self.setAccessibleName(tr("Choose a study"))
        intro = QLabel(tr("This file holds {count} studies. Choose the one you want to read.")
                       .format(count=len(studies)))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(studies), 3)
        self.table.setAccessibleName(tr("Studies in this file"))
        self.table.setAccessibleDescription(tr("Use the arrow keys to choose a study, then press Enter to open it."))
        self.table.setHorizontalHeaderLabels([tr("Study number"), tr("Title"), tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, to the buttons
        self.table.setWordWrap(True)
        self.table.setStyleSheet(FOCUS_RING)
        for row, study in enumerate(studies):
            for column, text in enumerate((study.nct_id, study.title or tr("No title given"), status_words(study))):
                self.table.setItem(row, column, plain_cell(text))
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.verticalHeader().setVisible(False)
        self.table.selectRow(0)
        self.table.activated.connect(lambda _index: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(tr("Open"))
        buttons.button(QDialogButtonBox.StandardButton.Open).setAccessibleName(tr("Open the chosen study"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_dialog(self, 70, 18)
        fit_columns(self.table, stretch=1)
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

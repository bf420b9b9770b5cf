"""Any study's record, from the main window: File > Open study record…, a .json file
dropped on the window, File > Get a study record by its number…, and File > Studies
you have looked at….

Each opened study shows in its own RecordWindow and is kept (explainer.kept_studies)
so it opens again offline. A file the app cannot use is one plain sentence in a
message box, and nothing else changes. Every question to the user sits behind a
``@classmethod ask()`` that tests replace.

This module is loaded with the first screen, so it imports no study model, no
record reader and no download code: each is loaded when the patient asks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from explainer.collector import paused
from explainer.ui.i18n import tr

if TYPE_CHECKING:
    from explainer.core.registry_record import RegistryStudy
    from explainer.ui.record_window import RecordWindow
    from explainer.ui.zoom import TextZoom


class OpenRecordDialog:
    @classmethod
    def ask(cls, parent: QWidget) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # its enums: not before the first paint

        path, _ = QFileDialog.getOpenFileName(parent, tr("Open a study record"), str(Path.home()),
                                              tr("Study records (*.json);;All files (*)"))
        return Path(path) if path else None


class RecordProblem:
    """One plain sentence, shown as plain text (a file name or record text is never markup)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, sentence: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # its enums: not before the first paint

        box = QMessageBox(QMessageBox.Icon.Warning, title, sentence, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(_plain_text_format())
        box.setAccessibleName(title)
        from explainer.ui.labels import name_standard_buttons  # its Qt namespace: not before the first paint

        name_standard_buttons(box)
        box.exec()


def _plain_text_format():  # noqa: ANN202 - Qt's enum, loaded only here
    from PySide6.QtCore import Qt

    return Qt.TextFormat.PlainText


class StudyRecords(QObject):
    """What the main window's File menu and drops do with study records."""

    def __init__(self, window: QMainWindow, zoom: TextZoom | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.zoom = zoom
        self.windows: dict[str, RecordWindow] = {}  # open record windows, by study number
        self.open_action = self._action(tr("&Open study record…"), "Ctrl+Shift+O", self.open_record)
        self.download_action = self._action(tr("&Get a study record by its number…"), None, self.get_by_number)
        self.kept_action = self._action(tr("Studies you have &looked at…"), None, self.show_kept)
        self.compare_action = self._action(tr("Co&mpare studies you looked at…"), None, self.compare)
        menu = getattr(window, "file_menu", None)
        if menu is not None and menu.actions():
            menu.insertSeparator(menu.actions()[-1])  # Ctrl+O is the self-check's "Open answers…"
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _action(self, text: str, keys: str | None, slot: object) -> QAction:
        action = QAction(text, self.window)
        if keys:  # a QKeySequence list: setShortcut(str) would build PySide's Qt namespace (slow start)
            action.setShortcuts([QKeySequence(keys)])
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        menu = getattr(self.window, "file_menu", None)
        if menu is not None:  # before Quit, in the order added
            quit_action = menu.actions()[-1] if menu.actions() else None
            menu.insertAction(quit_action, action)
        return action

    # ------------------------------------------------------------ drops

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _dropped_path(event) is not None:  # type: ignore[arg-type]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif watched is self.window and event.type() == QEvent.Type.Drop:
            path = _dropped_path(event)  # type: ignore[arg-type]
            if path is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.open_path(path)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ opening

    def open_record(self) -> None:
        path = OpenRecordDialog.ask(self.window)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path, study_number: str | None = None) -> RecordWindow | None:
        """Read a file; one study opens, several are offered in a list; a bad file is
        one sentence and changes nothing. ``study_number`` (``--study NCT…``): that study
        opens directly; a number not in the file is one sentence too."""
        from explainer.records_io import RecordFileError, pick, read_record

        try:
            with paused():  # some 100,000 new objects, none of them garbage: explainer.collector
                record = read_record(path)
        except RecordFileError as err:
            RecordProblem.ask(self.window, tr("This file cannot be opened"), err.plain)
            return None
        if study_number is not None:
            try:
                study = pick(record.studies, study_number)
            except RecordFileError as err:
                RecordProblem.ask(self.window, tr("This study cannot be opened"), err.plain)
                return None
        elif len(record.studies) == 1:
            study = record.studies[0]
        else:
            from explainer.ui.study_picker import StudyPicker

            study = StudyPicker.ask(self.window, list(record.studies))
            if study is None:
                return None
        return self.show_study(study, record.study_json(study.nct_id))

    def show_study(self, study: RegistryStudy, data: bytes | None) -> RecordWindow:
        """Keep the record (when ``data`` is given) and show it in its own window."""
        problem = self._keep(study, data) if data is not None else None
        from explainer.study_words_io import study_words
        from explainer.ui.record_window import RecordWindow

        old = self.windows.pop(study.nct_id, None)
        if old is not None:
            old.close()
            old.deleteLater()
        shown = RecordWindow(study, study_words(), self.zoom, settings=getattr(self.window, "settings", None))
        shown.add_help_menu(self.window)
        self.windows[study.nct_id] = shown
        if problem:
            shown.statusBar().showMessage(problem)
        shown.show()
        shown.activateWindow()
        shown.navigator.setFocus()
        return shown

    @staticmethod
    def _keep(study: RegistryStudy, data: bytes) -> str | None:
        from explainer.kept_studies import keep

        try:
            keep(study, data)
        except OSError as err:  # a full disk must not stop the reading
            return tr("This study could not be kept on this computer ({error}).").format(error=err.strerror)
        return None

    def open_kept(self, nct_id: str) -> RecordWindow | None:
        from explainer.kept_studies import open_kept
        from explainer.records_io import RecordFileError

        try:
            study = open_kept(nct_id)
        except RecordFileError as err:
            RecordProblem.ask(self.window, tr("This study cannot be opened"), err.plain)
            return None
        return self.show_study(study, None)

    # ------------------------------------------------------------ the other two actions

    def get_by_number(self) -> None:
        from explainer.ui.download_dialog import DownloadDialog

        DownloadDialog.ask(self.window, self)

    def show_kept(self) -> None:
        from explainer.ui.studies_list import StudiesList

        StudiesList.ask(self.window, self)

    def compare(self, parent: QWidget | None = None) -> None:
        from explainer.ui.compare_view import CompareView

        self.compare_view = CompareView.ask(parent or self.window, self.window)


def _dropped_path(event: QDropEvent) -> Path | None:
    """The one local .json file dropped, or None (several files, or a web address)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".json" else None


def install_study_records(window: QMainWindow, zoom: TextZoom | None = None) -> StudyRecords:
    records = StudyRecords(window, zoom)
    window.study_records = records  # type: ignore[attr-defined]
    return records

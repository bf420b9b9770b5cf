"""File > Get a study record by its number…: the one place the window goes online.

Before any connection the dialog says, in one plain sentence, that this is the only
time the app goes online and that it sends nothing but the study number. The
download runs on its own thread (explainer.download has its own time and size limits),
so the window keeps answering; a failure is the download's one plain sentence.
A record that arrives is kept and opened.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explainer.download import DownloadError, download_record, registry_base_url, study_number

from explainer.ui.i18n import tr
from explainer.ui.study_picker import fit_dialog

if TYPE_CHECKING:
    from explainer.download import Download
    from explainer.ui.study_records import StudyRecords


def wrong_number() -> str:
    return tr("A study number is NCT and 8 digits, like NCT04883242.")


class DownloadThread(QObject):
    """download_record on a daemon thread, its end sent back as a signal (queued to the
    window's thread). Not a QThread: quitting the app during a download must not wait
    for the time limit, nor abort on a QThread still running."""

    arrived = Signal(object)  # Download
    failed = Signal(str)      # one plain sentence
    finished = Signal()

    def __init__(self, nct_id: str, base_url: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.nct_id = nct_id
        self.base_url = base_url
        self._worker = threading.Thread(target=self._run, name=f"download {nct_id}", daemon=True)

    def start(self) -> None:
        self._worker.start()

    def _run(self) -> None:
        try:
            result = download_record(self.nct_id, self.base_url)
        except DownloadError as err:
            self._send(self.failed, err.plain)
        except Exception as err:  # noqa: BLE001 - a download must end with a word, not silence
            self._send(self.failed, tr("The download stopped because of an unexpected problem ({kind}).")
                       .format(kind=type(err).__name__))
        else:
            self._send(self.arrived, result)
        self._send(self.finished)

    @staticmethod
    def _send(signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window closed meanwhile: no one is waiting for the answer
            pass


class DownloadDialog(QDialog):
    def __init__(self, records: StudyRecords | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.download: DownloadThread | None = None
        self.downloaded: Download | None = None
        self.setWindowTitle(tr("Get a study record by its number"))
        self.setAccessibleName(tr("Get a study record by its number"))
        try:
            self.base_url: str | None = registry_base_url()
            host = urlsplit(self.base_url).hostname or self.base_url
        except DownloadError as err:
            self.base_url, host = None, ""
            self.address_problem: str | None = err.plain
        else:
            self.address_problem = None
        self.notice = QLabel(
            tr("This is the only time Trial Explainer goes online: it asks {host} "
               "for the study you name and sends nothing but the study number.")
            .format(host=host or tr("the registry")))
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(tr("About going online"))
        self.number = QLineEdit()
        self.number.setAccessibleName(tr("Study number"))
        self.number.setAccessibleDescription(tr("NCT and 8 digits, like NCT04883242."))
        self.number.setPlaceholderText("NCT04883242")
        self.number.setMaxLength(40)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        number_label = QLabel(tr("Study &number:"))
        number_label.setBuddy(self.number)
        form.addRow(number_label, self.number)
        self.message = QLabel("")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a sentence may hold the registry's words
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Download message"))
        self.download_button = QPushButton(tr("&Download"))
        self.download_button.setAccessibleName(tr("Download the study record"))
        self.download_button.setEnabled(False)
        self.download_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.download_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(tr("Close"))
        self.close_button.setAccessibleName(tr("Close"))
        self.close_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.download_button.clicked.connect(self.start)
        self.number.textChanged.connect(self._check_number)
        self.number.returnPressed.connect(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, 60, 12)
        if self.address_problem:
            self._say(self.address_problem)
        self.number.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    def _valid_number(self) -> str | None:
        try:
            return study_number(self.number.text())
        except DownloadError:
            return None

    def _check_number(self, _text: str) -> None:
        valid = self._valid_number()
        self._enable()
        if not self.number.text().strip() or self.download is not None:
            return
        self._say("" if valid else wrong_number())

    def start(self) -> None:
        number = self._valid_number()
        if number is None or self.download is not None or self.address_problem:
            if number is None:
                self._say(wrong_number())
            return
        self._say(tr("Getting study {number}. You can keep reading while you wait.").format(number=number))
        self.download_button.setEnabled(False)
        self.number.setReadOnly(True)
        download = DownloadThread(number, self.base_url)
        download.arrived.connect(self._arrived)
        download.failed.connect(self._failed)
        download.finished.connect(self._thread_done)
        self.download = download
        download.start()

    def _thread_done(self) -> None:
        running, self.download = self.download, None
        if running is not None:
            running.deleteLater()
        self.number.setReadOnly(False)
        self._enable()  # the message stays: it says how the download ended

    def _enable(self) -> None:
        busy = self.download is not None
        self.download_button.setEnabled(bool(self._valid_number()) and not busy and not self.address_problem)

    def _failed(self, sentence: str) -> None:
        self._say(sentence)

    def _arrived(self, result: Download) -> None:
        self.downloaded = result
        self._say(tr("Study {number} is here. It is kept on this computer.").format(number=result.study.nct_id))
        if self.records is not None:
            self.records.show_study(result.study, result.data)
        self.accept()

    def reject(self) -> None:
        """Closing while a download runs: the thread ends on its own (time limit); its
        answer is then dropped, and the dialog is kept alive until then."""
        if self.download is not None:
            self.download.arrived.disconnect(self._arrived)
            self.download.failed.disconnect(self._failed)
            self.records = None
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget, records: StudyRecords) -> None:
        dialog = cls(records, parent)
        dialog.open()  # window-modal, not a nested loop: the main window keeps painting
        records.download_dialog = dialog  # type: ignore[attr-defined]

"""The PDF summary in the window: File > Export PDF… and Print…, the button on the
self-check summary bar, and the export dialog (sections, large print, paper, a
preview of the real PDF's pages, Save… and Print…).

The preview and the printout are the very PDF the file gets: its pages rasterised
by pypdfium2. Saving goes through QSaveFile, so a failed export leaves no partial
file. Every dialog sits behind a ``@classmethod ask()`` so tests replace one call.
reportlab and pypdfium2 load only when the user exports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QRect, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from explainer.core.language import LANGUAGE_NAMES, LANGUAGES, current_language
from explainer.core.paper import Paper, paper_for_territory, territory_from_locale
from explainer.files import output_problem
from explainer.ui.flow import UpDownScrollArea
from explainer.ui.i18n import tr
from explainer.ui.labels import plain_warning_box
from explainer.ui.saving import ask_save_path, write_file

# QImage and QPageSize, which only the preview and the printout use, are imported where
# they are used: PySide makes a class's enums as it is first touched (the rest of the
# window touches the others anyway).
if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from explainer.core.study_summary import StudySummary
    from explainer.pdf.raster import PageImage
    from explainer.ui.pdf_export import PdfExport


def section_labels() -> dict[str, str]:
    """The PDF's parts and their check boxes' words. Short: a check box does not wrap, and
    at a large text size a long label would squeeze the page preview. The note under them
    says what each part holds."""
    return {
        "study": tr("About the study"),
        "timeline": tr("Treatment timeline"),
        "self_check": tr("Your self-check"),
        "team_questions": tr("Questions for the team"),
        "help": tr("Contacts and help"),
        "words": tr("Meanings of hard words"),
    }


def __getattr__(name: str) -> dict[str, str]:
    """SECTION_LABELS, in the language of the moment it is read (not of the import)."""
    if name == "SECTION_LABELS":
        return section_labels()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


PAPER_CHOICES: tuple[Paper, ...] = ("a4", "letter")  # in the dialog's order


def papers() -> dict[Paper, QPageSize.PageSizeId]:
    """Each paper and Qt's page size for printing on it."""
    from PySide6.QtGui import QPageSize

    return {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def paper_name(paper: Paper) -> str:
    return {"a4": tr("A4"), "letter": tr("Letter (US)")}[paper]
PREVIEW_DPI = 64
PRINT_DPI_LIMIT = 300  # enough for sharp text; more only costs memory


class SavePdfDialog:
    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> Path | None:
        return ask_save_path(parent, tr("Save the PDF summary"), suggested, tr("PDF files (*.pdf)"), ".pdf")


class PrintDialog:
    @classmethod
    def ask(cls, parent: QWidget, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(tr("Print the summary"))
        if current_language() != "en":  # English keeps Qt's own words
            fill_print_dialog_gaps(dialog)
        return dialog.exec() == QDialog.DialogCode.Accepted


def fill_print_dialog_gaps(dialog: QWidget) -> None:
    """The words of Qt's print dialog that Qt's own translation leaves in English (the page
    range's label and tip), in the app's language."""
    from PySide6.QtWidgets import QLineEdit

    label = dialog.findChild(QLabel, "pageSetLabel")
    if label is not None:
        label.setText(tr("Page &set:"))
    pages = dialog.findChild(QLineEdit, "pagesLineEdit")
    if pages is not None:
        pages.setToolTip(tr("Type pages, or ranges, with commas between them. A range is two numbers with a "
                            "hyphen between them. For example, 3,5-7,9 prints pages 3, 5, 6, 7 and 9."))


class ExportProblemDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str, message: str) -> None:
        plain_warning_box(parent, title, message).exec()


def locale_paper() -> Paper:
    return paper_for_territory(territory_from_locale(QLocale.system().name()))


def page_qimage(page: PageImage) -> QImage:
    from PySide6.QtGui import QImage

    image = QImage(page.rgbx, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888)
    return image.copy()  # own the pixels: the bytes object may go away


class ExportDialog(QDialog):
    """Choose what the PDF holds, see its pages, then save or print it."""

    def __init__(self, export: PdfExport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.export = export
        self.setWindowTitle(tr("Export the PDF summary for your doctor"))
        self.pdf = b""
        self.pages: list[QLabel] = []
        self.section_boxes = {key: self._checkbox(label) for key, label in section_labels().items()}
        self.large_print = self._checkbox(tr("Large print"), checked=False)
        self.paper = QComboBox()
        self.paper.setAccessibleName(tr("Paper size"))
        for key in PAPER_CHOICES:
            self.paper.addItem(paper_name(key), key)
        self.paper.setCurrentIndex(self.paper.findData(locale_paper()))
        self.paper.currentIndexChanged.connect(self.refresh)
        self.language = self._language_choice()
        self.status = QLabel()
        self.status.setAccessibleName(tr("About the PDF"))
        self.saved = QLabel()  # "Saved" shows here, by the buttons: the main window is behind the dialog
        self.saved.setWordWrap(True)
        self.saved.setTextFormat(Qt.TextFormat.PlainText)  # it names the chosen path
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved.setAccessibleName(tr("Saved"))
        self.saved.hide()
        self.preview = QWidget()
        self.preview_layout = QVBoxLayout(self.preview)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(tr("Preview of the PDF pages"))
        self.save_button = QPushButton(tr("&Save PDF…"))
        self.save_button.setAccessibleName(tr("Save the PDF"))
        self.print_button = QPushButton(tr("&Print…"))
        self.print_button.setAccessibleName(tr("Print the summary"))
        close = QPushButton(tr("Close"))
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_pages)
        close.clicked.connect(self.reject)
        self._lay_out(scroll, close)
        self.refresh()

    def _language_choice(self) -> QComboBox:
        """The PDF's language: the app's by default; a patient who reads Spanish can hand
        the doctor an English PDF (each language named in its own words)."""
        box = QComboBox()
        box.setAccessibleName(tr("Language of the PDF"))
        for language in LANGUAGES:
            box.addItem(LANGUAGE_NAMES[language], language)
        box.setCurrentIndex(box.findData(current_language()))
        box.currentIndexChanged.connect(self.refresh)
        return box

    def chosen_language(self) -> str:
        return self.language.currentData()

    def _checkbox(self, label: str, checked: bool = True) -> QCheckBox:
        box = QCheckBox(label)
        box.setChecked(checked)
        box.setAccessibleName(label)
        box.toggled.connect(self.refresh)
        return box

    def _lay_out(self, scroll: QScrollArea, close: QPushButton) -> None:
        sections = QGroupBox(tr("What to put in the PDF"))
        column = QVBoxLayout(sections)
        for box in self.section_boxes.values():
            column.addWidget(box)
        always = QLabel(tr("The self-check comes with questions for your doctor. The timeline shows your "
                           "dates if you gave your first treatment day. The note that this is not medical "
                           "advice is always in."))
        always.setWordWrap(True)  # long lines here would squeeze the preview at a large text size
        column.addWidget(always)
        form = QFormLayout()
        form.addRow(tr("Paper size:"), self.paper)
        form.addRow(tr("PDF &language:"), self.language)
        form.addRow(self.large_print)
        intro = QLabel(tr("A summary to bring to your doctor. Tick what to put in it. The pages on the right "
                          "are exactly what will be saved or printed."))
        intro.setWordWrap(True)
        # The choices scroll up and down when the screen is too short for them (large
        # text on a laptop): squeezed instead, the boxes and the note were cut off.
        column = QWidget()
        options = QVBoxLayout(column)
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(intro)
        options.addWidget(sections)
        options.addLayout(form)
        options.addWidget(self.status)
        options.addStretch(1)
        self.options_area = UpDownScrollArea()
        self.options_area.setWidget(column)
        self.options_area.setAccessibleName(tr("What to put in the PDF"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.print_button, close):
            buttons.addWidget(button)
        body = QHBoxLayout()
        body.addWidget(self.options_area, 2)
        body.addWidget(scroll, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.saved)
        layout.addLayout(buttons)
        self.resize(self._size_for_text())

    def _text_zoom(self) -> int:
        """The app's text size in percent (View menu); 100 when the window has no zoom."""
        return getattr(getattr(self.export.window, "zoom", None), "percent", 100)

    def _size_for_text(self) -> QSize:
        """1100 x 760 at the normal text size; larger with the app's text zoom, as far as the screen allows."""
        zoom = max(100, self._text_zoom()) / 100
        wanted = QSize(round(1100 * zoom), round(760 * zoom))
        screen = self.screen().availableGeometry().size() if self.screen() else wanted
        return QSize(max(1100, min(wanted.width(), screen.width())), max(760, min(wanted.height(), screen.height())))

    @classmethod
    def ask(cls, export: PdfExport, parent: QWidget, printing: bool = False) -> None:
        dialog = cls(export, parent)
        (dialog.print_button if printing else dialog.save_button).setDefault(True)
        dialog.exec()

    def chosen_sections(self) -> frozenset[str]:
        return frozenset(k for k, box in self.section_boxes.items() if box.isChecked())

    def chosen_paper(self) -> Paper:
        return self.paper.currentData()

    def refresh(self) -> None:
        self.pdf = self.export.render(self.chosen_sections(), self.chosen_paper(), self.large_print.isChecked(),
                                      self.chosen_language())
        from explainer.pdf.raster import rasterise

        self.saved.hide()  # the file saved before does not have the new choices
        for label in self.pages:
            label.deleteLater()
        self.pages = []
        images = list(rasterise(self.pdf, PREVIEW_DPI * self._text_zoom() / 100))  # the pages grow with the text size
        for number, page in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(page_qimage(page)))
            label.setAccessibleName(tr("Page {number} of {count}").format(number=number, count=len(images)))
            label.setFrameShape(QLabel.Shape.Box)
            self.preview_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(label)
        paper = paper_name(self.chosen_paper())
        self.status.setText(tr("1 page, {paper} paper.").format(paper=paper) if len(images) == 1 else
                            tr("{count} pages, {paper} paper.").format(count=len(images), paper=paper))

    def save(self) -> bool:
        path = self.export.save(self.pdf, self)
        if path is not None:
            self.show_saved(tr("✓ Saved. Your PDF is here: {path}").format(path=path))
        return path is not None

    def show_saved(self, text: str) -> None:
        """Say it where the user is looking, and aloud to a screen reader."""
        self.saved.setText(text)
        self.saved.setAccessibleDescription(text)
        self.saved.show()
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.saved, text))

    def print_pages(self) -> bool:
        return self.export.print_pdf(self.pdf, self.chosen_paper(), self)


# ---------------------------------------------------------------- shared by every window that exports a PDF

def save_pdf(window: QMainWindow, parent: QWidget, pdf: bytes, suggested: str) -> Path | None:
    """Ask where (SavePdfDialog), check the place, write all or nothing; the path
    written, or None if nothing was. ``window``'s status bar says where it went."""
    path = SavePdfDialog.ask(parent, suggested)
    if path is None:
        return None
    problem = output_problem(path, "summary.pdf")
    if problem:
        ExportProblemDialog.ask(parent, tr("The PDF was not saved"),
                                tr("{problem}\n\nNothing was written.").format(problem=problem))
        return None
    try:
        write_file(path, pdf, private=False)
    except OSError as err:
        ExportProblemDialog.ask(parent, tr("The PDF was not saved"),
                                tr("{path}\n\n{error}\n\nNothing was written. Please choose another folder, "
                                   "or free some space on the disk, and try again.").format(path=path, error=err))
        return None
    # Still there after the dialog closes.
    window.statusBar().showMessage(tr("Saved the PDF summary to {path}").format(path=path), 8000)
    return path


def print_pdf(pdf: bytes, paper: Paper, parent: QWidget, doc_name: str) -> bool:
    """Ask for a printer (PrintDialog), then print the PDF's own pages; False if not printed."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter  # Qt's printing loads only when printing

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(papers()[paper]))
    printer.setDocName(doc_name)
    printer.setFullPage(True)  # the PDF carries its own margins
    if not PrintDialog.ask(parent, printer):
        return False
    try:
        print_pages(pdf, printer)
    except OSError as err:
        ExportProblemDialog.ask(parent, tr("The summary was not printed"),
                                tr("{error}\n\nPlease check the printer.").format(error=err))
        return False
    return True


def render_study_pdf(summary: StudySummary, paper: Paper, large_print: bool = False) -> bytes:
    """Any registry record's summary as PDF bytes: reportlab loads only now."""
    from explainer.pdf.study_story import render_study_pdf as render

    return render(summary, paper, large_print)


def print_pages(pdf: bytes, printer: QPrinter) -> None:
    """Each PDF page, rasterised at the printer's resolution, fitted to its printable area."""
    from explainer.pdf.raster import rasterise

    first, last = printer.fromPage() or 1, printer.toPage() or None
    dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("The printer could not be started."))
    try:
        for index, page in enumerate(rasterise(pdf, dpi, first, last)):
            if index:
                printer.newPage()
            target = _fitted(painter.viewport(), page.width, page.height)
            painter.drawImage(target, page_qimage(page))
    finally:
        painter.end()


def _fitted(area: QRect, width: int, height: int) -> QRect:
    scale = min(area.width() / width, area.height() / height)
    w, h = int(width * scale), int(height * scale)
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)

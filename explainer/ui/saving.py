"""Saving from the window: the one "Save as" question and the all-or-nothing write.

The PDF, the calendar and the answers share them. Each caller keeps its own small
dialog class (a ``@classmethod ask()`` that tests replace); the question starts in
the home folder with a suggested name, and adds the file type's ending when the
user did not type it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from explainer.files import write_atomically
from explainer.ui.i18n import tr


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str,
                  ending: str, added: str | None = None) -> Path | None:
    """The path the user chose, ending in ``ending`` (adding ``added``, or ``ending``
    itself, when it does not); None if they cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), file_filter)
    if not path:
        return None
    return Path(path if path.lower().endswith(ending) else f"{path}{added or ending}")


def write_file(path: Path, data: bytes | str, *, private: bool) -> None:
    """All or nothing, through the one writer every output uses (explainer.files):
    a short temporary name beside the target (QSaveFile's is the whole name plus 7
    characters, too long for a name of 249 bytes or more), and 0600 for private files.
    Text is written as UTF-8."""
    write_atomically(path, data, private=private)


def damaged_file(err: Exception) -> str:
    """What a damaged words file means for the patient (the PDF and the web page say it alike)."""
    return tr("A file the app needs is damaged.\n\n{problem}\n\nPlease reinstall the app.").format(problem=err)

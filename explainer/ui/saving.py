"""Saving from the window: the one "Save as" question and the all-or-nothing write.

The PDF, the calendar and the answers share them. Each caller keeps its own small
dialog class (a ``@classmethod ask()`` that tests replace); the question starts in
the home folder with a suggested name, and adds the file type's ending when the
user did not type it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSaveFile
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str,
                  ending: str, added: str | None = None) -> Path | None:
    """The path the user chose, ending in ``ending`` (adding ``added``, or ``ending``
    itself, when it does not); None if they cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), file_filter)
    if not path:
        return None
    return Path(path if path.lower().endswith(ending) else f"{path}{added or ending}")


def write_with_qsavefile(path: Path, data: bytes | str) -> None:
    """All or nothing: QSaveFile writes beside the target and renames on commit.
    Text is written as UTF-8."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    saver = QSaveFile(str(path))
    if not saver.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise OSError(saver.errorString())
    if saver.write(QByteArray(data)) != len(data):
        saver.cancelWriting()
        saver.commit()
        raise OSError(saver.errorString() or "The disk may be full.")
    if not saver.commit():
        raise OSError(saver.errorString())

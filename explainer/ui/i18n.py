"""The interface's words in the chosen language: Qt's own translation system.

Every word a widget shows goes through ``tr("...")`` with a literal (so
``pyside6-lupdate`` finds it; values go in afterwards with ``.format``). The
translations are .ts files in resources/i18n/<language>/ui/, one per module here,
compiled to one .qm (tools/build_translations.py) that ``install_translator`` loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # a class PySide makes on first use: Spanish needs it, an English first paint does not
    from PySide6.QtCore import QTranslator

_CONTEXT = ""  # one context for the whole app: the same English words, the same Spanish


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load ``language``'s compiled translation into ``app`` (English needs none).
    A missing or unreadable file leaves the English words, never an error."""
    from explainer.core.language import SOURCE_LANGUAGE

    if language == SOURCE_LANGUAGE:
        return None
    # Here, not at the top: the English first paint needs neither (1 ms before it).
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from explainer.translations import qm_file

    translator = QTranslator(app)
    if not translator.load(str(qm_file(language))):
        return None
    # Qt's own words (a file dialog's buttons, a text field's Copy and Paste, the print
    # dialog) come from the translation Qt ships, installed first so the app's own win.
    qt_words = QTranslator(translator)
    if qt_words.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_words)
    app.installTranslator(translator)
    return translator


def remove_translator(app: QCoreApplication, translator: QTranslator) -> None:
    """Take out what ``install_translator`` put in: the app's words and Qt's own."""
    from PySide6.QtCore import QTranslator

    for qt_words in translator.findChildren(QTranslator):
        app.removeTranslator(qt_words)
    app.removeTranslator(translator)

"""The app's language: chosen at start, and in View > Language at any time (remembered).

At the first start it is the computer's (a Spanish locale gives Spanish, any other
English); once the person picks one in View > Language, that one, kept beside the
theme and the text size. The words come from three places, switched together by
``speak``: the interface's Qt translator, and the core's words and the content
(explainer.translations.use_app_language). A window's words are set as it is built,
so a switch builds the window again (explainer.app.switch_language does it).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QMainWindow

from explainer.core.language import LANGUAGE_NAMES, LANGUAGES, current_language, language_from_locale
from explainer.ui.i18n import install_translator, remove_translator, tr

if TYPE_CHECKING:  # made by Spanish only (i18n.install_translator): not before an English first paint
    from PySide6.QtCore import QTranslator

LANGUAGE_KEY = "view/language"  # beside view/high_contrast and view/text_zoom_percent
# Each language's name in its own language (what a reader of it looks for), with a
# key letter of its own: the two share the E.
MENU_TEXT = {"en": "&English", "es": "E&spañol"}

_installed: list[QTranslator] = []  # the translator speak() put in, taken out by the next switch


def system_locale_name() -> str:
    """The computer's locale ('es_MX'), as Qt reads it; LANG where Qt finds none."""
    from PySide6.QtCore import QLocale

    name = QLocale.system().name()
    return os.environ.get("LANG", "") if name in ("", "C") else name


def saved_language(settings: QSettings, locale_name: str | None = None) -> str:
    """The language chosen in View > Language; without one (a first start), or one this
    app does not have (a hand-edited file), the computer's: never an error."""
    value = settings.value(LANGUAGE_KEY)
    if isinstance(value, str) and value in LANGUAGES:
        return value
    return language_from_locale(system_locale_name() if locale_name is None else locale_name)


def speak(app: QCoreApplication, language: str) -> None:
    """Everything made from now on in ``language``: the interface (Qt's translator) and
    the core's words and the content. English at start changes nothing and reads no file:
    it is what the app speaks already."""
    if language == current_language() and not _installed:
        return
    from explainer.translations import use_app_language

    use_app_language(language)
    for old in _installed:
        remove_translator(app, old)
        old.deleteLater()
    _installed.clear()
    translator = install_translator(app, language)
    if translator is not None:
        _installed.append(translator)


class LanguageMenu(QObject):
    """View > Language: English or Español, one ticked. Choosing the other one saves it
    and calls ``switch`` (which builds the window again in that language)."""

    def __init__(self, window: QMainWindow, settings: QSettings, switch: Callable[[str], None]) -> None:
        from PySide6.QtGui import QAction, QActionGroup  # made with their enums on first use: after the first paint

        super().__init__(window)
        self.settings = settings
        self.switch = switch
        view_menu = getattr(window, "view_menu", None) or window.menuBar().addMenu(tr("&View"))
        view_menu.addSeparator()
        self.menu = view_menu.addMenu(tr("&Language"))
        self.menu.setAccessibleName(tr("Language"))
        self.group = QActionGroup(self.menu)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for language in LANGUAGES:
            action = QAction(MENU_TEXT[language], window)
            action.setCheckable(True)
            action.setChecked(language == current_language())
            action.setToolTip(LANGUAGE_NAMES[language])
            self.group.addAction(action)
            self.menu.addAction(action)
            action.triggered.connect(lambda _checked=False, chosen=language: self.choose(chosen))
            self.actions[language] = action

    def choose(self, language: str) -> None:
        """The person chose ``language``: remember it, then switch (nothing if it is the current one)."""
        if language == current_language():
            return
        self.settings.setValue(LANGUAGE_KEY, language)
        self.settings.sync()  # kept even if the switch goes wrong: the next start uses it
        self.switch(language)


def install_language_menu(window: QMainWindow, settings: QSettings,
                          switch: Callable[[str], None]) -> LanguageMenu:
    menu = LanguageMenu(window, settings, switch)
    window.language_menu = menu  # type: ignore[attr-defined]
    return menu

"""Shared test set-up: Qt offscreen, every user folder in a temporary place."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Before any Qt import: widgets render offscreen unless a test starts Xvfb itself, on
# one screen the size of a common laptop's (1280 x 800; Qt's offscreen default is 800 x
# 800, narrower than the app's own window), so sizes are checked against a real one.
LAPTOP_SCREEN = Path(__file__).parent / "fixtures" / "offscreen-1280x800.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={LAPTOP_SCREEN}")

from tests.windows import shown_window  # noqa: E402 - after the platform is chosen

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs honours XDG_*: no test touches the real user's settings or drafts."""
    home = tmp_path / "home"
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(var, str(home / sub))
    return home


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every way the app could open a connection or look up a name fails the test loudly;
    the list holds each attempt."""
    import socket

    attempts: list[object] = []

    def refuse(*args, **_kwargs):
        attempts.append(args)
        raise AssertionError("the app tried to connect")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture(scope="session")
def registry_text() -> str:
    """The registry record as the seed gives it, with Markdown escapes removed."""
    return (FIXTURES / "registry_record_NCT04883242.txt").read_text(encoding="utf-8").replace("\\", "")


@pytest.fixture(scope="session")
def trial():
    from explainer.content import load_trial

    return load_trial()


@pytest.fixture
def main_window(qtbot):
    from explainer.app import build_main_window

    return shown_window(qtbot, build_main_window)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def _delete_windows_after_each_test():
    """Windows a test leaves behind are deleted, not only closed: a text-size change
    reaches every live widget (and a theme change re-styles them all), so leftovers
    would make each later GUI test slower than the one before."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return  # a pure test: no Qt to tidy
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The interface translations compiled from their .ts sources, as ./dev does: tests
    run the same .qm the app loads (rebuilt only when a .ts is newer)."""
    from tools.translations import build, languages

    for language in languages():
        build(language)


@pytest.fixture
def spanish(qapp):
    """Spanish for one test: the interface's compiled translation installed, and the
    core's words and the content in Spanish; English again afterwards."""
    from explainer.translations import speaking_language
    from explainer.ui.i18n import install_translator, remove_translator

    translator = install_translator(qapp, "es")
    try:
        with speaking_language("es"):
            yield translator
    finally:
        if translator is not None:
            remove_translator(qapp, translator)

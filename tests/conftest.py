"""Shared test set-up: Qt offscreen, every user folder in a temporary place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: widgets render offscreen unless a test starts Xvfb itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
    from explainer.app import build_main_window, make_application

    make_application()
    window = build_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS

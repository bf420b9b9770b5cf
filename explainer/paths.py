"""Where the app keeps the user's files: the platform's own folders (platformdirs).

Nothing is written next to the program; on Linux these honour XDG_* variables,
which the tests use to point everything at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "trial-explainer"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    return config_dir() / "settings.ini"

"""The README's picture of the main window on its first page, in a language.

    .venv/bin/python tools/readme_screenshot.py --lang es -o docs/screenshot-main-window-es.png

The window as the app builds it (build_main_window) at its own starting size
(1100 x 760), normal text size and colours, drawn on Qt's offscreen screen (no display
needed) with the app's own fonts; settings and drafts go to a throw-away folder, so
the picture never shows (or changes) this computer user's choices.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=["en", "es"])
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(Path(home) / var.lower())
        screen = Path(home) / "screen.json"  # a 1280 x 800 laptop at 96 dpi, as the tests use
        screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800,
                                                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        return _photograph(args.lang, args.output)


def _photograph(language: str, output: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from explainer.app import build_main_window, make_application
    from explainer.ui.language_menu import speak

    app = make_application()
    speak(app, language)
    window = build_main_window()
    window.show()
    for _ in range(5):  # the window fits its list and its status line once it is shown
        QApplication.processEvents()
    window.show_section("welcome")
    QApplication.processEvents()
    if not window.grab().save(str(output)):
        print(f"could not write {output}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

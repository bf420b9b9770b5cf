"""Build and update the interface translations (Qt .ts -> .qm), never by hand.

    python tools/translations.py build            # resources/i18n/<lang>.qm from its ui/*.ts (when older)
    python tools/translations.py update MODULE... # refresh resources/i18n/es/ui/MODULE.ts from explainer/ui/MODULE.py
                                                  # (keeps existing translations; new words come in "unfinished")

./dev runs ``build`` before the app and the tests; packaging/build runs it before
PyInstaller. A .qm is a build product: git ignores it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
UI = ROOT / "explainer" / "ui"
# The modules that show words in the window: explainer/ui/*.py and these three.
WINDOW_MODULES_OUTSIDE_UI = ("app", "crash", "single_window")


def window_module(stem: str) -> Path:
    """The module a .ts file of that name translates."""
    return ROOT / "explainer" / f"{stem}.py" if stem in WINDOW_MODULES_OUTSIDE_UI else UI / f"{stem}.py"


def window_modules() -> list[Path]:
    return sorted(UI.glob("*.py")) + [ROOT / "explainer" / f"{stem}.py" for stem in WINDOW_MODULES_OUTSIDE_UI]


def qt_tool(name: str) -> str:
    """pyside6-lrelease / pyside6-lupdate, beside this Python first (a venv not on PATH)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (./dev setup)")
    return found


def ts_files(language: str) -> list[Path]:
    return sorted((I18N / language / "ui").glob("*.ts"))


def build(language: str) -> Path | None:
    """Compile ``language``'s .ts files into one .qm, unless it is newer than all of them."""
    sources = ts_files(language)
    target = I18N / f"{language}.qm"
    if not sources:
        return None
    if target.exists() and target.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        return target
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", *map(str, sources), "-qm", str(target)], check=True)
    return target


def update(language: str, modules: list[str]) -> None:
    for module in modules:
        target = I18N / language / "ui" / f"{module}.ts"
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([qt_tool("pyside6-lupdate"), "-silent", "-locations", "none", "-target-language", language,
                        str(window_module(module)), "-ts", str(target)], check=True)


def languages() -> list[str]:
    return sorted(p.name for p in I18N.iterdir() if p.is_dir()) if I18N.is_dir() else []


def main(argv: list[str]) -> None:
    if argv[:1] == ["build"]:
        for language in languages():
            build(language)
    elif argv[:1] == ["update"] and len(argv) > 1:
        update("es", argv[1:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

"""The core stays pure: no Qt, no reportlab, no clock, no file access."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import explainer.core

CORE_DIR = Path(explainer.core.__file__).parent
CORE_MODULES = sorted(f"explainer.core.{m.name}" for m in pkgutil.iter_modules([str(CORE_DIR)]))


def test_core_imports_neither_qt_nor_reportlab() -> None:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in CORE_MODULES) +
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab', 'shiboken6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_core_reads_no_clock_and_no_files() -> None:
    forbidden = re.compile(r"date\.today\(|datetime\.now\(|\bopen\(|read_text\(|write_text\(|import time\b")
    offenders = [(path.name, line) for path in CORE_DIR.glob("*.py")
                 for line in path.read_text(encoding="utf-8").splitlines() if forbidden.search(line)]
    assert offenders == []
    assert len(CORE_MODULES) >= 3


def test_cli_does_not_load_qt_for_headless_commands() -> None:
    code = ("import sys\nfrom explainer.cli import main\nmain(['validate'])\n"
            "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "NOQT"


def test_pdf_command_does_not_load_qt(tmp_path) -> None:
    out = tmp_path / "s.pdf"
    code = ("import sys\nfrom explainer.cli import main\n"
            f"assert main(['pdf', '-o', {str(out)!r}]) == 0\n"
            "print('QT' if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules) else 'NOQT')")
    out_text = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out_text.strip().splitlines()[-1] == "NOQT"
    assert out.read_bytes().startswith(b"%PDF")


def test_the_window_starts_without_reportlab() -> None:
    """reportlab (and the PDF rasteriser) load when the user exports, not at start."""
    code = ("import os, sys\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from explainer.app import build_main_window, make_application\n"
            "app = make_application()\nwindow = build_main_window()\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'pypdfium2'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"

"""pyflakes over the code: an unused import or name, or an undefined one, fails the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_pyflakes_finds_nothing() -> None:
    folders = ["explainer", "tests", "benchmarks", "packaging"]
    out = subprocess.run([sys.executable, "-m", "pyflakes", *folders],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout == "" and out.returncode == 0, out.stdout + out.stderr


def test_pyflakes_would_notice(tmp_path) -> None:
    """The check above can fail: pyflakes reports a planted unused import."""
    planted = tmp_path / "planted.py"
    planted.write_text("import os\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "pyflakes", str(planted)], capture_output=True, text=True, timeout=60)
    assert "'os' imported but unused" in out.stdout and out.returncode == 1

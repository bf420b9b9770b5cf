"""The package's layers hold: core <- io <- pdf, web page <- ui <- commands <- cli.

The contracts live in .importlinter (import-linter reads them); these tests run it,
so `./dev test` fails when an import crosses a layer the wrong way. Each contract is
also broken on purpose, in a copy of the package, to show the check can fail.
"""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".importlinter"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(project: Path, contract: str | None = None) -> subprocess.CompletedProcess[str]:
    """import-linter on the package in ``project`` (a folder holding explainer/ and
    .importlinter), with no cache written there."""
    args = [str(LINT_IMPORTS), "--config", str(project / ".importlinter"), "--no-cache", "--no-logo"]
    if contract:
        args += ["--contract", contract]
    # lint-imports puts its working folder first on the path, so `explainer` is the one in `project`.
    env = {**os.environ, "PYTHONPATH": str(project), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(args, cwd=project, env=env, capture_output=True, text=True, timeout=120)


def contract_ids() -> list[str]:
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    return [section.split(":", 2)[2] for section in parser.sections() if section.startswith("importlinter:contract:")]


def test_the_package_keeps_every_import_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(contract_ids())} kept, 0 broken." in result.stdout


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the package and the contracts, to break on purpose."""
    shutil.copytree(ROOT / "explainer", tmp_path / "explainer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(CONFIG, tmp_path / ".importlinter")
    return tmp_path


# (contract, new module in the copy, its text): each line breaks exactly that contract.
VIOLATIONS = [
    ("layers", "explainer/core/leak.py", "from explainer.content import read_text\n"),
    ("layers", "explainer/pdf/leak.py", "from explainer.ui.theme import Palette\n"),
    ("layers", "explainer/webpage/leak.py", "import explainer.pdf.story\n"),
    ("layers", "explainer/content_extra.py", "from explainer.commands import check\n"),
    ("layers", "explainer/unplaced.py", "X = 1\n"),  # every module must sit in a layer
    ("pure-core", "explainer/core/leak.py", "import PySide6.QtCore\n"),
    ("pure-core", "explainer/core/leak.py", "from reportlab.platypus import Paragraph\n"),
    ("pure-core", "explainer/core/leak.py", "import urllib.request\n"),
    ("no-qt-below-the-window", "explainer/commands/leak.py", "from PySide6.QtWidgets import QApplication\n"),
    ("no-qt-below-the-window", "explainer/files_extra.py", "import explainer.ui.theme\n"),
    ("pdf-only-when-exporting", "explainer/ui/leak.py", "from explainer.pdf import render_summary_pdf\n"),
    ("pdf-only-when-exporting", "explainer/ui/leak.py", "import reportlab\n"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("contract", "module", "text"), VIOLATIONS)
def test_a_deliberate_violation_breaks_its_contract(package_copy: Path, contract: str, module: str,
                                                    text: str) -> None:
    before = lint_imports(package_copy, contract)
    assert before.returncode == 0, before.stdout + before.stderr
    if module in ("explainer/content_extra.py", "explainer/files_extra.py"):
        # A new io module: put it in the io layer (and the no-Qt list) as an author would.
        config = (package_copy / ".importlinter").read_text(encoding="utf-8")
        name = Path(module).stem
        config = config.replace(" : content : ", f" : content : {name} : ", 1)
        config = config.replace("    explainer.content\n", f"    explainer.content\n    explainer.{name}\n", 1)
        assert f" : {name} : " in config and f"explainer.{name}\n" in config
        (package_copy / ".importlinter").write_text(config, encoding="utf-8")
        (package_copy / module).write_text("X = 1\n", encoding="utf-8")
        placed = lint_imports(package_copy, contract)
        assert placed.returncode == 0, placed.stdout + placed.stderr  # placed, it breaks nothing yet
    (package_copy / module).write_text(text, encoding="utf-8")
    after = lint_imports(package_copy, contract)
    assert after.returncode == 1, after.stdout + after.stderr
    assert "BROKEN" in after.stdout
    assert "0 kept, 1 broken" in after.stdout


def test_every_contract_is_broken_on_purpose_above() -> None:
    assert sorted({contract for contract, _, _ in VIOLATIONS}) == sorted(contract_ids())


def imports_of(tree: ast.Module, module: str) -> list[tuple[ast.stmt, bool]]:
    """Each statement in ``tree`` that imports ``module``, and whether it sits inside a
    function (runs when called) rather than at module level (runs on import)."""
    found: list[tuple[ast.stmt, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import) and any(a.name == module for a in child.names):
                found.append((child, in_function))
            elif isinstance(child, ast.ImportFrom) and (
                    child.module == module or any(f"{child.module}.{a.name}" == module for a in child.names)):
                found.append((child, in_function))
            visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(tree, False)
    return found


def is_type_checking_block(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def runtime_module_level_imports(source: str, module: str) -> list[int]:
    """Line numbers where ``source`` imports ``module`` when it is itself imported
    (``if TYPE_CHECKING:`` blocks never run, so they do not count)."""
    tree = ast.parse(source)
    tree.body = [node for node in tree.body if not is_type_checking_block(node)]
    return [node.lineno for node, in_function in imports_of(tree, module) if not in_function]


@pytest.mark.parametrize(("source", "lines"), [
    ("from explainer.pdf import render_summary_pdf\n", [1]),
    ("import explainer.pdf\n", [1]),
    ("from explainer import pdf\n", [1]),
    ("try:\n    from explainer.pdf import x\nexcept ImportError:\n    pass\n", [2]),
    ("class A:\n    from explainer.pdf import x\n", [2]),  # a class body runs on import
    ("def export():\n    from explainer.pdf import render_summary_pdf\n", []),
    ("class A:\n    def f(self):\n        import explainer.pdf\n", []),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from explainer.pdf import X\n", []),
    ("from explainer.pdfx import y\n", []),
])
def test_module_level_imports_are_told_from_lazy_ones(source: str, lines: list[int]) -> None:
    assert runtime_module_level_imports(source, "explainer.pdf") == lines


def test_every_import_the_contracts_let_through_runs_only_inside_a_function() -> None:
    """The window may reach the PDF code only from inside the export functions; an
    import listed in ignore_imports that moved to module level would load reportlab
    at start-up without import-linter noticing."""
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    ignored = [line.strip() for section in parser.sections()
               for line in parser[section].get("ignore_imports", "").splitlines() if line.strip()]
    assert ignored, "expected the export dialog's lazy imports of explainer.pdf"
    for entry in ignored:
        importer, imported = (part.strip() for part in entry.split("->"))
        path = ROOT / Path(*importer.split("."))
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        assert imports_of(tree, imported), f"{entry}: no such import in {path.name}"
        assert runtime_module_level_imports(source, imported) == [], f"{entry} runs when {importer} is imported"

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


def hidden_callables(source: str) -> list[str]:
    """Functions with a parameter named like a module-level name (an import, a function,
    a class) that the function, or a function inside it, calls: the call reaches the
    parameter, not the name. pyflakes does not report it; a pointer over a glossary word
    in a question once raised "'str' object is not callable" that way."""
    import ast

    tree = ast.parse(source)
    top: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            top |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            top.add(node.name)
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        arguments = function.args
        names = {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs} & top
        called = {n.func.id for n in ast.walk(function) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        found += [f"line {function.lineno}: {name}" for name in sorted(names & called)]
    return found


def test_no_parameter_hides_a_function_it_calls() -> None:
    found = {str(path.relative_to(ROOT)): hits for path in sorted((ROOT / "explainer").rglob("*.py"))
             if (hits := hidden_callables(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_a_hidden_function_would_be_noticed() -> None:
    planted = ("from html import escape\n\n"
               "def label(escape: str) -> object:\n"
               "    return lambda: escape(escape)\n")
    assert hidden_callables(planted) == ["line 3: escape"]
    assert hidden_callables(planted.replace("label(escape", "label(text")) == []

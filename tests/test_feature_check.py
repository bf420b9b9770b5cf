"""PySide's per-module source check, answered from the file's bytes (explainer.ui.feature_check):
the same answer for every kind of module, and no source kept in linecache."""

from __future__ import annotations

import importlib
import linecache
import sys
import types

import pytest

from explainer.ui import feature_check


@pytest.fixture
def feature(monkeypatch):
    """PySide's feature module, its own check restored after the test."""
    importlib.import_module("PySide6")
    module = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(module, "_mod_uses_pyside", module._mod_uses_pyside)
    return module


def _made_module(tmp_path, name: str, text: str) -> types.ModuleType:
    (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        return __import__(name)  # an import statement: PySide's hook sees it (import_module passes it by)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop(name, None)


def test_replaced_once(feature) -> None:
    original = feature._mod_uses_pyside
    assert feature_check.check_sources_cheaply() is True
    assert feature._mod_uses_pyside is not original
    assert feature_check.check_sources_cheaply() is False  # already the cheap one: not wrapped twice


def test_same_answer_as_pysides_own_check(feature, tmp_path) -> None:
    original = feature._mod_uses_pyside
    with_qt = _made_module(tmp_path, "fc_with_qt", "# é\nfrom PySide6.QtCore import QObject\n")
    without = _made_module(tmp_path, "fc_without", "# é\nVALUE = 'PySide2 is not it'\n")
    no_file = types.ModuleType("fc_no_file")  # no __file__: PySide's own check answers
    sourceless = types.ModuleType("fc_sourceless")
    sourceless.__file__ = str(tmp_path / "gone.pyc")
    modules = [with_qt, without, no_file, sourceless, sys, importlib.import_module("explainer.ui.pages"),
               importlib.import_module("explainer.core.escaping")]
    expected = [original(m) for m in modules]
    assert expected == [True, False, False, False, False, True, False]  # each kind really differs
    feature_check.check_sources_cheaply()
    assert [feature._mod_uses_pyside(m) for m in modules] == expected


def test_a_module_loaded_after_it_keeps_no_source_in_linecache(feature, tmp_path) -> None:
    feature_check.check_sources_cheaply()
    before = set(linecache.cache)
    module = _made_module(tmp_path, "fc_loaded_later", "import PySide6\nX = 1\n")
    assert module.X == 1
    assert module.__name__ in feature.pyside_feature_dict  # PySide did ask about it
    assert feature.pyside_feature_dict[module.__name__] == 0  # and got "uses PySide6"
    assert module.__file__ not in set(linecache.cache) - before

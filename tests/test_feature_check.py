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


@pytest.mark.slow
def test_no_module_of_the_standard_library_names_pyside() -> None:
    """Why the check may answer a standard library module without reading it: reading
    each one gives the same answer (False)."""
    import os
    from pathlib import Path

    root = Path(feature_check.STANDARD_LIBRARY)
    files = [path for path in root.rglob("*.py") if feature_check.in_the_standard_library(str(path))]
    assert len(files) > 500 and root / "typing.py" in files and root / "os.py" in files
    assert not any("-packages" + os.sep in str(path) for path in files)
    naming = [path for path in files if feature_check.PYSIDE_NAME in path.read_bytes()]
    assert naming == []


PLACES = [  # (a path under the standard library's folder, whether it is the standard library's own)
    ("typing.py", True), ("json/decoder.py", True), ("site-packages/pydantic/main.py", False),
    ("dist-packages/six.py", False), ("site-packages/PySide6/__init__.py", False),
]


@pytest.mark.parametrize(("place", "own"), PLACES)
def test_in_the_standard_library(place, own) -> None:
    path = feature_check.STANDARD_LIBRARY + place.replace("/", __import__("os").sep)
    assert feature_check.in_the_standard_library(path) is own
    assert feature_check.in_the_standard_library("/elsewhere/" + place) is False


def test_a_standard_library_module_is_answered_without_reading_it(feature, monkeypatch) -> None:
    import builtins
    import typing

    feature_check.check_sources_cheaply()
    opened: list[object] = []
    real_open = builtins.open

    def noted(file, *args, **kwargs):
        opened.append(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", noted)
    assert feature._mod_uses_pyside(typing) is False
    assert opened == []
    assert feature._mod_uses_pyside(importlib.import_module("explainer.ui.pages")) is True  # the app's: read
    assert len(opened) == 1


def test_without_the_standard_librarys_folder_every_module_is_read(monkeypatch) -> None:
    """A Python whose os module has no .py file (frozen, in a bundle) gives no folder:
    then no module is answered without reading it."""
    monkeypatch.setattr(feature_check, "STANDARD_LIBRARY", "")
    assert feature_check.in_the_standard_library("/usr/lib/python3.11/typing.py") is False
    assert feature_check.in_the_standard_library("typing.py") is False

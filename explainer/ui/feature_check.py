"""A cheaper answer to the question PySide asks of every module imported after it.

PySide's ``from __feature__ import ...`` switches are set per module, so once PySide is
loaded, each newly imported module is asked whether its source mentions "PySide6"
(``shibokensupport.feature._mod_uses_pyside``). It asks with ``inspect.getsource``,
which reads the whole file into ``linecache`` and keeps it there: by the time every
page is built, some 200 modules' sources (pydantic's biggest among them) hold about
8 MB of the window's memory, and splitting them into lines costs CPU time too.

``check_sources_cheaply`` gives the same answer from the file's bytes, kept nowhere.
A module of Python's own standard library is answered without reading it: none names
PySide6 (tests/test_feature_check.py reads them all), and the window's first paint
asked about 22 of them (typing, pathlib, threading...) as its modules imported them,
0.7 ms of reading. Anything else (no ``.py`` file, a file that cannot be read) still
goes to PySide's own check, so every module gets the answer it would have got.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from types import ModuleType

PYSIDE_NAME = b"PySide6"  # what PySide's own check looks for in the source text
# Where os.py is, so is the rest of the standard library ("" where Python has no such
# file, a frozen os in a bundle: then nothing is answered without reading it).
_OS_FILE = getattr(os, "__file__", None)
STANDARD_LIBRARY = os.path.dirname(_OS_FILE) + os.sep if isinstance(_OS_FILE, str) and _OS_FILE.endswith(".py") else ""


def check_sources_cheaply() -> bool:
    """Replace PySide's source check (once); False if this PySide has none to replace."""
    importlib.import_module("PySide6")  # the check exists once PySide is loaded
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return False
    cheaper = _cheaper(original)
    feature._mod_uses_pyside = cheaper  # type: ignore[union-attr]
    return True


def _cheaper(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            if in_the_standard_library(path):
                return False
            try:
                with open(path, "rb") as source:
                    return PYSIDE_NAME in source.read()
            except OSError:
                pass
        return original(module)

    mod_uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    return mod_uses_pyside


def in_the_standard_library(path: str) -> bool:
    """Whether ``path`` is a file of Python's own library, not of a package installed
    beside it (a site-packages or dist-packages folder may be inside the same folder)."""
    return (bool(STANDARD_LIBRARY) and path.startswith(STANDARD_LIBRARY)
            and "-packages" + os.sep not in path[len(STANDARD_LIBRARY):])

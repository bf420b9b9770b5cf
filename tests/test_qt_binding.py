"""The Qt binding must not lose references to None.

PySide6 6.12.0 on Python 3.11 gave back one reference to None too many on every call
of a Qt method that returns nothing (``QLabel.setText``): after some thousands of
calls None's count reached zero and the interpreter aborted ("deallocating None"),
first seen at the end of a test run, and in a long session it could end the app
with no dialog and no chance to save. The pin in pyproject.toml avoids that release;
this test fails on any release that has the fault again. (From Python 3.12 None is
immortal and the fault would be harmless, but the app supports 3.11.)
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QTextBrowser

CALLS = 2_000


@pytest.mark.parametrize(("make", "call"), [
    (QLabel, lambda widget: widget.setText("x")),
    (QTextBrowser, lambda widget: widget.setHtml("<p>x</p>")),
    (QObject, lambda obj: obj.setObjectName("x")),
])
def test_a_qt_call_that_returns_nothing_leaves_none_s_count_alone(qapp, make, call) -> None:
    thing = make()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call(thing)
    gc.collect()
    assert abs(sys.getrefcount(None) - before) < CALLS // 10

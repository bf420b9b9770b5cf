"""A third floor for `./dev bench` (issue 18): the app's own widgets, made by Qt alone.

    .venv/bin/python benchmarks/same_widgets.py --record FILE

records the app's smoke start (Qt's offscreen platform, empty user folders expected
in the environment): once every part is built (explainer/app.py _parts_to_build), each
widget the app made (shiboken: created by Python; what Qt makes inside its own
widgets, such as scroll bars and viewports, is left to Qt) is written to FILE: its
nearest PySide6 class, its parent among them, how it is placed there, whether it is
hidden, and its words (a label's text and format, a button's, a text browser's HTML,
a drop-down's items). build() makes the same widgets again in a bare window: plain Qt
classes, the same words, one box layout per parent, no style sheet, no fonts of the
app's own, no pictures drawn, no logic, all at once. It is a floor, not the app: what
these pages cost with the chosen stack before any of the app's choices.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

LAYOUT, SCROLL, STACK, SPLITTER, CENTRAL, STATUS = "layout", "scroll", "stack", "splitter", "central", "status"


def qt_class(widget) -> str:
    """The nearest class of PySide6.QtWidgets in the widget's ancestry."""
    return next(k.__name__ for k in type(widget).__mro__ if k.__module__ == "PySide6.QtWidgets")


def words(widget) -> dict:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QListWidget, QTextEdit

    if isinstance(widget, QLabel):
        return {"text": widget.text(), "format": widget.textFormat().value, "wrap": widget.wordWrap()}
    if isinstance(widget, QAbstractButton):
        return {"text": widget.text()}
    if isinstance(widget, QTextEdit):
        return {"html": widget.toHtml()}
    if isinstance(widget, QLineEdit):
        return {"text": widget.text(), "placeholder": widget.placeholderText()}
    if isinstance(widget, QComboBox):
        return {"items": [widget.itemText(i) for i in range(widget.count())]}
    if isinstance(widget, QListWidget):
        return {"items": [widget.item(i).text() for i in range(widget.count())]}
    return {}


def placement(widget, holder) -> str:
    """How ``widget`` sits in ``holder``, its nearest ancestor made by the app."""
    from PySide6.QtWidgets import QMainWindow, QScrollArea, QSplitter, QStackedWidget

    if isinstance(holder, QScrollArea) and holder.widget() is widget:
        return SCROLL
    if isinstance(holder, QStackedWidget):
        return STACK
    if isinstance(holder, QSplitter):
        return SPLITTER
    if isinstance(holder, QMainWindow):
        return CENTRAL if holder.centralWidget() is widget else STATUS
    return LAYOUT


def manifest(window) -> list[dict]:
    """Every widget of ``window`` made by the app, parents first (index 0: the window)."""
    from PySide6.QtWidgets import QWidget
    from shiboken6 import Shiboken

    mine = [window] + [w for w in window.findChildren(QWidget) if Shiboken.createdByPython(w)]
    index = {id(w): i for i, w in enumerate(mine)}
    entries = [{"class": "QMainWindow", "parent": None}]
    for widget in mine[1:]:
        holder = widget.parentWidget()
        while id(holder) not in index:
            holder = holder.parentWidget()
        how = placement(widget, holder)
        entries.append({"class": qt_class(widget), "parent": index[id(holder)], "how": how,
                        "hidden": widget.isHidden(), **words(widget)})
        if how in (STACK, SPLITTER):  # their order there, and the page shown
            entries[-1]["at"] = holder.indexOf(widget)
            entries[-1]["current"] = how == STACK and holder.currentWidget() is widget
    return entries


def record(path: Path) -> None:
    """The app's smoke start in this process; its widgets written to ``path`` once all is built."""
    import explainer.app as app
    from explainer import cli

    real = app._parts_to_build

    def parts(window, *args, **kwargs):
        yield from real(window, *args, **kwargs)
        path.write_text(json.dumps(manifest(window)), encoding="utf-8")

    app._parts_to_build = parts
    try:
        cli.main([])
    except SystemExit as done:
        if done.code:
            raise
    if not path.exists():
        raise SystemExit("the app quit before its pages were built")


def build(entries: list[dict], window) -> list:
    """The recorded widgets made again under ``window`` (a bare QMainWindow)."""
    from PySide6 import QtWidgets

    made, layouts, ordered = [window], {}, []
    for entry in entries[1:]:
        widget = _make(QtWidgets, entry)
        if "at" in entry:
            ordered.append((entry["parent"], entry["at"], entry["current"], widget))
        else:
            _place(widget, made[entry["parent"]], entry["how"], layouts)
            if entry["hidden"]:
                widget.hide()
        made.append(widget)
    for parent, _at, current, widget in sorted(ordered, key=lambda o: o[:2]):
        made[parent].addWidget(widget)
        if current:
            made[parent].setCurrentWidget(widget)
    return made


def _make(QtWidgets, entry: dict):
    kind = getattr(QtWidgets, entry["class"], QtWidgets.QWidget)
    try:
        widget = kind()
    except TypeError:  # a class that needs arguments: a plain widget in its place
        widget = QtWidgets.QWidget()
    if "format" in entry:
        from PySide6.QtCore import Qt

        widget.setTextFormat(Qt.TextFormat(entry["format"]))
        widget.setWordWrap(entry["wrap"])
    if "text" in entry:
        widget.setText(entry["text"])
    if entry.get("placeholder"):
        widget.setPlaceholderText(entry["placeholder"])
    if "html" in entry:
        widget.setHtml(entry["html"])
    if "items" in entry:
        widget.addItems(entry["items"])
    return widget


def _place(widget, holder, how: str, layouts: dict) -> None:
    from PySide6.QtWidgets import QVBoxLayout

    if how == SCROLL:
        holder.setWidgetResizable(True)
        holder.setWidget(widget)
    elif how == CENTRAL:
        holder.setCentralWidget(widget)
    elif how == STATUS:
        holder.statusBar().addWidget(widget)
    else:
        if id(holder) not in layouts:
            layouts[id(holder)] = QVBoxLayout(holder)
        layouts[id(holder)].addWidget(widget)


# The floor's script, run once the bare window is painted (benchmarks/bench.py bare_window).
def after_paint(manifest_path: Path) -> str:
    root = str(Path(__file__).resolve().parents[1])
    return f"""    import explainer  # as the app: no pydantic plugins looked for
    from explainer.content import load_study_bundle
    load_study_bundle(None)
    import json
    sys.path.insert(0, {root!r})
    from benchmarks import same_widgets
    made = same_widgets.build(json.loads(open({str(manifest_path)!r}, encoding="utf-8").read()), window)
    for _ in range(4):  # shown (a layout shows what it is given in a posted call), laid out, painted
        QApplication.processEvents()"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Record the app's widgets once all its pages are built.")
    parser.add_argument("--record", type=Path, required=True, help="the file to write them to (JSON)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TRIAL_EXPLAINER_SMOKE"] = "1"
    record(args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())

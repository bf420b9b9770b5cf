"""Registers the bundled DejaVu Sans so ≥ ≤ µ × render the same on every machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from explainer.content import resources_root

FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def register_fonts() -> str:
    """Add the bundled fonts to Qt's database; return the family name to use."""
    for name in FONT_FILES:
        data = (resources_root() / "fonts" / name).read_bytes()
        if QFontDatabase.addApplicationFontFromData(data) < 0:
            raise RuntimeError(f"Qt could not load the bundled font {name}")
    return FAMILY


def base_font(point_size: float) -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(point_size)
    return font

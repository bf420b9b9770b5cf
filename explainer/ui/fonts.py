"""Registers the bundled DejaVu Sans so ≥ ≤ µ × render the same on every machine."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from explainer.content import resources_root

FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def register_fonts() -> str:
    """Add the bundled fonts to Qt's database; return the family name to use."""
    for name in FONT_FILES:
        source = resources_root() / "fonts" / name
        # From a file Qt reads the font as it needs it (2.3 MB less at start-up than
        # handing it the bytes); a font inside an archive has no file name.
        loaded = (QFontDatabase.addApplicationFont(str(source)) if isinstance(source, Path)
                  else QFontDatabase.addApplicationFontFromData(source.read_bytes()))
        if loaded < 0:
            raise RuntimeError(f"Qt could not load the bundled font {name}")
    return FAMILY


def base_font(point_size: float) -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(point_size)
    return font

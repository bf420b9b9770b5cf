"""The bundled DejaVu Sans, registered once with reportlab and embedded in every PDF.

DejaVu has the ✓ ✗ ☐ µ ⁹ × glyphs the summary prints; reportlab's built-in
Helvetica has none of them and is never embedded, so no text is ever set in it.
"""

from __future__ import annotations

from importlib.resources import as_file

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from explainer.content import resources_root

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def register_fonts() -> None:
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    fonts = resources_root() / "fonts"
    for name, filename in _FILES.items():
        with as_file(fonts / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    # No italic face is bundled: <i> falls back to the regular face rather than Helvetica.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)

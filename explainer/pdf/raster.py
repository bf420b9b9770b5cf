"""PDF pages as pixels (pypdfium2), for the in-app preview and for printing.

No Qt here: the view turns each ``PageImage`` into a QImage. pypdfium2 loads on
the first call, like reportlab, so the app starts without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

POINTS_PER_INCH = 72


@dataclass(frozen=True)
class PageImage:
    width: int
    height: int
    stride: int
    rgbx: bytes  # 4 bytes a pixel: red, green, blue, unused


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def rasterise(pdf: bytes, dpi: float, first: int = 1, last: int | None = None) -> Iterator[PageImage]:
    """Pages ``first``..``last`` (counted from 1) at ``dpi``, on white."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        last = min(last or len(document), len(document))
        for index in range(first - 1, last):
            page = document[index]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True, rev_byteorder=True)
            yield PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            bitmap.close()
            page.close()
    finally:
        document.close()

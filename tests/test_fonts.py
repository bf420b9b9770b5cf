"""The bundled fonts register from a folder (by file name) and from an archive (by bytes)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase

from explainer.content import resources_root
from explainer.ui import fonts


def _zipped_resources(folder: Path) -> zipfile.Path:
    archive = folder / "resources.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in fonts.FONT_FILES:
            zipped.writestr(f"fonts/{name}", (resources_root() / "fonts" / name).read_bytes())
    return zipfile.Path(archive)


@pytest.mark.parametrize("where", ["folder", "archive"])
def test_the_fonts_register_from_a_folder_and_from_an_archive(qapp, monkeypatch, tmp_path, where) -> None:
    calls: list[str] = []
    for method in ("addApplicationFont", "addApplicationFontFromData"):
        real = getattr(QFontDatabase, method)
        monkeypatch.setattr(QFontDatabase, method,
                            staticmethod(lambda arg, real=real, method=method: calls.append(method) or real(arg)))
    if where == "archive":
        root = _zipped_resources(tmp_path)
        monkeypatch.setattr(fonts, "resources_root", lambda: root)
    assert fonts.register_fonts() == "DejaVu Sans"
    expected = "addApplicationFont" if where == "folder" else "addApplicationFontFromData"
    assert calls == [expected] * len(fonts.FONT_FILES)
    assert "DejaVu Sans" in QFontDatabase.families()

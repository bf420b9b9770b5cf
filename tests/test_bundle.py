"""The double-click app: build it with packaging/build, then start the frozen program.

Slow (about a minute to build); runs in CI. The bundle is built once per session
into a temporary folder, never into the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explainer.content import PAGE_NAMES
from tests.xvfb import photograph_app

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
# Issue 6 asked for 130 MB or less, and the bundle meets it (decimal megabytes, as
# the issue counts them): about 128.6 MB with the PDF preview and printing inside.
SIZE_LIMIT_MB = 130


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> tuple[Path, str]:
    """The bundle's folder and what the build printed."""
    out = tmp_path_factory.mktemp("bundle")
    start = time.monotonic()
    built = subprocess.run([str(ROOT / "packaging" / "build"), "--dist", str(out / "dist"),
                            "--work", str(out / "work")], capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    print(f"bundle built in {time.monotonic() - start:.0f} s")
    return out / "dist" / "trial-explainer", built.stdout + built.stderr


@pytest.fixture(scope="session")
def bundle(build) -> Path:
    return build[0]


def test_the_build_does_not_warn_about_what_is_left_out_on_purpose(build) -> None:
    """pydantic.v1 is left out on purpose (packaging/hooks/hook-pydantic.py); the build
    said 'Hidden import "pydantic.v1..." not found' 25 times (issue 13, item 11)."""
    assert "Hidden import" not in build[1] and "pydantic.v1" not in build[1]


def _run(bundle: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bundle / "trial-explainer"), *args], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **env), cwd=bundle.parent)


def _size_mb(folder: Path) -> float:
    """Decimal megabytes (1 MB = 1,000,000 bytes) of the regular files, as the issue counts."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def _bundled_modules(bundle: Path) -> set[str]:
    """The Python modules frozen into the program file's archive (PYZ)."""
    from PyInstaller.archive.readers import CArchiveReader

    program = CArchiveReader(str(bundle / "trial-explainer"))
    archives = [name for name, entry in program.toc.items() if entry[-1] == "z"]
    return {module for name in archives for module in program.open_embedded_archive(name).toc}


def test_the_bundle_is_lean(bundle) -> None:
    assert _size_mb(bundle) <= SIZE_LIMIT_MB
    names = {p.name for p in bundle.rglob("*")}
    # The preview and printing are inside; the system's CUPS library is not (it is the system's).
    assert {"libpdfium.so", "libQt6PrintSupport.so.6", "libcupsprintersupport.so"} <= names
    assert "_rl_accel.abi3.so" in names  # reportlab's speed-ups, loaded through exec()
    # Spanish: the app's words compiled from their .ts sources (not shipped), and Qt's own.
    assert {"es.qm", "qtbase_es.qm"} <= names and not any(name.endswith(".ts") for name in names)
    assert not any(name.startswith("qtbase_fr") for name in names)
    # The theme's check marks and radio dots are SVG files: without these a ticked box looks empty.
    assert {"libqsvg.so", "libQt6Svg.so.6"} <= names
    assert not any(name.startswith(("libqjpeg", "libqtiff", "libqwebp")) for name in names)
    for unwanted in ("libcups.so", "libgnutls", "libQt6Network.so.6", "QtNetwork.abi3.so", "libQt6Qml.so.6", "_tkinter",
                     # Pillow and its image libraries (packaging/no_pillow.py stands in for it)
                     "PIL", "pillow.libs", "_imaging", "libtiff", "libopenjp2", "libjpeg", "libXau-",
                     "charset_normalizer",
                     # GTK's libraries, whatever the build machine has installed
                     "libgtk-3", "libatspi", "libepoxy", "libXcursor", "libXi.so"):
        assert not any(name.startswith(unwanted) for name in names), unwanted
    assert not (bundle / "_internal" / "reportlab" / "fonts").exists()  # ours are DejaVu, in resources


def test_the_bundle_leaves_out_python_packages_it_never_runs(bundle) -> None:
    modules = _bundled_modules(bundle)
    assert {"explainer.cli", "explainer.pdf.document", "reportlab.platypus", "pypdfium2", "pydantic"} <= modules
    for unwanted in ("pytest", "hypothesis", "PIL", "pygments", "rich", "markdown_it", "charset_normalizer", "doctest", "pdb",
                     "reportlab.graphics.charts", "reportlab.graphics.barcode", "reportlab.graphics.renderSVG",
                     "reportlab.lib.pygments2xpre",
                     "pydantic.v1", "pydantic.mypy"):
        assert not any(m == unwanted or m.startswith(unwanted + ".") for m in modules), unwanted


def test_the_frozen_app_opens_its_main_window(bundle) -> None:
    out = _run(bundle, TRIAL_EXPLAINER_SMOKE="1")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["window shown: Trial Explainer",  # the welcome page, painted first
                                       "study opened: Trial Explainer: study NCT04883242"]
    assert "Traceback" not in out.stderr


def test_the_frozen_app_finds_its_resources(bundle, tmp_path) -> None:
    out = _run(bundle, "validate")
    assert out.returncode == 0, out.stderr
    assert "NCT04883242, 24 criteria" in out.stdout and out.stdout.count("ok  page") == len(PAGE_NAMES)
    fonts = {p.name for p in (bundle / "_internal" / "explainer" / "resources" / "fonts").iterdir()}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"} <= fonts
    answers = tmp_path / "mine.answers.json"
    answers.write_text(json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242",
                                   "as_of": "2026-11-23", "answers": {"heart_disease": "yes"}}), encoding="utf-8")
    checked = _run(bundle, "check", str(answers), "--json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["trial"] == "NCT04883242"


def test_the_frozen_app_draws_its_window_on_a_real_display(bundle, artifacts) -> None:
    shot = artifacts / "screenshots" / "bundle-main-window.png"
    photograph_app([str(bundle / "trial-explainer")], shot)  # drawn, still running, no traceback


def test_the_frozen_app_exports_a_pdf_with_its_fonts_embedded(bundle, tmp_path) -> None:
    pdf = tmp_path / "summary.pdf"
    out = _run(bundle, "pdf", "-o", str(pdf))
    assert out.returncode == 0, out.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]  # after the header and the dashes
    assert rows, "the PDF uses no fonts"
    assert any("DejaVuSans" in row for row in rows)
    for row in rows:  # columns: name type encoding emb sub uni object ID
        assert row.split()[-5] == "yes", f"font not embedded: {row}"


@pytest.mark.parametrize("args", [[], ["--paper", "letter", "--large-print"]])
def test_the_frozen_pdf_is_the_same_as_the_source_trees(bundle, tmp_path, args) -> None:
    """Without Pillow, reportlab's fonts and its unused modules, not one byte changes."""
    frozen, source = tmp_path / "frozen.pdf", tmp_path / "source.pdf"
    assert _run(bundle, "pdf", "-o", str(frozen), *args).returncode == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "explainer", "pdf", "-o", str(source), *args],
                   check=True, capture_output=True, env=env, cwd=bundle.parent, timeout=120)
    assert frozen.read_bytes() == source.read_bytes()


def test_the_frozen_app_writes_the_same_web_page_as_the_source_tree(bundle, tmp_path) -> None:
    frozen, source = tmp_path / "frozen.html", tmp_path / "source.html"
    assert _run(bundle, "html", "-o", str(frozen), "--start-date", "2027-01-04").returncode == 0
    subprocess.run([sys.executable, "-m", "explainer", "html", "-o", str(source), "--start-date", "2027-01-04"],
                   check=True, capture_output=True, cwd=bundle.parent, timeout=120)
    assert frozen.read_bytes() == source.read_bytes()
    assert frozen.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

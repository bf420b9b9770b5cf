"""The Linux menu entry: packaging/install-desktop-entry, run as a user would."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALL = ROOT / "packaging" / "install-desktop-entry"
TEMPLATE = ROOT / "packaging" / "trial-explainer.desktop"


def _fake_bundle(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "trial-explainer"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def _install(bundle: Path, home: Path, xdg_data: Path | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"} | {"HOME": str(home)}
    if xdg_data is not None:
        env["XDG_DATA_HOME"] = str(xdg_data)
    return subprocess.run([str(INSTALL), str(bundle)], env=env, capture_output=True, text=True, timeout=60)


def _validate(path: Path) -> str:
    if shutil.which("desktop-file-validate") is None:
        pytest.fail("desktop-file-validate is missing: ./dev test installs it (Debian desktop-file-utils)")
    out = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    return out.stdout + out.stderr


def _entry(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))


def test_the_template_is_a_valid_desktop_entry() -> None:
    assert _validate(TEMPLATE) == ""
    entry = _entry(TEMPLATE.read_text(encoding="utf-8"))
    assert entry["Name"] == "Trial Explainer" and entry["Terminal"] == "false"
    assert entry["Categories"] == "Education;MedicalSoftware;" and entry["Icon"] == "trial-explainer"


@pytest.mark.parametrize(("bundle_name", "exec_value", "use_xdg"), [
    ("trial-explainer", '"{folder}/trial-explainer" %f', False),
    ("my apps/trial $pecial", '"{parent}/my apps/trial \\\\$pecial/trial-explainer" %f', True),
])
def test_install_writes_the_entry_and_icons(tmp_path, bundle_name, exec_value, use_xdg) -> None:
    home = tmp_path / "home"  # made by conftest's private_user_folders
    bundle = tmp_path / bundle_name
    _fake_bundle(bundle)
    data = tmp_path / "xdg-data" if use_xdg else home / ".local" / "share"
    out = _install(bundle, home, data if use_xdg else None)
    assert out.returncode == 0, out.stderr
    desktop = data / "applications" / "trial-explainer.desktop"
    assert _validate(desktop) == ""
    entry = _entry(desktop.read_text(encoding="utf-8"))
    assert entry["Exec"] == exec_value.format(folder=bundle, parent=tmp_path)
    for size in (16, 32, 48, 64, 128, 256, 512):
        icon = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "trial-explainer.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "trial-explainer.svg").exists()


def test_without_a_built_app_it_says_how_to_build(tmp_path) -> None:
    out = _install(tmp_path / "nowhere", tmp_path, tmp_path / "data")
    assert out.returncode == 1
    assert "packaging/build" in out.stderr
    assert not (tmp_path / "data" / "applications").exists()


@pytest.mark.parametrize("give", ["program", "folder", "folder/"])
def test_the_program_or_its_folder_both_work(tmp_path, give) -> None:
    """The README says to double-click dist/trial-explainer/trial-explainer; giving that
    path said "build it first" (issue 13, item 11)."""
    home = tmp_path / "home"
    program = _fake_bundle(tmp_path / "dist" / "trial-explainer")
    given = {"program": str(program), "folder": str(program.parent), "folder/": f"{program.parent}/"}[give]
    out = _install(Path(given), home, None)
    assert out.returncode == 0, out.stderr
    entry = _entry((home / ".local/share/applications/trial-explainer.desktop").read_text(encoding="utf-8"))
    assert entry["Exec"] == f'"{program}" %f'


def test_a_file_that_is_not_the_program_is_refused(tmp_path) -> None:
    _fake_bundle(tmp_path / "dist")
    other = tmp_path / "dist" / "README.txt"
    other.write_text("x", encoding="utf-8")
    out = _install(other, tmp_path / "home", tmp_path / "data")
    assert out.returncode == 1 and "packaging/build" in out.stderr

"""The installed wheel, not only the checkout, finds its resources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from explainer.content import load_study_bundle

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow

_PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
import explainer
assert explainer.__file__.startswith(sys.argv[1]), explainer.__file__
from explainer.content import load_study_bundle, resources_root, study_page, PAGE_NAMES
study = load_study_bundle()
trial = study.trial
for name in PAGE_NAMES:
    study_page(study, name)
assert str(study.folder).startswith(sys.argv[1]), study.folder
from explainer.translations import speaking_language
with speaking_language("es"):  # the Spanish pages ship too (resources/i18n/es/)
    assert "pida hablar en español" in study_page(load_study_bundle(), "help")
    assert "Sobre esta aplicación" in study_page(study, "about")
fonts = sorted(p.name for p in (resources_root() / "fonts").iterdir())
print(trial.nct_id, len(trial.criteria), len(study.pages), len(study.glossary.terms), ",".join(fonts))
"""


def test_wheel_contains_and_finds_resources(tmp_path) -> None:
    wheel_dir, target = tmp_path / "wheel", tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheel_dir), str(ROOT)], check=True, capture_output=True)
    wheel = next(wheel_dir.glob("trial_explainer-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-c", _PROBE, str(target)], cwd=tmp_path,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0:2] == ["NCT04883242", "24"]
    shipped = load_study_bundle()
    assert out.stdout.split()[2:4] == [str(len(shipped.pages)), str(len(shipped.glossary.terms))]
    assert "DejaVuSans.ttf" in out.stdout and "LICENSE-DejaVu.txt" in out.stdout

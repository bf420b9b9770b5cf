"""The real app, started as a user would, on a real (virtual) X display."""

from __future__ import annotations

import sys

import pytest

from tests.xvfb import photograph_app

pytestmark = pytest.mark.slow


def test_app_opens_its_window_under_xvfb(artifacts, private_user_folders) -> None:
    shot = artifacts / "screenshots" / "main-window.png"
    photograph_app([sys.executable, "-m", "explainer"], shot)

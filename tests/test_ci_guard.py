"""On CI, a missing real part (gettext, libunistring, Chromium) fails the run, never skips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _pytest(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_api.py::test_import_babelpress_loads_no_step_until_it_is_called"],
        cwd=REPO, capture_output=True, text=True, check=False, env={**os.environ, **env},
    )  # fmt: skip


def test_ci_without_chromium_fails_the_run() -> None:
    result = _pytest({"CI": "true", "CHROMIUM": "/nonexistent/chromium"})
    assert result.returncode != 0
    assert "Chromium (/nonexistent/chromium)" in result.stdout + result.stderr


def test_without_ci_a_missing_part_only_skips_its_tests() -> None:
    result = _pytest({"CI": "", "CHROMIUM": "/nonexistent/chromium"})
    assert result.returncode == 0, result.stdout + result.stderr

"""Shared fixtures: a throw-away copy of the project to run the pipeline in."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def missing_real_parts() -> list[str]:
    """The outside tools the byte-exactness and browser tests compare against, if absent."""
    from gettext_tools import HAVE_GETTEXT, unistring

    missing = [] if HAVE_GETTEXT else ["GNU gettext (msgfmt, msgcat, msgmerge)"]
    if unistring() is None:
        missing.append("GNU libunistring >= 1.0")
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).is_file()):
        missing.append(f"Chromium ({CHROMIUM})")
    return missing


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


# On CI the property tests draw the same examples every run, so a result can be
# reproduced; elsewhere they draw new ones, and a failure found there becomes a test.
settings.register_profile("ci", derandomize=True, database=None)
if on_ci():
    settings.load_profile("ci")


def pytest_sessionstart(session: pytest.Session) -> None:
    """On CI a missing real part fails the run: a skipped comparison proves nothing."""
    if not on_ci():
        return
    missing = missing_real_parts()
    if missing:
        raise pytest.UsageError(
            "CI is set but these are missing, so their tests would only be skipped: "
            + "; ".join(missing)
        )


@pytest.fixture
def repo_root() -> Path:
    """The checkout itself (read only: tests must not write here)."""
    return REPO


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's inputs (mkdocs.yml, seeds/, docs/de/, locale/) in a temp dir."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("mkdocs.yml",):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, root / name)
    for name in ("seeds", "docs/de", "locale", "overrides"):
        src = REPO / name
        if src.exists():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root

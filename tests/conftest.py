"""Shared fixtures: a throw-away copy of the project to run the pipeline in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


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

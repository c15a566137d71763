"""atomic_write: all or nothing, and nothing at all when the content is unchanged."""

from __future__ import annotations

import os
from pathlib import Path

from babelpress.fsutil import atomic_write


def test_writes_and_skips_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.txt"
    assert atomic_write(target, "eins\n") is True
    before = target.stat().st_mtime_ns
    os.utime(target, ns=(before - 10_000_000, before - 10_000_000))
    stamped = target.stat().st_mtime_ns
    assert atomic_write(target, "eins\n") is False
    assert target.stat().st_mtime_ns == stamped
    assert atomic_write(target, "zwei\n") is True
    assert target.read_text(encoding="utf-8") == "zwei\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]


def test_keeps_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("x")
    target.chmod(0o640)
    atomic_write(target, "y")
    assert target.stat().st_mode & 0o777 == 0o640


def test_failure_leaves_old_content_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("alt")


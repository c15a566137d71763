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



def test_flushes_only_replaced_files(tmp_path: Path, monkeypatch) -> None:
    """fsync protects an old content; a new file or a regenerated output is not flushed."""
    flushed: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    target = tmp_path / "a.po"
    atomic_write(target, "neu\n")
    assert flushed == []
    atomic_write(target, "zweite Fassung\n")
    assert len(flushed) == 1 and Path(flushed[0]).name.startswith(".a.po.")
    atomic_write(target, "dritte Fassung\n", durable=False)
    assert len(flushed) == 1
    assert target.read_text(encoding="utf-8") == "dritte Fassung\n"


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        atomic_write(tmp_path / "b.txt", "x")
    finally:
        os.umask(mask)
    assert (tmp_path / "b.txt").stat().st_mode & 0o777 == 0o640

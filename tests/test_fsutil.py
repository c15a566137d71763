"""atomic_write: all or nothing, and nothing at all when the content is unchanged."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from babelpress.errors import BabelpressError
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


def _disk_full(*args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _interrupted(*args: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("step", "failure", "raised"),
    [
        ("fsync", _disk_full, BabelpressError),  # while the new content is flushed
        ("replace", _disk_full, BabelpressError),  # at the rename
        ("replace", _interrupted, KeyboardInterrupt),  # Ctrl-C: re-raised, still cleaned up
    ],
)
def test_failure_leaves_old_content_and_no_temp_file(
    tmp_path: Path, monkeypatch, step: str, failure: Callable[..., None], raised: type
) -> None:
    target = tmp_path / "a.txt"
    target.write_text("alt")
    monkeypatch.setattr(os, step, failure)
    with pytest.raises(raised) as info:
        atomic_write(target, "neu, aber nie ganz geschrieben\n")
    monkeypatch.undo()
    assert target.read_text() == "alt"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    if raised is BabelpressError:
        assert str(info.value) == f"{target}: cannot write: No space left on device"



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


def test_missing_folders_are_made_and_a_stale_temporary_name_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import itertools

    from babelpress import fsutil

    target = tmp_path / "neu" / "tief" / "c.txt"
    monkeypatch.setattr(fsutil, "_TEMPORARY", itertools.count(7))
    assert atomic_write(target, "erste Fassung\n")
    # a process with this id was killed while writing: its file stays untouched
    stale = target.parent / f".c.txt.{os.getpid()}_8.tmp"
    stale.write_text("halb", encoding="utf-8")
    assert atomic_write(target, "zweite Fassung\n")
    assert target.read_text(encoding="utf-8") == "zweite Fassung\n"
    assert stale.read_text(encoding="utf-8") == "halb"
    assert sorted(p.name for p in target.parent.iterdir()) == [stale.name, "c.txt"]

"""File writes that never leave a half-written file behind.

:func:`atomic_write` writes to a temporary file in the target's directory and
renames it over the target, so a reader (or a killed process) sees either the old
or the new content.  It writes nothing when the content is unchanged, which keeps
``mkdocs serve`` from looping and no-op runs byte-stable.

When it *replaces* a file it also flushes the new content to the disk
(``fsync``) before the rename: otherwise a power cut can leave the rename on disk
without the data, an empty file where an editor's catalogue was.  A file that did
not exist is not flushed: a power cut can lose it or leave it empty, but there
was nothing before it to lose, and the next run writes it again (an empty
catalogue reads as a catalogue without entries).  Flushing costs a journal commit
per file, most of the time of a first extract of thousands of pages.  Outputs that
are regenerated from other files (rendered pages, caches) pass ``durable=False``
and are never flushed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from babelpress.errors import BabelpressError


def atomic_write(
    path: str | Path, data: str | bytes, *, encoding: str = "utf-8", durable: bool = True
) -> bool:
    """Write *data* to *path* atomically; return False (writing nothing) if unchanged.

    With *durable*, a file that is replaced is flushed to the disk before the rename.
    """
    path = Path(path)
    raw = data.encode(encoding) if isinstance(data, str) else data
    existed = True
    try:
        if path.read_bytes() == raw:
            return False
    except FileNotFoundError:
        existed = False
    except OSError as exc:
        raise BabelpressError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise BabelpressError(f"cannot write: {exc.strerror or exc}", path=path) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            if durable and existed:
                handle.flush()
                os.fsync(handle.fileno())
        try:
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise BabelpressError(f"cannot write: {exc.strerror or exc}", path=path) from exc
        raise
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""File writes that never leave a half-written file behind.

:func:`atomic_write` writes to a temporary file in the target's directory,
flushes it to disk and renames it over the target, so a reader (or a crash)
sees either the old or the new content.  It writes nothing when the content is
unchanged, which keeps ``mkdocs serve`` from looping and no-op runs byte-stable.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from babelpress.errors import BabelpressError


def atomic_write(path: str | Path, data: str | bytes, *, encoding: str = "utf-8") -> bool:
    """Write *data* to *path* atomically; return False (writing nothing) if unchanged."""
    path = Path(path)
    raw = data.encode(encoding) if isinstance(data, str) else data
    try:
        if path.read_bytes() == raw:
            return False
    except FileNotFoundError:
        pass
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
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        if not path.exists():
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

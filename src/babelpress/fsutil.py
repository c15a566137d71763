"""File access confined to the project, and writes that never leave a half-written file.

Every file babelpress reads or writes belongs to the project.  A symbolic link
(a ``.po`` file linked to ``/proc/self/environ``, a ``locale/en`` folder linked
elsewhere) must not make it read or write anything outside: :func:`confined`
refuses a path whose real location (every link followed) lies outside the
project root, and :func:`read_bytes`, :func:`read_text` and :func:`atomic_write`
check it first when given the *root*.

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

from babelpress.errors import BabelpressError, InputError


class OutsideProject(InputError):
    """A path that leads (through a symbolic link) outside the project."""


def confined(path: str | Path, root: str | Path) -> Path:
    """*path*, if its real location is inside *root*; :class:`OutsideProject` if not."""
    real = os.path.realpath(path)
    base = os.path.realpath(root)
    if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
        return Path(path)
    raise OutsideProject(
        "refused: the path leads outside the project (a symbolic link or '..'); "
        "babelpress reads and writes only files inside it",
        path=path,
    )


def read_bytes(path: str | Path, *, root: str | Path | None) -> bytes:
    """The bytes of *path* (confined to *root* when given); OSError as ``open`` raises it."""
    if root is not None:
        confined(path, root)
    return Path(path).read_bytes()


def read_text(
    path: str | Path, *, root: str | Path | None, encoding: str = "utf-8", errors: str = "strict"
) -> str:
    """The text of *path* (confined to *root* when given); OSError and UnicodeDecodeError."""
    return read_bytes(path, root=root).decode(encoding, errors)


def atomic_write(
    path: str | Path,
    data: str | bytes,
    *,
    encoding: str = "utf-8",
    durable: bool = True,
    root: str | Path | None = None,
) -> bool:
    """Write *data* to *path* atomically; return False (writing nothing) if unchanged.

    With *durable*, a file that is replaced is flushed to the disk before the rename.
    With *root*, a *path* that leads outside it is refused before anything is read.
    """
    path = Path(path)
    if root is not None:
        confined(path, root)
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

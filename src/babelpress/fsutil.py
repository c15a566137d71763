"""File access confined to the project, and writes that never leave a half-written file.

Every file babelpress reads or writes belongs to the project.  A symbolic link
(a ``.po`` file linked to ``/proc/self/environ``, a ``locale/en`` folder linked
elsewhere) must not make it read or write anything outside: :func:`confined`
refuses a path whose real location (every link followed) lies outside the
project root, and :func:`read_bytes`, :func:`read_text` and :func:`atomic_write`
check it first when given the *root*.  Following every link of a path costs a
system call per folder of it; inside :func:`folders_remembered` (one run of a step
over thousands of files) the real location of each folder is found once, and only
the file's own name is checked for a link each time.

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
import itertools
import os
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from babelpress.errors import BabelpressError, InputError


class OutsideProject(InputError):
    """A path that leads (through a symbolic link) outside the project."""


#: the real location of each folder met, while :func:`folders_remembered` runs
_FOLDERS: ContextVar[dict[str, str] | None] = ContextVar("babelpress_folders", default=None)


@contextlib.contextmanager
def folders_remembered() -> Iterator[None]:
    """Within the block, :func:`confined` follows the links of each folder only once.

    For one run of a step: a folder replaced by a link while it runs is not noticed.
    """
    token = _FOLDERS.set({})
    try:
        yield
    finally:
        _FOLDERS.reset(token)


def confined(path: str | Path, root: str | Path) -> Path:
    """*path*, if its real location is inside *root*; :class:`OutsideProject` if not."""
    folders = _FOLDERS.get()
    real = os.path.realpath(path) if folders is None else _real(os.fspath(path), folders)
    if folders is None:
        base = os.path.realpath(root)
    else:
        base = _real_folder(os.path.abspath(root), folders)
    if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
        return Path(path)
    raise OutsideProject(
        "refused: the path leads outside the project (a symbolic link or '..'); "
        "babelpress reads and writes only files inside it",
        path=path,
    )


def _real(path: str, folders: dict[str, str]) -> str:
    """``os.path.realpath(path)``, the real location of its folder taken from *folders*."""
    if os.pardir in path.split(os.sep):
        # the kernel follows a link before ".." and a lexical split would not
        return os.path.realpath(path)
    folder, name = os.path.split(os.path.abspath(path))
    if os.path.islink(os.path.join(folder, name)):
        return os.path.realpath(path)
    return os.path.join(_real_folder(folder, folders), name)


def _real_folder(folder: str, folders: dict[str, str]) -> str:
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder)
    return real


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
        # a file of another size differs: not read (a site's search index is megabytes)
        if path.stat().st_size == len(raw) and path.read_bytes() == raw:
            return False
    except FileNotFoundError:
        existed = False
    except OSError as exc:
        raise BabelpressError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    try:
        fd, tmp = _temporary(path)
    except OSError as exc:
        raise BabelpressError(f"cannot write: {exc.strerror or exc}", path=path) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            if existed:  # the mode of the file it replaces (a new file has the umask's)
                with contextlib.suppress(FileNotFoundError):
                    os.fchmod(handle.fileno(), path.stat().st_mode & 0o7777)
            if durable and existed:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise BabelpressError(f"cannot write: {exc.strerror or exc}", path=path) from exc
        raise
    return True


#: numbers the temporary files of this process (with its id: unique among processes)
_TEMPORARY = itertools.count()


def _temporary(path: Path) -> tuple[int, str]:
    """A new file ``.<name>.<process>_<n>.tmp`` beside *path*, open for writing.

    Created with mode 0o666 less the umask, as any new file; its folder is made only
    when missing (making it first costs a system call per file).
    """
    while True:
        tmp = os.path.join(path.parent, f".{path.name}.{os.getpid()}_{next(_TEMPORARY)}.tmp")
        try:
            return os.open(tmp, _CREATE, 0o666), tmp
        except FileExistsError:  # left by a killed process that had the same id
            continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(tmp, _CREATE, 0o666), tmp


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)

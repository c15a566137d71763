"""The user's own cache folder, for what must not come with a project.

Two things babelpress keeps across runs are not the project's: templates compiled to
code (:mod:`babelpress.site.compiled`), and a secret that signs the files it keeps in
a project's ``locale/`` (:mod:`babelpress.markdown.stored`), so that a file committed
to a repository is not taken for its own.  Both live in
``$XDG_CACHE_HOME/babelpress/<name>`` (``~/.cache/babelpress/<name>`` by default), and
only where nobody else can put files there:

- the folder is a real folder (not a link), the user's, written by nobody else;
- every folder above it belongs to the user or to root, and those others may write
  in have the sticky bit (``/tmp``), so nobody can swap the folder for their own;
- no folder above it holds a ``.git``: a cache folder inside a repository's work tree
  (``XDG_CACHE_HOME=.cache`` in a CI set-up) could hold files committed to it.

Elsewhere nothing is kept: templates are compiled again, pages are parsed again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

#: the secret's length in bytes
SECRET_BYTES = 32
_SECRETS: dict[str, bytes | None] = {}


def folder(name: str, environ: Mapping[str, str] = os.environ) -> Path | None:
    """``$XDG_CACHE_HOME/babelpress/<name>``, made private to the user; None where it
    would not be (see the module docstring), or cannot be made."""
    base = _base(environ)
    if base is None:
        return None
    path = Path(base) / "babelpress" / name
    return path if made_private(path) else None


def made_private(path: Path) -> bool:
    """Make the folder *path* (private to the user) if missing; whether it is :func:`private`."""
    try:
        path.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
    except OSError:
        return False
    return private(path)


def _base(environ: Mapping[str, str]) -> str | None:
    base = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):
        return base
    try:  # the XDG specification: a relative path is ignored
        return str(Path.home() / ".cache")
    except RuntimeError:
        return None


def private(path: Path) -> bool:
    """Whether only the user (and root) can put files into the folder *path*."""
    user = os.getuid() if hasattr(os, "getuid") else None
    try:
        found = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(found.st_mode) or found.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    if user is not None and found.st_uid != user:
        return False
    above = os.path.dirname(os.path.realpath(path))
    while True:
        if not _safe_above(above, user):
            return False
        parent = os.path.dirname(above)
        if parent == above:
            return True
        above = parent


def _safe_above(folder: str, user: int | None) -> bool:
    try:
        found = os.lstat(folder)
    except OSError:
        return False
    if os.path.lexists(os.path.join(folder, ".git")):
        return False
    if user is None:
        return True
    others_write = found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    sticky = found.st_mode & stat.S_ISVTX
    return found.st_uid in (user, 0) and (not others_write or bool(sticky))


def secret(environ: Mapping[str, str] = os.environ) -> bytes | None:
    """The user's secret (random bytes, made on first use); None where it cannot be kept.

    Found once per process and cache folder: every page's walk is signed or checked."""
    base = _base(environ)
    if base is None:
        return None
    if base not in _SECRETS:
        place = folder("keys", environ)
        name = str(place / "secret") if place is not None else None
        _SECRETS[base] = (_read_secret(name) or _make_secret(name)) if name else None
    return _SECRETS[base]


def _read_secret(name: str) -> bytes | None:
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        found = os.fstat(handle.fileno())
        user = os.getuid() if hasattr(os, "getuid") else found.st_uid
        if not stat.S_ISREG(found.st_mode) or found.st_uid != user or found.st_mode & 0o077:
            return None
        data = handle.read(SECRET_BYTES + 1)
    return data if len(data) == SECRET_BYTES else None


def _make_secret(name: str) -> bytes | None:
    """Write a new secret where none is; two processes at once agree on one (the file
    appears whole, by a hard link, or not at all)."""
    temporary = f"{name}.{os.getpid()}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(SECRET_BYTES))
        try:
            os.link(temporary, name)
        except FileExistsError:
            pass  # another process made it first: use that one
        finally:
            os.unlink(temporary)
    except OSError:
        return None
    return _read_secret(name)

"""Theme work done once for every language build: templates compiled, theme files listed.

mkdocs-static-i18n builds the site once per language, in one process, and MkDocs
makes a new Jinja environment for each build, which compiles every template of the
theme again (material's ``main.html`` pulls in some forty partials, about 3 ms each):
a quarter of a plain three-language build of a hundred articles, and again for every
full rebuild under ``mkdocs serve``.  :class:`CompiledTemplates` is a Jinja bytecode
cache given to each build's environment (``on_env``): a template is compiled on its
first use, kept in memory for the next language build and written to the user's cache
folder (``$XDG_CACHE_HOME/babelpress/templates``), so the next ``mkdocs build`` on this
machine loads it instead of compiling it.  Compiled templates belong to the installed
theme, as ``.pyc`` files belong to installed packages; they are kept outside the
project because they are code: a cache in the project could be planted by whoever
writes to the repository.  Jinja keys each entry by the template's name and file and
checks the checksum of its source, so an edited template (``mkdocs serve
--watch-theme``) is compiled anew; the file name also holds what else the code depends
on (Python's and Jinja's versions, the environment's syntax settings).

Each build also lists every file of the theme's folders (MkDocs adds the theme's
assets to the site's files): material's folder holds some 14,500 files, 14,000 of
them icons, walked again by every language build.  :class:`ThemeListing` keeps the
list of the first walk until the next top-level build (a file added to the theme
under ``mkdocs serve --watch-theme`` is found by the next rebuild).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable, Collection, Hashable, Mapping
from pathlib import Path
from types import CodeType, FunctionType
from typing import Any

import jinja2
from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader
from jinja2.bccache import Bucket

#: extensions whose compiled code depends on nothing but the environment's settings
_PLAIN_EXTENSIONS = frozenset(
    f"jinja2.ext.{name}Extension"
    for name in ("Internationalization", "LoopControl", "ExprStmt", "Debug")
)


class CompiledTemplates(BytecodeCache):
    """Compiled templates in memory and, where the user has a safe cache folder, on disk.

    In memory the code object itself is kept (it is immutable): Jinja's own buckets
    would marshal it to bytes and back for every language build.  It is handed out
    only for the source it was compiled from, as Jinja checks its own bytecode files.
    On disk they are kept in *folder* (None: memory only), made private to the user
    and used only while no one else can write in it.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._code: dict[tuple[str, str], tuple[str, CodeType]] = {}
        self._folder = folder
        self._disk: dict[str, FileSystemBytecodeCache | None] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        syntax = _syntax(bucket.environment)
        kept = self._code.get((syntax or "", bucket.key))
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]
            return
        disk = self._disk_for(syntax)
        if disk is None:
            return
        try:
            disk.load_bytecode(bucket)  # Jinja's own file format and checks
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # a damaged file: compiled again, and written anew
        if bucket.code is not None:
            self._code[(syntax or "", bucket.key)] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        syntax = _syntax(bucket.environment)
        self._code[(syntax or "", bucket.key)] = (bucket.checksum, bucket.code)
        disk = self._disk_for(syntax)
        if disk is None:
            return
        try:
            disk.dump_bytecode(bucket)  # a temporary file, then renamed: atomic
        except OSError:  # a full or read-only disk costs the next build's compiling only
            self._disk[syntax or ""] = None

    def clear(self) -> None:
        self._code.clear()

    def keep_out_of(self, project: Path) -> None:
        """Keep nothing on disk when the cache folder lies in *project*: a cache folder set
        to one of the checkout (``XDG_CACHE_HOME=.cache``, as CI set-ups do) could hold
        code committed by whoever writes to the repository."""
        if self._folder is None:
            return
        folder, root = os.path.realpath(self._folder), os.path.realpath(project)
        if os.path.commonpath([folder, root]) == root:
            self._folder = None
            self._disk.clear()

    def _disk_for(self, syntax: str | None) -> FileSystemBytecodeCache | None:
        """The files of environments with settings *syntax* (None: not to be kept)."""
        if syntax is None or self._folder is None:
            return None
        if syntax not in self._disk:
            usable = _safe(self._folder)
            where = str(self._folder)
            self._disk[syntax] = (
                FileSystemBytecodeCache(where, f"{syntax}-%s.code") if usable else None
            )
        return self._disk[syntax]


def user_folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """``$XDG_CACHE_HOME/babelpress/templates`` (default ``~/.cache/…``); None: no home."""
    base = environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG specification: a relative path is ignored
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / "babelpress" / "templates"


def _safe(folder: Path) -> bool:
    """Make *folder* (private to the user) and say whether only the user can write in it:
    code is loaded from there."""
    try:
        folder.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
        found = os.lstat(folder)
    except OSError:
        return False
    owner = getattr(os, "getuid", None)
    return (
        stat.S_ISDIR(found.st_mode)
        and not found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        and (owner is None or found.st_uid == owner())
    )


def _syntax(env: Environment) -> str | None:
    """A fingerprint of what compiled code depends on besides the source: the versions
    and the environment's settings; None when a setting cannot be told apart."""
    extensions = sorted(env.extensions)
    if not isinstance(env.autoescape, bool) or not _PLAIN_EXTENSIONS.issuperset(extensions):
        return None
    settings = (
        sys.implementation.cache_tag, jinja2.__version__, extensions,
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
        env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
        env.autoescape, env.is_async, getattr(env, "newstyle_gettext", None),
        f"{env.code_generator_class.__module__}.{env.code_generator_class.__qualname__}",
    )  # fmt: skip
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:20]


class ThemeListing:
    """The names of the theme folders' files, walked once per top-level build.

    MkDocs filters the list with a function it makes anew for every build; its
    result is kept too, by the function's code and the objects it refers to (the
    same code with the same objects picks the same names).
    """

    def __init__(self) -> None:
        self._names: dict[Hashable, list[str]] = {}
        #: what the filters' closures held, kept alive so that no other object takes their id
        self._held: list[Any] = []

    def clear(self) -> None:
        """Walk again at the next listing (a new top-level build begins)."""
        self._names.clear()
        self._held.clear()

    def install(self, theme: Any) -> None:
        """Make *theme* (MkDocs' ``Theme``) give environments that list from here.

        Whatever made its environments before (MkDocs, or another plugin's wrapper)
        still makes them; installing twice changes nothing.
        """
        make_env: Callable[[], Environment] = theme.get_env
        if getattr(make_env, "listing", None) is self:
            return

        def get_env() -> Environment:
            env = make_env()
            if type(env.loader) is FileSystemLoader:
                self._share(env, env.loader)
            return env

        get_env.listing = self  # type: ignore[attr-defined]
        theme.get_env = get_env

    def _share(self, env: Environment, loader: FileSystemLoader) -> None:
        folders = (tuple(loader.searchpath), loader.followlinks)
        walk, pick = loader.list_templates, env.list_templates

        def list_templates() -> list[str]:
            return self._kept(folders, walk)

        def list_env_templates(
            extensions: Collection[str] | None = None,
            filter_func: Callable[[str], bool] | None = None,
        ) -> list[str]:
            chooser = _identity(filter_func)
            if chooser is None:
                return pick(extensions, filter_func)
            key = (folders, tuple(extensions) if extensions is not None else None, chooser)
            if key not in self._names:
                self._held.append(filter_func)
            return self._kept(key, lambda: pick(extensions, filter_func))

        loader.list_templates = list_templates  # type: ignore[method-assign]
        env.list_templates = list_env_templates  # type: ignore[method-assign]

    def _kept(self, key: Hashable, listing: Callable[[], list[str]]) -> list[str]:
        names = self._names.get(key)
        if names is None:
            names = self._names[key] = listing()
        return list(names)  # a caller may change its list


def _identity(function: Callable[[str], bool] | None) -> Hashable | None:
    """What decides *function*'s answers: its code and the objects its closure holds
    (None: no function, or one that cannot be told apart, such as a bound method)."""
    if function is None:
        return ()
    if not isinstance(function, FunctionType) or function.__defaults__ or function.__kwdefaults__:
        return None
    cells = function.__closure__ or ()
    try:
        return (function.__code__, tuple(id(cell.cell_contents) for cell in cells))
    except ValueError:  # an empty cell
        return None

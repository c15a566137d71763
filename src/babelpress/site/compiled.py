"""Theme work done once for every language build: templates compiled, theme files listed.

mkdocs-static-i18n builds the site once per language, in one process, and MkDocs
makes a new Jinja environment for each build, which compiles every template of the
theme again (material's ``main.html`` pulls in some forty partials, about 3 ms each):
a quarter of a plain three-language build of a hundred articles, and again for every
full rebuild under ``mkdocs serve``.  :class:`CompiledTemplates` is a Jinja bytecode
cache given to each build's environment (``on_env``): a template is compiled on its
first use, kept in memory for the next language build and written to the user's cache
folder (``$XDG_CACHE_HOME/babelpress/templates``, see :mod:`babelpress.usercache`), so
the next ``mkdocs build`` on this machine loads it instead of compiling it.  Compiled
templates belong to the installed theme, as ``.pyc`` files belong to installed
packages; they are code, so they are kept only where nobody else can put files, never
in a project or a repository's work tree.  Jinja keys each entry by the template's
name and file and checks the checksum of its source, so an edited template (``mkdocs
serve --watch-theme``) is compiled anew; the file name also holds what else the code
depends on (Python's and Jinja's versions, the environment's settings, filters and
tests), and each file a digest of its content.

Each build also lists every file of the theme's folders (MkDocs adds the theme's
assets to the site's files): material's folder holds some 14,500 files, 14,000 of
them icons, walked again by every language build.  :class:`ThemeListing` keeps the
list of the first walk until the next top-level build (a file added to the theme
under ``mkdocs serve --watch-theme`` is found by the next rebuild).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import sys
import weakref
from collections.abc import Callable, Collection, Hashable
from pathlib import Path
from types import CodeType, FunctionType
from typing import Any

import jinja2
from jinja2 import BytecodeCache, Environment, FileSystemLoader
from jinja2.bccache import Bucket

from babelpress import usercache
from babelpress.errors import BabelpressError
from babelpress.fsutil import atomic_write

#: extensions whose compiled code depends on nothing but the environment's settings
_PLAIN_EXTENSIONS = frozenset(
    f"jinja2.ext.{name}Extension"
    for name in ("Internationalization", "LoopControl", "ExprStmt", "Debug")
)


class CompiledTemplates(BytecodeCache):
    """Compiled templates in memory and, in a folder private to the user, on disk.

    In memory the code object itself is kept (it is immutable): Jinja's own buckets
    would marshal it to bytes and back for every language build.  It is handed out
    only for the source it was compiled from, as Jinja checks its own bytecode files.
    On disk they are kept in *folder* (None: memory only; see
    :func:`babelpress.usercache.folder`), each file with a digest of its content, so
    a file damaged on the disk is compiled again rather than run.  Code compiled by an
    environment whose settings cannot be told apart is not kept at all.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._code: dict[tuple[str, str], tuple[str, CodeType]] = {}
        self._folder = folder
        self._usable: bool | None = None
        self._syntax: weakref.WeakKeyDictionary[Environment, str | None] = (
            weakref.WeakKeyDictionary()
        )

    def load_bytecode(self, bucket: Bucket) -> None:
        syntax = self._syntax_of(bucket.environment)
        if syntax is None:
            return
        kept = self._code.get((syntax, bucket.key))
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]
            return
        path = self._file(syntax, bucket)
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError:
            return
        digest, payload = data[:_DIGEST], data[_DIGEST:]
        if not hmac.compare_digest(digest, hashlib.sha256(payload).digest()):
            return  # damaged: compiled again, and written anew
        bucket.bytecode_from_string(payload)  # Jinja's own checks: versions, source
        if bucket.code is not None:
            self._code[(syntax, bucket.key)] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        syntax = self._syntax_of(bucket.environment)
        if bucket.code is None or syntax is None:
            return
        self._code[(syntax, bucket.key)] = (bucket.checksum, bucket.code)
        path = self._file(syntax, bucket)
        if path is not None:
            payload = bucket.bytecode_to_string()
            # a full or read-only disk costs the next build's compiling only
            with contextlib.suppress(BabelpressError):
                atomic_write(path, hashlib.sha256(payload).digest() + payload, durable=False)

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

    def _syntax_of(self, env: Environment) -> str | None:
        if env not in self._syntax:
            self._syntax[env] = _syntax(env)
        return self._syntax[env]

    def _file(self, syntax: str, bucket: Bucket) -> Path | None:
        """Where the code of *bucket* is kept (None: nowhere on disk)."""
        if self._folder is None:
            return None
        if self._usable is None:
            self._usable = usercache.made_private(self._folder)
        return self._folder / f"{syntax}-{bucket.key}.code" if self._usable else None


#: bytes of the digest each kept file starts with
_DIGEST = 32


def _syntax(env: Environment) -> str | None:
    """A fingerprint of what compiled code depends on besides the source: the versions,
    the environment's kind and settings, and its filters and tests (the compiler calls
    a filter on a constant, and calls filters by how they take their arguments); None
    when a setting cannot be told apart."""
    extensions = sorted(env.extensions)
    if not isinstance(env.autoescape, bool) or not _PLAIN_EXTENSIONS.issuperset(extensions):
        return None
    functions = [
        (kind, name, *_identity_of(function))
        for kind, table in (("filter", env.filters), ("test", env.tests))
        for name, function in sorted(table.items())
    ]
    if env.finalize is not None:
        functions.append(("finalize", "", *_identity_of(env.finalize)))
    settings = (
        sys.implementation.cache_tag, jinja2.__version__, _identity_of(type(env)), extensions,
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
        env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
        env.autoescape, env.is_async, getattr(env, "newstyle_gettext", None),
        env.policies.get("compiler.ascii_str"), _identity_of(env.code_generator_class),
        functions,
    )  # fmt: skip
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:20]


def _identity_of(thing: Any) -> tuple[str, ...]:
    """A function or class by its module, name, how Jinja passes it arguments, and the
    file it was read from as it is now (an upgrade changes the file)."""
    module = getattr(thing, "__module__", None) or ""
    passes = getattr(thing, "jinja_pass_arg", None)
    name = getattr(thing, "__qualname__", None) or type(thing).__qualname__
    return (module, name, str(passes), _module_file(module))


@functools.lru_cache(maxsize=256)
def _module_file(module: str) -> str:
    source = getattr(sys.modules.get(module), "__file__", None)
    try:
        found = os.stat(source) if source else None
    except OSError:
        found = None
    return f"{source}:{found.st_size}:{found.st_mtime_ns}" if found else ""


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

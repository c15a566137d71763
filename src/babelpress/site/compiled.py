"""Theme work done once for every language build: templates compiled, theme files listed.

mkdocs-static-i18n builds the site once per language, in one process, and MkDocs
makes a new Jinja environment for each build, which compiles every template of the
theme again (material's ``main.html`` pulls in some forty partials): about half a
second of a three-language build of a hundred articles, and again for every full
rebuild under ``mkdocs serve``.  :class:`CompiledTemplates` is a Jinja bytecode
cache kept in memory by the plugin and given to each build's environment
(``on_env``): a template is compiled on its first use and loaded from memory by the
next build.  Jinja keys each entry by the template's name and file and checks the
checksum of its source, so an edited template (``mkdocs serve --watch-theme``) is
compiled anew.

Each build also lists every file of the theme's folders (MkDocs adds the theme's
assets to the site's files): material's folder holds some 14,500 files, 14,000 of
them icons, walked again by every language build.  :class:`ThemeListing` keeps the
list of the first walk until the next top-level build (a file added to the theme
under ``mkdocs serve --watch-theme`` is found by the next rebuild).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from types import CodeType, FunctionType
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Compiled templates by Jinja's bucket key, in memory.

    The code object itself is kept (it is immutable): Jinja's own buckets would
    marshal it to bytes and back for every build.  It is handed out only for the
    source it was compiled from, as Jinja checks its own bytecode files.
    """

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self._code.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()


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

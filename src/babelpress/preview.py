"""The live preview of ``mkdocs serve``: a save rebuilds the pages it changed, not the site.

MkDocs answers every save with a full build -- with mkdocs-static-i18n one build per
language, every page read, converted and written again: minutes for an archive of a
thousand articles in three languages, while the editor changed one article.  In
``mkdocs serve`` (not with ``--clean``) the plugin gives the live-reload server this
builder instead of MkDocs' own (:meth:`Preview.serve`):

1. **The first build is MkDocs' own**, complete.  While it runs, the plugin keeps,
   for each language, what MkDocs made to build that language's pages: the files,
   the navigation, the template environment (``on_nav`` and ``on_env``) and the
   configuration object, and a snapshot of the files the build read
   (:mod:`babelpress.render.incremental`), taken before it read them.
2. **A save** wakes the builder.  It compares a new snapshot with the kept one.
   When only German pages and catalogues changed, it renders those pages and builds
   just them, in every language where they changed, with MkDocs' own page functions
   (``_populate_page`` and ``_build_page`` of :mod:`mkdocs.commands.build`) over the
   kept navigation: each page is read, converted, templated and written as in a full
   build, with every plugin's page events.  static-i18n's ``on_config`` sets the
   configuration up for the language first, as it does before each of its own
   per-language builds.  The rest of the served site stays as it is.
3. **Anything else** -- a page added or removed, ``mkdocs.yml``, the theme, an
   image, or a save after a build that failed -- runs MkDocs' full build, which
   keeps new state for the next save.
4. **Nothing changed** (the watcher saw one save twice, as it does when a file is
   written in two steps): no build, when the snapshot covers every path the server
   watches; when the preview cannot tell what the server watches, a full build.

What a page-only rebuild leaves to the next full build: other pages that show the
changed article (titles in the navigation and listings, previous/next links), the
search index and the sitemap.  The edited article itself, in every language, is what
a full build makes of it.

Watching: the rendered folders ``docs/<lang>/`` are the plugin's own output and are
not watched, or every render would wake the builder a second time; of ``locale/``
only the catalogue folders are watched (the render cache lives in ``locale/``).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.plugins import get_plugin_logger

from babelpress import project
from babelpress.config import Settings
from babelpress.render import incremental
from babelpress.render.all_pages import Report, log_warnings

log = get_plugin_logger(__name__)


@dataclass
class _Kept:
    """What the last full build made for one language."""

    config: Any = None
    files: Any = None
    nav: Any = None
    env: Any = None


class Preview:
    """State and builder of the live preview (see the module docstring)."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.kept: dict[str, _Kept] = {}
        self.base: incremental.Snapshot | None = None
        #: what a build reads besides docs/ and the catalogues (config, theme, watch)
        self.inputs: list[Path] = []
        self.ready = False
        self.server: Any = None
        self.full_build: Callable[[], None] | None = None
        self.watched: dict[str, bool] = {}

    # ------------------------------------------------------------ full builds
    def build_started(self, settings: Settings, config: Any) -> None:
        """A full build begins (before it renders): forget the old state, snapshot."""
        self.settings = settings
        self.ready = False
        self.kept = {}
        self.inputs = _other_inputs(config)
        self.base = incremental.snapshot(settings, self._others())

    def wrote(self, paths: Iterable[Path]) -> None:
        """Files the plugin wrote during the build are not changes of the next save.

        Whatever the plugin writes under ``docs/`` or ``locale/`` in a build must be
        reported here, or the next save would rebuild it as if an editor had.
        """
        if self.base is not None:
            self.base.restamp(paths)

    def keep_nav(self, language: str, files: Any, nav: Any) -> None:
        kept = self.kept.setdefault(language, _Kept())
        kept.files, kept.nav = files, nav

    def keep_env(self, language: str, config: Any, env: Any) -> None:
        kept = self.kept.setdefault(language, _Kept())
        kept.config, kept.env = config, env

    def build_finished(self) -> None:
        self.ready = self.base is not None and all(
            None not in (kept.config, kept.files, kept.nav, kept.env)
            for kept in self.kept.values()
        )
        if self.server is not None:
            self._watch()

    def build_failed(self) -> None:
        self.ready = False

    # ------------------------------------------------------------ serving
    def serve(
        self, server: Any, builder: Callable[[], None], settings: Settings, *, pages: bool
    ) -> None:
        """Choose what the server watches; with *pages*, also take over its builder.

        Without *pages* (``mkdocs serve --clean``: every build a clean full build) the
        server keeps MkDocs' builder and only stops watching the plugin's output.
        """
        self.server = server
        self.settings = self.settings or settings
        self._watch()
        if not pages:
            return
        self.full_build = builder
        server.builder = self.build
        # what the watcher compares its first look with: the site as now built
        self.base = incremental.snapshot(self.settings, self._others())

    def build(self) -> None:
        """What the server runs after a save: the changed pages, or the whole site."""
        plan = self._plan()
        if plan is None:
            assert self.full_build is not None
            self.full_build()
        elif plan[0].none:
            log.info("preview: nothing changed since the last build")
        else:
            self._update(*plan)

    def _plan(self) -> tuple[incremental.Changes, incremental.Snapshot] | None:
        """What changed since the last build (None: build the whole site)."""
        if not self.ready or self.settings is None or self.base is None:
            return None
        now = incremental.snapshot(self.settings, self._others())
        found = incremental.changes(self.base, now, self.settings)
        if found.full is not None:
            log.info(f"preview: {found.full}: the whole site is built")
            return None
        if found.none and _watched_paths(self.server) is None:
            log.info("preview: no change seen where the server watches: the whole site is built")
            return None
        for slug, languages in found.pages.items():
            for language in languages:
                if self._page(language, slug) is None:
                    log.info(f"preview: no page {language}/{slug} yet: the whole site is built")
                    return None
        return found, now

    def _update(self, found: incremental.Changes, now: incremental.Snapshot) -> None:
        assert self.settings is not None
        started = time.perf_counter()
        names = ", ".join(f"{slug} ({', '.join(sorted(langs))})"
                          for slug, langs in found.pages.items())
        log.info(f"Building documentation... (preview of {names})")
        self.ready = False  # until this update is done: a failure means a full build next
        self.base = now
        now.remember(_inputs_of(self.settings, found), self.settings.root)
        report = incremental.render_changed(self.settings, found)
        now.restamp(report.written)
        _report(report)
        count = 0
        for language in self._languages():
            slugs = [slug for slug, langs in found.pages.items() if language in langs]
            if slugs:
                self._rebuild(language, slugs)
                count += len(slugs)
        self.ready = True
        log.info(f"preview: {count} page(s) rebuilt in {time.perf_counter() - started:.2f} s "
                 "(listings, search and sitemap follow at the next full build)")

    def _rebuild(self, language: str, slugs: list[str]) -> None:
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.structure.files import InclusionLevel

        kept = self.kept[language]
        config = _configure(kept.config, language)
        pages = [self._page(language, slug) for slug in slugs]
        for page in pages:
            _populate_page(page, config, kept.files)
        documents = kept.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for page in pages:
            excluded = page.file.inclusion.is_excluded()
            _build_page(page, config, documents, kept.nav, kept.env, excluded=excluded)
        for page in pages:
            page.validate_anchor_links(files=kept.files,
                                       log_level=config.validation.links.anchors)

    def _page(self, language: str, slug: str) -> Any:
        """The kept MkDocs page of *slug* in *language* (None if there is none)."""
        assert self.settings is not None
        kept = self.kept.get(language)
        if kept is None or kept.files is None:
            return None
        docs = self.settings.docs_path
        candidates = [project.source_path(self.settings, slug)]
        if language != self.settings.source_language:
            candidates.insert(0, project.rendered_path(self.settings, language, slug))
        for path in candidates:
            file = kept.files.src_uris.get(path.relative_to(docs).as_posix())
            if file is not None and file.page is not None:
                return file.page
        return None

    def _others(self) -> list[Path]:
        """The inputs besides docs/ and the catalogues, and whatever the server watches."""
        watched = [Path(path) for path in _watched_paths(self.server) or ()]
        return list(dict.fromkeys([*self.inputs, *watched]))

    def _languages(self) -> list[str]:
        assert self.settings is not None
        return [self.settings.source_language, *self.settings.languages]

    # ------------------------------------------------------------ watching
    def _watch(self) -> None:
        """Watch the inputs, not the plugin's output (see the module docstring)."""
        assert self.settings is not None
        wanted = _watch_list(self.settings)
        if not self.watched:
            # MkDocs watches all of docs/, the rendered folders too; the plugin takes over
            _unwatch(self.server, str(self.settings.docs_path))
        for path, recursive in self.watched.items():
            if wanted.get(path) != recursive:
                _unwatch(self.server, path)
        for path, recursive in wanted.items():
            if self.watched.get(path) != recursive:
                self.server.watch(path, recursive=recursive)
        self.watched = wanted


def _inputs_of(settings: Settings, found: incremental.Changes) -> list[Path]:
    """The German pages and catalogues of the changed pages (their content is kept, so
    that the same bytes written again are not taken for another save)."""
    paths = []
    for slug in found.pages:
        paths.append(project.source_path(settings, slug))
        paths += [project.po_path(settings, language, slug) for language in settings.languages]
    return paths


def _configure(config: Any, language: str) -> Any:
    """*config* set up for *language* by static-i18n, as before its own builds of it."""
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "current_language", language) == language:
        return config
    i18n.current_language = language
    return i18n.on_config(config) or config


def _other_inputs(config: Any) -> list[Path]:
    """What a build reads besides docs/ and the catalogues: config, theme, ``watch``."""
    paths = [config.config_file_path] if config.config_file_path else []
    paths += [str(folder) for folder in config.theme.dirs]
    paths += [str(item) for item in config.watch]
    unique = dict.fromkeys(Path(path).resolve() for path in paths)
    return [path for path in unique if path.exists()]


def _watched_paths(server: Any) -> list[str] | None:
    """The paths the live-reload server watches (None: it does not say).

    MkDocs 1.6 keeps them in ``LiveReloadServer._watched_paths``; without them the
    preview cannot be sure that a save it does not see was nowhere it looks.
    """
    paths = getattr(server, "_watched_paths", None)
    return sorted(paths) if isinstance(paths, dict) else None


def _watch_list(settings: Settings) -> dict[str, bool]:
    """Paths to watch (and whether recursively): docs/ but its rendered folders, catalogues."""
    docs = settings.docs_path
    rendered = {project.rendered_folder(settings, lang) for lang in settings.languages}
    wanted = {str(docs): False}
    if docs.is_dir():
        for entry in sorted(docs.iterdir()):
            if entry.is_dir() and entry not in rendered and not project.is_hidden(entry.name):
                wanted[str(entry)] = True
    for language in settings.languages:
        folder = project.catalogue_folder(settings, language)
        if folder.is_dir():
            wanted[str(folder)] = True
    return wanted


def _unwatch(server: Any, path: str) -> None:
    with contextlib.suppress(KeyError):  # not watched: nothing to undo
        server.unwatch(path)


def _report(report: Report) -> None:
    log_warnings(report, log)
    for error in report.errors:
        log.error(str(error))

"""The MkDocs plugin: render translated pages before every build, watch ``locale/``.

List it before ``i18n`` (mkdocs-static-i18n) in ``mkdocs.yml``.  Its options are
:class:`babelpress.config.PluginConfig`, the schema ``babelpress …`` checks them with too.
Its events:

- ``on_startup`` remembers whether MkDocs serves (live preview: drafts always
  shown and highlighted) or builds.
- ``on_config`` (default priority, so before i18n's ``on_config`` at -100 and
  before MkDocs collects the files) renders ``docs/<lang>/*.md`` from the German
  pages and the catalogues.  The i18n plugin then finds the rendered files in
  their language folders like hand-written ones.  Files are written only when
  their content changes, and rendering is skipped when no input changed, so the
  per-language rebuilds of i18n and the live-reload watcher never loop.
  The render hands over what the listings and the editions of each article need
  of every page it wrote (kept in its cache), so no rendered page is read again
  for them.  A second ``on_config`` handler, after i18n's, installs the package's theme
  folder, stylesheet and Markdown extension (see :mod:`babelpress.site.configure`),
  so a project needs no ``custom_dir`` of its own.
- ``on_files`` (after i18n's) adds the front page and the archive of the
  language being built, ``on_nav`` makes the navigation the site's sections and
  links each article to the next older and newer one, ``on_post_build`` writes
  the language's news feed (see :mod:`babelpress.site.news`).
- ``on_page_markdown`` escapes the page's front matter for the theme, which
  prints ``page.meta`` values and page titles as HTML
  (:func:`babelpress.site.build.html_values`);
- ``on_serve`` hands the live-reload server the preview's builder
  (:mod:`babelpress.preview`): a saved catalogue or German page rebuilds the pages
  it changed, anything else the whole site; ``on_nav`` and ``on_env`` keep what the
  preview needs from each language's full build.  Only under ``mkdocs serve``.
- ``on_env`` also gives each language build's Jinja environment the templates
  compiled by the build before (and by earlier builds on this machine, kept in the
  user's cache folder), and the theme's files are listed once for all language
  builds (:mod:`babelpress.site.compiled`).
- ``on_page_content`` titles the headings' permalinks in the page's language and
  shows photo captions and credits as captions, or hides them (``captions``);
  ``on_post_page`` / ``on_post_template`` take the theme's relative hreflang
  links out of the head (the sitemap carries the alternates).
- ``on_page_context`` / ``on_template_context`` give the theme the ``babelpress``
  variable (the site's words in the page's language, read from
  ``locale/<lang>/LC_MESSAGES/_site.po``; the article's metadata line; where the
  language's search index is; a page's Open Graph tags and JSON-LD); the 404
  page's language switcher leads to the home pages.
- ``on_post_build`` keeps one 404 page per language and, after the last language
  is built, splits the search index per language (see :mod:`babelpress.site.build`).

The plugin only reads catalogues: it never calls a translation provider and never
writes a PO file.

Why files in ``docs/<lang>/`` and not in-memory ``File.generated`` pages: the
i18n plugin's ``on_files`` re-creates every documentation file from its source
path under ``docs_dir`` (``folder.create_i18n_file``), so a generated page's
content would be lost and a file without a source path is reported as an
unhandled case.  The rendered folders are git-ignored and written only on change.
The listing pages (front page, archive) *are* in-memory files: they are added in
an ``on_files`` that runs after i18n's, so nothing re-creates them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from babelpress import config as bp_config
from babelpress import usercache
from babelpress.errors import BabelpressError, printable
from babelpress.preview import Preview
from babelpress.render import all_pages as render
from babelpress.site import build as sitebuild
from babelpress.site import captions, configure, structured
from babelpress.site import words as sitetext
from babelpress.site.articles import PageInfo, page_facts
from babelpress.site.compiled import CompiledTemplates, ThemeListing
from babelpress.site.news import NewsSite

log = get_plugin_logger(__name__)


class _Printable(logging.Filter):
    """Messages quote catalogues and file names: printed, a control character in them
    would drive the terminal (see :func:`~babelpress.errors.printable`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = printable(record.getMessage()), ()
        return True


log.logger.addFilter(_Printable())


class BabelpressPlugin(BasePlugin[bp_config.PluginConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.mode: Literal["build", "serve"] = "build"
        self.settings: bp_config.Settings | None = None
        self._signature: tuple[Any, ...] | None = None
        self._depth = 0
        self._not_found: bytes | None = None
        self._warned_theme = False
        self.news = NewsSite()
        #: the site's words per language, read once per build (a save shows on the next)
        self._words_of: dict[str, sitetext.Words] = {}
        self._preview = Preview()
        self._compiled = CompiledTemplates(usercache.folder("templates"))
        self._listing = ThemeListing()

    # ------------------------------------------------------------ life cycle
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.mode = "serve" if command == "serve" else "build"
        self._signature = None
        # MkDocs keeps this instance for the whole process: a build stopped by an
        # interrupt must not leave the next one believing it is a language build
        self._depth = 0
        self._preview = Preview()

    def _render_pages(self, config: Any) -> Any:
        self.settings = self._settings(config)
        self._compiled.keep_out_of(self.settings.root)
        if self.mode == "serve" and self._depth == 0:
            self._preview.build_started(self.settings, config)
        # i18n's language builds run inside the first one's post_build: in one
        # ``mkdocs build`` the pages were rendered for all of them (checking that
        # again costs a scan of every source and catalogue per language)
        if self.mode == "serve" or self._depth == 0:
            self._render(self.settings)
        self._words_of = {}
        return config

    @event_priority(-150)
    def _install_theme(self, config: Any) -> Any:
        """The package's templates, stylesheet and Markdown needs, after i18n reconfigured."""
        config.markdown_extensions = configure.markdown_extensions(config.markdown_extensions)
        theme = config.theme
        if self._depth == 0:  # a new top-level build: the theme's files may have changed
            self._listing.clear()
        self._listing.install(theme)
        if theme.name != configure.THEME_NAME:
            if not self._warned_theme:
                log.warning(
                    f"babelpress's templates extend the {configure.THEME_NAME!r} theme, not "
                    f"{theme.name!r}: pages are rendered, but without the article's metadata "
                    "line, the review notices' styling, per-language search and 404 pages"
                )
                self._warned_theme = True
            return config
        theme.dirs[:] = configure.theme_dirs(theme.dirs, theme.custom_dir)
        config.extra_css = configure.stylesheets(config.extra_css)
        return config

    on_config = CombinedEvent(_render_pages, _install_theme)

    def on_pre_build(self, *, config: Any) -> None:
        self._depth += 1
        self._words_of = {}
        if self._depth == 1:
            # the pages were rendered; in ``mkdocs build`` none changes until the end
            self.news.begin_build(steady=self.mode == "build")

    def on_build_error(self, *, error: Exception) -> None:
        self._depth = 0
        self._preview.build_failed()

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        settings = self.settings or self._settings(config)
        self._preview.serve(server, builder, settings, pages=self.mode == "serve")
        return server

    # ------------------------------------------------------------ news pages
    @event_priority(-110)  # after i18n's on_files (-100), which re-creates every file
    def on_files(self, files: Any, *, config: Any) -> Any:
        if self.settings is None:
            return files
        for refused in sitebuild.drop_outside(files, config.docs_dir, self.settings.root):
            log.warning(refused)
        for warning in self.news.add_pages(files, config, self.settings, self._words(config)):
            log.warning(warning)
        return files

    def _sections(self, nav: Any, *, config: Any, files: Any) -> Any:
        return self.news.navigation(nav, files, config, self._language(config))

    @event_priority(-200)  # after i18n's: the navigation of the language being built
    def _keep_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        if self.mode == "serve":
            self._preview.keep_nav(self._language(config), files, nav)
        return nav

    on_nav = CombinedEvent(_sections, _keep_nav)

    @event_priority(-200)
    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        env.bytecode_cache = self._compiled  # one compilation for all builds
        if self.mode == "serve":
            self._preview.keep_env(self._language(config), config, env)
        return env

    # ------------------------------------------------------------ templates
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        problems = sitebuild.theme_key_problems(page.meta, config["theme"].dirs)
        if problems:
            where = f"{Path(config['docs_dir']).name}/{page.file.src_uri}"
            raise PluginError("\n".join(f"{where}: front matter: {p}" for p in problems))
        # before any template runs: the navigation prints the other pages' titles too
        page.meta = sitebuild.html_values(page.meta)
        return markdown

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        # every page is converted before any template runs: its neighbours print its title
        sitebuild.escape_file_title(page)
        words = self._words(config)
        html = sitebuild.localise_permalinks(html, words)
        mode = self.settings.captions if self.settings else captions.SHOW
        return captions.photo_notes(html, words, mode)

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        language = self._language(config)
        self.news.mark_section(page, language, active=True)
        base_url = context.get("base_url", ".")
        context["babelpress"] = self._context(config, language, base_url, page.meta)
        if isinstance(page.meta, dict):
            structured.shorten_description(page.meta)
        page.toc = sitebuild.toc_with_title(page.toc)
        if self.settings is not None:
            metadata = self.news.page_metadata(page, config, self.settings, language)
            context["babelpress"]["metadata"] = metadata
        return context

    def on_template_context(self, context: Any, *, template_name: str, config: Any) -> Any:
        language = self._language(config)
        context["babelpress"] = self._context(config, language, context.get("base_url", "."), None)
        if template_name == sitebuild.NOT_FOUND:
            self._switch_to_home_pages(config)
        return context

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        self.news.mark_section(page, self._language(config), active=False)
        return sitebuild.drop_head_alternates(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        return sitebuild.drop_head_alternates(output_content)

    # ------------------------------------------------------------ after a build
    @event_priority(50)
    def _write_feed(self, *, config: Any) -> None:
        if self.settings is not None:
            self.news.write_feed(config, self.settings, self._words(config))

    @event_priority(50)
    def _keep_not_found(self, *, config: Any) -> None:
        """Each language build's 404 page goes to its folder (before i18n builds the next)."""
        site_dir = Path(config.site_dir)
        data = sitebuild.read_not_found(site_dir)
        language = self._language(config)
        if data is None:
            return
        if language == self._default:
            self._not_found = data
        else:
            sitebuild.write_not_found(site_dir, language, self._default, data)

    @event_priority(-200)
    def _finish(self, *, config: Any) -> None:
        """After the last language: German 404 back at the root, search split per language."""
        self._depth = max(0, self._depth - 1)
        if self._depth:
            return
        site_dir = Path(config.site_dir)
        if self._not_found is not None:
            sitebuild.write_not_found(site_dir, self._default, self._default, self._not_found)
        held = sitebuild.search_index_held(config.plugins)
        sitebuild.split_search_index(site_dir, self._default, self._languages, held)
        sitebuild.write_robots(site_dir, config.site_url, Path(config.docs_dir))
        if self.mode == "serve":
            self._preview.build_finished()

    on_post_build = CombinedEvent(_write_feed, _keep_not_found, _finish)

    # ------------------------------------------------------------ helpers
    @property
    def _default(self) -> str:
        return self.settings.source_language if self.settings else "de"

    @property
    def _languages(self) -> list[str]:
        targets = list(self.settings.languages) if self.settings else []
        return [self._default, *targets]

    def _language(self, config: Any) -> str:
        """The language being built: the i18n plugin sets the theme's language per build."""
        language = config.theme.get("language") or config.theme.get("locale")
        return str(language) if language else self._default

    def _context(self, config: Any, language: str, base_url: str, meta: Any) -> dict[str, Any]:
        return sitebuild.template_context(
            language=language,
            default_language=self._default,
            languages=self._languages,
            base_url=base_url,
            words=self._words(config, language),
            meta=meta,
            feed=bool(config.site_url),
        )

    def _words(self, config: Any, language: str | None = None) -> sitetext.Words:
        """The site's words in the language being built (German without settings).

        Read once per build, so a saved ``_site.po`` shows in the next preview build;
        errors in it were reported by the render.  *language*: the one being built,
        where the caller knows it already.
        """
        language = language or self._language(config)
        if self.settings is None:
            return sitetext.load_german(language)
        if language not in self._words_of:
            drafts = self.mode == "serve" or self.settings.publish_drafts
            self._words_of[language] = sitetext.load(self.settings, language, drafts=drafts)
        return self._words_of[language]

    def _switch_to_home_pages(self, config: Any) -> None:
        """Point the language switcher (``extra.alternate``) at each language's home page.

        i18n stores the switcher of the page rendered last as an *attribute* of
        ``extra`` (which the templates read before the item of the same name) and
        resets it for every page, so this changes the 404 page only.
        """
        extra = config.extra
        alternates = getattr(extra, "alternate", None) or extra.get("alternate")
        if not isinstance(alternates, list):
            return
        homes = sitebuild.home_alternates(alternates, config.site_url, self._default)
        extra.alternate = homes
        extra["alternate"] = homes

    def _settings(self, config: Any) -> bp_config.Settings:
        """Settings from the block MkDocs has validated with :class:`config.PluginConfig`."""
        root = Path(config.config_file_path or ".").resolve().parent
        docs_dir = Path(os.path.relpath(config.docs_dir, root)).as_posix()
        return bp_config.Settings.from_config(self.config, root=root, docs_dir=docs_dir)

    def _render(self, settings: bp_config.Settings) -> None:
        if self._signature is not None and render.signature(settings, self.mode) == self._signature:
            return
        try:
            report = render.render_all(settings, mode=self.mode, facts=page_facts)
        except BabelpressError as exc:
            raise PluginError(str(exc)) from exc
        render.log_warnings(report, log)
        if report.errors and self.mode == "build":
            raise PluginError("\n".join(str(error) for error in report.errors))
        for error in report.errors:
            log.error(str(error))
        log.info(
            f"rendered {len(report.pages)} page(s) into {', '.join(settings.languages)}: "
            f"{len(report.written)} written, {len(report.removed)} removed"
        )
        self._preview.wrote([*report.written, *report.removed])
        for result in report.pages:
            # the listings and editions of the build need no read of the rendered pages
            if result.facts:
                self.news.reader.know(result.target, PageInfo.from_json(result.facts))
        # inputs and outputs as they are now, after this render wrote its files; only
        # the preview renders again in the same process (a build renders once)
        if self.mode == "serve":
            self._signature = render.signature(settings, self.mode)

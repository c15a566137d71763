"""The plugin's news pages: listing pages, navigation of sections, previous/next, feed.

The MkDocs side of :mod:`babelpress.site.archive`, :mod:`~babelpress.site.listing`
and :mod:`~babelpress.site.feed`; the plugin calls :class:`NewsSite` from its events.
For each language build (mkdocs-static-i18n builds the languages one after the
other):

1. ``on_files``, after i18n's (which picks the language's files): read the front
   matter of the language's pages, plan the listing pages and add them as
   in-memory files (``File.generated``) at the same paths in every language --
   nothing is written into ``docs/``, so ``mkdocs serve`` sees no change of its
   own making.  i18n re-creates every file from its source path in *its*
   ``on_files``, which is why the pages are added after it, with the attributes
   i18n gives its own files (``alternates`` for the language switcher and the
   sitemap, ``locale``).  A page of the project at the same place (a hand-kept
   ``index.md``) wins, with a warning.
2. ``on_nav``: the navigation is the sections -- front page, archive and the
   pages that are not articles (``layout: page``) -- never the articles, so each
   page's navigation is three or four links however large the archive.  A
   ``nav`` set in ``mkdocs.yml`` is kept as it is.  Previous/next of an article
   follow the archive's order: *previous* is the next older article, *next* the
   next newer one; other pages have none.  While a page of a year is rendered,
   the archive's section is marked active (``on_page_context``/``on_post_page``).
3. ``on_page_context``: the page's machine-readable data
   (:mod:`babelpress.site.structured`): Open Graph for every page, and for an
   article (published in this language) its ``NewsArticle`` linked to its other
   editions -- the original and the translations that are published, found
   through i18n's ``alternates`` of the page and their front matter.
4. ``on_post_build``: the language's news feed, ``feed/atom.xml`` in its folder,
   and the sitemap of its articles beside it (only with ``site_url`` set: a
   feed's links must be absolute).
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.structure.files import File, Files

from babelpress.config import Settings
from babelpress.fsutil import atomic_write
from babelpress.site import archive, listing, structured
from babelpress.site import feed as sitefeed
from babelpress.site import words as sitetext
from babelpress.site.articles import Article, ArticleReader, ordered
from babelpress.site.build import language_prefix


@dataclass
class _Build:
    """What one language build planned, for its later events."""

    articles: list[str] = field(default_factory=list)
    #: the same, to ask whether a page is an article (once per page of the build)
    article_set: frozenset[str] = frozenset()
    sections: list[str] = field(default_factory=list)
    listings: dict[str, str] = field(default_factory=dict)
    year_pages: set[str] = field(default_factory=set)
    #: the archive's page in the navigation (set by on_nav)
    archive: Any = None
    #: the folders of the language built and of the default language (``en``, ``de``)
    folders: tuple[str, ...] = ()
    latest: tuple[Article, ...] = ()


class NewsSite:
    """The news pages of every language, across the builds of one MkDocs run."""

    def __init__(self) -> None:
        self.reader = ArticleReader()
        self.builds: dict[str, _Build] = {}

    def begin_build(self, *, steady: bool) -> None:
        """A build of every language starts (see :meth:`ArticleReader.begin_build`)."""
        self.reader.begin_build(steady=steady)

    # ------------------------------------------------------------ on_files
    def add_pages(
        self, files: Files, config: Any, settings: Settings, words: sitetext.Words
    ) -> list[str]:
        """Plan and add the listing pages of the language of *words* to *files*; return warnings."""
        language = words.language
        build = _Build(folders=(language, settings.source_language))
        self.builds[language] = build
        warnings: list[str] = []
        articles: list[Article] = []
        for file in files.documentation_pages():
            if file.abs_src_path is None:
                continue
            shown = partial(_shown, file.abs_src_path, settings.root)
            info = self.reader.read(file.abs_src_path, shown)
            warnings.extend(info.warnings)
            if info.is_article:
                articles.append(info.article(_page_path(file), _url(file)))
            else:
                build.sections.append(file.src_uri)
        by_url = {_url(file): file.src_uri for file in files.documentation_pages()}
        build.articles = [by_url[article.url] for article in ordered(articles)]
        build.article_set = frozenset(build.articles)
        plan = archive.plan(
            articles,
            front_page=settings.front_page_articles,
            per_page=settings.archive_page_articles,
        )
        build.latest = plan.listings[0].articles
        warnings += self._add_listings(files, config, settings, words, plan, build)
        return warnings

    def _add_listings(
        self,
        files: Files,
        config: Any,
        settings: Settings,
        words: sitetext.Words,
        plan: archive.Plan,
        build: _Build,
    ) -> list[str]:
        language = words.language
        default = settings.source_language
        prefix = language_prefix(language, default)
        taken = {file.dest_uri: file for file in files}
        warnings = []
        added = []
        for page in plan.listings:
            dest = _dest(page.path, prefix)
            if dest in taken:
                where = _shown(taken[dest].abs_src_path or taken[dest].src_uri, settings.root)
                warnings.append(
                    f"{where} takes the place of the generated page {page.path!r}; "
                    "remove it to get the generated one"
                )
                build.listings[page.path] = taken[dest].src_uri
                continue
            text = listing.listing_page(
                page, plan, words, prefix=prefix, directory_urls=config.use_directory_urls
            )
            file = File.generated(config, f"{language}/{page.path}", content=text)
            file.dest_uri = dest
            file.edit_uri = None
            _as_i18n_file(file, page.path, language, [default, *settings.languages], config)
            files.append(file)
            added.append(file)
            build.listings[page.path] = file.src_uri
            if page.kind == "year":
                build.year_pages.add(file.src_uri)
        _register_for_sitemap(config, language, added)
        return warnings

    # ------------------------------------------------------------ on_nav
    def navigation(self, nav: Any, files: Files, config: Any, language: str) -> Any:
        """Sections instead of every article; previous/next by date (see the module docstring)."""
        build = self.builds.get(language)
        if build is None:
            return nav
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.previous_page = file.page.next_page = None
        pages = [_page(files, uri, build.folders) for uri in build.articles]
        for newer, older in pairwise(pages):
            if newer is not None and older is not None:
                newer.previous_page, older.next_page = older, newer
        if config.nav is not None:
            return nav
        uris = [build.listings.get(archive.FRONT), build.listings.get(archive.ARCHIVE)]
        uris += sorted(build.sections)
        found = (_page(files, uri, build.folders) for uri in uris if uri)
        items = [page for page in found if page is not None]
        for page in items:
            page.parent = None
        build.archive = _page(files, build.listings.get(archive.ARCHIVE, ""), build.folders)
        nav.items = items
        nav.pages = list(items)
        nav.homepage = items[0] if items else None
        return nav

    # ------------------------------------------------------------ on_page_context
    def mark_section(self, page: Any, language: str, active: bool) -> None:
        """Mark the archive's section (in)active while one of the year pages is rendered."""
        build = self.builds.get(language)
        if build is None or build.archive is None or page.file.src_uri not in build.year_pages:
            return
        build.archive.active = active

    # ------------------------------------------------------------ page head
    def page_metadata(
        self, page: Any, config: Any, settings: Settings, language: str
    ) -> dict[str, Any]:
        """Open Graph tags (``og``) and JSON-LD (``json_ld``, or None) of *page*."""
        site_url = config.site_url or ""
        prefix = language_prefix(language, settings.source_language)
        meta = page.meta if isinstance(page.meta, dict) else {}
        about = structured.Page(
            language=language,
            title=_plain_title(page.title) or str(config.site_name),
            meta=meta,
            site_name=str(config.site_name),
            url=page.canonical_url or None,
            home_url=_under(site_url, prefix) if site_url else None,
            site_description=str(config.site_description or ""),
        )
        build = self.builds.get(language)
        review = meta.get("babelpress")
        held_back = isinstance(review, dict) and review.get("published") is False
        if build is None or page.file.src_uri not in build.article_set or held_back:
            return {"og": structured.open_graph(about, article=False), "json_ld": None}
        editions = self._editions(page.file, site_url, settings)
        default = settings.source_language
        original = editions.get(default) if language != default else None
        translations = [e for lang, e in editions.items() if lang != default]
        data = structured.news_article(about, original=original, translations=translations)
        others = [lang for lang in editions if lang != language]
        og = structured.open_graph(about, article=True, alternates=others)
        return {"og": og, "json_ld": structured.json_ld(data)}

    def _editions(
        self, file: File, site_url: str, settings: Settings
    ) -> dict[str, structured.Edition]:
        """The published editions of the article *file* is one edition of, by language.

        A language whose page is the original standing in (i18n's fallback, or a
        rendered page below ``min_reviewed``) has no edition.
        """
        alternates = getattr(file, "alternates", None) or {}
        default = settings.source_language
        source = alternates.get(default)
        found = {}
        for language in (default, *settings.languages):
            other = alternates.get(language)
            if other is None:
                continue
            if language != default and not self._translation(other, source, settings):
                continue
            url = _under(site_url, other.url) if site_url else None
            found[language] = structured.Edition(language, url)
        return found

    def _translation(self, file: File, source: File | None, settings: Settings) -> bool:
        if file.abs_src_path is None:
            return False
        if source is not None and file.abs_src_path == source.abs_src_path:
            return False
        shown = partial(_shown, file.abs_src_path, settings.root)
        return self.reader.read(file.abs_src_path, shown).published

    # ------------------------------------------------------------ on_post_build
    def write_feed(self, config: Any, settings: Settings, words: sitetext.Words) -> Path | None:
        """Write the language's feed and its sitemap (None: no ``site_url``, no feed)."""
        language = words.language
        build = self.builds.get(language)
        if build is None or not config.site_url:
            return None
        prefix = language_prefix(language, settings.source_language)
        home = sitefeed.absolute_url(config.site_url, prefix)
        data = sitefeed.atom_feed(
            build.latest,
            language=language,
            title=str(config.site_name),
            description=words.text("feed.description", site=config.site_name),
            home_url=home,
            feed_url=home + sitefeed.FEED_PATH,
            site_url=config.site_url,
        )
        folder = Path(config.site_dir) / prefix
        sitemap = sitefeed.feed_sitemap(build.latest, site_url=config.site_url)
        atomic_write(folder / sitefeed.FEED_SITEMAP, sitemap, durable=False)
        atomic_write(folder / sitefeed.FEED_PATH, data, durable=False)
        return folder / sitefeed.FEED_PATH


# ------------------------------------------------------------------ helpers
def _under(site_url: str, url: str) -> str:
    """``urljoin(site_url, url)``, without parsing both for the usual case: MkDocs ends
    ``site_url`` with a slash and gives pages relative URLs like ``en/a/``."""
    plain = site_url.endswith("/") and "?" not in site_url and "#" not in site_url
    if plain and url and url[0] not in "./#?" and ":" not in url:
        return site_url + url
    return urljoin(site_url, url)


def _url(file: File) -> str:
    """The file's site-relative URL, ``""`` for the site's root."""
    return "" if file.url in ("./", ".") else file.url


def _page_path(file: File) -> str:
    """The page's path in its language folder, without ``.md``."""
    uri = getattr(file, "norm_src_uri", None) or file.src_uri
    return uri[: -len(".md")] if uri.endswith(".md") else uri


def _dest(path: str, prefix: str) -> str:
    """Where a listing page at source *path* (always an ``index.md``) is written."""
    return f"{prefix}{path[: -len('.md')]}.html"


def _page(files: Files, src_uri: str, folders: tuple[str, ...] = ()) -> Any:
    """The page of the file at *src_uri*, one of the build's own (None: no such page).

    A path in one of the *folders* (the languages of the build) is looked up as it
    is: i18n's ``get_file_from_path`` tries it first too, and builds a list of
    candidate paths with ``PurePath`` first -- for every article of the archive.
    """
    if not src_uri:
        return None
    file = files.src_uris.get(src_uri) if src_uri.split("/", 1)[0] in folders else None
    if file is None:
        file = files.get_file_from_path(src_uri)
    return file.page if file is not None else None


def _shown(path: str, root: Path) -> str:
    """*path* relative to the project root where it is inside it (for messages)."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:
        return path


def _as_i18n_file(file: File, path: str, language: str, languages: list[str], config: Any) -> None:
    """Give a generated page what mkdocs-static-i18n gives the files it picked.

    ``alternates`` maps each language to its version of the page (same path in
    every language): the language switcher and the sitemap read it.
    """
    default = languages[0]
    alternates = {language: file}
    for other in languages:
        if other != language:
            alternates[other] = File(
                f"{other}/{path}",
                src_dir=None,
                dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls,
                dest_uri=_dest(path, language_prefix(other, default)),
            )
    file.alternates = alternates  # type: ignore[attr-defined]
    file.locale = file.locale_alternate_of = file.localization = language  # type: ignore[attr-defined]
    file.norm_src_uri = path  # type: ignore[attr-defined]


def _register_for_sitemap(config: Any, language: str, added: list[File]) -> None:
    """Add generated pages to i18n's per-language lists, which its sitemap template reads."""
    i18n = config.plugins.get("i18n")
    per_language = getattr(i18n, "i18n_files_per_language", None)
    if isinstance(per_language, dict) and isinstance(per_language.get(language), list):
        per_language[language].extend(added)


def _plain_title(title: Any) -> str:
    """The text of MkDocs' page title, which is HTML: escaped front matter
    (:class:`~markupsafe.Markup`) or a heading's content."""
    if not title:
        return ""
    return title.unescape() if isinstance(title, Markup) else html.unescape(str(title))

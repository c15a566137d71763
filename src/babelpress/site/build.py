"""What the site needs beyond the rendered pages, as plain functions the plugin calls.

mkdocs-static-i18n builds the site once per language into one ``site/``
directory (German at ``/``, the others under ``/<lang>/``).  Two things come out
of that wrong, and are put right here after the last language is built:

1. **Search** -- the i18n plugin leaves one search index at ``/search/`` holding
   the pages of every language, searched with every stemmer at once, so a reader
   on ``/ru/`` gets German and English hits too.  :func:`split_search_index`
   writes one index per language, each with only its own pages and only its own
   lunr language (German stemmer at ``/search/``, English at ``/en/search/``,
   Russian at ``/ru/search/``); the theme points each language's pages at their
   index (``search_base``).
2. **404** -- every language build writes ``/404.html``, so the last language
   built wins.  The plugin keeps each build's page: German at ``/404.html``,
   the others at ``/<lang>/404.html`` (served by hosts that support one error page
   per folder).  The German page also carries a small script that sends readers
   of a missing ``/<lang>/...`` URL to that language's 404 page, for hosts with a
   single error page.  A 404 page's language switcher leads to the home pages.

3. **hreflang** -- the theme writes the language alternates into every page's
   head as relative links (``<link rel="alternate" href="../en/..."
   hreflang="en">``), which search engines ignore (they want absolute URLs), and
   its script then fetches a ``sitemap.xml`` next to each of them -- a page's
   folder has none, so every page view made three or four requests that failed
   with 404.  :func:`drop_head_alternates` removes them; the alternates of every
   page, absolute and with ``x-default``, are in ``/sitemap.xml``
   (the package theme's ``sitemap.xml``), and the language switcher is unchanged.

It also prepares the template context: the site's words in the page's language
(:mod:`babelpress.site.words`) and the article's metadata line (author, date,
source, translator) from ``page.meta``; and it titles the headings' permalinks in
the page's language.

4. **Front matter is text, the theme prints HTML** -- MkDocs' Jinja environment
   does not autoescape, and the theme prints ``page.meta.title``,
   ``page.meta.description``, ``page.meta.author`` and every page's title in the
   navigation as they are (a title MkDocs takes from a heading is already HTML).
   Front matter comes from seeds, ``meta.yml`` and catalogues, so
   :func:`html_values` turns each of its strings into escaped HTML
   (:class:`markupsafe.Markup`) before any template sees it; ``| e`` on a value
   that is already Markup leaves it as it is, so nothing is escaped twice.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup, escape

from babelpress.fsutil import OutsideProject, atomic_write, confined, folders_remembered
from babelpress.site import structured
from babelpress.site import words as sitetext
from babelpress.site.feed import FEED_PATH
from babelpress.site.feed import MEDIA_TYPE as FEED_TYPE

SEARCH_INDEX = Path("search") / "search_index.json"
NOT_FOUND = "404.html"


def language_prefix(language: str, default_language: str) -> str:
    """``""`` for the default language, ``"en/"`` for English."""
    return "" if language == default_language else f"{language}/"


# ------------------------------------------------------------------ files
def drop_outside(files: Any, docs_dir: str, root: Path) -> list[str]:
    """Take out of MkDocs' *files* each file of *docs_dir* whose real location is
    outside the project, and say so (one message a file).

    MkDocs follows symbolic links in the docs folder and publishes what they lead to
    (a link to ``/proc/self/environ``, a linked folder of another project): only the
    pages babelpress reads are refused elsewhere, every other file is refused here.
    """
    inside = os.path.join(os.path.abspath(docs_dir), "")
    refused = []
    with folders_remembered():
        for file in list(files):
            path = getattr(file, "abs_src_path", None)
            if not path or not os.path.abspath(path).startswith(inside):
                continue  # the theme's files, or pages made in memory
            try:
                confined(path, root)
            except OutsideProject as exc:
                files.remove(file)
                refused.append(f"{exc.shown_from(root)} (not published)")
    return refused


# ------------------------------------------------------------------ search
def split_search_index(
    site_dir: Path,
    default_language: str,
    languages: Iterable[str],
    combined: Mapping[str, Any] | None = None,
) -> bool:
    """Split the combined search index into one index per language; False if none.

    *combined* is the index the search plugin just wrote, as it holds it (its
    ``config`` and ``docs``); without it the index is read back from the site.
    """
    if combined is None:
        try:
            combined = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
    others = [language for language in languages if language != default_language]
    buckets: dict[str, list[dict[str, Any]]] = {default_language: []}
    buckets.update({language: [] for language in others})
    for entry in combined.get("docs", []):
        language = _entry_language(entry.get("location", ""), others) or default_language
        prefix = language_prefix(language, default_language)
        buckets[language].append({**entry, "location": entry["location"][len(prefix):]})
    for language, entries in buckets.items():
        config = {**combined.get("config", {}), "lang": [_lunr_language(language)]}
        # default=str: what the search plugin itself does with a value JSON lacks
        data = json.dumps({"config": config, "docs": entries}, separators=(",", ":"), default=str)
        target = site_dir / language_prefix(language, default_language) / SEARCH_INDEX
        atomic_write(target, data, durable=False)
    return True


#: what material's search plugin writes of its settings into the index (``config``)
_SEARCH_SETTINGS = ("lang", "separator", "pipeline", "fields")


def search_index_held(plugins: Mapping[str, Any]) -> dict[str, Any] | None:
    """The index material's search plugin last wrote, as the plugin holds it (its
    ``config`` and ``docs``), so it need not be read back; None for another plugin.

    At N = 1000 articles reading the index back was a quarter of a second.
    """
    for name in ("material/search", "search"):
        plugin = plugins.get(name)
        if plugin is None or not type(plugin).__module__.startswith("material."):
            continue
        index = getattr(plugin, "search_index", None)
        entries, settings = getattr(index, "entries", None), getattr(index, "config", None)
        if isinstance(entries, list) and isinstance(settings, Mapping):
            held = {key: settings[key] for key in _SEARCH_SETTINGS if key in settings}
            return {"config": held, "docs": entries}
    return None


def _entry_language(location: str, languages: Iterable[str]) -> str | None:
    for language in languages:
        if location == language or location.startswith(f"{language}/"):
            return language
    return None


def _lunr_language(language: str) -> str:
    base = language.replace("-", "_").split("_", 1)[0].lower()
    return base if base in lunr_languages() else "en"


@functools.lru_cache(maxsize=1)
def lunr_languages() -> frozenset[str]:
    """The languages mkdocs-material's search worker has a lunr stemmer for (and English)."""
    try:
        import material
    except ImportError:  # pragma: no cover - material is a dependency
        return frozenset({"en"})
    folder = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    names = {path.name.split(".")[1] for path in folder.glob("lunr.*.min.js")}
    return frozenset((names - {"multi", "stemmer"}) | {"en"})


def search_base(base_url: str, language: str, default_language: str) -> str | None:
    """Where the theme looks for ``search/search_index.json`` (None: the site root)."""
    if language == default_language:
        return None
    return f"{base_url.rstrip('/')}/{language}/"


# ------------------------------------------------------------------ skip link
#: the id of the page's title where the theme writes it (``partials/content.html``)
TITLE_ID = "__title"


def toc_with_title(toc: Any) -> Any:
    """*toc* under an entry for the page's title when it has none.

    The theme's "Skip to content" link leads to the first entry of the table of
    contents: without a title of its own in the Markdown (babelpress's templates write
    it), that was the first subheading, past the title, byline and opening paragraphs,
    and a page without subheadings had no skip link at all.  The theme shows the
    children of a title entry as the table of contents, so what readers see is the same.
    """
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    items = list(toc or [])
    if items and items[0].level == 1:
        return toc
    title = AnchorLink("", TITLE_ID, 1)
    title.children = items
    return TableOfContents([title])


# ------------------------------------------------------------------ robots.txt
ROBOTS = "robots.txt"


def write_robots(site_dir: Path, site_url: str | None, docs_dir: Path) -> bool:
    """``robots.txt`` at the site's root naming its sitemap, so crawlers find it (a
    sitemap must be given by its absolute URL: none without ``site_url``); a site's own
    ``robots.txt`` in its docs folder is left as MkDocs copied it."""
    if not site_url or (docs_dir / ROBOTS).exists():
        return False
    sitemap = urljoin(site_url if site_url.endswith("/") else f"{site_url}/", "sitemap.xml")
    data = f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"
    return atomic_write(site_dir / ROBOTS, data, durable=False)


# ------------------------------------------------------------------ 404
def read_not_found(site_dir: Path) -> bytes | None:
    try:
        return (site_dir / NOT_FOUND).read_bytes()
    except OSError:
        return None


def write_not_found(site_dir: Path, language: str, default_language: str, data: bytes) -> None:
    target = site_dir / language_prefix(language, default_language) / NOT_FOUND
    atomic_write(target, data, durable=False)


def home_alternates(
    alternates: Iterable[Mapping[str, Any]], site_url: str | None, default_language: str
) -> list[dict[str, Any]]:
    """The language switcher of a page that exists in no language (404): each home page.

    mkdocs-static-i18n points the switcher at the page rendered last, and a 404
    page is rendered after the pages of the language built before it, so its
    switcher would lead to some article.  Links are site-absolute, as a 404 page's are.
    """
    base = urlsplit(site_url or "").path.rstrip("/")
    return [
        {**alt, "link": f"{base}/{language_prefix(str(alt.get('lang')), default_language)}"}
        for alt in alternates
    ]


# ------------------------------------------------------------------ page head
#: an alternate link; the indentation before it goes with it (see drop_head_alternates)
_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
#: how every match of _HEAD_ALTERNATE begins
_ALTERNATE_START = '<link rel="alternate" href="'


def drop_head_alternates(page: str) -> str:
    """*page* without the language alternates in its head (see the module docstring).

    Each link goes with the spaces and tabs before it on its line.  The search
    starts at the literal ``<link``: a pattern that began with the indentation
    would be tried at every character of the head, a tenth of a millisecond per page.
    The places the pattern is tried are found by ``str.find`` of that literal: the
    same places ``finditer`` would try, found several times faster than by the
    regular expression engine's own scan.
    """
    head_end = page.find("</head>")
    if head_end < 0 or page.find('hreflang="', 0, head_end) < 0:
        return page
    kept: list[str] = []
    done = 0
    at = page.find(_ALTERNATE_START, 0, head_end)
    while at >= 0:
        match = _HEAD_ALTERNATE.match(page, at, head_end)
        if match is None:
            at = page.find(_ALTERNATE_START, at + 1, head_end)
            continue
        start = at
        while start > done and page[start - 1] in " \t":
            start -= 1
        kept.append(page[done:start])
        done = match.end()
        at = page.find(_ALTERNATE_START, done, head_end)
    if not kept:
        return page
    kept.append(page[done:])
    return "".join(kept)


# ------------------------------------------------------------------ page content
_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")[^"]*(")')


def localise_permalinks(content: str, words: sitetext.Words) -> str:
    """The headings' permalinks titled in the page's language (the toc extension has one)."""
    if 'class="headerlink"' not in content:
        return content
    title = html.escape(words.text("permalink"), quote=True)
    return _PERMALINK.sub(lambda match: f"{match[1]}{title}{match[2]}", content)


# ------------------------------------------------------------------ templates
def html_values(value: Any) -> Any:
    """*value* with every string in it escaped as HTML text (see the module docstring).

    Mappings (their keys too) and lists are copied, once each however often YAML's
    aliases repeat them (a few lines of aliases can name billions of values); numbers,
    dates, booleans and None are kept; anything else (a set, bytes) becomes its text,
    escaped: a template prints it as ``str(value)``.
    """
    return _html_values(value, {})


#: values a template prints without markup of their own
_PLAIN = (bool, int, float, datetime.date, type(None))


def _html_values(value: Any, copies: dict[int, Any]) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, _PLAIN):
        return value
    if id(value) in copies:
        return copies[id(value)]
    if isinstance(value, Mapping):
        mapping: dict[Any, Any] = {}
        copies[id(value)] = mapping
        for key, item in value.items():
            # a key reaches a page too: material prints a mapping as ``str(mapping)``
            mapping[_html_key(key)] = _html_values(item, copies)
        return mapping
    if isinstance(value, (list, tuple)):
        items: list[Any] = []
        copies[id(value)] = items
        items.extend(_html_values(item, copies) for item in value)
        return items
    return escape(str(value))


def _html_key(key: Any) -> Any:
    return key if isinstance(key, _PLAIN) else escape(str(key))


#: a template the theme may be told to use: a file name under its folders, no way up
_TEMPLATE_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*(?:/[\w-]+(?:\.[\w-]+)*)*")


#: a template that shows a page: it extends the theme's page (material's redirect.html
#: does not, and writes the front matter's ``location`` into a script)
_EXTENDS_PAGE = re.compile(r"\{%-?\s*extends\s+[\"'](?:main|base)\.html[\"']")


def _page_template(name: str, template_dirs: Iterable[str]) -> bool:
    """*name* is, in the first of *template_dirs* that has it (as Jinja looks it up), a
    template extending the theme's page, or the page itself."""
    for folder in template_dirs:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            if name == "main.html":
                return True
            with open(path, encoding="utf-8", errors="replace") as handle:
                return _EXTENDS_PAGE.search(handle.read(_TEMPLATE_HEAD)) is not None
    return False


#: a template names what it extends in its first lines
_TEMPLATE_HEAD = 4096


def theme_key_problems(meta: Mapping[str, Any], template_dirs: Iterable[str]) -> list[str]:
    """What in a page's front matter the theme would fail on, each as a message.

    Front matter is input (seeds, ``meta.yml``, hand-edited pages): material reads
    ``hide`` as a list of names, ``search`` as a mapping, ``icon`` as the name of one of
    its icons, MkDocs ``template`` as the name of a template file in one of
    *template_dirs*; any other value ended the build in a traceback.
    """
    problems = []
    hide = meta.get("hide")
    if hide is not None and not (
        isinstance(hide, list) and all(isinstance(item, str) for item in hide)
    ):
        problems.append("'hide' must be a list of names (navigation, toc, footer, …)")
    if meta.get("search") is not None and not isinstance(meta["search"], Mapping):
        problems.append("'search' must be a mapping (exclude: true, boost: 2)")
    template = meta.get("template")
    if template is not None and not (
        isinstance(template, str)
        and _TEMPLATE_NAME.fullmatch(template)
        and _page_template(template, template_dirs)
    ):
        problems.append(
            "'template' must name a page template of the theme, one that shows the page "
            "(main.html, or one extending it)"
        )
    icon = meta.get("icon")
    if icon is not None and not (
        isinstance(icon, str)
        and _TEMPLATE_NAME.fullmatch(icon)
        and any(os.path.isfile(os.path.join(d, ".icons", f"{icon}.svg")) for d in template_dirs)
    ):
        problems.append("'icon' must name an icon of the theme (material/newspaper-variant)")
    return problems


def escape_file_title(page: Any) -> None:
    """Escape the title MkDocs makes from *page*'s file name (no ``title:``, no heading):
    the theme prints titles as they are (a heading's is HTML already), and a file name
    may hold markup (``<img src=x onerror=…>.md``)."""
    if page.meta.get("title") or page.is_homepage:
        return
    title = page.title
    if not isinstance(title, str) or isinstance(title, Markup):
        return
    from_name = page.file.name.replace("-", " ").replace("_", " ")
    if from_name.lower() == from_name:  # as MkDocs capitalises it
        from_name = from_name.capitalize()
    if title == from_name:
        page.meta["title"] = escape(title)


def _text(value: Any) -> Any:
    """The plain text of a value :func:`html_values` escaped (others unchanged)."""
    return value.unescape() if isinstance(value, Markup) else value


def template_context(
    *,
    language: str,
    default_language: str,
    languages: Iterable[str],
    base_url: str,
    words: sitetext.Words,
    meta: Mapping[str, Any] | None = None,
    feed: bool = False,
) -> dict[str, Any]:
    """The ``babelpress`` variable of the theme templates for one page or template.

    *words* are the site's words for *language* (:func:`babelpress.site.words.load`);
    ``texts`` gives the templates each word by its key.  With *feed*, ``feed_url``
    is where the language's news feed is (else None).
    """
    context = _site_context(language, default_language, tuple(languages), base_url, feed)
    return {
        **context,
        "texts": words.texts,
        "byline": byline(meta or {}, language, default_language, words),
    }


@functools.lru_cache(maxsize=256)
def _site_context(
    language: str, default_language: str, languages: tuple[str, ...], base_url: str, feed: bool
) -> dict[str, Any]:
    """The part of :func:`template_context` that is the same for every page of a language.

    Shared between pages: the templates only read it.
    """
    prefix = language_prefix(language, default_language)
    root = base_url.rstrip("/")
    return {
        "language": language,
        "default_language": default_language,
        "languages": [lang for lang in languages if lang != default_language],
        "search_base": search_base(base_url, language, default_language),
        "home_url": f"{root}/{prefix}",
        "feed_url": f"{root}/{prefix}{FEED_PATH}" if feed else None,
        "feed_type": FEED_TYPE,
    }


def byline(
    meta: Mapping[str, Any], language: str, default_language: str, words: sitetext.Words
) -> list[dict[str, str]]:
    """The metadata line of an article: label, text and link of each known field.

    Texts and links are plain text (the template escapes them), whether *meta* is
    the front matter as read or after :func:`html_values`.
    The date also has a ``datetime`` (``YYYY-MM-DD``), for a ``<time>`` element.

    ``translator`` in a German page's front matter names who translated the German
    article (from its original language): on the German page it is the
    translation credit, on a translated page the German translation's.  A
    translated page that is a machine translation throughout, none of it reviewed,
    says so as its own translation credit (``machine`` in the page's review record);
    a page only partly so says it in its notice, passage by passage.
    """
    items: list[dict[str, str]] = []

    def add(key: str, label: str, text: str, href: str = "", datetime: str = "") -> None:
        if text:
            item = {"key": key, "label": words.text(label), "text": text, "href": href}
            items.append({**item, "datetime": datetime} if datetime else item)

    add("author", "meta.author", _names(meta.get("author")))
    add("contributors", "meta.contributors", _names(meta.get("contributors")))
    when = meta.get("date")
    if isinstance(when, Mapping):  # material's {created: …, updated: …}
        when = when.get("created")
    if when:
        day = structured.day(_text(when)) or ""
        add("date", "meta.date", str(sitetext.date(_text(when), language)), datetime=day)
    source = _text(meta.get("source"))
    if isinstance(source, str) and source.strip():
        text, href = _source(source.strip())
        add("source", "meta.source", text, href)
    translator = _names(meta.get("translator"))
    if language == default_language:
        add("translator", "meta.translator", translator)
        return items
    add("source-translator", "meta.source_translator", translator)
    review = meta.get("babelpress")
    if isinstance(review, Mapping) and review.get("machine"):
        add("translator", "meta.translator", words.text("meta.machine"))
    return items


def _names(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_text(item)) for item in value if item)
    return str(_text(value)).strip() if value else ""


def _source(source: str) -> tuple[str, str]:
    """Text and link of a ``source``: a URL shows its host, a name stays a name."""
    parts = urlsplit(source)
    if parts.scheme in ("http", "https") and parts.netloc:
        return parts.netloc.removeprefix("www."), source
    return source, ""

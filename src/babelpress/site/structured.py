"""What a page tells machines about itself: schema.org ``NewsArticle`` and Open Graph.

Search engines read an article's JSON-LD, link previews (messengers, social
networks) its Open Graph tags.  Both are built here, in Python, from the page's
front matter, in the page's language; the theme only prints them
(``partials/babelpress-metadata.html``).

1. **Editions.**  An article exists in the source language (the original) and in
   every language whose rendered page is published (a page below ``min_reviewed``
   shows the German text and is not a translation).  Each :class:`Edition` is a
   language and an absolute URL (``site_url`` + the page's path): without
   ``site_url`` there are no URLs, so no ``url``, no ``og:url`` and no links
   between the editions.
2. **JSON-LD** (:func:`news_article`): ``headline``, ``description``,
   ``inLanguage`` (BCP 47: ``pt-BR``), ``datePublished`` and ``dateModified``
   where the front matter has them (``date``, ``updated``, or material's
   ``date: {created, updated}``), ``author`` and ``contributor`` as ``Person``,
   ``publisher`` as the ``Organization`` named by the language's site name.  A
   translation points at the original with ``translationOfWork``; the original
   lists its translations in ``workTranslation`` -- both ways, by URL.  The German
   page's ``translator`` (who translated the German article from its original
   language) is the ``translator`` of the German edition only.
3. **Open Graph** (:func:`open_graph`): ``og:type`` (``article`` or ``website``),
   ``og:title``, ``og:description``, ``og:url``, ``og:site_name``, ``og:locale``
   with one ``og:locale:alternate`` per other edition (``de_DE``, ``en_US``, as
   Open Graph writes locales: babel's likely territory of the language), and for
   an article ``article:published_time`` / ``article:modified_time``.
4. **Description.**  A page's description is its article's first paragraph, often
   400 characters and more; search engines show about 155 of them and cut the rest
   mid-word.  :func:`short_description` gives the head (``<meta name=description>``,
   ``og:description``, JSON-LD) at most :data:`DESCRIPTION_CHARS`: whole sentences
   when they fill at least half of it, else whole words and "…".
5. **Escaping.**  :func:`json_ld` writes ``<``, ``>`` and ``&`` as JSON escapes
   (``\\u003c`` …), so no value -- a title with ``</script>`` or ``<!--`` in it --
   can end the script element or change how the browser parses it, and the
   text parses back to the same data with any JSON reader.  The Open Graph
   values are plain strings, escaped by the template where they are printed.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from babel.core import Locale, UnknownLocaleError, get_global, parse_locale
from markupsafe import Markup

SCHEMA = "https://schema.org"
#: a description in a page's head has at most this many characters
DESCRIPTION_CHARS = 160
#: the end of a sentence: a word of three letters or more, then ., ! or ? (not "Dr.")
_SENTENCE_END = re.compile(r"(?<=\w\w\w[.!?])[\"“”»«'’)]?(?=\s)")
#: characters that could end a script element or open a comment inside one
_SCRIPT_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


@dataclass(frozen=True)
class Edition:
    """One language version of an article: its language and absolute URL."""

    language: str
    #: absolute (None: no ``site_url``, so no link to it)
    url: str | None


@dataclass(frozen=True)
class Page:
    """What :func:`news_article` and :func:`open_graph` need to know about one page."""

    language: str
    title: str
    meta: Mapping[str, Any]
    site_name: str
    #: the page's absolute URL (None: no ``site_url``)
    url: str | None = None
    #: the language's home page, absolute (None: no ``site_url``)
    home_url: str | None = None
    #: the site's description, for pages without one of their own
    site_description: str = ""


def short_description(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """*text* for a page's head: itself when it fits in *limit* characters, else its
    first sentences when they fill half of it or more, else its first words and "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit)]
    if ends and ends[-1] >= limit // 2:
        return text[: ends[-1]]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:–—-") + "…"


def shorten_description(meta: dict[str, Any]) -> None:
    """Make the ``description`` of a page's *meta* :func:`short_description` (the head
    is all that reads it once the page is built)."""
    value = meta.get("description")
    if isinstance(value, str) and len(value) > DESCRIPTION_CHARS:
        meta["description"] = short_description(value)


# ------------------------------------------------------------------ JSON-LD
def news_article(
    page: Page, *, original: Edition | None, translations: Sequence[Edition] = ()
) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` of *page* (see the module docstring).

    *original* is the source-language edition when *page* is a translation (None
    when *page* is the original); *translations* are the other published editions
    of the original (used when *page* is the original).
    """
    meta = page.meta
    data: dict[str, Any] = {"@context": SCHEMA, "@type": "NewsArticle"}
    if page.url:
        data.update({"@id": page.url, "url": page.url, "mainEntityOfPage": page.url})
    data["headline"] = page.title
    description = _text(meta.get("description"))
    if description:
        data["description"] = description
    data["inLanguage"] = bcp47(page.language)
    published, modified = dates(meta)
    if published:
        data["datePublished"] = published
    if modified:
        data["dateModified"] = modified
    for key, field in (("author", "authors"), ("contributor", "contributors")):
        people = _people(meta.get(field, meta.get(key)))
        if people:
            data[key] = people
    if original is None:
        translators = _people(meta.get("translator"))
        if translators:
            data["translator"] = translators
    data["publisher"] = _organisation(page)
    if original is not None and original.url:
        data["translationOfWork"] = _reference(original)
    linked = [_reference(edition) for edition in translations if edition.url]
    if original is None and linked:
        data["workTranslation"] = linked
    return data


def json_ld(data: Mapping[str, Any]) -> str:
    """*data* as the text of a ``<script type="application/ld+json">`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    # str.replace, not str.translate: a mapping table is slow on non-ASCII text
    for char, escaped in _SCRIPT_UNSAFE:
        text = text.replace(char, escaped)
    return text


def _reference(edition: Edition) -> dict[str, str]:
    url = edition.url or ""
    return {"@type": "NewsArticle", "@id": url, "url": url, "inLanguage": bcp47(edition.language)}


def _organisation(page: Page) -> dict[str, str]:
    organisation = {"@type": "Organization", "name": page.site_name}
    if page.home_url:
        organisation["url"] = page.home_url
    return organisation


def _people(value: Any) -> list[dict[str, str]]:
    names = value if isinstance(value, (list, tuple)) else [value]
    return [{"@type": "Person", "name": name} for name in map(_text, names) if name]


# ------------------------------------------------------------------ Open Graph
def open_graph(
    page: Page, *, article: bool, alternates: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """Open Graph ``(property, content)`` pairs of *page*; *alternates*: other languages."""
    tags = [("og:type", "article" if article else "website"), ("og:title", page.title)]
    description = _text(page.meta.get("description")) or _text(page.site_description)
    if description:
        tags.append(("og:description", description))
    if page.url:
        tags.append(("og:url", page.url))
    tags.append(("og:site_name", page.site_name))
    tags.append(("og:locale", og_locale(page.language)))
    tags += [("og:locale:alternate", og_locale(language)) for language in alternates]
    if article:
        published, modified = dates(page.meta)
        if published:
            tags.append(("article:published_time", published))
        if modified:
            tags.append(("article:modified_time", modified))
    return tags


# ------------------------------------------------------------------ values
def dates(meta: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """ISO 8601 publication and modification dates of the front matter *meta*.

    ``date`` may be a date, a date-time or an ISO string, or material's mapping
    ``{created: …, updated: …}``; ``updated`` may also stand on its own.  A value
    that is not a date is left out (the site's listings report it).
    """
    value = meta.get("date")
    updated = meta.get("updated")
    if isinstance(value, Mapping):
        updated = value.get("updated", updated)
        value = value.get("created")
    return iso_date(value), iso_date(updated)


def iso_date(value: Any) -> str | None:
    """A front-matter date or date-time in ISO 8601 (None: not a date)."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        if len(text) == len("2024-05-09"):
            value = value.date()
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return None


def day(value: Any) -> str | None:
    """The calendar day of a front-matter date, ``YYYY-MM-DD`` (for ``<time datetime>``)."""
    moment = iso_date(value)
    return moment[: len("2024-05-09")] if moment else None


def bcp47(language: str) -> str:
    """A babel locale identifier as HTML and schema.org write languages (``pt_BR`` -> ``pt-BR``)."""
    return language.replace("_", "-")


@functools.lru_cache(maxsize=64)
def og_locale(language: str) -> str:
    """*language* as Open Graph writes a locale: language and territory (``en_US``)."""
    try:
        locale = Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return language
    territory = locale.territory
    if territory is None:
        likely = get_global("likely_subtags")
        guess = likely.get(language) or likely.get(locale.language)
        territory = likely_territory(guess) if guess else None
    return f"{locale.language}_{territory}" if territory else locale.language


def likely_territory(subtags: str) -> str | None:
    """The territory of a likely-subtags value (``de_Latn_DE`` -> ``DE``).

    What ``Locale.parse(subtags).territory`` gives wherever babel has a locale for
    it, read from the identifier alone: for a value with a script, ``Locale.parse``
    first looks for that locale among the file names of babel's locale data,
    listing a folder of a thousand files (tens of milliseconds, once per process).
    """
    try:
        return parse_locale(subtags)[1]
    except ValueError:
        return Locale.parse(subtags).territory


def _text(value: Any) -> str:
    """The plain text of a front-matter value: the plugin hands the theme escaped HTML
    (:class:`~markupsafe.Markup`), which is unescaped here so that it is escaped once,
    where it is written."""
    if value is None or isinstance(value, (Mapping, list, tuple)):
        return ""
    if isinstance(value, Markup):
        value = value.unescape()
    return " ".join(str(value).split())

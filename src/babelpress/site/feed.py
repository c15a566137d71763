"""The news feed of one language: an Atom document made with feedgen.

:func:`atom_feed` is pure: the newest articles of a language (the front page's),
the feed's title and description in that language and where the site is
published give the feed's bytes.

1. Entries are the dated articles among those given, in archive order (newest first), each with its
   title, absolute link (also its id), date (``published`` and ``updated``),
   authors and lead (``summary``).  An article without a date has no place in
   a stream ordered by time and is left out (the front page and archive list it).
2. The feed's ``updated`` is its newest entry's date (the Unix epoch for an
   empty feed), never the time of the build: building twice gives the same bytes.
3. ``xml:lang`` is the language; text is written as text (feedgen escapes it);
   characters XML cannot hold (control characters) are dropped.
4. The feed lives at ``feed/atom.xml`` in the language's folder, beside a small
   sitemap of its entries' pages (:func:`feed_sitemap`).  The theme's script
   fetches ``sitemap.xml`` from the folder of every ``<link rel="alternate">`` in
   the page's head (it expects language versions there); with the feed in a
   folder of its own that request finds a sitemap of the newest articles -- a
   small file, of use to crawlers too -- instead of failing with 404 or loading
   the whole site's sitemap on every page view.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable

from babelpress.site.articles import Article, ordered

#: the feed and the sitemap of its articles, in each language's folder
FEED_PATH = "feed/atom.xml"
FEED_SITEMAP = "feed/sitemap.xml"
MEDIA_TYPE = "application/atom+xml"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
#: characters XML 1.0 does not allow (the complement of its Char production, listed:
#: a negated class reaching U+10FFFF costs milliseconds to compile in every build)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def absolute_url(site_url: str, url: str) -> str:
    """The site-relative *url* under *site_url* (``https://example.org/news/``)."""
    return f"{site_url.rstrip('/')}/{url.lstrip('/')}"


def atom_feed(
    articles: Iterable[Article],
    *,
    language: str,
    title: str,
    description: str,
    home_url: str,
    feed_url: str,
    site_url: str,
) -> bytes:
    """The Atom feed of *articles* (see the module docstring); URLs are absolute."""
    from feedgen.feed import FeedGenerator

    dated = [article for article in ordered(articles) if article.date is not None]
    feed = FeedGenerator()
    feed.id(home_url)
    feed.title(_xml(title))
    feed.subtitle(_xml(description))
    feed.language(language)
    feed.link(href=home_url, rel="alternate", type="text/html")
    feed.link(href=feed_url, rel="self", type=MEDIA_TYPE)
    feed.updated(_utc(dated[0].date) if dated else _EPOCH)
    for article in dated:
        link = absolute_url(site_url, article.url)
        entry = feed.add_entry(order="append")
        entry.id(link)
        entry.title(_xml(article.title))
        entry.link(href=link, rel="alternate", type="text/html")
        entry.published(_utc(article.date))
        entry.updated(_utc(article.date))
        for name in article.authors:
            entry.author(name=_xml(name))
        if article.lead:
            entry.summary(_xml(article.lead))
    return bytes(feed.atom_str(pretty=True))


def feed_sitemap(articles: Iterable[Article], *, site_url: str) -> bytes:
    """A sitemap (sitemaps.org) of the feed's articles: the same dated ones, same order."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for article in ordered(articles):
        if article.date is None:
            continue
        where = html.escape(absolute_url(site_url, article.url), quote=False)
        lines.append(
            f"  <url><loc>{where}</loc><lastmod>{article.date.date().isoformat()}</lastmod></url>"
        )
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _utc(moment: dt.datetime | None) -> dt.datetime:
    """A naive UTC date-time (as articles keep them) with its time zone."""
    return (moment or _EPOCH.replace(tzinfo=None)).replace(tzinfo=dt.timezone.utc)


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)

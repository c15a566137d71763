"""The news feed of a language, parsed by feedparser as a feed reader would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree

import feedparser

from babelpress import config as bp_config
from babelpress.site import words as sitetext
from babelpress.site.articles import Article
from babelpress.site.feed import atom_feed, feed_sitemap

D = dt.datetime

REPO = Path(__file__).resolve().parent.parent


def repo_words(language: str) -> sitetext.Words:
    """The site's words of *language* from the project's own catalogues (reviewed)."""
    return sitetext.load(bp_config.load(REPO), language, drafts=False)



def feed_of(articles: list[Article], language: str = "en") -> bytes:
    return atom_feed(
        articles,
        language=language,
        title="babelpress – News",
        description=repo_words(language).text("feed.description", site="babelpress – News"),
        home_url="https://example.org/news/en/",
        feed_url="https://example.org/news/en/feed/atom.xml",
        site_url="https://example.org/news/",
    )


def test_feed_parses_with_titles_links_language_and_order() -> None:
    articles = [
        Article("a", "en/a/", "Older & wiser", D(2021, 3, 1), ("Ann",), "Lead <a>"),
        Article("b", "en/b/", "Newest", D(2023, 3, 1, 12), (), "Lead b"),
        Article("u", "en/u/", "No date"),
        Article("c", "en/c/", "Middle", D(2022, 3, 1), ("Bo", "Cy"), ""),
    ]
    data = feed_of(articles)
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "babelpress – News"
    assert parsed.feed.subtitle == "The latest articles from babelpress – News"
    assert parsed.feed.language == "en"
    assert [e.title for e in parsed.entries] == ["Newest", "Middle", "Older & wiser"]
    assert [e.link for e in parsed.entries] == [
        "https://example.org/news/en/b/",
        "https://example.org/news/en/c/",
        "https://example.org/news/en/a/",
    ]
    assert parsed.entries[2].summary == "Lead <a>"
    assert [a.name for a in parsed.entries[1].authors] == ["Bo", "Cy"]
    assert parsed.entries[0].published.startswith("2023-03-01T12:00:00")
    assert parsed.feed.updated.startswith("2023-03-01T12:00:00")
    assert feed_of(list(reversed(articles))) == data  # same bytes, whatever the order given


def test_feed_in_russian_and_without_articles() -> None:
    parsed = feedparser.parse(feed_of([Article("a", "ru/a/", "Статья", D(2022, 1, 1))], "ru"))
    assert parsed.feed.language == "ru" and parsed.entries[0].title == "Статья"
    assert parsed.feed.subtitle == "Последние статьи сайта babelpress – News"
    empty = feedparser.parse(feed_of([]))
    assert not empty.bozo and empty.entries == []


def test_feed_drops_characters_xml_cannot_hold() -> None:
    data = feed_of([Article("a", "a/", "Bell\x07 title\x1b", D(2022, 1, 1), lead="x\x00y")])
    parsed = feedparser.parse(data)
    assert not parsed.bozo and parsed.entries[0].title == "Bell title"


def test_feed_sitemap_lists_the_feed_articles() -> None:
    articles = [
        Article("a", "en/a/", "A", D(2021, 3, 1)),
        Article("u", "en/u/", "Undated"),
        Article("b", "en/b&c/", "B", D(2023, 3, 1, 12)),
    ]
    data = feed_sitemap(articles, site_url="https://example.org/news/")
    root = ElementTree.fromstring(data)
    space = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert root.tag == f"{space}urlset"
    found = [(url.findtext(f"{space}loc"), url.findtext(f"{space}lastmod")) for url in root]
    assert found == [
        ("https://example.org/news/en/b&c/", "2023-03-01"),
        ("https://example.org/news/en/a/", "2021-03-01"),
    ]
    assert ElementTree.fromstring(feed_sitemap([], site_url="https://x.org/")).tag.endswith("urlset")


def test_characters_xml_does_not_allow_are_exactly_those_dropped() -> None:
    from babelpress.site.feed import _xml

    def allowed(code: int) -> bool:  # XML 1.0, production [2] Char
        return (
            code in (0x9, 0xA, 0xD)
            or 0x20 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        )

    every = "".join(map(chr, range(0x110000)))
    assert _xml(every) == "".join(char for char in every if allowed(ord(char)))

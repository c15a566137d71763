"""schema.org NewsArticle (JSON-LD) and Open Graph of a page, without building a site."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import jinja2
import pytest

from babelpress.site import build as sitebuild
from babelpress.site import structured
from babelpress.site import words as sitetext
from babelpress.site.configure import THEME_DIR

SITE = "https://news.example.org/"
META = {
    "title": "Kasachstans Balanceakt",
    "description": "Ein Land zwischen Russland und dem Westen.",
    "author": "Emma Collet",
    "contributors": ["Florian Coppenrath", "Anna Berg"],
    "translator": "Robin Roth",
    "date": dt.date(2022, 4, 24),
}
ORIGINAL = structured.Edition("de", f"{SITE}balanceakt/")
ENGLISH = structured.Edition("en", f"{SITE}en/balanceakt/")
BRAZILIAN = structured.Edition("pt_BR", f"{SITE}pt_BR/balanceakt/")


def page(language: str, url: str | None, **meta: object) -> structured.Page:
    return structured.Page(
        language=language,
        title=str(meta.get("title", META["title"])),
        meta={**META, **meta},
        site_name="Nachrichten",
        url=url,
        home_url=SITE if url else None,
    )


def test_the_original_lists_its_translations() -> None:
    data = structured.news_article(
        page("de", ORIGINAL.url), original=None, translations=[ENGLISH, BRAZILIAN]
    )
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["url"] == data["@id"] == ORIGINAL.url
    assert data["headline"] == META["title"]
    assert data["description"] == META["description"]
    assert data["inLanguage"] == "de"
    assert data["datePublished"] == "2022-04-24" and "dateModified" not in data
    assert data["author"] == [{"@type": "Person", "name": "Emma Collet"}]
    assert [p["name"] for p in data["contributor"]] == ["Florian Coppenrath", "Anna Berg"]
    assert data["translator"] == [{"@type": "Person", "name": "Robin Roth"}]
    assert data["publisher"] == {"@type": "Organization", "name": "Nachrichten", "url": SITE}
    assert [(t["url"], t["inLanguage"]) for t in data["workTranslation"]] == [
        (ENGLISH.url, "en"),
        (BRAZILIAN.url, "pt-BR"),
    ]
    assert "translationOfWork" not in data


def test_a_translation_points_at_the_original() -> None:
    data = structured.news_article(
        page("en", ENGLISH.url, title="Kazakhstan's Balancing Act"),
        original=ORIGINAL,
        translations=[ENGLISH],
    )
    assert data["headline"] == "Kazakhstan's Balancing Act"
    assert data["inLanguage"] == "en"
    assert data["translationOfWork"] == {
        "@type": "NewsArticle", "@id": ORIGINAL.url, "url": ORIGINAL.url, "inLanguage": "de"
    }  # fmt: skip
    assert "workTranslation" not in data
    # the German page's translator translated the German text, not this one
    assert "translator" not in data


def test_without_site_url_there_are_no_urls_and_no_links() -> None:
    data = structured.news_article(
        page("en", None), original=structured.Edition("de", None), translations=[]
    )
    assert not {"url", "@id", "mainEntityOfPage", "translationOfWork"} & set(data)
    assert "url" not in data["publisher"]
    tags = dict(structured.open_graph(page("en", None), article=True))
    assert "og:url" not in tags


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"date": dt.date(2024, 5, 9)}, ("2024-05-09", None)),
        ({"date": "2024-05-09"}, ("2024-05-09", None)),
        ({"date": dt.datetime(2024, 5, 9, 14, 5)}, ("2024-05-09T14:05:00", None)),
        ({"date": "2024-05-09T14:05:00+02:00"}, ("2024-05-09T14:05:00+02:00", None)),
        ({"date": "2024-05-09", "updated": "2024-05-10"}, ("2024-05-09", "2024-05-10")),
        ({"date": {"created": "2024-05-09", "updated": dt.date(2024, 6, 1)}},
         ("2024-05-09", "2024-06-01")),
        ({"date": "im Mai"}, (None, None)),
        ({"date": ["2024-05-09"]}, (None, None)),
        ({}, (None, None)),
    ],
)  # fmt: skip
def test_dates(meta: dict, expected: tuple[str | None, str | None]) -> None:
    assert structured.dates(meta) == expected


def test_a_modified_date_is_given_when_known() -> None:
    about = page("de", ORIGINAL.url, date={"created": "2022-04-24", "updated": "2022-05-02"})
    data = structured.news_article(about, original=None)
    assert (data["datePublished"], data["dateModified"]) == ("2022-04-24", "2022-05-02")
    tags = structured.open_graph(about, article=True)
    assert ("article:published_time", "2022-04-24") in tags
    assert ("article:modified_time", "2022-05-02") in tags


def test_authors_as_a_list_and_empty_names() -> None:
    about = page("de", None, author=None, authors=["A. Autorin", "", None, "B. Autor"])
    data = structured.news_article(about, original=None)
    assert [p["name"] for p in data["author"]] == ["A. Autorin", "B. Autor"]
    assert "author" not in structured.news_article(page("de", None, author=""), original=None)


def test_open_graph_of_an_article() -> None:
    tags = structured.open_graph(page("en", ENGLISH.url), article=True, alternates=["de", "ru"])
    assert tags == [
        ("og:type", "article"),
        ("og:title", META["title"]),
        ("og:description", META["description"]),
        ("og:url", ENGLISH.url),
        ("og:site_name", "Nachrichten"),
        ("og:locale", "en_US"),
        ("og:locale:alternate", "de_DE"),
        ("og:locale:alternate", "ru_RU"),
        ("article:published_time", "2022-04-24"),
    ]


def test_open_graph_of_a_page_that_is_no_article() -> None:
    about = structured.Page(
        language="ru", title="Архив", meta={}, site_name="Новости", site_description="Лента"
    )
    tags = dict(structured.open_graph(about, article=False))
    assert tags["og:type"] == "website" and tags["og:description"] == "Лента"
    assert not [key for key in tags if key.startswith("article:")]


@pytest.mark.parametrize(
    ("language", "locale"),
    [("de", "de_DE"), ("ru", "ru_RU"), ("pt_BR", "pt_BR"), ("zh_Hans", "zh_CN"), ("fr", "fr_FR")],
)
def test_open_graph_locales(language: str, locale: str) -> None:
    assert structured.og_locale(language) == locale


def test_likely_territory_is_what_babel_parses_for_every_likely_subtag() -> None:
    """The identifier is read without babel's locale lookup: same territory for every
    value babel has a locale for (every language of its data, and each one's own
    likely subtags)."""
    from babel.core import Locale, UnknownLocaleError, get_global

    likely = get_global("likely_subtags")
    compared = 0
    for subtags in sorted(set(likely.values())):
        try:
            expected = Locale.parse(subtags).territory
        except (ValueError, UnknownLocaleError):
            continue
        assert structured.likely_territory(subtags) == expected, subtags
        compared += 1
    assert compared > 300


HOSTILE = 'Tokajew </script><script>alert("x")</script> <!--<script> & „Zitat“'


def test_json_ld_cannot_end_its_script_element() -> None:
    data = structured.news_article(
        page("de", ORIGINAL.url, title=HOSTILE, author="</SCRIPT >"), original=None
    )
    text = structured.json_ld(data)
    assert not re.search(r"[<>&]", text)
    assert json.loads(text) == data
    assert json.loads(text)["headline"] == HOSTILE


class Head(HTMLParser):
    """The meta tags and the JSON-LD scripts of a piece of HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and "property" in a:
            self.meta.append((a["property"] or "", a.get("content") or ""))
        self._script = tag == "script" and a.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts.append(data)


def test_theme_prints_the_tags_escaped_and_the_json_ld_whole() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(THEME_DIR)))
    about = page("de", ORIGINAL.url, title=HOSTILE, description='"><img src=x onerror=1>')
    data = structured.news_article(about, original=None, translations=[ENGLISH])
    metadata = {
        "og": structured.open_graph(about, article=True, alternates=["en"]),
        "json_ld": structured.json_ld(data),
    }
    html = env.get_template("partials/babelpress-metadata.html").render(
        babelpress={"metadata": metadata}
    )
    head = Head()
    head.feed(html)
    assert head.meta == metadata["og"]
    assert [json.loads(script) for script in head.scripts] == [data]
    assert "<img" not in html and "<script>alert" not in html


def test_byline_date_has_a_machine_readable_day() -> None:
    russian = sitebuild.byline(META, "ru", "de", sitetext.load_german("ru"))
    items = {item["key"]: item for item in russian}
    assert items["date"]["datetime"] == "2022-04-24"
    meta = {**META, "date": {"created": dt.datetime(2022, 4, 24, 9, 30)}}
    german = sitebuild.byline(meta, "de", "de", sitetext.load_german("de"))
    items = {item["key"]: item for item in german}
    assert items["date"] == {
        "key": "date", "label": "Datum", "text": "24. April 2022", "href": "",
        "datetime": "2022-04-24",
    }  # fmt: skip


LONG_LEAD = (
    "Der Gemeinderat von Weißenbrück hat am Dienstag die Sanierung des Hallenbads "
    "beschlossen. Die Arbeiten sollen im Frühjahr beginnen und rund zwei Jahre dauern, "
    "in dieser Zeit bleibt das Bad geschlossen und die Schulen schwimmen im Nachbarort."
)


def test_a_long_description_ends_after_a_whole_sentence() -> None:
    first = LONG_LEAD.split(". ", 1)[0] + "."
    assert first.endswith("beschlossen.")
    assert structured.short_description(LONG_LEAD) == first


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Peter Müller, der Leiter des Amtes, sagte am Montag vor dem Rat, dass die Stadt in "
        "den kommenden zehn Jahren mehr als 200 Millionen Euro in Schulen, Kitas, Brücken und "
        "Straßen investieren werde.",
        "Ein Satz ohne Ende " * 20,
        "Оползень на трассе под Алматы перекрыл движение на несколько часов, сообщили в "
        "полиции; пострадавших нет, однако десятки машин простояли в пробке до самого вечера.",
    ],
)
def test_a_long_description_without_a_sentence_to_end_on_ends_on_a_word(text: str) -> None:
    short = structured.short_description(text)
    assert len(short) <= structured.DESCRIPTION_CHARS and short.endswith("…")
    assert " ".join(text.split()).startswith(short[:-1])
    assert not short.startswith("Dr.…")


def test_a_short_description_stays_as_it_is() -> None:
    meta = {"description": "Kurz und gut.", "title": "T"}
    structured.shorten_description(meta)
    assert meta == {"description": "Kurz und gut.", "title": "T"}
    long = {"description": LONG_LEAD}
    structured.shorten_description(long)
    assert long["description"] == structured.short_description(LONG_LEAD)

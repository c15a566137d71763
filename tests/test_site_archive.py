"""The news pages without MkDocs: article order, pagination, the listing pages' HTML."""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import random
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from babelpress import config as bp_config
from babelpress import project
from babelpress.site import archive, listing
from babelpress.site import words as sitetext
from babelpress.site.articles import (
    Article,
    ArticleReader,
    PageInfo,
    ordered,
    page_facts,
    page_info,
    parse_moment,
    read_page_info,
    title_key,
)

D = dt.datetime

REPO = Path(__file__).resolve().parent.parent


def repo_words(language: str) -> sitetext.Words:
    """The site's words of *language* from the project's own catalogues (reviewed)."""
    return sitetext.load(bp_config.load(REPO), language, drafts=False)



def art(path: str, title: str = "", date: D | None = None, **fields: object) -> Article:
    return Article(path, f"{path}/", title or path, date, **fields)  # type: ignore[arg-type]


def corpus(count: int, *, undated: int = 0, seed: int = 7) -> list[Article]:
    """*count* dated articles over a few years (some on the same day) and *undated* others."""
    rng = random.Random(seed)
    found = [
        art(f"a{i:03d}", f"Titel {rng.randint(0, 999):03d}", D(2019 + i % 4, 1 + i % 12, 1 + i % 3))
        for i in range(count)
    ]
    found += [art(f"u{i:03d}", f"Ohne {rng.randint(0, 999):03d}") for i in range(undated)]
    rng.shuffle(found)
    return found


# ------------------------------------------------------------------ order
def test_dated_newest_first_then_undated_by_title() -> None:
    articles = [
        art("old", "Alt", D(2021, 5, 1)),
        art("zebra", "Zebra"),
        art("new", "Neu", D(2023, 1, 2)),
        art("aal", "Aal"),
        art("mid", "Mitte", D(2022, 7, 9)),
    ]
    assert [a.path for a in ordered(articles)] == ["new", "mid", "old", "aal", "zebra"]


def test_same_day_by_time_then_title_then_path() -> None:
    day = D(2022, 3, 3)
    articles = [
        art("b", "Beta", day),
        art("a2", "Alpha", day),
        art("a1", "Alpha", day),
        art("late", "Zulu", day.replace(hour=18)),
    ]
    assert [a.path for a in ordered(articles)] == ["late", "a1", "a2", "b"]


def test_order_does_not_depend_on_the_order_found() -> None:
    articles = corpus(40, undated=9)
    expected = ordered(articles)
    for seed in range(5):
        shuffled = list(articles)
        random.Random(seed).shuffle(shuffled)
        assert ordered(shuffled) == expected


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (["Zoll", "Ärger", "apfel"], ["apfel", "Ärger", "Zoll"]),
        (["Mission", "«Aufbruch»", "„Zeit“"], ["«Aufbruch»", "Mission", "„Zeit“"]),
        (["Яблоко", "ёж", "Арбуз"], ["Арбуз", "ёж", "Яблоко"]),
    ],
)
def test_titles_sort_without_case_accents_or_quotes(titles: list[str], expected: list[str]) -> None:
    assert sorted(titles, key=title_key) == expected
    found = ordered([art(f"p{i}", title) for i, title in enumerate(titles)])
    assert [a.title for a in found] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2022, 4, 24), D(2022, 4, 24)),
        ("2022-04-24", D(2022, 4, 24)),
        (" 2022-04-24T10:30:00 ", D(2022, 4, 24, 10, 30)),
        ("2022-04-24T10:30:00+02:00", D(2022, 4, 24, 8, 30)),
        ("2022-04-24T10:30:00Z", D(2022, 4, 24, 10, 30)),
        (D(2022, 4, 24, 1, tzinfo=dt.timezone(dt.timedelta(hours=3))), D(2022, 4, 23, 22)),
        ("24. April 2022", None),
        (2022, None),
        (["2022-01-01"], None),
    ],
)
def test_dates_from_front_matter(value: object, expected: D | None) -> None:
    assert parse_moment(value) == expected


# ------------------------------------------------------------------ reading pages
def test_page_info_reads_the_listing_fields() -> None:
    info = page_info(
        {
            "title": "  Ein   Titel ",
            "date": "2022-04-24",
            "author": ["Emma Collet", "", "Robin Roth"],
            "description": "Der Vorspann.",
            "babelpress": {"title_lang": "de"},
        },
        "",
        "docs/en/a.md",
    )
    assert info.is_article and info.title == "Ein Titel"
    assert info.date == D(2022, 4, 24) and info.authors == ("Emma Collet", "Robin Roth")
    assert info.lead == "Der Vorspann." and info.title_lang == "de" and not info.warnings
    assert page_info({"authors": "Eine Person"}, "", "x.md").authors == ("Eine Person",)
    assert page_info({"date": {"created": dt.date(2020, 2, 2)}}, "", "x.md").date == D(2020, 2, 2)


def test_layout_page_is_not_an_article() -> None:
    assert not page_info({"layout": "page", "title": "Über uns"}, "", "about.md").is_article
    assert page_info({"layout": "post"}, "", "a.md").is_article


def test_title_from_heading_or_file_name() -> None:
    assert page_info({}, "Text\n\n# Die Überschrift ##\n", "a.md").title == "Die Überschrift"
    assert page_info({}, "Text\n", "dossier/teil-eins").title == "Teil eins"
    assert page_info({}, "", "dossier/index").title == "Dossier"


def test_a_date_that_is_no_date_is_reported_and_the_article_kept() -> None:
    info = page_info({"title": "T", "date": "gestern"}, "", "docs/de/t.md")
    assert info.is_article and info.date is None
    assert info.warnings == ("docs/de/t.md: date 'gestern' is not a date; listed as undated",)


def test_reading_files_and_keeping_what_was_read(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: Erst\ndate: 2021-01-01\n---\n\nText\n", encoding="utf-8")
    reader = ArticleReader()
    assert reader.read(page, "docs/de/a.md").title == "Erst"
    page.write_text("---\ntitle: Zweit\ndate: 2021-01-01\n---\n\nText\n", encoding="utf-8")
    assert reader.read(page, "docs/de/a.md").title == "Zweit"  # size changed: read again
    broken = tmp_path / "b.md"
    broken.write_text("---\ntitle: [kaputt\n---\n", encoding="utf-8")
    info = read_page_info(broken, "docs/de/b.md")
    assert info.is_article and info.title == "B"
    assert info.warnings and info.warnings[0].startswith("docs/de/b.md:")
    assert reader.read(tmp_path / "fehlt.md", "docs/de/fehlt.md").warnings


def test_a_steady_build_reads_each_page_once(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: Erst\n---\n", encoding="utf-8")
    reader = ArticleReader()
    reader.begin_build(steady=True)
    assert reader.read(page, "docs/de/a.md").title == "Erst"
    page.write_text("---\ntitle: Zweiter\n---\n", encoding="utf-8")
    assert reader.read(page, "docs/de/a.md").title == "Erst"  # the same build: not looked at
    reader.begin_build(steady=True)
    assert reader.read(page, "docs/de/a.md").title == "Zweiter"  # the next build reads it
    reader.begin_build(steady=False)  # the preview: every read looks at the file
    page.write_text("---\ntitle: Dritter Titel\n---\n", encoding="utf-8")
    assert reader.read(page, "docs/de/a.md").title == "Dritter Titel"
    page.write_text("---\ntitle: Vierter, letzter Titel\n---\n", encoding="utf-8")
    assert reader.read(page, "docs/de/a.md").title == "Vierter, letzter Titel"


# ------------------------------------------------------------------ pagination
@pytest.mark.parametrize(
    ("count", "undated", "per_page"), [(0, 0, 3), (1, 0, 1), (37, 6, 4), (40, 0, 10), (5, 11, 20)]
)
def test_every_article_is_on_exactly_one_archive_page(
    count: int, undated: int, per_page: int
) -> None:
    articles = corpus(count, undated=undated)
    plan = archive.plan(articles, front_page=5, per_page=per_page)
    years = [page for page in plan.listings if page.kind == "year"]
    listed = [article for page in years for article in page.articles]
    assert listed == ordered(articles)
    assert all(0 < len(page.articles) <= per_page for page in years)
    assert len({page.path for page in plan.listings}) == len(plan.listings)
    assert sum(year.count for year in plan.years) == len(articles)


def test_front_page_has_the_newest_articles() -> None:
    articles = corpus(30, undated=3)
    plan = archive.plan(articles, front_page=7, per_page=4)
    assert plan.listings[0].path == archive.FRONT
    assert list(plan.listings[0].articles) == ordered(articles)[:7]
    small = archive.plan(articles[:2], front_page=7, per_page=4)
    assert len(small.listings[0].articles) == 2


def test_pages_per_year_and_paging_across_years() -> None:
    articles = corpus(22, undated=5)
    plan = archive.plan(articles, front_page=5, per_page=3)
    years = [page for page in plan.listings if page.kind == "year"]
    # each year (and the undated articles) starts a page of its own
    for page in years:
        assert {a.year for a in page.articles} == {page.year}
        assert page.path == archive.year_path(page.year, page.number)
        assert page.siblings[page.number - 1] == page.path and len(page.siblings) == page.pages
    # newer/older chain through every page once, newest first
    chain = [years[0].path]
    by_path = {page.path: page for page in years}
    while by_path[chain[-1]].older:
        chain.append(by_path[chain[-1]].older or "")
    assert chain == [page.path for page in years]
    assert years[0].newer is None
    assert all(by_path[b].newer == a for a, b in pairwise(chain))
    assert [y.year for y in plan.years] == [2022, 2021, 2020, 2019, None]
    assert plan.years[-1].path == "archive/undated/index.md"
    assert "archive/2021/2/index.md" in by_path


def test_listing_paths_are_the_same_whatever_the_titles() -> None:
    """The language switcher maps archive pages by path: titles must not move them."""
    german = corpus(25, undated=4)
    english = [Article(a.path, "en/" + a.url, "EN " + a.title[::-1], a.date) for a in german]
    paths = [p.path for p in archive.plan(german, front_page=5, per_page=4).listings]
    assert paths == [p.path for p in archive.plan(english, front_page=5, per_page=4).listings]


def test_generated_pages_are_under_the_reserved_names() -> None:
    plan = archive.plan(corpus(9, undated=2), front_page=3, per_page=2)
    for page in plan.listings:
        assert page.path.split("/")[0].removesuffix(".md") in project.GENERATED_NAMES


@pytest.mark.parametrize(
    ("number", "pages", "expected"),
    [
        (1, 1, [1]),
        (2, 4, [1, 2, 3, 4]),
        (1, 9, [1, 2, 3, None, 9]),
        (10, 50, [1, None, 8, 9, 10, 11, 12, None, 50]),
        (50, 50, [1, None, 48, 49, 50]),
    ],
)
def test_pager_window(number: int, pages: int, expected: list[int | None]) -> None:
    assert archive.page_window(number, pages) == expected


# ------------------------------------------------------------------ HTML
class Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append({k: v or "" for k, v in attrs})


def anchors(text: str) -> list[dict[str, str]]:
    parser = Anchors()
    parser.feed(text)
    return parser.links


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("en/a/", "en/archive/2022/", "../../a/"),
        ("", "archive/", "../"),
        ("en/", "en/", "./"),
        ("archive/2022/2/", "archive/2022/", "2/"),
        ("archive/2022/index.html", "archive/index.html", "2022/index.html"),
        ("a.html", "archive/2022/index.html", "../../a.html"),
    ],
)
def test_relative_urls(target: str, page: str, expected: str) -> None:
    assert listing.relative_url(target, page) == expected


def test_listing_urls() -> None:
    assert listing.listing_url("index.md", "") == ""
    assert listing.listing_url("index.md", "ru/") == "ru/"
    assert listing.listing_url("archive/2022/2/index.md", "en/") == "en/archive/2022/2/"
    assert listing.listing_url("archive/index.md", "en/", False) == "en/archive/index.html"


def test_year_page_in_english_links_english_articles_and_its_neighbours() -> None:
    articles = [
        Article(f"a{i}", f"en/a{i}/", f"Story {i}", D(2022, 12 - i, 1), ("Ann",), f"Lead {i}")
        for i in range(7)
    ]
    plan = archive.plan(articles, front_page=3, per_page=3)
    page = plan.get("archive/2022/2/index.md")
    assert page is not None
    text = listing.listing_page(page, plan, repo_words("en"), prefix="en/")
    front, body = text.split("---\n", 2)[1:]
    assert "title: Archive 2022 – Page 2 of 3\n" in front and "exclude: true" in front
    links = anchors(body)
    hrefs = [link["href"] for link in links]
    assert "../../../a3/" in hrefs and "../../../a5/" in hrefs  # the articles of page 2
    assert {"rel": "prev", "href": "../", "class": "bp-pager__newer"} in links
    assert {"rel": "next", "href": "../3/", "class": "bp-pager__older"} in links
    assert '<time datetime="2022-09-01">1 September 2022</time>' in body
    assert "by Ann" in body and "Lead 4" in body
    assert '<span aria-current="page">2</span>' in body


@pytest.mark.parametrize("language", ["de", "en", "ru"])
def test_listing_words_are_the_page_language(language: str) -> None:
    articles = [art("a", "A", D(2020, 5, 4), authors=("X",)), art("b", "B")] * 1
    articles += [art(f"c{i}", f"C{i}", D(2020, 1, 1)) for i in range(5)]
    plan = archive.plan(articles, front_page=2, per_page=2)
    words = repo_words(language).texts
    others = {
        value
        for lang in ("de", "en", "ru")
        if lang != language
        for key, value in repo_words(lang).texts.items()
        if key.startswith(("front.", "archive.", "listing.", "nav.")) and value != words.get(key)
    }
    for page in plan.listings:
        text = listing.listing_page(page, plan, repo_words(language), prefix="")
        visible = html.unescape(re.sub(r"<[^>]+>", " ", text))
        for value in others:
            plain = value.split("{")[0].strip()
            if len(plain) > 3:
                found = re.search(rf"(?<!\w){re.escape(plain)}(?!\w)", visible)
                assert found is None, (language, page.path, value)
    front = listing.listing_page(plan.listings[0], plan, repo_words(language), prefix="")
    assert words["front.title"] in front and words["front.more"] in front
    assert sitetext.date(D(2020, 5, 4), language) in front
    year_listing = plan.get("archive/2020/index.md")
    assert year_listing is not None
    year = listing.listing_page(year_listing, plan, repo_words(language), prefix="")
    assert words["archive.older"] in year
    assert repo_words(language).plural("archive.count", 6) in listing.listing_page(
        plan.listings[1], plan, repo_words(language), prefix=""
    )


def test_everything_from_outside_is_escaped() -> None:
    evil = '<script>alert("x")</script> & "quotes"'
    articles = [
        Article("a", 'a/"onmouseover="x/', evil, D(2022, 1, 1), (evil,), evil, 'de" x="',
                'de" y="'),
    ]  # fmt: skip
    plan = archive.plan(articles, front_page=5, per_page=5)
    for page in plan.listings:
        text = listing.listing_page(page, plan, repo_words("en"), prefix="")
        assert "<script>" not in text and 'onmouseover="x' not in text and 'x="' not in text
        assert 'y="' not in text
    front = listing.listing_page(plan.listings[0], plan, repo_words("en"), prefix="")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in front


def test_untranslated_lead_is_marked_with_its_language() -> None:
    """A page shown in the original has a German lead: a screen reader must read it
    with a German voice on the Russian front page."""
    article = art("a", "Заголовок", lead="Der erste Absatz.", lead_lang="de")
    plan = archive.plan([article], front_page=1, per_page=1)
    front = listing.listing_page(plan.listings[0], plan, repo_words("ru"), prefix="ru/")
    assert '<p class="bp-teaser__lead" lang="de">Der erste Absatz.</p>' in front
    translated = art("b", "Title", lead="The first paragraph.")
    plan = archive.plan([translated], front_page=1, per_page=1)
    front = listing.listing_page(plan.listings[0], plan, repo_words("en"), prefix="en/")
    assert '<p class="bp-teaser__lead">The first paragraph.</p>' in front


def test_untranslated_title_is_marked_with_its_language() -> None:
    plan = archive.plan([art("a", "Deutscher Titel", title_lang="de")], front_page=1, per_page=1)
    front = listing.listing_page(plan.listings[0], plan, repo_words("ru"), prefix="ru/")
    assert '<a href="../a/" lang="de">Deutscher Titel</a>' in front


def test_empty_site_has_a_front_page_and_an_archive() -> None:
    plan = archive.plan([], front_page=5, per_page=5)
    assert [page.kind for page in plan.listings] == ["front", "archive"]
    front = listing.listing_page(plan.listings[0], plan, repo_words("de"), prefix="")
    assert "Noch keine Artikel." in front


_URL_PART = st.sampled_from(["en", "a", "archive", "2022", "2", "x.html", "index.html"])


@given(
    target=st.lists(_URL_PART, max_size=4), target_folder=st.booleans(),
    page=st.lists(_URL_PART, max_size=4), page_folder=st.booleans(),
)  # fmt: skip
def test_relative_urls_are_what_relpath_gives(
    target: list[str], target_folder: bool, page: list[str], page_folder: bool
) -> None:
    target_url = "/".join(target) + ("/" if target and target_folder else "")
    page_url = "/".join(page) + ("/" if page and page_folder else "")
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    expected = posixpath.relpath("/" + target_url, "/" + base)
    if target_url.endswith("/") or not target_url:
        expected = "./" if expected == "." else f"{expected}/"
    assert listing.relative_url(target_url, page_url) == expected


def test_long_pages_are_read_as_far_as_their_information_goes(tmp_path: Path) -> None:
    body = "Absatz mit ä, ö und ü.\n\n" * 2000  # far beyond the head read first
    titled = tmp_path / "titled.md"
    titled.write_text(f"---\ntitle: Mit Titel\ndate: 2021-01-01\n---\n\n{body}", "utf-8")
    assert read_page_info(titled, "docs/de/titled.md").title == "Mit Titel"
    heading = tmp_path / "heading.md"
    heading.write_text(f"---\ndate: 2021-01-01\n---\n\n{body}# Spät\n\n{body}", "utf-8")
    assert read_page_info(heading, "docs/de/heading.md").title == "Spät"
    lead = "Ein langer Vorspann, " * 1000
    long_meta = tmp_path / "long.md"
    long_meta.write_text(f"---\ndescription: {lead}\ntitle: Ganz unten\n---\n\n{body}", "utf-8")
    info = read_page_info(long_meta, "docs/de/long.md")
    assert (info.title, info.lead) == ("Ganz unten", lead.strip())
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"---\ntitle: Kaputt\n---\n\n" + b"\xff" * 20_000)
    assert read_page_info(broken, "docs/de/broken.md").title == "Kaputt"


def test_line_ends_do_not_change_what_a_page_says(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Hallo Welt\ndate: 2021-05-01\nauthor: Anna\ndescription: Vorspann\n"
        "---\n\n# Titel #\n\nText\n"
    )
    infos = []
    for name, ending in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
        page = tmp_path / f"{name}.md"
        page.write_bytes(text.replace("\n", ending).encode())
        info = read_page_info(page, "docs/de/page.md")
        infos.append((info.title, info.date, info.authors, info.lead, info.warnings))
    assert infos[0] == ("Hallo Welt", dt.datetime(2021, 5, 1), ("Anna",), "Vorspann", ())
    assert infos[1] == infos[2] == infos[0]


# ------------------------------------------------------------------ facts from the render
_FRONT_MATTERS = [
    "---\ntitle: Hallo\ndate: 2021-05-01\nauthor: Anna\ndescription: Vorspann\n---\n\nText\n",
    "---\ntitle: Zeit\ndate: 2021-05-01T10:30:00.25+02:00\nauthors: [Anna, Ben]\n---\n",
    "---\ndate: {created: 2020-02-02}\nlayout: page\n---\n\n# Aus der Überschrift #\n",
    "---\nlang: en\nbabelpress:\n  published: false\n  title_lang: de\ntitle: Titel\n---\nx\n",
    "---\nlang: en\n---\n\nOhne Titel und Überschrift\n",
    "Gar keine Kopfzeilen\n\n# Aber ein Titel\n",
    "---\r\ntitle: CRLF\r\nauthor: Ана\r\n---\r\n\r\nText\r\n",
    "---\ntitle: [kaputt\n---\n",
    "---\ntitle: T\ndate: gestern\n---\n",
]


@pytest.mark.parametrize("text", _FRONT_MATTERS)
def test_facts_of_a_page_written_are_what_reading_it_gives(tmp_path: Path, text: str) -> None:
    page = tmp_path / "docs" / "en" / "dossier" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_bytes(text.encode("utf-8"))
    read = read_page_info(page, "docs/en/dossier/index.md")
    facts = page_facts(text, page)
    if facts is None:  # a warning names the page as the build finds it: read then
        assert read.warnings
        return
    assert PageInfo.from_json(json.loads(json.dumps(facts))) == read


def test_the_reader_takes_what_it_is_told_while_the_file_stays_as_it_was(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: Auf der Platte\n---\n", encoding="utf-8")
    told = page_info({"title": "Gesagt"}, "", "a.md")
    reader = ArticleReader()
    reader.know(page, told)
    # another spelling of the same file is the same file
    assert reader.read(tmp_path / "." / "a.md", "docs/en/a.md").title == "Gesagt"
    page.write_text("---\ntitle: Neu geschrieben\n---\n", encoding="utf-8")
    assert reader.read(page, "docs/en/a.md").title == "Neu geschrieben"
    reader.know(tmp_path / "fehlt.md", told)  # nothing to know of a file that is not there
    assert reader.read(tmp_path / "fehlt.md", "docs/en/fehlt.md").warnings

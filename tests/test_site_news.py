"""The news site as ``mkdocs build --strict`` makes it, on an archive of 30 articles.

The project's five articles (with their translations) and 25 copies of one of
them (dated over three years, same days and undated ones among them; translated
here as "EN: <German>"), built with 5 articles on the front page and 4 per
archive page.  The expected order is worked out here from each language's front
matter, independently of babelpress: dated newest first (same day: by title),
then undated by the title in that language.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from itertools import pairwise
from pathlib import Path

import feedparser
import pytest
import yaml

from babelpress import config as bp_config
from babelpress.site import articles
from babelpress.site import words as sitetext
from test_site import (
    BIN,
    LANGUAGES,
    Site,
    copy_project,
    extract,
    fill,
    links,
    pages,
    resolve,
    run,
)

FRONT_PAGE = 5
PER_PAGE = 4
COPIES = 25
PREFIX = {"de": "", "en": "en/", "ru": "ru/"}
#: the site's name in each language, as mkdocs.yml sets it
SITE_NAMES = {
    "de": "babelpress – Nachrichten",
    "en": "babelpress – News",
    "ru": "babelpress – Новости",
}

REPO = Path(__file__).resolve().parent.parent


def repo_words(language: str) -> sitetext.Words:
    """The site's words of *language* from the project's own catalogues (reviewed)."""
    return sitetext.load(bp_config.load(REPO), language, drafts=False)



ACTIVE_ITEM = r'<li class="md-nav__item md-nav__item--active">\s*<a href="([^"]+)"'
FEED_LINK = r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="([^"]+)"'


# ------------------------------------------------------------------ the project
def copy_dates(number: int) -> dt.date | None:
    """Dates of the copies: three years, two on one day, every sixth one undated."""
    if number % 6 == 5:
        return None
    if number in (0, 1):
        return dt.date(2023, 3, 14)
    return dt.date(2021 + number % 3, 1 + (number * 5) % 12, 1 + (number * 7) % 28)


def add_copies(root: Path) -> None:
    docs = root / "docs/de"
    model = (docs / "kasachstan-geht-auf-distanz-zu-russland.md").read_text(encoding="utf-8")
    body = model.split("\n---\n", 1)[1]
    for number in range(COPIES):
        meta: dict[str, object] = {
            "title": f"Meldung {number:02d} aus Almaty",
            "slug": f"meldung-{number:02d}",
            "lang": "de",
            "author": f"Autorin {number % 4}",
            "description": f"Vorspann der Meldung {number:02d}.",
        }
        date = copy_dates(number)
        if date is not None:
            meta["date"] = date
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        (docs / f"meldung-{number:02d}.md").write_text(f"---\n{front}---\n{body}", "utf-8")


def set_options(root: Path, **options: object) -> None:
    yml = root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    extra = "".join(f"      {key}: {value}\n" for key, value in options.items())
    assert "      min_reviewed: 0\n" in text
    anchor = "      min_reviewed: 0\n"
    yml.write_text(text.replace(anchor, anchor + extra), encoding="utf-8")


def build_news_site(root: Path) -> Site:
    copy_project(root)
    add_copies(root)
    set_options(root, front_page_articles=FRONT_PAGE, archive_page_articles=PER_PAGE)
    extract(root)
    for number in range(COPIES):
        for language in ("en", "ru"):
            fill(root, language, f"meldung-{number:02d}", "reviewed")
    result = run([str(BIN / "mkdocs"), "build", "--strict"], root)
    return Site(root, {}, result.stdout + result.stderr)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_news_site(tmp_path_factory.mktemp("news") / "project")


# ------------------------------------------------------------------ expectations
def front_matter(root: Path, language: str = "de") -> dict[str, dict]:
    """Each page's front matter in *language* (the rendered pages for en and ru)."""
    docs = bp_config.load(root).docs_path / language
    found = {}
    for slug in pages(root):
        text = (docs / f"{slug}.md").read_text(encoding="utf-8")
        found[slug] = yaml.safe_load(text.split("---\n")[1])
    return found


def expected_order(root: Path, language: str = "de") -> list[str]:
    """Article slugs, dated newest first (same day: title), then undated by title."""
    found = front_matter(root, language)
    meta = {slug: m for slug, m in found.items() if m.get("layout") != "page"}
    dated = sorted(
        (slug for slug in meta if meta[slug].get("date")),
        key=lambda slug: (-meta[slug]["date"].toordinal(), meta[slug]["title"].casefold()),
    )
    undated = sorted(
        (slug for slug in meta if not meta[slug].get("date")),
        key=lambda slug: meta[slug]["title"].casefold(),
    )
    return dated + undated


def dated_slugs(root: Path) -> set[str]:
    return {slug for slug, m in front_matter(root).items() if m.get("date")}


# ------------------------------------------------------------------ reading pages
def page_file(site: Site, language: str, path: str) -> Path:
    return site.dir / PREFIX[language] / path / "index.html"


def teaser_targets(site: Site, page: Path) -> list[Path]:
    html = page.read_text(encoding="utf-8")
    block = html.split('<ol class="bp-teasers">', 1)[1].split("</ol>", 1)[0]
    hrefs = re.findall(r'<h2 class="bp-teaser__title"><a href="([^"]+)"', block)
    return [resolve(page, site.dir, href) for href in hrefs]


def pager_link(page: Path, which: str) -> str | None:
    found = re.search(rf'class="bp-pager__{which}" rel="\w+" href="([^"]+)"', page.read_text())
    return found.group(1) if found else None


def footer_link(page: Path, which: str) -> str | None:
    pattern = rf'<a href="([^"]+)" class="md-footer__link md-footer__link--{which}"'
    found = re.search(pattern, page.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def archive_walk(site: Site, language: str) -> list[Path]:
    """The archive's pages, from the newest year's first page along the "older" links."""
    index = page_file(site, language, "archive")
    html = index.read_text(encoding="utf-8")
    first = re.search(r'<ul class="bp-years">\s*<li><a href="([^"]+)"', html)
    assert first, "the archive page lists no year"
    walk = [resolve(index, site.dir, first.group(1))]
    while (older := pager_link(walk[-1], "older")) is not None:
        walk.append(resolve(walk[-1], site.dir, older))
        assert len(walk) < 100, "the older links go round in a circle"
    return walk


# ------------------------------------------------------------------ tests
def test_build_is_strict_and_quiet(news: Site) -> None:
    assert "WARNING" not in news.log
    assert len(expected_order(news.root)) == COPIES + 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_front_page_lists_the_newest_articles_of_its_language(news: Site, language: str) -> None:
    front = news.page(language)
    order = expected_order(news.root, language)
    assert teaser_targets(news, front) == [news.page(language, s) for s in order[:FRONT_PAGE]]
    html = front.read_text(encoding="utf-8")
    words = repo_words(language).texts
    assert f'<h1 id="__title">{words["front.title"]}</h1>' in html
    assert f"<title>{words['nav.front']} - " in html
    tag = {"de": "", "en": "EN: ", "ru": "RU: "}[language]
    assert f">{tag}Meldung 00 aus Almaty</a></h2>" in html
    # dates written by babel for the language, the byline in its words
    assert sitetext.date(dt.date(2023, 3, 14), language) in html
    # the author is a catalogue entry too, translated like the rest
    assert repo_words(language).text("listing.by", names=f"{tag}Autorin 0") in html
    more = re.search(r'<p class="bp-listing__more"><a href="([^"]+)"', html)
    assert more and resolve(front, news.dir, more.group(1)) == page_file(news, language, "archive")


@pytest.mark.parametrize("language", LANGUAGES)
def test_archive_lists_every_article_once_in_order_page_by_page(
    news: Site, language: str
) -> None:
    order = expected_order(news.root, language)
    walk = archive_walk(news, language)
    listed: list[Path] = []
    for page in walk:
        found = teaser_targets(news, page)
        assert 0 < len(found) <= PER_PAGE, page
        listed += found
    assert listed == [news.page(language, slug) for slug in order]
    # "newer" leads back the same way
    for newer, older in pairwise(walk):
        back = pager_link(older, "newer")
        assert back and resolve(older, news.dir, back) == newer
    assert pager_link(walk[0], "newer") is None
    # pages of a year and undated articles under their own folders, page numbers linked
    names = [page.relative_to(news.dir / PREFIX[language]).parent.as_posix() for page in walk]
    assert names[0] == "archive/2023" and names[-1].startswith("archive/undated")
    assert "archive/2022/2" in names
    second = page_file(news, language, "archive/2022/2").read_text(encoding="utf-8")
    assert '<span aria-current="page">2</span>' in second
    in_2022 = sum(1 for m in front_matter(news.root).values() if str(m.get("date", "")) >= "2022-")
    in_2022 -= sum(1 for m in front_matter(news.root).values() if str(m.get("date", "")) >= "2023-")
    pages = -(-in_2022 // PER_PAGE)
    assert pages >= 2
    assert repo_words(language).texts["archive.page"].format(page=2, pages=pages) in second


@pytest.mark.parametrize("language", LANGUAGES)
def test_archive_page_names_the_years_with_their_counts(news: Site, language: str) -> None:
    html = page_file(news, language, "archive").read_text(encoding="utf-8")
    pattern = r'<li><a href="([^"]+)">([^<]+)</a> <span class="bp-years__count">([^<]+)<'
    years = re.findall(pattern, html)
    counts: dict[str, int] = {}
    for meta in front_matter(news.root).values():
        if meta.get("layout") == "page":
            continue
        year = str(meta["date"].year) if meta.get("date") else "undated"
        counts[year] = counts.get(year, 0) + 1
    undated = repo_words(language).text("archive.undated")
    shown = {(name if name != undated else "undated"): count for _, name, count in years}
    assert shown == {y: repo_words(language).plural("archive.count", n) for y, n in counts.items()}
    assert [name for _, name, _ in years] == ["2023", "2022", "2021", undated]


def test_switcher_on_an_archive_page_leads_to_the_same_archive_page(news: Site) -> None:
    for language in LANGUAGES:
        for page in [*archive_walk(news, language), page_file(news, language, "archive")]:
            path = page.relative_to(news.dir / PREFIX[language]).parent.as_posix()
            found = links(page.read_text(encoding="utf-8"))
            assert found.html_lang == language
            for target in LANGUAGES:
                expected = page_file(news, target, path)
                assert resolve(page, news.dir, found.switcher[target]) == expected, (page, target)


@pytest.mark.parametrize("language", LANGUAGES)
def test_previous_and_next_follow_the_archive_order(news: Site, language: str) -> None:
    order = expected_order(news.root, language)
    for index, slug in enumerate(order):
        page = news.page(language, slug)
        previous, following = footer_link(page, "prev"), footer_link(page, "next")
        older = news.page(language, order[index + 1]) if index + 1 < len(order) else None
        newer = news.page(language, order[index - 1]) if index else None
        assert (resolve(page, news.dir, previous) if previous else None) == older, slug
        assert (resolve(page, news.dir, following) if following else None) == newer, slug
    for path in ("", "archive", "about"):
        page = page_file(news, language, path)
        assert footer_link(page, "prev") is None and footer_link(page, "next") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_navigation_is_the_sections_not_the_articles(news: Site, language: str) -> None:
    archive_page = page_file(news, language, "archive")
    sections = [news.page(language), archive_page, news.page(language, "about")]
    for page in [news.page(language, expected_order(news.root)[7]), *sections]:
        html = page.read_text(encoding="utf-8")
        # the sidebar's links, without the table of contents (#anchors)
        hrefs = re.findall(r'<a href="([^"#][^"]*)" class="md-nav__link', html)
        targets = [resolve(page, news.dir, href) for href in hrefs]
        assert set(targets) == set(sections), page
    html = news.page(language, "about").read_text(encoding="utf-8")
    assert repo_words(language).texts["nav.archive"] in html
    # on a page of a year, the archive is the active section; on an article, none is
    year = page_file(news, language, "archive/2022/2")
    active = re.findall(ACTIVE_ITEM, year.read_text(encoding="utf-8"))
    assert {resolve(year, news.dir, href) for href in active} == {archive_page}
    article = news.page(language, expected_order(news.root)[3])
    assert re.findall(ACTIVE_ITEM, article.read_text(encoding="utf-8")) == []


def test_every_page_links_its_language_feed(news: Site) -> None:
    for language in LANGUAGES:
        feed = news.dir / PREFIX[language] / "feed/atom.xml"
        for page in (news.dir / PREFIX[language]).rglob("index.html"):
            rel = page.relative_to(news.dir).as_posix()
            if language == "de" and rel.startswith(("en/", "ru/")):
                continue
            found = re.findall(FEED_LINK, page.read_text(encoding="utf-8"))
            assert len(found) == 1, rel
            assert resolve(page, news.dir, found[0][0]) == feed, rel
            assert repo_words(language).texts["feed.title"] in found[0][1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_per_language(news: Site, language: str) -> None:
    parsed = feedparser.parse((news.dir / PREFIX[language] / "feed/atom.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.language == language
    assert parsed.feed.title == SITE_NAMES[language]
    site = SITE_NAMES[language]
    assert parsed.feed.subtitle == repo_words(language).text("feed.description", site=site)
    site_url = "https://babelpress.example.org/"
    dated = dated_slugs(news.root)
    newest = [slug for slug in expected_order(news.root, language)[:FRONT_PAGE] if slug in dated]
    assert [entry.link for entry in parsed.entries] == [
        f"{site_url}{PREFIX[language]}{slug}/" for slug in newest
    ]
    tag = {"de": "", "en": "EN: ", "ru": "RU: "}[language]
    assert parsed.entries[0].title.startswith(tag)
    assert parsed.entries[0].summary.startswith(tag)
    dates = [entry.published for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    # beside the feed, the sitemap of its articles (the theme fetches it, see site.feed)
    sitemap = (news.dir / PREFIX[language] / "feed/sitemap.xml").read_text(encoding="utf-8")
    assert re.findall(r"<loc>([^<]+)</loc>", sitemap) == [e.link for e in parsed.entries]


def test_listing_pages_are_not_in_search_and_not_written_into_docs(news: Site) -> None:
    index = (news.dir / "en/search/search_index.json").read_text(encoding="utf-8")
    assert '"location":"archive/' not in index.replace(" ", "")
    assert not (news.root / "docs/de/index.md").exists()
    assert not list((news.root / "docs").rglob("archive"))


def test_rebuild_gives_the_same_listing_pages_and_feeds(news: Site, tmp_path: Path) -> None:
    names = ["feed/atom.xml", "en/feed/atom.xml", "ru/feed/sitemap.xml", "archive/index.html"]
    names += ["ru/archive/2022/2/index.html"]
    before = {name: (news.dir / name).read_bytes() for name in names}
    front = re.sub(r"\s+", " ", news.html("ru"))
    run([str(BIN / "mkdocs"), "build", "--strict"], news.root)
    assert {name: (news.dir / name).read_bytes() for name in names} == before
    assert re.sub(r"\s+", " ", news.html("ru")) == front


def test_a_build_reads_the_front_matter_of_no_rendered_page(
    news: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The render hands over what the listings and editions need of the pages it wrote."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    read: list[str] = []
    real = articles.read_page_info

    def counting(source: Path, path: str) -> articles.PageInfo:
        read.append(path)
        return real(source, path)

    monkeypatch.setattr(articles, "read_page_info", counting)
    monkeypatch.chdir(news.root)
    build(load_config(str(news.root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert read and all(path.startswith("docs/de/") for path in read)
    names = ["archive/index.html", "en/archive/index.html", "ru/index.html"]
    names += [f"{lang}meldung-03/index.html" for lang in ("", "en/", "ru/")]
    assert {name: (tmp_path / "site" / name).read_bytes() for name in names} == {
        name: (news.dir / name).read_bytes() for name in names
    }


def test_a_hand_kept_front_page_takes_the_place_of_the_generated_one(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "docs/de/index.md").write_text("---\ntitle: Von Hand\n---\n\nHallo\n", "utf-8")
    shutil.rmtree(root / "locale")
    result = run([str(BIN / "mkdocs"), "build"], root)
    log = result.stdout + result.stderr
    assert "WARNING" in log and "docs/de/index.md takes the place of the generated page" in log
    assert "Hallo" in (root / "site/index.html").read_text(encoding="utf-8")
    assert (root / "site/archive/index.html").exists()


@pytest.mark.parametrize(
    "site_url",
    ["https://x.org/", "https://x.org/news/", "https://x.org/news", "https://x.org/d/#a/",
     "https://x.org/d/?q=1/"],
)  # fmt: skip
@pytest.mark.parametrize("url", ["en/a/", "", "./", "a.html", "../x", "/abs/", "ru/%D0%B0/", "?q"])
def test_absolute_urls_are_what_urljoin_gives(site_url: str, url: str) -> None:
    from urllib.parse import urljoin

    from babelpress.site.news import _under

    assert _under(site_url, url) == urljoin(site_url, url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_archive_pages_have_descriptions_of_their_own(news: Site, language: str) -> None:
    pattern = r'<meta name="description" content="([^"]*)"'
    found = {}
    front = news.dir / PREFIX[language] / "index.html"
    for page in [front, page_file(news, language, "archive"), *archive_walk(news, language)]:
        match = re.search(pattern, page.read_text(encoding="utf-8"))
        assert match, page
        found[page] = match.group(1)
    assert len(set(found.values())) == len(found), found

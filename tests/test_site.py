"""The built site: three languages, switcher, notices, search, 404, sitemap with hreflang.

One real ``mkdocs build --strict`` of a copy of the project (German pages from
docs/de, catalogues from ``babelpress extract``, filled here with polib so the
articles are reviewed, machine drafts, partly untranslated or untouched) serves
the tests of this module.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

import polib
import pytest
import yaml
from babel import Locale

from babelpress import config as bp_config
from babelpress import project
from babelpress.site import words as sitetext
from babelpress.site.structured import short_description

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LANGUAGES = ("de", "en", "ru")
#: a Russian sentence put into the Russian catalogue, for the search tests
RUSSIAN_SENTENCE = "Дипломатия Казахстана балансирует между великими державами."
RUSSIAN_QUERY = "дипломатии"  # another case of the same word: found only by stemming


# ------------------------------------------------------------------ building
def copy_project(root: Path) -> Path:
    """The project's inputs (as the ``project`` fixture copies them) in *root*."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("seeds", "docs/de", "locale", "overrides"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name, dirs_exist_ok=True)
    return root


def run(
    args: list[str], cwd: Path, timeout: float = 120, cache: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if cache is not None:  # the user's cache folder (compiled templates)
        env["XDG_CACHE_HOME"] = str(cache)
    result = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


def extract(root: Path) -> None:
    run([str(BIN / "babelpress"), "extract"], root)


def pages(root: Path) -> list[str]:
    """Slugs of the German pages."""
    settings = bp_config.load(root)
    return [page.slug for page in project.pages(settings)]


def articles(root: Path) -> list[str]:
    """Slugs of the articles: the pages made from seeds (not the home or about page)."""
    docs = bp_config.load(root).source_docs_path
    found = []
    for slug in pages(root):
        text = (docs / f"{slug}.md").read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}
        if isinstance(front, dict) and front.get("seed"):
            found.append(slug)
    return found


def fill(root: Path, language: str, slug: str, state: str, *, special: str | None = None) -> None:
    """Give every entry of a catalogue a translation, in *state* (whatever it had before).

    ``reviewed``: all translated, none fuzzy; ``drafts``: every other entry fuzzy;
    ``partial``: every other entry left untranslated; ``none``: nothing translated.
    The translation is the German with a language tag in front (links and markup
    kept), except that *special* replaces the first plain body sentence.
    """
    path = project.po_path(bp_config.load(root), language, slug)
    po = polib.pofile(str(path), wrapwidth=0)
    # the sentence *special* replaces: no number, link or markup the checks would miss
    body = [
        entry
        for entry in po
        if not entry.obsolete
        and "title" not in entry.comment
        and not re.search(r"[\d\[\]<>*_`]", entry.msgid)
    ]
    for number, entry in enumerate(po):
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgctxt = None
        if state == "none" or (state == "partial" and number % 2):
            entry.msgstr = ""
            continue
        entry.msgstr = f"{language.upper()}: {entry.msgid}"
        if special and body and entry is body[0]:
            entry.msgstr = special
        if state == "drafts" and number % 2:
            entry.flags.append("fuzzy")
    po.save(str(path))


class Site:
    """A built site and the names of its articles by review state."""

    def __init__(self, root: Path, states: dict[str, str], log: str) -> None:
        self.root = root
        self.dir = root / "site"
        self.states = states
        self.log = log

    def slug(self, state: str) -> str:
        return next(slug for slug, s in self.states.items() if s == state)

    def page(self, language: str, slug: str = "") -> Path:
        prefix = "" if language == "de" else f"{language}/"
        folder = f"{slug}/" if slug and slug != "index" else ""
        return self.dir / f"{prefix}{folder}index.html"

    def html(self, language: str, slug: str = "") -> str:
        return self.page(language, slug).read_text(encoding="utf-8")


STATES = ("reviewed", "drafts", "partial", "none")


def build_site(root: Path) -> Site:
    copy_project(root)
    # pages with nothing reviewed are held back (published as the German original)
    yml = root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    assert "min_reviewed: 0\n" in text
    yml.write_text(text.replace("min_reviewed: 0\n", "min_reviewed: 1\n"), encoding="utf-8")
    extract(root)
    slugs = articles(root)
    states = {slug: STATES[min(i, len(STATES) - 1)] for i, slug in enumerate(slugs)}
    for slug, state in states.items():
        for language in ("en", "ru"):
            special = RUSSIAN_SENTENCE if language == "ru" and state == "reviewed" else None
            fill(root, language, slug, state, special=special)
    for slug in set(pages(root)) - set(states):
        for language in ("en", "ru"):
            fill(root, language, slug, "reviewed")
    result = run([str(BIN / "mkdocs"), "build", "--strict"], root, cache=user_cache(root))
    return Site(root, states, result.stdout + result.stderr)


def user_cache(root: Path) -> Path:
    return root.parent / "user-cache"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp("site") / "project")


# ------------------------------------------------------------------ HTML reading
class Links(HTMLParser):
    """The tags of a page we look at: html lang, alternates, switcher, spans."""

    def __init__(self) -> None:
        super().__init__()
        self.html_lang = ""
        self.alternates: dict[str, str] = {}
        self.switcher: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self._in_switch: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = a.get("lang", "")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "a" and "md-select__link" in a.get("class", ""):
            self.switcher[a["hreflang"]] = a["href"]
            self._in_switch = a["hreflang"]

    def handle_data(self, data: str) -> None:
        if self._in_switch and data.strip():
            self.names[self._in_switch] = data.strip()
            self._in_switch = None


def links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def article_of(html: str) -> str:
    """The page's article element (no navigation, no footer)."""
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def resolve(page: Path, site_dir: Path, href: str) -> Path:
    """The file a relative (or site-absolute) link of *page* leads to."""
    base = "/" + page.relative_to(site_dir).as_posix()
    target = PurePosixPath(urljoin(base, href).split("#")[0])
    path = site_dir / str(target).lstrip("/")
    return path / "index.html" if href.endswith("/") or path.is_dir() else path


# ------------------------------------------------------------------ tests
def test_every_page_exists_in_three_languages_with_html_lang(site: Site) -> None:
    assert len(site.states) >= len(STATES)
    for slug in pages(site.root):
        for language in LANGUAGES:
            assert links(site.html(language, slug)).html_lang == language, (language, slug)


def test_switcher_leads_to_the_same_article(site: Site) -> None:
    for slug in site.states:
        for language in LANGUAGES:
            page = site.page(language, slug)
            found = links(page.read_text(encoding="utf-8"))
            for target in LANGUAGES:
                expected = site.page(target, slug)
                assert resolve(page, site.dir, found.switcher[target]) == expected
            # hreflang alternates are in the sitemap (absolute), not relative in the head
            assert found.alternates == {}, (language, slug)


def test_language_names_are_babels_own_names(site: Site) -> None:
    names = links(site.html("en")).names
    for language in LANGUAGES:
        own = Locale(language).get_display_name(language)
        assert names[language] == own[:1].upper() + own[1:]
    assert names == {"de": "Deutsch", "en": "English", "ru": "Русский"}


class SwitcherChoices(HTMLParser):
    """The attributes of the language switcher's choices, and the button's words."""

    def __init__(self) -> None:
        super().__init__()
        self.choices: list[dict[str, str]] = []
        self.button: list[str] = []
        self._in_button = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "md-select__link" in a.get("class", ""):
            self.choices.append(a)
        self._in_button = self._in_button or "bp-languages__button" in a.get("class", "")

    def handle_endtag(self, tag: str) -> None:
        self._in_button = self._in_button and tag != "button"

    def handle_data(self, data: str) -> None:
        if self._in_button and data.strip():
            self.button.append(data.strip())


def test_switcher_is_labelled_and_marks_the_current_language(site: Site) -> None:
    labels = {"de": "Sprache:", "en": "Language:", "ru": "Язык:"}
    names = {"de": "Deutsch", "en": "English", "ru": "Русский"}
    for slug in ("", "about", site.slug("reviewed"), "archive"):
        for language in LANGUAGES:
            parser = SwitcherChoices()
            parser.feed(site.html(language, slug))
            assert parser.button == [labels[language], names[language]], (language, slug)
            current = [a["lang"] for a in parser.choices if a.get("aria-current") == "true"]
            assert current == [language], (language, slug)
            assert [(a["lang"], a["hreflang"]) for a in parser.choices] == [
                (code, code) for code in LANGUAGES
            ]


def test_mkdocs_yml_language_names_match_babel() -> None:
    data = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    i18n = next(p["i18n"] for p in data["plugins"] if isinstance(p, dict) and "i18n" in p)
    for entry in i18n["languages"]:
        assert entry["name"] == sitetext.language_name(entry["locale"])


def test_reviewed_article_has_no_notice(site: Site) -> None:
    slug = site.slug("reviewed")
    for language in ("en", "ru"):
        html = site.html(language, slug)
        assert "bp-notice" not in html
        assert 'lang="de"' not in article_of(html)


def site_words(site: Site, language: str) -> sitetext.Words:
    return sitetext.load(bp_config.load(site.root), language, drafts=True)


def test_drafts_show_the_notice_that_counts_the_drafts(site: Site) -> None:
    slug = site.slug("drafts")
    for language, title, line in (
        ("en", "Translation not yet fully reviewed",
         r"\d+ passages are draft translations that the editors have not yet reviewed\."),
        ("ru", "Перевод ещё не полностью проверен",
         r"\d+ фрагмент(а|ов)? — черновики? перевода, ещё не проверенн(ый|ые) редакцией\."),
    ):  # fmt: skip
        html = site.html(language, slug)
        assert '<div class="admonition warning bp-notice">' in html
        assert f'<p class="admonition-title">{title}</p>' in html
        assert re.search(f"<li>{line}</li>", html), language
        # drafts without the provenance comment of translate are no machine translation
        assert "machine" not in article_of(html) and "автоматически" not in article_of(html)


def test_untranslated_sentences_fall_back_to_german_marked_lang_de(site: Site) -> None:
    slug = site.slug("partial")
    html = site.html("en", slug)
    german = re.findall(r'<span lang="de">(.*?)</span>', html)
    assert german, "no German fallback on a partly translated page"
    source = (site.root / "docs/de" / f"{slug}.md").read_text(encoding="utf-8")
    plain = re.sub(r"<[^>]+>", "", german[0])
    assert plain[:30] in re.sub(r"[*_]", "", source)
    assert "Translation incomplete" in html
    assert re.search(r"<li>\d+ passages? appears? in the German original\.</li>", html)


def test_article_below_min_reviewed_is_the_german_original_kept_from_search_engines(
    site: Site,
) -> None:
    slug = site.slug("none")
    noindex = '<meta name="robots" content="noindex">'
    for language, words in (("en", "Not yet available in English"),
                            ("ru", "Пока недоступно на русском языке")):
        html = site.html(language, slug)
        assert words in html and noindex in html
        assert links(html).html_lang == language
        article = article_of(html)
        assert 'lang="de"' in article and f"{language.upper()}: " not in article
    for state in ("reviewed", "drafts", "partial"):
        assert noindex not in site.html("en", site.slug(state))


def test_descriptions_in_the_head_fit_a_search_result(site: Site) -> None:
    import html as html_module

    for language in LANGUAGES:
        for slug in site.states:
            page = site.html(language, slug)
            for pattern in (r'<meta name="description" content="([^"]*)"',
                            r'<meta property="og:description" content="([^"]*)"'):
                found = re.search(pattern, page)
                assert found, (language, slug, pattern)
                text = html_module.unescape(found.group(1))
                assert 40 <= len(text) <= 160, (language, slug, text)


def test_skip_to_content_leads_to_the_title_of_every_page(site: Site) -> None:
    """The skip link led to the first subheading, past title, byline and lead, and
    pages without subheadings had none (WCAG 2.4.1)."""
    pages = [site.html(language, slug) for language in LANGUAGES for slug in site.states]
    homes = ["index.html", "en/index.html", "ru/index.html"]
    pages += [(site.dir / home).read_text(encoding="utf-8") for home in homes]
    for page in pages:
        skip = re.search(r'<a href="(#[^"]*)" class="md-skip">', page)
        assert skip, page[:200]
        assert re.search(rf'<h1 id="{skip.group(1)[1:]}"[ >]', page), skip.group(1)


def test_robots_txt_leads_crawlers_to_the_sitemap(site: Site) -> None:
    base = bp_yaml(site.root)["site_url"].rstrip("/")
    robots = (site.dir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {base}/sitemap.xml" in robots.splitlines()


def test_a_page_kept_from_search_engines_is_not_in_the_sitemap(site: Site) -> None:
    """The German original standing in for a translation is noindex: the sitemap
    neither lists it nor names it as the German page's alternate."""
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    base = bp_yaml(site.root)["site_url"].rstrip("/")
    slug = site.slug("none")
    assert f"<loc>{base}/{slug}/</loc>" in sitemap
    for prefix in ("en/", "ru/"):
        assert f"{base}/{prefix}{slug}/" not in sitemap
    reviewed = site.slug("reviewed")
    assert f'hreflang="en" href="{base}/en/{reviewed}/"' in sitemap


def test_home_pages_list_every_article_in_their_language(site: Site) -> None:
    for language in LANGUAGES:
        page = site.page(language)
        html = page.read_text(encoding="utf-8")
        article = article_of(html)
        hrefs = re.findall(r'href="([^"#]+)"', article)
        targets = {resolve(page, site.dir, href) for href in hrefs}
        for slug in site.states:
            assert site.page(language, slug) in targets, (language, slug)
    assert "EN: " in site.html("en") and "RU: " in site.html("ru")


def test_site_name_is_translated(site: Site) -> None:
    assert "babelpress – Nachrichten" in site.html("de")
    assert "babelpress – News" in site.html("en")
    assert "babelpress – Новости" in site.html("ru")


def test_permalinks_and_footer_speak_the_page_language(site: Site) -> None:
    for language in LANGUAGES:
        words = site_words(site, language).texts
        for slug in ("about", site.slug("reviewed")):
            html = site.html(language, slug)
            titles = re.findall(r'class="headerlink" href="[^"]*" title="([^"]*)"', html)
            assert set(titles) <= {words["permalink"]}, (language, slug, set(titles))
            assert titles or slug != "about", "the about page has headings with permalinks"
            assert re.search(rf'{words["footer.generator"]}\s*<a href="https://squidfunk', html)
    assert "Permanent link" not in site.html("ru", "about")
    assert "Ссылка на этот раздел" in site.html("ru", "about")
    assert "Made with" not in site.html("de", "about")


def test_article_metadata_is_shown_with_labels_of_the_page_language(site: Site) -> None:
    slug = site.slug("reviewed")
    meta = yaml.safe_load(
        (site.root / "docs/de" / f"{slug}.md").read_text(encoding="utf-8").split("---\n")[1]
    )
    for language in LANGUAGES:
        html = site.html(language, slug)
        assert '<dl class="bp-byline">' in html
        words = site_words(site, language).texts
        if meta.get("author"):
            assert f"<dt>{words['meta.author']}</dt>" in html
        if meta.get("date"):
            assert sitetext.date(meta["date"], language) in html
        if meta.get("source"):
            assert f"<dt>{words['meta.source']}</dt>" in html


def test_a_404_page_per_language(site: Site) -> None:
    for language, prefix in (("de", ""), ("en", "en/"), ("ru", "ru/")):
        html = (site.dir / prefix / "404.html").read_text(encoding="utf-8")
        found = links(html)
        assert found.html_lang == language
        title = site_words(site, language).text("404.title")
        assert title in html
        # the tab says what the page is, and no search engine indexes it
        site_name = re.search(r"<title>(.*?)</title>", html, re.S)
        assert site_name and site_name.group(1).strip().startswith(title)
        assert '<meta name="robots" content="noindex">' in html
        # the switcher leads to the home pages, not to the page rendered last
        homes = {"de": "/", "en": "/en/", "ru": "/ru/"}
        assert found.switcher == homes, language
        assert found.alternates == {}
    # the root page sends readers of /en/... and /ru/... to their language's page
    assert 'location.replace(root + first + "/404.html")' in (site.dir / "404.html").read_text()


def test_one_search_index_per_language_with_its_stemmer(site: Site) -> None:
    indexes = {}
    for language, prefix in (("de", ""), ("en", "en/"), ("ru", "ru/")):
        data = json.loads((site.dir / prefix / "search/search_index.json").read_text())
        assert data["config"]["lang"] == [language]
        indexes[language] = data["docs"]
        for entry in data["docs"]:
            assert not entry["location"].startswith(("en/", "ru/"))
            assert (site.dir / prefix / entry["location"].split("#")[0] / "index.html").exists()
    ru_text = " ".join(entry["text"] for entry in indexes["ru"])
    assert RUSSIAN_SENTENCE.split()[0] in ru_text
    assert all(RUSSIAN_SENTENCE.split()[0] not in e["text"] for e in indexes["de"] + indexes["en"])
    # pages point the search at their language's index
    assert 'config.base = "../../ru/"' in site.html("ru", site.slug("reviewed"))
    assert "config.base =" not in site.html("de", site.slug("reviewed"))


def test_sitemap_lists_all_three_languages_with_alternates(site: Site) -> None:
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    base = bp_yaml(site.root)["site_url"].rstrip("/")
    for slug, state in site.states.items():
        if state == "none":
            continue  # kept from search engines (see the test above)
        for prefix in ("", "en/", "ru/"):
            assert f"<loc>{base}/{prefix}{slug}/</loc>" in sitemap
        assert f'hreflang="ru" href="{base}/ru/{slug}/"' in sitemap
        assert f'hreflang="x-default" href="{base}/{slug}/"' in sitemap


def test_rebuilding_writes_no_rendered_page(site: Site) -> None:
    before = {p: p.stat().st_mtime_ns for p in (site.root / "docs").rglob("*.md")}
    result = run([str(BIN / "mkdocs"), "build", "--strict"], site.root)
    after = {p: p.stat().st_mtime_ns for p in (site.root / "docs").rglob("*.md")}
    assert before == after
    assert "0 written, 0 removed" in result.stdout + result.stderr


def test_the_templates_compiled_are_kept_for_the_next_build_outside_the_project(
    site: Site,
) -> None:
    kept = sorted((user_cache(site.root) / "babelpress" / "templates").iterdir())
    assert len(kept) > 20  # material's partials and babelpress's templates
    assert all(path.name.endswith(".code") for path in kept)
    inside = site.root / ".cache"  # a cache folder set to one of the checkout
    run([str(BIN / "mkdocs"), "build", "--strict"], site.root, cache=inside)
    assert not (inside / "babelpress" / "templates").exists() or not any(
        (inside / "babelpress" / "templates").iterdir()
    )


def test_build_log_has_no_warning(site: Site) -> None:
    assert "WARNING" not in site.log


class Head(HTMLParser):
    """Open Graph tags and JSON-LD scripts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.og: list[tuple[str, str]] = []
        self.json_ld: list[dict] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and "property" in a:
            self.og.append((a["property"], a.get("content", "")))
        self._script = tag == "script" and a.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.json_ld.append(json.loads(data))


def head(html: str) -> Head:
    parser = Head()
    parser.feed(html)
    return parser


def front_matter_of(site: Site, language: str, slug: str) -> dict:
    text = (site.root / "docs" / language / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def editions(site: Site, slug: str) -> dict[str, str]:
    """Language -> absolute URL of the published editions of the article *slug*."""
    site_url = bp_yaml(site.root)["site_url"]
    found = {"de": f"{site_url}{slug}/"}
    for language in ("en", "ru"):
        if front_matter_of(site, language, slug)["babelpress"]["published"]:
            found[language] = f"{site_url}{language}/{slug}/"
    return found


def test_articles_carry_a_news_article_matching_their_front_matter(site: Site) -> None:
    config = bp_yaml(site.root)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    site_names = {entry["locale"]: entry["site_name"] for entry in i18n["languages"]}
    held_back = 0
    for slug in site.states:
        published = editions(site, slug)
        for language in LANGUAGES:
            found = head(site.html(language, slug))
            if language not in published:
                # the German original standing in for a translation is no translation
                held_back += 1
                assert found.json_ld == [] and ("og:type", "website") in found.og
                continue
            [data] = found.json_ld
            meta = front_matter_of(site, language, slug)
            assert data["@type"] == "NewsArticle" and data["@context"] == "https://schema.org"
            assert data["url"] == data["@id"] == published[language]
            assert data["headline"] == meta["title"]
            # the first paragraph, cut to what a search result shows
            assert data["description"] == short_description(meta["description"])
            assert data["inLanguage"] == language
            assert data.get("datePublished") == (str(meta["date"]) if "date" in meta else None)
            authors = meta.get("author")
            names = [authors] if isinstance(authors, str) else authors or []
            assert [p["name"] for p in data.get("author", [])] == names
            assert data["publisher"] == {
                "@type": "Organization",
                "name": site_names[language],
                "url": published[language].removesuffix(f"{slug}/"),
            }
            if language == "de":
                links_to = {t["inLanguage"]: t["url"] for t in data.get("workTranslation", [])}
                assert links_to == {k: v for k, v in published.items() if k != "de"}
                assert "translationOfWork" not in data
            else:
                assert data["translationOfWork"]["url"] == published["de"]
                assert data["translationOfWork"]["inLanguage"] == "de"
                assert "workTranslation" not in data
            og = dict(found.og)
            assert og["og:type"] == "article" and og["og:url"] == data["url"]
            assert og["og:title"] == meta["title"]
            assert og["og:site_name"] == site_names[language]
            alternates = {v for k, v in found.og if k == "og:locale:alternate"}
            locales = {"de": "de_DE", "en": "en_US", "ru": "ru_RU"}
            assert og["og:locale"] == locales[language]
            assert alternates == {locales[k] for k in published if k != language}
            if "date" in meta:
                assert og["article:published_time"] == str(meta["date"])
    assert held_back, "the test site has no translation held back below min_reviewed"


def test_translations_link_both_ways_with_absolute_urls(site: Site) -> None:
    site_url = bp_yaml(site.root)["site_url"]
    linked = 0
    for slug in site.states:
        [original] = head(site.html("de", slug)).json_ld
        for translation in original.get("workTranslation", []):
            assert translation["url"].startswith(site_url)
            language = translation["inLanguage"]
            [data] = head(site.html(language, slug)).json_ld
            assert data["url"] == translation["url"]
            assert data["translationOfWork"]["url"] == original["url"]
            linked += 1
    assert linked >= 2 * 3  # reviewed, drafts and partial in English and Russian


def test_pages_that_are_no_articles_have_no_news_article(site: Site) -> None:
    for language in LANGUAGES:
        for slug in ("", "about", "archive"):
            found = head(site.html(language, slug))
            assert found.json_ld == [], (language, slug)
            assert dict(found.og)["og:type"] == "website"


def test_dates_are_machine_readable_in_byline_and_listings(site: Site) -> None:
    dated = [s for s in site.states if "date" in front_matter_of(site, "de", s)]
    assert dated, "the test site has no dated article"
    for slug in dated:
        day = str(front_matter_of(site, "de", slug)["date"])
        for language in LANGUAGES:
            byline = site.html(language, slug).split('<dl class="bp-byline">', 1)[1]
            byline = byline.split("</dl>", 1)[0]
            assert f'<time datetime="{day}">' in byline, (language, slug)
            assert f'<time datetime="{day}">' in article_of(site.html(language)), language


#: a caption or credit paragraph, with what stands right before it
CAPTION_PARAGRAPH = re.compile(r'(.{0,80})<p class="(?:caption|credit)">', re.DOTALL)


def captioned(site: Site) -> list[str]:
    """Slugs of the articles with a photo caption or credit."""
    docs = site.root / "docs" / "de"
    return [s for s in site.states if "{: .caption" in (docs / f"{s}.md").read_text("utf-8")]


def test_captions_are_caption_blocks_never_loose_paragraphs(site: Site) -> None:
    assert captioned(site), "the test site has no article with a photo caption"
    for slug in site.states:
        for language in LANGUAGES:
            article = article_of(site.html(language, slug))
            label = site_words(site, language).text("photo.caption")
            for before in CAPTION_PARAGRAPH.findall(article):
                # inside the block: right after the label, or after the caption
                assert before.rstrip().endswith((f"{label}</span>", "</p>")), (language, slug)
                assert '<figure class="bp-photo">' in article
            blocks = article.count('<figure class="bp-photo">')
            assert blocks == article.count('<span class="bp-photo__label">')
            assert (blocks > 0) == (slug in captioned(site)), (language, slug)


def test_captions_can_be_hidden(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    yml = root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    yml.write_text(text.replace("min_reviewed: 0\n", "min_reviewed: 0\n      captions: hide\n"))
    extract(root)
    run([str(BIN / "mkdocs"), "build", "--strict"], root)
    docs = root / "docs" / "de"
    slugs = [p.stem for p in docs.glob("*.md") if "{: .caption" in p.read_text("utf-8")]
    assert slugs
    for slug in slugs:
        for language in LANGUAGES:
            source = (root / "docs" / language / f"{slug}.md").read_text("utf-8")
            caption = re.search(r"^(.+)\n\{: \.caption", source, re.M)[1]  # type: ignore[index]
            prefix = "" if language == "de" else f"{language}/"
            html = (root / "site" / prefix / slug / "index.html").read_text("utf-8")
            article = article_of(html)
            assert 'class="caption"' not in article and 'class="credit"' not in article
            assert "bp-photo" not in article
            assert html.count(caption) == 0, (language, slug)
            assert "<p>" in article


def test_about_page_is_written_for_readers(site: Site) -> None:
    block = next(
        p["babelpress"] for p in bp_yaml(site.root)["plugins"]
        if isinstance(p, dict) and "babelpress" in p
    )
    address = block["bugs_address"]
    for language in LANGUAGES:
        article = article_of(site.html(language, "about"))
        # how to report an error: the editors' address, as a link
        assert f'href="mailto:{address}"' in article, language
        # the editors' instructions are in REVIEWING.md, not on the site
        for word in ("LC_MESSAGES", ".po", "fuzzy", "Weblate", "Poedit", "ignore-", "msgid"):
            assert word not in article, (language, word)


# ------------------------------------------------------------------ helpers
class Loader(yaml.SafeLoader):
    """mkdocs.yml has python tags (the toc slugify function): read them as plain data."""


Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def bp_yaml(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def iter_pages(site: Site) -> Iterator[Path]:
    yield from site.dir.rglob("index.html")

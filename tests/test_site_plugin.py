"""The MkDocs plugin's configuration and the site helpers, without building a site."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config.base import load_config

from babelpress import config as bp_config
from babelpress import project as layout
from babelpress.plugin import BabelpressPlugin
from babelpress.render import all_pages as render
from babelpress.site import build as sitebuild
from babelpress.site import configure
from babelpress.site import words as sitetext

REPO = Path(__file__).resolve().parent.parent


def repo_words(language: str) -> sitetext.Words:
    """The site's words of *language* from the project's own catalogues (reviewed)."""
    return sitetext.load(bp_config.load(REPO), language, drafts=False)


def test_plugin_builds_settings_from_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ndocs_dir: pages\nplugins:\n"
        "  - babelpress:\n      languages: [en]\n      min_reviewed: 50\n"
        "      publish_drafts: false\n",
        encoding="utf-8",
    )
    cfg = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = cfg.plugins["babelpress"]
    assert isinstance(plugin, BabelpressPlugin)
    settings = plugin._settings(cfg)
    assert settings == bp_config.load(tmp_path)
    assert settings.docs_dir == "pages" and settings.languages == ("en",)
    assert settings.min_reviewed == 50 and settings.publish_drafts is False


def test_mode_follows_the_mkdocs_command() -> None:
    plugin = BabelpressPlugin()
    assert plugin.mode == "build"
    plugin.on_startup(command="serve", dirty=False)
    assert plugin.mode == "serve"
    plugin.on_startup(command="build", dirty=False)
    assert plugin.mode == "build"


@pytest.mark.parametrize(("command", "renders"), [("build", 1), ("serve", 3)])
def test_one_build_renders_once_for_all_language_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, renders: int
) -> None:
    """i18n builds each language inside the first build: in ``mkdocs build`` nothing can
    have changed in between; ``mkdocs serve`` checks its inputs again every time."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ndocs_dir: pages\nplugins:\n  - babelpress:\n      languages: [en]\n",
        encoding="utf-8",
    )
    cfg = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = cfg.plugins["babelpress"]
    calls: list[object] = []
    monkeypatch.setattr(plugin, "_render", calls.append)
    plugin.on_startup(command=command, dirty=False)
    monkeypatch.setattr(plugin._preview, "build_started", lambda *args: None)
    plugin._render_pages(cfg)  # the first (German) build
    plugin.on_pre_build(config=cfg)
    plugin._render_pages(cfg)  # the language builds, from the first one's post_build
    plugin._render_pages(cfg)
    assert len(calls) == renders
    # a build stopped by an interrupt (no post_build) leaves the next one whole
    plugin.on_startup(command=command, dirty=False)
    monkeypatch.setattr(plugin._preview, "build_started", lambda *args: None)
    plugin._render_pages(cfg)
    assert len(calls) == renders + 1


def test_render_signature_sees_every_input_and_output_change(project: Path) -> None:
    settings = bp_config.load(project)
    render.render_all(settings)
    before = render.signature(settings, "build")
    assert render.signature(settings, "build") == before
    assert render.signature(settings, "serve") != before
    names = {Path(path).name for path, _, _ in before[2]}
    slug = layout.pages(settings)[0].slug
    assert {f"{slug}.md", f"{slug}.po"} <= names

    po = layout.po_path(settings, "ru", slug)
    po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_po = render.signature(settings, "build")
    assert after_po != before
    page = layout.rendered_folder(settings, "en") / f"{slug}.md"
    page.unlink()
    assert render.signature(settings, "build") != after_po
    new = settings.source_docs_path / "neu" / "seite.md"
    new.parent.mkdir()
    new.write_text("# Neu\n", encoding="utf-8")
    assert any(path == str(new) for path, _, _ in render.signature(settings, "build")[2])


def test_search_index_is_split_per_language(tmp_path: Path) -> None:
    docs = [
        {"location": "", "title": "Artikel", "text": "Start"},
        {"location": "a/", "title": "A", "text": "deutsch"},
        {"location": "en/", "title": "Articles", "text": "home"},
        {"location": "en/a/#x", "title": "A", "text": "english"},
        {"location": "ru/a/", "title": "А", "text": "русский"},
    ]
    config = {"lang": ["de", "en", "ru"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"]}
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")

    assert sitebuild.split_search_index(tmp_path, "de", ["de", "en", "ru"])

    def read(prefix: str) -> dict:
        return json.loads((tmp_path / prefix / "search/search_index.json").read_text())

    de, en, ru = read(""), read("en"), read("ru")
    assert de["config"] == {**config, "lang": ["de"]}
    assert [d["location"] for d in de["docs"]] == ["", "a/"]
    assert en["config"]["lang"] == ["en"]
    assert [d["location"] for d in en["docs"]] == ["", "a/#x"]
    assert ru["config"]["lang"] == ["ru"] and ru["docs"][0]["text"] == "русский"


def test_search_index_missing_is_no_error(tmp_path: Path) -> None:
    assert not sitebuild.split_search_index(tmp_path, "de", ["de", "en"])


@pytest.mark.parametrize(
    ("base_url", "language", "home", "search"),
    [
        (".", "de", "./", None),
        ("..", "de", "../", None),
        ("..", "en", "../en/", "../en/"),
        ("../..", "ru", "../../ru/", "../../ru/"),
        ("/", "en", "/en/", "/en/"),
        ("/", "de", "/", None),
        ("/sub/", "ru", "/sub/ru/", "/sub/ru/"),
    ],
)
def test_template_context_urls(base_url: str, language: str, home: str, search: str | None) -> None:
    context = sitebuild.template_context(
        language=language, default_language="de", languages=["de", "en", "ru"], base_url=base_url,
        words=repo_words(language),
    )  # fmt: skip
    assert context["home_url"] == home
    assert context["search_base"] == search
    assert context["languages"] == ["en", "ru"]
    title = {"de": "Seite nicht gefunden", "en": "Page not found", "ru": "Страница не найдена"}
    assert context["texts"]["404.title"] == title[language]


META = {
    "title": "T",
    "author": "Emma Collet",
    "contributors": ["Florian Coppenrath"],
    "translator": "Robin Roth",
    "source": "Novastan",
    "date": dt.date(2022, 4, 24),
}


def test_byline_on_the_german_page() -> None:
    items = {item["key"]: item for item in sitebuild.byline(META, "de", "de", repo_words("de"))}
    assert list(items) == ["author", "contributors", "date", "source", "translator"]
    assert items["date"]["text"] == "24. April 2022"
    assert items["translator"] == {
        "key": "translator", "label": "Übersetzung", "text": "Robin Roth", "href": ""
    }


def test_byline_on_a_translated_page_credits_the_german_translation() -> None:
    meta = {**META, "source": "https://www.example.org/x", "babelpress": {"machine": True}}
    items = {item["key"]: item for item in sitebuild.byline(meta, "ru", "de", repo_words("ru"))}
    assert items["date"]["text"] == "24 апреля 2022 года"
    assert items["source"]["text"] == "example.org"
    assert items["source"]["href"] == "https://www.example.org/x"
    assert items["source-translator"]["label"] == "Перевод на немецкий"
    assert items["translator"]["text"] == "машинный, не проверен"


def test_dates_are_written_as_each_edition_writes_them() -> None:
    # the English catalogues (British English) write "24 April 2022", the Russian
    # ones "24 апреля 2022 года"
    items = {item["key"]: item for item in sitebuild.byline(META, "en", "de", repo_words("en"))}
    assert items["date"]["text"] == "24 April 2022"
    assert sitetext.date("2022-05-09", "en") == "9 May 2022"
    assert sitetext.date("2022-04-24", "ru") == "24 апреля 2022 года"


def test_byline_names_the_machine_only_when_the_whole_page_is_machine_made() -> None:
    words = repo_words("en")
    for review in ({"drafts": False}, {"drafts": True}):
        meta = {"author": "A", "babelpress": review}
        assert [item["key"] for item in sitebuild.byline(meta, "en", "de", words)] == ["author"]
    meta = {"author": "A", "babelpress": {"drafts": True, "machine": True}}
    items = sitebuild.byline(meta, "en", "de", words)
    assert items[-1] == {"key": "translator", "label": "Translation",
                         "text": "machine, not yet reviewed", "href": ""}  # fmt: skip


def test_a_language_without_a_catalogue_of_words_gets_german_words_and_babel_numbers(
    tmp_path: Path,
) -> None:
    settings = bp_config.Settings.defaults(tmp_path).replace(languages=("en", "ru", "fr"))
    words = sitetext.load(settings, "fr", drafts=True)
    assert words.text("404.title") == "Seite nicht gefunden"
    assert words.plural("notice.german", 3) == "3 Textstellen erscheinen im deutschen Original."
    assert sitetext.percent(64.9, "fr") == "64\u00a0%"
    assert sitetext.percent(64.9, "en") == "64%"
    assert sitetext.language_name("ru") == "Русский"


@pytest.mark.parametrize(
    ("site_url", "links"),
    [
        ("https://example.org/", ["/", "/en/", "/ru/"]),
        ("https://example.org/news/", ["/news/", "/news/en/", "/news/ru/"]),
        (None, ["/", "/en/", "/ru/"]),
    ],
)
def test_404_switcher_leads_to_the_home_pages(site_url: str | None, links: list[str]) -> None:
    last_page = [
        {"name": name, "lang": lang, "link": f"{prefix}article/"}
        for name, lang, prefix in (("Deutsch", "de", "/"), ("English", "en", "/en/"),
                                   ("Русский", "ru", "/ru/"))
    ]
    homes = sitebuild.home_alternates(last_page, site_url, "de")
    assert [alt["link"] for alt in homes] == links
    assert [alt["name"] for alt in homes] == ["Deutsch", "English", "Русский"]


_LINK = '<link rel="alternate" href="../en/a/" hreflang="en">'
#: the rule drop_head_alternates follows, as one regular expression (slow on long heads)
_ALTERNATE_RULE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def _dropped_by_rule(page: str) -> str:
    head, end, rest = page.partition("</head>")
    return _ALTERNATE_RULE.sub("", head) + end + rest if end else page


@given(st.lists(st.sampled_from([
    _LINK, "\n", " ", "\t", "</head>", '<link rel="alternate" href="x">', 'hreflang="de"',
    '<link rel="alternate" href="a"b" hreflang="ru">', "<meta>", "x", '"',
    '<link rel="alternate" href="', '" hreflang="en">', '<link rel="alternate" href="<link',
]), max_size=14))
@settings(max_examples=300, deadline=None)
def test_head_alternates_go_with_their_indentation_and_nothing_else(parts: list[str]) -> None:
    page = "".join(parts)
    assert sitebuild.drop_head_alternates(page) == _dropped_by_rule(page)


def test_head_alternates_are_dropped_from_the_head_only() -> None:
    page = f"<head>\n  {_LINK}\n\t{_LINK}{_LINK}\n<title>t</title>\n</head>\n{_LINK}\n"
    assert sitebuild.drop_head_alternates(page) == f"<head>\n<title>t</title>\n</head>\n{_LINK}\n"


def test_permalinks_are_titled_in_the_page_language() -> None:
    content = (
        '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
        '<p><a href="#a" title="Permanent link">x</a></p>'
    )
    localised = sitebuild.localise_permalinks(content, repo_words("ru"))
    assert localised.count('title="Ссылка на этот раздел"') == 1
    assert localised.endswith('<a href="#a" title="Permanent link">x</a></p>')
    english = sitebuild.localise_permalinks(content, repo_words("en"))
    assert english.count('title="Link to this section"') == 1



# ------------------------------------------------------------------ the packaged theme
def test_theme_goes_after_the_custom_dir_and_before_everything_else() -> None:
    ours = str(configure.THEME_DIR)
    # as mkdocs-static-i18n leaves them: its sitemap folder in front, once per language
    dirs = ["/i18n/sitemap", "/i18n/sitemap", "/project/overrides", "/material", "/mkdocs"]
    placed = configure.theme_dirs(dirs, "/project/overrides")
    assert placed == ["/project/overrides", ours, "/i18n/sitemap", "/material", "/mkdocs"]
    assert configure.theme_dirs(placed, "/project/overrides") == placed
    assert configure.theme_dirs(["/material", "/mkdocs"], None) == [ours, "/material", "/mkdocs"]


def test_theme_folder_holds_what_the_plugin_promises() -> None:
    promised = [
        "main.html",
        "404.html",
        "sitemap.xml",
        "partials/content.html",
        "partials/babelpress-byline.html",
        "partials/copyright.html",
        configure.STYLESHEET,
        "assets/javascripts/workers/babelpress-search.js",
    ]
    for name in promised:
        assert (configure.THEME_DIR / name).is_file(), name


def test_stylesheet_comes_first_once() -> None:
    assert configure.stylesheets([]) == [configure.STYLESHEET]
    mine = ["css/mine.css", configure.STYLESHEET]
    assert configure.stylesheets(mine) == [configure.STYLESHEET, "css/mine.css"]
    twice = configure.stylesheets(configure.stylesheets(mine))
    assert twice == [configure.STYLESHEET, "css/mine.css"]


def test_attr_list_is_added_unless_present_under_either_name() -> None:
    assert configure.markdown_extensions(["toc", "tables"]) == ["toc", "tables", "attr_list"]
    for present in ("attr_list", "markdown.extensions.attr_list"):
        assert configure.markdown_extensions(["toc", present]) == ["toc", present]
    from markdown.extensions.attr_list import AttrListExtension

    instance = AttrListExtension()
    assert configure.markdown_extensions([instance]) == [instance]


def test_plugin_installs_the_theme_after_i18n_once_per_language(tmp_path: Path) -> None:
    (tmp_path / "docs" / "de").mkdir(parents=True)
    (tmp_path / "docs" / "de" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme:\n  name: material\n  custom_dir: overrides\n"
        "plugins:\n  - babelpress:\n      languages: [en]\n"
        "  - i18n:\n      docs_structure: folder\n"
        "      languages:\n        - locale: de\n          default: true\n          name: Deutsch\n"
        "        - locale: en\n          name: English\n",
        encoding="utf-8",
    )
    cfg = load_config(str(tmp_path / "mkdocs.yml"))
    for _ in range(2):  # i18n runs on_config again for every language
        cfg = cfg.plugins.on_config(cfg)
    dirs = cfg.theme.dirs
    assert dirs[0] == str(tmp_path / "overrides") and dirs[1] == str(configure.THEME_DIR)
    assert any(d.endswith("custom_i18n_sitemap") for d in dirs[2:])
    assert len(dirs) == len(set(dirs))
    assert cfg.extra_css == [configure.STYLESHEET]
    assert cfg.markdown_extensions.count("attr_list") == 1


def test_plugin_leaves_another_theme_alone_and_says_so(tmp_path: Path, caplog) -> None:
    (tmp_path / "docs" / "de").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme: mkdocs\nplugins:\n  - babelpress:\n      languages: [en]\n",
        encoding="utf-8",
    )
    cfg = load_config(str(tmp_path / "mkdocs.yml"))
    before = list(cfg.theme.dirs)
    with caplog.at_level("WARNING"):
        cfg = cfg.plugins.on_config(cfg)
    assert cfg.theme.dirs == before and str(configure.THEME_DIR) not in before
    assert "attr_list" in cfg.markdown_extensions
    assert "extend the 'material' theme, not 'mkdocs'" in caplog.text


def theme_template(name: str) -> jinja2.Template:
    """One of the package's templates, in an environment like MkDocs' (no autoescape)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(configure.THEME_DIR))
    return env.get_template(name)


def test_byline_template_escapes_every_value() -> None:
    item = {
        "key": 'author"><x',
        "label": "Autor<in>",
        "text": "<script>alert(1)</script>",
        "href": 'https://example.org/?a="b"&c',
    }
    out = theme_template("partials/babelpress-byline.html").render(babelpress={"byline": [item]})
    assert "<script>" not in out and "<in>" not in out and '"><x' not in out
    assert "<dt>Autor&lt;in&gt;</dt>" in out
    assert 'href="https://example.org/?a=&#34;b&#34;&amp;c"' in out
    assert ">&lt;script&gt;alert(1)&lt;/script&gt;</a>" in out


def test_sitemap_without_i18n_lists_the_pages_of_the_build() -> None:
    page = SimpleNamespace(is_link=False, meta={"date": dt.date(2024, 5, 9)})
    pages = [SimpleNamespace(page=page, url="a&b/"), SimpleNamespace(page=page, url="./")]
    out = theme_template("sitemap.xml").render(
        config={"site_url": "https://example.org/"}, pages=pages
    )
    assert "<loc>https://example.org/a&amp;b/</loc>" in out
    assert "<loc>https://example.org/</loc>" in out
    assert out.count("<lastmod>2024-05-09</lastmod>") == 2


def test_search_index_is_split_from_what_material_holds(tmp_path: Path) -> None:
    from material.plugins.search.plugin import SearchIndex, SearchPlugin

    plugin = SearchPlugin()
    settings = {"lang": ["de"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"], "fields": {}}
    plugin.search_index = SearchIndex(**settings, jieba_dict=None)
    plugin.search_index.entries = [
        {"location": "a/", "title": "A", "text": "deutsch"},
        {"location": "en/a/", "title": "A", "text": "english"},
    ]
    held = sitebuild.search_index_held({"search": plugin})
    assert held == {"config": settings, "docs": plugin.search_index.entries}

    assert sitebuild.split_search_index(tmp_path, "de", ["de", "en"], held)
    english = json.loads((tmp_path / "en/search/search_index.json").read_text())
    assert english["docs"] == [{"location": "a/", "title": "A", "text": "english"}]
    assert english["config"] == {**settings, "lang": ["en"]}


def test_another_search_plugin_is_read_back_from_the_site() -> None:
    class Other:
        search_index = type("Index", (), {"entries": [], "config": {}})()

    assert sitebuild.search_index_held({"search": Other()}) is None
    assert sitebuild.search_index_held({}) is None


def test_robots_txt_names_the_sitemap(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    site.mkdir()
    docs.mkdir()
    assert sitebuild.write_robots(site, "https://news.example.org/de-news", docs)
    text = (site / "robots.txt").read_text(encoding="utf-8")
    assert text == "User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/de-news/sitemap.xml\n"
    assert not sitebuild.write_robots(site, "https://news.example.org/de-news/", docs)  # same


def test_a_sites_own_robots_txt_and_a_site_without_url_get_none(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    site.mkdir()
    docs.mkdir()
    assert not sitebuild.write_robots(site, None, docs)
    (docs / "robots.txt").write_text("User-agent: *\nDisallow: /intern/\n", encoding="utf-8")
    assert not sitebuild.write_robots(site, "https://news.example.org/", docs)
    assert not (site / "robots.txt").exists()

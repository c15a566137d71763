"""Front matter from seeds and ``meta.yml`` is text on the site, in every language.

The seed lines of the report (a byline, "Mit Ergänzungen von", "Übersetzung:", a
title line and a lead carrying HTML) and the same in ``meta.yml`` go through
``normalise``, ``extract`` and a real ``mkdocs build --strict``; every built page
is parsed with an HTML parser: no element or attribute came from them, and their
text is shown as written (in ``<title>``, the navigation, the byline, the
description).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from html_audit import audit_html, audit_site, texts
from untrusted_project import ARTICLE, babelpress, make_project, mkdocs_build

MARKER = "xssbp"
TITLE = f"Titel <script>alert('{MARKER}4')</script> über Astana"
HOSTILE_SEED = f"""\
{TITLE}

Max Mustermann, Redakteur für <img src=x onerror=alert('{MARKER}1')>

"><script>alert('{MARKER}5')</script> Astana sucht neue Partner. Die Regierung bleibt ruhig.

Mit Ergänzungen von <script>alert('{MARKER}2')</script>

Übersetzung: <svg onload=alert('{MARKER}3')>

Ein Balanceakt

Der Politologe sagt, das Land müsse vorsichtig bleiben.
"""
#: attribute lists (Python-Markdown's ``attr_list``) after a heading and after a mail link
ATTRIBUTES_SEED = f"""\
Kasachstan sucht neue Partner im Westen

Astana sucht seit dem Frühjahr neue Partner. Die Regierung will Moskau nicht verärgern.

Balanceakt {{'x' onclick=alert('{MARKER}11') style=position:fixed}}

Hinweise bitte an <1@x.de>{{onclick=alert('{MARKER}12')}} senden, schreibt die Redaktion.

Debatte im Rathaus {{tabindex=0 autofocus onfocus=alert('{MARKER}15') {{}}

Der Bürgermeister sprach von einem guten Tag für die Stadt.
"""
META = {
    "b.txt": {
        "title": f"<a href=\"javascript:alert('{MARKER}6')\">Meta-Titel</a>",
        "description": f"\"><img src=x onerror=alert('{MARKER}7')>",
        "author": f"<b onmouseover=alert('{MARKER}8')>Autorin</b>",
        "contributors": [f"<iframe src=javascript:alert('{MARKER}9')></iframe>"],
        "translator": f"<style>body{{background:url({MARKER})}}</style>",
        "source": f"https://example.org/?q=\"><script>alert('{MARKER}10')</script>",
    },
    # values that are no text: their keys and items reach the page as ``str(value)``
    "c.txt": {
        "description": {f"<script>alert('{MARKER}13')</script>": 1},
        "keywords": [{f"<img src=x onerror=alert('{MARKER}14')>": [1, 2]}],
    },
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("untrusted") / "project",
        {"a.txt": HOSTILE_SEED, "b.txt": ARTICLE, "c.txt": ARTICLE, "d.txt": ATTRIBUTES_SEED},
        META,
    )
    for step in (("normalise",), ("extract",)):
        result = babelpress(root, *step)
        assert result.returncode == 0, result.stdout + result.stderr
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def _page(root: Path, language: str, slug: str) -> str:
    prefix = "" if language == "de" else f"{language}/"
    return (root / "site" / f"{prefix}{slug}/index.html").read_text(encoding="utf-8")


def _slug(root: Path, seed: str) -> str:
    for path in (root / "docs" / "de").glob("*.md"):
        if f"seed: {seed}" in path.read_text(encoding="utf-8"):
            return path.stem
    raise AssertionError(f"no page from {seed}")


def test_no_element_or_attribute_comes_from_front_matter(built: Path) -> None:
    assert audit_site(built / "site", MARKER) == []


@pytest.mark.parametrize("language", ["de", "en", "ru"])
def test_hostile_front_matter_is_shown_as_text(built: Path, language: str) -> None:
    html = _page(built, language, _slug(built, "a.txt"))
    shown = " ".join(texts(html))
    assert f"<script>alert('{MARKER}4')</script>" in shown  # title, heading, navigation
    # contributors in the byline (the normaliser splits names at "/", so "</" parts them)
    assert f"<script>alert('{MARKER}2')<" in shown
    assert f"<svg onload=alert('{MARKER}3')>" in shown  # translator
    meta = _page(built, language, _slug(built, "b.txt"))
    shown = " ".join(texts(meta))
    assert "<b onmouseover=" in shown and "Autorin</b>" in shown
    assert f"<iframe src=javascript:alert('{MARKER}9')></iframe>" in shown
    assert f'content="&#34;&gt;&lt;img src=x onerror=alert(&#39;{MARKER}7&#39;)&gt;"' in meta


def test_the_home_page_lists_the_titles_as_text(built: Path) -> None:
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert audit_html(html, MARKER) == []
    assert TITLE in " ".join(texts(html))


def test_byline_is_the_same_text_before_and_after_escaping() -> None:
    from babelpress.site import build as sitebuild

    meta = {**META["b.txt"], "date": "2022-04-24", "babelpress": {"drafts": True}}
    escaped = sitebuild.html_values(meta)
    assert escaped["author"] == "&lt;b onmouseover=alert(&#39;xssbp8&#39;)&gt;Autorin&lt;/b&gt;"
    from babelpress.site import words as sitetext

    for language in ("de", "en"):
        words = sitetext.load_german(language)
        shown = sitebuild.byline(escaped, language, "de", words)
        assert shown == sitebuild.byline(meta, language, "de", words)


@pytest.mark.parametrize("language", ["de", "en", "ru"])
def test_open_graph_and_json_ld_hold_the_title_escaped_once(built: Path, language: str) -> None:
    """Read as a browser or a crawler reads them, they give the title's text, not "&amp;"."""
    import json
    from html.parser import HTMLParser

    class Head(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.og: dict[str, str] = {}
            self.scripts: list[str] = []
            self._in_json = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "meta" and (found.get("property") or "").startswith("og:"):
                self.og[found["property"] or ""] = found.get("content") or ""
            self._in_json = tag == "script" and found.get("type") == "application/ld+json"

        def handle_data(self, data: str) -> None:
            if self._in_json:
                self.scripts.append(data)
                self._in_json = False

    head = Head()
    head.feed(_page(built, language, _slug(built, "a.txt")))
    assert head.og["og:title"] == TITLE
    assert json.loads(head.scripts[0])["headline"] == TITLE
    head = Head()
    head.feed(_page(built, language, _slug(built, "b.txt")))
    assert head.og["og:description"] == META["b.txt"]["description"]


def test_messages_print_no_control_character() -> None:
    """A catalogue's text or a file name quoted in a message cannot drive the terminal."""
    from babelpress.errors import InputError, printable
    from babelpress.qa.model import Finding

    assert printable("a\x1b]0;pwned\x07b\nc\u202ed\tz") == "a\\x1b]0;pwned\\x07b\\x0ac\\u202ed\tz"
    error = InputError("HTML tag <b\x1b[2J>", path="locale/en/LC_MESSAGES/x\x1b]0;t\x07.po")
    assert "\x1b" not in str(error) and "\x07" not in str(error)
    finding = Finding("x\x1b.po", 3, "error", "safe-html", "tag <b\x1b]0;t\x07>")
    assert "\x1b" not in str(finding) and "\\x1b" in str(finding)


def test_front_matter_of_aliases_is_copied_once_per_value() -> None:
    """A few lines of YAML aliases name 9**6 strings (each further line 9 times more):
    each shared list is escaped once, and the copy shares it as the original does."""
    import yaml

    from babelpress.site.build import html_values

    lines = ["x0: &a0 [" + ", ".join(["'<b>'"] * 9) + "]"]
    lines += [f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 7)]
    escaped = html_values(yaml.safe_load("\n".join(lines)))
    assert escaped["x1"][0] is escaped["x2"][0][0] and escaped["x0"][0] == "&lt;b&gt;"
    assert html_values({1: {"<i>"}}) == {1: "{&#39;&lt;i&gt;&#39;}"}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("hide", 5),
        ("search", 5),
        ("template", "../../etc/passwd"),
        ("template", "nothere.html"),
        # material's redirect page writes the front matter's "location" into a script
        ("template", "redirect.html"),
        ("icon", "nope"),
        ("icon", "../../../etc/passwd"),
    ],
)
def test_theme_keys_of_the_wrong_kind_stop_the_build_with_a_message(
    tmp_path: Path, key: str, value: object
) -> None:
    """Material reads ``hide`` as a list, ``search`` as a mapping, MkDocs ``template`` as a
    template's name: other values from ``meta.yml`` ended the build in a traceback."""
    root = make_project(tmp_path / "project", {"e.txt": ARTICLE}, {"e.txt": {key: value}})
    for step in (("normalise",), ("extract",)):
        assert babelpress(root, *step).returncode == 0
    result = mkdocs_build(root, strict=True)
    shown = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in shown
    assert f"front matter: '{key}' must" in shown and "docs/de/" in shown


def test_a_title_made_from_a_file_name_is_text(tmp_path: Path) -> None:
    """A page without ``title:`` or heading is titled after its file name by MkDocs, and
    the theme prints titles as they are: in its header, its neighbours' links, search."""
    root = make_project(tmp_path / "project", {"b.txt": ARTICLE}, {})
    assert babelpress(root, "normalise").returncode == 0
    name = f"<img src=x onerror=alert('{MARKER}20')>"
    (root / "docs" / "de" / f"{name}.md").write_text(
        "---\ndate: 2024-05-01\n---\n\nEin Satz ohne Überschrift.\n", encoding="utf-8"
    )
    assert babelpress(root, "extract").returncode == 0
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert audit_site(root / "site", MARKER) == []
    index = (root / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<img" not in index

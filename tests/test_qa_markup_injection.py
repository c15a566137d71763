"""A translation carries exactly the markup its German carries: ``check`` and render agree.

Each case is a German page, a translation of one of its entries, and what must not
reach the page.  The translation is checked (``safe-html`` error, which no flag
silences) and the page is rendered and converted the way MkDocs does it
(mkdocs-static-i18n splits lines with ``str.splitlines``, then Python-Markdown with
the project's extensions): the German sentence is published, and nothing the
translation tried to add is in the HTML.
"""

from __future__ import annotations

from collections import Counter

import markdown as pymarkdown
import polib
import pytest

from babelpress.config import Settings
from babelpress.markdown.reader import parse
from babelpress.qa import check_entry, render_blockers
from babelpress.qa.constructs import attribute_lists, html_tokens, line_starts, links
from babelpress.render.page import index_catalog, render_page

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "toc", "tables", "abbr", "def_list"]
#: a German paragraph of two source lines, with a reference link and inline HTML
PAGE = """\
---
title: Die Quelle
---

# Die Quelle

Die Regierung verweist auf ihre
Quelle im Netz.

Lest [hier](https://example.org/gut) die <a href="https://example.org/gut">Studie</a>.

Er nennt es \\*so\\*{: .md-banner } und geht.

## Der Hintergrund
"""
TWO_LINES = "Die Regierung verweist auf ihre\nQuelle im Netz."
LINKS = 'Lest [hier][1] die <a href="https://example.org/gut">Studie</a>.'
HEADING = "Der Hintergrund"
#: an attribute list the German shows as text (after an escaped asterisk)
LITERAL = "Er nennt es \\*so\\*{: .md-banner } und geht."
EVIL = "evil.example"
MAILTO = '<a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;'

SEPARATORS = ["\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]

#: (German msgid, hostile translation, what must not be in the HTML)
HOSTILE = [
    # 3: a reference definition, heading, admonition or table after a line separator
    *[
        (TWO_LINES, f"The government cites its\n[source].{sep}{sep}[source]: https://{EVIL}/p",
         f"https://{EVIL}/p")
        for sep in SEPARATORS
    ],
    (TWO_LINES, "The government cites\u2028# its source online.", 'id="its-source-online"'),
    (TWO_LINES, "The government cites\r!!! danger \"Phishing\"\r    its source.", "Phishing"),
    (TWO_LINES, "A | B\r--- | ---\rits | source", "<table"),
    (TWO_LINES, f"The government cites [x] its\n[x]: https://{EVIL}/", f"https://{EVIL}/"),
    (TWO_LINES, "The government\n!!! danger \"Phishing\"", "Phishing"),
    (TWO_LINES, f"The government cites [x].\n\n[x]: https://{EVIL}/", f"https://{EVIL}/"),
    # 4: HTML the German has, with other attribute values or more attributes
    (LINKS, 'Read [here][1] the <a href="https://evil.example/">study</a>.', EVIL),
    (LINKS, 'Read [here][1] the <a href="https://example.org/gut" '
            'style="position:fixed;background:url(https://evil.example/x)">study</a>.', EVIL),
    (LINKS, "Read [here][1] the <a href='https://example.org/gut' title=\"x>\" "
            "onmouseover=\"alert(1)\">study</a>.", "onmouseover"),
    (LINKS, 'Read [here][1] the <A HREF="https://evil.example/">study</a>.', EVIL),
    (LINKS, 'Read [here][1] the <a href="https://example.org/gut">study</a><a href=x>.',
     "<a href=x>"),
    # 5: attribute lists in any form, a link turned into an image, new reference links
    (HEADING, "The background { hidden }", "hidden"),
    (HEADING, "The background {hidden}", "hidden"),
    (HEADING, "The background {: #evil }", 'id="evil"'),
    (HEADING, "The background {: .md-banner }", 'class="md-banner"'),
    (HEADING, "The background {onclick=alert(1)}", "onclick"),
    (HEADING, 'The background {title="x" data-x=y}', "data-x"),
    (TWO_LINES, "The government cites *its*{ hidden }\nsource online.", "hidden"),
    (LITERAL, "He calls it *so*{: .md-banner } and leaves.", 'class="md-banner"'),
    (LINKS, "Read ![here][1] the <a href=\"https://example.org/gut\">study</a>.", "<img"),
    (LINKS, "Read [here][1]{: onclick=alert(1) } the "
            "<a href=\"https://example.org/gut\">study</a>.", "onclick"),
    # Python-Markdown's mail links start with any character but "<", ">", space and "!"
    # (Python-Markdown writes "mailto:" as character references)
    (TWO_LINES, f"The government cites its\nsource: <%press@{EVIL}?subject=leak>.", MAILTO),
    (TWO_LINES, f"The government cites its\nsource: <1@{EVIL}>.", MAILTO),
]  # fmt: skip

#: translations that keep the German's markup exactly: published (with this HTML)
FAITHFUL = [
    (TWO_LINES, "The government cites its\nsource online.", "The government cites its\nsource"),
    (TWO_LINES, "The government cites its source online.", "The government cites its source"),
    (
        LINKS,
        'Read [here][1] the <a href="https://example.org/gut">study</a>.',
        'Read <a href="https://example.org/gut">here</a> the',
    ),
    (
        LINKS,
        'Read the <a href="https://example.org/gut">study</a> [here][1].',
        '<a href="https://example.org/gut">study</a> <a href="https://example.org/gut">here</a>.',
    ),
    (HEADING, "The background", ">The background</h2>"),
    (HEADING, "The background \\{ hidden \\}", ">The background { hidden }</h2>"),
    (LITERAL, "He calls it \\*so\\*{: .md-banner } and leaves.", "*so*{: .md-banner } and"),
]


def _settings() -> Settings:
    return Settings.defaults()


def _render(msgid: str, msgstr: str) -> tuple[str, list[str]]:
    """The page's HTML as MkDocs makes it, with *msgstr* as the translation of *msgid*."""
    doc = parse(PAGE, path="docs/de/q.md", slug="q")
    assert any(s.msgid == msgid for s in doc.segments()), msgid
    entry = polib.POEntry(msgid=msgid, msgstr=msgstr)
    page = render_page(doc, index_catalog([entry]), "en", _settings())
    body = page.markdown.split("\n---\n", 1)[1]
    body = "\n".join(body.splitlines())  # mkdocs-static-i18n's on_page_markdown
    return pymarkdown.markdown(body, extensions=EXTENSIONS), page.warnings


@pytest.mark.parametrize(("msgid", "msgstr", "forbidden"), HOSTILE)
def test_hostile_translation_is_an_error_and_the_german_is_published(
    msgid: str, msgstr: str, forbidden: str
) -> None:
    for flags in ([], ["fuzzy"], ["ignore-md-syntax", "ignore-placeholders"]):
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags))
        assert "safe-html" in {p.check for p in check_entry(entry, "en") if p.is_error}
        assert "safe-html" in {p.check for p in render_blockers(entry, "en")}
    html, warnings = _render(msgid, msgstr)
    assert forbidden not in html
    assert any("safe-html" in warning and "shown in German" in warning for warning in warnings)


@pytest.mark.parametrize(("msgid", "msgstr", "shown"), FAITHFUL)
def test_faithful_translation_is_published(msgid: str, msgstr: str, shown: str) -> None:
    entry = polib.POEntry(msgid=msgid, msgstr=msgstr)
    assert [p for p in check_entry(entry, "en") if p.check == "safe-html"] == []
    html, warnings = _render(msgid, msgstr)
    assert warnings == []
    assert shown in html


def test_the_german_text_of_each_hostile_case_was_rendered_as_markup_before() -> None:
    """The cases are real: without the check, Python-Markdown makes the markup."""
    for msgid, msgstr, forbidden in HOSTILE:
        doc = parse(PAGE, path="docs/de/q.md", slug="q")
        segment = next(s for s in doc.segments() if s.msgid == msgid)
        body = doc.render(lambda s, seg=segment, t=msgstr: s.restore(t) if s is seg else s.source)
        html = pymarkdown.markdown("\n".join(body.splitlines()), extensions=EXTENSIONS)
        assert forbidden in html, (msgstr, html)


def test_constructs_are_found_as_the_readers_find_them() -> None:
    assert html_tokens('a <a href="x>y" onclick=z>b</a> \\<i>') == {
        '<a href="x>y" onclick=z>': 1, "</a>": 1, "<i>": 1}  # fmt: skip
    assert html_tokens("<!-- a > b --> <https://x.example> <1> a < b") == {
        "<!-- a > b -->": 1, "<https://x.example>": 1}  # fmt: skip
    assert html_tokens('<img src=x onerror="a') == {'<img src=x onerror="a': 1}
    assert attribute_lists("a { hidden } \\{ x } {} { } *b*{:.c}") == {"{ hidden }": 1, "{:.c}": 1}
    assert links("[a][1] ![b][1] [Quelle] \\[c\\] [d](https://x)") == {
        ("link", "[1]"): 1, ("image", "[1]"): 1, ("link", "[QUELLE]"): 1,
        ("link", "https://x"): 1}  # fmt: skip
    assert line_starts("a\r# b\u2028[x]: y\n!!! note\x0c| t") == {
        "heading": 1, "reference definition": 1, "admonition": 1, "table": 1}  # fmt: skip


#: a paragraph of two sentences, each its own entry
PAIR = "Die Lage war schnell wieder unter Kontrolle. Ein Schießbefehl wurde erteilt."
SPLIT = [
    # an attribute list opened at the end of one sentence, closed in the next
    ("The situation was soon under *control*{: style=\"position:fixed\" id=pwned",
     "} The security forces were ordered to fire.", 'id="pwned"'),
    # an HTML tag opened in one sentence, its attributes in the next
    ("The situation was soon under control <img",
     "src=x title=pwned> The order to fire was given.", "<img"),
    # a link's text in one sentence, its target in the next
    ("The situation was soon under [control",
     "](https://evil.example/) The order to fire was given.", "evil.example"),
]  # fmt: skip


@pytest.mark.parametrize(("first", "second", "forbidden"), SPLIT)
def test_markup_split_over_two_sentences_does_not_reach_the_page(
    first: str, second: str, forbidden: str
) -> None:
    """Each half is checked alone, the paragraph joins them: one half at least is an
    error, so the joined construct never stands on the page."""
    page = f"---\ntitle: Die Lage\n---\n\n# Die Lage\n\n{PAIR}\n"
    doc = parse(page, path="docs/de/q.md", slug="q")
    msgids = [s.msgid for s in doc.segments() if s.msgid in PAIR and s.msgid != "Die Lage"]
    assert len(msgids) == 2
    entries = [
        polib.POEntry(msgid=msgid, msgstr=msgstr)
        for msgid, msgstr in zip(msgids, (first, second), strict=True)
    ]
    assert any("safe-html" in {p.check for p in render_blockers(entry, "en")} for entry in entries)
    rendered = render_page(doc, index_catalog(entries), "en", _settings())
    body = "\n".join(rendered.markdown.split("\n---\n", 1)[1].splitlines())
    html = pymarkdown.markdown(body, extensions=EXTENSIONS)
    assert forbidden not in html
    joined = pymarkdown.markdown(f"{first} {second}", extensions=EXTENSIONS)
    assert forbidden in joined  # the case is real: joined, the markup would be made


def test_paired_brackets_in_a_sentence_are_no_split_markup() -> None:
    entry = polib.POEntry(msgid="Er sagte (leise) nichts.", msgstr="He said {nothing} [sic].")
    problems = [p.message for p in render_blockers(entry, "en")]
    assert not any("without its pair" in message for message in problems)


def test_an_attribute_list_is_found_from_the_last_brace_before_it() -> None:
    """Each ``{`` is read up to the next brace, so a text of thousands of ``{`` that no
    ``}`` closes is read once; a list after an unclosed brace is still a list."""
    assert attribute_lists("{ a{ onclick=x }") == Counter({"{ onclick=x }": 1})
    assert attribute_lists("{ a" * 5000) == Counter()
    assert attribute_lists("{a}" * 3) == Counter({"{a}": 3})


def test_a_tag_split_where_two_sentences_meet_without_a_gap_is_an_error() -> None:
    """„Ja.“Dann …: the sentences of such a paragraph are joined with nothing between
    them, so a lone '<' ending one translation and 'script …>' opening the next would be
    one tag on the page; each half is an error, and the German is published."""
    page = "---\ntitle: Die Lage\n---\n\n# Die Lage\n\nEr sagte: „Ja.“Dann ging er nach Hause.\n"
    doc = parse(page, path="docs/de/q.md", slug="q")
    msgids = [s.msgid for s in doc.segments() if s.msgid != "Die Lage"]
    halves = ('He said: "Yes." <', "script src=/evil.js>Then he went home.")
    entries = [polib.POEntry(msgid=m, msgstr=t) for m, t in zip(msgids, halves, strict=True)]
    for entry in entries:
        assert "safe-html" in {p.check for p in render_blockers(entry, "en")}, entry.msgstr
    rendered = render_page(doc, index_catalog(entries), "en", _settings())
    html = pymarkdown.markdown(rendered.markdown.split("\n---\n", 1)[1], extensions=EXTENSIONS)
    assert "<script" not in html
    joined = pymarkdown.markdown("".join(halves), extensions=EXTENSIONS)
    assert "<script" in joined  # the case is real

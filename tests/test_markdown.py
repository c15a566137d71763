"""markdown.parse: units per block kind, placeholders, escapes, contexts, line numbers."""

from __future__ import annotations

import pytest

from babelpress.errors import InputError
from babelpress.markdown.reader import PLACEHOLDER_RE, parse, placeholders_in
from babelpress.markdown.units import Document, Segment


def check(text: str, **kw: str) -> Document:
    """Parse and assert both invariants of units.py."""
    doc = parse(text, path="docs/de/x.md", slug="x", **kw)
    body = text[text.index("\n---\n") + 5 :] if text.startswith("---\n") else text
    assert doc.render(lambda s: s.source) == body
    for seg in doc.segments():
        assert seg.restore(seg.msgid) == seg.source
    return doc


def units(text: str, **kw: str) -> list[tuple[str, str]]:
    return [(s.kind, s.msgid) for s in check(text, **kw).segments()]


def only(text: str, **kw: str) -> Segment:
    (seg,) = check(text, **kw).segments()
    return seg


def test_front_matter_title_and_description_with_lines() -> None:
    text = "---\nlang: de\ntitle: Titel\nslug: x\ndescription: Der Lead.\n---\n\nText.\n"
    doc = check(text)
    assert doc.front_matter["slug"] == "x"
    assert doc.front_matter_lines == 6
    meta = [(s.kind, s.msgid, s.line) for s in doc.meta_segments]
    assert meta == [("title", "Titel", 3), ("description", "Der Lead.", 5)]
    assert [(s.msgid, s.line) for s in doc.parts if isinstance(s, Segment)] == [("Text.", 8)]


def test_bad_front_matter_names_file_and_line() -> None:
    with pytest.raises(InputError) as err:
        parse("---\ntitle: [unclosed\n---\nText\n", path="docs/de/x.md", slug="x")
    assert err.value.path == "docs/de/x.md"


def test_headings_keep_markers_literal() -> None:
    doc = check("# Titel #\n\n## Zweite Ebene {#anker}\n\nSetext\n===\n")
    assert [(s.kind, s.msgid) for s in doc.segments()] == [
        ("heading", "Titel"),
        ("heading", "Zweite Ebene"),
        ("heading", "Setext"),
    ]
    assert doc.parts[0] == "# " and " {#anker}\n\n" in doc.parts


def test_sentences_and_paragraph_mode() -> None:
    text = "Am 9. Mai kam er. Dann ging er wieder.\n\nEin Satz.\n"
    assert units(text) == [
        ("sentence", "Am 9. Mai kam er."),
        ("sentence", "Dann ging er wieder."),
        ("paragraph", "Ein Satz."),
    ]
    assert units(text, unit="paragraph") == [
        ("paragraph", "Am 9. Mai kam er. Dann ging er wieder."),
        ("paragraph", "Ein Satz."),
    ]


def test_whitespace_between_sentences_is_literal() -> None:
    doc = check("Eins ist da.   Zwei auch.\n")
    assert doc.parts[1] == "   "


def test_quote_with_attribution() -> None:
    text = (
        "> Erster Satz. Zweiter Satz.\n>\n"
        "> — Professor Kobrinsky in der Zeitung vom 10. Juli 2022\n"
    )
    doc = check(text)
    assert [(s.kind, s.msgid) for s in doc.segments()] == [
        ("quote", "Erster Satz."),
        ("quote", "Zweiter Satz."),
        ("attribution", "Professor Kobrinsky in der Zeitung vom 10. Juli 2022"),
    ]
    assert "\n>\n> — " in doc.parts


@pytest.mark.parametrize("cls", ["caption", "credit", "kicker"])
def test_attribute_list_kinds(cls: str) -> None:
    doc = check(f"Legende: Truppen in Almaty. Foto: Keystone\n{{: .{cls} }}\n\nText.\n")
    seg = next(doc.segments())
    assert (seg.kind, seg.msgid) == (cls, "Legende: Truppen in Almaty. Foto: Keystone")
    assert doc.parts[1] == f"\n{{: .{cls} }}\n\n"


def test_long_caption_is_split() -> None:
    long = " ".join(["Ein langer Satz über Kasachstan und Russland im Jahr 2022."] * 8)
    kinds = {s.kind for s in check(f"{long}\n{{: .caption }}\n").segments()}
    assert kinds == {"caption"} and len(list(check(f"{long}\n{{: .caption }}\n").segments())) == 8


def test_list_items_and_table_cells() -> None:
    text = "- Punkt eins. Punkt zwei.\n- Drei\n\n| Kopf | A \\| B |\n|---|---|\n| 1.400 | *x* |\n"
    assert units(text) == [
        ("list item", "Punkt eins."),
        ("list item", "Punkt zwei."),
        ("list item", "Drei"),
        ("table cell", "Kopf"),
        ("table cell", "A \\| B"),
        ("table cell", "1.400"),
        ("table cell", "*x*"),
    ]


def test_code_and_html_blocks_are_literal() -> None:
    text = "```\nCode. Nicht.\n```\n\n    eingerückt\n\n<div>\nHTML. Block.\n</div>\n\nText.\n"
    assert units(text) == [("paragraph", "Text.")]


def test_link_image_autolink_and_url_placeholders() -> None:
    text = (
        'Siehe [hier](https://x.y/a "T") und ![Bild](b.png){: .wide } sowie <https://lenta.ru> '
        "oder https://vlast.kz/a.html.\n"
    )
    seg = only(text)
    assert seg.msgid == "Siehe [hier][1] und ![Bild][2] sowie <3> oder <4>."
    assert seg.placeholders == (
        ("[1]", '(https://x.y/a "T")'),
        ("[2]", "(b.png){: .wide }"),
        ("<3>", "<https://lenta.ru>"),
        ("<4>", "https://vlast.kz/a.html"),
    )
    assert seg.flags == ("md-text",)
    assert placeholders_in(seg.msgid) == ["[1]", "[2]", "<3>", "<4>"]
    translated = seg.restore("See ![Picture][2], [here][1], <4> and <3>.")
    assert translated == (
        'See ![Picture](b.png){: .wide }, [here](https://x.y/a "T"), '
        "https://vlast.kz/a.html and <https://lenta.ru>."
    )


def test_placeholder_numbers_skip_text_that_looks_like_one() -> None:
    seg = only("Fussnote [1] und <2> sowie [Link](https://a.b).\n")
    assert seg.msgid == "Fussnote [1] und <2> sowie [Link][3]."
    assert seg.restore("Note [1] and <2> with [link][3].") == (
        "Note [1] and <2> with [link](https://a.b)."
    )


def test_reference_links() -> None:
    text = "Ein [Text][ref] und [kurz] und [leer][].\n\n[ref]: https://a.b\n[kurz]: /k\n[leer]: /\n"
    doc = check(text)
    (seg,) = doc.segments()
    assert seg.msgid == "Ein [Text][1] und [kurz] und [leer][]."
    assert seg.placeholders == (("[1]", "[ref]"),)


def test_emphasis_code_html_stay_verbatim_with_flag() -> None:
    seg = only("Ein **fettes** Wort, `code. Punkt` und <abbr>EU</abbr> &amp; mehr.\n")
    assert seg.msgid == "Ein **fettes** Wort, `code. Punkt` und <abbr>EU</abbr> &amp; mehr."
    assert seg.flags == ("md-text",)
    assert only("Schlichter Text ohne Markup.\n").flags == ()


def test_no_sentence_split_inside_emphasis_but_after_it() -> None:
    assert units("*Eins. Zwei.* Drei ist da.\n") == [
        ("sentence", "*Eins. Zwei.*"),
        ("sentence", "Drei ist da."),
    ]


def test_escapes_stay_in_msgid() -> None:
    seg = only("24\\. April: so viele \\[Russen\\] wie \\*möglich\\*.\n")
    assert seg.msgid == "24\\. April: so viele \\[Russen\\] wie \\*möglich\\*."
    assert seg.flags == ("md-text",)


def test_hard_break_ends_a_unit() -> None:
    doc = check("Erste Zeile  \nZweite Zeile\\\nDritte\n")
    assert [s.msgid for s in doc.segments()] == ["Erste Zeile", "Zweite Zeile", "Dritte"]


def test_soft_break_in_quote_restores_prefix() -> None:
    doc = check("> Ein Satz über\n> zwei Zeilen. Und noch\n> einer.\n")
    segs = list(doc.segments())
    assert [s.msgid for s in segs] == ["Ein Satz über\nzwei Zeilen.", "Und noch\neiner."]
    assert segs[0].line_prefix == "> "
    assert segs[0].restore("A sentence\nover two lines.") == "A sentence\n> over two lines."


def test_lazy_continuation_falls_back_to_lines() -> None:
    doc = check("> Zeile eins\nlazy Zeile zwei\n> drei.\n")
    assert all(s.restore(s.msgid) == s.source for s in doc.segments())


def test_line_numbers_count_front_matter() -> None:
    text = "---\ntitle: T\n---\n\n# Kopf\n\nA ist da. B ist da.\n\n- C\n"
    assert [(s.msgid, s.line) for s in check(text).segments()] == [
        ("T", 2),
        ("Kopf", 5),
        ("A ist da.", 7),
        ("B ist da.", 7),
        ("C", 9),
    ]


def test_context_only_where_needed() -> None:
    text = "---\ntitle: Kasachstan\n---\n\n## Kasachstan\n\nKasachstan\n\n## Russland\n\nRussland."
    segs = [(s.kind, s.msgid, s.context) for s in check(text).segments()]
    assert segs == [
        ("title", "Kasachstan", "title"),
        ("heading", "Kasachstan", "heading"),
        ("paragraph", "Kasachstan", None),
        ("heading", "Russland", None),
        ("paragraph", "Russland.", None),
    ]


def test_units_without_letters_are_literal() -> None:
    assert units("<https://example.org>\n\n---\n\n* * *\n\n—\n") == []


def test_placeholder_regex() -> None:
    assert PLACEHOLDER_RE.findall("[a][12] <3> [x](y) <b>") == ["[12]", "<3>"]


def test_carriage_returns_are_reported() -> None:
    with pytest.raises(InputError):
        parse("Text.\r\n", path="docs/de/x.md", slug="x")


def render_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(text)


def test_translation_cannot_change_block_structure() -> None:
    doc = check("Am 9. Mai kam er. Dann ging er.\n\n| A | B |\n|---|---|\n| x | y |\n")
    translations = {
        "Am 9. Mai kam er.": "1. May: he came.",
        "Dann ging er.": "Then\n\n- he\n# left.",
        "A": "a | b",
    }
    out = doc.render(lambda s: s.restore(translations.get(s.msgid, s.msgid)))
    html = render_html(out)
    assert "<ol>" not in html and "<ul>" not in html and "<h1>" not in html
    assert html.count("<p>") == 1 and html.count("<th>") == 2
    assert "1. May: he came. Then\n- he\n# left." in html


def test_only_line_starts_are_escaped() -> None:
    doc = check("# Kapitel\n\n> — Zitat von Meier\n\nErster Satz. Zweiter Satz.\n")
    segs = {s.msgid: s for s in doc.segments()}
    assert not segs["Kapitel"].at_line_start
    assert not segs["Zitat von Meier"].at_line_start
    assert segs["Erster Satz."].at_line_start and not segs["Zweiter Satz."].at_line_start
    assert segs["Kapitel"].restore("1. Chapter") == "1. Chapter"
    assert segs["Zweiter Satz."].restore("- second") == "- second"
    assert segs["Erster Satz."].restore("- first") == "\\- first"


def test_units_of_only_code_html_or_urls_are_literal() -> None:
    assert units("`make site`\n\n<br>\n\nhttps://example.org/x\n\n`a` und `b`\n") == [
        ("paragraph", "`a` und `b`")
    ]


def test_placeholders_are_put_back_once_each_in_one_pass() -> None:
    """A translation may reorder placeholders; a second copy stays text, and an original
    that reads like a placeholder is not searched again."""
    from babelpress.markdown.units import _put_back

    holders = (("[1]", "(https://a.example/[2])"), ("[2]", "(https://b.example)"))
    assert _put_back("B[2] und A[1], [1] nochmal", holders) == (
        "B(https://b.example) und A(https://a.example/[2]), [1] nochmal"
    )


@pytest.mark.parametrize("depth", [400, 900])
def test_front_matter_nested_beyond_any_page_is_an_error(depth: int) -> None:
    """libyaml reads lists nested up to about 1,000 deep; every step that copies or writes
    front matter recursively would end in a traceback on them."""
    text = f"---\ntitle: T\nx: {'[' * depth}{']' * depth}\n---\n\nEin Satz.\n"
    with pytest.raises(InputError) as raised:
        parse(text, path="docs/de/p.md", slug="p")
    assert raised.value.line == 2 and "more than 50 deep" in str(raised.value)
    nested = f"---\ntitle: T\nx: {'[' * 50}{']' * 50}\n---\n\nEin Satz.\n"
    assert parse(nested, path="docs/de/p.md", slug="p").front_matter["title"] == "T"

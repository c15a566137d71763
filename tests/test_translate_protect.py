"""Inline Markdown protected from the engine with tokens, and restored afterwards."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from babelpress.markdown.reader import parse, placeholders_in
from babelpress.translate.protect import TOKEN_RE, protect, restore
from babelpress.translate.providers import pseudo_translate

MSGID = (
    "Der **Politologe** [Alzhanov][1] sagt, siehe <2> und `code` und \\[Russen\\] "
    "und [ref][] und *ein* <span>x</span> &amp; {3}."
)


def test_every_piece_of_markup_becomes_one_unique_token() -> None:
    protected = protect(MSGID)
    assert protected.text == (
        "Der {1}Politologe{2} {3}Alzhanov{4} sagt, siehe {5} und {6} und {7}Russen{8} "
        "und {9} und {10}ein{11} {12}x{13} {14} {15}."
    )
    originals = [t.original for t in protected.tokens]
    assert originals == [
        "**", "**", "[", "][1]", "<2>", "`code`", "\\[", "\\]", "[ref][]",
        "*", "*", "<span>", "</span>", "&amp;", "{3}",
    ]  # fmt: skip
    kinds = {t.number: (t.kind, t.partner) for t in protected.tokens}
    assert kinds[1] == ("open", 2) and kinds[4] == ("close", 3) and kinds[5] == ("atom", None)


def test_restore_is_exact_and_reports_nothing() -> None:
    protected = protect(MSGID)
    restored = restore(protected.text, protected)
    assert restored.text == MSGID and restored.problems == ()


def test_text_without_markup_is_sent_as_is() -> None:
    text = "Kasachstan hat 1.400 Firmen am 9. Mai 2022 begrüßt – «sagt er»."
    protected = protect(text)
    assert protected.text == text and protected.tokens == ()


def test_brackets_that_start_no_link_and_lone_delimiters_stay() -> None:
    protected = protect("so viele [Russen] wie 3 * 4 und snake_case")
    assert protected.text == "so viele [Russen] wie 3 {1} 4 und snake_case"
    assert restore(protected.text, protected).text == "so viele [Russen] wie 3 * 4 und snake_case"


def test_engine_spacing_is_undone() -> None:
    protected = protect("Der **Politologe** sagt [hier][1].")
    engine = "The { 1 } political scientist ｛2｝ says {3} here {4}."
    restored = restore(engine, protected)
    assert restored.text == "The **political scientist** says [here][1]."
    assert restored.problems == ()


def test_broken_tokens_are_reported_and_the_rest_restored() -> None:
    protected = protect("A **b** [c][1] d")
    restored = restore("X {2} b {1} {3}c d {3} {9}", protected)
    assert restored.text == "X** b **[c d [{9}"
    assert restored.problems == (
        "missing '][1]'",
        "repeated '['",
        "unknown {9}",
        "'**' ... '**' in the wrong order",
    )


def test_segments_of_a_real_page_round_trip() -> None:
    page = (
        "# Kasachstan und die *OVKS*\n\n"
        "Präsident [Tokajew](https://akorda.kz/ 'Akorda') sagte: **Nein**. "
        "Siehe <https://novastan.org> und `code`. Mehr unter https://example.org/x.\n\n"
        "- ein ![Bild](a.png) mit <abbr>EU</abbr>\n"
    )
    document = parse(page, path="docs/de/x.md", slug="x")
    for segment in document.segments():
        protected = protect(segment.msgid)
        for placeholder in placeholders_in(segment.msgid):
            assert placeholder not in protected.text
        pseudo = pseudo_translate(protected.text, "en")
        restored = restore(pseudo, protected)
        assert restored.problems == ()
        assert placeholders_in(restored.text) == placeholders_in(segment.msgid)


_WORD = st.sampled_from(["Kasachstan", "und", "Russland", "9.", "Mai", "«Frieden»", "1.400"])
_PIECE = st.one_of(
    _WORD,
    _WORD.map(lambda w: f"**{w}**"),
    _WORD.map(lambda w: f"*{w}*"),
    _WORD.map(lambda w: f"_{w}_"),
    _WORD.map(lambda w: f"~~{w}~~"),
    st.integers(1, 9).map(lambda n: f"[Link {n}][{n}]"),
    st.integers(1, 9).map(lambda n: f"<{n}>"),
    st.sampled_from(["`x = 1`", "<b>", "</b>", "\\*", "&nbsp;", "{4}", "[^1]", "[ref][]"]),
    st.sampled_from(["[Russen]", "*", "_", "3 * 4"]),
)


@given(st.lists(_PIECE, min_size=1, max_size=12), st.sampled_from([" ", "  ", " — "]))
def test_protect_then_restore_is_the_identity(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    protected = protect(text)
    numbers = [int(m.group(1)) for m in TOKEN_RE.finditer(protected.text)]
    assert numbers == list(range(1, len(protected.tokens) + 1))  # unique, in order
    restored = restore(protected.text, protected)
    assert restored.text == text and restored.problems == ()
    engine = pseudo_translate(protected.text, "ru")  # letters change, tokens survive
    assert restore(engine, protected).problems == ()


@pytest.mark.parametrize(
    ("engine", "problem"),
    [
        ("{1}A{2} B", "missing '[', '][1]'"),
        ("{1}A{2} B{4} {3}", "'[' ... '][1]' in the wrong order"),
        ("{1}{1}A{2} B{4}", "repeated '**'"),
    ],
)
def test_each_kind_of_damage_is_named(engine: str, problem: str) -> None:
    protected = protect("**A** [B][1]")
    assert re.fullmatch(r"\{1\}A\{2\} \{3\}B\{4\}", protected.text)
    assert problem in restore(engine, protected).problems

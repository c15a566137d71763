"""The shortcuts of the render-time checks decide exactly what the full checks decide.

Rendering runs the error-level checks on every translation it shows, so they first
look for what would let them fire (a digit, markup, a line separator ...) and skip
the rest when it is absent.  Over random and tricky texts -- translations made from
their German by small edits, so that most agree and some differ by one figure or one
tag -- each shortcut must give what the full check gives.
"""

from __future__ import annotations

import re

import polib
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from babelpress.qa import _BLOCKING, _blockers, _run, markup, numbers, render_blockers
from babelpress.qa.model import Context

#: single characters the shortcuts look for, and their near misses
CHARACTERS = (
    "aäßzАжя 0123456789٣५０²½.,'’:;!?-–_*`~#>|+=&{}[]()<>/\\\"«»\n\r\t\x0b\x0c\x00\x1b\x1c"
    "\x85\u2028\u2029\u00a0\u202f\u2009\u2003"
)
#: pieces of figures, markup and script as they appear in articles and attacks
TOKENS = [
    "[1]", "<2>", "[3]", "9.", "1.400", "1,400", "2 500", "2\u00a0500", "3,5", "10:30",
    "10.07.2022", "4.0", "1'000", "`code 1`", "&amp;", "&#49;", "&#x31;", "&lt;b&gt;",
    "<b>", "</b>", "<a href=x>", "<!-- 1 -->", "{: .x }", "{count}", "{#id}", "**", "__",
    "~~", "[t](u)", "![i](u)", "[t][1]", "javascript:", "JaVa\tScRipt:", "data:text/html,",
    "onclick=", "onmouseover =", "# ", "- ", "1. ", "> ", "!!! ", "| ", "```", "---",
    "Mai", "April", "Jahr", "года",
]  # fmt: skip
PIECE = st.sampled_from([*CHARACTERS, *TOKENS])
TEXT = st.lists(PIECE, max_size=30).map("".join) | st.text(max_size=40)
EDIT = st.tuples(st.integers(0, 40), st.integers(0, 3), st.lists(PIECE, max_size=3))
LANGUAGE = st.sampled_from(["en", "ru", "de", "xx"])


def edited(text: str, edits: list[tuple[int, int, list[str]]]) -> str:
    """*text* with a few spans replaced: a translation that mostly agrees with it."""
    for at, cut, pieces in edits:
        at = min(at, len(text))
        text = text[:at] + "".join(pieces) + text[at + cut :]
    return text


PAIR = st.tuples(TEXT, TEXT | st.nothing()).flatmap(
    lambda pair: st.tuples(st.just(pair[0]), st.lists(EDIT, max_size=3).map(
        lambda edits: edited(pair[0], edits)) | TEXT)
)  # fmt: skip


def context(language: str, brace: bool) -> Context:
    return Context(language, formats=("python-brace-format",) if brace else ())


@settings(max_examples=1500, deadline=None)
@given(pair=PAIR, language=LANGUAGE, brace=st.booleans())
@example(pair=("9. Mai 2022", "9 мая 2022"), language="ru", brace=False)
@example(pair=("1 2345", "1 2345"), language="en", brace=False)
@example(pair=("5 000", "5000"), language="en", brace=False)
@example(pair=("Jahr 2022", "year ٢٠٢٢"), language="en", brace=False)
@example(pair=("Seite [1] von 3", "page [1] of 3"), language="en", brace=False)
@example(pair=("`v2` und 3", "`v3` and 3"), language="en", brace=False)
@example(pair=("Seit 1 000 Jahren", "For 1 of 000 years"), language="en", brace=False)
def test_numbers_shortcut_decides_as_the_full_comparison(
    pair: tuple[str, str], language: str, brace: bool
) -> None:
    source, target = pair
    ctx = context(language, brace)
    has_digit = re.search(r"\d", source) or re.search(r"\d", target)
    full = numbers._compare(source, target, ctx) if has_digit else []
    assert numbers.check_numbers(source, target, ctx) == full


@settings(max_examples=1500, deadline=None)
@given(pair=PAIR, language=LANGUAGE, brace=st.booleans())
@example(pair=("Text", "- Text"), language="en", brace=False)
@example(pair=("- Text", "- Text"), language="en", brace=False)
@example(pair=("Text", "Text\u2028# Kopf"), language="en", brace=False)
@example(pair=("Text", "Text\x85- x"), language="en", brace=False)
@example(pair=("a", "a &#106;avascript:x"), language="en", brace=False)
@example(pair=("{count} Texte", "{count} texts {: .x }"), language="en", brace=True)
@example(pair=("Text", "1. Text"), language="ru", brace=False)
@example(pair=("Text", "٣. Text"), language="ru", brace=False)
@example(pair=("Text", "Text javascript:x"), language="en", brace=False)
@example(pair=("Text", "Text data:text/html,x"), language="en", brace=False)
@example(pair=("Text", "Text](x)"), language="en", brace=False)
def test_safe_html_shortcut_decides_as_the_full_check(
    pair: tuple[str, str], language: str, brace: bool
) -> None:
    source, target = pair
    ctx = context(language, brace)
    found = markup._new_markup(source, target, ctx)
    full = [markup.Problem("error", "safe-html", "; ".join(dict.fromkeys(found)))] if found else []
    assert markup.check_safe_html(source, target, ctx) == full


@settings(max_examples=500, deadline=None)
@given(text=TEXT)
def test_markup_hint_is_the_character_class(text: str) -> None:
    assert markup._has_markup(text) == bool(re.search(r"[*_`~]", text))
    assert numbers._has_prose_hint(text) == bool(re.search(r"[\[<`&]", text))


FLAGS = st.lists(
    st.sampled_from([
        "fuzzy", "python-brace-format", "no-python-format", "c-format", "ignore-numbers",
        "ignore-safe-html", "ignore-md-syntax", "ignore-format", "ignore-placeholders",
    ]),
    max_size=3,
    unique=True,
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(pair=PAIR, language=LANGUAGE, flags=FLAGS)
@example(pair=("Text", "Text <b>x</b>"), language="en", flags=["ignore-safe-html"])
@example(pair=("3 Texte", "4 texts"), language="en", flags=["ignore-numbers"])
@example(pair=("{n} Texte", "{m} texts"), language="en", flags=["python-brace-format"])
@example(pair=("", "x"), language="en", flags=[])
def test_render_blockers_are_the_error_level_problems_of_the_checks(
    pair: tuple[str, str], language: str, flags: list[str]
) -> None:
    source, target = pair
    entry = polib.POEntry(msgid=source, msgstr=target, flags=list(flags))
    formats = Context.formats_of(entry)
    full = _run(_BLOCKING, entry, Context(language, formats=formats), errors_only=True)
    _blockers.cache_clear()
    assert render_blockers(entry, language) == full
    assert render_blockers(entry, language) == full  # from the cache, the same


@pytest.mark.parametrize(
    ("source", "target", "check"),
    [
        ("Am 9. Mai 2022", "On 9 May 2023", "numbers"),
        ("Am 9. Mai 2022", "On 9 May 20.22", "numbers"),
        ("1.400 Fälle", "1.400 cases", "numbers"),
        ("Text", "Text <script>x</script>", "safe-html"),
        ("Text", "Text\n# heading", "safe-html"),
        ("Text", "# Text", "safe-html"),
        ("Text", "Text [x](javascript:alert(1))", "safe-html"),
        ("Text *a*", "Text *a", "md-syntax"),
    ],
)
def test_the_shortcuts_still_let_errors_through(source: str, target: str, check: str) -> None:
    _blockers.cache_clear()
    problems = render_blockers(polib.POEntry(msgid=source, msgstr=target), "en")
    assert check in {problem.check for problem in problems}

"""Shortcuts of the reader and the sentence splitter find exactly what the plain forms find.

* The splitter's candidate pattern is written to begin with a character set and carries
  an optional lookahead for the next sentence start; its ends, closing marks and
  whitespace must be those of the plain pattern ``(\\.\\.\\.|[.!?…]+)``, and the
  lookahead's letter that of the plain next-start pattern.
* The reader skips markdown-it's ``normalize`` for text without CR or NUL; the tokens
  must be those of a parser that runs it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from babelpress.markdown import inline, sentences
from babelpress.markdown.reader import _parser

_PLAIN_CANDIDATE_RE = re.compile(
    r"(?P<term>\.\.\.|[.!?…]+)"
    rf"(?P<close>[{re.escape(sentences._CLOSERS)}]*)"
    r"(?P<ws>\s*)"
)
_PLAIN_NEXT_RE = re.compile(sentences._NEXT)

_MARKS = st.lists(
    st.sampled_from(
        [
            *(".", "..", "...", "....", "!", "?", "…", "?!", ".“", "“", "”", "»", "«", "„", "'"),
            *(")", "]", "(", "[", "(…)", "[...]", "*", "_", "`", "<", " ", "\n", "\t"),
            *("A", "a", "Z", "ß", "0", "9", "Ä", "-"),
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(_MARKS)
def test_candidate_pattern_equals_the_plain_one(text: str) -> None:
    found = list(sentences._CANDIDATE_RE.finditer(text))
    plain = list(_PLAIN_CANDIDATE_RE.finditer(text))
    groups = ("term", "close", "ws")
    assert [[m.span(g) for g in groups] for m in found] == [
        [m.span(g) for g in groups] for m in plain
    ]
    for match in found:
        following = _PLAIN_NEXT_RE.match(text, match.end())
        assert match.group("first") == (following.group("first") if following else None)


def _stock_parser() -> MarkdownIt:
    """The reader's parser with markdown-it's own ``normalize`` back in place."""
    md = MarkdownIt("commonmark").enable("table")
    md.disable("inline")
    inline.install(md)
    return md


_MARKDOWN = st.text(
    alphabet=st.sampled_from(list("ab #>-*|`\n\n  \t\0\r1.:[]()")), max_size=80
)


@settings(max_examples=400, deadline=None)
@given(_MARKDOWN)
def test_tokens_as_with_normalize(text: str) -> None:
    def shape(md: MarkdownIt) -> list[tuple[str, str, list[int] | None]]:
        return [(t.type, t.content, t.map) for t in md.parse(text, {})]

    assert shape(_parser()) == shape(_stock_parser())

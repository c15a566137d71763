"""The inline shortcut for text without markup finds exactly what markdown-it's parse finds.

:func:`babelpress.markdown.inline.analyse` skips markdown-it's inline parser for a text
in which no rule but ``text`` and ``newline`` can match.  Every text of that kind here,
generated or taken from real Markdown, is analysed both ways and must give the same
spans: hard breaks (two spaces or more before a newline), soft breaks, indentation,
tabs, bare URLs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from babelpress.markdown import inline
from babelpress.markdown.reader import _parser

SPEC = json.loads((Path(__file__).parent / "data" / "commonmark_spec.json").read_text("utf-8"))
SEEDS = sorted((Path(__file__).parents[1] / "docs" / "de").rglob("*.md"))


def both(text: str) -> tuple[inline.Inline, inline.Inline]:
    return inline._plain(text), inline._parsed(_parser(), text, {})


_PLAIN_TEXT = st.text(
    alphabet=st.sampled_from(list("  \t\n\nabcÄß.,;:!?#$%+-=>@]^{}~()\"'„“0123456789/")),
    max_size=60,
) | st.builds(
    lambda a, b: f"{a} https://example.org/{b} {a}",
    st.text(alphabet="ab \n", max_size=8),
    st.text(alphabet="abc/.?=)", max_size=12),
)


@settings(max_examples=600, deadline=None)
@given(_PLAIN_TEXT)
def test_shortcut_equals_the_parse(text: str) -> None:
    if inline._RULE_START_RE.search(text) is None:
        plain, parsed = both(text)
        assert plain == parsed


@pytest.mark.parametrize(
    "text",
    [
        "eins  \nzwei",
        "eins   \n   zwei\n\tdrei",
        "  \nführende Leerzeichen",
        "ein Leerzeichen \nweich",
        "Tab\t\nweich",
        "Ende  ",
        "Adresse: https://example.org/a?b=1. Weiter  \nhttps://x.y/z",
    ],
)
def test_shortcut_on_breaks_and_urls(text: str) -> None:
    plain, parsed = both(text)
    assert plain == parsed


def _lines_of(markdown: str) -> list[str]:
    """Runs of non-blank lines, joined as the reader joins a block's lines."""
    blocks, current = [], []
    for line in markdown.splitlines():
        if line.strip():
            current.append(line.lstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def test_shortcut_on_real_text() -> None:
    texts = [example["markdown"] for example in SPEC]
    texts += [path.read_text("utf-8") for path in SEEDS]
    checked = 0
    for text in texts:
        for block in _lines_of(text):
            if inline._RULE_START_RE.search(block) is None:
                plain, parsed = both(block)
                assert plain == parsed, block
                checked += 1
    assert checked > 100

"""The line-break rules of PO wrapping agree with GNU libunistring, gettext's library."""

from __future__ import annotations

import itertools
import random

import pytest

from babelpress.po import _unicode_tables as tables
from babelpress.po.linebreak import char_width, possible_breaks, width_breaks
from gettext_tools import unistring, unistring_breaks

needs_unistring = pytest.mark.skipif(unistring() is None, reason="libunistring not found")

#: characters that German, Russian and Markdown text is made of, plus one of every class
EVERYDAY = (
    "aäßzAÄZжЖё019 .,;:!?-–—‐‑/\\\"'„“”‚‘’«»‹›()[]{}<>*_`#~|@&%$€+=§°…·•\u00a0\u00ad"
    "\u200b\u200d\u2060\u0300\u05d0\u4e00\u3001\u3008\uac00\uac01\u1100\u1160\u11a8"
    "\u261d\U0001f3fb\U0001f1e6\U0001f44d"
)


def _pool(seed: int) -> list[str]:
    """Everyday characters and one random character of each range of the class table."""
    rng = random.Random(seed)
    starts = (*tables.BREAK_STARTS, 0x110000)
    pool = list(EVERYDAY)
    for start, end in itertools.pairwise(starts):
        code = rng.randrange(start, end)
        if not 0xD800 <= code < 0xE000 and chr(code) not in "\n\r\x0b\x0c\x85\u2028\u2029":
            pool.append(chr(code))
    return pool


@needs_unistring
@pytest.mark.parametrize("seed", range(3))
def test_break_opportunities_match_libunistring(seed: int) -> None:
    rng = random.Random(seed)
    pool = _pool(seed)
    for _ in range(4000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 24)))
        assert possible_breaks(text) == unistring_breaks(text), repr(text)


@needs_unistring
def test_every_range_of_the_class_table_is_right() -> None:
    """The first and last character of each range behave like libunistring says."""
    starts = (*tables.BREAK_STARTS, 0x110000)
    probes = ["a", " ", "(", ")", "-", "1", "\u4e00", '"', "\u0300"]
    for start, end in itertools.pairwise(starts):
        for code in {start, end - 1}:
            if 0xD800 <= code < 0xE000:
                continue
            char = chr(code)
            for probe in probes:
                for text in (f"x {probe}{char}", f"x {char}{probe}", f"x {probe} {char}"):
                    assert possible_breaks(text) == unistring_breaks(text), (hex(code), text)


@needs_unistring
def test_widths_match_libunistring() -> None:
    lib = unistring()
    assert lib is not None
    rng = random.Random(5)
    codes = [*tables.WIDTH_STARTS, *(rng.randrange(0x110000) for _ in range(20000))]
    for code in codes:
        assert char_width(chr(code)) == lib.uc_width(code, b"UTF-8"), hex(code)


def test_breaks_come_after_spaces_and_hyphens() -> None:
    text = "ein E-Mail-Wort und (Klammer) mehr"
    breaks = possible_breaks(text)
    assert [text[i] for i, brk in enumerate(breaks) if brk] == ["E", "M", "W", "u", "(", "m"]


def test_greedy_fill_keeps_spaces_at_line_ends_and_overflows_long_words() -> None:
    text = "aaa bbb ccc " + "x" * 20 + " d"
    breaks = width_breaks(text, 10, 0)
    lines, line = [], ""
    for char, brk in zip(text, breaks, strict=True):
        if brk:
            lines.append(line)
            line = ""
        line += char
    lines.append(line)
    assert lines == ["aaa bbb ", "ccc ", "x" * 20 + " ", "d"]


ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzÄÖÜäöüßАБВабвгдёжзий   ----..,,;;::!!??()[]{}«»„“”‘’\"'/\\%$€&*+="
    "0123456789\u00a0\u202f\u2013\u2014…"
)


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_gives_the_exact_breaks(seed: int) -> None:
    """Prose takes a fast path; it must break exactly where the general code does."""
    from babelpress.po.linebreak import _exact_width_breaks, _simple_opportunities

    rng = random.Random(seed)
    for _ in range(400):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 300)))
        assert _simple_opportunities(text) is not None, text
        for width, start in ((79, 0), (79, 7), (40, 9)):
            overrides = None
            if rng.random() < 0.3:
                overrides = [rng.choice((None, None, None, True, False)) for _ in text]
            assert width_breaks(text, width, start, overrides) == _exact_width_breaks(
                text, width, start, overrides
            ), (text, width, start, overrides)

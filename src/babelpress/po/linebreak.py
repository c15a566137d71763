"""Line breaking of PO strings exactly as GNU gettext does it.

GNU gettext (``msgcat``, ``msgmerge``, ``xgettext``) wraps a string with
libunistring's ``ulc_width_linebreaks``: Unicode line breaking (UAX #14, as
implemented by libunistring 1.0) decides *where* a line may break, and a greedy
fill decides *which* of those opportunities to take.  This module reproduces
both, so catalogues written here show no diff when an editor's tool or GNU
gettext saves them again.

1. :func:`possible_breaks` -- for each character, may a line break before it?
   Spaces stay at the end of the line before the break (a break comes *after*
   a run of spaces), hyphens allow a break after them, a letter and a
   following backslash escape do not separate, and so on.  Character classes
   come from :mod:`babelpress.po._unicode_tables`, the pair rules from
   :data:`_PAIRS`; both were read off libunistring 1.0 (see
   ``tests/gettext_tools.py``).
2. :func:`width_breaks` -- libunistring's greedy fill: a line ends at the last
   opportunity before the text would pass *width* columns; a piece of text
   without an opportunity overflows rather than being cut.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from babelpress.po import _unicode_tables as tables

#: the classes of the pair table, in row/column order
_ORDER = (
    "WJ", "GL", "B2", "BA", "BB", "HY", "CL", "CP", "EX", "IN", "NS", "OP", "QU", "IS", "NU",
    "PO", "PR", "SY", "AL", "H2", "H3", "ID", "JL", "JV", "JT", "HL", "RI", "EB", "EM", "OP_EA",
)

#: may a line break between a character of the row's class and one of the
#: column's class?  D: yes; I: only with spaces between; P: no.
_PAIRS = {
    "WJ": "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",
    "GL": "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",
    "B2": "PIPIDIPPPIIDIPDDDPDDDDDDDDDDDD",
    "BA": "PDDIDIPPPIIDIPDDDPDDDDDDDDDDDD",
    "BB": "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",
    "HY": "PDDIDIPPPIIDIPIDDPDDDDDDDDDDDD",
    "CL": "PIDIDIPPPIPDIPDIIPDDDDDDDDDDDD",
    "CP": "PIDIDIPPPIIDIPIIIPIDDDDDDIDDDD",
    "EX": "PIDIDIPPPIIDIPDDDPDDDDDDDDDDDD",
    "IN": "PIDIDIPPPIIDIPDDDPDDDDDDDDDDDD",
    "NS": "PIDIDIPPPIIDIPDDDPDDDDDDDDDDDD",
    "OP": "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",
    "QU": "PIIIIIPPPIIPIPIIIPIIIIIIIIIIIP",
    "IS": "PIDIDIPPPIIDIPIDDPDDDDDDDDDDDD",
    "NU": "PIDIDIPPPIIIIPIIIPIDDDDDDIDDDD",
    "PO": "PIDIDIPPPIIIIPIDDPIDDDDDDIDDDI",
    "PR": "PIDIDIPPPIIIIPIDDPIIIIIIIIDIII",
    "SY": "PIDIDIPPPIIDIPIDDPDDDDDDDIDDDD",
    "AL": "PIDIDIPPPIIIIPIIIPIDDDDDDIDDDD",
    "H2": "PIDIDIPPPIIDIPDIDPDDDDDIIDDDDD",
    "H3": "PIDIDIPPPIIDIPDIDPDDDDDDIDDDDD",
    "ID": "PIDIDIPPPIIDIPDIDPDDDDDDDDDDDD",
    "JL": "PIDIDIPPPIIDIPDIDPDIIDIIDDDDDD",
    "JV": "PIDIDIPPPIIDIPDIDPDDDDDIIDDDDD",
    "JT": "PIDIDIPPPIIDIPDIDPDDDDDDIDDDDD",
    "HL": "PIDIDIPPPIIIIPIIIPIDDDDDDIDDDD",
    "RI": "PIDIDIPPPIIDIPDDDPDDDDDDDDIDDD",
    "EB": "PIDIDIPPPIIDIPDIDPDDDDDDDDDDID",
    "EM": "PIDIDIPPPIIDIPDIDPDDDDDDDDDDDD",
    "OP_EA": "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",
}

_COLUMN = {name: index for index, name in enumerate(_ORDER)}
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
#: states that are not pair-table classes
_BK, _ZW = "BK", "ZW"


@lru_cache(maxsize=4096)
def break_class(char: str) -> str:
    """The (resolved) line-break class of *char*."""
    code = ord(char)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return "H2" if (code - _HANGUL_FIRST) % 28 == 0 else "H3"
    index = bisect_right(tables.BREAK_STARTS, code) - 1
    return tables.CLASS_NAMES[tables.BREAK_CLASSES[index]]


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Columns *char* takes, as libunistring's ``uc_width`` (-1 for controls)."""
    index = bisect_right(tables.WIDTH_STARTS, ord(char)) - 1
    return tables.WIDTH_VALUES[index]


def possible_breaks(text: str) -> list[bool | None]:
    """For each character: True if a line may break before it, None if it is a
    mandatory break character (a line separator), False otherwise."""
    result: list[bool | None] = []
    last = _BK  # class of the last character that is not a space
    seen_space = False
    preceding = _BK  # class of the character just before
    hebrew_hyphen = False  # the last two characters were Hebrew + hyphen
    regional = 0  # regional indicators (flag halves) just before
    for char in text:
        cls = break_class(char)
        pairs_before, regional = regional, regional + 1 if cls == "RI" else 0
        after_zwj, after_hebrew_hyphen = preceding == "ZWJ", hebrew_hyphen
        hebrew_hyphen = preceding == "HL" and cls in ("HY", "BA")
        preceding = cls
        if cls in ("LF", "CR"):
            result.append(None)
            last, seen_space = _BK, False
        elif cls == "SP":
            result.append(False)
            seen_space = True
        elif cls == "ZW":
            result.append(False)
            last, seen_space = _ZW, False
        elif cls in ("CM", "ZWJ"):
            if last == _BK:
                result.append(False)
                last, seen_space = "AL", False
            elif last == _ZW or seen_space:
                result.append(True)
                last, seen_space = "AL", False
            else:
                result.append(False)
        elif after_zwj and last not in (_BK, _ZW):
            # (LB8a) no break right after a zero-width joiner
            result.append(False)
            last, seen_space = cls, False
        elif after_hebrew_hyphen and last != _ZW:
            # (LB21a) no break after Hebrew + hyphen
            result.append(False)
            last, seen_space = cls, False
        elif last == cls == "RI" and not seen_space:
            # (LB30a) flags: break between pairs of regional indicators only
            result.append(pairs_before % 2 == 0)
        else:
            result.append(_pair_break(last, cls, seen_space))
            last, seen_space = cls, False
    return result


def _pair_break(last: str, cls: str, seen_space: bool) -> bool:
    if last == _BK:
        return False
    if last == _ZW:
        return True
    rule = _PAIRS[last][_COLUMN[cls]]
    return rule == "D" or (rule == "I" and seen_space)


def width_breaks(
    text: str,
    width: int,
    start_column: int,
    overrides: Sequence[bool | None] | None = None,
) -> list[bool]:
    """Where a greedy fill of *text* into lines of *width* columns breaks.

    *start_column* is the column the text starts at; ``overrides[i]``, when
    not None, replaces the Unicode rule for a break before character *i*.
    Returns, for each character, whether a new line starts before it.
    """
    result = [False] * len(text)
    for index in break_positions(text, width, start_column, overrides):
        result[index] = True
    return result


def break_positions(
    text: str,
    width: int,
    start_column: int,
    overrides: Sequence[bool | None] | None = None,
) -> list[int]:
    """:func:`width_breaks` as the ascending indices a new line starts before.

    Ordinary prose takes the fast path of :func:`_simple_opportunities`; the
    result is the same as :func:`_exact_width_breaks` (tested on random text).
    """
    if start_column + len(text) * (1 if text.isascii() else 2) <= width:
        return []  # fits whatever the opportunities
    opportunities = _simple_opportunities(text)
    if opportunities is None:
        exact = _exact_width_breaks(text, width, start_column, overrides)
        return [index for index, brk in enumerate(exact) if brk]
    if overrides is not None and overrides.count(None) != len(overrides):
        forced = {i for i, o in enumerate(overrides) if o}
        vetoed = {i for i, o in enumerate(overrides) if o is False}
        opportunities = tuple(sorted((set(opportunities) - vetoed) | forced))
    result: list[int] = []
    last_index = -1
    last_column = start_column
    previous = 0
    for index in opportunities:  # every character is one column wide here
        if last_index >= 0 and last_column + index - previous > width:
            result.append(last_index)
            last_column = 0
        last_column += index - previous
        last_index = previous = index
    if last_index >= 0 and last_column + len(text) - previous > width:
        result.append(last_index)
    return result


def _exact_width_breaks(
    text: str,
    width: int,
    start_column: int,
    overrides: Sequence[bool | None] | None = None,
) -> list[bool]:
    """:func:`width_breaks` for any text, one character at a time."""
    possible = possible_breaks(text)
    if overrides is not None:
        possible = [o if o is not None else p for p, o in zip(possible, overrides, strict=True)]
    result = [False] * len(text)
    last_index: int | None = None
    last_column = start_column
    piece_width = 0
    for index, char in enumerate(text):
        opportunity = possible[index]
        if (
            opportunity is not False
            and last_index is not None
            and last_column + piece_width > width
        ):
            result[last_index] = True
            last_column = 0
        if opportunity is None:  # a line separator: start again at column 0
            last_index, last_column, piece_width = None, 0, 0
            continue
        if opportunity:
            last_index = index
            last_column += piece_width
            piece_width = 0
        piece_width += max(char_width(char), 0)
    if last_index is not None and last_column + piece_width > width:
        result[last_index] = True
    return result


# ------------------------------------------------------------- the fast path
# For text whose characters are one column wide and whose classes take part in
# the pair table alone (no LF/CR, CM, ZW, ZWJ, RI, HL or Hangul: ordinary Latin
# and Cyrillic prose), possible_breaks reduces to: no break at a space; before
# any other character, the pair rule of (class of the last non-space character,
# its class), "D" always, "I" only right after spaces; never before the first
# non-space character.  One code letter per class (str.translate) and two
# regular expressions find those places without a Python loop per character.
_SIMPLE = [name for name in _ORDER if name not in ("HL", "RI", "H2", "H3")]
_CODE = {name: chr(ord("a") + i) for i, name in enumerate(_SIMPLE)}
_SPACE_CODE, _OTHER_CODE = "S", "X"


class _Codes(dict[int, str]):
    """Code point -> class code letter, filled on first use."""

    def __missing__(self, code_point: int) -> str:
        char = chr(code_point)
        cls = break_class(char)
        if char_width(char) != 1:
            value = _OTHER_CODE
        elif cls == "SP":
            value = _SPACE_CODE
        else:
            value = _CODE.get(cls, _OTHER_CODE)
        self[code_point] = value
        return value


_CODES = _Codes()


def _alternatives(allowed: str, spaces: bool) -> str:
    """Regex alternatives: a class, (spaces,) then a class it may break before.

    Left classes with the same right classes share one alternative, which keeps
    the expression short (a few alternatives instead of one per class).
    """
    groups: dict[str, str] = {}
    for left in _SIMPLE:
        right = "".join(_CODE[c] for c in _SIMPLE if _PAIRS[left][_COLUMN[c]] in allowed)
        if right:
            groups[right] = groups.get(right, "") + _CODE[left]
    between = "S+" if spaces else ""
    return "|".join(f"[{left}]{between}(?=[{right}])" for right, left in groups.items())


#: a break is possible after a character (and the spaces after it) before the next
#: one when the pair table says "D" (directly) or, with spaces between, "I"
_OPPORTUNITY = re.compile(_alternatives("DI", spaces=True) + "|" + _alternatives("D", spaces=False))


@lru_cache(maxsize=16)
def _simple_opportunities(text: str) -> tuple[int, ...] | None:
    """Indices a line may break before, or None when *text* is not simple prose.

    At each place at most one alternative of :data:`_OPPORTUNITY` matches (a
    character is followed either by a space or not), and a match ends right
    before the character a line may start with, so the indices come in order.
    Kept for the last few texts: a string too long for the first line of its
    message is broken a second time from the next line's column.
    """
    codes = text.translate(_CODES)
    if _OTHER_CODE in codes:
        return None
    return tuple([match.end() for match in _OPPORTUNITY.finditer(codes)])

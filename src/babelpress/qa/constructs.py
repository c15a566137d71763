"""What in a text becomes markup on the site, as multisets a translation is compared by.

A translation may carry exactly the markup its German carries.  This module finds
that markup the way the site's readers find it -- Python-Markdown (MkDocs, with
``attr_list``, ``md_in_html``, ``admonition``), mkdocs-static-i18n, and the
browser -- and returns each kind as a :class:`~collections.Counter`, so that
:mod:`babelpress.qa.markup` can report what a translation has beyond its German:

1. :func:`line_breaks` and :func:`line_starts` -- the line separators (``\\n``,
   and ``\\r``, ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``, NEL, U+2028, U+2029: Python-Markdown
   reads ``\\r`` as a line break and mkdocs-static-i18n splits pages with
   :meth:`str.splitlines`), and the block syntax each line opens with (heading,
   list, quote, reference definition, admonition, table, fence, rule).
"""

from __future__ import annotations

import re
from collections import Counter

#: every separator some reader of the page takes for the end of a line
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_BLOCK_KINDS = (
    ("heading", r"#{1,6}(?:[ \t]|$)"),
    ("list", r"[-+*](?:[ \t]|$)"),
    ("numbered list", r"\d{1,9}[.)](?:[ \t]|$)"),
    ("quote", r">"),
    ("reference definition", r"!?\[[^\]]*\]:"),
    ("abbreviation", r"\*\[[^\]]*\]:"),
    ("admonition", r"(?:!!!|\?\?\?)"),
    ("table", r"\|"),
    ("definition", r":[ \t]"),
    ("code fence", r"(?:`{3,}|~{3,})"),
    ("rule", r"(?:[-*_][ \t]*){3,}$"),
    ("underline", r"=+[ \t]*$"),
)
_BLOCK_START = re.compile(
    r"[ \t]*(?:" + "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_BLOCK_KINDS)) + ")"
)


# ------------------------------------------------------------------ lines
def line_breaks(text: str) -> Counter[str]:
    """The line separators of *text*, by kind."""
    return Counter(LINE_BREAK.findall(text))


def line_starts(text: str) -> Counter[str]:
    """The block syntax each line of *text* opens with (first line included)."""
    found: Counter[str] = Counter()
    for line in LINE_BREAK.split(text):
        kind = block_start(line)
        if kind is not None:
            found[kind] += 1
    return found


def block_start(line: str) -> str | None:
    """The kind of Markdown block *line* would open at the start of a line, if any."""
    match = _BLOCK_START.match(line)
    if match is None:
        return None
    index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
    return _BLOCK_KINDS[index][0]

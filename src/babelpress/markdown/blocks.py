"""Which Markdown blocks are translatable, and as what kind of unit.

:func:`walk` goes through markdown-it-py's block tokens of a page body (whose
``inline`` tokens carry the raw line spans recorded by :mod:`babelpress.markdown.reader`)
and hands every leaf block to the collector with its kind: heading, paragraph,
quote, attribution, list item, caption, credit, kicker or table cell.  The rules
are listed in the docstring of :mod:`babelpress.markdown.reader`.
"""

from __future__ import annotations

import re
from typing import Any, Protocol


class Collector(Protocol):
    """What :func:`walk` hands the blocks to (the reader's body walker)."""

    body: str

    def add_block(
        self, lines: list[tuple[int, int]], kind: str, *, split: bool, lead: int = 0
    ) -> None: ...

#: captions and credits longer than this are split into sentences
LONG_CAPTION = 300

_PIPE_RE = re.compile(r"\|")
_ATTR_LINE_RE = re.compile(r"[ ]*\{:?[ ]*([^}\n ][^}\n]*)[ ]*\}[ ]*")
_HEADING_ATTR_RE = re.compile(r"[ ]+\{:?[ ]*[^}\n ][^}\n]*[ ]*\}[ ]*$")
_ATTR_KINDS = {".caption": "caption", ".credit": "credit", ".kicker": "kicker"}
_ATTRIBUTION_RE = re.compile(r"[—–―] ")

_SPLIT_KINDS = ("paragraph", "quote", "list item")


def walk(body: Collector, tokens: list[Any]) -> None:
    """Feed every translatable leaf block among *tokens* to *body*."""
    containers: list[str] = []
    rows: dict[int, list[tuple[int, int]]] = {}
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "blockquote_open":
            containers.append("quote")
        elif kind == "list_item_open":
            containers.append("list item")
        elif kind in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif kind == "inline" and token.meta and "lines" in token.meta:
            parent = tokens[index - 1]
            if parent.type == "heading_open":
                _heading(body, token, parent)
            elif parent.type == "paragraph_open":
                _paragraph(body, token, containers[-1] if containers else "paragraph")
            elif parent.type in ("th_open", "td_open"):
                _cell(body, token, rows)


def _heading(body: Collector, token: Any, parent: Any) -> None:
    lines = token.meta["lines"]
    if parent.markup.startswith("#"):
        start, end = lines[0]
        span = heading_content(body.body[start:end], token.content)
        if span is None:
            return
        lines = [(start + span[0], start + span[1])]
    body.add_block(lines, "heading", split=False)


def _paragraph(body: Collector, token: Any, kind: str) -> None:
    lines = list(token.meta["lines"])
    text = body.body
    if len(lines) > 1:
        start, end = lines[-1]
        attr = attribute_kind(text[start:end])
        if attr is not None:
            lines.pop()
            kind = attr or kind
    lead = 0
    if kind == "quote":
        lead = attribution_lead(text[lines[0][0] : lines[0][1]])
        kind = "attribution" if lead else kind
    if kind in _SPLIT_KINDS:
        split = True
    elif kind in ("caption", "credit"):
        split = sum(e - s for s, e in lines) > LONG_CAPTION
    else:
        split = False
    body.add_block(lines, kind, split=split, lead=lead)


def _cell(body: Collector, token: Any, rows: dict[int, list[tuple[int, int]]]) -> None:
    """A table cell: found by splitting its row's raw line like markdown-it-py does."""
    start, end = token.meta["lines"][0]
    if start not in rows:
        rows[start] = _cells(body.body, start, end)
    cells = rows[start]
    if not cells or not token.content:
        if cells and not token.content:
            cells.pop(0)
        return
    cell = cells.pop(0)
    raw = body.body[cell[0] : cell[1]]
    if raw.replace("\\|", "|") != token.content:
        rows[start] = []
        return
    body.add_block([cell], "table cell", split=False)


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Trimmed ``(start, end)`` of each cell of the table row ``text[start:end]``."""
    row = text[start:end].rstrip()
    seps = [
        m.start() for m in _PIPE_RE.finditer(row) if m.start() == 0 or row[m.start() - 1] != "\\"
    ]
    bounds = [-1, *seps, len(row)]
    columns = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    if columns and columns[0][0] == columns[0][1]:
        columns.pop(0)
    if columns and columns[-1][0] == columns[-1][1]:
        columns.pop()
    cells = []
    for a, b in columns:
        piece = row[a:b]
        lead = len(piece) - len(piece.lstrip())
        cells.append((start + a + lead, start + a + lead + len(piece.strip())))
    return cells


def attribute_kind(line: str) -> str | None:
    """The unit kind an attribute-list line gives its paragraph, "" for other lists, None if
    *line* is no attribute list."""
    match = _ATTR_LINE_RE.fullmatch(line)
    if not match:
        return None
    for word in match.group(1).split():
        if word in _ATTR_KINDS:
            return _ATTR_KINDS[word]
    return ""


def heading_content(raw: str, content: str) -> tuple[int, int] | None:
    """Offsets of an ATX heading's text in its raw line, attribute list excluded."""
    hashes = len(raw) - len(raw.lstrip("#"))
    index = raw.find(content, hashes) if content else -1
    if index < 0:
        return None
    text = content
    attr = _HEADING_ATTR_RE.search(text)
    if attr and attr.start() > 0:
        text = text[: attr.start()]
    return index, index + len(text)


def attribution_lead(text: str) -> int:
    """Length of a leading ``— `` that marks an attribution line, else 0."""
    match = _ATTRIBUTION_RE.match(text)
    return match.end() if match else 0

"""Lists: boxes such as "Das Wichtigste in Kürze" and runs of bulleted lines.

Contract of :func:`list_at` (used by :func:`~.structure.classify`):

1. A line matching a ``lists.box_heading`` pattern opens a box.  Its items are the
   following lines of the same block of lines; when it stands alone, the lines of the
   next block, if there are at least :data:`MIN_ITEMS` of them.  An item is one sentence
   or a phrase: a line of several sentences ends the box (the article goes on).  The
   heading becomes a ``##`` heading and the items one list.
2. :data:`MIN_ITEMS` or more bulleted lines in a row (``•``, ``–``, ``-``, ``*`` …, see
   ``lists.bullet``) in one block are a list; the bullet is dropped, the item kept as
   written.  A single bulleted line stays a paragraph.
3. :data:`MIN_SCHEDULE` or more lines in a row in one block that each begin with a time
   or a date and a dash or colon (``lists.schedule``: "10:00 Uhr – Festgottesdienst")
   are a programme: a list, each line one item as written.
4. Items are never joined, split or dropped: a box is content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from babelpress.normalise.article import Block
from babelpress.normalise.rules import Rules
from babelpress.normalise.structure import Line
from babelpress.normalise.text import plain_spaces, several_sentences

MIN_ITEMS = 2
#: a programme has at least this many lines (two times in a row may be prose's own)
MIN_SCHEDULE = 3
#: a box item is at most this long (a longer line is running text after the box)
MAX_ITEM_CHARS = 400


@dataclass(frozen=True)
class Found:
    """The blocks of a list found at some line, and the index of the line after it."""

    blocks: list[Block]
    end: int


def list_at(lines: list[Line], index: int, rules: Rules) -> Found | None:
    """The box or bulleted list starting at ``lines[index]``, if there is one."""
    line = lines[index]
    if any(p.match(line.text) for p in rules.box_heading):
        return _box(lines, index, rules)
    if rules.bullet.match(line.text):
        end = _run(lines, index, lambda x: bool(rules.bullet.match(x.text)))
        if end - index >= MIN_ITEMS:
            items = [_item(x, rules) for x in lines[index:end]]
            return Found([Block("list", "", items=tuple(items), line=line.number)], end)
    if rules.schedule.match(plain_spaces(line.text)):
        end = _run(lines, index, lambda x: _scheduled(x, rules))
        if end - index >= MIN_SCHEDULE:
            programme = tuple(x.text for x in lines[index:end])
            return Found([Block("list", "", items=programme, line=line.number)], end)
    return None


def _scheduled(line: Line, rules: Rules) -> bool:
    return bool(rules.schedule.match(plain_spaces(line.text))) and _item_like(line)


def _box(lines: list[Line], index: int, rules: Rules) -> Found | None:
    heading = lines[index]
    start = index + 1
    end = _run(lines, start, lambda x: x.group == heading.group and _item_like(x))
    if end == start and start < len(lines):
        group = lines[start].group
        end = _run(lines, start, lambda x: x.group == group and _item_like(x))
    if end - start < MIN_ITEMS or any(len(x.text) > MAX_ITEM_CHARS for x in lines[start:end]):
        return None
    items = tuple(_item(x, rules) for x in lines[start:end])
    blocks = [
        Block("heading", heading.text, line=heading.number),
        Block("list", "", items=items, line=lines[start].number),
    ]
    return Found(blocks, end)


def _item_like(line: Line) -> bool:
    """A box item is one sentence (or a phrase); a paragraph of several sentences is the
    article going on below the box, in a paste without blank lines."""
    return not several_sentences(line.text)


def _run(lines: list[Line], start: int, belongs: Callable[[Line], bool]) -> int:
    end = start
    first_group = lines[start].group if start < len(lines) else -1
    while end < len(lines) and lines[end].group == first_group and belongs(lines[end]):
        end += 1
    return end


def _item(line: Line, rules: Rules) -> str:
    return rules.bullet.sub("", line.text, count=1)

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
   or a date and a dash or colon (``lists.schedule``: "10:00 Uhr – Festgottesdienst",
   a chronology's "März 2019: …") are a programme: a list, each line one item as
   written, even of several sentences (its date opens each entry).
4. :data:`MIN_FACTS` or more lines in a row in one block that are each a label, a
   colon and a short value, none a sentence (``lists.fact``: "Feuerwehr: 122",
   "Euro-Notruf: 112") are a list of facts, each line one item as written.
   :data:`MIN_ITEMS` or more lines of an address card in a row (``lists.address_card``:
   "Marktplatz 7, 72461 Hallbergen", "Tel. 07431 987654") are a list too.
5. :data:`MIN_ITEMS` or more lines in a row in one block numbered one after the other
   (``lists.numbered``: "1. …", "2. …" or "1) …") are a numbered list that starts at
   the first one's number; the numbers are dropped, each item kept as written, even
   of several sentences (its number opens it).  Numbers that do not count up ("1. FC
   Köln" over "3. Liga") are no list.
6. :data:`MIN_ITEMS` or more phrases in a row (no sentence's end, at most
   :data:`MAX_PHRASE_WORDS` words) right under a line of the same block that ends with a
   colon ("… folgende Abschnitte gesperrt:") are that line's list, without bullets.
7. Items are never joined, split or dropped: a box is content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from babelpress.normalise.article import Block
from babelpress.normalise.rules import Rules
from babelpress.normalise.structure import Line
from babelpress.normalise.text import ends_sentence, plain_spaces, several_sentences

MIN_ITEMS = 2
#: a programme has at least this many lines (two times in a row may be prose's own)
MIN_SCHEDULE = 3
#: an item of a list without bullets under its colon has at most this many words
MAX_PHRASE_WORDS = 20
#: a list of facts ("Feuerwehr: 122") has at least this many lines
MIN_FACTS = 3
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
            bulleted = tuple(_item(x, rules) for x in lines[index:end])
            return Found([Block("list", "", items=bulleted, line=line.number)], end)
    numbered = _numbered(lines, index, rules)
    if numbered is not None:
        return numbered
    if _under_colon(lines, index):
        end = _run(lines, index, _phrase)
        if end - index >= MIN_ITEMS:
            return _as_written(lines, index, end)
    steps = _sentences_under_colon(lines, index, rules)
    if steps is not None:
        return steps
    for pattern, least in (
        (rules.schedule, MIN_SCHEDULE), (rules.fact, MIN_FACTS), (rules.address_card, MIN_ITEMS)
    ):  # fmt: skip
        if pattern.match(plain_spaces(line.text)):
            dated = pattern is not rules.fact  # a date or an address opens the item
            end = _run(lines, index, partial(_listed, pattern=pattern, dated=dated))
            if end - index >= least:
                return _as_written(lines, index, end)
    return None


def _numbered(lines: list[Line], index: int, rules: Rules) -> Found | None:
    """The numbered list from ``lines[index]`` on, its numbers counting up one by one."""
    first = rules.numbered.match(lines[index].text)
    if first is None or rules.schedule.match(plain_spaces(lines[index].text)):
        return None  # "1. Mai: Auftakt" opens a programme
    start = int(first.group("number"))
    items: list[str] = []
    for line in lines[index:]:
        match = rules.numbered.match(line.text)
        if (
            match is None
            or line.group != lines[index].group
            or int(match.group("number")) != start + len(items)
            or len(line.text) > MAX_ITEM_CHARS
        ):
            break
        items.append(line.text[match.end() :])
    if len(items) < MIN_ITEMS:
        return None
    block = Block("list", "", items=tuple(items), start=start, line=lines[index].number)
    return Found([block], index + len(items))


def _as_written(lines: list[Line], start: int, end: int) -> Found:
    """The lines from *start* to *end* as one list, each line an item as written."""
    items = tuple(x.text for x in lines[start:end])
    return Found([Block("list", "", items=items, line=lines[start].number)], end)


def _sentences_under_colon(lines: list[Line], index: int, rules: Rules) -> Found | None:
    """Short sentences, one a line, from under a line of the same block that ends with a
    colon to the end of that block ("… wenn eines der folgenden Warnzeichen auftritt:",
    then "Ihr Kind atmet auffallend schnell."): that line's list.  Lines of several
    sentences, or a block that goes on with longer lines, are paragraphs."""
    if index == 0 or lines[index - 1].group != lines[index].group:
        return None
    lead = lines[index - 1].text.rstrip()
    if not lead.endswith(":"):
        return None
    end = _run(lines, index, _short_sentence)
    closes = end == len(lines) or lines[end].group != lines[index].group
    if not closes or end - index < MIN_ITEMS:
        return None
    # a list, not a story or a quote ("Ein Beispiel:", "Er sagte:"): the line says what
    # follows ("folgende Warnzeichen"), or each item tells the reader what to do
    items = [line.text for line in lines[index:end]]
    if rules.announce.search(lead) or all(rules.imperative.match(item) for item in items):
        return _as_written(lines, index, end)
    return None


def _short_sentence(line: Line) -> bool:
    text = line.text.rstrip()
    return (
        ends_sentence(text)
        and text[-1] in ".!"
        and not several_sentences(text)
        and len(text.split()) <= MAX_PHRASE_WORDS
    )


def _under_colon(lines: list[Line], index: int) -> bool:
    """The line above, in the same block, announces a list: it ends with a colon."""
    if index == 0:
        return False
    above, line = lines[index - 1], lines[index]
    return above.group == line.group and above.text.rstrip().endswith(":") and _phrase(line)


def _phrase(line: Line) -> bool:
    text = line.text.rstrip()
    return (
        bool(text)
        and not ends_sentence(text)
        and text[-1] not in ":?!"
        and len(text.split()) <= MAX_PHRASE_WORDS
    )


def _listed(line: Line, *, pattern: re.Pattern[str], dated: bool = False) -> bool:
    """*line* an item of the list *pattern* makes: one sentence, or (*dated*: an entry of
    a timetable or chronology, which its date opens) more."""
    return bool(pattern.match(plain_spaces(line.text))) and (dated or _item_like(line))


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

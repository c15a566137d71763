"""A box of labelled data in an article: its rows become the items of a list.

A fact box ("Einsatzdaten", "Steckbrief", "Zahlen und Fakten") is a run of at least
:data:`MIN_ROWS` rows in one block of lines, each a short label and its value, with
different labels (an interview's speakers come back).  A label starts with a capital,
holds no figure and does not end like a sentence.

* :func:`take_data_boxes` (before the metadata and the furniture): a definition list
  as it is pasted, each label on a line of its own over its value ("Dauer" over "6 Std.
  28 Min.").  A label has at most :data:`LABEL_WORDS` words and is no section of the
  site; a value at most :data:`VALUE_WORDS`.  The labels say so with their colons, or
  most values hold a figure (a date, a time, a count): lines one under the other
  without that are a menu, a listing's kickers over headlines or a list of titles.
  Never below the article's last paragraph, where the site lists its other pages.
  Each pair becomes one line, ``Label: value`` (a colon added after a label without
  one): its date is not the article's, its value is not the headline.
* :func:`bullet_label_rows` (after the furniture, before the headline): rows written
  as ``Label: value`` on one line each, labels of up to :data:`ROW_LABEL_WORDS` words;
  a value of more than :data:`SHORT_VALUE_WORDS` words ending like a sentence makes
  its row an information box's paragraph ("Anreise: Mit der Bahn bis Innsbruck.").
  What is metadata ("Publiziert: 27.02.2025") or a player's ("Läuft gerade: …") has
  gone before; the rest are a box's rows, never the headline.

* :func:`take_sources`: the lines under a label of sources ("Quellen:", "Belege"),
  each a name and a web address, in one block above the article's end: a fact check's
  evidence, which the link in each line would have made a link box of the site's.

Either way a row becomes a bulleted line (``• ``), which the structure makes an item
of a list.
"""

from __future__ import annotations

import re

from babelpress.normalise.evidence import TAIL
from babelpress.normalise.furniture import Zones
from babelpress.normalise.rules import Rules
from babelpress.normalise.structure import Line
from babelpress.normalise.text import ends_sentence

#: a box has at least this many rows
MIN_ROWS = 3
#: a label alone on its line, over its value, has at most this many words
LABEL_WORDS = 3
#: a label before its colon and value, at most this many ("Unwetter-Hotline des Landes
#: Steiermark: 0800 808 122")
ROW_LABEL_WORDS = 6
#: a value has at most this many words (a longer text is a paragraph)
VALUE_WORDS = 20
#: a row's value of more words that ends like a sentence is a paragraph's sentence
SHORT_VALUE_WORDS = 4
#: labels over their values: this many of them with a colon make a box of data
MIN_COLONS = 2

_LABEL = re.compile(r"[A-ZÄÖÜ][^\d:.!?;,|·•]*")
_ROW = re.compile(r"(?P<label>[A-ZÄÖÜ][^\d:.!?;,|·•]{0,40}):[ \t]+(?P<value>\S.*)")
BULLET = "• "
#: what the boilerplate rules may call a label of a box: a box's title ("Stichwort")
#: or a pair of words that reads as an agency's code ("Land/Jahr")
_LABEL_KINDS = frozenset({None, "box_label", "agency_code"})


#: the label of an article's list of sources ("Quellen:", "Belege", "Links zum Thema:")
_SOURCES_LABEL = re.compile(
    r"(?:quellen?|belege|nachweise|fundstellen|literatur|links(?: zum (?:thema|artikel))?)\s*:?",
    re.IGNORECASE,
)
#: a source: its name and its web address ("WHG, § 49: https://www.gesetze-im-internet.de/…")
_SOURCE = re.compile(r"\S.{0,200}?\s(?:https?://|www\.)\S+|(?:https?://|www\.)\S+")


def take_sources(lines: list[Line], zones: Zones) -> list[Line]:
    """*lines* with the sources listed under a label such as "Quellen:" in the article as
    bulleted lines: a fact check's evidence, kept (their web addresses alone read as a
    link box of the site's)."""
    out: list[Line] = []
    label: Line | None = None
    for line in lines:
        if label is not None and line.group == label.group and _SOURCE.fullmatch(line.text):
            out.append(_bulleted(line, line.text))
            continue
        label = line if _SOURCES_LABEL.fullmatch(line.text) and zones.of(line) != TAIL else None
        out.append(line)
    return out


def take_data_boxes(lines: list[Line], rules: Rules, zones: Zones) -> list[Line]:
    """*lines* with the rows of every data box as bulleted lines (see the module docstring)."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        rows = _rows_at(lines, index, rules, zones)
        if rows is None:
            out.append(lines[index])
            index += 1
            continue
        out.extend(rows[0])
        index = rows[1]
    return out


def _rows_at(
    lines: list[Line], index: int, rules: Rules, zones: Zones
) -> tuple[list[Line], int] | None:
    """The rows of a box starting at *index*, and the index after it; None if none does."""
    if zones.of(lines[index]) == TAIL or rules.bullet.match(lines[index].text):
        return None
    return _paired_rows(lines, index, rules)


def bullet_label_rows(lines: list[Line], rules: Rules) -> list[Line]:
    """*lines* with every run of :func:`_label_rows` as bulleted lines: a list."""
    rows = _label_rows(lines, rules)
    return [_bulleted(line, line.text) if i in rows else line for i, line in enumerate(lines)]


def _label_rows(lines: list[Line], rules: Rules) -> set[int]:
    """The indices of *lines* in runs of at least :data:`MIN_ROWS` rows of a box written
    on one line each ("Alarmierung: 03:12 Uhr"), with different labels, in one block.

    Such rows are left as they are (a date line or a player's "Läuft gerade: …" has
    the same form), but none of them is a headline.
    """
    found: set[int] = set()
    index = 0
    while index < len(lines):
        end, labels = index, []
        while end < len(lines) and lines[end].group == lines[index].group:
            row = _ROW.fullmatch(lines[end].text)
            if row is None or not _label(row["label"], rules) or not _value(row["value"]):
                break
            if ends_sentence(row["value"]) and len(row["value"].split()) > SHORT_VALUE_WORDS:
                break  # an information box's sentences ("Anreise: Mit der Bahn …") stay prose
            labels.append(row["label"])
            end += 1
        if len(labels) >= MIN_ROWS and len(set(labels)) == len(labels):
            found.update(range(index, end))
        index = max(end, index + 1)
    return found


def _paired_rows(lines: list[Line], index: int, rules: Rules) -> tuple[list[Line], int] | None:
    end, pairs = index, []
    while end + 1 < len(lines):
        label, value = lines[end], lines[end + 1]
        if not (label.group == value.group == lines[index].group):
            break
        name = label.text.removesuffix(":")
        if not (_label(name, rules, over_value=True) and _value(value.text)):
            break
        if _ROW.fullmatch(value.text):
            break
        pairs.append((label, value))
        end += 2
    names = [label.text.removesuffix(":") for label, _ in pairs]
    if len(pairs) < MIN_ROWS or len(set(names)) < len(names):
        return None
    if not _data(pairs):
        return None  # a menu, or a listing's kickers over headlines
    rows = [
        _bulleted(label, f"{name}: {value.text}", value.number)
        for (label, value), name in zip(pairs, names, strict=True)
    ]
    return rows, end


def _label(text: str, rules: Rules, *, over_value: bool = False) -> bool:
    """A label of a box; over its value on the next line, no section of the site."""
    words = text.split()
    return (
        0 < len(words) <= (LABEL_WORDS if over_value else ROW_LABEL_WORDS)
        and _LABEL.fullmatch(text) is not None
        and not ends_sentence(text)
        and rules.boilerplate_kind(text) in _LABEL_KINDS
        and not (over_value and any(w.casefold() in rules.evidence.section_names for w in words))
    )


def _value(text: str) -> bool:
    return 0 < len(text.split()) <= VALUE_WORDS and not text.endswith(":")


def _data(pairs: list[tuple[Line, Line]]) -> bool:
    """Labels and values, not a menu or a listing's kickers over headlines: the labels
    say so with their colons, or most values hold a figure (a date, a time, a count)."""
    colons = sum(label.text.endswith(":") for label, _ in pairs)
    figures = sum(any(char.isdigit() for char in value.text) for _, value in pairs)
    return colons >= MIN_COLONS or 2 * figures > len(pairs)


def _bulleted(line: Line, text: str, end: int = 0) -> Line:
    return Line(BULLET + text, line.group, line.number, end or line.end)

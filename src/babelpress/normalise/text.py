"""Text-level helpers of normalising: the only changes made to the author's words.

Contract:

* :func:`clean` applies the permitted text fixes and nothing else: Unicode NFC;
  the typographic ligatures of a PDF's text (U+FB00-U+FB06: "ﬁnanziert") as their
  letters; zero-width characters, soft hyphens and the controls of text direction (U+200E,
  U+200F, U+202A-U+202E, U+2066-U+2069) removed; runs of spaces and tabs collapsed to
  one space (no-break and other special spaces are kept, they carry typographic
  meaning); lines stripped; a missing space after a closing quotation mark that follows
  sentence-final punctuation restored (``darstellen.“Mit`` -> ``darstellen.“ Mit``);
  two layout marks that the collapsing would lose are written as separators: a row of
  short items between tabs (a browser pastes a menu bar, a tool bar or a table row so:
  ``Politik<TAB>Wirtschaft<TAB>Sport``) becomes ``Politik · Wirtschaft · Sport``, as
  do three or more lines in a row with the same three or more tabbed cells (a table's
  rows, however long their cells), and a
  line holding only a separator between two short lines (a breadcrumb pasted one item
  a line) joins them on the first of the three lines, the other two left blank so that
  every line keeps its number; a drop cap (a capital letter alone on its line, the rest
  of its word opening the next line in lower case: ``D`` / ``ie Nachricht kam``) is put
  back on its word, its own line left blank.
* :func:`sentences` is a rough splitter for *comparing* text (duplicates, pull quotes,
  tests); it never decides what is written.
* :func:`slugify` makes a readable ASCII slug (German umlauts transliterated);
  :func:`is_safe_slug` says whether a slug an editor gave is a safe file name.
"""

from __future__ import annotations

import re
import unicodedata

from babelpress.errors import DIRECTION_CONTROLS

#: zero-width characters, the soft hyphen, and the invisible controls of text direction
#: (a right-to-left override in a German title would show it reversed, or hide a word)
_ZERO_WIDTH = re.compile(f"[\u200b\u200c\u200d\u2060\ufeff\u00ad{DIRECTION_CONTROLS}]")
_SPACES = re.compile(r"[ \t\f\v]+")
#: a word processor's list mark and its tab: "o", "§", the symbol font's bullets
_LIST_MARK = re.compile("^[ \t]*(?:o|§|[\uf0a7\uf0b7\uf076\uf0d8\uf0fc])\t+")
#: a short label and its colon before a tab, one value after it ("Alter:<TAB>78 Jahre")
_LABEL_TAB = re.compile(r"^[ \t]*([^\W\d_][\w .-]{0,30}:)\t+(?=[^\t]+$)")
#: the Latin ligatures a PDF's text keeps ("ﬁ", "ﬂ", "ﬀ", "ﬃ", "ﬄ", "ﬅ", "ﬆ")
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_TAB = re.compile(r"[ \f\v]*\t[ \t\f\v]*")
_SEPARATOR_LINE = re.compile(r"[›»>|/]")  # not a bullet: "•" alone may open an item
#: an item of a tabbed row or of a breadcrumb has at most this many words
ROW_ITEM_WORDS = 6
#: a button at the end of a row has at most this many words
BUTTON_WORDS = 3
#: a figure and an abbreviated unit of time or size, or a date ("Sa, 11.10."), at the
#: end of a row's item: its full stop ends no sentence
_UNIT_END = re.compile(r"\d\s?(?:min|std|sek|sec|mb|kb|gb)\.$|\b\d{1,2}\.\d{1,2}\.$", re.IGNORECASE)
_QUOTE_SPACE = re.compile(r"(?<=[.!?…][“”\"»«])(?=[A-ZÄÖÜ])")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[“”\"»«)]*\s+(?=[„“\"»«(]?[A-ZÄÖÜ0-9])")
_WORD = re.compile(r"\w+")
_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"}
)
_SENTENCE_FINAL = ".:;,"


def clean(text: str) -> str:
    """Apply the permitted fixes to a whole text (see the module docstring)."""
    text = unicodedata.normalize("NFC", text)
    if _LIGATURE.search(text):
        text = _LIGATURE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _ZERO_WIDTH.sub("", text)
    raw = text.split("\n")
    table = _tab_table(raw)
    lines = [
        _SPACES.sub(" ", _cells(line) if n in table else _tab_row(line)).strip()
        for n, line in enumerate(raw)
    ]
    return "\n".join(fix_quote_space(line) for line in _join_crumbs(_join_drop_caps(lines)))


def _join_drop_caps(lines: list[str]) -> list[str]:
    """A drop cap put back on the rest of its word (see the module docstring)."""
    out = list(lines)
    for i in range(len(out) - 1):
        cap, rest = out[i], out[i + 1]
        # "D" / "ie Nachricht kam", "A" / "m Morgen des 14. Juli"
        if len(cap) == 1 and cap.isupper() and rest[:1].isalpha() and rest[:1].islower():
            out[i], out[i + 1] = "", cap + rest
    return out


def _tab_row(line: str) -> str:
    """*line* with its tabs as `` · `` if it is a row of short items, else unchanged; a
    word processor's list mark before a tab ("o<TAB>…", its symbol font's bullet) is a
    bullet."""
    if "\t" not in line:
        return line
    mark = _LIST_MARK.match(line)
    if mark:
        return "• " + line[mark.end() :].strip(" \t\f\v")
    label = _LABEL_TAB.match(line)
    if label:  # a label's colon, its value aligned by a tab: "Alter:<TAB>78 Jahre"
        return label.group(1) + " " + line[label.end() :].strip(" \t\f\v")
    items = _TAB.split(line.strip(" \t\f\v"))
    if len(items) < 2 or not all(_row_item(item, _limit(items, n)) for n, item in enumerate(items)):
        return line
    return " · ".join(item.strip() for item in items)


#: a table pasted with tabs has at least this many rows with the same number of cells
MIN_TAB_ROWS = 3
#: and at least this many cells in each
MIN_TAB_CELLS = 3


def _tab_table(lines: list[str]) -> set[int]:
    """The indices of lines that are rows of a table pasted with tabs: at least
    :data:`MIN_TAB_ROWS` lines in a row with the same number of cells, three or more,
    whatever their length ("A 7, Hollbach–Riedern, Richtung Norden<TAB>1.12.2025 bis
    voraussichtlich März 2026<TAB>keine, einspurige Verkehrsführung"); two cells a line
    are a listing's date and headline as often as a table's."""
    found: set[int] = set()
    start = 0
    while start < len(lines):
        count = _TAB.split(lines[start].strip(" \t\f\v")) if "\t" in lines[start] else []
        end = start + 1
        while (
            len(count) >= 2
            and end < len(lines)
            and "\t" in lines[end]
            and len(_TAB.split(lines[end].strip(" \t\f\v"))) == len(count)
        ):
            end += 1
        if len(count) >= MIN_TAB_CELLS and end - start >= MIN_TAB_ROWS:
            found.update(range(start, end))
        start = end
    return found


def _cells(line: str) -> str:
    return " · ".join(item.strip() for item in _TAB.split(line.strip(" \t\f\v")))


def _limit(items: list[str], index: int) -> int:
    """The words the item at *index* may have: more before a last item that reads as a
    button ("Schlüsselbund Pro – ab 2,99 € pro Monat", then "Zum Anbieter*"): a few
    words without a figure."""
    last = items[-1]
    button = len(last.split()) <= BUTTON_WORDS and not any(char.isdigit() for char in last)
    return ROW_ITEM_WORDS * 2 if button and index < len(items) - 1 else ROW_ITEM_WORDS


def _row_item(item: str, limit: int = ROW_ITEM_WORDS) -> bool:
    """Short, not a sentence's end and not its continuation (a tab inside a sentence),
    with a letter or digit in it (a bullet before a tab is no item of a row).  A figure
    with its abbreviated unit ("Lesezeit 5 Min.") or a date ends in a full stop, not a
    sentence."""
    words = item.split()
    return (
        0 < len(words) <= limit
        and (item[-1] not in ".!?" or _UNIT_END.search(item) is not None)
        and not item[0].islower()
        and any(char.isalnum() for char in item)
    )


def _join_crumbs(lines: list[str]) -> list[str]:
    """A breadcrumb pasted one item a line ("Nachrichten", ">", "Region") as one line."""
    out = list(lines)
    for i in range(1, len(out) - 1):
        if not _SEPARATOR_LINE.fullmatch(out[i]) or not _row_item(out[i + 1]):
            continue
        start = i - 1
        while start > 0 and not out[start]:
            start -= 1  # the item before is already joined further up
        if not out[start] or not _row_item(out[start].rsplit(f" {out[i]} ", 1)[-1]):
            continue
        out[start] = f"{out[start]} {out[i]} {out[i + 1]}"
        out[i] = out[i + 1] = ""
    return out


_SPACE_LIKE = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))


def plain_spaces(text: str) -> str:
    """*text* with no-break and narrow spaces as plain ones, for matching only: the rules
    are written with plain spaces, a paste has "14:05\u00a0Uhr" (the text keeps them)."""
    return text.translate(_SPACE_LIKE)


def fix_quote_space(line: str) -> str:
    """Insert the missing space in ``Satz.“Nächster`` (after a closing quote)."""
    return _QUOTE_SPACE.sub(" ", line)


def sentences(text: str) -> list[str]:
    """Split *text* into sentence-like chunks (rough; over-splitting is harmless)."""
    return [part.strip() for part in _split_keep(text) if part.strip()]


def _split_keep(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group().rstrip())
        parts.append(text[start:end])
        start = match.end()
    parts.append(text[start:])
    return parts


def comparable(text: str) -> str:
    """Lower-case words only: the form in which texts are compared for repetition."""
    return " ".join(_WORD.findall(text.casefold()))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_sentence(line: str) -> bool:
    """True if *line* ends like a sentence (``.``, ``:``, ``;``, ``,``), quotes ignored."""
    stripped = line.rstrip("“”\"'»«)’ ")
    return bool(stripped) and stripped[-1] in _SENTENCE_FINAL + "…"


def is_short_line(line: str, max_words: int, max_chars: int) -> bool:
    """A line short enough to be a title, heading, attribution or alt text."""
    return 0 < len(line) <= max_chars and len(line.split()) <= max_words


def slugify(title: str, max_length: int = 80) -> str:
    """``Kasachstans schrittweise Entfernung`` -> ``kasachstans-schrittweise-entfernung``."""
    text = unicodedata.normalize("NFKD", title.translate(_TRANSLIT))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "artikel"


#: a slug is one file name: letters, digits, ``-`` and ``_``, no dot, slash or markup
_SAFE_SLUG = re.compile(r"[^\W_][\w-]{0,119}")


def is_safe_slug(slug: str) -> bool:
    """Whether *slug* names a page file and nothing else (no path, no markup)."""
    return _SAFE_SLUG.fullmatch(slug) is not None and slug.isprintable()


#: the end of a sentence with more text after it (not the point of an ordinal of one
#: or two digits: "am 9. Oktober", "die 3. Liga")
_SENTENCE_INSIDE = re.compile(r"(?:[!?…]|(?<!\b\d)(?<!\b\d\d)\.)[“”\"'»«)’]*\s+\S")


def several_sentences(text: str) -> bool:
    """*text* goes on after the end of a sentence: more than one sentence."""
    return bool(_SENTENCE_INSIDE.search(text))

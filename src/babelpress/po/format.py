"""PO text exactly as GNU gettext writes it (``msgcat``, ``msgmerge``, page width 79).

:func:`format_po` turns a :class:`polib.POFile` into the text GNU gettext 0.21
would write for it, so a catalogue saved here and then by ``msgcat`` (or the
other way round) shows no diff.  The layout follows gettext's ``write-po.c``:

1. the header entry first, then the entries in file order, obsolete entries last;
   entries separated by one blank line;
2. per entry: ``#`` translator comments, ``#.`` extracted comments, ``#:``
   references (filled up to column 79), ``#,`` flags, ``#|`` previous msgctxt,
   msgid and msgid_plural, then msgctxt, msgid, msgid_plural, msgstr/msgstr[n];
3. flags: ``fuzzy`` first (only when there is a translation), then format flags
   in gettext's order, ``range:``, ``no-wrap``; flags gettext does not know
   (``md-text``) follow in their own order -- gettext itself drops them;
4. a string that does not fit on one line starts with ``""`` and is broken at
   the Unicode line-break opportunities libunistring finds (after spaces and
   hyphens, never inside an escape, see :mod:`babelpress.po.linebreak`), and
   after every ``\\n``;
5. obsolete entries print ``#~ `` before their keywords and ``#~| `` before
   previous strings, keep only the ``fuzzy`` flag, and vanish when untranslated.

Not reproduced: gettext never breaks inside a format directive of a string
flagged ``c-format``, ``python-format`` and so on; babelpress writes no such flags.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polib

from babelpress.po.linebreak import break_positions

PAGE_WIDTH = 79
_NO_WRAP_WIDTH = 2**31 - 1

_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_NEEDS_ESCAPE = re.compile('[\\\\"\a\b\f\n\r\t\v]')

#: gettext 0.21's format languages, in the order it prints their flags
FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)
_FLAG_RANK = {}
for _rank, _lang in enumerate(FORMAT_LANGUAGES):
    for _form in (f"{_lang}-format", f"possible-{_lang}-format", f"no-{_lang}-format"):
        _FLAG_RANK[_form] = _rank


def format_po(po: polib.POFile, *, page_width: int = PAGE_WIDTH) -> str:
    """The catalogue as GNU gettext writes it."""
    blocks: list[str] = []
    header = _header_lines(po, page_width)
    if header:
        blocks.append(_block(header))
    for entry in po:
        if not entry.obsolete:
            blocks.append(_entry_text(entry, page_width))
    for entry in po:
        if entry.obsolete and _first_msgstr(entry):
            blocks.append(_block(_obsolete_lines(entry, page_width)))
    return "\n".join(blocks)


def _block(lines: list[str]) -> str:
    """An entry's lines as text, each ended by a newline."""
    return "\n".join(lines) + "\n"


def header_text(metadata: dict[str, str]) -> str:
    """The header entry's msgstr: one ``Key: Value\\n`` line per field."""
    return "".join(f"{key}: {value}\n" for key, value in metadata.items())


def _header_lines(po: polib.POFile, page_width: int) -> list[str]:
    msgstr = header_text(po.metadata)
    if not (msgstr or po.header or po.metadata_is_fuzzy):
        return []
    lines = _comment_lines("#", po.header) if po.header else []
    if po.metadata_is_fuzzy and msgstr:
        lines.append("#, fuzzy")
    lines += wrap_string("", "msgid", "", page_width=page_width)
    lines += wrap_string("", "msgstr", msgstr, page_width=page_width)
    return lines


#: entry texts by their content: a page's template and catalogues repeat most entries
#: (an untranslated entry is the template's); bounded to a few pages' worth
_ENTRY_TEXTS: dict[tuple[object, ...], str] = {}
_ENTRY_TEXTS_MAX = 4096


def _entry_text(entry: polib.POEntry, page_width: int) -> str:
    key = (
        entry.msgctxt, entry.msgid, entry.msgid_plural, entry.msgstr,
        tuple(sorted(entry.msgstr_plural.items())) if entry.msgstr_plural else (),
        tuple(entry.flags), entry.tcomment, entry.comment, tuple(entry.occurrences),
        entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural, page_width,
    )  # fmt: skip
    text = _ENTRY_TEXTS.get(key)
    if text is None:
        if len(_ENTRY_TEXTS) >= _ENTRY_TEXTS_MAX:
            _ENTRY_TEXTS.clear()
        text = _ENTRY_TEXTS[key] = _block(_entry_lines(entry, page_width))
    return text


def _entry_lines(entry: polib.POEntry, page_width: int) -> list[str]:
    lines = _comments(entry, page_width)
    flags = ordered_flags(entry.flags, translated=bool(_first_msgstr(entry)))
    if flags:
        lines.append("#, " + ", ".join(flags))
    wrap = "no-wrap" not in entry.flags
    lines += _previous_lines("#| ", entry, page_width, wrap)
    lines += _message_lines("", entry, page_width, wrap)
    return lines


def _obsolete_lines(entry: polib.POEntry, page_width: int) -> list[str]:
    lines = _comments(entry, page_width)
    if "fuzzy" in entry.flags:
        lines.append("#, fuzzy")
    wrap = "no-wrap" not in entry.flags
    lines += _previous_lines("#~| ", entry, page_width, wrap)
    lines += _message_lines("#~ ", entry, page_width, wrap)
    return lines


def _comments(entry: polib.POEntry, page_width: int) -> list[str]:
    lines: list[str] = []
    if entry.tcomment:
        lines += _comment_lines("#", entry.tcomment)
    if entry.comment:
        lines += [f"#. {line}" if line else "#." for line in entry.comment.split("\n")]
    if entry.occurrences:
        lines += reference_lines(entry.occurrences, page_width)
    return lines


def _comment_lines(mark: str, text: str) -> list[str]:
    return [f"{mark} {line}" if line else mark for line in text.split("\n")]


def reference_lines(occurrences: list[tuple[str, str]], page_width: int = PAGE_WIDTH) -> list[str]:
    """``#:`` lines: unique references filled up to *page_width* columns (bytes, as gettext)."""
    lines: list[str] = []
    line, column = "#:", 2
    seen: set[str] = set()
    for path, number in occurrences:
        while path.startswith("./"):
            path = path[2:]
        reference = f"{path}:{number}" if number not in ("", None) else path
        if reference in seen:  # gettext keeps each reference once
            continue
        seen.add(reference)
        length = len(reference.encode("utf-8")) + 1
        if column > 2 and column + length > page_width:
            lines.append(line)
            line, column = "#:", 2
        line += " " + reference
        column += length
    lines.append(line)
    return lines


def ordered_flags(flags: list[str], *, translated: bool) -> list[str]:
    """Flags in gettext's order; ``fuzzy`` only with a translation; no ``wrap``."""
    seen: set[str] = set()
    fuzzy, known, ranges, no_wrap, other = [], [], [], [], []
    for flag in flags:
        if not flag or flag in seen:
            continue
        seen.add(flag)
        if flag == "fuzzy":
            fuzzy = ["fuzzy"] if translated else []
        elif flag in _FLAG_RANK:
            known.append(flag)
        elif flag.startswith("range:"):
            ranges = [flag]
        elif flag == "no-wrap":
            no_wrap = [flag]
        elif flag != "wrap":
            other.append(flag)
    known.sort(key=_FLAG_RANK.__getitem__)
    return fuzzy + known + ranges + no_wrap + other


def _previous_lines(prefix: str, entry: polib.POEntry, page_width: int, wrap: bool) -> list[str]:
    lines: list[str] = []
    for name in ("msgctxt", "msgid", "msgid_plural"):
        value = getattr(entry, f"previous_{name}", None)
        if value is not None:
            lines += wrap_string(prefix, name, value, page_width=page_width, wrap=wrap)
    return lines


def _message_lines(prefix: str, entry: polib.POEntry, page_width: int, wrap: bool) -> list[str]:
    def put(name: str, value: str) -> None:
        lines.extend(wrap_string(prefix, name, value, page_width=page_width, wrap=wrap))

    lines: list[str] = []
    if entry.msgctxt is not None:
        put("msgctxt", entry.msgctxt)
    put("msgid", entry.msgid)
    if entry.msgid_plural:
        put("msgid_plural", entry.msgid_plural)
        for index in sorted(entry.msgstr_plural):
            put(f"msgstr[{index}]", entry.msgstr_plural[index])
    else:
        put("msgstr", entry.msgstr)
    return lines


def _first_msgstr(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        plural = entry.msgstr_plural or {}
        return plural.get(0, "") or ""
    return entry.msgstr or ""


def escape(text: str) -> tuple[str, list[bool | None]]:
    """*text* escaped for a PO string, with gettext's break overrides per character."""
    if not _NEEDS_ESCAPE.search(text):
        return text, [None] * len(text)
    chars: list[str] = []
    overrides: list[bool | None] = []
    for char in text:
        if char in _ESCAPES:
            chars += ["\\", _ESCAPES[char]]
            overrides += [None, False]
        elif char in '\\"':
            chars += ["\\", char]
            overrides += [None, False]
        else:
            chars.append(char)
            overrides.append(None)
    return "".join(chars), overrides


def _portions(value: str) -> list[str]:
    """*value* cut after each newline (gettext wraps each portion on its own)."""
    portions = value.split("\n")
    result = [portion + "\n" for portion in portions[:-1]]
    if portions[-1] or not result:
        result.append(portions[-1])
    return result


def wrap_string(
    prefix: str, name: str, value: str, *, page_width: int = PAGE_WIDTH, wrap: bool = True
) -> list[str]:
    """The lines of ``name "value"`` as gettext's ``wrap()`` prints them."""
    return list(_wrap_cached(prefix, name, value, page_width, wrap))


@lru_cache(maxsize=2048)
def _wrap_cached(
    prefix: str, name: str, value: str, page_width: int, wrap: bool
) -> tuple[str, ...]:
    # A page's template and its catalogues repeat every msgid: wrap each string
    # once.  Sized for a page or two, not the archive, so memory stays bounded.
    return tuple(_wrap(prefix, name, value, page_width, wrap))


def _wrap(prefix: str, name: str, value: str, page_width: int, wrap: bool) -> list[str]:
    lines: list[str] = []
    first_line = True
    portions = _portions(value)
    after_break = len(prefix) + 1
    width = (page_width if wrap else _NO_WRAP_WIDTH) - 1 - after_break
    for number, portion in enumerate(portions):
        text, overrides = escape(portion)
        if portion.endswith("\n"):
            overrides[-2] = False  # no break just before the final "\n"
        is_last = number == len(portions) - 1
        start = len(prefix) + (len(name) + 1 if first_line else 0) + 1 - after_break
        breaks = break_positions(text, width, start, overrides)
        if first_line and text and (not is_last or start > width or breaks):
            lines.append(f'{prefix}{name} ""')
            first_line = False
            start = len(prefix) + 1 - after_break
            breaks = break_positions(text, width, start, overrides)
        line = f"{prefix}{name} " if first_line else prefix
        first_line = False
        begin = 0
        for index in breaks:
            lines.append(f'{line}"{text[begin:index]}"')
            line, begin = prefix, index
        lines.append(f'{line}"{text[begin:]}"')
    return lines

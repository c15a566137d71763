"""Reading and writing PO/POT catalogues: strict on input, GNU-exact on output.

:func:`read_po` parses a catalogue into :class:`polib.POFile` /
:class:`polib.POEntry` objects (what the translation and QA code works with)
and refuses anything GNU gettext would refuse or babelpress could not keep
intact, raising :class:`~babelpress.errors.CatalogError` with the file and line:

1. bytes that do not decode in the charset the header declares (UTF-8 when it
   declares none), or a charset Python does not know;
2. a line that is neither a comment, a keyword with a string, nor a string
   continuation; a string without its closing quote; keywords out of order
   (``msgid_plural`` without ``msgid``, ``msgstr`` without ``msgid``);
3. a truncated file: an entry that ends without its ``msgstr``;
4. escapes other than ``\\n``, ``\\t``, ``\\r``, ``\\"``, ``\\\\`` and the control
   characters GNU gettext writes (and :func:`format_po` too) as ``\\a``, ``\\b``,
   ``\\f``, ``\\v`` (gettext also knows octal and hex escapes; polib would silently
   garble them, and babelpress never writes them);
5. two entries with the same msgctxt and msgid (obsolete ones counted apart).

An error quotes at most a short excerpt of the offending line
(:func:`babelpress.errors.excerpt`), and with a *root* a catalogue that is a
symbolic link out of the project is refused unread (:mod:`babelpress.fsutil`).

:func:`format_po` (from :mod:`babelpress.po.format`) writes a catalogue as GNU
gettext does; :func:`write_po` saves it atomically and only when it changed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from babelpress.errors import CatalogError, excerpt
from babelpress.fsutil import atomic_write, read_bytes
from babelpress.po.format import format_po

__all__ = ["format_po", "parse_po", "read_po", "write_po"]

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(\".*)$")
# a quoted string: runs of plain characters between escapes ("unrolled", so the
# engine does not try one alternative per character)
_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"\s*$')
_ESCAPE = re.compile(r"\\(.)")
_UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\",
             "a": "\a", "b": "\b", "f": "\f", "v": "\v"}  # fmt: skip
_CHARSET = re.compile(rb"charset=([^\s\"\\]+)")
_UTF8_NAMES = {"utf-8", "utf8"}
_ASCII_NAMES = {"charset", "ascii", "us-ascii"}


def read_po(path: str | Path, *, root: str | Path | None = None) -> polib.POFile:
    """Parse the catalogue at *path*; CatalogError (with file:line) if malformed.

    With *root* (the project), a path leading outside it is refused unread.
    """
    path = Path(path)
    try:
        data = read_bytes(path, root=root)
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    po = parse_po(data, path=path)
    po.fpath = str(path)
    return po


def write_po(po: polib.POFile, path: str | Path, *, root: str | Path | None = None) -> bool:
    """Save *po* at *path* in GNU layout, atomically; False (no write) if unchanged."""
    return atomic_write(path, format_po(po), root=root)


#: a carriage return not followed by a line feed
_LONE_CR = re.compile("\r(?!\n)")


def parse_po(data: bytes | str, *, path: str | Path = "<string>") -> polib.POFile:
    """Parse catalogue text; bytes are decoded with the charset the header declares.

    A catalogue in another charset than UTF-8 comes back with its header saying
    UTF-8, the charset babelpress writes.
    """
    codec = "utf-8"
    if isinstance(data, bytes):
        codec = _codec(data, path)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise CatalogError(f"not valid {codec.upper()}", path=path, line=line) from exc
    else:
        text = data
    lone = _LONE_CR.search(text)
    if lone is not None:
        # gettext reads such a file as one line: parsed, it would be a comment, empty
        line = text.count("\n", 0, lone.start()) + 1
        raise CatalogError(
            "a line ends with a carriage return alone; save the file with LF line ends",
            path=path, line=line,
        )  # fmt: skip
    po = _fast_parse(text)
    if po is None:  # anything out of the ordinary: the strict parser, with its errors
        po = _Parser(str(path)).parse(text)
    _check_plural_forms(po, text, path)
    if codec != "utf-8" and "Content-Type" in po.metadata:
        po.metadata["Content-Type"] = re.sub(
            r"charset=\S+", "charset=UTF-8", po.metadata["Content-Type"]
        )
    return po


#: the most plural forms a language has (CLDR's six categories: Arabic, Welsh)
MAX_PLURAL_FORMS = 6
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def declared_plurals(po: polib.POFile) -> int | None:
    """The ``nplurals`` of the catalogue's ``Plural-Forms`` header, if it has one."""
    match = _NPLURALS.search(po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def _check_plural_forms(po: polib.POFile, text: str, path: str | Path) -> None:
    """A header's ``nplurals`` beyond any language's is refused: every plural entry
    would get that many forms (``nplurals=3000000`` is megabytes of empty strings)."""
    declared = declared_plurals(po)
    if declared is not None and declared > MAX_PLURAL_FORMS:
        at = text.find("Plural-Forms")
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        raise CatalogError(
            f"Plural-Forms: nplurals={declared}; no language has more than "
            f"{MAX_PLURAL_FORMS} forms",
            path=path, line=line,
        )  # fmt: skip


def _codec(data: bytes, path: str | Path) -> str:
    """The Python codec for the charset the header declares (UTF-8 when none)."""
    match = _CHARSET.search(data)
    if match is None:
        return "utf-8"
    name = match.group(1).decode("ascii", "replace")
    if name.lower() in _UTF8_NAMES or name.lower() in _ASCII_NAMES:
        return "utf-8"
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # a NUL in the name is a ValueError
        info = None
    # "hex", "base64", "rot13" are codecs Python knows, but of bytes, not of text, and
    # "undefined" one that decodes nothing
    if info is None or not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        line = data.count(b"\n", 0, match.start()) + 1
        raise CatalogError(f"unknown charset {name}", path=path, line=line) from None
    return info.name


@dataclass
class _Entry:
    """What the parser gathers for one entry before it becomes a POEntry."""

    line: int = 0
    obsolete: bool = False
    tcomment: list[str] = field(default_factory=list)
    comment: list[str] = field(default_factory=list)
    occurrences: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)
    plural: dict[int, str] = field(default_factory=dict)

    def has_comments(self) -> bool:
        return bool(self.tcomment or self.comment or self.occurrences or self.flags)


class _Parser:
    """A line-by-line PO parser that knows where every entry started."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.po = polib.POFile(wrapwidth=79, encoding="utf-8", check_for_duplicates=False)
        self.entry = _Entry()
        self.state = "comments"  # comments | msgctxt | msgid | msgid_plural | msgstr
        self.target: tuple[str, str | int] | None = None  # where string continuations go
        self.seen: dict[tuple[bool, str | None, str], int] = {}
        self.has_header = False
        self.lineno = 0

    def error(self, message: str, line: int | None = None) -> CatalogError:
        return CatalogError(message, path=self.path, line=line or self.lineno)

    def parse(self, text: str) -> polib.POFile:
        for self.lineno, raw in enumerate(text.split("\n"), start=1):
            self.line(raw.rstrip("\r"))
        self.finish_entry(at_end=True)
        return self.po

    # ------------------------------------------------------------ lines
    def line(self, raw: str) -> None:
        stripped = raw.strip()
        if not stripped:
            return  # blank lines separate nothing in gettext's grammar
        if stripped.startswith("#~"):
            self.obsolete_line(stripped[2:].lstrip(" "))
        elif stripped.startswith("#|"):
            self.previous_line(stripped[2:].lstrip(" "), obsolete=False)
        elif stripped.startswith("#"):
            self.comment_line(stripped)
        else:
            self.message_line(stripped, obsolete=False)

    def obsolete_line(self, rest: str) -> None:
        if rest.startswith("|"):
            self.previous_line(rest[1:].lstrip(" "), obsolete=True)
        elif rest:
            self.message_line(rest, obsolete=True)

    def comment_line(self, stripped: str) -> None:
        if self.state == "msgstr":
            self.finish_entry()
        if self.state != "comments":
            raise self.error(f"comment inside an entry (after its {self.state})")
        mark, rest = stripped[:2], stripped[2:]
        entry = self.entry
        if mark == "#.":
            entry.comment.append(rest[1:] if rest.startswith(" ") else rest)
        elif mark == "#:":
            entry.occurrences += [_occurrence(ref) for ref in rest.split()]
        elif mark == "#,":
            entry.flags += [flag.strip() for flag in rest.split(",") if flag.strip()]
        else:
            comment = stripped[1:]
            entry.tcomment.append(comment[1:] if comment.startswith(" ") else comment)

    def previous_line(self, rest: str, *, obsolete: bool) -> None:
        if self.state == "msgstr":
            self.finish_entry()
        match = _KEYWORD.match(rest)
        if match is not None and match.group(1) in ("msgctxt", "msgid", "msgid_plural"):
            value = self.string(match.group(3))
            self.entry.previous[match.group(1)] = value
            self.target = ("previous", match.group(1))
        elif rest.startswith('"') and self.target and self.target[0] == "previous":
            key = str(self.target[1])
            self.entry.previous[key] += self.string(rest)
        else:
            raise self.error("syntax error in a previous-string comment (#|)")

    def message_line(self, rest: str, *, obsolete: bool) -> None:
        if rest.startswith('"'):
            self.continuation(rest, obsolete)
            return
        match = _KEYWORD.match(rest)
        if match is None:
            raise self.error(f"syntax error: {excerpt(rest)!r}")
        keyword, index, literal = match.groups()
        value = self.string(literal)
        self.keyword(keyword.split("[")[0], int(index) if index else None, value, obsolete)

    def keyword(self, keyword: str, index: int | None, value: str, obsolete: bool) -> None:
        if keyword in ("msgctxt", "msgid") and self.state == "msgstr":
            self.finish_entry()
        entry = self.entry
        allowed = {
            "msgctxt": ("comments",),
            "msgid": ("comments", "msgctxt"),
            "msgid_plural": ("msgid",),
            "msgstr": ("msgid", "msgid_plural", "msgstr"),
        }[keyword]
        if self.state not in allowed:
            if self.state == "comments":
                raise self.error(f"{keyword} without msgid before it")
            raise self.error(f"{keyword} not expected here (after {self.state})")
        if self.state == "comments":
            entry.line, entry.obsolete = self.lineno, obsolete
        elif entry.obsolete != obsolete:
            raise self.error("an entry mixes obsolete (#~) and active lines")
        if keyword == "msgstr":
            self.msgstr(index, value)
            return
        entry.strings[keyword] = value
        self.state, self.target = keyword, ("strings", keyword)

    def msgstr(self, index: int | None, value: str) -> None:
        entry = self.entry
        plural = "msgid_plural" in entry.strings
        if self.state == "msgstr" and (index is None or not plural or index in entry.plural):
            raise self.error("msgstr defined twice in one entry")
        if plural != (index is not None):
            raise self.error("msgstr[n] belongs to entries with msgid_plural, msgstr to others")
        if index is not None and index >= MAX_PLURAL_FORMS:
            raise self.error(f"msgstr[{index}]: no language has more than {MAX_PLURAL_FORMS} forms")
        if self.state != "msgstr":
            self.check_duplicate()
        if index is None:
            entry.strings["msgstr"] = value
            self.target = ("strings", "msgstr")
        else:
            entry.plural[index] = value
            self.target = ("plural", index)
        self.state = "msgstr"

    def continuation(self, literal: str, obsolete: bool) -> None:
        if self.target is None or self.target[0] == "previous":
            raise self.error("string continuation without a keyword before it")
        kind, key = self.target
        value = self.string(literal)
        if kind == "plural":
            self.entry.plural[int(key)] += value
        else:
            self.entry.strings[str(key)] += value

    def string(self, literal: str) -> str:
        match = _STRING.match(literal)
        if match is None:
            raise self.error("unterminated string or text after the closing quote")
        body = match.group(1)
        if "\\" not in body:
            return body  # most strings: nothing to check or unescape
        for escape in _ESCAPE.finditer(body):
            if escape.group(1) not in _UNESCAPE:
                raise self.error(f"unsupported escape sequence '\\{escape.group(1)}'")
        return _ESCAPE.sub(lambda m: _UNESCAPE[m.group(1)], body)

    # ------------------------------------------------------------ entries
    def check_duplicate(self) -> None:
        entry = self.entry
        key = (entry.obsolete, entry.strings.get("msgctxt"), entry.strings.get("msgid", ""))
        first = self.seen.get(key)
        if first is not None:
            raise self.error(f"duplicate message definition (first defined at line {first})",
                             line=entry.line)
        self.seen[key] = entry.line

    def finish_entry(self, *, at_end: bool = False) -> None:
        entry = self.entry
        if self.state in ("msgctxt", "msgid", "msgid_plural"):
            what = "truncated file" if at_end else "entry without msgstr"
            raise self.error(f"{what}: the {self.state} has no msgstr", line=entry.line)
        if self.state == "comments":
            if at_end and entry.has_comments():
                return  # trailing comments without a message: gettext ignores them too
            return
        self.add(entry)
        self.entry, self.state, self.target = _Entry(), "comments", None

    def add(self, entry: _Entry) -> None:
        strings = entry.strings
        if (
            not self.has_header
            and not entry.obsolete
            and strings.get("msgid") == ""
            and "msgctxt" not in strings
        ):
            self.has_header = True
            self.set_header(entry)
            return
        po_entry = polib.POEntry(
            msgid=strings.get("msgid", ""),
            msgstr=strings.get("msgstr", ""),
            msgid_plural=strings.get("msgid_plural", ""),
            msgstr_plural=dict(entry.plural),
            msgctxt=strings.get("msgctxt"),
            obsolete=entry.obsolete,
            tcomment="\n".join(entry.tcomment),
            comment="\n".join(entry.comment),
            occurrences=entry.occurrences,
            flags=entry.flags,
            previous_msgctxt=entry.previous.get("msgctxt"),
            previous_msgid=entry.previous.get("msgid"),
            previous_msgid_plural=entry.previous.get("msgid_plural"),
            linenum=entry.line,
        )
        self.po.append(po_entry)

    def set_header(self, entry: _Entry) -> None:
        self.po.header = "\n".join(entry.tcomment)
        self.po.metadata_is_fuzzy = "fuzzy" in entry.flags
        for line in entry.strings.get("msgstr", "").split("\n"):
            if ":" in line:
                key, value = line.split(":", 1)
                self.po.metadata[key.strip()] = value.strip()


class _Unusual(Exception):
    """The fast parser met something it leaves to the strict one."""


_PREVIOUS_KEYWORDS = frozenset({"msgctxt", "msgid", "msgid_plural"})


def _fast_parse(text: str) -> polib.POFile | None:
    """Parse a catalogue in the layout gettext writes, or None for the strict parser.

    Reading catalogues is most of rendering a page, so the usual layout -- entries
    of comments, keywords and string lines, obsolete entries as ``#~`` -- is read
    here in one loop without per-line method calls, into the very objects
    :class:`_Parser` makes.  Anything the loop does not expect (an error, but also
    a legal oddity such as a plural entry or an escape it cannot vouch for) makes
    it give up, and the strict parser reads the text again, with its errors.
    Before that loop, :func:`_tokenized` reads a catalogue laid out exactly as
    gettext writes it (no stray blanks, no plural forms) with one regular
    expression over the whole text; it leaves anything else to the loop.
    """
    try:
        return _tokenized(text) or _fast_entries(text)
    except _Unusual:
        return None


def _fast_string(literal: str) -> str:
    # most strings hold no quote or backslash: plain string tests, no regex match
    if len(literal) > 1 and literal[0] == '"' and literal[-1] == '"':
        body = literal[1:-1]
        if '"' not in body and "\\" not in body:
            return body
    match = _STRING.match(literal)
    if match is None or match.end() != len(literal):
        raise _Unusual
    body = match.group(1)
    for escape in _ESCAPE.finditer(body):
        if escape.group(1) not in _UNESCAPE:
            raise _Unusual
    return _ESCAPE.sub(lambda m: _UNESCAPE[m.group(1)], body)


def _fast_entries(text: str) -> polib.POFile:
    if "\r" in text:
        raise _Unusual
    po = polib.POFile(wrapwidth=79, encoding="utf-8", check_for_duplicates=False)
    seen: set[tuple[bool, str | None, str]] = set()
    has_header = False
    state = "comments"  # comments | msgctxt | msgid | msgstr
    target: dict[str, str] | None = None
    key = ""
    line_of_entry = 0
    obsolete = False
    tcomment: list[str] = []
    comment: list[str] = []
    occurrences: list[tuple[str, str]] = []
    flags: list[str] = []
    previous: dict[str, str] = {}
    strings: dict[str, str] = {}

    def finish() -> None:
        nonlocal has_header, state, target, tcomment, comment, occurrences, flags
        nonlocal previous, strings
        if not has_header and not obsolete and strings["msgid"] == "" and (
            "msgctxt" not in strings
        ):
            has_header = True
            po.header = "\n".join(tcomment)
            po.metadata_is_fuzzy = "fuzzy" in flags
            for field_line in strings["msgstr"].split("\n"):
                if ":" in field_line:
                    name, value = field_line.split(":", 1)
                    po.metadata[name.strip()] = value.strip()
        else:
            po.append(polib.POEntry(
                msgid=strings["msgid"], msgstr=strings["msgstr"], msgid_plural="",
                msgstr_plural={}, msgctxt=strings.get("msgctxt"), obsolete=obsolete,
                tcomment="\n".join(tcomment), comment="\n".join(comment),
                occurrences=occurrences, flags=flags,
                previous_msgctxt=previous.get("msgctxt"), previous_msgid=previous.get("msgid"),
                previous_msgid_plural=previous.get("msgid_plural"), linenum=line_of_entry,
            ))
        state, target = "comments", None
        tcomment, comment, occurrences, flags, previous, strings = [], [], [], [], {}, {}

    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        first = line[0]
        if first == '"':  # a string of the entry's keyword continued
            if state == "comments" or obsolete or target is not strings:
                raise _Unusual
            strings[key] += _fast_string(line)
            continue
        is_obsolete = False
        if first == "#":
            mark = line[:2]
            if mark == "#~":
                rest = line[2:].lstrip(" ")
                if not rest:
                    continue
                if rest[0] == '"':
                    if state == "comments" or not obsolete or target is not strings:
                        raise _Unusual
                    strings[key] += _fast_string(rest)
                    continue
                if rest[0] == "|":
                    mark, line = "#|", "#|" + rest[1:]
                    is_obsolete = True
                else:
                    line, is_obsolete = rest, True
            if mark == "#|":
                if state == "msgstr":
                    finish()
                if state != "comments":
                    raise _Unusual
                rest = line[2:].lstrip(" ")
                if rest[:1] == '"':
                    if target is not previous:
                        raise _Unusual
                    previous[key] += _fast_string(rest)
                    continue
                word, _, literal = rest.partition(" ")
                if word not in _PREVIOUS_KEYWORDS or word in previous:
                    raise _Unusual
                previous[word] = _fast_string(literal.lstrip())
                target, key = previous, word
                continue
            if not is_obsolete:
                if state == "msgstr":
                    finish()
                if state != "comments":
                    raise _Unusual
                rest = line[2:]
                if mark == "#.":
                    comment.append(rest[1:] if rest[:1] == " " else rest)
                elif mark == "#:":
                    occurrences += [_occurrence(ref) for ref in rest.split()]
                elif mark == "#,":
                    flags += [flag.strip() for flag in rest.split(",") if flag.strip()]
                else:
                    note = line[1:]
                    tcomment.append(note[1:] if note[:1] == " " else note)
                target = None
                continue
        # a keyword line (of an active entry, or of an obsolete one without its #~)
        word, _, literal = line.partition(" ")
        value = _fast_string(literal.lstrip())
        if word == "msgid" or word == "msgctxt":
            if state == "msgstr":
                finish()
            if state != "comments" and not (word == "msgid" and state == "msgctxt"):
                raise _Unusual
            if state == "comments":
                line_of_entry, obsolete = lineno, is_obsolete
            elif obsolete != is_obsolete:
                raise _Unusual
            strings[word] = value
            state, target, key = word, strings, word
        elif word == "msgstr":
            if state != "msgid" or obsolete != is_obsolete:
                raise _Unusual
            entry_key = (obsolete, strings.get("msgctxt"), strings["msgid"])
            if entry_key in seen:
                raise _Unusual
            seen.add(entry_key)
            strings["msgstr"] = value
            state, target, key = "msgstr", strings, "msgstr"
        else:  # plural forms, a misspelt keyword: the strict parser
            raise _Unusual
    if state == "msgstr":
        finish()
    elif state != "comments":
        raise _Unusual
    return po


# ------------------------------------------------------------ whole-file tokenizer
# A string on one or more lines, each a quoted string: the tokenizer matches them
# loosely (``.`` runs fast) and :func:`_text` checks them: a string without a
# backslash has no quote but the two of each line; one with escapes must match
# the exact grammar (plain runs between escape pairs).
_LOOSE = r'".*"'
_QUOTED = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
_ACTIVE_STRING = re.compile(_QUOTED + r"(?:\n" + _QUOTED + r")*")
_OBSOLETE_STRING = re.compile(_QUOTED + r"(?:\n#~ " + _QUOTED + r")*")
_KEYWORDS = (
    r"((?:(?:msgctxt (" + _LOOSE + r"(?:\n" + _LOOSE + r")*)\n)?"
    r"msgid (" + _LOOSE + r"(?:\n" + _LOOSE + r")*)\n"
    r"msgstr (" + _LOOSE + r"(?:\n" + _LOOSE + r")*)\n"
    r"|(?:#~ msgctxt (" + _LOOSE + r"(?:\n#~ " + _LOOSE + r")*)\n)?"
    r"#~ msgid (" + _LOOSE + r"(?:\n#~ " + _LOOSE + r")*)\n"
    r"#~ msgstr (" + _LOOSE + r"(?:\n#~ " + _LOOSE + r")*)\n)"
    r"\n*)"
)
#: one entry as gettext writes it: its comment lines in gettext's order (translator
#: comments, extracted comments, references, flags, previous strings as ``#|`` or
#: ``#~|``), then msgctxt, msgid and msgstr, each a string on one or more lines,
#: active or all behind ``#~ ``; then the blank lines before the next entry.  Groups:
#: all comment lines, each kind of them, all the rest, then the six strings.
_TOKEN = re.compile(
    r"("
    r"((?:#(?:[^.:,|~\n].*)?\n)*)"
    r"((?:#\..*\n)*)"
    r"((?:#:.*\n)*)"
    r"((?:#,.*\n)*)"
    r"((?:#~?\|.*\n)*)"
    r")" + _KEYWORDS
)
#: the same with its comment lines in any order (all in the second group)
_ANY_ORDER = re.compile(r"(((?:#(?:[^~\n].*|~\|.*)?\n)*)()()()())" + _KEYWORDS)
_ACTIVE_JOINT = '"\n"'
_OBSOLETE_JOINT = '"\n#~ "'
_NO_PREVIOUS: dict[str, str] = {}


class _Laid(Exception):
    """The tokenizer met what it leaves to the line loop."""


def _tokenized(text: str) -> polib.POFile | None:
    """*text* read entry by entry with :data:`_TOKEN`, or None if it is laid out otherwise.

    Every line of such a text is already stripped and every string well quoted, so
    what the line loop of :func:`_fast_entries` does per line is done here per
    entry by one regular expression over the whole text; the entries come out the
    same (the tests compare them with the strict parser's).  Raises
    :class:`_Unusual` for what the loop would give up on too (an unknown escape,
    a duplicate).
    """
    if "\r" in text or not text.endswith("\n"):
        return None
    start = len(text) - len(text.lstrip("\n"))
    for pattern in (_TOKEN, _ANY_ORDER):
        found = _one_after_another(pattern, text, start)
        if found is not None:
            break
    else:
        return None
    try:
        return _entries(found, start + 1, in_order=pattern is _TOKEN)
    except _Laid:
        return None


def _one_after_another(
    pattern: re.Pattern[str], text: str, pos: int
) -> list[tuple[str, ...]] | None:
    """The groups of *pattern*'s matches, each where the last ended, to the end of *text*;
    None at the first place it does not match.

    Searching instead (``findall``) would try again at every comment line of a run no
    keyword follows, and take each time the rest of the run: quadratic time.
    """
    found = []
    while pos < len(text):
        match = pattern.match(text, pos)
        if match is None or match.end() == pos:
            return None
        found.append(match.groups(""))
        pos = match.end()
    return found


def _entries(found: list[tuple[str, ...]], lineno: int, *, in_order: bool) -> polib.POFile:
    """The catalogue of the entries :func:`_tokenized` found, the first at line *lineno*."""
    po = polib.POFile(wrapwidth=79, encoding="utf-8", check_for_duplicates=False)
    entries: list[polib.POEntry] = []
    seen: set[tuple[bool, str | None, str]] = set()
    has_header = False
    new, entry_class, encoding = _new_object, polib.POEntry, polib.default_encoding
    for (
        comments, notes, extracted, references, flag_lines, previous_lines,
        rest, msgctxt, msgid, msgstr, old_msgctxt, old_msgid, old_msgstr,
    ) in found:  # fmt: skip
        if comments:
            lineno += comments.count("\n")
            tcomment, comment, occurrences, flags, previous = (
                _comments(notes, extracted, references, flag_lines, previous_lines)
                if in_order
                else _any_order(notes)
            )
        else:
            tcomment, comment, occurrences, flags, previous = "", "", [], [], _NO_PREVIOUS
        obsolete = not msgid  # findall gives "" for a group that took no part
        joint = _ACTIVE_JOINT
        if obsolete:
            msgctxt, msgid, msgstr, joint = old_msgctxt, old_msgid, old_msgstr, _OBSOLETE_JOINT
        context = _text(msgctxt, joint) if msgctxt else None
        source = _text(msgid, joint)
        key = (obsolete, context, source)
        if key in seen:
            raise _Unusual
        seen.add(key)
        target = _text(msgstr, joint)
        if not has_header and not obsolete and source == "" and context is None:
            has_header = True
            _set_header(po, tcomment, flags, target)
        else:
            # the POEntry ``polib.POEntry(...)`` makes, without its keyword parsing
            # (a test compares all attributes)
            entry = new(entry_class)
            entry.msgid = source
            entry.msgstr = target
            entry.msgid_plural = ""
            entry.msgstr_plural = {}
            entry.msgctxt = context
            entry.obsolete = obsolete
            entry.encoding = encoding
            entry.comment = comment
            entry.tcomment = tcomment
            entry.occurrences = occurrences
            entry.flags = flags
            entry.previous_msgctxt = previous.get("msgctxt")
            entry.previous_msgid = previous.get("msgid")
            entry.previous_msgid_plural = previous.get("msgid_plural")
            entry.linenum = lineno
            entries.append(entry)
        lineno += rest.count("\n")
    po.extend(entries)
    return po


_new_object = object.__new__


def new_entry(
    *,
    msgid: str = "",
    msgstr: str = "",
    msgctxt: str | None = None,
    msgid_plural: str = "",
    msgstr_plural: dict[int, str] | None = None,
    comment: str = "",
    tcomment: str = "",
    occurrences: list[tuple[str, str]] | None = None,
    flags: list[str] | None = None,
    previous_msgctxt: str | None = None,
    previous_msgid: str | None = None,
    previous_msgid_plural: str | None = None,
    obsolete: bool = False,
) -> polib.POEntry:
    """``polib.POEntry(...)`` without its parsing of keywords, which took a third of the
    time of merging a page's catalogue (a test compares all attributes with polib's)."""
    entry = _new_object(polib.POEntry)
    entry.msgid, entry.msgstr, entry.msgctxt = msgid, msgstr, msgctxt
    entry.msgid_plural = msgid_plural
    entry.msgstr_plural = {} if msgstr_plural is None else msgstr_plural
    entry.obsolete, entry.encoding = obsolete, polib.default_encoding
    entry.comment, entry.tcomment = comment, tcomment
    entry.occurrences = [] if occurrences is None else occurrences
    entry.flags = [] if flags is None else flags
    entry.previous_msgctxt, entry.previous_msgid = previous_msgctxt, previous_msgid
    entry.previous_msgid_plural = previous_msgid_plural
    entry.linenum = None  # type: ignore[assignment]  # as polib sets it
    return entry


def _text(literal: str, joint: str) -> str:
    """The text of a string on one or more lines (*joint* between two of them).

    :class:`_Laid` if a line is not one quoted string; :class:`_Unusual` for an
    escape gettext does not write (the strict parser says which).
    """
    body = literal[1:-1]
    if "\n" in body:  # each line starts and ends with its quote: the joints go
        body = body.replace(joint, "")
    if "\\" not in body:
        if '"' in body:
            raise _Laid  # a quote inside a line: not a string of gettext's
        return body
    grammar = _ACTIVE_STRING if joint is _ACTIVE_JOINT else _OBSOLETE_STRING
    if grammar.fullmatch(literal) is None:
        raise _Laid
    try:
        return _ESCAPE.sub(_unescape, body)
    except KeyError:
        raise _Unusual from None


def _unescape(match: re.Match[str]) -> str:
    return _UNESCAPE[match.group(1)]


#: what an entry's comment lines say: translator comments and extracted comments
#: (lines joined), occurrences, flags, previous strings (by keyword)
_Notes = tuple[str, str, list[tuple[str, str]], list[str], dict[str, str]]


def _comments(tcomments: str, extracted: str, references: str, flags: str, previous: str) -> _Notes:
    """The comment lines of one entry, by kind (the groups of :data:`_TOKEN`),
    read as :func:`_fast_entries` reads them: each line stripped, ``# `` and ``#. ``
    cut off, references split at blanks, flags at commas."""
    tcomment = comment = ""
    if tcomments:
        if tcomments.find("\n") == len(tcomments) - 1:  # one line, as mostly
            line = tcomments[:-1].rstrip()
            tcomment = line[2:] if line[1:2] == " " else line[1:]
        else:
            notes = [line[1:] for line in _stripped(tcomments)]
            tcomment = "\n".join(note[1:] if note[:1] == " " else note for note in notes)
    if extracted:
        if extracted.find("\n") == len(extracted) - 1:
            line = extracted[:-1].rstrip()
            comment = line[3:] if line[2:3] == " " else line[2:]
        else:
            rests = [line[2:] for line in _stripped(extracted)]
            comment = "\n".join(rest[1:] if rest[:1] == " " else rest for rest in rests)
    occurrences = (
        [_occurrence(ref) for ref in references[2:].replace("\n#:", " ").split()]
        if references
        else []
    )
    if flags == "#, fuzzy\n":
        flag_list = ["fuzzy"]
    elif flags:
        found = flags[2:].replace("\n#,", ",").split(",")
        flag_list = [flag.strip() for flag in found if flag.strip()]
    else:
        flag_list = []
    strings = _previous_strings(previous) if previous else _NO_PREVIOUS
    return tcomment, comment, occurrences, flag_list, strings


def _stripped(block: str) -> list[str]:
    """The lines of a block of comment lines, stripped as the line loop strips them
    (each starts with ``#``, so only their ends can have blanks)."""
    if block.count("\n") == 1:
        return [block[:-1].rstrip()]
    return [line.rstrip() for line in block[:-1].split("\n")]


def _previous_strings(block: str) -> dict[str, str]:
    """The strings of ``#|`` (or ``#~|``) lines, each line stripped."""
    previous: dict[str, str] = {}
    key = ""  # the keyword a ``#| "..."`` line continues
    for line in _stripped(block):
        rest = line[3 if line[1] == "~" else 2 :].lstrip(" ")
        if rest[:1] == '"':
            if not key:
                raise _Unusual
            previous[key] += _fast_string(rest)
            continue
        word, _, literal = rest.partition(" ")
        if word not in _PREVIOUS_KEYWORDS or word in previous:
            raise _Unusual
        previous[word] = _fast_string(literal.lstrip())
        key = word
    return previous


def _any_order(block: str) -> _Notes:
    """:func:`_comments` of comment lines that are not in gettext's order.

    A ``#| "..."`` continuation must follow a ``#|`` line directly, as in the loop.
    """
    kinds: dict[str, list[str]] = {"#": [], "#.": [], "#:": [], "#,": [], "#|": []}
    last = ""
    for line in _stripped(block) if block else []:
        mark = line[:2] if line[1:2] in (".", ":", ",", "|", "~") else "#"
        mark = "#|" if mark == "#~" else mark  # "#~" only as "#~|"
        if mark == "#|" and last != "#|" and kinds["#|"]:
            raise _Laid  # previous strings split by other comments: the loop knows
        kinds[mark].append(line)
        last = mark
    return _comments(*("".join(line + "\n" for line in kinds[mark]) for mark in kinds))


def _set_header(po: polib.POFile, tcomment: str, flags: list[str], msgstr: str) -> None:
    po.header = tcomment
    po.metadata_is_fuzzy = "fuzzy" in flags
    for field_line in msgstr.split("\n"):
        if ":" in field_line:
            name, value = field_line.split(":", 1)
            po.metadata[name.strip()] = value.strip()


def _occurrence(reference: str) -> tuple[str, str]:
    path, colon, line = reference.rpartition(":")
    if colon and line.isdigit():
        return path, line
    return reference, ""

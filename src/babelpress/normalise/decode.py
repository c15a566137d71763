"""Raw bytes of a seed file to text, with a note for every conversion.

Contract of :func:`decode`:

1. An empty file (or one holding only whitespace) is an :class:`InputError`.
2. A UTF-8 byte-order mark is removed; UTF-16 with a byte-order mark is decoded.
3. Control bytes other than tab, line feed, carriage return and form feed (NUL,
   ``0x01``-``0x1f``, ``0x7f``) mean binary data: :class:`InputError` naming the byte
   offset of the first one.
4. Valid UTF-8 is taken as it is.  Otherwise the text is read as Windows-1252 (reported
   as Latin-1 when it uses no byte in ``0x80``-``0x9f``, where the two agree).  Bytes
   Windows-1252 leaves undefined, or valid UTF-8 sequences mixed into otherwise
   non-UTF-8 text, are an :class:`InputError` with the offset of the first bad byte.
5. CRLF and lone CR line ends become LF.

Every conversion is returned as a short note ("decoded as Windows-1252") for the report.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from babelpress.errors import InputError

_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_C1_RANGE = re.compile(rb"[\x80-\x9f]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text and what had to be converted to get it."""

    text: str
    notes: tuple[str, ...] = field(default=())


def decode(data: bytes, path: str | Path) -> Decoded:
    """Decode the bytes of *path* (see the module docstring for the rules)."""
    notes: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(data, path)
        notes.append("decoded from UTF-16")
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
            notes.append("removed UTF-8 byte-order mark")
        _refuse_binary(data, path, skip=3 if notes else 0)
        text, note = _decode_8bit(data, path, skip=3 if notes else 0)
        if note:
            notes.append(note)
    if not text.strip():
        raise InputError("empty file: no text to normalise", path=path)
    if "\r" in text:
        notes.append("converted CRLF line ends" if "\r\n" in text else "converted CR line ends")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text=text, notes=tuple(notes))


def _refuse_binary(data: bytes, path: str | Path, skip: int) -> None:
    match = _CONTROL.search(data)
    if match:
        raise InputError(
            f"binary data, not text: control byte 0x{match.group()[0]:02x}",
            path=path,
            offset=match.start() + skip,
        )


def _decode_8bit(data: bytes, path: str | Path, skip: int) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as utf8_error:
        bad_utf8 = utf8_error.start
    if _UTF8_MULTIBYTE.search(data):
        raise InputError(
            "mixed encodings: valid UTF-8 next to bytes that are not UTF-8",
            path=path,
            offset=bad_utf8 + skip,
        )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode: neither UTF-8 nor Windows-1252/Latin-1 (byte 0x{data[exc.start]:02x})",
            path=path,
            offset=exc.start + skip,
        ) from exc
    if _C1_RANGE.search(data):
        return text, "decoded as Windows-1252"
    return text, "decoded as Latin-1 (ISO-8859-1)"


def _decode_utf16(data: bytes, path: str | Path) -> str:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise InputError("cannot decode UTF-16", path=path, offset=exc.start) from exc
    for index, char in enumerate(text):
        if char in "\t\n\r\f":
            continue
        if ord(char) < 0x20 or ord(char) == 0x7F:
            offset = 2 + len(text[:index].encode("utf-16-le"))
            raise InputError(
                f"binary data, not text: control character U+{ord(char):04X}",
                path=path,
                offset=offset,
            )
    return text

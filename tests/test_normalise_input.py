"""Bad input: empty, binary, Windows-1252, Latin-1, BOM, CRLF, UTF-16, mixed encodings."""

from __future__ import annotations

import codecs

import pytest

from babelpress.errors import InputError
from babelpress.normalise import normalise_text
from babelpress.normalise.decode import decode

GERMAN = "Präsident Tokajew – „Größe“ für 9. Mai.\n\nZweiter Absatz über Öl.\n"


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\r\n"])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(InputError, match="empty file") as info:
        decode(data, "seeds/leer.txt")
    assert str(info.value).startswith("seeds/leer.txt: ")


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        (b"Text\x00mit NUL", 4),
        (b"\x89PNG\r\n\x1a\n\x00\x00", 6),
        (b"Gut\nauch gut\n\x07Glocke", 13),
        (codecs.BOM_UTF8 + b"ab\x01", 5),
    ],
)
def test_binary_file_names_byte_offset(data: bytes, offset: int) -> None:
    with pytest.raises(InputError, match="binary data") as info:
        decode(data, "seeds/bild.txt")
    assert info.value.offset == offset
    assert str(info.value).endswith(f"(at byte offset {offset})")
    assert "seeds/bild.txt" in str(info.value)


def test_windows_1252() -> None:
    decoded = decode(GERMAN.encode("cp1252"), "x.txt")
    assert decoded.text == GERMAN
    assert decoded.notes == ("decoded as Windows-1252",)


def test_latin_1() -> None:
    text = "Präsident für Größe und Öl.\n"
    decoded = decode(text.encode("latin-1"), "x.txt")
    assert decoded.text == text
    assert decoded.notes == ("decoded as Latin-1 (ISO-8859-1)",)


def test_utf8_bom_removed() -> None:
    decoded = decode(codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "x.txt")
    assert decoded.text == GERMAN
    assert decoded.notes == ("removed UTF-8 byte-order mark",)


def test_crlf_and_cr_line_ends() -> None:
    crlf = decode(GERMAN.replace("\n", "\r\n").encode("utf-8"), "x.txt")
    assert crlf.text == GERMAN
    assert crlf.notes == ("converted CRLF line ends",)
    cr = decode(GERMAN.replace("\n", "\r").encode("utf-8"), "x.txt")
    assert cr.text == GERMAN
    assert cr.notes == ("converted CR line ends",)


def test_utf16_with_bom() -> None:
    decoded = decode(GERMAN.encode("utf-16"), "x.txt")
    assert decoded.text == GERMAN
    assert decoded.notes == ("decoded from UTF-16",)


def test_plain_utf8_has_no_notes() -> None:
    assert decode(GERMAN.encode("utf-8"), "x.txt").notes == ()


def test_undecodable_byte() -> None:
    with pytest.raises(InputError, match="neither UTF-8 nor Windows-1252") as info:
        decode(b"Ein \x81 Byte", "x.txt")
    assert info.value.offset == 4


def test_mixed_encodings() -> None:
    data = "Präsident ".encode() + "für".encode("latin-1")
    with pytest.raises(InputError, match="mixed encodings") as info:
        decode(data, "x.txt")
    assert info.value.offset == len("Präsident f".encode())


def test_all_encodings_normalise_alike() -> None:
    """The same article in every accepted encoding gives the same Markdown."""
    text = "Ein Titel\n\n" + GERMAN
    variants = [
        text.encode("utf-8"),
        text.encode("cp1252"),
        codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
        text.encode("utf-16"),
    ]
    pages = {normalise_text(decode(v, "x.txt").text, seed="x.txt").to_markdown() for v in variants}
    assert len(pages) == 1

"""PO reading and writing: GNU-exact output (checked with msgcat), strict reading."""

from __future__ import annotations

import random
from pathlib import Path

import polib
import pytest

from babelpress.errors import CatalogError
from babelpress.po.file import format_po, parse_po, read_po, write_po
from gettext_tools import msgcat, needs_gettext

GERMAN = (
    "Der Bundeskanzler sagte am 9. Mai in Berlin, dass die „Zeitenwende“ (so nannte er sie) "
    "nicht nur ein Schlagwort sei – sondern eine Pflicht. «Ja», sagte er: \"Wir müssen handeln!\" "
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsverordnung gilt ab "
    "1.400 bzw. 36.000 Fällen (z. B. in St. Petersburger Kliniken), ca. 100 % – vom 10. Juli 2022 "
    "bis zum 24. Februar; die 50-jährige E-Mail-Adresse lautet x-y@z.de/a_b?c=d&e=f. "
)
RUSSIAN = (
    "Президент России заявил, что «переговоры» зашли в тупик — это «неприемлемо». Москва, "
    "24 февраля. Глава МИД Сергей Лавров (в интервью «РИА Новости») сказал: „так нельзя“. "
)
MARKUP = (
    "[Bundestag](#1) **fett** *kursiv* `code --flag` <https://example.org/a-b_c?d=e> "
    "https://www.tagesschau.de/inland/innenpolitik/bundestag-haushalt-100.html foo/bar "
    "tab\there line\nbreak back\\slash quote\"in word's ‚single‘ ‹x› ¿que? ¡si! 1/2 "
)


def _texts(seed: int, count: int) -> list[str]:
    words = (GERMAN + RUSSIAN + MARKUP).split(" ")
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        text = " ".join(rng.choice(words) for _ in range(rng.choice([1, 3, 8, 15, 30, 60])))
        if rng.random() < 0.2:
            text += "\n"
        if rng.random() < 0.1:
            text = text.replace(" ", rng.choice(["", "  ", "-", "\u00a0", "/"]))
        texts.append(text)
    return texts


def _catalogue(seed: int) -> polib.POFile:
    """A catalogue with every feature gettext writes: the test corpus for round trips."""
    rng = random.Random(seed)
    po = polib.POFile()
    po.header = "Russian translation of the example site.\nCopyright (C) 2024\n"
    po.metadata = {
        "Project-Id-Version": "babelpress 1.0",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2024-05-09 12:00+0000",
        "Language": "ru",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
        "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    }
    texts = _texts(seed, 120)
    seen = set()
    for index in range(0, 120, 2):
        msgid, context = texts[index], rng.choice([None, None, "heading"])
        if not msgid or (context, msgid) in seen:
            continue
        seen.add((context, msgid))
        entry = polib.POEntry(msgid=msgid, msgstr=rng.choice(["", texts[index + 1]]))
        entry.msgctxt = context
        if rng.random() < 0.6:
            entry.occurrences = [
                (f"docs/de/{'ordner/' * rng.randint(0, 3)}seite-{index}.md", str(line))
                for line in rng.sample(range(1, 999), rng.randint(1, 9))
            ]
        if rng.random() < 0.3:
            entry.comment = rng.choice(["sentence", "heading", "paragraph\nlink 1: https://x"])
        if rng.random() < 0.3:
            entry.tcomment = rng.choice(["Geprüft", "a\n\nb", ""])
        if rng.random() < 0.4:
            entry.flags = rng.sample(["fuzzy", "python-brace-format", "no-c-format"], 2)
        if rng.random() < 0.3:
            entry.previous_msgid = rng.choice(texts) or "x"
            if rng.random() < 0.3:
                entry.previous_msgctxt = "heading"
        entry.obsolete = bool(entry.msgstr) and rng.random() < 0.15
        po.append(entry)
    return po


@needs_gettext
@pytest.mark.parametrize("seed", range(12))
def test_format_po_is_what_msgcat_writes(tmp_path: Path, seed: int) -> None:
    text = format_po(_catalogue(seed))
    path = tmp_path / "ru.po"
    path.write_text(text, encoding="utf-8")
    assert msgcat(path) == text


@needs_gettext
@pytest.mark.parametrize("seed", range(4))
def test_reading_msgcat_output_and_writing_it_again_changes_nothing(
    tmp_path: Path, seed: int
) -> None:
    path = tmp_path / "ru.po"
    path.write_text(format_po(_catalogue(100 + seed)), encoding="utf-8")
    gnu = msgcat(path)
    assert format_po(parse_po(gnu.encode("utf-8"))) == gnu


@needs_gettext
@pytest.mark.parametrize(
    "msgid",
    [
        "x" * 200,  # one long word: no break opportunity, the line overflows
        "a " + "x" * 100 + " b",
        "Zeile eins\nZeile zwei\n\nZeile vier\n",
        "\n",
        "\t„Anführungszeichen“ im \"Text\" und \\Backslash\\ " * 4,
        "Wort-Wort-Wort-Wort-Wort-Wort-Wort-Wort-Wort-Wort-Wort-Wort-Wort-Wort-Wort-Wort-W",
        "zwölf " * 13 + "ende",
        "Ein Satz, der genau an der Kante endet und dann noch ein einziges Wort enthält.",
        "Президент России заявил, что «переговоры» зашли в тупик — это «неприемлемо»." * 2,
        "Ende mit Leerzeichen  " * 6,
        "Emoji 👍🏽 und 🇩🇪🇷🇺 Flaggen, 中文字符混合 text, עברית-טקסט " * 3,
    ],
)
def test_hard_strings_wrap_like_gettext(tmp_path: Path, msgid: str) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid=msgid, msgstr=msgid, previous_msgid=msgid, flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="alt " + msgid, msgstr=msgid, obsolete=True))
    text = format_po(po)
    path = tmp_path / "x.po"
    path.write_text(text, encoding="utf-8")
    assert msgcat(path) == text


def test_layout_of_one_entry() -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    po.append(
        polib.POEntry(
            msgid="Hallo **Welt**",
            msgstr="Hello **world**",
            msgctxt="heading",
            tcomment="checked",
            comment="heading",
            occurrences=[("docs/de/a.md", "3"), ("docs/de/a.md", "9")],
            flags=["md-text", "fuzzy"],
            previous_msgid="Hallo Welt",
        )
    )
    assert format_po(po) == (
        'msgid ""\n'
        'msgstr ""\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: en\\n"\n'
        "\n"
        "# checked\n"
        "#. heading\n"
        "#: docs/de/a.md:3 docs/de/a.md:9\n"
        "#, fuzzy, md-text\n"
        '#| msgid "Hallo Welt"\n'
        'msgctxt "heading"\n'
        'msgid "Hallo **Welt**"\n'
        'msgstr "Hello **world**"\n'
    )


def test_parse_keeps_everything_polib_models() -> None:
    text = (
        "# Header comment\n"
        "#, fuzzy\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Language: ru\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        "\n"
        "# translator\n"
        "#. extracted\n"
        "#: docs/de/a.md:1 docs/de/b c.md\n"
        "#, fuzzy, md-text\n"
        '#| msgctxt "old"\n'
        '#| msgid "alt"\n'
        'msgctxt "heading"\n'
        'msgid "neu \\"x\\"\\n"\n'
        'msgstr "new"\n'
        "\n"
        'msgid "Apfel"\n'
        'msgid_plural "Äpfel"\n'
        'msgstr[0] "яблоко"\n'
        'msgstr[1] "яблока"\n'
        'msgstr[2] "яблок"\n'
        "\n"
        "#, fuzzy\n"
        '#~| msgid "older"\n'
        '#~ msgid "old"\n'
        '#~ msgstr "alt"\n'
    )
    po = parse_po(text.encode("utf-8"))
    assert po.header == "Header comment"
    assert po.metadata_is_fuzzy
    assert po.metadata == {"Language": "ru", "Content-Type": "text/plain; charset=UTF-8"}
    first, plural, old = po
    assert (first.msgctxt, first.msgid, first.msgstr) == ("heading", 'neu "x"\n', "new")
    assert first.tcomment == "translator" and first.comment == "extracted"
    assert first.occurrences == [("docs/de/a.md", "1"), ("docs/de/b", ""), ("c.md", "")]
    assert first.flags == ["fuzzy", "md-text"] and first.fuzzy
    assert (first.previous_msgctxt, first.previous_msgid) == ("old", "alt")
    assert first.linenum == 14
    assert plural.msgstr_plural == {0: "яблоко", 1: "яблока", 2: "яблок"}
    assert old.obsolete and old.fuzzy and old.previous_msgid == "older"
    assert format_po(po) == text


# ------------------------------------------------------------------ malformed input
GOOD = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'

MALFORMED = {
    "truncated after msgid": (GOOD + '\nmsgid "c"\n', 7, "truncated"),
    "truncated inside a string": (GOOD + '\nmsgid "c"\nmsgstr "halb', 8, "unterminated"),
    "unknown charset": (GOOD.replace("UTF-8", "KOI8-Q"), 2, "unknown charset KOI8-Q"),
    "bytes not in the charset": (GOOD + '\nmsgid "gr\udcfc\udcdfe"\nmsgstr ""\n', 7, "UTF-8"),
    "duplicate entry": (GOOD + '\n#: x\nmsgid "a"\nmsgstr "c"\n', 8, "duplicate"),
    "duplicate with context": (
        GOOD + '\nmsgctxt "k"\nmsgid "a"\nmsgstr ""\n\nmsgctxt "k"\nmsgid "a"\nmsgstr ""\n',
        11,
        "first defined at line 7",
    ),
    "broken escape": (GOOD + '\nmsgid "c\\q"\nmsgstr ""\n', 7, "escape"),
    "octal escape": (GOOD + '\nmsgid "c\\007"\nmsgstr ""\n', 7, "escape"),
    "quote not escaped": (GOOD + '\nmsgid "c"d"\nmsgstr ""\n', 7, "unterminated"),
    "garbage line": (GOOD + "\nmsgid 'c'\nmsgstr ''\n", 7, "syntax error"),
    "msgstr without msgid": ('msgstr "x"\n\n' + GOOD, 1, "msgstr without msgid"),
    "two msgstr": (GOOD + '\nmsgid "c"\nmsgstr "x"\nmsgstr "y"\n', 9, "twice"),
    "continuation without keyword": ('"lost"\n' + GOOD, 1, "continuation"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_catalogues_are_refused_with_file_and_line(tmp_path: Path, case: str) -> None:
    text, line, words = MALFORMED[case]
    path = tmp_path / "bad.po"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(CatalogError) as caught:
        read_po(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line, str(caught.value)
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_undecodable_bytes_are_reported_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.po"
    path.write_bytes(GOOD.encode() + b'\nmsgid "gr\xfc\xdfe"\nmsgstr ""\n')
    with pytest.raises(CatalogError, match="not valid UTF-8") as caught:
        read_po(path)
    assert caught.value.line == 7


def test_a_catalogue_in_latin1_is_read_in_latin1(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    text = GOOD.replace("UTF-8", "ISO-8859-1") + '\nmsgid "Größe"\nmsgstr "Maß"\n'
    path.write_bytes(text.encode("iso-8859-1"))
    po = read_po(path)
    assert [(e.msgid, e.msgstr) for e in po] == [("a", "b"), ("Größe", "Maß")]
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"


def test_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read"):
        read_po(tmp_path / "nope.po")


@needs_gettext
def test_our_malformed_examples_are_malformed_for_gettext_too(tmp_path: Path) -> None:
    """Each refused case also fails msgfmt: no false alarms.  Two exceptions: the escapes
    gettext knows but polib garbles, and a charset nobody knows (msgfmt only warns)."""
    from gettext_tools import run_tool

    for case, (text, _, _) in MALFORMED.items():
        if case in ("octal escape", "unknown charset"):
            continue
        path = tmp_path / "bad.po"
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        result = run_tool("msgfmt", "--check", "-o", "/dev/null", path)
        assert result.returncode != 0, case


def test_write_po_writes_only_on_change(tmp_path: Path) -> None:
    po = parse_po(GOOD.encode())
    path = tmp_path / "x.po"
    assert write_po(po, path) is True
    mtime = path.stat().st_mtime_ns
    assert write_po(read_po(path), path) is False
    assert path.stat().st_mtime_ns == mtime
    assert path.read_text(encoding="utf-8") == GOOD


def test_control_characters_come_back_as_written() -> None:
    """format_po writes them as GNU gettext does (\\a \\b \\f \\v); read_po reads them back."""
    po = parse_po(GOOD.encode())
    po[0].msgstr = "bell\a back\b feed\f tab\v end"
    again = parse_po(format_po(po).encode())
    assert again[0].msgstr == po[0].msgstr


@pytest.mark.parametrize(
    ("entries", "line", "message"),
    [
        ('"Plural-Forms: nplurals=3000000; plural=0;\\n"\n', 4, "nplurals=3000000"),
        ('\nmsgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\nmsgstr[300000000] "y"\n', 8,
         "msgstr[300000000]"),
    ],
)  # fmt: skip
def test_more_plural_forms_than_any_language_has_are_refused(
    entries: str, line: int, message: str
) -> None:
    """Each form is a string in memory and on disk: millions of them are no catalogue."""
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    with pytest.raises(CatalogError) as raised:
        parse_po((header + entries).encode("utf-8"), path="x.po")
    assert raised.value.line == line and message in str(raised.value)


@pytest.mark.parametrize("charset", [b"hex", b"base64", b"undefined", b"UTF\x00-8"])
def test_a_charset_that_decodes_no_text_is_unknown(charset: bytes) -> None:
    """Codecs of bytes, the codec that decodes nothing and a NUL in the name ended every
    command in a traceback."""
    data = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=' + charset + b'\\n"\n'
    with pytest.raises(CatalogError) as raised:
        parse_po(data + b'\nmsgid "a"\nmsgstr "b"\n', path="x.po")
    assert raised.value.line == 3 and "unknown charset" in str(raised.value)

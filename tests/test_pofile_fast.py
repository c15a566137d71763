"""The fast reading of usual catalogues gives what the strict parser gives, or leaves it be.

:func:`babelpress.po.file.parse_po` reads a catalogue in gettext's usual layout in
one quick loop and hands anything else to the strict parser.  Over catalogues with
every feature gettext writes (obsolete entries, previous msgids, contexts, flags,
comments, escapes, wrapped strings) and over damaged copies of them, the quick
loop must either give up or build exactly the entries the strict parser builds --
and never accept what the strict parser refuses.
"""

from __future__ import annotations

import random
import re

import polib
import pytest

from babelpress.errors import CatalogError
from babelpress.po import file as pofile
from babelpress.po.file import format_po
from test_pofile import _catalogue

FIELDS = (
    "msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "obsolete", "tcomment",
    "comment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
    "previous_msgid_plural", "linenum",
)  # fmt: skip


def strict(text: str) -> polib.POFile | CatalogError:
    try:
        return pofile._Parser("<test>").parse(text)
    except CatalogError as exc:
        return exc


def assert_same(fast: polib.POFile, slow: polib.POFile) -> None:
    assert (fast.header, fast.metadata, fast.metadata_is_fuzzy) == (
        slow.header, slow.metadata, slow.metadata_is_fuzzy)
    assert len(fast) == len(slow)
    for a, b in zip(fast, slow, strict=True):
        assert {f: getattr(a, f) for f in FIELDS} == {f: getattr(b, f) for f in FIELDS}


def damaged(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    index = rng.randrange(len(lines))
    line = lines[index]
    lines[index : index + 1] = rng.choice([
        [],  # a line lost
        [line, line],  # a line pasted twice
        [line[: len(line) // 2]],  # cut short
        ["  " + line + " "],  # indented
        [line.replace('"', '"\\q', 1)],  # an escape gettext does not know
        [line.replace("msgstr", "msgstr[0]", 1)],  # a plural form
        [line.replace('"', "", 1)],  # a quote lost
        ['#~ "stray"', line],  # an obsolete string line out of place
        ["#| msgid \"old\"", line],  # a previous msgid where it may not be
        [line, ""],  # a blank line more
    ])
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(40))
def test_usual_catalogues_are_read_fast_and_alike(seed: int) -> None:
    text = format_po(_catalogue(seed))
    fast = pofile._fast_parse(text)
    assert fast is not None  # gettext's own layout: never left to the slow parser
    slow = strict(text)
    assert isinstance(slow, polib.POFile)
    assert_same(fast, slow)


@pytest.mark.parametrize("seed", range(60))
def test_damaged_catalogues_are_refused_or_read_alike(seed: int) -> None:
    rng = random.Random(seed)
    text = format_po(_catalogue(1000 + seed))
    for _ in range(20):
        text_damaged = damaged(text, rng)
        fast = pofile._fast_parse(text_damaged)
        if fast is None:
            continue
        slow = strict(text_damaged)
        assert isinstance(slow, polib.POFile), (slow, text_damaged)
        assert_same(fast, slow)


def test_errors_still_name_the_file_and_line() -> None:
    text = format_po(_catalogue(3)).replace("msgstr", "msgstr x", 1)
    with pytest.raises(CatalogError) as caught:
        pofile.parse_po(text, path="locale/ru/LC_MESSAGES/x.po")
    assert str(caught.value).startswith("locale/ru/LC_MESSAGES/x.po:")


# ---------------------------------------------------------------- the tokenizer
def tokenized(text: str) -> polib.POFile | None:
    """What the whole-file tokenizer makes of *text*: None where it leaves it to the loop."""
    try:
        return pofile._tokenized(text)
    except pofile._Unusual:
        return None


def assert_tokenized_alike(text: str) -> bool:
    """The tokenizer gives up on *text* or builds what the strict parser builds."""
    fast = tokenized(text)
    if fast is None:
        return False
    slow = strict(text)
    assert isinstance(slow, polib.POFile), (slow, text)
    assert_same(fast, slow)
    return True


@pytest.mark.parametrize("seed", range(40))
def test_usual_catalogues_are_tokenized_alike(seed: int) -> None:
    text = format_po(_catalogue(seed))
    assert assert_tokenized_alike(text)  # gettext's own layout: read by the tokenizer


def test_tokenized_entries_have_every_attribute_polib_gives() -> None:
    po = tokenized(format_po(_catalogue(7)))
    assert po is not None and len(po) > 10
    for entry in po:
        made = polib.POEntry(**{f: getattr(entry, f) for f in FIELDS})
        assert vars(entry) == vars(made)
        assert type(entry) is polib.POEntry


def shuffled_comments(text: str, rng: random.Random) -> str:
    """*text* with the comment lines of each entry in another order."""
    out, block = [], []
    for line in text.split("\n"):
        if line.startswith("#") and not line.startswith(("#~ msg", '#~ "')):
            block.append(line)
            continue
        rng.shuffle(block)
        out += [*block, line]
        block = []
    return "\n".join(out + block)


@pytest.mark.parametrize("seed", range(30))
def test_comments_in_any_order_are_tokenized_alike(seed: int) -> None:
    rng = random.Random(seed)
    text = shuffled_comments(format_po(_catalogue(2000 + seed)), rng)
    assert_tokenized_alike(text)
    if "#|" not in text:  # a previous string split by other comments: left to the loop
        assert tokenized(text) is not None


def damaged_layout(text: str, rng: random.Random) -> str:
    """*text* laid out in ways gettext does not write, or broken."""
    lines = text.split("\n")
    index = rng.randrange(len(lines))
    line = lines[index]
    lines[index : index + 1] = rng.choice([
        [line + " "],  # a blank after the line
        [line + "\t\x0c"],
        [" " + line],
        [line.replace('" ', '"" ', 1)],  # a quote inside a string
        [line.replace('"', '\\"', 1)],  # an escaped quote where a string starts
        [line.replace(" ", "  ", 1)],  # two blanks after a keyword
        [line.replace(" ", "\t", 1)],
        [line.replace('"', "\\", 1)],
        [line[:-1] if line.endswith('"') else line + '"'],
        [line + "\\"],
        [line.replace("#", "#~", 1)],  # a comment turned into an obsolete line
        [line.replace("#~ ", "#~", 1)],
        [line.replace("#~ ", "", 1)],  # one line of an obsolete entry made active
        [line.replace("msgid", "msgid_plural", 1)],
        ["#, fuzzy", line],  # a comment inside an entry
        ["#~", line],
        [line, "# trailing"],
        [line + "\r"],
        [line.replace("\\n", "\\x", 1)],  # an escape gettext does not write
        [line.replace("\\n", "\\\\n", 1)],
        [line, line],
    ])
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(80))
def test_odd_layouts_are_refused_or_tokenized_alike(seed: int) -> None:
    rng = random.Random(seed)
    text = format_po(_catalogue(3000 + seed))
    for _ in range(25):
        variant = damaged_layout(text, rng)
        if rng.random() < 0.3:
            variant = damaged_layout(variant, rng)
        assert_tokenized_alike(variant)
        assert_tokenized_alike(variant.rstrip("\n"))
        assert_tokenized_alike("\n\n" + variant)


#: (text, whether the tokenizer reads it); all of them are read alike or left alone
EDGE_CASES = [
    ('msgid "a"\nmsgstr "b"\n', True),
    ('msgid "a"\nmsgstr "b"', False),  # no newline at the end: the loop reads it
    ('\n\nmsgid "a"\nmsgstr "b"\n\n\n', True),
    ('msgid "a"\nmsgstr "b\\"c"\n', True),
    ('msgid "a"\nmsgstr "b"c"\n', False),  # refused by the strict parser
    ('msgid "a"\nmsgstr "b\\"\n', False),
    ('msgid "a"\nmsgstr "\\\\"\n"\\"x"\n', True),
    ('msgid "a"\nmsgstr "\\\\\\"\n', False),
    ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', False),  # a duplicate
    ('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', True),
    ('#~ msgid "a"\n#~ msgstr "c"\n#~ "d"\n', True),
    # an active line after an obsolete entry: the line loop's
    ('#~ msgid "a"\n#~ msgstr "c"\n"d"\n', False),
    ('#~| msgid "old"\n#~ msgid "a"\n#~ msgstr "c"\n', True),
    ('#| msgid "old"\n#| "er"\nmsgid "a"\nmsgstr "c"\n', True),
    # a previous string interrupted
    ('#| msgid "old"\n# note\n#| "er"\nmsgid "a"\nmsgstr "c"\n', False),
    ('#| msgid "old"\n#| msgid "older"\nmsgid "a"\nmsgstr "c"\n', False),  # a previous msgid twice
    ('#| "er"\nmsgid "a"\nmsgstr "c"\n', False),
    # blanks the loop strips, references and flags on several lines
    ('#  note  \n#.  x \n#: a.md:1  b.md\n#: c\n#,  fuzzy , x,,\n#, y\nmsgid "a"\nmsgstr ""\n',
     True),
    ('#\n# \n#\tx\nmsgctxt "c"\nmsgid ""\nmsgstr "h"\n', True),
    ('# a \n# b\u2003\n#. c \n#.\td \x0c\n#:  e:1 \n#: f\nmsgid "a"\nmsgstr ""\n', True),
    ('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid ""\nmsgstr "x"\n', False),
    ('#, fuzzy\nmsgid ""\nmsgstr "A: 1\\nB:2\\n"\n\n#~ msgid ""\n#~ msgstr "x"\n', True),
    ('msgctxt "c"\nmsgctxt "c"\nmsgid "a"\nmsgstr "b"\n', False),
    ('msgid "a"\nmsgstr "b"\n# trailing comment\n', False),  # comments without an entry
    ('msgid "a"\n"\u2028"\nmsgstr "b\x0c"\n', True),
]


@pytest.mark.parametrize(("text", "read"), EDGE_CASES)
def test_edge_cases_are_refused_or_tokenized_alike(text: str, read: bool) -> None:
    assert assert_tokenized_alike(text) is read
    fast = pofile._fast_parse(text)
    slow = strict(text)
    if fast is not None:
        assert isinstance(slow, polib.POFile)
        assert_same(fast, slow)


def test_usual_catalogues_are_read_without_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_loop(text: str) -> None:
        raise AssertionError("the line loop was used")

    monkeypatch.setattr(pofile, "_fast_entries", no_loop)
    po = pofile.parse_po(format_po(_catalogue(11)).encode("utf-8"), path="x.po")
    assert len(po) > 10


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"msgid": "Haus", "msgctxt": "title"},
        {"msgid": "Haus", "msgstr": "house", "flags": ["fuzzy"], "tcomment": "checked"},
        {"msgid": "ein Haus", "msgid_plural": "%d Häuser", "msgstr_plural": {0: "a", 1: "b"}},
        {"msgid": "alt", "obsolete": True, "previous_msgid": "older", "previous_msgctxt": "c"},
        {"msgid": "x", "occurrences": [("docs/de/a.md", "3")], "comment": "paragraph"},
    ],
)
def test_new_entry_is_what_polib_makes(fields: dict[str, object]) -> None:
    made = pofile.new_entry(**fields)  # type: ignore[arg-type]
    assert vars(made) == vars(polib.POEntry(**fields))
    assert type(made) is polib.POEntry


def test_new_entries_share_no_list() -> None:
    first, second = pofile.new_entry(), pofile.new_entry()
    first.flags.append("fuzzy")
    first.occurrences.append(("a.md", "1"))
    first.msgstr_plural[0] = "x"
    assert second.flags == [] and second.occurrences == [] and second.msgstr_plural == {}


def test_a_run_of_comments_no_keyword_follows_is_tried_once() -> None:
    """The tokenizer tries its pattern where the last match ended, and stops at the first
    place it fails: a run of 16,000 comment lines ending a file (gettext allows them) is
    tried once, not once per line (which took half a minute)."""
    tries: list[int] = []

    class Counted:
        def match(self, text: str, pos: int) -> re.Match[str] | None:
            tries.append(pos)
            return pofile._TOKEN.match(text, pos)

    text = 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\n' + "#\n" * 16000
    assert pofile._one_after_another(Counted(), text, 0) is None  # type: ignore[arg-type]
    assert len(tries) == 3
    po = pofile.parse_po(text.encode("utf-8"), path="x.po")
    assert [(e.msgid, e.msgstr) for e in po] == [("a", "b"), ("c", "d")]

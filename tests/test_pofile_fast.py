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

"""Properties of the checks on arbitrary text: they never crash, and a translation
identical to the German never has an error in the same language."""

from __future__ import annotations

import polib
from hypothesis import example, given, settings
from hypothesis import strategies as st

from babelpress.qa import check_entry, render_blockers

#: text with the characters the checks care about well represented
CHARACTERS = "aäbcßxyzАБВжя019 ,.;:!?…-–()[]{}<>/\\*_`~&#=\"'«»„“”‘’\n\u00a0\u202f"
TOKENS = ["[1]", "<2>", "**", "1.400", "2 500", "3,5", "<script>", "javascript:", "onclick="]
ALPHABET = st.sampled_from([*CHARACTERS, *TOKENS])
TEXT = st.lists(ALPHABET, max_size=40).map("".join) | st.text(max_size=60)


@settings(max_examples=300, deadline=None)
@given(msgid=TEXT, msgstr=TEXT, language=st.sampled_from(["en", "ru", "de", "xx"]))
def test_checks_never_crash(msgid: str, msgstr: str, language: str) -> None:
    entry = polib.POEntry(msgid=msgid, msgstr=msgstr)
    problems = check_entry(entry, language)
    assert all(p.level in ("error", "warning") and p.message for p in problems)
    errors = {(p.check, p.message) for p in problems if p.level == "error"}
    assert {(p.check, p.message) for p in render_blockers(entry, language)} == errors


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
@example(text=",{a}a")  # a list after a comma is text in both: it once counted as applied
def test_unchanged_text_has_no_error_in_its_own_language(text: str) -> None:
    entry = polib.POEntry(msgid=text, msgstr=text)
    assert [p for p in check_entry(entry, "de") if p.level == "error"] == []

"""The English headline-case check: title case on titles and headings, nothing else."""

from __future__ import annotations

import polib
import pytest

from babelpress.qa import check_entry
from babelpress.qa.headline_case import check_headline_case, headline_case_errors
from babelpress.qa.model import Context

HEADING = Context("en", kinds=("heading",))
CAP, LOW = "capitalise", "lower-case"


def entry(msgid: str, msgstr: str, comment: str, *flags: str) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, comment=comment, flags=list(flags))


def checks(msgid: str, msgstr: str, comment: str, language: str = "en", *flags: str) -> list[str]:
    return [p.check for p in check_entry(entry(msgid, msgstr, comment, *flags), language)]


@pytest.mark.parametrize(
    "headline",
    [
        "Kazakhstan Distances Itself from Russia",
        "Kazakhstan’s Balancing Act between Russia and the West",
        "Kazakhstan in Zugzwang: A Balancing Act between the Great Powers",
        "Is Kazakhstan Facing a Russian Invasion?",
        "The Kremlin Stays Lenient – Because It Must",
        "A “Rather Tough” Conversation with the Russian Ambassador",
        "Patriotic Russians Seethe over “Betrayal”",
        "How to Review a Translation",
        "Leaving the CSTO?",
        # a preposition used as an adverb or particle may be capitalised
        "Kazakhstan Steps Up Its Oil Exports",
        "What Happens After the Vote",
        # the last word is capitalised, whatever it is
        "What Is the Pipeline Made Of?",
        # names and brands keep their own form
        "Ursula von der Leyen Visits Astana",
        "A New iPhone for Kaspi.kz Customers",
        # only the first element of a compound is checked
        "Russian-led Troops Leave Almaty",
        "Self-Proclaimed Republics in the East",
        # Markdown: link text, emphasis and code spans
        "[Cautious Distancing from Russia][1]",
        "*Cautious* Distancing from [Russia](https://example.org)",
        "How to Run `babelpress check` on a Catalogue",
        "Why `fuzzy` Matters",
        "What to Do with `fuzzy`",
    ],
)
def test_title_case_headlines_pass(headline: str) -> None:
    assert headline_case_errors(headline) == []
    assert check_headline_case("Überschrift", headline, HEADING) == []


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # prepositions of any length are lower case inside a headline
        (
            "Kazakhstan’s Balancing Act Between Russia and the West",
            [("Between", LOW)],
        ),
        ("Cautious Distancing From Russia", [("From", LOW)]),
        ("A Conversation With The Ambassador", [("With", LOW), ("The", LOW)]),
        # sentence case is not title case
        (
            "Is Kazakhstan facing a Russian invasion?",
            [("facing", CAP), ("invasion", CAP)],
        ),
        ("Drafts and reviewed translations", [("reviewed", CAP), ("translations", CAP)]),
        # verbs, pronouns and subordinating conjunctions are major words, however short
        (
            "The Kremlin stays Lenient – because it Must",
            [("stays", CAP), ("because", CAP), ("it", CAP)],
        ),
        ("What is at Stake", [("is", CAP)]),
        # first and last words, also of a subtitle after a colon
        ("in Zugzwang: a Balancing Act", [("in", CAP), ("a", CAP)]),
        ("Who Is Kazakhstan Listening to?", [("to", CAP)]),
        # a name particle is lower case only before a name
        ("A de facto Alliance", [("de", CAP), ("facto", CAP)]),
        # link text is checked, its target is not
        (
            "[Kazakhstan’s gradual distancing from Russia][1]",
            [("gradual", CAP), ("distancing", CAP)],
        ),
    ],
)
def test_headlines_breaking_title_case_fail(headline: str, expected: list[tuple[str, str]]) -> None:
    assert headline_case_errors(headline) == expected
    (problem,) = check_headline_case("Überschrift", headline, HEADING)
    assert problem.level == "warning" and problem.check == "headline-case"
    for word, verdict in expected:
        assert f"“{word}”" in problem.message and verdict in problem.message


def test_only_titles_and_headings_are_checked() -> None:
    lower = "Kazakhstan’s balancing act between Russia and the West"
    german = "Kasachstans Balanceakt zwischen Russland und dem Westen"
    assert checks(german, lower, "title") == ["headline-case"]
    assert checks(german, lower, "heading\n[1] = (page.md)") == ["headline-case"]
    assert checks(german, lower, "title, heading") == ["headline-case"]
    for kind in ("sentence", "paragraph", "caption", "description", "list item", ""):
        assert "headline-case" not in checks(german, lower, kind)


def test_only_english_is_checked() -> None:
    russian = "Балансирование Казахстана между Россией и Западом"
    assert checks("Kasachstans Balanceakt", russian, "title", "ru") == []
    assert check_headline_case("x", "a lower case headline", Context("de", kinds=("title",))) == []


def test_the_flag_silences_the_check_on_one_entry() -> None:
    german, lower = "Vorsichtige Distanzierung", "Cautious distancing"
    assert checks(german, lower, "heading") == ["headline-case"]
    assert checks(german, lower, "heading", "en", "ignore-headline-case") == []


def test_long_words_are_shortened_in_the_message() -> None:
    word = "x" * 80
    (problem,) = check_headline_case("Titel", f"A {word} Headline", HEADING)
    assert word not in problem.message and "…" in problem.message

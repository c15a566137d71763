"""Each quality check with failing and passing cases, on real sentences of the seeds."""

from __future__ import annotations

import polib
import pytest

from babelpress.glossary import parse_glossary
from babelpress.qa import CHECKS, check_entry, render_blockers

GLOSSARY = parse_glossary(
    "de,en,ru,note\n"
    "Tokajew / Toqaev / Tokaev,Tokayev,Токаев,surname\n"
    "OVKS / CSTO,CSTO,ОДКБ,alliance\n"
    "Novastan,Novastan,Novastan,outlet\n"
)


def entry(msgid: str, msgstr: str, *flags: str, kind: str = "") -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags), comment=kind)


def found(msgid: str, msgstr: str, language: str, *flags: str, kind: str = "") -> dict[str, str]:
    """check name -> highest level reported."""
    result: dict[str, str] = {}
    for problem in check_entry(entry(msgid, msgstr, *flags, kind=kind), language, GLOSSARY):
        if result.get(problem.check) != "error":
            result[problem.check] = problem.level
    return result


# (check, German, translation, language, expected level or None)
CASES = [
    # numbers: locale formatting allowed
    ("numbers", "mehr als 140.000 Russen", "more than 140,000 Russians", "en", None),
    ("numbers", "mehr als 140.000 Russen", "более 140\u00a0000 россиян", "ru", None),
    ("numbers", "mehr als 140.000 Russen", "более 140\u202f000 россиян", "ru", None),
    ("numbers", "mehr als 140.000 Russen", "более 140 000 россиян", "ru", None),
    ("numbers", "Rund 2 500 Soldaten", "Around 2,500 soldiers", "en", None),
    ("numbers", "Rund 2 500 Soldaten", "Около 2 500 солдат", "ru", None),
    ("numbers", "3,5 Prozent", "3.5 per cent", "en", None),
    ("numbers", "3,5 Prozent", "3,5 процента", "ru", None),
    ("numbers", "zum 9. Mai", "on 9 May", "en", None),
    ("numbers", "zum 9. Mai", "on May 9th", "en", None),
    ("numbers", "zum 9. Mai", "к 9 мая", "ru", None),
    ("numbers", "am 24. Februar 2022", "on 24 February 2022", "en", None),
    ("numbers", "im Januar 2022", "в январе 2022 года", "ru", None),
    ("numbers", "um 10.30 Uhr", "at 10:30", "en", None),
    ("numbers", "CC-BY-4.0", "CC-BY-4.0", "en", None),
    ("numbers", "Lest [hier][1] und <2>.", "Read [here][1] and <2>.", "en", None),
    # numbers: wrong figures
    ("numbers", "mehr als 140.000 Russen", "more than 140.000 Russians", "en", "error"),
    ("numbers", "1.400 Menschen", "1,500 people", "en", "error"),
    ("numbers", "1.400 Menschen", "1 500 человек", "ru", "error"),
    ("numbers", "im Jahr 2022", "in 2023", "en", "error"),
    ("numbers", "80 Prozent seines Öls", "most of its oil", "en", "error"),
    ("numbers", "seines Öls", "80 per cent of its oil", "en", "error"),
    # numbers: words, counts and formatting are warnings
    ("numbers", "200 Menschen starben", "Two hundred people died", "en", "warning"),
    ("numbers", "200 Menschen starben", "Двести человек погибли", "ru", "warning"),
    ("numbers", "von sechs Staaten", "of 6 states", "en", "warning"),
    ("numbers", "am 9. Mai, dem 9. Mai", "on 9 May, Victory Day", "en", "warning"),
    ("numbers", "3,5 Prozent", "3,5 per cent", "en", "warning"),
    ("numbers", "1.400 Menschen", "1.400 человек", "ru", "warning"),
    # placeholders
    ("placeholders", "Lest [hier][1] mehr.", "Read more [here][1].", "en", None),
    ("placeholders", "Siehe <1> und [das][2].", "See [this][2] and <1>.", "en", None),
    ("placeholders", "Lest [hier][1] mehr.", "Read more here.", "en", "error"),
    ("placeholders", "Lest [hier][1] mehr.", "Read [more][1] [here][1].", "en", "error"),
    ("placeholders", "Lest [hier][1] mehr.", "Read more [here][2].", "en", "error"),
    # md-syntax
    ("md-syntax", "Ein **wichtiger** `Satz`.", "An **important** `Satz`.", "en", None),
    ("md-syntax", "Ein \\*Stern\\*.", "A \\*star\\*.", "en", None),
    ("md-syntax", "Ein **wichtiger** Satz.", "An **important sentence.", "en", "error"),
    ("md-syntax", "Ein `Satz`.", "A `sentence`.", "en", "error"),
    ("safe-html", "Ein Satz.", "A\n\nsentence.", "en", "error"),
    ("safe-html", "Im Jahr 2022 kam es.", "1. In 2022 it happened.", "en", "error"),
    ("safe-html", "Ein Satz.", "# A sentence.", "en", "error"),
    # invisible characters that act on the page or the terminal
    ("safe-html", "Ein Satz.", "A \u202esentence\u202c.", "en", "error"),
    ("safe-html", "Ein Satz.", "A \x1b]0;pwned\x07 sentence.", "en", "error"),
    ("safe-html", "Ein Satz.", "\ufeffA sentence.", "en", "error"),
    ("safe-html", "Ein Satz.", "A sentence.\ufffe", "en", "error"),
    ("safe-html", "Ein \u202eSatz\u202c.", "A \u202esentence\u202c.", "en", None),
    ("md-syntax", "Ein **wichtiger** Satz.", "An important sentence.", "en", "warning"),
    # safe-html: script injection in its variants
    ("safe-html", "Ein Satz.", "A sentence.", "en", None),
    ("safe-html", "Ein &lt;b&gt; Satz.", "A &lt;b&gt; sentence.", "en", None),
    ("safe-html", "Lest [hier][1] mehr.", "Read more [here][1].", "en", None),
    ("safe-html", "Ein Satz.", "A sentence.<script>alert(1)</script>", "en", "error"),
    ("safe-html", "Ein Satz.", "A <SCRIPT src=//x.example></SCRIPT>", "en", "error"),
    ("safe-html", "Ein Satz.", 'A <img src=x onerror="alert(1)">.', "en", "error"),
    ("safe-html", "Ein Satz.", "A <iframe src=//x.example></iframe>.", "en", "error"),
    ("safe-html", "Ein Satz.", "A <style>body{display:none}</style>.", "en", "error"),
    ("safe-html", "Ein Satz.", "A <b>sentence</b>.", "en", "error"),
    ("safe-html", "Ein Satz.", "A sentence<!-- hidden -->.", "en", "error"),
    ("safe-html", "Ein Satz.", "A \\<script>alert(1)</script>.", "en", "error"),
    ("safe-html", "Ein Satz.", "A [sentence](javascript:alert(1)).", "en", "error"),
    ("safe-html", "Ein Satz.", "A [sentence](jav&#x61;script:alert(1)).", "en", "error"),
    ("safe-html", "Ein Satz.", "A [sentence](java\tscript:alert(1)).", "en", "error"),
    ("safe-html", "Ein Satz.", "A [sentence](https://evil.example).", "en", "error"),
    ("safe-html", "Ein Satz.", "A ![](https://evil.example/pixel.gif) sentence.", "en", "error"),
    ("safe-html", "Ein Satz.", "A <https://evil.example> sentence.", "en", "error"),
    ("safe-html", "Ein Satz.", "A sentence{: onclick=alert(1) }.", "en", "error"),
    ("safe-html", "Ein Satz.", "A [b](data:text/html;base64,PHNjcmlwdD4=).", "en", "error"),
    # glossary
    ("glossary", "Präsident Tokajew sprach.", "President Tokayev spoke.", "en", None),
    ("glossary", "Präsident Tokajew sprach.", "Президент Токаев выступил.", "ru", None),
    ("glossary", "Präsident Tokajew sprach.", "President Tokaev spoke.", "en", "warning"),
    ("glossary", "Truppen der OVKS.", "Troops of the CSTO.", "en", None),
    ("glossary", "Truppen der OVKS.", "Войска ОДКБ.", "ru", None),
    ("glossary", "Truppen der OVKS.", "Войска ОВКС.", "ru", "warning"),
    # same
    ("same", "Die Regierung ist unter Zugzwang.", "The government is under pressure.", "en", None),
    ("same", "Emma Collet", "Emma Collet", "en", None),
    ("same", "Novastan", "Novastan", "ru", None),
    ("same", "2022", "2022", "en", None),
    ("same", "Die Regierung ist unter Zugzwang.", "Die Regierung ist unter Zugzwang.", "en",
     "warning"),
    ("same", "Kein Unterlaufen westlicher Sanktionen", "Kein Unterlaufen westlicher Sanktionen",
     "en", "warning"),
    # quotes
    ("quotes", "Die «Sieges-Parade» fiel aus.", "The “Victory Parade” was cancelled.", "en", None),
    ("quotes", "Die «Sieges-Parade» fiel aus.", "«Парад Победы» отменили.", "ru", None),
    ("quotes", "Er sagte: „Wir kommen.“", "He said: “We are coming.”", "en", None),
    ("quotes", "Er sagte: „Wir kommen.“", "Он сказал: «Мы придём».", "ru", None),
    ("quotes", "Er sagte: „Wir kommen „bald“.“", "Он сказал: «Мы придём „скоро“».", "ru", None),
    ("quotes", "„Wir erkennen Taiwan nicht an.", "“We do not recognise Taiwan.", "en", None),
    ("quotes", "Das war es.“Mit diesen Worten", "That was it.” With these words", "en", None),
    ("quotes", "die “Volksrepubliken“ Donbas", "the “people's republics” of Donbas", "en", None),
    ("quotes", "als \"völlig normal\".", "as “completely normal”.", "en", None),
    ("quotes", "It’s the states’ rights.", "It’s the states’ rights.", "en", None),
    ("quotes", "Er sagte: „Wir kommen.“", "He said: “We are coming.", "en", "warning"),
    ("quotes", "Er sagte: „Wir kommen.“", "He said: „We are coming.“", "en", "warning"),
    ("quotes", "Er sagte: „Wir kommen.“", "Он сказал: “Мы придём”.", "ru", "warning"),
    ("quotes", "Die Parade fiel aus.", "The ‘parade was cancelled.", "en", "warning"),
    # Russian style sheet (more cases in test_qa_russian_style.py)
    ("ru-omission", "(…) Man gewinnt.", "<…> Складывается.", "ru", None),
    ("ru-omission", "(…) Man gewinnt.", "(…) One gains.", "en", None),
    ("ru-omission", "(…) Man gewinnt.", "(…) Складывается.", "ru", "warning"),
    ("ru-title-case", "Ein gefährliches Spiel?", "Опасная игра?", "ru", None),
    ("ru-title-case", "Ein Austritt aus der OVKS?", "Выход Из ОДКБ?", "ru", "warning"),
    ("ru-quotes", "Er sagte: „Wir kommen „bald“.“", "Он сказал: «Мы придём „скоро“».", "ru", None),
    ("ru-quotes", "Er sagte: „Wir kommen „bald“.“", "Он сказал: «Мы придём «скоро»».", "ru",
     "warning"),
    # brackets
    ("brackets", "der Vertrag (OVKS) gilt", "the treaty (CSTO) applies", "en", None),
    ("brackets", "so viele \\[Russen\\] wie", "as many \\[Russians\\] as", "en", None),
    ("brackets", "der Vertrag (OVKS) gilt", "the treaty (CSTO applies", "en", "warning"),
    ("brackets", "so viele \\[Russen\\] wie", "as many \\[Russians as", "en", "warning"),
    # double-space
    ("double-space", "Ein Satz.", "A sentence.", "en", None),
    ("double-space", "Ein Satz.", "A  sentence.", "en", "warning"),
    ("double-space", "Ein Satz.", "Одно\u00a0 предложение.", "ru", "warning"),
    # end punctuation
    ("end-stop", "Er kam.", "He came.", "en", None),
    ("end-stop", "Er sagte: „Wir kommen.“", "Он сказал: «Мы придём».", "ru", None),
    ("end-stop", "Er dachte …", "He thought...", "en", None),
    ("end-stop", "Er kam.", "He came", "en", "warning"),
    ("end-stop", "Vorsichtige Diplomatie", "Cautious diplomacy.", "en", "warning"),
    ("end-question", "Droht ein Einmarsch?", "Is an invasion looming?", "en", None),
    ("end-question", "Sie fragte: „Kommst du?“", "Она спросила: «Ты придёшь?»", "ru", None),
    ("end-question", "Droht ein Einmarsch?", "An invasion is looming.", "en", "warning"),
    ("end-exclamation", "Wir bleiben!", "We stay!", "en", None),
    ("end-exclamation", "Wir bleiben!", "We stay.", "en", "warning"),
    ("end-colon", "Er sagte:", "He said:", "en", None),
    ("end-colon", "Er sagte:", "He said", "en", "warning"),
    # headline case (titles and headings only, see CASE_KINDS)
    ("headline-case", "Vorsichtige Distanzierung von Russland", "Cautious Distancing from Russia",
     "en", None),
    ("headline-case", "Vorsichtige Distanzierung von Russland", "Cautious distancing from Russia",
     "en", "warning"),
    # length ratio
    ("length-ratio", "Ein Satz, der etwas länger ist als die anderen.",
     "A sentence that is somewhat longer than the others.", "en", None),
    # format: the {fields} of the site's own words (entries flagged python-brace-format)
    ("format", "{count} Textstellen erscheinen im Original.",
     "{count} passages appear in the original.", "en", None),
    ("format", "{count} Textstellen erscheinen im Original.",
     "{anzahl} passages appear in the original.", "en", "error"),
    ("format", "{count} Textstellen erscheinen im Original.",
     "{count.__class__} passages appear in the original.", "en", "error"),
    ("format", "{count} Textstellen erscheinen im Original.",
     "{count!r} passages appear in the original.", "en", "error"),
    ("format", "{count} Textstellen erscheinen im Original.",
     "{count passages appear in the original.", "en", "error"),
    ("format", "{count} Textstellen erscheinen im Original.",
     "Some passages appear in the original.", "en", "warning"),
    ("length-ratio", "Ok.", "All right then, let us go.", "en", None),
    ("length-ratio", "Ein Satz, der etwas länger ist als die anderen.", "Long.", "en", "warning"),
    ("length-ratio", "Ein kurzer Satz.",
     "A short sentence that goes on and on and on and on and on and on and on.", "en",
     "warning"),
]  # fmt: skip


#: the kind of unit a check's cases stand for, where the check looks at it
CASE_KINDS = {"headline-case": "heading"}
#: the flags of the entries a check's cases stand for
CASE_FLAGS = {"format": ("python-brace-format",)}


@pytest.mark.parametrize(("check", "msgid", "msgstr", "language", "expected"), CASES)
def test_check(check: str, msgid: str, msgstr: str, language: str, expected: str | None) -> None:
    kind = CASE_KINDS.get(check, "")
    flags = CASE_FLAGS.get(check, ())
    assert found(msgid, msgstr, language, *flags, kind=kind).get(check) == expected


def test_braces_are_text_in_entries_without_the_format_flag() -> None:
    german = "{count} Textstellen erscheinen im Original."
    assert "format" not in found(german, "{anzahl} passages appear in the original.", "en")


def test_a_field_the_code_does_not_fill_blocks_the_translation() -> None:
    german = "{count} Textstellen erscheinen im Original."
    bad = polib.POEntry(
        msgid=german, msgid_plural=german, msgstr_plural={0: "{count} passage", 1: "{n} passages"},
        flags=["python-brace-format"],
    )  # fmt: skip
    assert [p.check for p in render_blockers(bad, "en")] == ["format"]


def test_every_check_has_a_failing_and_a_passing_case() -> None:
    names = {p for check in CHECKS for p in (check.names or (check.name,))}
    failing = {case[0] for case in CASES if case[4]}
    passing = {case[0] for case in CASES if not case[4]}
    assert names <= failing and names <= passing


def test_ignore_flag_silences_one_check_on_one_entry() -> None:
    german, english = "mehr als 140.000 Russen.", "more than 140.000 Russians"
    assert set(found(german, english, "en")) == {"numbers", "end-stop"}
    assert set(found(german, english, "en", "ignore-numbers")) == {"end-stop"}
    assert set(found(german, english, "en", "ignore-end-stop")) == {"numbers"}
    assert found(german, english, "en", "ignore-end-punctuation", "ignore-numbers") == {}


def test_weblate_glossary_flag_is_accepted() -> None:
    assert found("Tokajew sprach.", "Tokaev spoke.", "en", "ignore-check-glossary") == {}
    assert found("Tokajew sprach.", "Tokaev spoke.", "en", "ignore-glossary") == {}


def test_safe_html_cannot_be_silenced() -> None:
    bad = entry("Ein Satz.", "A <script>alert(document.cookie)</script>.", "ignore-safe-html")
    assert [p.check for p in check_entry(bad, "en")] == ["safe-html"]
    assert [p.check for p in render_blockers(bad, "en")] == ["safe-html"]


def test_render_blockers_are_errors_only_and_honour_flags() -> None:
    assert render_blockers(entry("Ein Satz.", "A  sentence"), "en") == []
    wrong = entry("1.400 Menschen.", "1,500 people.")
    assert [(p.level, p.check) for p in render_blockers(wrong, "ru")] == [("error", "numbers")]
    wrong.flags.append("ignore-numbers")
    assert render_blockers(wrong, "ru") == []
    assert str(render_blockers(entry("Lest [hier][1].", "Read."), "en")[0]).startswith(
        "placeholders: "
    )


def test_empty_obsolete_and_plural_entries() -> None:
    assert check_entry(entry("Ein Satz.", ""), "en") == []
    obsolete = entry("Ein Satz.", "<script>")
    obsolete.obsolete = True
    assert check_entry(obsolete, "en") == []
    plural = polib.POEntry(
        msgid="ein Tag", msgid_plural="%d Tage", msgstr_plural={0: "one day", 1: "%d dayz <b>"}
    )
    assert [p.check for p in check_entry(plural, "en")] == ["safe-html"]


def test_fuzzy_drafts_are_checked_too() -> None:
    draft = entry("Im Jahr 2022.", "In 2021.", "fuzzy")
    assert [p.check for p in render_blockers(draft, "en")] == ["numbers"]

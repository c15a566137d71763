"""The glossary: the project's file, post-editing drafts, and the QA violations check."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from babelpress.errors import InputError
from babelpress.glossary import (
    glossary_violations,
    load_glossary,
    parse_glossary,
    post_edit,
)


@pytest.fixture(scope="module")
def glossary(request):
    return load_glossary(Path(request.config.rootpath) / "locale" / "glossary.csv")


def test_project_glossary_is_well_formed(repo_root: Path) -> None:
    path = repo_root / "locale" / "glossary.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["de", "en", "ru", "note"]
    terms = [row for row in rows[1:] if not row[0].startswith("#")]
    assert all(len(row) == 4 for row in rows[1:])
    assert all(row[1].strip() and row[2].strip() for row in terms), "en and ru filled in"
    variants = [v for t in load_glossary(path).terms for v in t.variants]
    assert len(variants) == len(set(variants)), "a variant belongs to one term only"


def test_every_name_of_the_brief_is_covered(glossary) -> None:
    expected = {
        "Tokajew": ("Tokayev", "Токаев"),
        "Toqaev": ("Tokayev", "Токаев"),
        "Qassym-Schomart Tokajew": ("Kassym-Jomart Tokayev", "Касым-Жомарт Токаев"),
        "Qasym-Jomart Toqaev": ("Kassym-Jomart Tokayev", "Касым-Жомарт Токаев"),
        "OVKS": ("CSTO", "ОДКБ"),
        "EAWU": ("EAEU", "ЕАЭС"),
        "Eurasische Wirtschaftsunion": ("EAEU", "ЕАЭС"),
        "Sacharowa": ("Zakharova", "Захарова"),
        "Medwedew": ("Medvedev", "Медведев"),
        "Peskow": ("Peskov", "Песков"),
        "Lukjanow": ("Lukyanov", "Лукьянов"),
        "Umarow": ("Umarov", "Умаров"),
        "Nur-Sultan": ("Nur-Sultan", "Нур-Султан"),
        "Almaty": ("Almaty", "Алматы"),
        "GUS": ("CIS", "СНГ"),
    }
    for german, (english, russian) in expected.items():
        [(term, _)] = list(glossary.find(german))
        assert term.rendering("en") == english, german
        assert term.rendering("ru") == russian, german


def test_longest_variant_wins_and_german_endings_match(glossary) -> None:
    text = "Qassym-Schomart Tokajew traf Putin-Sprecher Peskow; Tokajews Kurs, OVKS-Truppen."
    found = [variant for _, variant in glossary.find(text)]
    assert found == ["Qassym-Schomart Tokajew", "Putin-Sprecher", "Peskow", "Tokajew", "OVKS"]


def test_post_edit_replaces_variants_the_engine_kept(glossary) -> None:
    msgid = "Toqaev und Putin-Sprecher Peskow sprachen über die OVKS und die Halyk Bank."
    draft = "Toqaev and Putin spokesman Peskow discussed the OVKS and Bank Halyk."
    assert post_edit(draft, msgid, "en", glossary) == (
        "Tokayev and Putin spokesman Peskov discussed the CSTO and Halyk Bank."
    )
    russian = "Toqaev и пресс-секретарь Путина Песков обсудили OVKS."
    assert post_edit(russian, msgid, "ru", glossary) == (
        "Токаев и пресс-секретарь Путина Песков обсудили ОДКБ."
    )


def test_post_edit_replaces_a_full_name_with_a_full_name(glossary) -> None:
    msgid = "Gipfel der Shanghaier Organisation für Zusammenarbeit (SCO) und der OVKS"
    draft = "summit of the Shanghaier Organisation für Zusammenarbeit (SCO) and the OVKS"
    assert post_edit(draft, msgid, "en", glossary) == (
        "summit of the Shanghai Cooperation Organisation (SCO) and the CSTO"
    )


def test_post_edit_leaves_good_drafts_and_unrelated_words(glossary) -> None:
    msgid = "Tokajew besuchte die Kaspi-Bank."
    draft = "Tokayev visited Kaspi Bank; the Gusto café and OVKSX stayed."
    assert post_edit(draft, msgid, "en", glossary) == draft


def test_violations_accept_russian_case_endings(glossary) -> None:
    msgid = "Sacharowas Erklärung über Tokajew und die Eurasische Wirtschaftsunion"
    good = "Заявление Захаровой о Токаеве и Евразийском экономическом союзе"
    assert glossary_violations(msgid, good, "ru", glossary) == []
    bad = "Заявление Сахаровой о Токаеве и ЕАЭС"
    assert glossary_violations(msgid, bad, "ru", glossary) == [
        "glossary: 'Sacharowa' should be rendered 'Захарова'"
    ]


def test_violations_in_english(glossary) -> None:
    msgid = "Die OVKS und Tokajew"
    assert glossary_violations(msgid, "The CSTO and Tokayev's plan", "en", glossary) == []
    assert glossary_violations(msgid, "The OVKS and Tokaev", "en", glossary) == [
        "glossary: 'OVKS' should be rendered 'CSTO'",
        "glossary: 'Tokajew' should be rendered 'Tokayev'",
    ]
    assert glossary_violations(msgid, "", "fr", glossary) == []  # no rule for French


def test_format_variants_comments_and_alternatives() -> None:
    text = "de,en,ru,note\n# a comment row,,,\nFoo / Fuh;Phoo,Foo / Fooh,Фу,a note\n"
    [term] = parse_glossary(text).terms
    assert term.variants == ("Foo", "Fuh", "Phoo")
    assert term.accepted("en") == ("Foo", "Fooh") and term.rendering("ru") == "Фу"
    assert term.note == "a note" and term.line == 3


def test_missing_file_is_empty_and_bad_header_is_an_error(tmp_path: Path) -> None:
    assert load_glossary(tmp_path / "none.csv").terms == ()
    bad = tmp_path / "glossary.csv"
    bad.write_text("german,english\nA,B\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"glossary.csv:1: the glossary needs a header row"):
        load_glossary(bad)


def test_violations_accept_inflected_phrases_yo_and_sentence_start() -> None:
    glossary = parse_glossary(
        "de,en,ru,note\n"
        "Zentralasien,Central Asia,Центральная Азия,\n"
        "Petr Wrublewskij,Petro Vrublevskyi,Пётр Врублевский,\n"
        "Putin-Sprecher,Putin's spokesman,пресс-секретарь Путина,\n"
    )
    ok = [
        ("Die Staaten Zentralasiens.", "Государства Центральной Азии."),
        ("Der Botschafter Petr Wrublewskij.", "Интервью Петра Врублевского."),
        ("Putin-Sprecher Peskow sagte.", "Пресс-секретарь Путина Песков сказал."),
    ]
    for msgid, msgstr in ok:
        assert glossary_violations(msgid, msgstr, "ru", glossary) == [], msgstr
    assert glossary_violations("Zentralasien.", "Средняя Азия.", "ru", glossary)
    assert glossary_violations("Petr Wrublewskij.", "Пётр Врубелевский.", "ru", glossary)


def test_typographic_and_typewriter_apostrophes_are_the_same() -> None:
    glossary = parse_glossary(
        "de,en,ru,note\nPutin-Sprecher,Putin's spokesman,пресс-секретарь Путина,\n"
    )
    assert (
        glossary_violations("Putin-Sprecher Peskow.", "Putin’s spokesman Peskov.", "en", glossary)
        == []
    )
    assert (
        glossary_violations("Putin-Sprecher Peskow.", "Putin's spokesman Peskov.", "en", glossary)
        == []
    )
    assert glossary_violations("Putin-Sprecher Peskow.", "The Kremlin’s Peskov.", "en", glossary)


@pytest.mark.parametrize("rendering", ["\\1 Tokayev", "\\g<0>", "C:\\new\\table", "a\\", "\\u0041"])
def test_a_backslash_in_the_glossary_is_text(rendering: str) -> None:
    """Renderings go into drafts as they are, never as a regular-expression template."""
    glossary = parse_glossary(f'de,en,ru,note\nTokajew,"{rendering}",Токаев,\n')
    assert post_edit("President Tokajew spoke.", "Präsident Tokajew sprach.", "en", glossary) == (
        f"President {rendering} spoke."
    )


@pytest.mark.parametrize(
    "text",
    ['de,en,ru,note\n"Toka\njew",x,y,z\n"unclosed,x\n', "de,en,ru,note\nTokajew,a\rb,c,d\n"],
)
def test_a_broken_csv_is_read_or_refused_with_file_and_line(text: str) -> None:
    try:
        parse_glossary(text, path="locale/glossary.csv")
    except InputError as exc:
        assert str(exc).startswith("locale/glossary.csv:")

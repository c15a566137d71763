"""The mechanical rules of the Russian style sheet: cases that break them and cases that don't."""

from __future__ import annotations

import polib
import pytest

from babelpress.qa import CHECKS, check_entry
from babelpress.qa.model import Context
from babelpress.qa.russian_style import check_russian_style

RU = Context("ru")


def names(source: str, target: str, language: str = "ru") -> list[str]:
    return [p.check for p in check_russian_style(source, target, Context(language))]


# (rule, German, Russian, reported?)
CASES = [
    # ru-omission: <…> is the Russian mark; bracketed and free-standing ones are not
    ("ru-omission", "(…) Man gewinnt den Eindruck.", "<…> Складывается впечатление.", False),
    ("ru-omission", "(…) Man gewinnt den Eindruck.", "(…) Складывается впечатление.", True),
    ("ru-omission", "sagte er […] weiter.", "сказал он […] далее.", True),
    ("ru-omission", "sagte er […] weiter.", "сказал он \\[...\\] далее.", True),
    ("ru-omission", "sagte er (...) weiter.", "сказал он (...) далее.", True),
    ("ru-omission", "sagte er […] weiter.", "сказал он <...> далее.", True),
    ("ru-omission", "„denken … Für uns“", "«думать … Для нас»", True),
    ("ru-omission", "„denken. … Für uns“", "«думать. … Для нас»", True),
    ("ru-omission", "„denken … Für uns“", "«думать. <…> Для нас»", False),
    # the speaker's own pause leans on the word before it, and may open a quotation
    ("ru-omission", "„Nun ja… wir sehen“", "«Ну что ж… посмотрим»", False),
    ("ru-omission", "„… und dann“", "«…и тогда»", False),
    ("ru-omission", "Er schwieg …", "Он промолчал…", False),
    # ru-title-case: sentence case
    ("ru-title-case", "Ein Austritt aus der OVKS?", "Выход из ОДКБ?", False),
    ("ru-title-case", "Ein Austritt aus der OVKS?", "Выход Из ОДКБ?", True),
    (
        "ru-title-case",
        "Vorsichtige Distanzierung von Russland",
        "Осторожное Дистанцирование От России",
        True,
    ),
    ("ru-title-case", "Ein gefährliches Spiel?", "Опасная игра?", False),
    ("ru-title-case", "Ein gefährliches Spiel?", "Опасная Игра?", True),
    ("ru-title-case", "Der Kreml bleibt milde", "Кремль Остаётся Мягким", True),
    # names are capitalised in both languages; acronyms and Latin brands don't count
    ("ru-title-case", "Emma Collet", "Эмма Колле", False),
    ("ru-title-case", "Professor Alexander Kobrinsky", "Профессор Александр Кобринский", False),
    ("ru-title-case", "Quelle: Novastan", "Источник: Novastan", False),
    (
        "ru-title-case",
        "Foto: Пресс-служба Президента РФ",
        "Фото: Пресс-служба Президента РФ",
        False,
    ),
    # a capital after the end of a sentence, a colon or an opening mark is a sentence's start
    ("ru-title-case", "„Wohin?“ Darauf sagte er", "«Куда?» В ответ он сказал", False),
    ("ru-title-case", "Er sagte: „Mit Verständnis“", "Он сказал: «С пониманием»", False),
    ("ru-title-case", "Tokajew und Putin", "Токаев и Путин", False),
    ("ru-title-case", "Tokajew und Putin", "Токаев И Путин", True),
    ("ru-title-case", "in Moskau, aber nicht hier", "в Москве, Но не здесь", True),
    ("ru-title-case", "„Das Gespräch“ in Astana", "«Разговор» В Астане", True),
    # ru-quotes: «ёлочки» outside, „лапки“ inside
    ("ru-quotes", "„Er sagte ‚nein‘.“", "«Он сказал „нет“».", False),
    ("ru-quotes", "„Er sagte ‚nein‘.“", "«Он сказал «нет»».", True),
    ("ru-quotes", "Er nannte ihn „Russophoben“.", "Он назвал его „русофобом“.", True),
    ("ru-quotes", "Er nannte ihn „Russophoben“.", "Он назвал его «русофобом».", False),
    # a sentence inside a longer quotation may close one and open another
    ("ru-quotes", "Ende.“ Dann „neu", "конец». Затем «новое", False),
]


@pytest.mark.parametrize(("rule", "source", "target", "reported"), CASES)
def test_rule(rule: str, source: str, target: str, reported: bool) -> None:
    assert (rule in names(source, target)) is reported


def test_only_russian_is_checked() -> None:
    assert names("(…) Man gewinnt den Eindruck.", "(…) One gains the impression.", "en") == []


def test_every_problem_names_its_rule_and_is_a_warning() -> None:
    problems = check_russian_style("Ein Austritt aus der OVKS?", "Выход Из (…) ОДКБ?", RU)
    assert {p.check for p in problems} == {"ru-title-case", "ru-omission"}
    assert all(p.level == "warning" for p in problems)
    assert any("Из" in p.message for p in problems)


def test_registered_with_the_other_checks() -> None:
    entry = polib.POEntry(
        msgid="(…) Man gewinnt den Eindruck.", msgstr="(…) Складывается впечатление."
    )
    assert [p.check for p in check_entry(entry, "ru")] == ["ru-omission"]
    assert "ru-style" in [check.name for check in CHECKS]


@pytest.mark.parametrize("flag", ["ignore-ru-omission", "ignore-ru-style"])
def test_silenced_by_its_flag(flag: str) -> None:
    entry = polib.POEntry(
        msgid="(…) Man gewinnt den Eindruck.", msgstr="(…) Складывается впечатление.", flags=[flag]
    )
    assert check_entry(entry, "ru") == []


def test_one_rule_silenced_leaves_the_others() -> None:
    entry = polib.POEntry(
        msgid="Ein Austritt aus der OVKS?",
        msgstr="Выход Из (…) ОДКБ?",
        flags=["ignore-ru-omission"],
    )
    assert [p.check for p in check_entry(entry, "ru")] == ["ru-title-case"]

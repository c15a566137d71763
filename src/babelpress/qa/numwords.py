"""Numbers written as words, in German, English and Russian.

:func:`word_values` finds the values a text spells out ("two hundred", "zweihundert",
"двести", "ninth", "девятого"), so the numbers check can tell a figure that was written
as a word (a warning) from a figure that went missing (an error).  Coverage is
deliberately modest: cardinals, the usual ordinals and Russian case forms.  A number
this module does not know stays an error, which an editor can silence on the entry.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

_TOKEN = re.compile(r"[^\W\d_]+|[^\w\s]")

_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "twentieth": 20, "thirtieth": 30, "hundredth": 100, "dozen": 12,
    "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9,
}  # fmt: skip

_DE_MORPHEMES = {
    "null": 0, "eins": 1, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1,
    "eines": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "sech": 6, "sieb": 7,
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100,
    "tausend": 1000, "million": 10**6, "millionen": 10**6, "milliarde": 10**9,
    "milliarden": 10**9, "und": 0,
}  # fmt: skip
_DE_ORDINAL_BASES = {"er": 1, "drit": 3, "sieb": 7, "ach": 8}
_DE_ORDINAL_SUFFIXES = ("sten", "ster", "stes", "stem", "ste", "ten", "ter", "tes", "tem", "te")

_RU_FORMS = {
    0: "ноль нуля нулю нулём нулем",
    1: "один одна одно одного одной одному одним одном одну",
    2: "два две двух двум двумя",
    3: "три трёх трех трём трем тремя",
    4: "четыре четырёх четырех четырём четырем четырьмя",
    5: "пять пяти пятью", 6: "шесть шести шестью", 7: "семь семи семью",
    8: "восемь восьми восемью восьмью", 9: "девять девяти девятью",
    10: "десять десяти десятью", 40: "сорок сорока", 90: "девяносто девяноста",
    100: "сто ста сотни сотен", 200: "двести двухсот", 300: "триста трёхсот трехсот",
    400: "четыреста четырёхсот четырехсот", 500: "пятьсот пятисот",
    600: "шестьсот шестисот", 700: "семьсот семисот", 800: "восемьсот восьмисот",
    900: "девятьсот девятисот",
}  # fmt: skip
_RU_SOFT = {
    11: "одиннадцать", 12: "двенадцать", 13: "тринадцать", 14: "четырнадцать",
    15: "пятнадцать", 16: "шестнадцать", 17: "семнадцать", 18: "восемнадцать",
    19: "девятнадцать", 20: "двадцать", 30: "тридцать",
}  # fmt: skip
_RU_TENS = {50: "пят", 60: "шест", 70: "сем", 80: "восем"}
_RU_BIG = {1000: "тысяч", 10**6: "миллион", 10**9: "миллиард"}
_RU_BIG_ENDINGS = {
    1000: ("а", "и", "", "у", "ей", "ам", "ами", "ах"),
    10**6: ("", "а", "ов", "ом", "е", "ы", "ам", "ами", "ах"),
    10**9: ("", "а", "ов", "ом", "е", "ы", "ам", "ами", "ах"),
}
_RU_ORDINAL_STEMS = {
    "перв": 1, "втор": 2, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10, "двадцат": 20, "тридцат": 30,
}  # fmt: skip
_RU_ADJ_ENDINGS = "ый ой ий ая яя ое ее ые ие ого его ому ему ым им ом ем ую юю ых их ыми ими ей"
_RU_THIRD = (
    "третий третья третье третьего третьему третьим третьем третью третьи третьих третьими третьей"
)


@cache
def _russian() -> dict[str, int]:
    words: dict[str, int] = {}
    for value, forms in _RU_FORMS.items():
        words.update(dict.fromkeys(forms.split(), value))
    for value, word in _RU_SOFT.items():
        stem = word[:-1]
        words.update({word: value, stem + "и": value, stem + "ью": value})
    for value, stem in _RU_TENS.items():
        words.update({stem + "ьдесят": value, stem + "идесяти": value, stem + "ьюдесятью": value})
    for value, stem in _RU_BIG.items():
        words.update({stem + ending: value for ending in _RU_BIG_ENDINGS[value]})
    for stem, value in _RU_ORDINAL_STEMS.items():
        words.update({stem + ending: value for ending in _RU_ADJ_ENDINGS.split()})
    words.update(dict.fromkeys(_RU_THIRD.split(), 3))
    return words


def _german_compound(word: str) -> int | None:
    """Value of a German number word such as ``zweihundertfünfzig``; None if it is not one."""
    parts: list[int] = []
    rest = word
    while rest:
        for size in range(min(len(rest), 10), 1, -1):
            if rest[:size] in _DE_MORPHEMES:
                parts.append(_DE_MORPHEMES[rest[:size]])
                rest = rest[size:]
                break
        else:
            return None
    if word in ("und", "sech", "sieb"):
        return None
    return _combine(parts)


_DE_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})


def _german(word: str) -> int | None:
    if word in _DE_ARTICLES:  # "ein Land" is an article far more often than a figure
        return None
    value = _german_compound(word)
    if value is not None:
        return value
    for suffix in _DE_ORDINAL_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            base = word[: -len(suffix)]
            if base in _DE_ORDINAL_BASES:
                return _DE_ORDINAL_BASES[base]
            value = _german_compound(base)
            if value is not None:
                return value
    return None


def _combine(values: list[int]) -> int:
    """``[2, 100, 50]`` -> 250; ``[3, 1000]`` -> 3000 (the usual spoken-number rule)."""
    total = current = 0
    for value in values:
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current


def _lookup(language: str, word: str) -> int | None:
    word = word.lower()
    if language == "en":
        return _EN.get(word)
    if language == "de":
        return _german(word)
    if language == "ru":
        return _russian().get(word)
    return None


def word_values(text: str, language: str) -> set[Decimal]:
    """Every value *text* spells out in words: each word alone and each run of number words."""
    values: set[Decimal] = set()
    run: list[int] = []
    for match in _TOKEN.finditer(text.replace("-", " ")):
        value = _lookup(language, match.group()) if match.group().isalpha() else None
        if value is None:
            if run and match.group().lower() == "and" and language == "en":
                continue
            if len(run) > 1:
                values.add(Decimal(_combine(run)))
            run = []
            continue
        values.add(Decimal(value))
        run.append(value)
    if len(run) > 1:
        values.add(Decimal(_combine(run)))
    return values

"""The ``numbers`` check: the translation carries the same figures as the German.

Figures are compared by value, so locale formatting is allowed: German ``1.400``,
English ``1,400``, Russian ``1 400`` (space, no-break space or narrow no-break space)
are one number; ``3,5`` equals ``3.5``; the German ordinal ``9.`` equals ``9th`` and
``9 мая``.  How a figure is read:

1. Digits grouped by spaces in threes (``2 500``) are one number in every language.
2. Otherwise the language's own decimal and group symbols decide (babel's locale data):
   ``1.400`` is 1400 in German and 1.4 in English, so an English ``1.400`` for a German
   ``1.400`` is a wrong figure.
3. A figure that does not fit its language's convention (``4.0`` in German, a time such
   as ``10.30``, a date ``10.07.2022``) may be read several ways; the reading that best
   matches the other text wins, so unusual formatting never causes a false alarm.

Levels: a German figure absent from the translation, or a figure the German does not
have, is an **error** (a wrong figure must not reach readers).  It is a **warning**
when the figure is written as a word on the other side ("200" -> "Two hundred") or
only the number of occurrences differs.  Link placeholders and code spans are not
figures (callers strip them).
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from babelpress.qa.model import ERROR, WARNING, Context, Problem
from babelpress.qa.numwords import word_values

NAME = "numbers"

_SPACES = " \u00a0\u202f\u2009"
_NUMBER = re.compile(  # the lookahead only makes the scan faster
    rf"(?=\d)(?:\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?(?!\d)"
    r"|\d+(?:[.,'’:]\d+)*)"
)
_SEPARATOR = re.compile(r"[.,'’:]")
_TIME = re.compile(r"^([01]?\d|2[0-4])[.:]([0-5]\d)$")
_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")
#: most readings tried per text before falling back to the first reading of each figure
_MAX_AMBIGUOUS = 8

Reading = tuple[Decimal, ...]


@dataclass(frozen=True)
class Figure:
    """A figure as written, and the values it can stand for (first = most likely)."""

    text: str
    readings: tuple[Reading, ...]
    #: written the way the language writes numbers (or a date or time)
    conventional: bool = True


@cache
def _symbols(language: str) -> tuple[str, frozenset[str]]:
    """(decimal symbol, group symbols) of *language*; spaces always group."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        decimal, group = get_decimal_symbol(language), get_group_symbol(language)
    except Exception:  # unknown locale: English conventions
        decimal, group = ".", ","
    groups = {group, "'", "’"} - {decimal}
    if group.isspace():
        groups.discard(group)
    return decimal, frozenset(groups)


def _grouped(parts: list[str], separators: list[str], groups: frozenset[str]) -> int | None:
    if separators and (len(set(separators)) != 1 or separators[0] not in groups):
        return None
    if separators and (len(parts[0]) > 3 or any(len(p) != 3 for p in parts[1:])):
        return None
    return int("".join(parts))


def _read(
    parts: list[str], separators: list[str], decimal: str, groups: frozenset[str]
) -> Decimal | None:
    if separators and separators[-1] == decimal:
        whole = _grouped(parts[:-1], separators[:-1], groups)
        if whole is None:
            return None
        return Decimal(f"{whole}.{parts[-1]}")
    value = _grouped(parts, separators, groups)
    return None if value is None else Decimal(value)


def _readings(token: str, language: str) -> tuple[tuple[Reading, ...], bool]:
    """The readings of *token*, and whether it follows *language*'s convention."""
    if any(space in token for space in _SPACES):
        digits = re.sub(rf"[{_SPACES}]", "", token)
        return ((Decimal(re.sub(r"[.,](\d+)$", r".\1", digits)),),), True
    parts = _SEPARATOR.split(token)
    separators = _SEPARATOR.findall(token)
    readings: list[Reading] = []
    own = None
    if ":" not in separators:
        decimal, groups = _symbols(language)
        own = _read(parts, separators, decimal, groups)
        if own is not None:
            readings.append((own,))
        else:  # not this language's convention: any reading will do
            for other_decimal, other_groups in ((".", frozenset(",'’")), (",", frozenset(".'’"))):
                other = _read(parts, separators, other_decimal, other_groups)
                if other is not None and (other,) not in readings:
                    readings.append((other,))
    clock = bool(_TIME.match(token) or _DATE.match(token))
    conventional = clock or (bool(readings) and own is not None)
    if clock or not readings:
        split = tuple(Decimal(int(p)) for p in parts)
        if split not in readings:
            readings.append(split)
    return tuple(readings), conventional


def figures(text: str, language: str) -> list[Figure]:
    """The figures written with digits in *text*, read by *language*'s conventions."""
    found = []
    for match in _NUMBER.finditer(text):
        try:
            found.append(Figure(match.group(), *_readings(match.group(), language)))
        except (InvalidOperation, ValueError):
            continue
    return found


def _choices(found: list[Figure]) -> Iterator[list[Decimal]]:
    ambiguous = sum(len(f.readings) > 1 for f in found)
    options = [f.readings if ambiguous <= _MAX_AMBIGUOUS else f.readings[:1] for f in found]
    for combination in itertools.product(*options):
        yield [value for reading in combination for value in reading]


def _best_match(source: list[Figure], target: list[Figure]) -> tuple[Counter, Counter]:
    """(missing from target, extra in target) for the readings that match best."""
    best: tuple[Counter, Counter] | None = None
    for source_values in _choices(source):
        for target_values in _choices(target):
            missing = Counter(source_values) - Counter(target_values)
            extra = Counter(target_values) - Counter(source_values)
            if best is None or sum((missing + extra).values()) < sum((best[0] + best[1]).values()):
                best = (missing, extra)
            if not missing and not extra:
                return best
    return best or (Counter(), Counter())


def _label(value: Decimal, found: list[Figure]) -> str:
    for figure in found:
        if len(figure.readings[0]) == 1 and any(value in r for r in figure.readings):
            return figure.text
    return _plain(value)


_DIGIT = re.compile(r"\d")
#: a figure as one token (for the fast path of identical plain integers)
_PLAIN_NUMBER = _NUMBER
#: runs of digits joined by anything :data:`_NUMBER` may join them with: where every
#: run stands alone, they are exactly the figures :data:`_NUMBER` finds (it starts
#: and ends its figures with digits, and joins two runs only by one of these)
_DIGIT_RUNS = re.compile(rf"\d+(?:[.,'’:{_SPACES}]\d+)*")
_CODE_SPAN = re.compile(r"(`+)[\s\S]*?\1")


def _has_prose_hint(text: str) -> bool:
    # what prose() removes starts with one of these (substring tests beat a regex here)
    return "[" in text or "<" in text or "`" in text or "&" in text


def prose(text: str) -> str:
    """*text* without what holds digits but no figures: placeholders, code, entities."""
    from babelpress.markdown.reader import PLACEHOLDER_RE

    if not _has_prose_hint(text):
        return text
    text = PLACEHOLDER_RE.sub(" ", _CODE_SPAN.sub(" ", text))
    return html.unescape(text) if "&" in text else text


def check_numbers(source: str, target: str, context: Context) -> list[Problem]:
    """Compare the figures of *source* (German) and *target*; see the module docstring."""
    in_source, in_target = _DIGIT.search(source), _DIGIT.search(target)
    if in_source is None and in_target is None:
        return []
    if _same_plain_integers(source, in_source, target, in_target):
        return []
    return _compare(source, target, context)


def _compare(source: str, target: str, context: Context) -> list[Problem]:
    """:func:`check_numbers` without its shortcut for texts that agree plainly."""
    source, target = prose(source), prose(target)
    plain = _PLAIN_NUMBER.findall(source)
    if plain == _PLAIN_NUMBER.findall(target) and all(map(str.isdigit, plain)):
        return []  # the same plain integers in the same order: nothing to compare
    source_figures = figures(source, context.source_language)
    target_figures = figures(target, context.language)
    if not source_figures and not target_figures:
        return []
    missing, extra = _best_match(source_figures, target_figures)
    errors: list[str] = []
    source_all = {v for f in source_figures for r in f.readings for v in r}
    target_all = {v for f in target_figures for r in f.readings for v in r}
    # a figure the German itself writes unusually (a version "4.0") is copied as it is
    odd_in_source = {f.text for f in source_figures if not f.conventional}
    warnings = _formatting(
        [f for f in target_figures if f.text not in odd_in_source], context.language, source_all
    )
    if not missing and not extra:
        return [Problem(WARNING, NAME, "; ".join(warnings))] if warnings else []
    errors.extend(_misread(missing, extra, source_figures, target_figures, context.language))
    spelled_in_target = word_values(target, context.language) if missing else set()
    for value in sorted(missing):
        label = _label(value, source_figures)
        if value in spelled_in_target:
            warnings.append(f"the German {label} is written as a word in the translation")
        elif value in target_all:
            warnings.append(f"the German has {label} more often than the translation")
        else:
            errors.append(f"the German {label} is missing in the translation")
    spelled_in_source = word_values(source, context.source_language) if extra else set()
    for value in sorted(extra):
        label = _label(value, target_figures)
        if value in spelled_in_source:
            warnings.append(f"{label} is written as a word in the German")
        elif value in source_all:
            warnings.append(f"the translation has {label} more often than the German")
        else:
            errors.append(f"{label} is not in the German")
    problems = []
    if errors:
        problems.append(Problem(ERROR, NAME, "; ".join(errors)))
    if warnings:
        problems.append(Problem(WARNING, NAME, "; ".join(warnings)))
    return problems


def _same_plain_integers(
    source: str, in_source: re.Match[str] | None, target: str, in_target: re.Match[str] | None
) -> bool:
    """Whether both texts, with nothing for :func:`prose` to remove, have the same plain
    integers in the same order (*in_source*, *in_target*: their first digit, if any).

    The common case, proved with one scan from the first digit of each text; False
    says nothing (the full comparison decides).
    """
    if _has_prose_hint(source) or _has_prose_hint(target):
        return False
    runs = _DIGIT_RUNS.findall(source, in_source.start()) if in_source else []
    if not all(map(str.isdigit, runs)):
        return False
    return runs == (_DIGIT_RUNS.findall(target, in_target.start()) if in_target else [])


def _formatting(found: list[Figure], language: str, meant: set[Decimal]) -> list[str]:
    """Warnings for figures not written the way *language* writes numbers.

    The suggestion formats the reading the German has (*meant*), if any.
    """
    from babel.numbers import format_decimal

    messages = []
    for figure in found:
        if not figure.conventional:
            likely = [r for r in figure.readings if set(r) <= meant] or list(figure.readings)
            value = likely[0][0]
            try:
                usual = format_decimal(value, locale=language)
            except Exception:  # unknown locale
                continue
            messages.append(f"{figure.text} is not how {language!r} writes numbers ({usual})")
    return messages


def _misread(
    missing: Counter,
    extra: Counter,
    source_figures: list[Figure],
    target_figures: list[Figure],
    language: str,
) -> list[str]:
    """Figures copied as written but meaning another value in *language* (``1.400`` in English).

    Removes the pairs it explains from *missing* and *extra*.
    """
    messages = []
    for value in sorted(missing):
        label = _label(value, source_figures)
        for other in sorted(extra):
            if _label(other, target_figures) == label and missing[value] and extra[other]:
                missing[value] -= 1
                extra[other] -= 1
                messages.append(
                    f"{label} reads as {_plain(other)} in {language!r} text; "
                    f"the German means {_plain(value)}"
                )
                break
    missing += Counter()
    extra += Counter()
    return messages


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")

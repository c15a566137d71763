"""Quality checks on translations: what ``babelpress check`` reports and rendering obeys.

Every check is a plain function ``(German, translation, context) -> list[Problem]``
registered in :data:`CHECKS` (checks as data, one function each, like babel's
``Message.check()``).  Public API:

* :func:`check_entry` -- every problem of one PO entry (all non-empty ``msgstr``);
* :func:`render_blockers` -- only the error-level problems, from the checks that can
  report errors; rendering shows the German instead of a translation that has one;
* :func:`check_catalogues` -- every finding in the catalogues of some languages,
  located at the ``msgstr`` line of its entry (:mod:`babelpress.qa.catalogues`).

Errors (must not reach readers): ``numbers`` (a figure missing, changed or misread),
``placeholders``, ``format`` (a ``{field}`` the code does not fill in), ``md-syntax``
(code spans, unpaired emphasis, new block structure),
``safe-html`` (HTML, script, new links).  Everything else is a warning: ``numbers``
(figures written as words), ``md-syntax`` (emphasis count), ``glossary``, ``same``,
``quotes``, ``brackets``, ``double-space``, ``headline-case`` (English titles and
headings), ``end-stop`` / ``end-question`` / ``end-exclamation`` / ``end-colon``,
``length-ratio``, and for Russian ``ru-style`` (:mod:`babelpress.qa.russian_style`).

Silencing: the flag ``ignore-<check>`` on an entry (``#, ignore-numbers``) turns that
check off for that entry, as in Weblate; ``ignore-end-punctuation`` silences the four
``end-*`` checks and ``ignore-check-glossary`` (Weblate's spelling) the glossary check.
``safe-html`` cannot be silenced.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import polib

from babelpress.glossary import Glossary
from babelpress.qa.fields import check_format
from babelpress.qa.headline_case import check_headline_case
from babelpress.qa.markup import check_md_syntax, check_placeholders, check_safe_html
from babelpress.qa.model import ERROR, IGNORE_PREFIX, WARNING, Check, Context, Finding, Problem
from babelpress.qa.numbers import check_numbers
from babelpress.qa.russian_style import NAMES as RUSSIAN_STYLE_NAMES
from babelpress.qa.russian_style import check_russian_style
from babelpress.qa.text import (
    check_brackets,
    check_double_space,
    check_end_punctuation,
    check_glossary,
    check_length_ratio,
    check_quotes,
    check_same,
)

__all__ = [
    "CHECKS",
    "ERROR",
    "WARNING",
    "Check",
    "Finding",
    "Problem",
    "check_catalogues",
    "check_entry",
    "render_blockers",
]

#: every check, errors first; the order is the order of the report
CHECKS: tuple[Check, ...] = (
    Check("safe-html", check_safe_html, can_error=True, ignorable=False),
    Check("numbers", check_numbers, can_error=True),
    Check("placeholders", check_placeholders, can_error=True),
    Check("format", check_format, can_error=True),
    Check("md-syntax", check_md_syntax, can_error=True),
    Check("glossary", check_glossary, can_error=False, aliases=("check-glossary",)),
    Check("same", check_same, can_error=False),
    Check("quotes", check_quotes, can_error=False),
    Check("brackets", check_brackets, can_error=False),
    Check("double-space", check_double_space, can_error=False),
    Check("headline-case", check_headline_case, can_error=False),
    Check(
        "end-punctuation",
        check_end_punctuation,
        can_error=False,
        names=("end-stop", "end-question", "end-exclamation", "end-colon"),
    ),
    Check("length-ratio", check_length_ratio, can_error=False),
    Check("ru-style", check_russian_style, can_error=False, names=RUSSIAN_STYLE_NAMES),
)
_BLOCKING = tuple(check for check in CHECKS if check.can_error)


def _pairs(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(German, translation) for every non-empty msgstr of *entry* (plural forms too)."""
    if getattr(entry, "obsolete", False) or not entry.msgid:
        return []
    plural = getattr(entry, "msgstr_plural", None)
    if not plural:
        return [(entry.msgid, entry.msgstr)] if entry.msgstr else []
    return [
        (entry.msgid if index == 0 else (entry.msgid_plural or entry.msgid), plural[index])
        for index in sorted(plural)
        if plural[index]
    ]


def _run(
    checks: Iterable[Check], entry: polib.POEntry, context: Context, errors_only: bool
) -> list[Problem]:
    pairs = _pairs(entry)
    if not pairs:
        return []
    flags = [f for f in (getattr(entry, "flags", None) or ()) if f.startswith(IGNORE_PREFIX)]
    problems: list[Problem] = []
    for source, target in pairs:
        for check in checks:
            if flags and check.ignored_by(flags):
                continue
            for problem in check.function(source, target, context):
                if errors_only and problem.level != ERROR:
                    continue
                if not (flags and check.ignored_by(flags, problem.check)):
                    problems.append(problem)
    return problems


@lru_cache(maxsize=64)
def _context(language: str, formats: tuple[str, ...] = ()) -> Context:
    return Context(language, formats=formats)


def check_entry(
    entry: polib.POEntry,
    language: str,
    glossary: Glossary | None = None,
    *,
    source_language: str = "de",
) -> list[Problem]:
    """Every problem of *entry*'s translation into *language* (none for an empty msgstr)."""
    context = Context(
        language, source_language, glossary, Context.kinds_of(entry), Context.formats_of(entry)
    )
    return _run(CHECKS, entry, context, errors_only=False)


def render_blockers(
    entry: polib.POEntry, language: str, glossary: Glossary | None = None
) -> list[Problem]:
    """The error-level problems of *entry*: rendering must show the German instead.

    Cheap: only the checks that can report errors run, and they skip their expensive
    parts when the texts hold no markup; a sentence and translation met before (an
    archive repeats itself) are not checked again.  ``ignore-`` flags count, except
    for ``safe-html``.
    """
    flags = getattr(entry, "flags", None)
    formats, ignored = _flag_kinds(tuple(flags)) if flags else ((), ())
    if getattr(entry, "msgid_plural", "") or getattr(entry, "obsolete", False):
        return _run(_BLOCKING, entry, _context(language, formats), errors_only=True)
    return list(_blockers(language, entry.msgid, entry.msgstr, ignored, formats))


@lru_cache(maxsize=256)
def _flag_kinds(flags: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(format flags, ``ignore-`` flags) among *flags*: few sets of flags recur."""
    return Context.formats_in(flags), tuple(f for f in flags if f.startswith(IGNORE_PREFIX))


@lru_cache(maxsize=8192)
def _blockers(
    language: str, msgid: str, msgstr: str, flags: tuple[str, ...], formats: tuple[str, ...]
) -> tuple[Problem, ...]:
    """:func:`render_blockers` of a singular entry, by what the checks look at.

    What :func:`_run` does for such an entry, without making one: rendering asks
    this for every translation it shows.
    """
    if not msgid or not msgstr:
        return ()
    context = _context(language, formats)
    problems = []
    for check in _BLOCKING:
        if flags and check.ignored_by(flags):
            continue
        for problem in check.function(msgid, msgstr, context):
            if problem.level == ERROR and not (flags and check.ignored_by(flags, problem.check)):
                problems.append(problem)
    return tuple(problems)


def check_catalogues(settings: Any, languages: Iterable[str] | None = None) -> list[Finding]:
    """Every finding in the catalogues of *languages* (default: all target languages)."""
    from babelpress.qa.catalogues import check_catalogues as run

    return run(settings, languages)

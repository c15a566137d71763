"""``format``: the ``{name}`` fields of a translation the code fills in.

Entries flagged ``python-brace-format`` (the site's own words, :mod:`babelpress.wordlist`)
have fields the code replaces (``{count}``, ``{share}``).  The check compares the fields
of each ``msgstr`` with those of its German (``msgid``, or ``msgid_plural`` for the other
plural forms), as ``msgfmt --check-format`` does for Python's brace format.  An error
is a field the German does not have (the code has no value for it), a field with a
format spec or conversion (``{count!r}``, ``{count:>5}``), or braces ``str.format``
cannot read (``{count``); the site shows the German word instead.  A warning is a
field of the German the translation leaves out: the site can show it, but
``msgfmt --check`` refuses it and a reader misses the number.
"""

from __future__ import annotations

import string

from babelpress.qa.model import ERROR, WARNING, Context, Problem

FORMAT = "format"
FLAG = "python-brace-format"


def check_format(source: str, target: str, context: Context) -> list[Problem]:
    """The fields of *target* against those of *source* (only for brace-format entries)."""
    if FLAG not in context.formats:
        return []
    wanted = _fields(source)
    try:
        found = _fields(target, strict=True)
    except ValueError as exc:
        return [Problem(ERROR, FORMAT, f"the braces cannot be read: {exc}")]
    if wanted is None or found is None:
        return []
    problems = []
    unknown = sorted(set(found) - set(wanted))
    if unknown:
        filled = _braced(sorted(set(wanted))) or "no field"
        message = f"{_braced(unknown)} not in the German (the code fills in {filled})"
        problems.append(Problem(ERROR, FORMAT, message))
    missing = sorted(set(wanted) - set(found))
    if missing:
        problems.append(Problem(WARNING, FORMAT, f"{_braced(missing)} of the German left out"))
    return problems


def _braced(names: list[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in names)


def _fields(text: str, *, strict: bool = False) -> list[str] | None:
    """Field names of *text*; ``strict``: ValueError for specs, conversions, bad braces."""
    names = []
    try:
        for _, name, spec, conversion in string.Formatter().parse(text):
            if name is None:
                continue
            if strict and (spec or conversion):
                raise ValueError(f"{{{name}}} has a format spec or conversion")
            names.append(name)
    except ValueError:
        if strict:
            raise
        return None
    return names

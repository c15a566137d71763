"""Metadata lines (bylines, dates, translator) to front-matter fields.

Contract: :func:`match_metadata` tries the ``metadata`` patterns of the rules on one line.
A pattern's named groups become fields: ``author``, ``source``, ``translator`` (strings),
``contributors`` (a list, split at commas and "und"/"and"/"&") and ``date`` (an ISO
8601 :class:`datetime.date`).  A line whose date cannot be read is *not* metadata (it
stays in the text).  :func:`merge_fields` adds one line's fields to those found so far:
the first value of a field wins, further contributors are appended.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from babelpress.normalise.rules import Rules

_SPLIT_NAMES = re.compile(r"\s*(?:,|\bund\b|\band\b|&)\s*")


def match_metadata(line: str, rules: Rules) -> dict[str, Any] | None:
    """The fields *line* states, or None if it is not a metadata line."""
    for pattern in rules.metadata:
        match = pattern.search(line)
        if not match:
            continue
        fields = _fields(match.groupdict(), rules)
        if fields is not None:
            return fields
    return None


def _fields(groups: dict[str, str | None], rules: Rules) -> dict[str, Any] | None:
    fields: dict[str, Any] = {}
    for name, value in groups.items():
        if value is None:
            continue
        value = value.strip()
        if name == "date":
            date = parse_date_text(value, rules.months)
            if date is None:
                return None
            fields["date"] = date
        elif name == "contributors":
            fields["contributors"] = [n for n in _SPLIT_NAMES.split(value) if n]
        else:
            fields[name] = value
    return fields


def merge_fields(found: dict[str, Any], new: dict[str, Any]) -> None:
    """Add *new* to *found*: first value wins, contributors accumulate."""
    for key, value in new.items():
        if key == "contributors":
            names = found.setdefault("contributors", [])
            names.extend(n for n in value if n not in names)
        else:
            found.setdefault(key, value)


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
_DAY_MONTH = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4})")
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")


def parse_date_text(text: str, months: dict[str, int]) -> dt.date | None:
    """``24. April 2022``, ``April 24, 2022``, ``24.04.2022``, ``2022-04-24`` -> date."""
    candidates: list[tuple[str, str, str]] = []
    if m := _ISO.search(text):
        candidates.append((m.group(1), m.group(2), m.group(3)))
    if m := _NUMERIC.search(text):
        candidates.append((m.group(3), m.group(2), m.group(1)))
    if (m := _DAY_MONTH.search(text)) and m.group(2).casefold() in months:
        candidates.append((m.group(3), str(months[m.group(2).casefold()]), m.group(1)))
    if (m := _MONTH_DAY.search(text)) and m.group(1).casefold() in months:
        candidates.append((m.group(3), str(months[m.group(1).casefold()]), m.group(2)))
    for year, month, day in candidates:
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None

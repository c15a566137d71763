"""Metadata lines (bylines, dates, translator, agencies) to front-matter fields.

Contract:

* :func:`match_metadata` tries the ``metadata`` patterns of the rules on one line (and,
  with ``edge``, the ``metadata_edge`` patterns, which only hold above the first or
  below the last paragraph of prose: "Name, Wien", "Quelle: dpa").  A pattern's named
  groups become fields: ``author``, ``source``, ``translator`` (strings),
  ``contributors`` (a list, split at commas, slashes and "und"/"and"/"&"), ``date`` and
  ``updated`` (ISO 8601 :class:`datetime.date`); other groups (``place``) only help to
  match.  A line whose date cannot be read is *not* metadata (it stays in the text).
* :func:`take_metadata` runs over the lines of a page: a label alone on its line
  ("Autorin/Autor") is read together with the next line; the edge patterns also hold
  right beside a date or byline line ("Petra Hofer, Wien" above "24. Jänner 2024"); a
  name alone on its line is the byline when a metadata line stands right next to it.
* :func:`merge_fields` adds one line's fields to those found so far: the first value of
  a field wins, further contributors are appended.  ``updated`` is the date only when
  no publication date is found (:func:`finish_fields`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from babelpress.normalise.article import Removal
from babelpress.normalise.rules import Rules
from babelpress.normalise.structure import Line
from babelpress.normalise.text import plain_spaces

_SPLIT_NAMES = re.compile(r"\s*(?:,|/|\bund\b|\band\b|&)\s*")
#: a full stop after a word (not after an initial, "Jonas R.")
_SENTENCE_STOP = re.compile(r"(?<=\w\w)\.$")
#: academic titles before a name in a byline
_TITLES = re.compile(
    r"^(?:(?:dr|prof|dipl\.-ing|mag)\.(?: (?:med|phil|rer\. nat|jur)\.)? )+", re.IGNORECASE
)
_FIELDS = ("author", "source", "translator", "contributors", "date", "updated")


def dateline_date(
    lines: list[Line], first: int | None, rules: Rules, fields: dict[str, Any]
) -> None:
    """The date of the dateline opening the first paragraph of prose (the line numbered
    *first*), into *fields* when the page states no date elsewhere; the paragraph stays
    as it is."""
    if first is None or "date" in fields:
        return
    line = next((line for line in lines if line.number == first), None)
    match = rules.dateline.match(plain_spaces(line.text)) if line is not None else None
    if match is not None:
        date = parse_date_text(match.group("date"), rules.months)
        if date is not None:
            fields["date"] = date


def match_metadata(line: str, rules: Rules, *, edge: bool = False) -> dict[str, Any] | None:
    """The fields *line* states, or None if it is not a metadata line.

    No-break and narrow spaces count as spaces here ("14:05 Uhr" with a no-break
    space): the patterns are written with plain ones.
    """
    line = plain_spaces(line)
    if not rules.any_metadata.search(line):
        return None
    patterns = rules.metadata + (rules.metadata_edge if edge else ())
    for pattern in patterns:
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
        if value is None or name not in _FIELDS:
            continue
        value = value.strip()
        if name in ("date", "updated"):
            date = parse_date_text(value, rules.months)
            if date is None:
                return None
            fields[name] = date
        elif name == "contributors":
            fields["contributors"] = [n for n in _SPLIT_NAMES.split(value) if n]
        else:
            # a byline written as a sentence: "Das Interview führte Jonas Reiter."
            value = _SENTENCE_STOP.sub("", value)
            if name == "author":
                value = _TITLES.sub("", value)  # "Dr. Paula Kern": the name
            # a print byline in capitals ("VON KARIN ABELE"): the name as it is written
            fields[name] = value.title() if name == "author" and value.isupper() else value
    return fields


def take_metadata(
    lines: list[Line],
    rules: Rules,
    at_edge: Callable[[Line], bool],
    fields: dict[str, Any],
    removed: list[Removal],
) -> list[Line]:
    """The lines that are not metadata; the others' fields go into *fields*, in the order
    the lines stand (the byline under the headline before a widget's "Wiener Börse ·
    13.11.2025" further down)."""
    taken: set[int] = set()
    found_at: list[tuple[int, dict[str, Any]]] = []
    signed = letter_signatures(lines, rules)
    listed = _dated_rows(lines, rules) | _quoted_mail_headers(lines, rules, at_edge)
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.number in signed:
            index += 1  # a letter's signature is the letter's ("Birgit Hausmann, Rektorin")
            continue
        if line.number in listed:
            # a calendar's or chronology's row ("21.10.2025 · Sprechstunde …"), or the
            # header of a mail the article quotes ("Datum: 02.10.2025, 06:14")
            index += 1
            continue
        edge = at_edge(line) or _by_date(lines, index, rules)
        found = match_metadata(line.text, rules, edge=edge)
        pair = None
        if found is None and rules.metadata_label.match(line.text) and index + 1 < len(lines):
            pair = lines[index + 1]
            found = match_metadata(f"{line.text} {pair.text}", rules, edge=at_edge(line))
        if found is not None and pair is None and _another_signature(line, found, found_at, rules):
            index += 1  # a reader's letter's "Name, Ort" under an article with its byline
            continue
        if found is not None:
            if "author" in found and not _names(str(found["author"]), rules):
                found = {k: v for k, v in found.items() if k != "author"}  # "Wiener Börse"
            found_at.append((line.number, found))
            for part in (line, pair) if pair else (line,):
                removed.append(Removal("metadata", part.text, part.number, _describe(found)))
                taken.add(id(part))
            index += 1 if pair is None else 2
            continue
        index += 1
    _take_byline_names(lines, rules, taken, found_at, removed)
    for _, found in sorted(found_at, key=lambda pair: pair[0]):
        merge_fields(fields, found)
    return [line for line in lines if id(line) not in taken]


#: a list of dates has at least this many rows in a row
MIN_DATED_ROWS = 3


#: a row that opens with a date, then another item: "12.11.2025 · Laternenumzug: Sperrungen"
_DATE_ROW = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\s?[|·•–-]\s?\S")


def _dated_rows(lines: list[Line], rules: Rules) -> set[int]:
    """The numbers of lines in runs of :data:`MIN_DATED_ROWS` or more in one block that
    each read as a dated metadata line: a list of dates, not the article's date."""
    rows: set[int] = set()
    run: list[Line] = []
    for line in [*lines, None]:
        dated = line is not None and (
            "date" in (match_metadata(line.text, rules) or {}) or bool(_DATE_ROW.match(line.text))
        )
        if dated and line is not None and (not run or run[-1].group == line.group):
            run.append(line)
            continue
        if len(run) >= MIN_DATED_ROWS:
            rows.update(x.number for x in run)
        run = [line] if dated and line is not None else []
    return rows


#: the lines that make a block of header lines (``mail_header``) a mail's: sender or subject
_MAIL_SENDER = re.compile(r"(?:von|betreff|from|subject):", re.IGNORECASE)


def _quoted_mail_headers(
    lines: list[Line], rules: Rules, at_edge: Callable[[Line], bool]
) -> set[int]:
    """The numbers of the header lines of a mail quoted among the article's paragraphs
    (a phishing warning shows the mail): two or more in one block, one naming the sender
    or the subject.  Its date is the mail's, not the article's, and it stays in the text."""
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        if not at_edge(line) and rules.mail_header.match(line.text):
            blocks.setdefault(line.group, []).append(line)
    return {
        line.number
        for block in blocks.values()
        if len(block) >= 2 and any(_MAIL_SENDER.match(line.text) for line in block)
        for line in block
    }


def _another_signature(
    line: Line, found: dict[str, Any], found_at: list[tuple[int, dict[str, Any]]], rules: Rules
) -> bool:
    """An author that only the edge patterns read ("Yvonne Achterberg, Haldenfels-Weiler")
    below a byline that named another: a signature of the page's text, not its byline."""
    authors = [str(f["author"]) for n, f in found_at if "author" in f and n < line.number]
    return (
        "author" in found
        and bool(authors)
        and authors[0] != found["author"]
        and match_metadata(line.text, rules) is None
    )


#: a letter's signature under its closing formula has at most this many lines
SIGNATURE_LINES = 3


def letter_signatures(lines: list[Line], rules: Rules) -> set[int]:
    """The numbers of a letter's closing lines: its formula ("Mit freundlichen Grüßen")
    and the short lines under it in its block ("Ihre Schulleitung", the signature)."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not rules.letter_close.match(line.text):
            continue
        found.add(line.number)
        for below in lines[index + 1 : index + 1 + SIGNATURE_LINES]:
            if below.group != line.group or len(below.text.split()) > SIGNATURE_WORDS:
                break
            found.add(below.number)
    return found


#: a line of a signature has at most this many words
SIGNATURE_WORDS = 8


def _by_date(lines: list[Line], index: int, rules: Rules) -> bool:
    """The line right above or below states a date or a byline: a byline block."""
    return any(
        0 <= other < len(lines)
        and abs(lines[other].number - lines[index].number) == 1
        and match_metadata(lines[other].text, rules) is not None
        for other in (index - 1, index + 1)
    )


def _take_byline_names(
    lines: list[Line],
    rules: Rules,
    taken: set[int],
    found_at: list[tuple[int, dict[str, Any]]],
    removed: list[Removal],
) -> None:
    """A name alone on its line, right next to a metadata line: the byline, unless a
    byline line ("Von Miriam Stöckl") names another author."""
    named = [(n, str(f["author"])) for n, f in found_at if "author" in f]
    known = min(named)[1] if named else None  # the author the topmost byline line names
    for index, line in enumerate(lines):
        if id(line) in taken:
            continue
        match = rules.byline_name.match(plain_spaces(line.text))  # "Dr.<NBSP>Thomas Weinrich"
        if match is None or not _may_be_name(line.text, rules):
            continue
        name = match.group("author")
        if known is not None and known != name:
            continue  # another name: the author is known already
        neighbours = lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]
        role = _role_over_byline(lines, index, taken, rules)
        if role is not None or any(_byline_sign(other, taken, rules) for other in neighbours):
            found_at.append((line.number, {"author": name}))
            why = "author: the name again" if known else "author: a name beside the byline"
            known = name
            removed.append(Removal("metadata", line.text, line.number, why))
            taken.add(id(line))
            if role is not None:
                removed.append(Removal("metadata", role.text, role.number, "the author's role"))
                taken.add(id(role))


def _role_over_byline(lines: list[Line], index: int, taken: set[int], rules: Rules) -> Line | None:
    """The line under the name at *index* when it is the author's role over the date
    ("Pfarrer Dr. Thomas Weinrich" / "Dompfarrer an St. Marien" / "30.11.2025 · …"):
    short, no sentence, no line the rules name, in the name's block."""
    if index + 2 >= len(lines):
        return None
    name, role, dated = lines[index], lines[index + 1], lines[index + 2]
    if id(dated) not in taken or id(role) in taken or not name.group == role.group == dated.group:
        return None
    text = role.text.rstrip()
    short = len(text.split()) <= ROLE_WORDS and text[-1:] not in ".!?:"
    return role if short and rules.boilerplate_kind(text) is None else None


#: an author's role under the name has at most this many words
ROLE_WORDS = 8


def _names(author: str, rules: Rules) -> bool:
    """Each name of a byline ("Julia Krämer und Stefan Berger") may be a person's."""
    parts = [part.strip() for part in _NAME_JOINTS.split(author) if part.strip()]
    return bool(parts) and all(_may_be_name(part, rules) for part in parts)


def _byline_sign(line: Line, taken: set[int], rules: Rules) -> bool:
    """A metadata line, or the reading time that stands beside a name in a reader view
    ("Jana Pohlmann" over "8–10 Minuten")."""
    return id(line) in taken or rules.boilerplate_kind(line.text) == "reading_time"


def _may_be_name(text: str, rules: Rules) -> bool:
    """No rule names the line and none of its words is the site's or a function word:
    "Weitere Meldungen" over a teaser's date is a label, not a name."""
    if rules.boilerplate_kind(text) is not None:
        return False
    evidence = rules.evidence
    return not any(
        word in evidence.site_words
        or word in evidence.function_words
        or word in evidence.section_names
        for word in text.casefold().split()
    )


def _describe(found: dict[str, Any]) -> str:
    return "; ".join(
        f"{key}: {', '.join(value) if isinstance(value, list) else value}"
        for key, value in found.items()
    )


def finish_fields(fields: dict[str, Any]) -> None:
    """The update date stands in for a publication date the page does not give."""
    updated = fields.pop("updated", None)
    if updated is not None:
        fields.setdefault("date", updated)


_NAME_JOINTS = re.compile(r",\s*|\s+(?:und|&|/)\s+")


def author_names(fields: dict[str, Any]) -> list[str]:
    """Each name of the byline ("Anna Roth und Jan Beck" gives both) and the contributors."""
    author = fields.get("author")
    names = _NAME_JOINTS.split(author) if isinstance(author, str) else []
    names += [n for n in fields.get("contributors") or [] if isinstance(n, str)]
    return [name.strip() for name in names if name.strip()]


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

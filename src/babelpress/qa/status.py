"""Translation progress per catalogue and language, counted the way ``msgfmt`` counts.

:func:`catalogue_status` reads one PO file; :func:`collect` reads every catalogue of
some languages; :func:`totals` sums them per language.

Messages are counted exactly as GNU ``msgfmt --statistics`` counts them (checked
against it in the tests):

1. obsolete entries (``#~``) are not counted;
2. the header (empty msgid, no context) is not counted -- unless its msgstr is empty,
   which msgfmt counts as one untranslated message;
3. an entry whose (first) msgstr is empty is **untranslated**, even when it is fuzzy
   or when another plural form is filled;
4. otherwise a ``fuzzy`` entry is **fuzzy** (a draft, not yet reviewed);
5. everything else is **translated** -- here called *reviewed*.

Words are counted in the German msgid (as Translate Toolkit's ``pocount`` counts source
words): runs of letters and digits, inner hyphens, apostrophes and number separators
included (``Qasym-Jomart``, ``1.400`` are one word each); Markdown markup and link
placeholders are not words.  The share reviewed is reviewed words / all words, in
percent (100 for a catalogue without words): words, because a reviewed heading should
not weigh as much as a reviewed paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import polib

_WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


@dataclass
class CatalogueStatus:
    """Counts for one catalogue (or, from :func:`totals`, one language)."""

    #: the PO file, relative to the project root (POSIX), or ``"total"``
    catalogue: str
    language: str
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    translated_words: int = 0
    fuzzy_words: int = 0
    untranslated_words: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def total_words(self) -> int:
        return self.translated_words + self.fuzzy_words + self.untranslated_words

    @property
    def reviewed_share(self) -> float:
        """Reviewed words in percent of all words (100.0 when there are none)."""
        if not self.total_words:
            return 100.0
        return 100.0 * self.translated_words / self.total_words

    def add(self, other: CatalogueStatus) -> None:
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, Any]:
        return {
            "catalogue": self.catalogue,
            "language": self.language,
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "total": self.total,
            "translated_words": self.translated_words,
            "fuzzy_words": self.fuzzy_words,
            "untranslated_words": self.untranslated_words,
            "total_words": self.total_words,
            "reviewed_percent": round(self.reviewed_share, 1),
        }


_COUNTS = tuple(f.name for f in fields(CatalogueStatus) if f.type == "int")


def count_words(text: str) -> int:
    """Words in a msgid (see the module docstring)."""
    from babelpress.markdown.reader import PLACEHOLDER_RE

    return len(_WORD.findall(PLACEHOLDER_RE.sub(" ", text)))


def _state(entry: polib.POEntry) -> str:
    plural = entry.msgstr_plural
    first = plural.get(0, "") if plural else entry.msgstr
    if not first:
        return "untranslated"
    return "fuzzy" if "fuzzy" in entry.flags else "translated"


def empty_header(text: str) -> bool:
    """Whether the catalogue *text* has a header entry with an empty msgstr.

    msgfmt counts such a header as one untranslated message.  (A header with content
    is not counted; neither is a catalogue without a header.)
    """
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.rstrip() != 'msgid ""' or number + 1 >= len(lines):
            continue
        if lines[number + 1].rstrip() != 'msgstr ""':
            continue  # a wrapped msgid, or a header with content
        if number + 2 < len(lines) and lines[number + 2].startswith('"'):
            continue  # the header's msgstr goes on
        before = number - 1
        while before >= 0 and lines[before].startswith('"'):
            before -= 1
        if before >= 0 and lines[before].startswith("msgctxt"):
            continue  # an entry with a context is not the header
        return True
    return False


def status_of(
    catalogue: polib.POFile, name: str, language: str, *, header_empty: bool = False
) -> CatalogueStatus:
    """Counts for a parsed catalogue (a ``polib.POFile``; see the module docstring)."""
    result = CatalogueStatus(catalogue=name, language=language)
    if header_empty:
        result.untranslated += 1
    for entry in catalogue:
        if entry.obsolete:
            continue
        state = _state(entry)
        words = count_words(entry.msgid) + (
            count_words(entry.msgid_plural) if entry.msgid_plural else 0
        )
        setattr(result, state, getattr(result, state) + 1)
        setattr(result, f"{state}_words", getattr(result, f"{state}_words") + words)
    return result


def _language_of(path: Path, catalogue: polib.POFile) -> str:
    if path.parent.name == "LC_MESSAGES":
        return path.parent.parent.name
    for parent in path.parents:
        if parent.parent.name == "LC_MESSAGES":
            return parent.parent.parent.name
    return str(catalogue.metadata.get("Language", ""))


def catalogue_status(
    po_path: str | Path, *, root: str | Path | None = None, language: str | None = None
) -> CatalogueStatus:
    """Counts for the PO file at *po_path* (named relative to *root* when given).

    With *root* (the project), a catalogue leading outside it is refused unread.
    """
    from babelpress.fsutil import read_text
    from babelpress.po.file import read_po
    from babelpress.qa.catalogues import display_path

    path = Path(po_path)
    catalogue = read_po(path, root=root)
    # only a catalogue without header fields can have an empty header: look only then
    header_empty = not catalogue.metadata and empty_header(read_text(path, root=root))
    name = display_path(path, Path(root)) if root is not None else path.as_posix()
    return status_of(
        catalogue, name, language or _language_of(path, catalogue), header_empty=header_empty
    )


def collect(
    settings: Any, languages: Iterable[str] | None = None, errors: list[Any] | None = None
) -> list[CatalogueStatus]:
    """Counts for every catalogue of *languages* (default: the configured ones), by path.

    With an *errors* list, a catalogue that cannot be read is added to it (a
    :class:`~babelpress.errors.CatalogError` with file and line, or a refusal of a
    link out of the project) and the others are
    still counted; without one, the first such error is raised.
    """
    from babelpress import project
    from babelpress.errors import CatalogError
    from babelpress.fsutil import OutsideProject

    results = []
    for language in languages or settings.languages:
        for _, path in project.catalogues(settings, language):
            try:
                results.append(catalogue_status(path, root=settings.root, language=language))
            except (CatalogError, OutsideProject) as exc:
                if errors is None:
                    raise
                errors.append(exc)
    return results


def totals(statuses: Iterable[CatalogueStatus]) -> dict[str, CatalogueStatus]:
    """One summed :class:`CatalogueStatus` per language, in order of first appearance."""
    result: dict[str, CatalogueStatus] = {}
    for status in statuses:
        total = result.setdefault(status.language, CatalogueStatus("total", status.language))
        total.add(status)
    return result

"""What each segment of one page shows in one language, and how many of each kind.

:class:`PageStates` looks up every segment of a page in the page's catalogue once
(points 2-5 of :mod:`babelpress.render.all_pages`): an entry is *reviewed*
(translated, not fuzzy), a *draft* (fuzzy) or *missing* (no entry, empty, or
blocked by a quality check).  From that it decides what a segment shows --
:meth:`PageStates.choose` -- and counts, per distinct entry of the page, what
readers see (:class:`Counts`): reviewed translations, unreviewed ones by kind
(:mod:`babelpress.po.provenance`: changed in the German, machine draft, other
draft), and passages shown in German (missing, blocked, a draft where drafts are
not shown, or every passage of a page that is not published).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

import polib

from babelpress.config import Settings
from babelpress.errors import BabelpressError
from babelpress.fsutil import read_text
from babelpress.markdown.units import Document, Segment
from babelpress.po.provenance import unreviewed_kind
from babelpress.qa import render_blockers
from babelpress.qa.lines import msgstr_line, msgstr_lines

Mode = Literal["build", "serve"]
MsgKey = tuple[str | None, str]

REVIEWED, DRAFT, MISSING = "reviewed", "draft", "missing"


@dataclass(frozen=True)
class Counts:
    """Distinct entries of a page by what readers see (see the module docstring)."""

    reviewed: int = 0
    machine: int = 0
    changed: int = 0
    draft: int = 0
    german: int = 0

    @property
    def unreviewed(self) -> int:
        """Entries shown in the page's language that no editor has reviewed."""
        return self.machine + self.changed + self.draft

    @property
    def all_machine(self) -> bool:
        """Every entry of the page is shown as an unreviewed machine draft."""
        return self.machine > 0 and self.machine == (
            self.reviewed + self.unreviewed + self.german
        )


class _Entry(NamedTuple):
    """What one entry shows (a tuple: a page makes one per distinct segment)."""

    state: str
    msgstr: str
    #: for a draft: changed / machine / draft (provenance)
    kind: str = ""


class PageStates:
    """The state of every entry of *doc* in *language*, and what the page shows."""

    def __init__(
        self,
        doc: Document,
        catalog_by_msgkey: Mapping[MsgKey, Any],
        language: str,
        settings: Settings,
        *,
        mode: Mode = "build",
        catalog_path: str | None = None,
    ) -> None:
        self.source_language = settings.source_language
        self.mode: Mode = mode
        where = _Where(catalog_path, language, settings.root)
        show_drafts = mode == "serve" or settings.publish_drafts
        self.entries: dict[MsgKey, _Entry] = {}
        #: the kinds of unit each entry stands for on this page
        self.kinds: dict[MsgKey, set[str]] = {}
        #: every segment of the page in order, with its key
        self.segments = [(segment, msgkey(segment)) for segment in doc.segments()]
        warned: dict[MsgKey, list[str]] = {}
        drafts: dict[MsgKey, polib.POEntry] = {}
        for segment, key in self.segments:
            kinds = self.kinds.get(key)
            if kinds is not None:
                kinds.add(segment.kind)
                continue
            self.kinds[key] = {segment.kind}
            entry = catalog_by_msgkey.get(key)
            if entry is not None and entry.msgstr and "fuzzy" in entry.flags:
                # checked below only if the page shows it: no reviewed share depends on it
                drafts[key] = entry
                self.entries[key] = _Entry(DRAFT, entry.msgstr, unreviewed_kind(entry))
            else:
                warned[key] = []
                self.entries[key] = _state(entry, language, warned[key], where)
        self.share = _reviewed_share(self.segments, self.entries)
        self.published = mode == "serve" or self.share >= settings.min_reviewed
        self.show_drafts = show_drafts
        if self.published and show_drafts:
            for key, entry in drafts.items():
                warned[key] = []
                if _blocked(entry, language, warned[key], where, DRAFT_HELD_BACK):
                    self.entries[key] = _Entry(MISSING, "")
        # a draft no reader sees is not checked: a warning that it is "shown in German"
        # would be about a text shown in German anyway
        self.warnings: list[str] = [w for key in self.entries for w in warned.get(key, ())]
        self.has_drafts = any(entry.state == DRAFT for entry in self.entries.values())
        #: segments shown in German so far (every call of :meth:`choose` counts)
        self.fallbacks = 0

    def shown(self, key: MsgKey) -> str:
        """REVIEWED, DRAFT or MISSING: what the entry *key* shows on this page."""
        entry = self.entries[key]
        if self.published and (
            entry.state == REVIEWED or (entry.state == DRAFT and self.show_drafts)
        ):
            return entry.state
        return MISSING

    def choose(self, segment: Segment) -> tuple[str, str]:
        """(state shown, Markdown) of *segment* where the page shows it (counted)."""
        state, text = self.text(segment)
        if state == MISSING:
            self.fallbacks += 1
        return state, text

    def text(self, segment: Segment) -> tuple[str, str]:
        """(state shown, Markdown) of *segment*: its translation, or the German."""
        key = msgkey(segment)
        state = self.shown(key)
        if state == MISSING:
            return MISSING, segment.source
        return state, restore(segment, self.entries[key].msgstr)

    def counts(self, *, leave_out: Iterable[str] = ()) -> Counts:
        """What readers see, per distinct entry (but entries only of the kinds *leave_out*)."""
        skipped = set(leave_out)
        found = {"reviewed": 0, "machine": 0, "changed": 0, "draft": 0, "german": 0}
        published, show_drafts = self.published, self.show_drafts
        for key, entry in self.entries.items():
            if skipped and self.kinds[key] <= skipped:
                continue
            state = entry.state  # what :meth:`shown` says, for every entry of the page
            if not published or state == MISSING or (state == DRAFT and not show_drafts):
                found["german"] += 1
            elif state == REVIEWED:
                found["reviewed"] += 1
            else:
                found[entry.kind] += 1
        return Counts(**found)


def msgkey(segment: Segment) -> MsgKey:
    """The catalogue key of *segment*: ``(msgctxt, msgid)``."""
    return (segment.context or None, segment.msgid)


def index_catalog(entries: Iterable[polib.POEntry]) -> dict[MsgKey, polib.POEntry]:
    """Index PO entries by ``(msgctxt, msgid)``; obsolete entries and the header are left out."""
    index: dict[MsgKey, Any] = {}
    for entry in entries:
        if getattr(entry, "obsolete", False) or not entry.msgid:
            continue
        index[(entry.msgctxt or None, entry.msgid)] = entry
    return index


def restore(segment: Segment, msgstr: str) -> str:
    """The translation *msgstr* as the Markdown that takes *segment*'s place."""
    text = segment.restore(msgstr)
    if "\n" not in segment.source:
        # a line break the German did not have would end a heading or split a cell
        if text.isprintable():  # no line boundary of any kind: one line
            return text.strip()
        text = " ".join(part.strip() for part in text.splitlines())
    return text


class _Where:
    """Names an entry of the page's catalogue in a warning: ``path:line`` of its msgstr.

    The line is the one ``babelpress check`` gives (what an editor jumps to); the
    catalogue is read for it only when a warning needs it, which is rare.
    """

    def __init__(self, catalog_path: str | None, language: str, root: Path) -> None:
        self.shown = catalog_path or language
        self.path = None if catalog_path is None else root / catalog_path
        self.root = root
        self.starts: list[int] | None = None

    def __call__(self, entry: polib.POEntry) -> str:
        line = getattr(entry, "linenum", None)
        if line and self.path is not None:
            if self.starts is None:
                self.starts = _msgstr_lines(self.path, self.root)
            line = msgstr_line(line, self.starts)
        return f"{self.shown}{f':{line}' if line else ''}: "


def _msgstr_lines(path: Path, root: Path) -> list[int]:
    try:
        return msgstr_lines(read_text(path, root=root, errors="replace"))
    except (OSError, BabelpressError):  # gone since it was parsed: the entry's own line
        return []


def _state(
    entry: polib.POEntry | None,
    language: str,
    warnings: list[str],
    where: _Where,
) -> _Entry:
    if entry is None or not entry.msgstr or _blocked(entry, language, warnings, where):
        return _Entry(MISSING, "")
    if "fuzzy" in entry.flags:
        return _Entry(DRAFT, entry.msgstr, unreviewed_kind(entry))
    return _Entry(REVIEWED, entry.msgstr)


#: how a warning about a reviewed translation kept from readers ends
HELD_BACK = " -- shown in German"
#: how the same note about an unreviewed draft ends: the review's business, not the
#: build's (the site builds with ``mkdocs build --strict`` whatever a machine drafted)
DRAFT_HELD_BACK = " -- an unreviewed draft, shown in German"


def _blocked(
    entry: polib.POEntry,
    language: str,
    warnings: list[str],
    where: _Where,
    ending: str = HELD_BACK,
) -> bool:
    """Whether a quality check keeps *entry*'s translation from readers (*warnings* say why)."""
    problems = render_blockers(entry, language)
    if problems:
        shown = where(entry)
        warnings.extend(f"{shown}{problem}{ending}" for problem in problems)
    return bool(problems)


def held_back_draft(warning: str) -> bool:
    """Whether *warning* is about an unreviewed draft kept from readers."""
    return warning.endswith(DRAFT_HELD_BACK)


def _reviewed_share(
    segments: Iterable[tuple[Segment, MsgKey]], entries: Mapping[MsgKey, _Entry]
) -> float:
    total = reviewed = 0
    for segment, key in segments:
        weight = len(segment.msgid)
        total += weight
        if entries[key].state == REVIEWED:
            reviewed += weight
    return 100.0 if total == 0 else 100.0 * reviewed / total

"""What needs a draft, deduplicated, and how it is cut into requests.

:class:`UnitIndex` is fed a language's catalogues one at a time and groups the
entries that need a draft (msgstr empty; not obsolete or header) by msgid:
one :class:`Unit` per distinct msgid -- an entry with plural forms needs two, its
``msgid`` and its ``msgid_plural`` -- in order of first appearance, with the
numbers of the catalogues that need it -- not the entries themselves, so a
catalogue can be dropped once it was read and read again when its drafts are
ready.  :func:`make_batches` cuts a list of units into batches of at most
*max_chars* characters (and *max_items* texts where the provider counts them); a
text longer than the limit travels alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import polib

from babelpress.translate.protect import Protected, protect


@dataclass
class Unit:
    """One distinct msgid of a language, and the entries waiting for it."""

    msgid: str
    protected: Protected
    #: the protected text without surrounding whitespace: what is sent and cached
    core: str
    lead: str
    trail: str
    #: the catalogues (by number) with an entry waiting for this text
    catalogues: list[int] = field(default_factory=list)
    #: whether this run sends it to the provider
    sent: bool = False
    #: the draft made of the answer (post-edited, restored), once there is one
    draft: str | None = None
    problems: list[str] = field(default_factory=list)
    #: the provider's answer was refused (and reported)
    refused: bool = False


def needs_draft(entry: polib.POEntry) -> bool:
    """Empty msgstr (every plural form empty), and an entry a draft can go into."""
    if entry.obsolete or not entry.msgid.strip():
        return False
    if entry.msgid_plural:
        return not any((entry.msgstr_plural or {}).values()) and bool(entry.msgid_plural.strip())
    return entry.msgstr == ""


def sources(entry: polib.POEntry) -> tuple[str, ...]:
    """The German texts a draft of *entry* is made of: msgid (and msgid_plural)."""
    return (entry.msgid, entry.msgid_plural) if entry.msgid_plural else (entry.msgid,)


class UnitIndex:
    """The distinct msgids that need a draft, over catalogues added one at a time."""

    def __init__(self) -> None:
        self.units: dict[str, Unit] = {}

    def add(self, index: int, po: Iterable[polib.POEntry]) -> tuple[list[Unit], list[Unit]]:
        """Record catalogue *index*; its units, and those of them seen for the first time."""
        needed: list[Unit] = []
        new: list[Unit] = []
        for entry in po:
            if not needs_draft(entry):
                continue
            for text in sources(entry):
                unit = self.units.get(text)
                if unit is None:
                    unit = self.units[text] = _unit(text)
                    new.append(unit)
                if not unit.catalogues or unit.catalogues[-1] != index:
                    unit.catalogues.append(index)
                    needed.append(unit)
        return needed, new

    def get(self, msgid: str) -> Unit | None:
        return self.units.get(msgid)


def _unit(msgid: str) -> Unit:
    protected = protect(msgid)
    text = protected.text
    core = text.strip()
    start = len(text) - len(text.lstrip())
    return Unit(msgid, protected, core, text[:start], text[start + len(core) :])


def make_batches(
    units: Sequence[Unit], max_chars: int, max_items: int | None = None
) -> Iterator[list[Unit]]:
    batch: list[Unit] = []
    size = 0
    for unit in units:
        full = batch and (
            size + len(unit.core) > max_chars or (max_items is not None and len(batch) >= max_items)
        )
        if full:
            yield batch
            batch, size = [], 0
        batch.append(unit)
        size += len(unit.core)
    if batch:
        yield batch

"""What needs a draft, deduplicated, and how it is cut into requests.

:func:`collect_units` walks a language's catalogues once and groups the entries
that need a draft (msgstr empty; not obsolete, header or plural) by msgid: one
:class:`Unit` per distinct msgid, in order of first appearance, with every entry
that shares it.  :func:`make_batches` cuts a list of units into batches of at most
*max_chars* characters (and *max_items* texts where the provider counts them); a
text longer than the limit travels alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    #: (catalogue index, polib entry)
    entries: list[tuple[int, Any]] = field(default_factory=list)


def needs_draft(entry: Any) -> bool:
    """Empty msgstr, and an entry a draft can go into."""
    return (
        not entry.obsolete
        and entry.msgid != ""
        and not entry.msgid_plural
        and entry.msgstr == ""
        and bool(entry.msgid.strip())
    )


def collect_units(catalogues: Sequence[tuple[Path, Any]]) -> list[Unit]:
    units: dict[str, Unit] = {}
    for index, (_path, po) in enumerate(catalogues):
        for entry in po:
            if not needs_draft(entry):
                continue
            unit = units.get(entry.msgid)
            if unit is None:
                unit = units[entry.msgid] = _unit(entry.msgid)
            unit.entries.append((index, entry))
    return list(units.values())


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

"""The reviewed translations of every catalogue of a language, kept between runs.

When a new German sentence has no old translation on its own page, ``extract``
looks for an exact reviewed translation on the other pages of the language
(:class:`~babelpress.po.merge.TranslationMemory`).  Parsing every catalogue of a
large archive for one edited sentence costs seconds, so the reviewed
translations of each catalogue are kept in ``locale/.babelpress-memory-<lang>.json``
with the size and modification time of the catalogue they were read from.  A
later run parses only the catalogues that changed since (an editor saved one,
``translate`` filled it, ``extract`` merged it) and takes the others from the file.

The file is a cache: when it is missing, damaged or of another version, every
catalogue is read again and the file is written anew (without ``fsync``: losing
it costs only time).  It is never written when nothing changed, nor by a run
that writes nothing (``extract --check``).

The memory a run looks translations up in holds the catalogues as they were when
the run started: a catalogue the run has rewritten already (:meth:`MemoryIndex.replaced`)
counts with what it held before.  So a page's catalogues never depend on the pages
processed before it, and a run in worker processes writes what a run in one
process writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from babelpress.errors import CatalogError
from babelpress.fsutil import OutsideProject, atomic_write, read_text
from babelpress.po.file import read_po
from babelpress.po.merge import TranslationMemory, reviewed_pairs
from babelpress.project import files_under, is_reserved

VERSION = 1


def index_path(locale_dir: Path, language: str) -> Path:
    return locale_dir / f".babelpress-memory-{language}.json"


class MemoryIndex:
    """The index of one language: fills a :class:`TranslationMemory` from *folder*.

    ``extract`` records every catalogue it writes (:meth:`record`), so after any
    run the index covers the catalogues as they are, and the next run that needs
    the memory parses only what editors or ``translate`` changed in between.
    """

    def __init__(
        self, path: Path, folder: Path, origin_folder: str, root: Path | None = None
    ) -> None:
        self.path = path
        self.folder = folder
        self.origin_folder = origin_folder
        #: the project: nothing outside it is read or written
        self.root = root
        self._old: dict[str, list[Any]] | None = None
        self.new: dict[str, list[Any]] = {}
        self.complete = False  # whether ``new`` lists every catalogue (after fill)
        #: reviewed pairs of catalogues this run rewrote, as they were (None: no file)
        self.before: dict[str, list[tuple[str, str]] | None] = {}

    @property
    def old(self) -> dict[str, list[Any]]:
        if self._old is None:
            self._old = _read(self.path, self.root)
        return self._old

    def fill(self, memory: TranslationMemory) -> None:
        """Index every readable catalogue, in path order (the first translation wins).

        *memory* gets each catalogue as it was when the run started (see the module
        docstring); the index keeps what the files hold now.
        """
        found: dict[str, list[Any]] = {}
        for slug, path in files_under(self.folder, ".po"):
            if is_reserved(slug):
                continue  # the site's own words are no page's text
            name = f"{slug}.po"
            try:
                stat = path.stat()
            except OSError:
                continue
            record = self._known(name, [stat.st_size, stat.st_mtime_ns])
            if record is None:
                try:
                    pairs = reviewed_pairs(read_po(path, root=self.root))
                except (CatalogError, OutsideProject):
                    continue  # reported when its own page is processed
                record = [stat.st_size, stat.st_mtime_ns, [list(pair) for pair in pairs]]
            found[name] = record
            origin = f"{self.origin_folder}/{Path(name).with_suffix('').as_posix()}.md"
            known = self.before[name] if name in self.before else record[2]
            memory.add_pairs([(msgid, msgstr) for msgid, msgstr in known or ()], origin)
        self.new, self.complete = found, True

    def record(self, path: Path, pairs: list[tuple[str, str]]) -> None:
        """*pairs* are the reviewed translations the catalogue at *path* now holds."""
        stat = path.stat()
        listed = [list(pair) for pair in pairs]
        self.new[path.relative_to(self.folder).as_posix()] = [stat.st_size, stat.st_mtime_ns,
                                                              listed]

    def replaced(self, path: Path, before: list[tuple[str, str]] | None) -> None:
        """The run rewrote the catalogue at *path*, which held *before* (None: no file)."""
        self.before.setdefault(path.relative_to(self.folder).as_posix(), before)

    def save(self) -> bool:
        """Write the index if it changed; whether it was written."""
        if not self.new:
            return False
        if self.complete:
            data = self.new
        else:  # only recorded catalogues are known: the others as the file has them
            data = {name: record for name, record in self.old.items()
                    if (self.folder / name).is_file()}  # fmt: skip
            data.update(self.new)
        if data == self.old:
            return False
        text = json.dumps({"version": VERSION, "catalogues": data}, ensure_ascii=False,
                          indent=0, sort_keys=True)
        return atomic_write(self.path, text + "\n", durable=False, root=self.root)

    def _known(self, name: str, stat: list[int]) -> list[Any] | None:
        for records in (self.new, self.old):
            record = records.get(name)
            if record is not None and record[:2] == stat:
                return record
        return None


def _read(path: Path, root: Path | None) -> dict[str, list[Any]]:
    try:
        data = json.loads(read_text(path, root=root))
    except (OSError, ValueError, RecursionError, OutsideProject):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    catalogues = data.get("catalogues")
    if not isinstance(catalogues, dict):
        return {}
    return {name: record for name, record in catalogues.items() if _valid(record)}


def _valid(record: Any) -> bool:
    return (
        isinstance(record, list)
        and len(record) == 3
        and all(isinstance(number, int) for number in record[:2])
        and isinstance(record[2], list)
        and all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) for s in pair)
            for pair in record[2]
        )
    )

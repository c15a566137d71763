"""Skip rendering a page whose inputs have not changed since it was last rendered.

:func:`babelpress.render.all_pages.render_all` runs before every ``mkdocs build``; most builds
change nothing, so re-parsing every German page and every catalogue would only
repeat work.  For each generated page the cache keeps a key -- a hash of the
German page, its catalogue, the site's words of its language, the settings, the
mode and the babelpress code (the content of its files) -- the hash of the
Markdown that was written, and what the page reported (reviewed share, drafts,
fallbacks, warnings).  A page is skipped only when its key is the same and the file
on disk still has the recorded content; the warnings are reported again, so a
strict build fails on a cached page as it did the first time.

An entry can also keep *facts*: what a caller worked out from the written page
once (the MkDocs plugin keeps what the site's listings need of it, so that a
build does not read and parse the page's front matter again).  They belong to the
recorded content and go with it: a page written anew has none until they are kept.

The cache lives in ``locale/.babelpress-render.json`` (ignored by git); deleting it
is always safe.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from babelpress.config import Settings
from babelpress.fsutil import OutsideProject, atomic_write
from babelpress.fsutil import read_bytes as read_confined

CACHE_NAME = ".babelpress-render.json"
_PACKAGE = Path(__file__).resolve().parent


class RenderCache:
    """Keys and results of the pages rendered last time, by generated file."""

    def __init__(self, settings: Settings, mode: str) -> None:
        self.path = settings.locale_path / CACHE_NAME
        self.root = settings.root
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        self._base = _digest(repr(settings), mode, _code_stamp())
        try:
            data = json.loads(read_confined(self.path, root=self.root))
            if isinstance(data, dict):
                self.entries = data
        except (OSError, ValueError, RecursionError, OutsideProject):
            self.entries = {}  # a cache that cannot be read is rebuilt

    def key(self, source: bytes | None, catalogue: bytes | None, words: str = "") -> str:
        """The key of a page rendered from *source* and *catalogue* with the site's *words*
        (their fingerprint: the notices are made of them)."""
        source_hash = hashlib.sha256(source).hexdigest() if source is not None else "-"
        catalogue_hash = hashlib.sha256(catalogue).hexdigest() if catalogue is not None else "-"
        return _digest(self._base, source_hash, catalogue_hash, words)

    def lookup(self, target: Path, key: str) -> tuple[Any, ...] | None:
        """The fields of the page's PageSummary if *target* is up to date for *key*."""
        entry = self.entries.get(self._name(target))
        if not entry or entry.get("key") != key:
            return None
        try:
            data = read_bytes(target, self.root)
        except OutsideProject:
            return None
        if data is None or _digest_bytes(data) != entry.get("output"):
            return None
        return (
            float(entry["reviewed_share"]),
            bool(entry["has_drafts"]),
            int(entry["fallbacks"]),
            [str(warning) for warning in entry["warnings"]],
            bool(entry["published"]),
        )

    def facts(self, target: Path) -> Any:
        """The facts kept with *target*'s entry (None: none); ask after :meth:`lookup`."""
        entry = self.entries.get(self._name(target))
        return entry.get("facts") if entry else None

    def keep_facts(self, target: Path, facts: Any) -> None:
        """Keep *facts* (JSON values) about the page recorded for *target*."""
        entry = self.entries.get(self._name(target))
        if entry is not None and entry.get("facts") != facts:
            entry["facts"] = facts
            self.changed = True

    def store(self, target: Path, key: str, page: Any) -> None:
        """Record *page* (a RenderedPage) as rendered from the inputs of *key*."""
        entry = {
            "key": key,
            "output": _digest(page.markdown),
            "reviewed_share": page.reviewed_share,
            "has_drafts": page.has_drafts,
            "fallbacks": page.fallbacks,
            "warnings": list(page.warnings),
            "published": page.published,
        }
        name = self._name(target)
        if self.entries.get(name) != entry:
            self.entries[name] = entry
            self.changed = True

    def save(self) -> None:
        if self.changed and self.path.parent.is_dir():
            # the facts hold titles and leads: as UTF-8, not \u escapes (half the size);
            # one line per page, not indented: json's C encoder does not indent
            text = "{\n" + ",\n".join(
                f"{json.dumps(name, ensure_ascii=False)}:"
                f"{json.dumps(self.entries[name], sort_keys=True, ensure_ascii=False)}"
                for name in sorted(self.entries)
            ) + "\n}"
            atomic_write(self.path, text + "\n", durable=False, root=self.root)
            self.changed = False

    def _name(self, target: Path) -> str:
        return target.relative_to(self.root).as_posix()


def read_bytes(path: Path, root: Path | None = None) -> bytes | None:
    """The bytes of *path*, None if it cannot be read; confined to *root* when given."""
    try:
        return read_confined(path, root=root)
    except OSError:
        return None


def _digest_bytes(data: bytes) -> str:
    """:func:`_digest` of the text whose UTF-8 encoding is *data*, without decoding it."""
    sha = hashlib.sha256(data)
    sha.update(b"\0")
    return sha.hexdigest()


def _digest(*parts: str) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode("utf-8", "surrogatepass"))
        sha.update(b"\0")
    return sha.hexdigest()


def _code_stamp() -> str:
    """A digest of the package's files: new code or data, new keys.

    Their content, not their modification times: a fresh checkout or a reinstall of
    the same code keeps every key (hashing the package takes about a millisecond).
    """
    sha = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        sha.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
        sha.update(read_bytes(path) or b"")
        sha.update(b"\0")
    return sha.hexdigest()

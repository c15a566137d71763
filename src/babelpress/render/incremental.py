"""What one save changed, for the live preview: the pages to render and build again.

``mkdocs serve`` rebuilds the whole site for every save it notices.  The preview
(:mod:`babelpress.preview`) rebuilds only the pages a save changed when pages are
all it changed; this module tells what changed, and renders those pages.

1. A :class:`Snapshot` records the modification time and size of every file a
   build reads: the German pages, the catalogues of the target languages, the
   rendered pages, every other file under ``docs/``, and the files the caller adds
   (``mkdocs.yml``, the theme, MkDocs' ``watch`` list).  Hidden files are left out,
   as everywhere in babelpress (:mod:`babelpress.project`).
2. :func:`changes` compares two snapshots.  A changed German page changes that page
   in every language; a changed catalogue changes its page in its language; a
   rendered page changed or deleted by someone else is rendered again.  Anything
   else -- a page or catalogue added or removed, ``mkdocs.yml``, the theme, an
   image, or snapshots of different folders -- asks for a full build: the preview
   never guesses.  No difference at all is reported as such; the caller decides.
   A page or catalogue whose content the caller recorded (:meth:`Snapshot.remember`,
   for the files a preview update renders) and that holds the same bytes again is
   no change: an editor that saves in two steps (truncate, then write) stamps the
   file twice, and the watcher may wake the builder for each.
3. :func:`render_changed` renders the changed pages into their target languages;
   the render cache still skips a language whose inputs turn out the same.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from babelpress import project
from babelpress.config import Settings
from babelpress.fsutil import OutsideProject
from babelpress.render.all_pages import Mode, Report, render_pages
from babelpress.render.cache import read_bytes

#: (modification time in ns, size) of a file
Stamp = tuple[int, int]
PAGE, CATALOGUE, RENDERED, OTHER = "page", "catalogue", "rendered", "other"
_Found = TypeVar("_Found")


@dataclass(frozen=True)
class Kind:
    """What a file is to a build: a page's source, catalogue or rendering, or other."""

    what: str
    slug: str = ""
    language: str = ""


@dataclass
class Snapshot:
    """Stamps and kinds of the files a build reads (see the module docstring)."""

    stamps: dict[Path, Stamp] = field(default_factory=dict)
    kinds: dict[Path, Kind] = field(default_factory=dict)
    #: the folders and files looked at besides the pages and catalogues
    roots: frozenset[Path] = frozenset()
    #: digests of the content of files as a build read them (see :meth:`remember`)
    digests: dict[Path, str] = field(default_factory=dict)

    def restamp(self, paths: Iterable[Path]) -> None:
        """Record *paths* as they are now (files this process has just written)."""
        _record(self.stamps, paths, _stamp)

    def remember(self, paths: Iterable[Path], root: Path) -> None:
        """Record the content of *paths* in the project at *root* (read before a build
        reads them, so a write in between is seen as a change, never missed)."""
        _record(self.digests, paths, lambda path: _digest(path, root))


@dataclass(frozen=True)
class Changes:
    """What changed between two snapshots."""

    #: slug -> the languages whose page changed (the source language included)
    pages: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: why only a full build will do (None: the changed pages are everything)
    full: str | None = None

    @property
    def none(self) -> bool:
        """Nothing changed at all."""
        return not self.pages and self.full is None


def snapshot(settings: Settings, others: Iterable[Path] = ()) -> Snapshot:
    """The stamps of every file a build of the site reads (see the module docstring)."""
    kinds: dict[Path, Kind] = {}
    slugs = set()
    for page in project.pages(settings):
        kinds[page.source] = Kind(PAGE, page.slug)
        slugs.add(page.slug)
    for language in settings.languages:
        for slug, path in project.catalogues(settings, language):
            kinds[path] = Kind(CATALOGUE, slug, language)
        for slug, path in project.rendered_pages(settings, language):
            if slug in slugs:
                kinds[path] = Kind(RENDERED, slug, language)
    roots = frozenset(Path(path) for path in (settings.docs_path, *others))
    for root in sorted(roots):
        for path in project.visible_files(root):
            kinds.setdefault(path, Kind(OTHER))
    stamps = {path: stamp for path in kinds if (stamp := _stamp(path)) is not None}
    return Snapshot(stamps, kinds, roots)


def changes(old: Snapshot, new: Snapshot, settings: Settings) -> Changes:
    """The pages that changed from *old* to *new*, or why a full build is needed."""
    if old.roots != new.roots:
        return Changes(full="other folders are watched now")
    everyone = frozenset((settings.source_language, *settings.languages))
    pages: dict[str, set[str]] = {}
    for path in sorted(old.stamps.keys() | new.stamps.keys()):
        before, after = old.stamps.get(path), new.stamps.get(path)
        if before == after or _same_content(path, old.digests.get(path), after, settings.root):
            continue
        kind = new.kinds.get(path) or old.kinds[path]
        if kind.what == RENDERED:
            pages.setdefault(kind.slug, set()).add(kind.language)
            continue
        if before is None or after is None or kind.what == OTHER:
            verb = "added" if before is None else "removed" if after is None else "changed"
            return Changes(full=f"{_show(path, settings)} {verb}")
        languages = everyone if kind.what == PAGE else {kind.language}
        pages.setdefault(kind.slug, set()).update(languages)
    return Changes(pages={slug: frozenset(langs) for slug, langs in sorted(pages.items())})


def render_changed(settings: Settings, changed: Changes, mode: Mode = "serve") -> Report:
    """Render each changed page into its changed target languages."""
    work = []
    for slug, languages in changed.pages.items():
        targets = [language for language in settings.languages if language in languages]
        if targets:
            work.append((project.Page(slug, project.source_path(settings, slug)), targets))
    return render_pages(settings, work, mode=mode)


def _record(
    table: dict[Path, _Found], paths: Iterable[Path], measure: Callable[[Path], _Found | None]
) -> None:
    """``measure(path)`` of each of *paths* into *table*; a file that is gone leaves it."""
    for path in paths:
        found = measure(path)
        if found is None:
            table.pop(path, None)
        else:
            table[path] = found


def _stamp(path: Path) -> Stamp | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def _digest(path: Path, root: Path) -> str | None:
    """The digest of *path*'s content, read as the render reads it (confined to *root*)."""
    try:
        data = read_bytes(path, root)
    except OutsideProject:
        return None
    return None if data is None else hashlib.sha256(data).hexdigest()


def _same_content(path: Path, digest: str | None, stamp: Stamp | None, root: Path) -> bool:
    """Whether *path* (now stamped *stamp*) holds the content recorded as *digest*."""
    return digest is not None and stamp is not None and _digest(path, root) == digest


def _show(path: Path, settings: Settings) -> str:
    try:
        return path.relative_to(settings.root).as_posix()
    except ValueError:
        return str(path)

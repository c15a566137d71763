"""What the project is: its pages, where each page's files live, and the lock.

This is the one answer to "what is a page?" and "where is its catalogue?"; every
command and the MkDocs plugin ask it, and nothing else walks the folders.

1. A page is a ``*.md`` file under ``docs/<source_language>/``, in any subfolder.
   Its slug is its path there without ``.md`` (``dossier/teil-eins``).
2. Hidden files and folders (a name starting with ``.``) are not pages, and a
   catalogue under a hidden folder is not a catalogue: MkDocs leaves them out of
   the site (its ``exclude_docs`` default), so babelpress does too, at every step.
3. Symbolic links to folders are not followed (a link cannot pull a tree from
   elsewhere into the project); a linked file is listed like any other, and the
   readers refuse it when it points outside the project.
4. For page *slug* and target language *lang*:
   template ``locale/templates/<slug>.pot``, catalogue
   ``locale/<lang>/LC_MESSAGES/<slug>.po``, rendered page ``docs/<lang>/<slug>.md``.
5. Lists are sorted by slug (the order of ``sorted()`` on the relative paths), so
   every step visits pages in the same order on every machine.
6. A top-level name starting with ``_`` is babelpress's own, never a page's:
   ``_site`` is the gettext domain of the site's own words (notices, labels, the
   404 page: :mod:`babelpress.wordlist`), whose template and catalogues sit beside
   the pages' (``locale/templates/_site.pot``, ``locale/<lang>/LC_MESSAGES/_site.po``)
   so that editors, ``status``, ``check`` and ``translate`` treat them alike.  A page
   ``docs/<source_language>/_x.md`` is refused with an error naming it.
7. One lock file, ``locale/.babelpress.lock``, keeps two runs that write
   catalogues apart.
8. The site generates its front page (``index``) and its archive (``archive/…``)
   in every language: no page's slug is, or starts with, one of
   :data:`GENERATED_NAMES` (a page there takes the generated page's place, with
   a warning from the plugin).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from babelpress.config import Settings
from babelpress.errors import InputError, LockError

#: how long a run waits for another one to release the catalogues
LOCK_TIMEOUT = 300.0
LOCK_NAME = ".babelpress.lock"
PAGE_SUFFIX = ".md"
#: first path components of the pages the site generates in every language
GENERATED_NAMES = ("index", "archive")
#: names MkDocs or the theme give a meaning of their own (``README.md`` is a folder's
#: index page; ``assets/`` and ``search/`` hold the theme's and the search's files)
SPECIAL_NAMES = ("readme", "assets", "search")


def reserved_slugs(settings: Settings) -> frozenset[str]:
    """The slugs no article may have, compared case-folded: the generated pages', the
    special names, and every language's code (``/en/`` is the English site's folder)."""
    codes = (settings.source_language, *settings.languages)
    return frozenset(name.casefold() for name in (*GENERATED_NAMES, *SPECIAL_NAMES, *codes))


#: the catalogue name of the site's own words (see point 6)
SITE_WORDS = "_site"
#: a top-level name starting with this is babelpress's, not a page's
RESERVED_PREFIX = "_"


@dataclass(frozen=True)
class Page:
    """One German page: its slug and the file it is read from."""

    slug: str
    source: Path


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def files_under(folder: Path, suffix: str) -> list[tuple[str, Path]]:
    """``(relative name without suffix, path)`` of every visible *suffix* file, sorted."""
    found: list[tuple[tuple[str, ...], Path]] = []
    _walk(str(folder), (), suffix, found)
    found.sort(key=lambda item: item[0])
    return [("/".join(parts)[: -len(suffix)], path) for parts, path in found]


def visible_files(path: Path) -> list[Path]:
    """Every visible file under the folder *path* (sorted), or ``[path]`` if it is a file."""
    if path.is_file():
        return [path]
    found: list[tuple[tuple[str, ...], Path]] = []
    _walk(str(path), (), "", found)
    found.sort(key=lambda item: item[0])
    return [file for _, file in found]


def _walk(
    folder: str, prefix: tuple[str, ...], suffix: str, found: list[tuple[tuple[str, ...], Path]]
) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        return
    for entry in entries:
        if is_hidden(entry.name):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, (*prefix, entry.name), suffix, found)
            elif entry.name.endswith(suffix) and entry.is_file():
                found.append(((*prefix, entry.name), Path(entry.path)))
        except OSError:
            continue


# ------------------------------------------------------------------ pages
def pages(settings: Settings) -> list[Page]:
    """Every German page of the project, sorted by slug (InputError for a reserved name)."""
    found = files_under(settings.source_docs_path, PAGE_SUFFIX)
    for slug, path in found:
        if is_reserved(slug):
            raise InputError(
                f"a page name may not start with {RESERVED_PREFIX!r} at the top of the folder: "
                "such names are kept for babelpress's own catalogues; rename the page",
                path=path,
            )
    return [Page(slug, path) for slug, path in found]


def is_reserved(slug: str) -> bool:
    """Whether *slug* names one of babelpress's own catalogues, not a page (point 6)."""
    return "/" not in slug and slug.startswith(RESERVED_PREFIX)


def slug_of(settings: Settings, source: Path) -> str:
    """The slug of the German page at *source*."""
    return source.relative_to(settings.source_docs_path).with_suffix("").as_posix()


def source_path(settings: Settings, slug: str) -> Path:
    return settings.source_docs_path / f"{slug}{PAGE_SUFFIX}"


def pot_path(settings: Settings, slug: str) -> Path:
    return settings.templates_path / f"{slug}.pot"


def catalogue_folder(settings: Settings, language: str) -> Path:
    return settings.locale_path / language / "LC_MESSAGES"


def po_path(settings: Settings, language: str, slug: str) -> Path:
    return catalogue_folder(settings, language) / f"{slug}.po"


#: what extract found walking each German page, kept for rendering (a cache)
PARSED_FOLDER = ".babelpress-parsed"


def parsed_folder(settings: Settings) -> Path:
    return settings.locale_path / PARSED_FOLDER


def parsed_path(settings: Settings, slug: str) -> Path:
    return parsed_folder(settings) / f"{slug}.json"


def rendered_folder(settings: Settings, language: str) -> Path:
    return settings.docs_path / language


def rendered_path(settings: Settings, language: str, slug: str) -> Path:
    return rendered_folder(settings, language) / f"{slug}{PAGE_SUFFIX}"


# ------------------------------------------------------------- catalogues
def templates(settings: Settings) -> list[tuple[str, Path]]:
    """``(slug, path)`` of every template present, sorted by slug."""
    return files_under(settings.templates_path, ".pot")


def catalogues(settings: Settings, language: str) -> list[tuple[str, Path]]:
    """``(slug, path)`` of every catalogue of *language* present, sorted by slug."""
    return files_under(catalogue_folder(settings, language), ".po")


def rendered_pages(settings: Settings, language: str) -> list[tuple[str, Path]]:
    """``(slug, path)`` of every page in ``docs/<language>/``, sorted by slug."""
    return files_under(rendered_folder(settings, language), PAGE_SUFFIX)


# ------------------------------------------------------------------- lock
@contextmanager
def lock(settings: Settings, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the one lock on ``locale/`` (waits up to *timeout* seconds, then LockError)."""
    from filelock import FileLock, Timeout

    path = settings.locale_path / LOCK_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        held = FileLock(str(path), timeout=timeout)
        held.acquire()
    except Timeout as exc:
        raise LockError(
            f"another babelpress run has held the catalogues for {timeout:g} s; try again later",
            path=path,
        ) from exc
    except OSError as exc:
        raise LockError(f"cannot take the lock: {exc.strerror or exc}", path=path) from exc
    try:
        yield
    finally:
        held.release()

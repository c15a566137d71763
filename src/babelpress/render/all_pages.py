"""Render translated pages: German Markdown + a catalogue -> ``docs/<lang>/<path>.md``.

Contract:

1. Every German page ``docs/de/<path>.md`` becomes ``docs/<lang>/<path>.md`` for
   each target language.  Each segment of the page is replaced by
   ``segment.restore(msgstr)``; :meth:`Document.render` joins sentences back into
   their paragraphs, so the literal Markdown around the segments (list markers,
   heading marks, attribute lists, blank lines) is kept byte for byte.  The front
   matter keeps its fields, with ``title`` and ``description`` translated, ``lang``
   set to the target and a ``babelpress`` field recording the source page, the
   reviewed share, whether drafts are shown, whether the page is published and,
   when the title is still German, ``title_lang`` (the theme marks the heading).
2. A segment is *reviewed* when its entry has a msgstr and no ``fuzzy`` flag, a
   *draft* when the msgstr is fuzzy, and *missing* otherwise.  Drafts are shown
   when ``publish_drafts`` is on (gettext's rule -- fuzzy is never used -- when it
   is off).  A segment shown in German is wrapped in ``<span lang="de">`` so
   readers' tools and screen readers know its language.  An entry that the
   quality checks block (``qa.render_blockers``) is shown in German too, with a
   warning.
3. The *reviewed share* of a page is the number of German characters (msgid
   length) in reviewed segments divided by all German characters of the page's
   segments, front matter included; it does not depend on how long the
   translations are.  A page that is not fully reviewed shows a notice under its
   title (and kicker), in the page's language, saying how many passages are
   machine drafts, changed in the German since review, other drafts, or German
   (:mod:`babelpress.render.notice`); its words are the site's own
   (:mod:`babelpress.site.words`), read once per language.
4. A page whose share is below ``min_reviewed`` is not published in that language:
   its German original is written in its place, every segment marked ``lang="de"``,
   under a notice "not yet available in <language>" (front matter ``lang`` is still
   the target: the page belongs to that language's site).  The URL, the language
   switcher and the search stay consistent; only the words are German.
5. ``mode="serve"`` (the live preview for editors) always shows drafts and
   ignores ``min_reviewed``; drafts are wrapped in ``<span class="bp-draft">`` and
   German fallbacks carry ``class="bp-fallback"``, so the theme highlights both.
   A page whose catalogue cannot be read opens with an error box naming file, line
   and message (and shows the German); a build reports the error instead.
6. Files are written only when their content changes; a generated page whose
   German source is gone is deleted.  Rendering only reads catalogues.

One page is rendered by :mod:`babelpress.render.page` (points 1-5, re-exported
here); :func:`render_all` does the files (point 6), skips pages whose inputs are
unchanged (:mod:`babelpress.render.cache`) and returns a :class:`Report` with a
:class:`PageSummary` per page -- the pages' text is on disk, not in the report.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babelpress import project
from babelpress.config import Settings
from babelpress.errors import BabelpressError, InputError
from babelpress.fsutil import OutsideProject, atomic_write, folders_remembered, read_text
from babelpress.markdown.units import Document
from babelpress.render.cache import RenderCache, read_bytes
from babelpress.render.page import (
    MARKER,
    Mode,
    MsgKey,
    PageSummary,
    RenderedPage,
    index_catalog,
    msgkey,
    render_page,
)
from babelpress.render.states import held_back_draft
from babelpress.site import words as sitetext

__all__ = [
    "MARKER",
    "Mode",
    "MsgKey",
    "PageResult",
    "PageSummary",
    "RenderedPage",
    "Report",
    "index_catalog",
    "msgkey",
    "read_catalog",
    "render_all",
    "render_page",
    "render_pages",
]


@dataclass(frozen=True)
class PageResult:
    """One generated file: the page's text is on disk, not kept here (memory)."""

    language: str
    source: Path
    target: Path
    written: bool
    page: PageSummary
    #: what *facts* (see render_all) made of the page written, JSON values ({}: nothing)
    facts: Any = None


@dataclass
class Report:
    """What :func:`render_all` did."""

    pages: list[PageResult] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[BabelpressError] = field(default_factory=list)

    @property
    def written(self) -> list[Path]:
        return [result.target for result in self.pages if result.written]



# ------------------------------------------------------------------ all pages
def signature(settings: Settings, mode: str) -> tuple[Any, ...]:
    """Size and modification time of every input and output of rendering.

    Equal signatures mean a render would change nothing, so the plugin skips it.
    """
    listed = [page.source for page in project.pages(settings)]
    for language in settings.languages:
        listed += [path for _, path in project.catalogues(settings, language)]
        listed += [path for _, path in project.rendered_pages(settings, language)]
    stats: list[tuple[str, int, int]] = []
    for path in listed:
        try:
            stat = path.stat()
        except OSError:
            continue
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return (mode, settings, tuple(stats))


#: what a caller wants to know of a page written, as JSON values: from its Markdown, its
#: path and, when the render knows them, the front matter and body the Markdown reads as
FactsOf = Callable[[str, Path, "tuple[dict[str, Any], str] | None"], Any]


def log_warnings(report: Report, log: logging.Logger | logging.LoggerAdapter[Any]) -> None:
    """Each warning of *report* to *log*; a draft kept from readers is information
    (``babelpress check`` lists it for review), so a strict build does not stop on it."""
    for warning in report.warnings:
        (log.info if held_back_draft(warning) else log.warning)(warning)


def render_all(
    settings: Settings,
    *,
    mode: Mode = "build",
    languages: Sequence[str] | None = None,
    facts: FactsOf | None = None,
) -> Report:
    """Render every German page into every target language (or *languages*).

    With *facts*, each :class:`PageResult` carries ``facts(markdown, target, written)`` of the
    page on disk, kept in the render cache with the page, so a page that is not
    rendered again is not read again for them.
    """
    targets = list(languages or settings.languages)
    pages = project.pages(settings)
    work = [(page, targets) for page in pages]
    report = render_pages(settings, work, mode=mode, facts=facts)
    slugs = {page.slug for page in pages}
    for language in targets:
        report.removed += _remove_stale(settings, language, slugs)
    return report


def render_pages(
    settings: Settings,
    work: Sequence[tuple[project.Page, Sequence[str]]],
    *,
    mode: Mode = "build",
    facts: FactsOf | None = None,
) -> Report:
    """Render each page of *work* into its languages (no stale pages are removed).

    The live preview renders only the pages a save changed through this.
    """
    report = Report()
    cache = RenderCache(settings, mode)
    needed = dict.fromkeys(language for _, languages in work for language in languages)
    words = {language: _words(settings, language, mode, report) for language in needed}
    with folders_remembered(), _older_objects_left_alone():
        for page, languages in work:
            _render_one(settings, page, languages, cache, report, mode, words, facts)
        cache.save()
    return report


@contextmanager
def _older_objects_left_alone() -> Iterator[None]:
    """Let the garbage collector look only at objects made during the render.

    Rendering makes many small objects, and so many collections; in a build each of
    the oldest generation's would walk every object MkDocs and its plugins hold.  The
    objects alive before are set aside (``gc.freeze``) and put back afterwards; a
    process that froze objects itself is left as it is.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _words(settings: Settings, language: str, mode: Mode, report: Report) -> sitetext.Words:
    """The site's words for *language*; a catalogue of them that cannot be read is an error."""
    words = sitetext.load(settings, language, drafts=mode == "serve" or settings.publish_drafts)
    report.warnings.extend(words.warnings)
    if words.error is not None:
        report.errors.append(words.error)
    return words


def _render_one(
    settings: Settings,
    page: project.Page,
    languages: Sequence[str],
    cache: RenderCache,
    report: Report,
    mode: Mode,
    words: Mapping[str, sitetext.Words],
    facts: FactsOf | None = None,
) -> None:
    """Render *page* into *languages*, skipping a language whose inputs are unchanged."""
    source = page.source
    doc: Document | None = None
    try:
        german = read_bytes(source, settings.root)
    except OutsideProject as exc:
        report.errors.append(exc)
        return
    for language in languages:
        po_path = project.po_path(settings, language, page.slug)
        try:
            catalogue = read_bytes(po_path, settings.root)
        except OutsideProject as exc:
            report.errors.append(exc)
            catalogue = b""  # refused unread: the page is shown in German
        key = cache.key(german, catalogue, words[language].fingerprint)
        target = project.rendered_path(settings, language, page.slug)
        hit = cache.lookup(target, key)
        if hit is not None:
            summary = PageSummary(*hit)
            report.warnings.extend(summary.warnings)
            known = _known_facts(cache, target, facts, settings.root)
            report.pages.append(PageResult(language, source, target, False, summary, known))
            continue
        if doc is None:
            try:
                doc = _parse(page, german, settings)
            except BabelpressError as exc:
                report.errors.append(exc)
                return
        errors = len(report.errors)
        catalog = _catalog(po_path, catalogue, report, settings.root)
        where = po_path.relative_to(settings.root).as_posix()
        failed = report.errors[errors] if len(report.errors) > errors else words[language].error
        rendered = render_page(
            doc, catalog, language, settings, mode=mode, catalog_path=where,
            words=words[language], catalog_error=failed,
        )  # fmt: skip
        try:
            written = atomic_write(target, rendered.markdown, durable=False, root=settings.root)
        except OutsideProject as exc:
            report.errors.append(exc)
            continue
        report.warnings.extend(rendered.warnings)
        found = None
        if facts is not None:
            found = facts(rendered.markdown, target, rendered.written()) or {}
        report.pages.append(
            PageResult(language, source, target, written, rendered.summary(), found)
        )
        if failed is None:
            cache.store(target, key, rendered)
            cache.keep_facts(target, found)


def _known_facts(cache: RenderCache, target: Path, facts: FactsOf | None, root: Path) -> Any:
    """The facts of the unchanged page *target*: kept in the cache, else found once now."""
    if facts is None:
        return None
    known = cache.facts(target)
    if known is not None:
        return known
    # rendered without them (``babelpress render``): once, from the page as it is
    try:
        data = read_bytes(target, root)
        known = facts(data.decode("utf-8"), target, None) or {} if data is not None else None
    except (OutsideProject, UnicodeDecodeError):
        return None
    cache.keep_facts(target, known)
    return known


def _parse(page: project.Page, data: bytes | None, settings: Settings) -> Document:
    """The page parsed from its bytes *data* (already read for the cache key; None when
    they could not be read: reading again says why), with what ``extract`` found walking
    the same text where it kept that (:mod:`babelpress.markdown.stored`)."""
    from babelpress.markdown import stored
    from babelpress.markdown.reader import parse_walked

    source = page.source
    try:
        text = read_text(source, root=settings.root) if data is None else data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", path=source) from exc
    try:
        kept = read_bytes(project.parsed_path(settings, page.slug), settings.root)
    except OutsideProject:
        kept = None
    doc, _ = parse_walked(
        text,
        path=source.relative_to(settings.root).as_posix(),
        slug=page.slug,
        unit=settings.unit,
        known=stored.known(kept, text, settings.unit),
    )
    return doc


def _catalog(
    path: Path, data: bytes | None, report: Report, root: Path | None = None
) -> dict[MsgKey, Any]:
    """The catalogue *data* read from *path* (none: no catalogue), indexed by msgkey.

    A catalogue that cannot be read or parsed is an error in *report* and counts
    as empty, so its page is still written (all German).
    """
    from babelpress.po.file import parse_po

    try:
        if data is None:
            return index_catalog(read_catalog(path, root)) if path.exists() else {}
        return index_catalog(parse_po(data, path=path))
    except BabelpressError as exc:
        report.errors.append(exc)
        return {}


def read_catalog(path: Path, root: Path | None = None) -> Iterable[Any]:
    """The entries of the PO file at *path* (a :class:`CatalogError` if malformed)."""
    from babelpress.po.file import read_po

    return read_po(path, root=root)


def _remove_stale(settings: Settings, language: str, slugs: set[str]) -> list[Path]:
    """Delete the generated pages of *language* whose German page is gone."""
    removed = []
    for slug, path in project.rendered_pages(settings, language):
        if slug not in slugs and _is_generated(path, settings.root):
            path.unlink()
            removed.append(path)
    return removed


def _is_generated(path: Path, root: Path) -> bool:
    try:
        head = read_text(path, root=root)[:4096]
    except (OSError, UnicodeDecodeError, OutsideProject):
        return False
    return head.startswith("---\n") and f"\n{MARKER}:\n" in head.split("\n---\n", 1)[0] + "\n"

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
   title (and kicker), in the page's language, with the share rounded down.
4. A page whose share is below ``min_reviewed`` is not published in that language:
   its German original is written in its place, every segment marked ``lang="de"``,
   under a notice "not yet available in <language>" (front matter ``lang`` is still
   the target: the page belongs to that language's site).  The URL, the language
   switcher and the search stay consistent; only the words are German.
5. ``mode="serve"`` (the live preview for editors) always shows drafts and
   ignores ``min_reviewed``; drafts are wrapped in ``<span class="bp-draft">`` and
   German fallbacks carry ``class="bp-fallback"``, so the theme highlights both.
6. Files are written only when their content changes; a generated page whose
   German source is gone is deleted.  Rendering only reads catalogues.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from babelpress import frontmatter, sitetext
from babelpress.config import Settings
from babelpress.errors import BabelpressError, InputError
from babelpress.fsutil import atomic_write
from babelpress.render_cache import RenderCache, read_bytes
from babelpress.units import Document, Segment

Mode = Literal["build", "serve"]
MsgKey = tuple[str | None, str]
#: front-matter field naming the German page a file was rendered from
MARKER = "babelpress"
#: segment kinds that cannot carry an HTML wrapper (attribute values)
_PLAIN_KINDS = frozenset({"title", "description", "image alt text"})
_H1 = re.compile(r"^#[ \t]+\S.*\n(?:[ \t]*\n)?", re.MULTILINE)
#: a kicker paragraph (``{: .kicker }``) opening the body: the notice goes under it
_KICKER = re.compile(r"\A\n*(?:[^\n]+\n)+?\{:[^}\n]*\.kicker\b[^}\n]*\}[ \t]*\n(?:[ \t]*\n)?")

REVIEWED, DRAFT, MISSING = "reviewed", "draft", "missing"


@dataclass(frozen=True)
class PageSummary:
    """What rendering one page into one language found, without the page's text."""

    #: reviewed share in percent (0-100), see the module docstring
    reviewed_share: float
    #: the catalogue still has machine drafts (fuzzy) for this page
    has_drafts: bool
    #: number of segments shown in German
    fallbacks: int
    warnings: list[str] = field(default_factory=list)
    #: False when the page is below ``min_reviewed`` and shown in German
    published: bool = True


@dataclass(frozen=True)
class RenderedPage(PageSummary):
    """One page rendered into one language: its summary and its Markdown."""

    markdown: str = field(kw_only=True)

    def summary(self) -> PageSummary:
        return PageSummary(
            self.reviewed_share, self.has_drafts, self.fallbacks, self.warnings, self.published
        )


@dataclass(frozen=True)
class PageResult:
    """One generated file: the page's text is on disk, not kept here (memory)."""

    language: str
    source: Path
    target: Path
    written: bool
    page: PageSummary


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


# ------------------------------------------------------------------ one page
def render_page(
    doc: Document,
    catalog_by_msgkey: Mapping[MsgKey, Any],
    language: str,
    settings: Settings,
    *,
    mode: Mode = "build",
    catalog_path: str | None = None,
) -> RenderedPage:
    """Render *doc* into *language* from a catalogue indexed by ``(msgctxt, msgid)``.

    The catalogue values are PO entries (anything with ``msgstr`` and ``flags``);
    *catalog_path* names the catalogue in warnings.
    """
    blockers = _qa_hook()
    warnings: list[str] = []
    states: dict[MsgKey, tuple[str, str]] = {}
    for segment in doc.segments():
        key = msgkey(segment)
        if key not in states:
            entry = catalog_by_msgkey.get(key)
            states[key] = _state(entry, language, blockers, warnings, catalog_path)
    share = _reviewed_share(doc.segments(), states)
    has_drafts = any(state == DRAFT for state, _ in states.values())
    published = mode == "serve" or share >= settings.min_reviewed
    show_drafts = mode == "serve" or settings.publish_drafts

    fallbacks = 0

    def choose(segment: Segment) -> tuple[str, str]:
        nonlocal fallbacks
        state, msgstr = states[msgkey(segment)]
        if published and (state == REVIEWED or (state == DRAFT and show_drafts)):
            return state, _restore(segment, msgstr)
        fallbacks += 1
        return MISSING, segment.source

    def body_text(segment: Segment) -> str:
        state, text = choose(segment)
        return _wrap(segment, state, text, mode, settings.source_language)

    meta_states = {segment.kind: choose(segment) for segment in doc.meta_segments}
    meta = {kind: text for kind, (_, text) in meta_states.items()}
    title_in_german = meta_states.get("title", (REVIEWED, ""))[0] == MISSING
    body = doc.render(body_text)
    total = sum(1 for _ in doc.segments())
    if fallbacks == total and total:
        kind = "unavailable"
    elif has_drafts and show_drafts:
        kind = "draft"
    else:
        kind = "partial" if share < 100.0 or fallbacks else ""
    notice = _notice(kind, language, share, settings, mode)
    review = {
        "source": doc.path,
        "reviewed": int(share),
        "drafts": has_drafts and show_drafts,
        "published": published,
    }
    if title_in_german:
        review["title_lang"] = settings.source_language
    front = _front_matter(doc, meta, language, review)
    markdown = front + _insert_notice(body, notice)
    return RenderedPage(share, has_drafts, fallbacks, warnings, published, markdown=markdown)


def msgkey(segment: Segment) -> MsgKey:
    """The catalogue key of *segment*: ``(msgctxt, msgid)``."""
    return (segment.context or None, segment.msgid)


def index_catalog(entries: Iterable[Any]) -> dict[MsgKey, Any]:
    """Index PO entries by ``(msgctxt, msgid)``; obsolete entries and the header are left out."""
    index: dict[MsgKey, Any] = {}
    for entry in entries:
        if getattr(entry, "obsolete", False) or not entry.msgid:
            continue
        index[(entry.msgctxt or None, entry.msgid)] = entry
    return index


def _state(
    entry: Any,
    language: str,
    blockers: Callable[[Any, str], list[Any]],
    warnings: list[str],
    catalog_path: str | None,
) -> tuple[str, str]:
    if entry is None or not entry.msgstr:
        return MISSING, ""
    problems = blockers(entry, language)
    if problems:
        line = getattr(entry, "linenum", None)
        where = f"{catalog_path or language}{f':{line}' if line else ''}: "
        warnings.extend(f"{where}{problem} -- shown in German" for problem in problems)
        return MISSING, ""
    return (DRAFT if "fuzzy" in entry.flags else REVIEWED), entry.msgstr


def _reviewed_share(segments: Iterable[Segment], states: Mapping[MsgKey, tuple[str, str]]) -> float:
    total = reviewed = 0
    for segment in segments:
        weight = len(segment.msgid)
        total += weight
        if states[msgkey(segment)][0] == REVIEWED:
            reviewed += weight
    return 100.0 if total == 0 else 100.0 * reviewed / total


def _restore(segment: Segment, msgstr: str) -> str:
    text = segment.restore(msgstr)
    if "\n" not in segment.source:
        # a line break the German did not have would end a heading or split a cell
        text = " ".join(part.strip() for part in text.splitlines())
    return text


def _wrap(segment: Segment, state: str, text: str, mode: Mode, source_language: str) -> str:
    if segment.kind in _PLAIN_KINDS or not text.strip():
        return text
    if state == MISSING:
        css = ' class="bp-fallback"' if mode == "serve" else ""
        return f'<span lang="{source_language}"{css}>{text}</span>'
    if state == DRAFT and mode == "serve":
        return f'<span class="bp-draft">{text}</span>'
    return text


# ------------------------------------------------------------ notice, front matter
def _notice(kind: str, language: str, share: float, settings: Settings, mode: Mode) -> str:
    """The review notice of *kind* as a Markdown admonition ("" for no notice)."""
    if not kind:
        return ""
    words = sitetext.texts(language)
    css = {"unavailable": "note", "draft": "warning", "partial": "info"}[kind]
    percent = sitetext.percent(share, language)
    title = words[f"{kind}.title"].format(share=percent)
    lines = [f'!!! {css} bp-notice "{title}"', f"    {words[f'{kind}.body']}"]
    if mode == "serve":
        preview = words["preview"]
        if settings.min_reviewed > 0:
            minimum = sitetext.percent(settings.min_reviewed, language)
            preview += " " + words["preview.min"].format(min=minimum)
        lines += ["", f"    {preview}"]
    return "\n".join(lines) + "\n\n"


def _insert_notice(body: str, notice: str) -> str:
    """Put *notice* under the page's H1, else under an opening kicker, else at the top."""
    if not notice:
        return body
    match = _H1.search(body) or _KICKER.match(body)
    if match is None:
        return notice + body
    end = match.end()
    gap = "" if match.group(0).endswith("\n\n") else "\n"
    return body[:end] + gap + notice + body[end:]


def _front_matter(
    doc: Document, meta: Mapping[str, str], language: str, review: dict[str, Any]
) -> str:
    data = dict(doc.front_matter)
    for key, value in meta.items():
        if key in data:
            data[key] = value
    data["lang"] = language
    data[MARKER] = review
    return f"---\n{frontmatter.dump(data)}---\n"


def _qa_hook() -> Callable[[Any, str], list[Any]]:
    """``qa.render_blockers(entry, lang)`` if the quality checks provide it."""
    try:
        qa = importlib.import_module("babelpress.qa")
    except ImportError:
        return _no_blockers
    hook = getattr(qa, "render_blockers", None)
    return hook if callable(hook) else _no_blockers


def _no_blockers(entry: Any, language: str) -> list[Any]:
    return []


# ------------------------------------------------------------------ all pages
def render_all(
    settings: Settings,
    *,
    mode: Mode = "build",
    languages: Sequence[str] | None = None,
) -> Report:
    """Render every German page into every target language (or *languages*)."""
    from babelpress.markdown import parse

    report = Report()
    targets = list(languages or settings.languages)
    sources = source_pages(settings)
    cache = RenderCache(settings, mode)
    for source in sources:
        doc: Document | None = None
        german = read_bytes(source)
        for language in targets:
            key = cache.key(german, read_bytes(settings.po_path(language, _slug(source, settings))))
            target = target_path(settings, source, language)
            hit = cache.lookup(target, key)
            if hit is not None:
                summary = PageSummary(*hit)
                report.warnings.extend(summary.warnings)
                report.pages.append(PageResult(language, source, target, False, summary))
                continue
            if doc is None:
                try:
                    doc = _parse(parse, source, settings)
                except BabelpressError as exc:
                    report.errors.append(exc)
                    break
            errors = len(report.errors)
            page = _render_one(doc, source, language, settings, mode, report)
            if len(report.errors) == errors:
                cache.store(target, key, page)
    cache.save()
    for language in targets:
        report.removed += _remove_stale(settings, language, sources)
    return report


def source_pages(settings: Settings) -> list[Path]:
    """The German Markdown pages, sorted; hidden files and folders left out."""
    root = settings.source_docs_path
    if not root.is_dir():
        return []
    return sorted(
        path
        for path in root.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(root).parts)
    )


def target_path(settings: Settings, source: Path, language: str) -> Path:
    return settings.target_docs_path(language) / source.relative_to(settings.source_docs_path)


def _slug(source: Path, settings: Settings) -> str:
    return source.relative_to(settings.source_docs_path).with_suffix("").as_posix()


def _parse(parse: Callable[..., Document], source: Path, settings: Settings) -> Document:
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", path=source) from exc
    return parse(
        text,
        path=source.relative_to(settings.root).as_posix(),
        slug=_slug(source, settings),
        unit=settings.unit,
    )


def _render_one(
    doc: Document, source: Path, language: str, settings: Settings, mode: Mode, report: Report
) -> RenderedPage:
    po_path = settings.po_path(language, doc.slug)
    try:
        catalog = index_catalog(read_catalog(po_path)) if po_path.exists() else {}
    except BabelpressError as exc:
        report.errors.append(exc)
        catalog = {}
    where = po_path.relative_to(settings.root).as_posix()
    page = render_page(doc, catalog, language, settings, mode=mode, catalog_path=where)
    target = target_path(settings, source, language)
    written = atomic_write(target, page.markdown, durable=False)
    report.warnings.extend(page.warnings)
    report.pages.append(PageResult(language, source, target, written, page.summary()))
    return page


def read_catalog(path: Path) -> Iterable[Any]:
    """The entries of the PO file at *path* (a :class:`CatalogError` if malformed)."""
    from babelpress.pofile import read_po

    return read_po(path)


def _remove_stale(settings: Settings, language: str, sources: Sequence[Path]) -> list[Path]:
    """Delete generated pages of *language* whose German source is gone."""
    folder = settings.target_docs_path(language)
    if not folder.is_dir():
        return []
    expected = {target_path(settings, source, language) for source in sources}
    removed = []
    for path in sorted(folder.rglob("*.md")):
        if path not in expected and _is_generated(path):
            path.unlink()
            removed.append(path)
    return removed


def _is_generated(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8")[:4096]
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith("---\n") and f"\n{MARKER}:\n" in head.split("\n---\n", 1)[0] + "\n"

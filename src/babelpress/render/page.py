"""Render one German page into one language from its catalogue.

The single-page half of :mod:`babelpress.render.all_pages`, whose module docstring states
the contract (points 1-5: segments replaced, reviewed / draft / missing, the
reviewed share, ``min_reviewed``, the live preview's highlighting).
:func:`render_page` reads nothing and writes nothing: it gets the parsed page and
the catalogue indexed by ``(msgctxt, msgid)`` and returns the page's Markdown with
what the caller reports about it (:class:`PageSummary`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import polib

from babelpress.config import Settings
from babelpress.markdown.units import Document, Segment
from babelpress.qa import render_blockers
from babelpress.render import frontmatter
from babelpress.site import words as sitetext

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
#: the admonition type of each notice, which gives it material's colour and icon
_NOTICE_CLASSES = {"unavailable": "note", "draft": "warning", "partial": "info"}


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
    warnings: list[str] = []
    states: dict[MsgKey, tuple[str, str]] = {}
    for segment in doc.segments():
        key = msgkey(segment)
        if key not in states:
            entry = catalog_by_msgkey.get(key)
            states[key] = _state(entry, language, warnings, catalog_path)
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


def index_catalog(entries: Iterable[polib.POEntry]) -> dict[MsgKey, polib.POEntry]:
    """Index PO entries by ``(msgctxt, msgid)``; obsolete entries and the header are left out."""
    index: dict[MsgKey, Any] = {}
    for entry in entries:
        if getattr(entry, "obsolete", False) or not entry.msgid:
            continue
        index[(entry.msgctxt or None, entry.msgid)] = entry
    return index


def _state(
    entry: polib.POEntry | None,
    language: str,
    warnings: list[str],
    catalog_path: str | None,
) -> tuple[str, str]:
    if entry is None or not entry.msgstr:
        return MISSING, ""
    problems = render_blockers(entry, language)
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
    """The review notice of *kind* as an HTML block ("" for no notice).

    Plain HTML, not the admonition extension's ``!!!`` syntax: it needs no Markdown
    extension, so it shows the same under any MkDocs configuration, and it is exactly
    the markup the admonition extension writes, which mkdocs-material styles by its
    classes alone.  Every text is escaped.
    """
    if not kind:
        return ""
    words = sitetext.texts(language)
    css = _NOTICE_CLASSES[kind]
    percent = sitetext.percent(share, language)
    title = words[f"{kind}.title"].format(share=percent)
    paragraphs = [words[f"{kind}.body"]]
    if mode == "serve":
        preview = words["preview"]
        if settings.min_reviewed > 0:
            minimum = sitetext.percent(settings.min_reviewed, language)
            preview += " " + words["preview.min"].format(min=minimum)
        paragraphs.append(preview)
    lines = [
        f'<div class="admonition {css} bp-notice">',
        f'<p class="admonition-title">{_text(title)}</p>',
        *(f"<p>{_text(paragraph)}</p>" for paragraph in paragraphs),
        "</div>",
    ]
    return "\n".join(lines) + "\n\n"


def _text(text: str) -> str:
    """*text* as HTML element content (quotes need no escaping there)."""
    return html.escape(text, quote=False)


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




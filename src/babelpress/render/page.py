"""Render one German page into one language from its catalogue.

The single-page half of :mod:`babelpress.render.all_pages`, whose module docstring states
the contract (points 1-5: segments replaced, reviewed / draft / missing, the
reviewed share, ``min_reviewed``, the live preview's highlighting).
:func:`render_page` writes nothing and reads nothing but the site's words when the
caller does not pass them: it gets the parsed page and the catalogue indexed by
``(msgctxt, msgid)`` and returns the page's Markdown with what the caller reports
about it (:class:`PageSummary`).  What each segment shows is decided by
:class:`~babelpress.render.states.PageStates`; the notice under the title is made by
:mod:`babelpress.render.notice`, and in the live preview a catalogue that cannot be
read opens the page with an error box instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from babelpress.config import Settings
from babelpress.errors import BabelpressError
from babelpress.markdown.units import Document, Segment
from babelpress.render import frontmatter
from babelpress.render.notice import error_box, review_notice
from babelpress.render.states import (
    DRAFT,
    MISSING,
    REVIEWED,
    Mode,
    MsgKey,
    PageStates,
    index_catalog,
    msgkey,
)
from babelpress.site import words as sitetext

__all__ = [
    "DRAFT",
    "MARKER",
    "MISSING",
    "REVIEWED",
    "Mode",
    "MsgKey",
    "PageSummary",
    "RenderedPage",
    "index_catalog",
    "msgkey",
    "render_page",
]

#: front-matter field naming the German page a file was rendered from
MARKER = "babelpress"
#: the byline's names: no translation work, so they do not decide whether a page is machine-made
_NAME_KINDS = frozenset({"author", "contributors", "translator", "source"})
#: segment kinds that cannot carry an HTML wrapper (attribute and front-matter values)
_PLAIN_KINDS = frozenset({"title", "description", "image alt text", *_NAME_KINDS})
_H1 = re.compile(r"^#[ \t]+\S.*\n(?:[ \t]*\n)?", re.MULTILINE)
#: a kicker paragraph (``{: .kicker }``) opening the body: the notice goes under it
_KICKER = re.compile(r"\A\n*(?:[^\n]+\n)+?\{:[^}\n]*\.kicker\b[^}\n]*\}[ \t]*\n(?:[ \t]*\n)?")


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
    #: the front matter written, when reading it back from the text gives the same
    #: values (see :func:`~babelpress.render.frontmatter.reads_back`), else None
    meta: dict[str, Any] | None = field(default=None, kw_only=True)
    #: where the body starts in :attr:`markdown`
    body_start: int = field(default=0, kw_only=True)

    def written(self) -> tuple[dict[str, Any], str] | None:
        """The front matter and body reading :attr:`markdown` gives, if known without reading."""
        if self.meta is None:
            return None
        body = self.markdown[self.body_start :]
        if "\r" in body:  # as reading the page as text gives it
            body = body.replace("\r\n", "\n").replace("\r", "\n")
        return self.meta, body

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
    words: sitetext.Words | None = None,
    catalog_error: BabelpressError | None = None,
) -> RenderedPage:
    """Render *doc* into *language* from a catalogue indexed by ``(msgctxt, msgid)``.

    The catalogue values are PO entries (anything with ``msgstr`` and ``flags``);
    *catalog_path* names the catalogue in warnings.  *words* are the site's words for
    *language* (read from the project when not given).  *catalog_error* is why the
    catalogue could not be read: in the live preview the page opens with it.
    """
    if words is None:
        drafts = mode == "serve" or settings.publish_drafts
        words = sitetext.load(settings, language, drafts=drafts)
    states = PageStates(
        doc, catalog_by_msgkey, language, settings, mode=mode, catalog_path=catalog_path
    )

    def body_text(segment: Segment) -> str:
        state, text = states.choose(segment)
        return _wrap(segment, state, text, mode, settings.source_language)

    meta_states = [states.choose(segment) for segment in doc.meta_segments]
    meta = {doc.meta_place(i): text for i, (_, text) in enumerate(meta_states)}
    if doc.description_from_lead:
        meta[("description", None)] = description_of_lead(doc, states)
    title_in_german = any(
        state == MISSING and doc.meta_place(i)[0] == "title"
        for i, (state, _) in enumerate(meta_states)
    )
    body = doc.render(body_text)
    counts = states.counts()
    total = len(states.segments)
    unavailable = not states.published or (states.fallbacks == total and total > 0)
    notice = review_notice(
        counts, words, unavailable=unavailable, mode=mode, min_reviewed=settings.min_reviewed
    )
    if catalog_error is not None and mode == "serve":
        # the editor's broken file, not "not yet available", is what the page is about
        body, notice = error_box(catalog_error, words, str(settings.root)) + body, ""
    review = {
        "source": doc.path,
        "reviewed": int(states.share),
        "drafts": states.has_drafts and states.show_drafts,
        "published": states.published,
    }
    if states.counts(leave_out=_NAME_KINDS).all_machine:
        review["machine"] = True  # the byline credits the machine: the page's text is all MT
    if title_in_german:
        review["title_lang"] = settings.source_language
    if _lead_in_german(doc, states, meta_states):
        review["lead_lang"] = settings.source_language
    data = _front_data(doc, meta, language, review)
    front = f"---\n{frontmatter.dump(data)}---\n"
    markdown = front + _insert_notice(body, notice)
    return RenderedPage(
        states.share,
        states.has_drafts,
        states.fallbacks,
        states.warnings,
        states.published,
        markdown=markdown,
        meta=data if frontmatter.reads_back(data) else None,
        body_start=len(front),
    )


# ------------------------------------------------------------------ the lead
def lead_markdown(doc: Document, states: PageStates) -> str | None:
    """The page's first paragraph as the page shows it (German parts marked), or None."""
    if doc.lead is None:
        return None
    out = []
    for part in doc.lead_parts():
        if isinstance(part, str):
            out.append(part)
        else:
            state, text = states.text(part)
            out.append(_wrap(part, state, text, states.mode, states.source_language))
    return "".join(out)


def _lead_in_german(
    doc: Document, states: PageStates, meta_states: list[tuple[str, str]]
) -> bool:
    """Whether the page's description (its lead) is shown all in the original: listings
    then mark it with the original's language."""
    if doc.description_from_lead:
        shown = [states.text(part)[0] for part in doc.lead_parts() if not isinstance(part, str)]
    else:
        shown = [
            state
            for i, (state, _) in enumerate(meta_states)
            if doc.meta_place(i)[0] == "description"
        ]
    return bool(shown) and all(state == MISSING for state in shown)


def description_of_lead(doc: Document, states: PageStates) -> str:
    """The ``description`` made of the lead's own units: one line, no HTML.

    The German description was the lead's Markdown, or its plain text (see
    :mod:`babelpress.markdown.reader`); the translation is written the same way.
    """
    from babelpress.markdown.reader import unescape

    text = "".join(
        part if isinstance(part, str) else states.text(part)[1] for part in doc.lead_parts()
    )
    text = " ".join(text.split())
    return unescape(text) if doc.description_from_lead == "plain" else text


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
def _insert_notice(body: str, notice: str) -> str:
    """Put *notice* under the page's H1, else under an opening kicker, else at the top."""
    if not notice:
        return body
    match = (_H1.search(body) if _may_have_h1(body) else None) or _KICKER.match(body)
    if match is None:
        return notice + body
    end = match.end()
    gap = "" if match.group(0).endswith("\n\n") else "\n"
    return body[:end] + gap + notice + body[end:]


def _may_have_h1(body: str) -> bool:
    """Whether a line starts with ``#``: searching for :data:`_H1` tries every line."""
    return body.startswith("#") or "\n#" in body


#: a ``source`` the byline shows as a link (see :func:`babelpress.site.build.byline`)
_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


def _front_data(
    doc: Document,
    meta: Mapping[tuple[str, int | None], str],
    language: str,
    review: dict[str, Any],
) -> dict[str, Any]:
    """The German front matter with the values readers see in *language* (*meta*)."""
    data = dict(doc.front_matter)
    for (key, index), value in meta.items():
        if key not in data:
            continue
        if key == "source" and _WEB_ADDRESS.match(value.strip()) and value != data[key]:
            continue  # the byline links a web address: a translation adds no link
        if index is None:
            data[key] = value
        elif isinstance(data[key], list) and index < len(data[key]):
            data[key] = [*data[key][:index], value, *data[key][index + 1 :]]
    data["lang"] = language
    data[MARKER] = review
    return data




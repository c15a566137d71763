"""The shared vocabulary of the pipeline: a Markdown page as literal text and segments.

:func:`babelpress.markdown.reader.parse` turns a German Markdown page into a
:class:`Document`; the catalogue code turns its :class:`Segment` objects into PO
entries, and rendering joins the document back with translations in place of the
segments.  Two invariants hold for every page (and are tested):

1. ``document.render(lambda s: s.source) == body`` -- the parts join back to the
   exact original body, byte for byte;
2. ``segment.restore(segment.msgid) == segment.source`` -- the msgid (what a
   translator sees: inline Markdown kept, link targets replaced by numbered
   placeholders) restores to the original Markdown.

A translation goes through the same :meth:`Segment.restore`, which also keeps it
from changing the page's structure: a blank line is closed up, a table cell's
``|`` is escaped, and at the start of a line (the unit's first line when
``at_line_start``, every later line) a list number ``1.``, a bullet, ``#``,
``>``, a code fence or a setext/thematic rule gets a backslash, so it stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

#: kinds of segment, used as the ``#.`` extracted comment of the PO entry
KINDS = (
    "title",
    "description",
    "author",
    "contributors",
    "translator",
    "source",
    "heading",
    "paragraph",
    "sentence",
    "list item",
    "table cell",
    "quote",
    "attribution",
    "caption",
    "credit",
    "kicker",
    "image alt text",
)


#: Markdown that starts a block when it begins a line
_BLOCK_START_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?:"
    r"(?P<num>\d{1,9})(?=[.)](?:[ \t]|$))"
    r"|(?=[-+*](?:[ \t]|$))"
    r"|(?=#{1,6}(?:[ \t]|$))"
    r"|(?=>)"
    r"|(?=`{3,}|~{3,})"
    r"|(?=(?P<rule>[-=_*])(?:[ \t]*(?P=rule))+[ \t]*$)"
    r")",
    re.M,
)
_BLANK_LINES_RE = re.compile(r"\n(?:[ \t]*\n)+")
_PIPE_RE = re.compile(r"(?<!\\)\|")


def _escape_block_start(match: re.Match[str]) -> str:
    return match.group(0) + "\\"


def _keep_structure(text: str, *, at_line_start: bool, cell: bool) -> str:
    """*text* made unable to start or end a Markdown block (see the module docstring)."""
    if "\n" in text:  # (most translations are one line: no regex run for them)
        text = _BLANK_LINES_RE.sub("\n", text)
    if cell and "|" in text:
        text = _PIPE_RE.sub("\\|", text)
    if "\n" not in text and not at_line_start:
        return text
    head, newline, rest = text.partition("\n")
    if at_line_start:
        head = _BLOCK_START_RE.sub(_escape_block_start, head, count=1)
    return head + newline + _BLOCK_START_RE.sub(_escape_block_start, rest)


@dataclass(frozen=True)
class Segment:
    """One translatable unit of a page."""

    #: the text a translator sees; inline Markdown kept, link targets as placeholders
    msgid: str
    #: the exact Markdown source of the unit (what rendering replaces)
    source: str
    #: one of :data:`KINDS`
    kind: str
    #: 1-based line of the unit in the Markdown file (front matter included)
    line: int
    #: ``msgctxt``, only where the same text needs telling apart (heading vs sentence)
    context: str | None = None
    #: PO flags, e.g. ``("md-text",)`` when the unit carries Markdown markup
    flags: tuple[str, ...] = ()
    #: placeholder -> original Markdown (link target, autolink, URL), in order
    placeholders: tuple[tuple[str, str], ...] = ()
    #: container prefix (``> ``, list indentation) that follows each line break of the
    #: source; the msgid has bare ``\n`` there
    line_prefix: str = ""
    #: the unit begins a line of the page (a paragraph's first sentence): a translation
    #: must not start with a list marker, ``#`` or ``>`` there
    at_line_start: bool = False

    def restore(self, text: str) -> str:
        """Turn msgid-form *text* (the msgid or a translation) back into Markdown."""
        if text != self.msgid:
            text = _keep_structure(
                text, at_line_start=self.at_line_start, cell=self.kind == "table cell"
            )
        if self.line_prefix:
            text = text.replace("\n", "\n" + self.line_prefix)
        return _put_back(text, self.placeholders) if self.placeholders else text


#: a placeholder for a link's target (``[1]``) or another construct (``<2>``) in a msgid
PLACEHOLDER_RE = re.compile(r"\[\d+\]|<\d+>")


def _put_back(text: str, placeholders: tuple[tuple[str, str], ...]) -> str:
    """*text* with the first of each placeholder replaced by its original, in one pass
    (one search per placeholder made a paragraph of thousands of links quadratic)."""
    originals = dict(placeholders)

    def original(match: re.Match[str]) -> str:
        found = match.group()
        return originals.pop(found, found)

    return PLACEHOLDER_RE.sub(original, text)


@dataclass
class Document:
    """A Markdown page: front matter plus a body of literal text and segments."""

    #: path of the page relative to the project root, POSIX style (``docs/de/x.md``)
    path: str
    #: page slug: path relative to the source docs folder, without ``.md``
    slug: str
    #: the parsed YAML front matter (empty if none)
    front_matter: dict[str, Any] = field(default_factory=dict)
    #: translatable front-matter fields (title, description) as segments
    meta_segments: list[Segment] = field(default_factory=list)
    #: the body after the front matter: literal Markdown and segments, in order
    parts: list[str | Segment] = field(default_factory=list)
    #: number of lines the front matter block takes (0 if none)
    front_matter_lines: int = 0
    #: where each of :attr:`meta_segments` sits in the front matter: (key, list index or None)
    meta_places: list[tuple[str, int | None]] = field(default_factory=list)
    #: the first paragraph of the body: ``parts[lead[0]:lead[1]]`` (None: the page has none)
    lead: tuple[int, int] | None = None
    #: the ``description`` is the lead: "markdown" (as written) or "plain" (without
    #: backslash escapes), and no unit of its own; "" when it is its own text
    description_from_lead: str = ""

    def lead_parts(self) -> list[str | Segment]:
        """The lead's parts: its segments and the literal text between them."""
        return self.parts[self.lead[0] : self.lead[1]] if self.lead else []

    def meta_place(self, index: int) -> tuple[str, int | None]:
        """(front-matter key, list index or None) of ``meta_segments[index]``."""
        if index < len(self.meta_places):
            return self.meta_places[index]
        return self.meta_segments[index].kind, None

    def segments(self) -> Iterator[Segment]:
        """Every segment in page order: front matter first, then the body."""
        yield from self.meta_segments
        for part in self.parts:
            if isinstance(part, Segment):
                yield part

    def render(self, replace: Callable[[Segment], str]) -> str:
        """The body with each segment replaced by ``replace(segment)`` (Markdown)."""
        return "".join(part if isinstance(part, str) else replace(part) for part in self.parts)

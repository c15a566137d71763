"""German Markdown page -> :class:`~babelpress.markdown.units.Document`: literal text, segments.

:func:`parse` reads the YAML front matter and parses the body with markdown-it-py
(CommonMark plus tables).  The front-matter values readers see become
``Document.meta_segments`` (with their places in ``Document.meta_places``): ``title``,
``description``, and the byline's ``author``, ``contributors`` (one unit per name),
``translator`` and ``source`` (not when it is a web address), each of its key's kind,
so a name can be written the way the reader's language writes it (``Эмма Колле``).

**The lead.**  ``Document.lead`` is the first paragraph of the body that is not inside
a quote or list and not a caption, credit or kicker (the parts it spans).  When the
``description`` is that paragraph -- as written in Markdown, or as its plain text
without backslash escapes (what ``normalise`` writes) -- it is no unit of its own:
``Document.description_from_lead`` says so, and rendering makes the description of
the paragraph's own translated units (one msgid, one review).

The translatable units of the body are:

1. headings (``heading``; the ``## `` prefix, closing hashes and a trailing
   attribute list ``{#id}`` stay literal), setext headings too;
2. paragraphs, split into sentences (``sentence``) by :mod:`babelpress.markdown.sentences`,
   or kept whole (``paragraph``) when they hold one sentence or when the unit
   setting is ``paragraph``;
3. paragraphs inside block quotes (``quote``, split like paragraphs) and the
   quote's attribution line ``— Name …`` (``attribution``, the ``— `` literal);
4. list items (``list item``) and table cells (``table cell``, never split);
5. a paragraph whose last line is a Python-Markdown attribute list
   ``{: .caption }``, ``{: .credit }`` or ``{: .kicker }`` is one ``caption``,
   ``credit`` or ``kicker`` unit (split into sentences only when longer than
   :data:`babelpress.markdown.blocks.LONG_CAPTION` characters); the attribute-list line
   stays literal.

Code blocks, HTML blocks, link reference definitions, thematic breaks, container
markers (``>``, list bullets, indentation) and whitespace between sentences are
literal parts.  A hard line break (two trailing spaces or ``\\`` before the
newline) ends a unit; the break stays literal.  A soft line break stays in the
msgid as ``\\n``; inside a container, :attr:`Segment.line_prefix` puts the
``> `` or indentation back on restore.  A unit with no letter or digit outside
code spans, inline HTML and URLs is not offered for translation; a unit that is
just an image is of kind ``image alt text``.  No sentence ends inside a link,
code span, inline HTML, escape or emphasis (see :mod:`babelpress.markdown.inline`).
Text with CR line ends is refused (:class:`~babelpress.errors.InputError`).

**Placeholders.**  The msgid keeps inline Markdown verbatim (emphasis, inline
code, inline HTML, entities, escapes), but a link's target is replaced by a
numbered reference: ``[text](https://x "t")`` becomes ``[text][1]``, an image
``![alt](a.png)`` becomes ``![alt][2]``, a full reference link ``[text][ref]``
becomes ``[text][3]``; an autolink ``<https://x>`` or a bare ``https://`` URL
becomes ``<4>``.  Numbers count from 1 per segment in order of occurrence and
skip any number whose placeholder already appears as text in the unit, so each
placeholder occurs exactly once.  Weblate's ``md-text`` checks see ordinary
reference links, and :data:`PLACEHOLDER_RE` lets the translation and QA steps
protect and compare them.  Collapsed and shortcut reference links (``[ref][]``,
``[ref]``) stay verbatim: their label is the reference.

**Escapes.**  The msgid is Markdown: backslash escapes stay as written
(``24\\. April``, ``\\[Russen\\]``, ``\\*``) and the unit is flagged ``md-text``, so
the translator types Markdown too and a translation renders exactly as typed.

**Context.**  ``msgctxt`` is set only where one page has the same msgid both in
running text and as a title, heading or kicker (or as two of those): the
heading-like occurrences get their kind as context.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.normalize import normalize

from babelpress.errors import (
    MAX_YAML_DEPTH,
    InputError,
    excerpt,
    impossible_value_line,
    nested_too_deep,
)
from babelpress.markdown import inline
from babelpress.markdown.blocks import walk
from babelpress.markdown.sentences import split_sentences
from babelpress.markdown.units import PLACEHOLDER_RE as PLACEHOLDER_RE  # steps use it here
from babelpress.markdown.units import Document, Segment

_FRONT_MATTER_RE = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.S)
_IMAGE_ONLY_RE = re.compile(r"!\[[^\]]*\]\[\d+\]")
_HEADLINE_KINDS = ("title", "heading", "kicker")
_MASKED = str.maketrans(dict.fromkeys(".!?…\"'„“”«»‚‘’()[]", "x"))
_TRANSLATABLE_RE = re.compile(r"[^\W_]")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAPPING_START_RE = re.compile(r"\s*[\w-]+[ \t]*:")


def placeholders_in(text: str) -> list[str]:
    """Every placeholder in *text*, in order (for comparing msgid and translation)."""
    return PLACEHOLDER_RE.findall(text)


#: what walking a page's body found: its units as ``(start, end, Segment)`` (each
#: segment's source is ``body[start:end]``, before contexts are given) and the span of
#: its first paragraph that has units
Walked = tuple[list[tuple[int, int, Segment]], "tuple[int, int] | None"]


def parse(text: str, *, path: str, slug: str, unit: str = "sentence") -> Document:
    """Split a Markdown page into literal parts and translatable segments."""
    return parse_walked(text, path=path, slug=slug, unit=unit)[0]


def parse_walked(
    text: str,
    *,
    path: str,
    slug: str,
    unit: str = "sentence",
    known: Callable[[str], Walked | None] | None = None,
) -> tuple[Document, Walked]:
    """:func:`parse`, and what walking the body found.  *known*: what an earlier walk of
    this *text* found, given the body (None: walk it; see :mod:`babelpress.markdown.stored`)."""
    if "\r" in text:
        raise InputError("carriage return in Markdown; save the file with LF line ends", path=path)
    front, meta, body, fm_lines = _split_front_matter(text, path)
    doc = Document(path=path, slug=slug, front_matter=meta, front_matter_lines=fm_lines)
    doc.meta_segments, doc.meta_places = _meta_segments(meta, front)
    walked = known(body) if known is not None else None
    if walked is None:
        walker = _Body(body, unit == "paragraph", fm_lines)
        walked = (walker.units(), walker.first_paragraph)
    found, lead = walked
    return _assembled(doc, body, found, lead), walked


def _assembled(
    doc: Document, body: str, found: list[tuple[int, int, Segment]], lead: tuple[int, int] | None
) -> Document:
    """*doc* (front matter read) with the body's parts and the lead, from the walk."""
    meta = doc.front_matter
    if lead is not None:
        doc.description_from_lead = _lead_match(meta.get("description"), body[lead[0] : lead[1]])
    if doc.description_from_lead:
        kept = [i for i, (key, _) in enumerate(doc.meta_places) if key != "description"]
        doc.meta_segments = [doc.meta_segments[i] for i in kept]
        doc.meta_places = [doc.meta_places[i] for i in kept]
    segments = _with_contexts([*doc.meta_segments, *(seg for _, _, seg in found)])
    doc.meta_segments = segments[: len(doc.meta_segments)]
    pos = 0
    first = last = None
    for (start, end, _), seg in zip(found, segments[len(doc.meta_segments) :], strict=True):
        if start > pos:
            doc.parts.append(body[pos:start])
        if lead is not None and lead[0] <= start and end <= lead[1]:
            first = len(doc.parts) if first is None else first
            last = len(doc.parts) + 1
        doc.parts.append(seg)
        pos = end
    if pos < len(body):
        doc.parts.append(body[pos:])
    if first is not None and last is not None:
        doc.lead = (first, last)
    return doc


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    """*text* without Markdown's backslash escapes (``24\\. April`` -> ``24. April``)."""
    return _ESCAPED.sub(r"\1", text)


def _lead_match(description: Any, paragraph: str) -> str:
    """How the *description* is the first *paragraph*: "markdown", "plain" or "" (not)."""
    if not isinstance(description, str) or not description.strip():
        return ""
    wanted = " ".join(description.split())
    markdown = " ".join(paragraph.split())
    if wanted == markdown:
        return "markdown"
    # without a backslash the plain text is the Markdown, which did not match
    return "plain" if "\\" in markdown and wanted == unescape(markdown) else ""


# ------------------------------------------------------------ front matter
def front_matter(text: str, *, path: str) -> tuple[dict[str, Any], str]:
    """The page's front matter (``{}`` when it has none) and its body, as :func:`parse` reads them.

    Front matter that starts like a mapping but is not valid YAML is an
    :class:`~babelpress.errors.InputError` naming *path* and the line.
    """
    _, meta, body, _ = _split_front_matter(text, path)
    return meta, body


def _split_front_matter(text: str, path: str) -> tuple[str, dict[str, Any], str, int]:
    """Like MkDocs: a leading ``---`` block is front matter when it is a YAML mapping.

    A block that starts like a mapping (``key:``) but is not valid YAML is an error;
    any other ``---`` block (a thematic break, a setext heading) is part of the body.
    """
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return "", {}, text, 0
    front = match.group(1) or ""
    try:
        meta = yaml.load(front, Loader=_YAML_LOADER)  # libyaml when present
    except yaml.YAMLError as exc:
        if not _MAPPING_START_RE.match(front):
            return "", {}, text, 0
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        # the problem alone: PyYAML's full text quotes the lines around it
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise InputError(
            f"front matter is not valid YAML: {excerpt(str(problem), 80)}", path=path, line=line
        ) from exc
    except (ValueError, OverflowError) as exc:  # a date no calendar has ("2023-13-45")
        found = impossible_value_line(front)
        raise InputError(
            f"front matter is not valid YAML: an impossible date or time ({excerpt(str(exc), 60)})",
            path=path,
            line=found + 1 if found is not None else None,
        ) from exc
    if not isinstance(meta, dict):
        return "", {}, text, 0
    if nested_too_deep(meta):
        raise InputError(
            f"front matter nests lists or mappings more than {MAX_YAML_DEPTH} deep",
            path=path, line=2,
        )  # fmt: skip
    return front, meta, text[match.end() :], match.group(0).count("\n")


#: front-matter keys whose values readers see (their units are listed in file order)
META_KEYS = ("title", "description", "author", "contributors", "translator", "source")
_META_KEY_RES = {key: re.compile(rf"^{key}[ \t]*:", re.M) for key in META_KEYS}


def _meta_segments(
    meta: dict[str, Any], front: str
) -> tuple[list[Segment], list[tuple[str, int | None]]]:
    segments: list[Segment] = []
    places: list[tuple[str, int | None]] = []
    for key in META_KEYS:
        value = meta.get(key)
        items: list[tuple[int | None, Any]] = (
            list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        )
        shown = [(i, item) for i, item in items if isinstance(item, str) and _shown_text(key, item)]
        if not shown:
            continue
        found = _META_KEY_RES[key].search(front)
        start = found.start() if found else 0
        for index, item in shown:
            at = front.find(item, start) if found else -1
            line = front.count("\n", 0, at if at >= 0 else start) + 2 if found else 1
            segments.append(Segment(msgid=item, source=item, kind=key, line=line))
            places.append((key, index))
    order = sorted(range(len(segments)), key=lambda i: segments[i].line)  # as in the file
    return [segments[i] for i in order], [places[i] for i in order]


def _shown_text(key: str, value: str) -> bool:
    """Whether a front-matter value is text for readers (a web address is not)."""
    if not value.strip():
        return False
    return not (key == "source" and re.match(r"https?://\S+$", value.strip()))


def _with_contexts(segments: list[Segment]) -> list[Segment]:
    """Give heading-like segments a msgctxt where their msgid also occurs as another class."""
    headlines = {seg.msgid for seg in segments if seg.kind in _HEADLINE_KINDS}
    if not headlines:  # then every msgid has the one class "text"
        return segments
    classes: dict[str, set[str]] = defaultdict(set)
    for seg in segments:
        if seg.msgid in headlines:
            classes[seg.msgid].add(_class(seg.kind))
    return [
        dataclasses.replace(seg, context=seg.kind)
        if _class(seg.kind) != "text" and len(classes[seg.msgid]) > 1
        else seg
        for seg in segments
    ]


def _class(kind: str) -> str:
    return kind if kind in _HEADLINE_KINDS else "text"


# ------------------------------------------------------------ parser
@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """markdown-it-py (CommonMark + tables) that records line positions of leaf blocks."""
    md = MarkdownIt("commonmark").enable("table")
    md.disable("inline")
    for name in ("paragraph", "heading", "lheading", "table"):
        rule = next(r for r in md.block.ruler.__rules__ if r.name == name)
        md.block.ruler.at(name, _recording(rule.fn), {"alt": list(rule.alt)})
    md.core.ruler.at("normalize", _normalize)
    inline.install(md)
    return md


def _normalize(state: StateCore) -> None:
    """markdown-it's ``normalize``, skipped where it changes nothing (no CR, no NUL): it
    copies the page twice, substituting every line end."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


def _recording(original: Any) -> Any:
    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        count = len(state.tokens)
        ok = bool(original(state, start, end, silent))
        if ok and not silent:
            for token in state.tokens[count:]:
                if token.type == "inline" and token.map:
                    token.meta["lines"] = [
                        (state.bMarks[n] + state.tShift[n], state.eMarks[n])
                        for n in range(token.map[0], token.map[1])
                    ]
        return ok

    return rule


class _Body:
    """Walks the block tokens of a body and collects ``(start, end, Segment)`` units."""

    def __init__(self, body: str, whole_paragraphs: bool, fm_lines: int) -> None:
        self.body = body
        self.whole = whole_paragraphs
        self.fm_lines = fm_lines
        self.md = _parser()
        self.env: dict[str, Any] = {}
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", body)]
        self.found: list[tuple[int, int, Segment]] = []
        #: raw (start, end) of the first top-level paragraph that has units
        self.first_paragraph: tuple[int, int] | None = None

    def units(self) -> list[tuple[int, int, Segment]]:
        tokens = self.md.parse(self.body, self.env)
        walk(self, tokens)
        self.found.sort(key=lambda item: item[0])
        return self.found

    def line_of(self, offset: int) -> int:
        """1-based line in the whole file of body offset *offset*."""
        return bisect.bisect_right(self.line_starts, offset) + self.fm_lines

    def add_block(
        self, lines: list[tuple[int, int]], kind: str, *, split: bool, lead: int = 0
    ) -> None:
        """Make units of a leaf block given as raw ``(start, end)`` line spans.

        Paragraph-like blocks (not headings or cells) begin a line, unless *lead*
        characters (the ``— `` of an attribution) precede the unit.
        """
        lines = list(lines)
        body = self.body
        start, end = lines[-1]
        while end > start and body[end - 1] in " \t":
            end -= 1
        lines[-1] = (start, end)
        lines[0] = (lines[0][0] + lead, lines[0][1])
        block = _Block(body, lines, kind not in ("heading", "table cell") and not lead)
        if not block.text.strip():
            return
        found = inline.analyse(self.md, block.text, self.env)
        spans = block.units(found, split=split and not self.whole)
        unit_kind = _unit_kind(kind, len(spans) == 1)
        before = len(self.found)
        for a, b in spans:
            unit = block.segment(a, b, found, unit_kind, self.line_of)
            if unit is not None:
                self.found.append(unit)
        if kind == "paragraph" and self.first_paragraph is None and len(self.found) > before:
            self.first_paragraph = (lines[0][0], end)


def _unit_kind(kind: str, one: bool) -> str:
    if kind == "paragraph" and not one:
        return "sentence"
    return kind


class _Block:
    """The text of one leaf block: its lines without container prefixes, joined by newlines."""

    def __init__(self, body: str, lines: list[tuple[int, int]], line_start: bool) -> None:
        self.body = body
        self.lines = lines
        self.line_start = line_start
        #: body offset of the text's start when the block is one line (no bisecting)
        self.shift: int | None = None
        #: where each line starts in the text
        self.starts = [0]
        self.uniform = True
        self.prefix = ""
        if len(lines) == 1:  # most blocks: nothing to join, no prefixes
            self.shift = lines[0][0]
            self.text = body[lines[0][0] : lines[0][1]]
            return
        self.text = "\n".join(body[s:e] for s, e in lines)
        for s, e in lines[:-1]:
            self.starts.append(self.starts[-1] + e - s + 1)
        prefixes = {body[lines[i][1] + 1 : lines[i + 1][0]] for i in range(len(lines) - 1)}
        self.uniform = len(prefixes) <= 1
        self.prefix = prefixes.pop() if len(prefixes) == 1 else ""

    def to_raw(self, pos: int) -> int:
        if self.shift is not None:
            return self.shift + pos
        index = bisect.bisect_right(self.starts, pos) - 1
        return self.lines[index][0] + pos - self.starts[index]

    def units(self, found: inline.Inline, *, split: bool) -> list[tuple[int, int]]:
        """Unit spans in the block text: chunks between hard breaks, then sentences."""
        masked = _mask(self.text, found.masks) if split else self.text
        if not found.breaks and self.uniform:
            return self._chunk(masked, 0, len(self.text), found, split)
        breaks = list(found.breaks)
        if not self.uniform:
            breaks.extend((m.start(), m.end()) for m in re.finditer("\n", self.text))
        breaks.sort()
        spans: list[tuple[int, int]] = []
        pos = 0
        for b_start, b_end in [*breaks, (len(self.text), len(self.text))]:
            if b_start < pos:
                continue
            spans.extend(self._chunk(masked, pos, b_start, found, split))
            pos = b_end
        return spans

    def _chunk(
        self, masked: str, start: int, end: int, found: inline.Inline, split: bool
    ) -> list[tuple[int, int]]:
        piece = masked[start:end]
        if not split:
            stripped = piece.strip()
            if not stripped:
                return []
            lead = len(piece) - len(piece.lstrip())
            return [(start + lead, start + lead + len(stripped))]
        keep = [(a - start, b - start) for a, b in found.keeps_in(start, end)]
        return [(start + a, start + b) for a, b in split_sentences(piece, keep=keep)]

    def segment(
        self, a: int, b: int, found: inline.Inline, kind: str, line_of: Any
    ) -> tuple[int, int, Segment] | None:
        """Raw span and segment of block-text span ``[a, b)``, None when nothing is translatable."""
        if not self._has_prose(a, b, found):
            return None
        start, end = self.to_raw(a), self.to_raw(b)
        source = self.body[start:end]
        targets = found.targets_in(a, b)
        if targets:
            msgid, placeholders = self._with_placeholders(a, b, targets)
        else:
            msgid, placeholders = self.text[a:b], ()
        if msgid.startswith("![") and _IMAGE_ONLY_RE.fullmatch(msgid):
            kind = "image alt text"
        seg = Segment(
            msgid=msgid,
            source=source,
            kind=kind,
            line=line_of(start),
            flags=("md-text",) if targets or found.has_markup(a, b) else (),
            placeholders=placeholders,
            line_prefix=self.prefix if "\n" in msgid else "",
            at_line_start=self.line_start and (a == 0 or self.text[a - 1] == "\n"),
        )
        # a msgid without placeholders and line breaks is a piece of one line: the source
        if (placeholders or "\n" in msgid) and seg.restore(msgid) != source:
            seg = dataclasses.replace(
                seg, msgid=source, placeholders=(), line_prefix="", at_line_start=False
            )
        return start, end, seg

    def _with_placeholders(
        self, a: int, b: int, targets: list[tuple[int, int, str]]
    ) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The msgid of ``[a, b)`` with its *targets* replaced, and the placeholders."""
        literal = [self.text[s:e] for s, e in _gaps(a, b, targets)]
        originals = [self.body[self.to_raw(s) : self.to_raw(e)] for s, e, _ in targets]
        names = _placeholder_names([t[2] for t in targets], "\0".join([*literal, *originals]))
        msgid = literal[0] + "".join(n + lit for n, lit in zip(names, literal[1:], strict=True))
        return msgid, tuple(zip(names, originals, strict=True))

    def _has_prose(self, a: int, b: int, found: inline.Inline) -> bool:
        """Whether ``[a, b)`` has a letter or digit outside code, HTML and URLs."""
        pos = a
        for start, end in found.opaque_in(a, b):
            if _TRANSLATABLE_RE.search(self.text, pos, max(pos, start)):
                return True
            pos = max(pos, end)
        return bool(_TRANSLATABLE_RE.search(self.text, pos, b))


def _gaps(a: int, b: int, targets: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The spans of ``[a, b)`` around *targets* (one more than there are targets)."""
    gaps = []
    pos = a
    for s, e, _ in targets:
        gaps.append((pos, s))
        pos = e
    gaps.append((pos, b))
    return gaps


def _placeholder_names(kinds: list[str], haystack: str) -> list[str]:
    """``[n]`` for each link, ``<n>`` for each other construct, numbered from 1 but for
    the numbers *haystack* already writes so (found once: a paragraph of thousands of
    links was searched once per link)."""
    taken = {match.group(1) or match.group(2) for match in _NUMBERED.finditer(haystack)}
    names = []
    number = 0
    for kind in kinds:
        number += 1
        while str(number) in taken:
            number += 1
        names.append(f"[{number}]" if kind == "link" else f"<{number}>")
    return names


_NUMBERED = re.compile(r"\[(\d+)\]|<(\d+)>")


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """*text* with sentence punctuation inside *spans* (after their first char) neutralised."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start + 1 : end] = text[start + 1 : end].translate(_MASKED)
    return "".join(chars)

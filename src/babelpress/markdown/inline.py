"""Inline Markdown of one block's text: where the markup is, what a translator must not retype.

:func:`analyse` runs markdown-it-py's own inline parser over a block's text (the
lines of a paragraph, heading or table cell without their container prefixes)
and reports, as offsets into that text:

* ``masks`` -- code spans, inline HTML, autolinks, links, images, escapes and
  bare URLs: no sentence ends inside them;
* ``keeps`` -- emphasis: no sentence ends inside, but one may end at its end;
* ``targets`` -- what becomes a placeholder: the ``(destination "title")`` or
  ``[reference]`` part of a link or image (plus a directly following attribute
  list ``{: …}``), an autolink ``<https://…>``, a bare ``http(s)://`` URL;
* ``markup`` -- every spot of Markdown syntax, for the ``md-text`` flag;
* ``opaque`` -- code spans, inline HTML, autolinks and bare URLs: text that is no
  prose (a unit made only of these is not offered for translation);
* ``breaks`` -- hard line breaks (two trailing spaces or a backslash before the
  newline), where a unit ends.

The recording works by wrapping markdown-it-py's inline rules on a private
parser, so what counts as a link is exactly what markdown-it-py renders as one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

_ENV_KEY = "babelpress_inline"
#: a Python-Markdown attribute list right after a link or image
_ATTR_AFTER_RE = re.compile(r"\{:?[ ]*[^}\n ][^}\n]*[ ]*\}")
_BARE_URL_RE = re.compile(r"https?://[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}»«“”„’*_]")


@dataclass
class Inline:
    """What :func:`analyse` found in one text (all spans are ``(start, end)``)."""

    masks: list[tuple[int, int]] = field(default_factory=list)
    keeps: list[tuple[int, int]] = field(default_factory=list)
    targets: list[tuple[int, int, str]] = field(default_factory=list)
    markup: list[tuple[int, int]] = field(default_factory=list)
    opaque: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _markup: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _opaque: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def finish(self) -> None:
        """Sort and index what was found, for the ``*_in`` queries."""
        self.targets.sort()
        self.keeps.sort()
        self.breaks.sort()
        self._starts = [t[0] for t in self.targets]
        self._markup = _union(self.markup)
        self._opaque = _union(self.opaque)

    def targets_in(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """Targets lying wholly inside ``[a, b)``."""
        if not self.targets:  # most text has none: no bisecting
            return []
        first = bisect.bisect_left(self._starts, a)
        last = bisect.bisect_left(self._starts, b)
        return [t for t in self.targets[first:last] if t[1] <= b]

    def keeps_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """Keep spans lying wholly inside ``[a, b)``."""
        if not self.keeps:
            return []
        first = bisect.bisect_left(self.keeps, (a, a))
        last = bisect.bisect_left(self.keeps, (b, b))
        return [k for k in self.keeps[first:last] if k[1] <= b]

    def has_markup(self, a: int, b: int) -> bool:
        return bool(self._markup) and bool(_overlapping(self._markup, a, b))

    def opaque_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """Disjoint opaque spans overlapping ``[a, b)``, in order."""
        return _overlapping(self._opaque, a, b) if self._opaque else []


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _overlapping(union: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    index = bisect.bisect_right(union, (a, a))
    if index and union[index - 1][1] > a:
        index -= 1
    found = []
    while index < len(union) and union[index][0] < b:
        if union[index][1] > a:
            found.append(union[index])
        index += 1
    return found


def install(md: MarkdownIt) -> None:
    """Wrap *md*'s inline rules so that parsing records positions (see :func:`analyse`)."""
    for name in ("backticks", "html_inline", "autolink", "entity"):
        _wrap(md, name, _record_span(name))
    _wrap(md, "escape", _record_escape)
    _wrap(md, "newline", _record_newline)
    _wrap(md, "link", _record_link(image=False))
    _wrap(md, "image", _record_link(image=True))
    _wrap(md, "emphasis", _record_emphasis)


def analyse(md: MarkdownIt, text: str, env: dict[str, Any]) -> Inline:
    """Parse *text* as inline Markdown (with the page's link references in *env*)."""
    if _RULE_START_RE.search(text) is None:
        return _plain(text)  # most of an article's text
    return _parsed(md, text, env)


def _plain(text: str) -> Inline:
    """:func:`_parsed` of a *text* in which only markdown-it's text and newline rules match."""
    found = Inline()
    found.breaks.extend(_hard_breaks(text))
    _add_bare_urls(text, found)
    found.finish()
    return found


def _parsed(md: MarkdownIt, text: str, env: dict[str, Any]) -> Inline:
    found = Inline()
    env[_ENV_KEY] = found
    tokens: list[Any] = []
    try:
        md.inline.parse(text, md, env, tokens)
    finally:
        del env[_ENV_KEY]
    emphasis = _emphasis_spans(tokens)
    found.keeps.extend(emphasis)
    found.markup.extend(emphasis)
    _add_bare_urls(text, found)
    found.finish()
    return found


#: a character at which an inline rule other than ``text`` and ``newline`` can match
#: (an image needs its ``[`` too)
_RULE_START_RE = re.compile(r"[\\`*_\[<&]")


def _hard_breaks(text: str) -> list[tuple[int, int]]:
    """What :func:`_record_newline` records for *text* when only the text and newline
    rules match in it: markdown-it's test (two spaces pending before the newline) and
    the span recorded, spaces before and indentation after included."""
    breaks = []
    line = 0  # where markdown-it's pending text starts: after the last newline's indentation
    newline = text.find("\n")
    while newline >= 0:
        hard = text.endswith("  ", line, newline)
        after = newline + 1
        while after < len(text) and text[after] in " \t":
            after += 1
        if hard:
            spaces = 0
            while newline > spaces and text[newline - spaces - 1] == " ":
                spaces += 1
            breaks.append((newline - spaces, after))
        line = after
        newline = text.find("\n", after)
    return breaks


# ------------------------------------------------------------------ recording
Rule = Callable[[StateInline, bool], bool]


def _wrap(md: MarkdownIt, name: str, make: Callable[[Rule], Rule]) -> None:
    rule = next(r for r in md.inline.ruler.__rules__ if r.name == name)
    md.inline.ruler.at(name, make(rule.fn), {"alt": list(rule.alt)})


def _found(state: StateInline) -> Inline | None:
    found = state.env.get(_ENV_KEY)
    return found if isinstance(found, Inline) else None


def _record_span(name: str) -> Callable[[Rule], Rule]:
    def make(original: Rule) -> Rule:
        def rule(state: StateInline, silent: bool) -> bool:
            start = state.pos
            ok = original(state, silent)
            found = _found(state)
            if ok and not silent and found is not None:
                span = (start, state.pos)
                found.markup.append(span)
                if name == "autolink":
                    found.targets.append((*span, "url"))
                if name != "entity":
                    found.masks.append(span)
                    found.opaque.append(span)
            return ok

        return rule

    return make


def _record_escape(original: Rule) -> Rule:
    def rule(state: StateInline, silent: bool) -> bool:
        start = state.pos
        count = len(state.tokens)
        ok = original(state, silent)
        found = _found(state)
        if ok and not silent and found is not None:
            span = (start, state.pos)
            if any(t.type == "hardbreak" for t in state.tokens[count:]):
                found.breaks.append(span)
            else:
                found.masks.append(span)
                found.markup.append(span)
        return ok

    return rule


def _record_newline(original: Rule) -> Rule:
    def rule(state: StateInline, silent: bool) -> bool:
        start = state.pos
        count = len(state.tokens)
        ok = original(state, silent)
        found = _found(state)
        if (
            ok
            and not silent
            and found is not None
            and any(t.type == "hardbreak" for t in state.tokens[count:])
        ):
            spaces = 0
            while start > spaces and state.src[start - spaces - 1] == " ":
                spaces += 1
            found.breaks.append((start - spaces, state.pos))
        return ok

    return rule


def _record_link(*, image: bool) -> Callable[[Rule], Rule]:
    def make(original: Rule) -> Rule:
        def rule(state: StateInline, silent: bool) -> bool:
            start = state.pos
            ok = original(state, silent)
            found = _found(state)
            if ok and not silent and found is not None:
                _link_found(state, found, start, image)
            return ok

        return rule

    return make


def _link_found(state: StateInline, found: Inline, start: int, image: bool) -> None:
    end = state.pos
    label_start = start + 1 if image else start
    label_end = state.md.helpers.parseLinkLabel(state, label_start, not image)
    state.pos = end
    attr = _ATTR_AFTER_RE.match(state.src, end)
    if attr and label_end >= 0 and label_end + 1 < end:
        end = attr.end()
        state.pos = end
    found.masks.append((start, end))
    found.markup.append((start, end))
    if label_end < 0:
        return
    tail = state.src[label_end + 1 : end]
    if tail and not tail.startswith("[]"):
        found.targets.append((label_end + 1, end, "link"))


def _record_emphasis(original: Rule) -> Rule:
    def rule(state: StateInline, silent: bool) -> bool:
        start = state.pos
        ok = original(state, silent)
        if ok and not silent:
            run = state.pos - start
            for offset, token in enumerate(state.tokens[len(state.tokens) - run :]):
                token.meta["babelpress_pos"] = start + offset
        return ok

    return rule


def _emphasis_spans(tokens: list[Any]) -> list[tuple[int, int]]:
    """(start, end) of every ``*em*``/``**strong**`` span, delimiters included."""
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for token in tokens:
        pos = token.meta.get("babelpress_pos") if token.meta else None
        if pos is None:
            continue
        if token.type in ("em_open", "strong_open"):
            stack.append(pos - (len(token.markup) - 1))
        elif token.type in ("em_close", "strong_close") and stack:
            spans.append((stack.pop(), pos + len(token.markup)))
    return spans


def _add_bare_urls(text: str, found: Inline) -> None:
    """Bare ``http(s)://`` URLs outside any markup become placeholders too."""
    if "://" not in text:
        return
    taken = _union(found.masks)
    for match in _BARE_URL_RE.finditer(text):
        span = match.span()
        if _overlapping(taken, *span):
            continue
        found.masks.append(span)
        found.markup.append(span)
        found.opaque.append(span)
        found.targets.append((*span, "url"))

"""Checks on markup: link placeholders, inline Markdown, and HTML or script (security).

``placeholders`` (error)
    The translation has the same link placeholders as the German, each exactly once.
``md-syntax`` (error or warning)
    Errors: a code span changed (code is literal), an emphasis delimiter left unpaired
    (it would pair with one in the next sentence).  Warning: emphasis or strong counts
    differ.
``safe-html`` (error, cannot be silenced)
    The translation carries exactly the markup its German carries, nothing more
    (:mod:`babelpress.qa.constructs` finds it as Python-Markdown and the browser do):
    an HTML tag, comment or autolink that is not, character for character, one of the
    German's (a changed ``href``, an added ``style``); an attribute list ``{…}`` in any
    form (``{: …}``, ``{ hidden }``); a link or image the German does not have, or a
    link turned into an image (``![text][1]``); a line break the German does not have
    -- ``\n`` or any other separator a reader of the page honours (``\r``, ``\v``,
    ``\f``, U+2028 …), which could start a reference definition, heading, admonition
    or table -- and a line opening with block syntax (``# ``, ``- ``, ``1. ``, ``> ``,
    ``[x]:``, ``!!!``, ``|`` …) where the German's lines do not.  On top, in the raw
    text: URLs with a ``javascript:``, ``vbscript:`` or ``data:`` scheme (also
    entity-encoded or split by tabs) and ``on…=`` event-handler attributes.  A
    catalogue is a file anyone can send in; it must not become a way to put script or
    structure into the site.

Inline Markdown is parsed with markdown-it-py (CommonMark); the security scan also
works on the raw text, because MkDocs renders with Python-Markdown, which differs in
details (it does not sanitise link schemes, ``\\<`` is no escape there, and it reads
``[text] [1]`` as a link).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import cache
from typing import Any

from babelpress.errors import DIRECTION_CONTROLS, NON_TEXT
from babelpress.qa import constructs
from babelpress.qa.model import ERROR, WARNING, Context, Problem

PLACEHOLDERS = "placeholders"
MD_SYNTAX = "md-syntax"
SAFE_HTML = "safe-html"

#: characters without which a text has no link or image
_LINK_HINT = re.compile(r"[*_`~\[\]]")
#: a field of a python-brace-format string
_FIELD = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
#: characters without which a text holds no script URL, handler or attribute list
_DANGER_HINT = re.compile(r"[:={&\x00-\x1f]")
_ENCODED_HINT = re.compile(r"[&\x00-\x1f]")
_SCHEME = re.compile(r"(?:java|vb|live)script:|data:[\w/+.-]*[;,]", re.IGNORECASE)
_HANDLER = re.compile(r"\bon[a-z]{3,}\s*=", re.IGNORECASE)
_URL_NOISE = re.compile(r"[\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f]")
_LINK_SYNTAX = re.compile(r"\]\s*[(\[]")
_DELIMITERS = re.compile(r"\*+|_+|~~")
#: every character some part of safe-html needs in the translation to find anything
#: beyond a block syntax opening it: line separators and other controls (all of
#: :data:`constructs.LINE_BREAK` and :data:`_DANGER_HINT`), ``<`` (HTML), ``{``
#: (attribute lists; ``}`` closing one opened in the sentence before; ``>`` a tag),
#: brackets (links), ``:``, ``=`` and ``&`` (URLs, handlers)
_SAFE_HTML_HINT = re.compile(
    f"[\x00-\x1f\x7f-\x9f\u2028\u2029{DIRECTION_CONTROLS}{NON_TEXT}<>&{{}}\\[\\]:=]"
)
#: characters readers do not see that act on the text: controls other than the line
#: breaks (those are :func:`_new_lines`'), the controls of text direction (a
#: right-to-left override shows the words reversed), the byte-order mark, non-characters
_INVISIBLE = re.compile(f"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f{DIRECTION_CONTROLS}{NON_TEXT}]")
#: a ``<`` no ``>`` follows, and a ``>`` no ``<`` comes before: halves of a tag (or of an
#: autolink) that the sentence beside it, joined to it on the page, would complete
_OPEN_TAG = re.compile(r"<[^<>]*$")
_CLOSE_TAG = re.compile(r"^[^<]*>")


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough")


def _placeholder_re() -> re.Pattern[str]:
    from babelpress.markdown.reader import PLACEHOLDER_RE

    return PLACEHOLDER_RE


# -------------------------------------------------------------- placeholders
def check_placeholders(source: str, target: str, context: Context) -> list[Problem]:
    """The same link placeholders, each as often as in the German."""
    if "[" not in source and "<" not in source and "[" not in target and "<" not in target:
        return []
    pattern = _placeholder_re()
    in_source, in_target = pattern.findall(source), pattern.findall(target)
    if sorted(in_source) == sorted(in_target):
        return []
    wanted, found = Counter(in_source), Counter(in_target)
    parts = []
    missing = sorted((wanted - found).elements())
    extra = sorted((found - wanted).elements())
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("not in the German or repeated: " + ", ".join(extra))
    return [Problem(ERROR, PLACEHOLDERS, "link placeholders differ: " + "; ".join(parts))]


# ------------------------------------------------------------------ md-syntax
class _Inline:
    """What markdown-it-py sees in one text."""

    def __init__(self, text: str) -> None:
        self.code: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        self.stray = 0
        if not _LINK_HINT.search(text):
            return
        tokens = _parser().parseInline(text)
        for token in tokens[0].children or []:
            self._add(token)

    def _add(self, token: Any) -> None:
        if token.type == "code_inline":
            self.code[token.content] += 1
        elif token.type in ("em_open", "strong_open", "s_open"):
            self.counts[token.type[:-5]] += 1
        elif token.type == "text":
            self.stray += len(_DELIMITERS.findall(token.content))


def _has_markup(text: str) -> bool:
    # four substring tests run faster than one character-class search
    return "*" in text or "_" in text or "`" in text or "~" in text


def check_md_syntax(source: str, target: str, context: Context) -> list[Problem]:
    """Inline Markdown kept: code spans and paired emphasis."""
    if not (_has_markup(source) or _has_markup(target)):
        return []
    errors: list[str] = []
    theirs, ours = _Inline(source), _Inline(target)
    if theirs.code != ours.code:
        errors.append("code spans differ from the German (code is not translated)")
    if ours.stray > theirs.stray:
        errors.append("an emphasis marker (*, _ or ~~) is not paired")
    problems = [Problem(ERROR, MD_SYNTAX, "; ".join(errors))] if errors else []
    if theirs.counts != ours.counts:
        problems.append(Problem(WARNING, MD_SYNTAX, "emphasis differs: " + _describe(theirs, ours)))
    return problems


def _describe(theirs: _Inline, ours: _Inline) -> str:
    names = sorted(set(theirs.counts) | set(ours.counts))
    return ", ".join(f"{n} {theirs.counts[n]} in the German, {ours.counts[n]} here" for n in names)


# ------------------------------------------------------------------ safe-html
def check_safe_html(source: str, target: str, context: Context) -> list[Problem]:
    """No markup, script, link, attribute or line structure the German does not have."""
    if _SAFE_HTML_HINT.search(target) is None:  # one line, no markup: only its start can be new
        found = _new_block(source, target)
    else:
        found = _new_markup(source, target, context)
    if not found:
        return []
    return [Problem(ERROR, SAFE_HTML, "; ".join(dict.fromkeys(found)))]


def _new_markup(source: str, target: str, context: Context) -> list[str]:
    """What :func:`check_safe_html` reports, every part looked for."""
    return [
        *_new_lines(source, target),
        *_new_html(source, target),
        *_new_dangers(source, target),
        *_new_attribute_lists(*_without_fields(source, target, context)),
        *_new_links(source, target),
        *_unpaired(source, target),
        *_new_invisibles(source, target),
    ]


def _new_invisibles(source: str, target: str) -> list[str]:
    theirs = set(_INVISIBLE.findall(source))
    extra = sorted({char for char in _INVISIBLE.findall(target) if char not in theirs})
    return [f"an invisible character U+{ord(char):04X} the German does not have" for char in extra]


def _unpaired(source: str, target: str) -> list[str]:
    """Markup opened or closed in the translation of one sentence and not in it.

    Rendering joins the sentences of a paragraph, so a construct split over two
    (``…*control*{: style=…`` here, ``} …`` in the next sentence) would be whole on
    the page while each half passes the checks alone.
    """
    messages = []
    for opening, closing in (("{", "}"), ("[", "]")):
        if (opening in target or closing in target) and _unmatched(
            target, opening, closing
        ) != _unmatched(source, opening, closing):
            messages.append(
                f"{opening!r} or {closing!r} without its pair in the sentence, where the German "
                "pairs them (the sentence beside it would close the markup)"
            )
    if "<" in target and _OPEN_TAG.search(target) and not _OPEN_TAG.search(source):
        messages.append("an HTML tag left open at the end of the sentence")
    if ">" in target and _CLOSE_TAG.search(target) and not _CLOSE_TAG.search(source):
        messages.append("a '>' that closes no tag of the sentence (the one before it may open it)")
    return messages


def _unmatched(text: str, opening: str, closing: str) -> tuple[int, int]:
    """(openings never closed, closings never opened) in *text*."""
    depth = stray = 0
    for char in text:
        if char == opening:
            depth += 1
        elif char == closing:
            if depth:
                depth -= 1
            else:
                stray += 1
    return depth, stray


def _new_block(source: str, target: str) -> list[str]:
    """The block syntax a translation of one line opens with, if its German does not."""
    first = constructs.block_start(target)
    if first is None or constructs.block_start(source) == first:
        return []
    return [f"starts with {first} syntax, which Markdown reads as a block"]


def _new_lines(source: str, target: str) -> list[str]:
    if constructs.LINE_BREAK.search(target) is None:
        return _new_block(source, target)
    messages = []
    extra = constructs.line_breaks(target) - constructs.line_breaks(source)
    for separator in sorted(extra):
        messages.append(f"a line break {_separator_name(separator)} the German does not have "
                        "(it can split the paragraph or start a block)")
    starts = constructs.line_starts(target) - constructs.line_starts(source)
    messages.extend(
        f"a line opens with {kind} syntax, which Markdown reads as a block" for kind in starts
    )
    return messages


def _separator_name(separator: str) -> str:
    if separator == "\n":
        return "(newline)"
    return "(" + " ".join(f"U+{ord(char):04X}" for char in separator) + ")"


def _new_html(source: str, target: str) -> list[str]:
    if "<" not in target:
        return []
    extra = constructs.html_tokens(target) - constructs.html_tokens(source)
    if not extra:
        return []
    german = {constructs.tag_name(token) for token in constructs.html_tokens(source)}
    messages = []
    for token in sorted(extra):
        name = constructs.tag_name(token)
        if ":" in name and not token.startswith("</"):
            messages.append(f"a link {token[:80]} that the German does not have")
        elif name.startswith("<"):
            messages.append(f"HTML markup {name!r} that the German does not have")
        elif name in german:
            messages.append(f"HTML tag <{name}> with attributes the German does not have "
                            f"({token[:80]!r})")
        else:
            messages.append(f"HTML tag <{name}> that the German does not have")
    return messages


def _decoded(text: str) -> str:
    """*text* as a browser reads a URL or attribute: entities decoded, tabs and controls gone."""
    return _URL_NOISE.sub("", html.unescape(text))


def _new_dangers(source: str, target: str) -> list[str]:
    if not _DANGER_HINT.search(target):
        return []
    messages = []
    plain_target = _decoded(target) if _ENCODED_HINT.search(target) else target
    for pattern, what in (
        (_SCHEME, "a script or data URL"),
        (_HANDLER, "an event-handler attribute"),
    ):
        hits = pattern.findall(plain_target)
        if hits and len(hits) > len(pattern.findall(_decoded(source))):
            messages.append(f"{what} ({hits[0]!r})")
    return messages


def _without_fields(source: str, target: str, context: Context) -> tuple[str, str]:
    """Source and target without ``{name}`` fields where the code fills them in.

    In a ``python-brace-format`` entry (the site's words) ``{count}`` is replaced by the
    code and the result escaped, so it is never an attribute list; a field the German
    lacks is the ``format`` check's error.
    """
    if "python-brace-format" not in context.formats:
        return source, target
    return _FIELD.sub("", source), _FIELD.sub("", target)


def _new_attribute_lists(source: str, target: str) -> list[str]:
    if "{" not in target:
        return []
    extra = constructs.attribute_lists(target) - constructs.attribute_lists(source)
    messages = [f"an attribute list {text[:60]!r} that the German does not have" for text in extra]
    applied = constructs.applied_attribute_lists(target, surely=False, german=source)
    applied -= constructs.applied_attribute_lists(source, surely=True)
    messages += [
        f"an attribute list {text[:60]!r} after an element, where the German has it as text"
        for text in applied
        if text not in extra
    ]
    return messages


def _new_links(source: str, target: str) -> list[str]:
    if "[" not in target and "]" not in target:
        return []
    messages = []
    if len(_LINK_SYNTAX.findall(target)) > len(_LINK_SYNTAX.findall(source)):
        messages.append("a link or image that the German does not have")
    theirs = constructs.links(source)
    extra = constructs.links(target) - theirs
    targets = {href: kind for kind, href in theirs}
    for kind, href in sorted(extra):
        if href in targets and targets[href] != kind:
            messages.append(f"{targets[href]} {href} turned into {_article(kind)}")
        else:
            messages.append(f"{_article(kind)} to {href!r} that the German does not have")
    return messages


def _article(kind: str) -> str:
    return "an image" if kind == "image" else "a link"

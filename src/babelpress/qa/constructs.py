"""What in a text becomes markup on the site, as multisets a translation is compared by.

A translation may carry exactly the markup its German carries.  This module finds
that markup the way the site's readers find it -- Python-Markdown (MkDocs, with
``attr_list``, ``md_in_html``, ``admonition``), mkdocs-static-i18n, and the
browser -- and returns each kind as a :class:`~collections.Counter`, so that
:mod:`babelpress.qa.markup` can report what a translation has beyond its German:

1. :func:`html_tokens` -- every HTML tag, comment, CDATA section, declaration,
   processing instruction, ``<scheme:…>`` autolink and mail link (Python-Markdown
   takes ``<1@x.de>`` for one), as its *exact text* from
   ``<`` to where a browser ends it (quotes honoured; an unterminated tag runs to
   the end).  Same text, same attributes and values: a changed ``href`` or an
   added ``style`` is a different token.  A backslash does not escape ``<`` in
   Python-Markdown, so ``\\<b>`` is a tag too.
2. :func:`attribute_lists` -- every ``{…}`` that Python-Markdown's ``attr_list``
   can read, in any of its forms (``{: .x }``, ``{#id}``, ``{ hidden }``,
   ``{onclick=…}``), wherever it stands, unless its brace is escaped.
3. :func:`links` -- every link and image as ``(kind, target)``, a reference label
   counting as a target whether or not the page defines it (``[text]``,
   ``[text][1]``, ``![text][1]``), so a link turned into an image differs.
4. :func:`line_breaks` and :func:`line_starts` -- the line separators (``\\n``,
   and ``\\r``, ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``, NEL, U+2028, U+2029: Python-Markdown
   reads ``\\r`` as a line break and mkdocs-static-i18n splits pages with
   :meth:`str.splitlines`), and the block syntax each line opens with (heading,
   list, quote, reference definition, admonition, table, fence, rule).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

#: every separator some reader of the page takes for the end of a line
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
#: Python-Markdown's mail link (its ``AUTOMAIL_RE``), which may start with any character
#: but these: ``<1@x.de>``, ``<%a@b.example?subject=x>``
_AUTOMAIL = re.compile(r"<[^<> !]+@[^@<> ]+>")
_NAME_END = re.compile(r"[\s/>]")
_SPACE = re.compile(r"\s*")
#: Python-Markdown's backslash escapes (``\\<`` is not one)
_ESCAPED = re.compile(r"\\[\\`*_{}\[\]()>#+\-.!]")
#: ``attr_list``'s ``BASE_RE``: a brace, an optional colon, then something before ``}``;
#: here without a ``{`` inside, so that each brace is looked at up to the next one (of
#: ``{ a{ b }`` only ``{ b }`` is found -- a list all the same), not to the line's end:
#: thousands of braces no ``}`` closes took seconds
_ATTR_LIST = re.compile(r"\{:?[ ]*[^{}\n ][^{}\n]*\}")
#: only blanks up to the end of the line
_LINE_REST_BLANK = re.compile(r"[^\S\n]*(?:\n|\Z)")
_BLOCK_KINDS = (
    ("heading", r"#{1,6}(?:[ \t]|$)"),
    ("list", r"[-+*](?:[ \t]|$)"),
    ("numbered list", r"\d{1,9}[.)](?:[ \t]|$)"),
    ("quote", r">"),
    ("reference definition", r"!?\[[^\]]*\]:"),
    ("abbreviation", r"\*\[[^\]]*\]:"),
    ("admonition", r"(?:!!!|\?\?\?)"),
    ("table", r"\|"),
    ("definition", r":[ \t]"),
    ("code fence", r"(?:`{3,}|~{3,})"),
    ("rule", r"(?:[-*_][ \t]*){3,}$"),
    ("underline", r"=+[ \t]*$"),
)
_BLOCK_START = re.compile(
    r"[ \t]*(?:" + "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_BLOCK_KINDS)) + ")"
)


# ------------------------------------------------------------------ HTML
def html_tokens(text: str) -> Counter[str]:
    """Every HTML construct of *text*, by its exact text (see the module docstring)."""
    found: Counter[str] = Counter()
    if "<" not in text:
        return found
    pos = 0
    while (match := _TAG_START.search(text, pos)) is not None:
        end = _construct_end(text, match.start())
        found[text[match.start() : end]] += 1
        pos = max(end, match.start() + 1)
    for mail in _AUTOMAIL.finditer(text):
        if not _TAG_START.match(text, mail.start()):  # those are found above
            found[mail.group()] += 1
    return found


def tag_name(token: str) -> str:
    """``a`` for ``<a href=…>`` and ``</a>``; ``<!--`` and the like for the rest."""
    if token.startswith("<!--"):
        return "<!--"
    if token[1:2] in ("!", "?"):
        return token[:2]
    body = token[2:] if token.startswith("</") else token[1:]
    name = _NAME_END.split(body, maxsplit=1)[0]
    return name.rstrip(">").lower()


def _construct_end(text: str, start: int) -> int:
    """Where a browser ends the construct that starts at *start* (after its ``>``)."""
    for opening, closing in (("<!--", "-->"), ("<![CDATA[", "]]>")):
        if text.startswith(opening, start):
            end = text.find(closing, start + len(opening))
            return len(text) if end < 0 else end + len(closing)
    if text[start + 1] in "!?":
        end = text.find(">", start)
        return len(text) if end < 0 else end + 1
    return _tag_end(text, start)


def _tag_end(text: str, start: int) -> int:
    """The end of a start or end tag: ``>`` outside quoted attribute values."""
    name = _NAME_END.search(text, start + 2)
    pos = len(text) if name is None else name.start()
    while pos < len(text):
        char = text[pos]
        if char == ">":
            return pos + 1
        if char == "=":
            pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
            if pos < len(text) and text[pos] in "\"'":
                close = text.find(text[pos], pos + 1)
                if close < 0:
                    return len(text)
                pos = close + 1
                continue
            continue
        pos += 1
    return len(text)


# ------------------------------------------------------------ attribute lists
def attribute_lists(text: str) -> Counter[str]:
    """Every ``{…}`` Python-Markdown's ``attr_list`` can apply, by its exact text."""
    if "{" not in text:
        return Counter()
    unescaped = _ESCAPED.sub("\0\0", text) if "\\" in text else text
    return Counter(match.group() for match in _ATTR_LIST.finditer(unescaped))


#: what an inline element ends with: emphasis, code, a link or image, HTML, and the
#: marks of pymdownx's inline extensions
_INLINE_END = frozenset("*_`)]>~=^+")


def applied_attribute_lists(
    text: str, *, surely: bool, german: str | None = None
) -> Counter[str]:
    """The ``{…}`` of *text* in a place where ``attr_list`` applies them to an element.

    ``attr_list`` applies a list that follows an inline element directly, or that ends
    the block; a list after plain text is plain text.  With *surely* (for the German),
    only a list right after an inline element's closing mark or at the end of the text
    counts; without (for a translation), also one after any other mark or at the end
    of any line -- so a list the German shows as text cannot turn into attributes.
    A translation's list in the very place the German has it (the same character
    before it, ending a line or not) does what it does in the German: given the
    *german*, such lists are left out.
    """
    if "{" not in text:
        return Counter()
    same = _attribute_list_places(german) if german is not None else Counter()
    found: Counter[str] = Counter()
    for place in _attribute_list_places(text):
        before, value, ends_line, ends_text = place
        if same[place] > 0:
            same[place] -= 1
            continue
        if surely:
            applies = (before in _INLINE_END and before != "") or ends_text
        else:
            mark = before != "" and not (before.isalnum() or before.isspace() or before == "\0")
            applies = mark or ends_line
        if applies:
            found[value] += 1
    return found


def _attribute_list_places(text: str) -> Counter[tuple[str, str, bool, bool]]:
    """(character before, list, ends its line, ends the text) of every ``{…}``."""
    places: Counter[tuple[str, str, bool, bool]] = Counter()
    if "{" not in text:
        return places
    unescaped = _ESCAPED.sub("\0\0", text) if "\\" in text else text
    content_end = len(unescaped.rstrip())
    for match in _ATTR_LIST.finditer(unescaped):
        before = unescaped[match.start() - 1] if match.start() else ""
        ends_line = _LINE_REST_BLANK.match(unescaped, match.end()) is not None
        places[before, match.group(), ends_line, match.end() >= content_end] += 1
    return places


# ------------------------------------------------------------------ links
class _AnyReference(dict[str, Any]):
    """A reference map in which every label is defined: each bracket pair is a link."""

    def get(self, key: Any, default: Any = None) -> dict[str, str]:
        return {"href": f"[{key}]", "title": ""}


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def links(text: str) -> Counter[tuple[str, str]]:
    """``(kind, target)`` of every link and image; a reference target is ``[label]``."""
    found: Counter[tuple[str, str]] = Counter()
    if "[" not in text:
        return found
    tokens = _parser().parseInline(text, {"references": _AnyReference()})
    stack = list(tokens[0].children or [])
    while stack:
        token = stack.pop()
        if token.type == "link_open":
            found["link", str(token.attrs.get("href", ""))] += 1
        elif token.type == "image":
            found["image", str(token.attrs.get("src", ""))] += 1
            stack.extend(token.children or [])
    return found


# ------------------------------------------------------------------ lines
def line_breaks(text: str) -> Counter[str]:
    """The line separators of *text*, by kind."""
    return Counter(LINE_BREAK.findall(text))


def line_starts(text: str) -> Counter[str]:
    """The block syntax each line of *text* opens with (first line included)."""
    found: Counter[str] = Counter()
    for line in LINE_BREAK.split(text):
        kind = block_start(line)
        if kind is not None:
            found[kind] += 1
    return found


def block_start(line: str) -> str | None:
    """The kind of Markdown block *line* would open at the start of a line, if any."""
    match = _BLOCK_START.match(line)
    if match is None:
        return None
    index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
    return _BLOCK_KINDS[index][0]

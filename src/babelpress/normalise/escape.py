"""Minimal, deterministic Markdown escaping of prose.

The text of a paragraph, heading, caption or quote is written on one line; :func:`escape`
makes sure CommonMark (markdown-it-py) and Python-Markdown (MkDocs, with ``attr_list``)
both render it as the same literal text.  Only what could turn into markup is touched:

0. Every line separator (``\\n``, ``\\r``, ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``, NEL,
   U+2028, U+2029) becomes a space: Python-Markdown and mkdocs-static-i18n would
   start a new line there, where the rules below no longer hold (a title from
   ``meta.yml`` with a line break could open a heading or an admonition).  A line
   break inside a paragraph renders as white space anyway.

1. ``\\`` before ASCII punctuation or at the end -> ``\\\\``; ``*`` and backticks always;
   ``_`` unless it sits between two letters or digits (intraword underscores never emphasise);
   ``[`` and ``]`` always (no link, footnote or reference can start); a ``~`` next to
   another ``~`` -> ``&#126;`` (no strikethrough or fence in either dialect).
2. ``<`` before anything but white space -> ``&lt;`` (no raw HTML, no autolink, not even
   Python-Markdown's mail link ``<1@x.de>``);
   ``&`` that would start an entity -> ``&amp;``.
3. At the start of the line: ``#``, ``>``, ``+``/``-``/``*`` list markers, ``1.``/``1)``
   ordered-list markers (``24. April`` -> ``24\\. April``), thematic breaks, ``!!!``
   admonitions.  (Every block is one line after a blank line, so setext underlines,
   tables and lazy continuation lines cannot occur.)
4. ``{`` with a ``}`` after it: an attribute list ``{: .x }``, ``{'x' onclick=…}`` can
   follow a heading, a paragraph or any link or emphasis in it.
5. In headings, trailing ``#`` (a closing sequence) -> ``\\#``.

:func:`unescape` is the inverse (for tests and for re-reading generated Markdown).
"""

from __future__ import annotations

import re

_ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_BACKSLASH = re.compile(r"\\(?=[" + re.escape(_ASCII_PUNCT) + "]|$)")
_ALWAYS = re.compile(r"([*`\[\]])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_TILDES = re.compile(r"~(?=~)|(?<=~)~")
#: raw HTML, and Python-Markdown's autolinks, which take any character after ``<``
#: ("<1@x.de>" is a mail link there)
_TAG_START = re.compile(r"<(?=\S)")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(
    r"^(?:(?P<digits>\d{1,9})(?P<delim>[.)])(?=\s|$)"
    r"|(?P<mark>[#>]|[-+](?=\s|$)|[-_](?=\s*[-_*]\s*[-_*])|!!!))"
)
_ENTITIES = (("&lt;", "<"), ("&#126;", "~"), ("&amp;", "&"))
_ESCAPE = re.compile(r"\\([" + re.escape(_ASCII_PUNCT) + "])")


def one_line(text: str) -> str:
    """*text* with every line separator Markdown or YAML readers honour made a space."""
    return _LINE_BREAK.sub(" ", text)


def escape(text: str, *, heading: bool = False) -> str:
    """Escape one line of prose so that it renders as exactly *text*."""
    text = _LINE_BREAK.sub(" ", text)
    text = _BACKSLASH.sub(r"\\\\", text)
    text = _ENTITY.sub("&amp;", text)
    text = _TAG_START.sub("&lt;", text)
    text = _ALWAYS.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _TILDES.sub("&#126;", text)
    text = _escape_braces(text)
    text = _LINE_START.sub(_escape_line_start, text, count=1)
    if heading:
        text = re.sub(r"(?<!\\)(#+)\s*$", lambda m: "\\#" * len(m.group(1)), text)
    return text


def _escape_braces(text: str) -> str:
    """Every ``{`` with a ``}`` anywhere after it escaped: an attribute list can follow a
    heading or paragraph, or a link or an emphasis anywhere in the line
    (``<1@x.de>{onclick=…}``), and Python-Markdown reads one from a ``{`` to the next
    ``}`` whatever stands between (``{a {onfocus=…}``).  One pass: linear in the line."""
    last = text.rfind("}")
    return text if last < 0 else text[:last].replace("{", "\\{") + text[last:]


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group("digits"):
        return match.group("digits") + "\\" + match.group("delim")
    return "\\" + match.group("mark")


def unescape(text: str) -> str:
    """The literal text a line produced by :func:`escape` stands for."""
    text = _ESCAPE.sub(r"\1", text)
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return text

"""Check that generated Markdown renders as exactly the intended text.

Contract: :func:`rendering_problems` parses an article's Markdown with markdown-it-py
(CommonMark plus tables and strikethrough, raw HTML on) and compares, block by block,
the rendered text with the literal texts of the :class:`Article`.  It returns a list of
problems (empty when all is well): text that differs, or markup that appeared where
prose was meant (a list, a link, emphasis, raw HTML, code...).  The ``{: .class }``
attribute-list lines are Python-Markdown syntax and ignored here.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from babelpress.normalise.article import Article

_ATTR_LINE = re.compile(r"\n\{:[^{}\n]*\}$")
_BLOCK_TOKENS = {
    "paragraph_open",
    "paragraph_close",
    "heading_open",
    "heading_close",
    "blockquote_open",
    "blockquote_close",
    "bullet_list_open",
    "bullet_list_close",
    "ordered_list_open",
    "ordered_list_close",
    "list_item_open",
    "list_item_close",
    "inline",
}
_INLINE_MARKUP = {"strong_open", "strong_close"}


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def expected_texts(article: Article) -> list[str]:
    """The literal text of every rendered block of *article*, in order."""
    out: list[str] = []
    for block in article.blocks:
        if block.kind == "quote":
            out += [block.text, f"— {block.attribution}"]
        elif block.kind == "caption":
            out += [t for t in (block.text, block.credit) if t]
        elif block.kind == "list":
            out += list(block.items)
        else:
            out.append(block.text)
    return out


def rendered_texts(body: str) -> tuple[list[str], list[str]]:
    """(text of each inline run, unexpected token types) of Markdown *body*."""
    texts: list[str] = []
    unexpected: list[str] = []
    for token in parser().parse(body):
        if token.type not in _BLOCK_TOKENS:
            unexpected.append(token.type)
        elif token.type == "heading_open" and token.tag != "h2":
            unexpected.append(token.tag)
        elif token.type == "inline":
            texts.append(_ATTR_LINE.sub("", _plain(token.children or [], unexpected)))
    return texts, unexpected


def _plain(children: list[Token], unexpected: list[str]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n")
        elif child.type not in _INLINE_MARKUP:
            unexpected.append(child.type)
            parts.append(child.content)
    return "".join(parts)


def body_of(markdown: str) -> str:
    """*markdown* without its front matter."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            rest = markdown[end + 5 :]
            return rest[1:] if rest.startswith("\n") else rest
    return markdown


def rendering_problems(article: Article) -> list[str]:
    """Differences between what the Markdown renders and the article's texts."""
    texts, unexpected = rendered_texts(body_of(article.to_markdown()))
    problems = [f"unexpected markup: {kind}" for kind in sorted(set(unexpected))]
    expected = expected_texts(article)
    if len(texts) != len(expected):
        problems.append(f"{len(texts)} rendered blocks for {len(expected)} blocks of text")
    for got, want in zip(texts, expected, strict=False):
        if got != want:
            problems.append(f"renders as {got!r}, meant {want!r}")
    return problems

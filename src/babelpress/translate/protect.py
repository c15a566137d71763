"""Inline Markdown kept away from the translation engine, and put back afterwards.

A msgid is a sentence with its inline markup (``**bold**``, ``[text](⟨placeholder⟩)``,
`` `code` ``, ``<span>``...).  Engines translate words well but mangle markup, so
before sending, :func:`protect` replaces every piece of markup with a numbered token
``{1}``, ``{2}``... -- unique per occurrence, numbered in order -- and :func:`restore`
turns the engine's output back into msgid-form text.

Rules:

1. Protected as one token each ("atoms"): link-target placeholders
   (:data:`babelpress.markdown.reader.PLACEHOLDER_RE`), code spans, inline HTML tags and
   autolinks, backslash escapes, entities, footnote references, collapsed reference
   links ``[label][]`` (the label is the reference), and any text that already looks
   like a token (``{7}``), so a literal brace number survives too, and the
   ``{name}`` fields the code fills in (``{count}`` in the site's own words: an
   engine would translate the name, a pseudo-translation accent it).
2. Paired markup becomes an *open* and a *close* token around the words, which stay
   translatable: emphasis (``*``, ``**``, ``_``, ``__``, ``~~``) and links (``[`` ...
   ``]`` plus the target placeholder).  An unpaired delimiter stays an atom, and a
   bracket that starts no link (an editorial ``[Russen]``) stays text.
3. Restoring accepts the spacing engines add (``{ 3 }``, full-width braces) and
   removes spaces the engine put just inside a pair (``** text **`` is not emphasis).
4. Anything else -- a token missing, doubled, unknown, or a pair in the wrong
   order -- is reported in :attr:`Restored.problems`; the text is restored as far as
   possible and kept, and the caller flags it for the editor.

Braces and digits survive Google, DeepL, Microsoft and LibreTranslate best among the
token shapes tried (``<x id="1"/>`` is dropped or translated by plain-text engines,
``⟨1⟩`` is normalised to ``<1>``), and an engine leaves numbers in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

ATOM, OPEN, CLOSE = "atom", "open", "close"

#: how a token looks in the text sent to the engine
TOKEN_FORMAT = "{{{}}}"
#: how a token may look when it comes back (spaces added, full-width braces)
TOKEN_RE = re.compile(r"[{｛]\s*(\d+)\s*[}｝]")

_CODE = r"(?P<code>(?P<ticks>`+)[\s\S]*?(?P=ticks))"
_HTML = (
    r"(?P<html><(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9-]*\s*"
    r"|!--[\s\S]*?--|[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>)"
)
_ESCAPE = r"(?P<escape>\\[!-/:-@\[-`{-~\n])"
_FOOTNOTE = r"(?P<footnote>\[\^[^\]\s]+\])"
_LOOKALIKE = r"(?P<lookalike>[{｛]\s*\d+\s*[}｝])"
_FIELD = r"(?P<field>\{[A-Za-z_][A-Za-z0-9_]*\})"
_COLLAPSED = r"(?P<collapsed>!?\[[^\[\]\n]+\]\[\])"
_LINK_OPEN = r"(?P<link>!?\[)"
_DELIM = r"(?P<delim>\*{1,3}|_{1,3}|~~)"
_ENTITY = r"(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)"
#: the end of a link: ``]`` and its target (a placeholder in msgids), inline or by reference
_LINK_END = r"\](?:{placeholder}|\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)|\[[^\[\]\n]+\])"


@dataclass(frozen=True)
class Token:
    """One protected piece of markup."""

    number: int
    kind: str  # ATOM, OPEN or CLOSE
    original: str
    #: for OPEN/CLOSE: the number of the other half of the pair
    partner: int | None = None

    @property
    def text(self) -> str:
        return TOKEN_FORMAT.format(self.number)


@dataclass(frozen=True)
class Protected:
    """A msgid with its markup replaced by tokens."""

    text: str
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True)
class Restored:
    """The engine's output in msgid form, with what went wrong on the way back."""

    text: str
    problems: tuple[str, ...] = field(default=())


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The scanner for markup, and the matcher of a link's end."""
    from babelpress.markdown.reader import PLACEHOLDER_RE

    letters = "".join(
        letter
        for letter, flag in (("i", re.I), ("m", re.M), ("s", re.S), ("x", re.X))
        if PLACEHOLDER_RE.flags & flag
    )
    inner = f"(?{letters}:{PLACEHOLDER_RE.pattern})" if letters else PLACEHOLDER_RE.pattern
    placeholder = f"(?P<placeholder>{inner})"
    parts = (
        _CODE,
        placeholder,
        _HTML,
        _ESCAPE,
        _ENTITY,
        _FOOTNOTE,
        _LOOKALIKE,
        _FIELD,
        _COLLAPSED,
        _LINK_OPEN,
        _DELIM,
    )
    link_end = _LINK_END.replace("{placeholder}", f"(?:{inner})")
    return re.compile("|".join(parts)), re.compile(link_end)


class _Builder:
    """Collects the protected text and the tokens while scanning."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.tokens: list[Token] = []
        #: open delimiters waiting for their close: (delimiter, index in tokens)
        self.pending: list[tuple[str, int]] = []

    def add(self, kind: str, original: str) -> int:
        number = len(self.tokens) + 1
        self.tokens.append(Token(number, kind, original))
        self.out.append(TOKEN_FORMAT.format(number))
        return len(self.tokens) - 1

    def pair(self, opening: int, closing: int) -> None:
        first, second = self.tokens[opening], self.tokens[closing]
        self.tokens[opening] = Token(first.number, OPEN, first.original, second.number)
        self.tokens[closing] = Token(second.number, CLOSE, second.original, first.number)


def protect(text: str) -> Protected:
    """Replace the inline markup of msgid-form *text* with numbered tokens."""
    builder = _Builder()
    _scan(text, builder)
    return Protected("".join(builder.out), tuple(builder.tokens))


def _scan(text: str, builder: _Builder) -> None:
    scanner = _patterns()[0]
    pos = 0
    while pos < len(text):
        match = scanner.search(text, pos)
        if match is None:
            break
        builder.out.append(text[pos : match.start()])
        pos = _take(text, match, builder)
    builder.out.append(text[pos:])
    builder.pending.clear()


def _take(text: str, match: re.Match[str], builder: _Builder) -> int:
    """Handle one scanner match; return where scanning continues."""
    kind = match.lastgroup
    if kind == "link":
        return _take_link(text, match, builder)
    if kind == "delim":
        _take_delimiter(text, match, builder)
    else:
        builder.add(ATOM, match.group())
    return match.end()


def _take_link(text: str, match: re.Match[str], builder: _Builder) -> int:
    end = _link_text_end(text, match.end())
    closing = _patterns()[1].match(text, end) if end is not None else None
    if closing is None:  # a bracket that is not a link: "[Russen]" stays text
        builder.out.append(match.group())
        return match.end()
    opening = builder.add(ATOM, match.group())
    inner = _Builder()
    inner.tokens = builder.tokens  # share numbering; the pair encloses the inner tokens
    inner.out = builder.out
    _scan(text[match.end() : end], inner)
    builder.pair(opening, builder.add(ATOM, closing.group()))
    return closing.end()


def _link_text_end(text: str, start: int) -> int | None:
    """Index of the ``]`` that closes a link text starting at *start* (nesting allowed)."""
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return index
            depth -= 1
        elif char == "\n" and text.startswith("\n", index + 1):
            return None
        index += 1
    return None


def _take_delimiter(text: str, match: re.Match[str], builder: _Builder) -> None:
    delim = match.group()
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    can_open = not after.isspace()
    can_close = not before.isspace()
    if delim[0] == "_" and before.isalnum() and after.isalnum():
        builder.out.append(delim)  # snake_case, not emphasis
        return
    waiting = next(
        (i for i in range(len(builder.pending) - 1, -1, -1) if builder.pending[i][0] == delim), None
    )
    if can_close and waiting is not None:
        _, opening = builder.pending[waiting]
        del builder.pending[waiting:]
        builder.pair(opening, builder.add(ATOM, delim))
    elif can_open:
        builder.pending.append((delim, builder.add(ATOM, delim)))
    else:
        builder.add(ATOM, delim)


def restore(output: str, protected: Protected) -> Restored:
    """Put the markup back into the engine's *output*; report broken tokens."""
    by_number = {token.number: token for token in protected.tokens}
    seen: dict[int, int] = {}
    order: list[int] = []
    problems: list[str] = []
    for match in TOKEN_RE.finditer(output):
        number = int(match.group(1))
        seen[number] = seen.get(number, 0) + 1
        order.append(number)
    missing = [n for n in by_number if n not in seen]
    doubled = [n for n, count in seen.items() if count > 1 and n in by_number]
    unknown = [n for n in seen if n not in by_number]
    if missing:
        problems.append(_describe("missing", missing, by_number))
    if doubled:
        problems.append(_describe("repeated", doubled, by_number))
    if unknown:
        problems.append("unknown " + ", ".join(TOKEN_FORMAT.format(n) for n in unknown))
    problems.extend(_order_problems(order, by_number))
    text = TOKEN_RE.sub(lambda m: _marker(m, by_number), output)
    return Restored(_tidy(text), tuple(problems))


def _describe(what: str, numbers: list[int], by_number: dict[int, Token]) -> str:
    return f"{what} " + ", ".join(f"{by_number[n].original!r}" for n in numbers)


def _order_problems(order: list[int], by_number: dict[int, Token]) -> list[str]:
    first: dict[int, int] = {}
    for position, number in enumerate(order):
        first.setdefault(number, position)
    problems = []
    for number, token in by_number.items():
        if token.kind != OPEN or token.partner is None:
            continue
        if number in first and token.partner in first and first[number] > first[token.partner]:
            closing = by_number[token.partner].original
            problems.append(f"{token.original!r} ... {closing!r} in the wrong order")
    return problems


#: private-use markers that fence a restored pair until the spacing inside is tidied
_OPEN_MARK, _CLOSE_MARK = "\ue000", "\ue001"


def _marker(match: re.Match[str], by_number: dict[int, Token]) -> str:
    token = by_number.get(int(match.group(1)))
    if token is None:
        return match.group()
    if token.kind == OPEN:
        return token.original + _OPEN_MARK
    if token.kind == CLOSE:
        return _CLOSE_MARK + token.original
    return token.original


def _tidy(text: str) -> str:
    """Drop the spaces an engine put just inside a pair, then the fences."""
    text = re.sub(_OPEN_MARK + r"[ \t\u00a0]+", _OPEN_MARK, text)
    text = re.sub(r"[ \t\u00a0]+" + _CLOSE_MARK, _CLOSE_MARK, text)
    return text.replace(_OPEN_MARK, "").replace(_CLOSE_MARK, "")

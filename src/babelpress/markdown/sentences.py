"""German sentence splitter: a paragraph's text in, sentence spans out.

:func:`split_sentences` returns ``(start, end)`` spans.  Every non-whitespace
character lies in exactly one span, the gaps between spans (and before the first
and after the last) are whitespace only, so joining spans and gaps gives back
the text exactly.  Rules, in the order they are applied to each candidate end:

1. A candidate is ``.``, ``!``, ``?``, ``…`` or ``...`` (a run of them), followed
   by closing quotation marks, brackets or emphasis markers, then whitespace and a
   sentence start (a capital letter, a digit, an opening quotation mark or
   bracket, Markdown markup).  After a *closing quotation mark* the whitespace may
   be missing (``…darstellen.“Mit diesen Worten``).  A lowercase word after the
   period is never a sentence start, so ``möglich. erklärt`` and domains such as
   ``Vlast.kz`` or numbers such as ``1.400`` and ``3.5`` are never split; colons
   and semicolons never end a sentence.
2. ``?`` and ``!`` end a sentence, except right after ``(`` (``(?)``, ``(!)``);
   an ellipsis does not (``denken … Für uns``, ``hat (…) Wir``).
3. A period after an abbreviation from ``data/abbreviations_de.txt`` does not end
   a sentence (``Dr.``, ``St. Petersburger``, ``bzw.``, ``ca.``, ``vs.``), nor after
   a single letter (``z. B.``, ``u. a.``, initials); ``number`` abbreviations only
   before a digit (``Nr. 5``); ``end`` abbreviations may end one (``etc.``).
4. Ordinals: a period after a number of up to three digits does not end a sentence
   before a month (``am 9. Mai``, ``vom 10. Juli 2022``, ``bis zum 24. Februar``)
   or after a word that announces an ordinal (``am``, ``vom``, ``zum``, ``im``,
   ``seit``, ``der`` ... as in ``im 19. Jahrhundert``).  Years (``2022. Die``) do.
5. Quotations and brackets stay whole: no sentence ends strictly inside a matched
   ``„…“``, ``“…”``, ``«…»``, ``»…«``, ``"…"`` or ``(…)``/``[…]`` pair of at most
   :data:`MAX_KEEP` characters, so a multi-sentence quotation is one unit.  A
   sentence end directly before the closing mark ends after the mark.
   Callers may pass more such spans (``keep=``, e.g. Markdown emphasis).

The scan is linear: one regular expression finds the candidates, another the
quotation marks; Python code runs once per candidate, not per character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources

#: quotations or brackets longer than this may be split inside (a guard against
#: a mis-paired quotation mark swallowing a whole paragraph)
MAX_KEEP = 600

_MAX_DEPTH = 32
_CLOSERS = "\"'“”»«‘’)]*_"
_QUOTES = '"“”»«‘’'
_OPENERS = "„“\"«»‚‘'(\\[*_`<"

#: what may start a sentence: "(…)", opening marks, then a capital letter or a digit
_NEXT = rf"(?:[(\[](?:…|\.\.\.)[)\]]\s*)?[{re.escape(_OPENERS)}]*(?P<first>\w)"
#: a candidate end: a run of marks (or just "..."), closing marks, whitespace and, when
#: there is one, the first letter of what may start a sentence (an optional lookahead:
#: where it fails the candidate is still the same run of marks)
_CANDIDATE_RE = re.compile(
    # "..." or a run of marks, written to begin with a character set, which lets the
    # regex engine skip quickly to the next mark
    r"(?P<term>[.!?…](?:(?<=\.)\.\.|[.!?…]*))"
    rf"(?P<close>[{re.escape(_CLOSERS)}]*)"
    r"(?P<ws>\s*)"
    rf"(?:(?={_NEXT}))?"
)
_QUOTE_IN_RE = re.compile(rf"[{re.escape(_QUOTES)}]")
#: the word before a period, matched on the reversed text before it
_WORD_BEFORE_REVERSED_RE = re.compile(r"\w[\w.\-]*")
_WORD_AFTER_RE = re.compile(rf"[{re.escape(_OPENERS)}]*(\w+)")
_PREV_WORD_REVERSED_RE = re.compile(r"\W*(\w+)")
_MARK_RE = re.compile(r"[„“”\"«»()\[\]]")
_WORD_CHARS_RE = re.compile(r"\w")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS = _words(
    """Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober
    November Dezember Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez"""
)
#: words after which "<number>." is an ordinal, whatever follows ("im 19. Jahrhundert")
ORDINAL_CUES = _words(
    """am vom zum beim im ins seit ab bis den dem der des die das ihr ihre ihrem ihren
    sein seine seinem seinen jeden jedem jeder zur vor nach um über unter zu
    Am Vom Zum Beim Im Seit Ab Bis Den Dem Der Des Die Das Zur Vor Nach"""
)


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviation (without its final period) -> flag (``""``, ``number`` or ``end``)."""
    text = resources.files("babelpress").joinpath("data/abbreviations_de.txt").read_text("utf-8")
    table: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, flag = line.partition(" ")
        table[word.rstrip(".")] = flag.strip()
    return table


def split_sentences(text: str, *, keep: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentence spans of *text*; no sentence ends strictly inside a *keep* span."""
    boundaries = _boundaries(text, keep)
    spans: list[tuple[int, int]] = []
    start = 0
    for end, next_start in [*boundaries, (len(text), len(text))]:
        span = _trim(text, start, end)
        if span is not None:
            spans.append(span)
        start = next_start
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) without surrounding whitespace, or None when only whitespace."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # the usual sentence: nothing to strip, no copy
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + lead + len(stripped)


def _boundaries(text: str, keep: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(end of sentence, start of next) pairs, in order."""
    found: list[tuple[int, int]] = []
    inside: _Inside | None = None  # the quotations are looked for only when needed
    for match in _candidates(text):
        end = match.end("close")
        if inside is None:
            inside = _Inside(_keep_spans(text, keep))
        if inside(end) or not _ends_sentence(text, match):
            continue
        found.append((end, match.end()))
    return found


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Candidate ends followed by whitespace (or a closing quotation mark) and a
    sentence start."""
    size = len(text)
    for match in _CANDIDATE_RE.finditer(text):
        if match.end() >= size:
            continue
        if not match.group("ws") and not _QUOTE_IN_RE.search(match.group("close")):
            continue
        first = match.group("first")
        if first is not None and (first.isupper() or first.isdigit()):
            yield match


class _Inside:
    """Tells whether increasing positions lie strictly inside a union of spans."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._spans = merged
        self._index = 0

    def __call__(self, pos: int) -> bool:
        spans = self._spans
        while self._index < len(spans) and spans[self._index][1] <= pos:
            self._index += 1
        return self._index < len(spans) and spans[self._index][0] < pos


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    term = match.group("term")
    start = match.start()
    before = text[start - 1] if start else ""
    if before in "([\\":
        return False
    if "…" in term or term == "...":
        return False
    if "?" in term or "!" in term:
        return _paren_ok(text, match)
    if not _paren_ok(text, match):
        return False
    word = _before(text, start, _WORD_BEFORE_REVERSED_RE, 0)
    if not word:
        return True
    return _period_ends(text, word, start - len(word), match.end())


def _before(text: str, end: int, reversed_re: re.Pattern[str], group: int) -> str:
    """What *reversed_re* matches just before *end*, read backwards (a short window)."""
    match = reversed_re.match(text[max(0, end - 60) : end][::-1])
    return match.group(group)[::-1] if match else ""


def _paren_ok(text: str, match: re.Match[str]) -> bool:
    """A ``)`` closing a parenthesis opened mid-sentence keeps the sentence going."""
    close = match.group("close")
    if ")" not in close:
        return True
    opening = text.rfind("(", max(0, match.start() - MAX_KEEP), match.start())
    if opening < 0:
        return True
    before = opening - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    return before < 0 or text[before] in '.!?…:"“”»«'


def _period_ends(text: str, word: str, word_start: int, next_start: int) -> bool:
    """Whether a period after *word* ends the sentence."""
    if word.isdigit():
        return _number_period_ends(text, word, word_start, _word_after(text, next_start))
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isalpha():
        return False
    table = abbreviations()
    flag = table.get(word, table.get(last))
    if flag is None:
        return True
    if flag == "number":
        return not _word_after(text, next_start)[:1].isdigit()
    return flag == "end"


def _word_after(text: str, start: int) -> str:
    after = _WORD_AFTER_RE.match(text, start)
    return after.group(1) if after else ""


def _number_period_ends(text: str, number: str, start: int, next_word: str) -> bool:
    if len(number) > 3:
        return True
    if next_word in MONTHS:
        return False
    return _before(text, start, _PREV_WORD_REVERSED_RE, 1) not in ORDINAL_CUES


# ------------------------------------------------------------------ quotations
def _keep_spans(text: str, extra: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = [s for s in _quotation_spans(text) if s[1] - s[0] <= MAX_KEEP]
    spans.extend(extra)
    return spans


def _quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of matched quotations and brackets; unmatched marks are ignored."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for match in _MARK_RE.finditer(text):
        pos = match.start()
        mark = match.group(0)
        if len(stack) > _MAX_DEPTH:
            del stack[0]
        if mark in "([":
            stack.append((mark, pos))
        elif mark in ")]":
            _close_bracket(stack, spans, "(" if mark == ")" else "[", pos)
        elif _opens(text, pos, mark, stack):
            stack.append((mark, pos))
        elif stack and stack[-1][0] not in "([":
            spans.append((stack.pop()[1], pos + 1))
    return spans


def _close_bracket(
    stack: list[tuple[str, int]], spans: list[tuple[int, int]], opener: str, pos: int
) -> None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == opener:
            spans.append((stack[depth][1], pos + 1))
            del stack[depth:]
            return


def _opens(text: str, pos: int, mark: str, stack: list[tuple[str, int]]) -> bool:
    """Whether the quotation mark at *pos* opens a quotation (from its neighbours)."""
    if mark == "„":
        return True
    if mark == "”":
        return False
    if mark == "“" and stack and stack[-1][0] == "„":
        return False
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if after.isspace():
        return False
    if before.isspace() or before in "([„‚/-–—":
        return True
    return mark in "«»" and not _WORD_CHARS_RE.match(before) and before not in ".!?…,;:"

"""Repeated text: duplicated paragraphs (a lead shown twice) and pull quotes.

Contract:

* :func:`drop_duplicates` removes every paragraph line that repeats an earlier one word
  for word (case and punctuation ignored); the first occurrence stays where it is.
  Very short lines (under :data:`MIN_DUPLICATE_WORDS` words) are never treated as
  duplicates: a repeated short heading may be meant.
* :func:`find_pull_quotes` finds short paragraphs (at most ``pull_quote.max_sentences``
  sentences and ``pull_quote.max_chars`` characters) that repeat or paraphrase a run of
  consecutive sentences of another, longer paragraph of the body: difflib's ratio of the
  two word sequences (lower case, punctuation ignored) at least ``pull_quote.threshold``,
  and none of the words that differ is a fact (a number, a month, a number word or a
  negation: ``pull_quote.fact_words``) -- "im Januar um fünf Prozent" and "im Februar um
  sieben Prozent" are two statements, not a quote and its source.  Only the short copy
  goes; the body keeps every sentence.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from babelpress.normalise.article import Block
from babelpress.normalise.rules import Rules
from babelpress.normalise.structure import Line
from babelpress.normalise.text import comparable, sentences

MIN_DUPLICATE_WORDS = 6


def drop_duplicates(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(kept lines, repeated lines)."""
    seen: set[str] = set()
    kept: list[Line] = []
    repeated: list[Line] = []
    for line in lines:
        key = comparable(line.text)
        if key in seen and len(key.split()) >= MIN_DUPLICATE_WORDS:
            repeated.append(line)
            continue
        seen.add(key)
        kept.append(line)
    return kept, repeated


def find_pull_quotes(blocks: list[Block], rules: Rules) -> set[int]:
    """Indexes of the paragraph blocks that are pull quotes."""
    paragraphs = [(i, b) for i, b in enumerate(blocks) if b.kind == "paragraph"]
    body = [(i, b) for i, b in enumerate(blocks) if b.kind in ("paragraph", "quote")]
    found: set[int] = set()
    for index, block in paragraphs:
        if not _short(block.text, rules):
            continue
        for other_index, other in body:
            if other_index in found or other_index == index:
                continue
            if len(other.text) > len(block.text) and _repeats(block.text, other.text, rules):
                found.add(index)
                break
    return found


def _short(text: str, rules: Rules) -> bool:
    return (
        len(text) <= rules.pull_quote_max_chars
        and len(sentences(text)) <= rules.pull_quote_max_sentences
    )


def _repeats(quote: str, body: str, rules: Rules) -> bool:
    """True if *quote* is close to some run of consecutive sentences of *body*."""
    target = comparable(quote)
    if not target:
        return False
    if f" {target} " in f" {comparable(body)} ":
        return True
    body_sentences = [comparable(s).split() for s in sentences(body)]
    size = len(sentences(quote))
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    target_words = target.split()
    matcher.set_seq2(target_words)
    threshold = rules.pull_quote_threshold
    for width in range(max(1, size - 1), size + 2):
        for start in range(len(body_sentences) - width + 1):
            window = [w for s in body_sentences[start : start + width] for w in s]
            matcher.set_seq1(window)
            if (
                matcher.real_quick_ratio() >= threshold
                and matcher.quick_ratio() >= threshold
                and matcher.ratio() >= threshold
                and not _changes_facts(matcher, window, target_words, rules)
            ):
                return True
    return False


def _changes_facts(
    matcher: SequenceMatcher[str], first: list[str], second: list[str], rules: Rules
) -> bool:
    """True if a word that differs between *first* and *second* is a fact."""
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for word in (*first[a1:a2], *second[b1:b2]):
            if word in rules.fact_words or any(ch.isdigit() for ch in word):
                return True
    return False

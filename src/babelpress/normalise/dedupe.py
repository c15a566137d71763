"""Repeated text: duplicated paragraphs (a lead shown twice) and pull quotes.

Contract:

* :func:`drop_duplicates` removes every paragraph line that repeats an earlier one word
  for word (case and punctuation ignored); the first occurrence stays where it is.
  Very short lines (under :data:`MIN_DUPLICATE_WORDS` words) are never treated as
  duplicates: a repeated short heading may be meant.
* :func:`find_pull_quotes` finds short paragraphs (at most ``pull_quote.max_sentences``
  sentences and ``pull_quote.max_chars`` characters) that repeat or paraphrase a run of
  consecutive sentences of another, longer paragraph of the body at most
  ``pull_quote.distance`` blocks away (pull quotes are set near what they quote; the
  bound keeps the search linear in the length of the article): difflib's ratio of the
  two word sequences (lower case, punctuation ignored) at least ``pull_quote.threshold``,
  and none of the words that differ is a fact (a number, a month, a number word or a
  negation: ``pull_quote.fact_words``) -- "im Januar um fünf Prozent" and "im Februar um
  sieben Prozent" are two statements, not a quote and its source.  Nor is a paragraph
  with a word found nowhere else in the article ("Milch" beside "Brot", "leicht" beside
  "deutlich"; words compared by their first :data:`STEM_LETTERS` letters, so that a
  paraphrase may change an ending): a pull quote only reuses the article's own words.
  Only the short copy goes; the body keeps every sentence.  A paragraph of fewer than
  :data:`MIN_PULL_QUOTE_WORDS` words is never a pull quote ("Nein." is an answer).
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from babelpress.normalise.article import Block
from babelpress.normalise.rules import Rules
from babelpress.normalise.structure import Line
from babelpress.normalise.text import comparable, sentences

MIN_DUPLICATE_WORDS = 6
#: a paragraph this short is never a pull quote: "Nein." beside a paragraph saying
#: "nein" is an answer, not a copy
MIN_PULL_QUOTE_WORDS = 5
#: letters of a word compared to find it elsewhere in the article (see :func:`_stem`)
STEM_LETTERS = 4


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
    """Indexes of the paragraph and quotation blocks that are pull quotes (a quotation
    set apart with its speaker below it is one when its words are the article's own)."""
    forms: dict[int, _Form] = {}
    found: set[int] = set()
    vocabulary: Counter[str] = Counter()
    for block in blocks:
        vocabulary.update(_prefixes(comparable(block.text).split()))
    for index, block in enumerate(blocks):
        if block.kind not in ("paragraph", "quote") or not _short(block.text, rules):
            continue
        words = _form(forms, index, block).words
        if len(words) < MIN_PULL_QUOTE_WORDS:
            continue
        own = _prefixes(words)
        if any(vocabulary[_stem(word)] <= own[_stem(word)] for word in words):
            continue  # says something in words the rest of the article does not use
        low = max(0, index - rules.pull_quote_distance)
        high = min(len(blocks), index + rules.pull_quote_distance + 1)
        for other_index in range(low, high):
            other = blocks[other_index]
            if (
                other_index in found
                or other_index == index
                or other.kind not in ("paragraph", "quote")
                or len(other.text) <= len(block.text)
            ):
                continue
            if _repeats(_form(forms, index, block), _form(forms, other_index, other), rules):
                found.add(index)
                break
    return found


def _stem(word: str) -> str:
    """What is compared of a word to tell whether the article uses it: its first letters,
    so that a paraphrase may change an ending ("hatte" / "hat") but not the word."""
    return word[:STEM_LETTERS]


def _prefixes(words: list[str]) -> Counter[str]:
    """Every word's beginnings up to :data:`STEM_LETTERS` letters ("hat" finds "hatte")."""
    return Counter(
        word[:size] for word in words for size in range(1, min(len(word), STEM_LETTERS) + 1)
    )


class _Form:
    """A text in the forms compared: its words and its sentences' words."""

    def __init__(self, text: str) -> None:
        self.sentences = [comparable(s).split() for s in sentences(text)]
        self.words = [w for s in self.sentences for w in s]
        self.counts = Counter(self.words)
        self.joined = f" {' '.join(self.words)} "


def _form(forms: dict[int, _Form], index: int, block: Block) -> _Form:
    if index not in forms:
        forms[index] = _Form(block.text)
    return forms[index]


def _short(text: str, rules: Rules) -> bool:
    return (
        len(text) <= rules.pull_quote_max_chars
        and len(sentences(text)) <= rules.pull_quote_max_sentences
    )


def _repeats(quote: _Form, body: _Form, rules: Rules) -> bool:
    """True if *quote* is close to some run of consecutive sentences of *body*."""
    if not quote.words:
        return False
    if quote.joined in body.joined:
        return True
    # no window can score above 2*O/(len(quote)+O), O = words the two have in common
    common = sum((quote.counts & body.counts).values())
    if 2 * common < rules.pull_quote_threshold * (len(quote.words) + common):
        return False
    size = len(quote.sentences)
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(quote.words)
    threshold = rules.pull_quote_threshold
    for width in range(max(1, size - 1), size + 2):
        for start in range(len(body.sentences) - width + 1):
            window = [w for s in body.sentences[start : start + width] for w in s]
            matcher.set_seq1(window)
            if (
                matcher.real_quick_ratio() >= threshold
                and matcher.quick_ratio() >= threshold
                and matcher.ratio() >= threshold
                and not _changes_facts(matcher, window, quote.words, rules)
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

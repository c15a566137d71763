"""``headline-case``: English titles and headings are in title case (a warning).

The rule is the English style sheet's (``locale/style-en.md``), Chicago-style title case:

* capitalise the first and the last word of a headline, and of a subtitle after a
  colon, question mark or exclamation mark;
* in between, lower-case the articles (*a, an, the*), the coordinating conjunctions
  (*and, but, or, nor, for*), *to*, *as* and prepositions, whatever their length
  (*of, with, from, between, against* ...);
* capitalise every other word: nouns, pronouns, verbs (*Is, Be*), adjectives, adverbs
  and subordinating conjunctions (*Because, If, That*).

Words that are prepositions in one headline and adverbs or particles in another
(*up, over, in, after, since* ...) are accepted in either case, as are *so* and *yet*.
Names keep their own form: words with a capital or a dot inside (*iPhone*, *Kaspi.kz*,
*CSTO*) and lower-case particles before a capitalised name (*von der Leyen*) are not
reported.  Of a hyphenated compound only the first element is checked.  Code spans are
skipped, link text is checked without its Markdown, and quotation marks do not matter
(*A “Rather Tough” Conversation*).

The check runs only on entries whose extracted comment names them a ``title`` or a
``heading`` (see :attr:`babelpress.qa.model.Context.kinds`), and only for languages that
capitalise headlines this way (English).  A headline that needs another form (a quoted
title, a slogan) is silenced with ``#, ignore-headline-case``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babelpress.qa.model import WARNING, Context, Problem

HEADLINE_CASE = "headline-case"

#: the kinds of unit (first line of the ``#.`` comment) that are headlines
HEADLINE_KINDS = frozenset({"title", "heading"})
#: languages whose headlines are in title case
TITLE_CASE_LANGUAGES = frozenset({"en"})

#: lower case inside a headline whatever their use: articles, coordinating
#: conjunctions, "to", "as", and prepositions that are not also common adverbs
_MINOR_WORDS = (
    "a an the and but or nor for as to of at by from into onto upon with via per vs versus "
    "among amid amidst between against despite during toward towards within without "
    "throughout than"
)
#: prepositions or conjunctions in one use, adverbs, particles or subordinating
#: conjunctions in another ("Gives In", "After the War Ends"): either case is accepted
_EITHER_WORDS = (
    "so yet in on off up down out over about above across after along around before behind "
    "below beneath beside besides beyond inside like near outside past round since through "
    "till under underneath until unlike"
)
#: lower-case particles of personal names, accepted before a capitalised word
_PARTICLE_WORDS = "von van der den de del della di da du la le al el bin ibn ben dos das ter ten zu"
_MINOR = frozenset(_MINOR_WORDS.split())
_EITHER = frozenset(_EITHER_WORDS.split())
_NAME_PARTICLES = frozenset(_PARTICLE_WORDS.split())

#: Markdown that is not part of the words: code spans and URL placeholders stand in
#: as a word written as a name (so they keep their place but are never reported);
#: link targets, reference labels, emphasis markers and escapes go
_NAME_STAND_IN = " code.span "
_CODE_SPAN = re.compile(r"(`+).+?\1")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|\]\[[^\]]*\]")
_PLACEHOLDER = re.compile(r"<\d+>")
_MARKERS = re.compile(r"[*_~\[\]\\]")
#: a subtitle starts after these marks
_SUBTITLE_BREAK = re.compile(r"[:?!]['\"’”»)]*(?=\s|$)")
#: a word: a letter, then letters, digits, apostrophes, hyphens or inner dots
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")
_LONGEST_SHOWN = 40


@dataclass(frozen=True)
class _Word:
    text: str
    edge: bool  # first or last word of the headline or of a subtitle
    before_name: bool  # a capitalised word follows (past name particles)


def _words(headline: str) -> list[_Word]:
    """The words of *headline* as a reader sees them, with their position."""
    text = _PLACEHOLDER.sub(_NAME_STAND_IN, _CODE_SPAN.sub(_NAME_STAND_IN, headline))
    text = _MARKERS.sub("", _LINK_TARGET.sub("]", text))
    words: list[_Word] = []
    for part in _SUBTITLE_BREAK.split(text):
        found = [m.group() for m in _WORD.finditer(part)]
        for index, word in enumerate(found):
            edge = index in (0, len(found) - 1)
            words.append(_Word(word, edge, _name_follows(found[index + 1 :])))
    return words


def _name_follows(rest: list[str]) -> bool:
    """Whether a capitalised word comes next, past further name particles (von der …)."""
    for word in rest:
        if word.lower() not in _NAME_PARTICLES:
            return word[:1].isupper()
    return False


def _is_name_form(word: str) -> bool:
    """Written as a name or a brand writes itself: a capital or a dot inside."""
    return any(c.isupper() for c in word[1:]) or "." in word


def _verdict(word: _Word) -> str | None:
    """``"capitalise"``, ``"lower-case"`` or None (the word is right)."""
    head = re.split(r"[-‐]", word.text, maxsplit=1)[0] or word.text
    key = head.lower().replace("’", "'")
    if _is_name_form(word.text):
        return None
    is_lower = head[:1].islower()
    if word.edge:
        return "capitalise" if is_lower else None
    if key in _MINOR:
        return None if is_lower else "lower-case"
    if key in _EITHER:
        return None
    if is_lower and not (key in _NAME_PARTICLES and word.before_name):
        return "capitalise"
    return None


def headline_case_errors(headline: str) -> list[tuple[str, str]]:
    """(word, ``"capitalise"`` or ``"lower-case"``) for each word that breaks the rule."""
    found = []
    for word in _words(headline):
        verdict = _verdict(word)
        if verdict:
            found.append((word.text, verdict))
    return found


def is_headline(context: Context) -> bool:
    """Whether the entry being checked is a title or a heading."""
    return bool(HEADLINE_KINDS.intersection(context.kinds))


def check_headline_case(source: str, target: str, context: Context) -> list[Problem]:
    """A title or heading not in the target language's headline case."""
    if context.language not in TITLE_CASE_LANGUAGES or not is_headline(context):
        return []
    errors = headline_case_errors(target)
    if not errors:
        return []
    advice = []
    for verb in ("capitalise", "lower-case"):
        words = [_shown(word) for word, verdict in errors if verdict == verb]
        if words:
            advice.append(f"{verb} {', '.join(words)}")
    return [Problem(WARNING, HEADLINE_CASE, "title case: " + "; ".join(advice))]


def _shown(word: str) -> str:
    short = word if len(word) <= _LONGEST_SHOWN else word[: _LONGEST_SHOWN - 1] + "…"
    return f"“{short}”"

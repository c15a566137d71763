"""The mechanical rules of the Russian style sheet (``locale/style-ru.md``).

One check, ``ru-style``, runs on Russian translations only and reports warnings under
three names, each silenced on its own by ``ignore-<name>`` (or all by ``ignore-ru-style``):

``ru-omission``
    Text left out of a quotation is marked ``<…>`` in Russian: not the German or
    English ``(…)``, ``[…]``, not ``<...>`` with three full stops, and not an ellipsis
    standing alone between two words (in Russian an ellipsis of the speaker's own
    leans on the word before it: «думать…»).
``ru-title-case``
    Titles, headings and captions are in sentence case: only the first word and proper
    names take a capital.  Reported when a preposition or conjunction takes a capital
    in mid-sentence («Выход Из ОДКБ»), or when every word of the translation is
    capitalised while the German has lower-case words («Опасная Игра?» for „Ein
    gefährliches Spiel?“) -- an entry made only of names is capitalised in both.
``ru-quotes``
    «Ёлочки» outside, „лапки“ inside: a « opened inside another «…», or German-style
    „…“ as the only quotation marks where the German has a quotation of its own.

The rules look at the characters of the two texts, never at a list of sentences, so
they hold for pages that are not written yet.
"""

from __future__ import annotations

import re

from babelpress.qa.model import WARNING, Context, Problem

OMISSION = "ru-omission"
TITLE_CASE = "ru-title-case"
QUOTES = "ru-quotes"
NAMES = (OMISSION, TITLE_CASE, QUOTES)

_DOTS = r"(?:…|\.\.\.)"
_BRACKETED = re.compile(rf"(?:\(|\\?\[)\s*{_DOTS}\s*(?:\)|\\?\])")
_ANGLED_DOTS = re.compile(r"<\s*\.\.\.\s*>")
_FREE_STANDING = re.compile(rf"(?<=[\w,;:.!?)»“]\s){_DOTS}(?=\s+\S)")

#: prepositions, conjunctions and particles that never take a capital in mid-sentence
_SMALL_WORDS = (
    "в во на над под от до из изо к ко с со у о об обо за при про для без через "
    "перед между и или но а не ни как"
)
_FUNCTION_WORDS = frozenset(_SMALL_WORDS.split())
_CAPITALISED = re.compile(r"(?<=\s)[А-ЯЁ][а-яё]{0,5}(?![\w-])")
_CLOSING = '»“)]"'
_SENTENCE_END = ".?!…"
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
_CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def check_russian_style(source: str, target: str, context: Context) -> list[Problem]:
    """Every rule of the module docstring that *target* breaks (Russian only)."""
    if context.language != "ru":
        return []
    found = [
        *_omission(target),
        *_title_case(source, target),
        *_quotes(source, target),
    ]
    return [Problem(WARNING, name, message) for name, message in found]


def _omission(target: str) -> list[tuple[str, str]]:
    marks = [m.group() for m in _BRACKETED.finditer(target)]
    marks += [m.group() for m in _ANGLED_DOTS.finditer(target)]
    marks += [f"a free-standing {m.group()}" for m in _FREE_STANDING.finditer(target)]
    if not marks:
        return []
    listed = ", ".join(dict.fromkeys(marks))
    return [(OMISSION, f"an omission in a quotation is written <…> in Russian, not {listed}")]


def _title_case(source: str, target: str) -> list[tuple[str, str]]:
    capitals = [
        m.group()
        for m in _CAPITALISED.finditer(target)
        if m.group().lower() in _FUNCTION_WORDS and _mid_sentence(target[: m.start()])
    ]
    if capitals:
        listed = ", ".join(dict.fromkeys(capitals))
        return [(TITLE_CASE, f"sentence case: {listed} takes no capital in mid-sentence")]
    if _all_capitalised(target) and _has_lower_case_word(source):
        return [(TITLE_CASE, "sentence case: only the first word and names take a capital")]
    return []


def _mid_sentence(before: str) -> bool:
    """Whether a word after *before* stands inside a sentence, where no capital belongs.

    After a letter, a figure or a comma it does; after a closing quotation mark or
    bracket only when no full stop, question or exclamation mark closed the sentence
    inside it («Доколе?» В ответ …).  After a colon, a dash or an opening mark a
    capital may begin a quotation, so those count as a sentence's start.
    """
    text = before.rstrip()
    if not text:
        return False
    last = text[-1]
    if last.isalnum() or last == ",":
        return True
    return last in _CLOSING and len(text) > 1 and text[-2] not in _SENTENCE_END


def _all_capitalised(target: str) -> bool:
    """Two or more Cyrillic words (acronyms aside), every one with a capital."""
    words = [w for w in _WORD.findall(target) if _CYRILLIC.search(w) and not w.isupper()]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _has_lower_case_word(source: str) -> bool:
    # German capitalises nouns, so a lower-case word of four letters or more is a verb,
    # an adjective or an adverb: the text is more than a list of names
    return any(len(w) >= 4 and w[0].islower() for w in _WORD.findall(source))


def _quotes(source: str, target: str) -> list[tuple[str, str]]:
    problems = []
    if _nested_guillemets(target):
        problems.append((QUOTES, "«…» inside «…»: the inner quotation takes „лапки“"))
    if "„" in target and "«" not in target and "»" not in target and "„" in source:
        problems.append((QUOTES, "a quotation of its own takes «ёлочки» in Russian, not „…“"))
    return problems


def _nested_guillemets(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "«":
            if depth:
                return True
            depth += 1
        elif char == "»":
            # a sentence may close a quotation opened in the sentence before it
            depth = max(depth - 1, 0)
    return False

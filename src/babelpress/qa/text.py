"""Checks on the words and typography of a translation (all report warnings).

``same``
    The German was copied unchanged.  Not reported for text without letters, for
    names (every word capitalised and no German function word, at most four words, such
    as "Emma Collet" or "Astana Times") or for text made only of glossary terms.
``quotes``, ``brackets``
    Quotation marks and brackets open and close as in the German (a sentence inside a
    longer quotation may leave one open -- then the translation must too).  Quotation
    marks are read by each language's rules: German „…“ »…« «…» ‚…‘, English “…” ‘…’,
    Russian «…» „…“; straight "…" anywhere.  Marks foreign to the target language
    (German „ in English, English “…” in Russian) are reported as well.
``double-space``
    Two spaces in a row where the German has none.
``end-stop``, ``end-question``, ``end-exclamation``, ``end-colon``
    The translation ends like the German: full stop (or ellipsis), question mark,
    exclamation mark, colon, or none.  Closing quotes, brackets and emphasis markers
    around the mark do not matter: German „Wir kommen.“ = Russian «Мы придём». =
    English “We are coming.” (Weblate's names, so its ``ignore-end-stop`` flag works here.)
``length-ratio``
    The translation is much longer or shorter than the German: outside 0.4–2.5 times
    its length (0.25–4 for texts under 30 characters; not checked under 10).
``glossary``
    A glossary term of the German is not rendered the glossary's way (see
    :func:`babelpress.glossary.glossary_violations`).  A warning: a misspelt
    name is the editor's business, while hiding a whole sentence from readers for it
    would do more harm.  ``ignore-check-glossary`` (Weblate's name) also silences it.
"""

from __future__ import annotations

import re
from typing import Any

from babelpress.qa.model import WARNING, Context, Problem

SAME = "same"
QUOTES = "quotes"
BRACKETS = "brackets"
DOUBLE_SPACE = "double-space"
LENGTH = "length-ratio"
GLOSSARY = "glossary"

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_FUNCTION_WORDS = (
    "der die das den dem des ein eine einen einem einer eines und oder aber nicht ist sind "
    "war hat haben wird werden im in am an auf aus bei mit nach von vor zu zum zur für über "
    "unter um als auch noch nur sich es er sie wir ihr man dass wie wenn so"
)
_GERMAN_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
_MARKUP = re.compile(r"[*_`~\\]|\]\([^)]*\)|[\[\]]")


def _visible(text: str) -> str:
    """*text* without Markdown markup and link targets (what a reader sees, roughly)."""
    return _MARKUP.sub("", text)


# ----------------------------------------------------------------------- same
def check_same(source: str, target: str, context: Context) -> list[Problem]:
    """The German copied untranslated (names, figures and glossary terms excepted)."""
    if source.strip() != target.strip() or not _LETTER.search(source):
        return []
    if _names_only(source) or _glossary_only(source, context.glossary):
        return []
    return [Problem(WARNING, SAME, "the translation is the German text, unchanged")]


def _names_only(text: str) -> bool:
    words = _WORD.findall(_visible(text))
    if not words or len(words) > 4:
        return False
    return all(w[0].isupper() and w.lower() not in _GERMAN_FUNCTION_WORDS for w in words)


def _glossary_only(text: str, glossary: Any) -> bool:
    if glossary is None:
        return False
    rest = text
    for _term, variant in glossary.find(text):
        rest = rest.replace(variant, " ")
    return not _LETTER.search(rest)


# --------------------------------------------------------------------- quotes
#: (opening, closing) double quotation marks by language; German is read in two ways
_QUOTES = {
    "en": ("“", "”"),
    "ru": ("«„", "»“"),
    "fr": ("«", "»"),
    "de": ("„«", "“”»"),
}
#: marks that have no place in the language's running text
_FOREIGN = {"en": "„«»", "ru": "”", "fr": "„“”"}
_AMBIGUOUS_GERMAN = "“”»«"
_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)|(?<=s)’(?=\s|$)")


def _quote_depth(text: str, language: str) -> tuple[int, bool]:
    """(quotations opened minus closed, whether only the parity is known).

    Straight quotes count by parity.  German text without „ or « may use “…”, »…« or
    even “…“; then only the parity of its marks is known.
    """
    straight = text.count('"') % 2
    if language == "de" and "„" not in text and "«" not in text:
        return (sum(text.count(c) for c in _AMBIGUOUS_GERMAN) + straight) % 2, True
    opening, closing = _QUOTES.get(language, _QUOTES["en"])
    depth = sum(text.count(c) for c in opening) - sum(text.count(c) for c in closing)
    return depth + straight, False


_ANY_QUOTE = re.compile('["«»„“”‘’‚]')


def check_quotes(source: str, target: str, context: Context) -> list[Problem]:
    """Quotation marks balanced as in the German, in the target language's style."""
    if not _ANY_QUOTE.search(target) and not _ANY_QUOTE.search(source):
        return []
    messages = []
    expected, parity_only = _quote_depth(source, context.source_language)
    found, _ = _quote_depth(target, context.language)
    if (abs(found) % 2 if parity_only else found) != expected:
        messages.append(_balance_message("quotation marks", expected, found))
    opened = target.count("‘") - len(_closing_singles(target))
    if opened > 0 and "‘" not in source and "‚" not in source:
        messages.append("a single quotation mark ‘ is not closed")
    foreign = sorted({c for c in _FOREIGN.get(context.language, "") if c in target})
    if foreign:
        messages.append(f"quotation marks {' '.join(foreign)} are not {context.language!r} style")
    return [Problem(WARNING, QUOTES, "; ".join(messages))] if messages else []


def _closing_singles(text: str) -> list[str]:
    return [c for c in _APOSTROPHE.sub("", text) if c == "’"]


def _balance_message(what: str, expected: int, found: int) -> str:
    if expected == 0 and found > 0:
        return f"{what}: {found} opened and not closed"
    if expected == 0:
        return f"{what}: {-found} closed without being opened"
    return f"{what} do not open and close as in the German"


# ------------------------------------------------------------------- brackets
_PAIRS = (("(", ")"), ("[", "]"))


def check_brackets(source: str, target: str, context: Context) -> list[Problem]:
    """Round and square brackets open and close as in the German."""
    messages = []
    for opening, closing in _PAIRS:
        expected = source.count(opening) - source.count(closing)
        found = target.count(opening) - target.count(closing)
        if found != expected:
            messages.append(_balance_message(f"brackets {opening}{closing}", expected, found))
    return [Problem(WARNING, BRACKETS, "; ".join(messages))] if messages else []


# --------------------------------------------------------------- double-space
_DOUBLE_SPACE = re.compile(r"[ \u00a0\u202f\u2009]{2,}")


def check_double_space(source: str, target: str, context: Context) -> list[Problem]:
    """Two spaces in a row that the German does not have."""
    if _DOUBLE_SPACE.search(target.strip()) and not _DOUBLE_SPACE.search(source.strip()):
        return [Problem(WARNING, DOUBLE_SPACE, "two spaces in a row")]
    return []


# ------------------------------------------------------------ end punctuation
#: what may follow the end mark: closing quotes and brackets, emphasis, spaces
_TAIL_CHARS = frozenset(".?!:;…*_`»«“”„\"'’‘)] \t\n\u00a0")
_END_NAMES = {"stop": "end-stop", "question": "end-question",
              "exclamation": "end-exclamation", "colon": "end-colon"}  # fmt: skip
_END_WORDS = {
    "stop": "a full stop",
    "question": "a question mark",
    "exclamation": "an exclamation mark",
    "colon": "a colon",
    None: "no end mark",
}


def _ending(text: str) -> str | None:
    start = len(text)
    while start and text[start - 1] in _TAIL_CHARS:
        start -= 1
    marks = text[start:]
    if "?" in marks:
        return "question"
    if "!" in marks:
        return "exclamation"
    if ":" in marks:
        return "colon"
    if "." in marks or "…" in marks:
        return "stop"
    return None


def check_end_punctuation(source: str, target: str, context: Context) -> list[Problem]:
    """The translation ends with the same kind of mark as the German."""
    theirs, ours = _ending(source), _ending(target)
    if theirs == ours:
        return []
    name = _END_NAMES[theirs or ours]  # type: ignore[index]
    return [
        Problem(
            WARNING,
            name,
            f"the German ends with {_END_WORDS[theirs]}, the translation with {_END_WORDS[ours]}",
        )
    ]


# ---------------------------------------------------------------------- length
def check_length_ratio(source: str, target: str, context: Context) -> list[Problem]:
    """Much longer or much shorter than the German (see the module docstring)."""
    theirs, ours = len(_visible(source).strip()), len(_visible(target).strip())
    if theirs < 10:
        return []
    low, high = (0.4, 2.5) if theirs >= 30 else (0.25, 4.0)
    ratio = ours / theirs
    if low <= ratio <= high:
        return []
    return [
        Problem(WARNING, LENGTH, f"{ratio:.1f} times as long as the German (usual: {low}–{high})")
    ]


# -------------------------------------------------------------------- glossary
def check_glossary(source: str, target: str, context: Context) -> list[Problem]:
    """Glossary terms of the German rendered the glossary's way."""
    if context.glossary is None:
        return []
    from babelpress.glossary import glossary_violations

    found = glossary_violations(source, target, context.language, context.glossary)  # type: ignore[arg-type]
    messages = [m.removeprefix("glossary: ") for m in found]
    return [Problem(WARNING, GLOSSARY, "; ".join(messages))] if messages else []

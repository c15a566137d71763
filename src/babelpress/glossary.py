"""The glossary: names and terms rendered one way in every language.

File format (``locale/glossary.csv``, UTF-8, comma-separated, first row a header)::

    de,en,ru,note
    Tokajew / Toqaev / Tokaev,Tokayev,Токаев,President of Kazakhstan (surname alone)

* ``de`` -- the spellings that occur in German sources, plus wrong renderings an
  engine is known to produce, separated by `` / `` or ``;``.  Matched as whole words,
  case-sensitively; a German case ending (``Tokajews``) or a hyphenated compound
  (``OVKS-Truppen``) still matches.  Longer variants win: in
  ``Qassym-Schomart Tokajew`` the full-name row applies, not the surname row.
* ``en``, ``ru`` -- the rendering to use (empty: no rule for that language); further
  accepted renderings may follow, separated the same way (``CSTO / Collective
  Security Treaty Organization``).  Drafts are edited to the first one -- or, for a
  variant of several words, to the first rendering of several words, so a German
  full name left in a draft becomes the English full name, not the acronym.
* ``note`` -- free text for editors.  Rows whose ``de`` starts with ``#`` are comments.

Two uses:

1. :func:`post_edit` -- machine drafts are corrected where the engine kept or
   transliterated a variant differently: a variant found in the draft is replaced by
   the glossary term.  This is deliberately conservative.  Replacing names with tokens
   before sending (the alternative) was rejected: the engine then cannot inflect the
   name or agree verbs with it (Russian ``Захарова заявила``), and a token in the
   nominative lands in the wrong case (``встреча с Токаев``).  Post-editing keeps the
   engine's grammar and only fixes spellings; a Russian draft where the name came back
   in Latin script gets the nominative form, and the entry is fuzzy anyway.
2. :func:`glossary_violations` -- the QA check: for each term of the msgid, the
   translation must contain its rendering (Russian: any case ending of it).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from babelpress.errors import InputError
from babelpress.fsutil import read_text

COLUMNS = ("de", "en", "ru", "note")
_SPLIT = re.compile(r"\s+/\s+|\s*;\s*")
#: German endings a name may carry in running text (genitive, weak nouns)
_GERMAN_ENDING = r"(?:s|es|n|en)?"
_RU_VOWELS = "аяоеёыийьэюу"


@dataclass(frozen=True)
class Term:
    """One glossary row."""

    variants: tuple[str, ...]
    #: (language, accepted renderings, preferred first)
    renderings: tuple[tuple[str, tuple[str, ...]], ...]
    note: str = ""
    line: int = 0

    def accepted(self, language: str) -> tuple[str, ...]:
        return dict(self.renderings).get(language, ())

    def rendering(self, language: str) -> str:
        """The preferred rendering in *language*, or ``""``."""
        accepted = self.accepted(language)
        return accepted[0] if accepted else ""


@dataclass(frozen=True)
class Glossary:
    """All terms, with the matchers built once."""

    terms: tuple[Term, ...] = ()

    @cached_property
    def _matcher(self) -> tuple[re.Pattern[str] | None, dict[str, int]]:
        owner: dict[str, int] = {}
        for index, term in enumerate(self.terms):
            for variant in term.variants:
                owner.setdefault(variant, index)
        if not owner:
            return None, owner
        body = "|".join(re.escape(v) for v in sorted(owner, key=lambda v: (-len(v), v)))
        return re.compile(rf"(?<!\w)({body}){_GERMAN_ENDING}(?!\w)"), owner

    def exact(self, text: str) -> Term | None:
        """The term one of whose German spellings is the whole of *text*, or None."""
        _, owner = self._matcher
        index = owner.get(text.strip())
        return self.terms[index] if index is not None else None

    def find(self, text: str) -> Iterator[tuple[Term, str]]:
        """The terms occurring in German *text*, with the variant that matched, in order."""
        pattern, owner = self._matcher
        if pattern is None:
            return
        for match in pattern.finditer(text):
            yield self.terms[owner[match.group(1)]], match.group(1)


def header_row(languages: Iterable[str]) -> str:
    """The header line of an empty glossary for *languages* (the German column first)."""
    return ",".join([COLUMNS[0], *languages, COLUMNS[-1]]) + "\n"


def load_glossary(path: str | Path, *, root: str | Path | None = None) -> Glossary:
    """Read a glossary CSV; a missing file is an empty glossary.

    With *root* (the project), a glossary leading outside it is refused unread.
    """
    path = Path(path)
    try:
        text = read_text(path, root=root, encoding="utf-8-sig")
    except FileNotFoundError:
        return Glossary()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the glossary: {exc}", path=path) from None
    return parse_glossary(text, path=path)


def parse_glossary(text: str, *, path: str | Path = "glossary.csv") -> Glossary:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        return _terms(reader, path)
    except csv.Error as exc:
        raise InputError(f"not a CSV file: {exc}", path=path, line=reader.line_num) from None


def _terms(reader: csv.DictReader[str], path: str | Path) -> Glossary:
    missing = [c for c in COLUMNS[:1] if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(
            "the glossary needs a header row with the columns de,en,ru,note", path=path, line=1
        )
    terms = []
    for row in reader:
        line = reader.line_num
        source = (row.get("de") or "").strip()
        if not source or source.startswith("#"):
            continue
        renderings = tuple(
            (lang, _split(value))
            for lang, value in row.items()
            if lang and lang not in ("de", "note") and _split(value)
        )
        variants = _split(source)
        terms.append(Term(variants, renderings, (row.get("note") or "").strip(), line))
    return Glossary(tuple(terms))


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in _SPLIT.split(value or "") if part.strip())


def post_edit(draft: str, msgid: str, language: str, glossary: Glossary) -> str:
    """Replace variants the engine left in *draft* with the glossary's rendering."""
    for term, _ in _unique(glossary.find(msgid)):
        accepted = term.accepted(language)
        if not accepted:
            continue
        for variant in sorted(term.variants, key=len, reverse=True):
            if any(variant in good for good in accepted):
                continue
            draft = _whole_word(variant).sub(_literal(_replacement(variant, accepted)), draft)
    return draft


def _literal(text: str) -> Callable[[re.Match[str]], str]:
    """*text* as a replacement, not a template: a backslash in the glossary is text."""
    return lambda _match: text


def _replacement(variant: str, accepted: tuple[str, ...]) -> str:
    """A full name for a full name, a short form for a short one (no "SCO (SCO)")."""
    spaced = " " in variant
    return next((a for a in accepted if (" " in a) == spaced), accepted[0])


def glossary_violations(msgid: str, msgstr: str, lang: str, glossary: Glossary) -> list[str]:
    """Terms of *msgid* whose rendering for *lang* is missing from *msgstr*."""
    problems = []
    for term, variant in _unique(glossary.find(msgid)):
        accepted = term.accepted(lang)
        if accepted and not any(_rendering_pattern(a, lang).search(msgstr) for a in accepted):
            problems.append(f"glossary: {variant!r} should be rendered {accepted[0]!r}")
    return problems


def _unique(found: Iterator[tuple[Term, str]]) -> Iterator[tuple[Term, str]]:
    seen: set[int] = set()
    for term, variant in found:
        if id(term) not in seen:
            seen.add(id(term))
            yield term, variant


def _whole_word(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){_apostrophes(re.escape(text))}(?!\w)")


def _apostrophes(pattern: str) -> str:
    """A typewriter apostrophe in a term also matches the typographic one, and back."""
    return re.sub("['’]", "['’]", pattern)


def _rendering_pattern(rendering: str, language: str) -> re.Pattern[str]:
    if language != "ru":
        return _whole_word(rendering)
    words = [_russian_word(word) for word in rendering.split()]
    if rendering[:1].islower():
        # a term written in lower case may open a sentence: «Пресс-секретарь Путина …»
        first = rendering[0]
        words[0] = f"[{first}{first.upper()}]" + words[0][len(re.escape(first)) :]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?!\w)")


def _russian_word(word: str) -> str:
    """A Russian word with any case ending: Токаев → Токаева; Центральная Азия → Центральной Азии.

    ``ё`` also matches ``е``, as Russian text usually writes it (Пётр → Петра).
    """
    if word.isupper() or not re.search("[а-яё]", word[-1:]):
        return _yo(re.escape(word))
    stem = word.rstrip(_RU_VOWELS)
    if len(stem) < 2:
        return _yo(re.escape(word))
    return _yo(re.escape(stem)) + "[а-яё]{0,3}"


def _yo(pattern: str) -> str:
    return pattern.replace("ё", "[её]").replace("Ё", "[ЕЁ]")

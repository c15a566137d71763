"""Evidence about one line of a pasted page: the article's text, or the site's furniture?

Contract of :func:`assess` (pure; the weights and word lists are data, the ``evidence``
section of the rules):

1. A line's *score* is the sum of its signs, each with a weight: the weighted share of
   site words (Facebook, Cookies, Newsletter, Abonnieren …), two or more platform names
   (a share bar), a counter or duration ("Bild 1 von 5", "04:12 min"), a link, a short
   line ending in a site verb (a button: "Video abspielen"), separators between short
   items (a menu), where the line stands (above the first or below the last paragraph
   of prose; between them counts against furniture; right beside the byline and date,
   or between two lines of furniture),
   a short line found again on the page, and the share of German function words (which
   counts against furniture).
2. A line that *reads as a sentence* (ends in ``.``, ``!``, ``?`` or ``…``; a longer
   one in ``:``) is judged only on what it says: its site words, and whether it speaks
   to the reader about the site ("Mit dem Newsletter bleiben Sie …", "Laden Sie die
   App …"); where it stands adds to that evidence only.  Being short or standing at the
   edge never counts against a sentence by itself.  A counter ("32:15 Min.") is no
   sentence.
3. :class:`Evidence` carries the score, the signs that made it (for the explain
   output) and whether the line reads as a sentence; :func:`verdict` turns it into
   ``"remove"``, ``"doubt"`` or ``"keep"`` with the thresholds of the rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from babelpress.normalise.text import plain_spaces

_WORD = re.compile(r"[^\W\d_]+")
_TRAILING = "“”\"'»«)’]* "
_SEPARATORS = re.compile(r"\s[|›»>•·/]\s|\t")
#: a line of this many words, most not the site's, is shaped like a headline
HEADLINE_WORDS = 4
#: compound words are searched for site words this long or longer at their end
COMPOUND_MIN = 6
#: a row of section names without separators has at least this many
MENU_WORDS = 3
#: an agency's or editor's credit in brackets after a sentence: "(dpa)", "(AFP/lno)"
_CREDIT_END = re.compile(r"(?<=[.!?…“”\"»«])\s*\((?:[A-Za-z]{2,6}(?:[/,] ?[A-Za-z]{2,6}){0,3})\)$")
#: a figure and a unit's abbreviation at the end: its full stop ends no sentence
_UNIT_STOP = re.compile(r"\d\s?(?:min|std|sek|sec)\.$", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[.,:;!?„“\"()]")

HEAD, BODY, TAIL = "before the article", "inside the article", "after the article"


@dataclass(frozen=True)
class Weights:
    """How much each sign counts (see ``evidence.weights`` in the rules)."""

    site_words: float = 1.6
    share_bar: float = 1.0
    counter: float = 1.5
    button: float = 0.5
    separators: float = 0.5
    before_article: float = 0.4
    after_article: float = 0.8
    inside_article: float = -0.3
    repeated: float = 0.5
    function_words: float = -0.5
    reader_talk: float = 1.2
    reader_talk_more: float = 0.6
    call_to_action: float = 0.5
    neighbours: float = 0.5


@dataclass(frozen=True)
class EvidenceRules:
    """The compiled ``evidence`` section of the rules."""

    weights: Weights
    site_words: Mapping[str, float]
    platforms: frozenset[str]
    site_verbs: frozenset[str]
    site_nouns: frozenset[str]
    #: names of a news site's sections ("Inland", "Sport"): a row of them is a menu
    section_names: frozenset[str]
    function_words: frozenset[str]
    counters: tuple[re.Pattern[str], ...]
    codes: tuple[re.Pattern[str], ...]
    reader_address: re.Pattern[str]
    call_to_action: re.Pattern[str]
    remove_at: float = 1.0
    doubt_at: float = 0.5
    sentence_remove_at: float = 1.5
    sentence_doubt_at: float = 0.8
    prose_min_words: int = 6

    @cached_property
    def any_counter(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p.pattern})" for p in self.counters) or "$^", re.I)

    @cached_property
    def compound(self) -> re.Pattern[str]:
        """A word ending in a strong site word ("bildergalerie" in "Fotobildergalerie")."""
        long = sorted(w for w, v in self.site_words.items() if v >= 1.0 and len(w) >= COMPOUND_MIN)
        return re.compile(".(?:" + "|".join(map(re.escape, long)) + ")$" if long else "$^")

    @cached_property
    def noun_suffix(self) -> re.Pattern[str]:
        """A compound ending in a site noun ("News-App" gives "app"; "Nutzer-Newsletter")."""
        nouns = sorted(n for n in self.site_nouns if len(n) >= 3)
        return re.compile(r"^\w{3,}(?:" + "|".join(map(re.escape, nouns)) + ")$" if nouns else "$^")


@dataclass(frozen=True)
class Evidence:
    """The score of a line, the signs that made it, and whether it reads as a sentence."""

    score: float
    signs: tuple[str, ...]
    sentence: bool
    #: share of the line's words that are site words (weighted)
    site_share: float = 0.0

    def describe(self) -> str:
        return f"score {self.score:.1f}: " + ", ".join(self.signs) if self.signs else "no signs"


def words(text: str) -> list[str]:
    """The letter words of *text*, lower case; hyphenated compounds give their parts."""
    return _WORD.findall(text.casefold())


#: the dot of a registered association's or cooperative's name ends no sentence
_NAME_STOP = re.compile(r"\b(?:e\.\s?V|e\.\s?G|e\.\s?K)\.$")
#: the small words of a name ("Verein zur Förderung der Jugend"); a sentence has a verb
_NAME_WORDS = frozenset(
    {"für", "und", "der", "die", "das", "des", "den", "dem", "zur", "zum", "von", "vom", "in", "im",
     "am", "an", "auf", "bei", "e", "v"}
)  # fmt: skip


def _a_name(text: str) -> bool:
    """Every word of *text* begins with a capital or a figure, or is one of a name's small
    words: a name, not a sentence."""
    found = _WORD.findall(text)
    return bool(found) and all(w[:1].isupper() or w in _NAME_WORDS for w in found)


def reads_as_sentence(text: str) -> bool:
    """Ends like a sentence; a line ending in a colon or semicolon needs four words."""
    # an agency's credit after the last sentence ("… von der Strecke. (dpa)") ends none
    stripped = _CREDIT_END.sub("", text.rstrip()).rstrip(_TRAILING)
    if not stripped or not _WORD.search(stripped):
        return False
    if _UNIT_STOP.search(stripped):
        return False  # a duration's abbreviation: "Artikel anhören · 4:12 Min."
    if _NAME_STOP.search(stripped) and _a_name(_NAME_STOP.sub("", stripped)):
        return False  # a club's name: "Landesverband für Vogel- und Naturschutz e.V."
    if len(_WORD.findall(stripped)) == 1 and stripped.endswith(("...", "…")):
        return False  # a search field's placeholder: "Suche ..."
    if stripped[-1] in ".!?…":
        return True
    return stripped[-1] in ":;" and len(stripped.split()) >= 4


def is_menu(text: str, rules: EvidenceRules | None = None) -> bool:
    """Items between two or more separators ("Stadt · Umland · Polizei", "A | B | C"; not
    labels with their values, "Regie: … · Bühne: …", nor a table's figures),
    or (with *rules*) a row of section names and nothing else ("Inland Ausland
    Wirtschaft Chronik"): at least :data:`MENU_WORDS` words, no punctuation, most of them
    section names, none a function word."""
    if len(_SEPARATORS.findall(f" {text} ")) >= 2:
        # items that are labels with their values ("Regie: … · Bühne: …") are credits,
        # items that are mostly figures ("Wurfquote · 60 % · 57 %") a table's row
        items = [item for item in _SEPARATORS.split(f" {text} ") if item.strip()]
        valued = sum(": " in item or any(c.isdigit() for c in item) for item in items)
        return valued * 2 < len(items)
    if rules is None or not rules.section_names or _PUNCTUATION.search(text):
        return False
    tokens = words(text)
    if len(tokens) < MENU_WORDS or len(tokens) != len(text.split()):
        return False
    named = sum(t in rules.section_names for t in tokens)
    return named / len(tokens) >= 0.6 and not any(t in rules.function_words for t in tokens)


def function_share(tokens: list[str], rules: EvidenceRules) -> float:
    return sum(t in rules.function_words for t in tokens) / len(tokens) if tokens else 0.0


def is_prose(text: str, rules: EvidenceRules, evidence: Evidence | None = None) -> bool:
    """A paragraph of the article's prose: a sentence of several words, mostly running
    German text, that does not speak to the reader about the site (*evidence*: the
    line's evidence inside the article, if already known)."""
    tokens = words(text)
    if len(tokens) < rules.prose_min_words or not reads_as_sentence(text):
        return False
    if function_share(tokens, rules) < 0.15:
        return False
    evidence = evidence or assess(text, BODY, False, rules)
    return verdict(evidence, rules) == "keep"


def assess(
    text: str, zone: str, repeated: bool, rules: EvidenceRules, *, neighbours: str = ""
) -> Evidence:
    """The evidence that *text*, standing in *zone*, is furniture (see the contract)."""
    tokens = words(text)
    signs: list[tuple[str, float]] = []
    w = rules.weights
    site = [t for t in tokens if _site_weight(t, rules)]
    site_share = sum(_site_weight(t, rules) for t in site) / len(tokens) if site else 0.0
    if site:
        signs.append((f"site words {', '.join(dict.fromkeys(site))}", w.site_words * site_share))
    counter = bool(rules.any_counter.search(plain_spaces(text).strip().casefold()))
    sentence = reads_as_sentence(text) and not counter
    position = {HEAD: w.before_article, TAIL: w.after_article, BODY: w.inside_article}
    if sentence:
        talk = _reader_talk(text, tokens, rules)
        if talk and zone != BODY:
            talk.append((zone, w.before_article))
        signs.extend(talk)
        return _total(signs, sentence, site_share)
    if counter:
        signs.append(("counter", w.counter))
    if neighbours:
        signs.append((neighbours, w.neighbours))
    signs.extend(_shape_signs(text, tokens, rules))
    if repeated and len(tokens) <= 6:
        signs.append(("found again on the page", w.repeated))
    signs.append((zone, position[zone]))
    share = function_share(tokens, rules)
    if share:
        signs.append((f"function words {share:.0%}", w.function_words * share))
    return _total(signs, sentence, site_share)


def verdict(evidence: Evidence, rules: EvidenceRules) -> str:
    """``remove``, ``doubt`` (keep, but say so) or ``keep``."""
    remove_at, doubt_at = rules.remove_at, rules.doubt_at
    if evidence.sentence:
        remove_at, doubt_at = rules.sentence_remove_at, rules.sentence_doubt_at
    if evidence.score >= remove_at:
        return "remove"
    return "doubt" if evidence.score >= doubt_at else "keep"


def _total(signs: list[tuple[str, float]], sentence: bool, site_share: float) -> Evidence:
    score = round(sum(value for _, value in signs), 3)
    shown = tuple(f"{name} ({value:+.1f})" for name, value in signs if value)
    return Evidence(score, shown, sentence, site_share)


def headline_shaped(text: str, evidence: Evidence) -> bool:
    """Four words or more, most of them not the site's, no counter, link or button: a
    headline or a heading (or a teaser, which its label's rule removes)."""
    return (
        len(text.split()) >= HEADLINE_WORDS
        and evidence.site_share < 0.5
        and not any(s.startswith(("counter", "link", "button")) for s in evidence.signs)
    )


def _site_weight(token: str, rules: EvidenceRules) -> float:
    weight = rules.site_words.get(token)
    if weight is not None:
        return weight
    return 1.0 if rules.compound.search(token) else 0.0


def _shape_signs(text: str, tokens: list[str], rules: EvidenceRules) -> list[tuple[str, float]]:
    w = rules.weights
    signs: list[tuple[str, float]] = []
    platforms = {t for t in tokens if t in rules.platforms}
    if len(platforms) >= 2 or (platforms and len(tokens) == 1):
        # one platform alone on its line is a button of a share bar pasted a line each
        signs.append(("share bar", w.share_bar))
    if any(p.search(text) for p in rules.codes):
        signs.append(("link", w.counter))
    if tokens and len(text.split()) <= 4 and tokens[-1] in rules.site_verbs:
        signs.append((f"button ({tokens[-1]})", w.button))
    if is_menu(text, rules):
        signs.append(("separators", w.separators))
    if _tool_row(text, rules):
        signs.append(("button row (buttons and counters between separators)", w.counter))
    return signs


def _tool_row(text: str, rules: EvidenceRules) -> bool:
    """Items between separators, each a button or a counter: a player's or a tool bar's
    line ("Artikel anhören • 4 Min")."""
    items = [item.strip() for item in _SEPARATORS.split(f" {plain_spaces(text)} ") if item.strip()]
    return len(items) >= 2 and all(_tool(item, rules) for item in items)


def _tool(item: str, rules: EvidenceRules) -> bool:
    if rules.any_counter.search(item.casefold()):
        return True
    tokens = words(item)
    return bool(tokens) and len(item.split()) <= 3 and tokens[-1] in rules.site_verbs


def _reader_talk(text: str, tokens: list[str], rules: EvidenceRules) -> list[tuple[str, float]]:
    """Signs that a sentence is the site speaking to its reader."""
    w = rules.weights
    nouns = {t for t in tokens if t in rules.site_nouns or _ends_in_noun(t, rules)}
    addressed = rules.reader_address.search(text) or rules.call_to_action.search(text)
    if not nouns or not addressed:
        return []
    signs = [(f"speaks to the reader about {', '.join(sorted(nouns))}", w.reader_talk)]
    if len(nouns) >= 2:
        signs.append(("names several site things", w.reader_talk_more))
    if rules.call_to_action.search(text):
        signs.append(("call to action", w.call_to_action))
    return signs


def _ends_in_noun(token: str, rules: EvidenceRules) -> bool:
    return bool(rules.noun_suffix.match(token))

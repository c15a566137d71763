"""The headline of a pasted page, its topline, and the navigation above them.

Contract of :func:`take_headline` (after the furniture is gone, on the lines above the
first paragraph of prose, the *head*):

1. Candidates are the head's lines that look like a title (short, not ending like a
   sentence), except captions, list boxes, bulleted lines and menus (items between two
   or more separators, "Stadt · Umland · Polizei", or a row of section names, "Inland
   Ausland Wirtschaft Chronik").
   A first paragraph of prose that is title-like too (a headline that asks or shouts,
   "… vor Gericht: „ICH HABE NIEMANDEN GESCHUBST!“") belongs to the head when the
   byline or date stands between it and the next line, or when every candidate above
   it is too short to be a headline.
2. The headline is the last candidate of a headline's length (:data:`HEADLINE_WORDS`
   to :data:`HEADLINE_MAX_WORDS` words): what stands above it is the site's name, its
   menus and its banners, what follows is the article; but when a candidate of that
   length, no longer, with a function word in it stands right above it in its block,
   that one is the headline and the last its standfirst (kept as a paragraph), unless
   it is of a topline's length over a line shorter than a standfirst.  With no
   candidate that long, a candidate of at most :data:`NAV_WORDS` words followed by a
   longer candidate is navigation or a topline, not the headline ("Ausland", "Zürich und
   Region"), and so is a candidate right above a longer one in the same block of lines
   (a sports page's result, "FC Augsburg – VfL Bochum 2:1 (1:0)"), or one in capitals
   above another (a masthead, "DIE TAGESWARTE"); the headline is the first other
   candidate.  Candidates above the site's navigation (its breadcrumb, skip links or
   menus) are its name and claim when a line below it can be the headline.  With no
   prose on the page, or no head, the rule of :func:`~.structure.take_title` applies
   (the first line, if title-like).
3. The candidate right above the headline, in the same block of lines, with no sign of
   furniture and shorter than the headline (or of at most :data:`TOPLINE_WORDS` words),
   is its topline ("EU-Asylreform", "Wohnungsbau:"): a kicker block (the
   closing colon dropped).  The other lines above the headline that do not read as
   sentences are the site's navigation and removed; a sentence there is kept and
   reported as uncertain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babelpress.normalise.article import Block, Doubt, Removal
from babelpress.normalise.evidence import HEAD, assess, is_menu, reads_as_sentence, verdict
from babelpress.normalise.rules import Rules
from babelpress.normalise.structure import Line, caption_parts, is_heading_like, take_title
from babelpress.normalise.text import comparable, several_sentences

#: what is removed as the site's navigation under these reasons
NAVIGATION = frozenset({"breadcrumb", "skip link"})
#: a topline the evidence took for furniture with less than this score is restored
MAX_TOPLINE_SCORE = 1.5
#: what separates the items of a breadcrumb
_CRUMB_BREAK = re.compile(r"\s*[›>»/|]\s*")
#: a line of this many letters or more, all capitals, is a masthead or a label
MIN_CAPITALS = 4
#: a candidate this short, followed by a longer one, is navigation or a topline
NAV_WORDS = 3
#: a topline has at most this many words (or fewer than the headline right below it)
TOPLINE_WORDS = 4
#: a headline this long over a shorter candidate is the headline, the other its subline
SUBLINE_HEADLINE_WORDS = 10
#: a fragment of a site's claim has at most this many words
SLOGAN_WORDS = 2
#: a headline has at most this many words
HEADLINE_MAX_WORDS = 16
#: and at least this many (a shorter line is a name, a label or a topline)
HEADLINE_WORDS = 4
#: under a line of a topline's length, a standfirst without its full stop has at least
#: this many words (fewer: the headline under its topline, "Unwetter in der
#: Weststeiermark" over "Muren und Hochwasser: Zivilschutzalarm in drei Gemeinden")
STANDFIRST_WORDS = 10


@dataclass
class Headline:
    """The title, the topline kicker (if any) and the lines left for the body."""

    title: str | None
    kicker: Block | None
    lines: list[Line]


def take_headline(
    lines: list[Line],
    rules: Rules,
    prose: frozenset[int],
    removed: list[Removal],
    doubts: list[Doubt],
) -> Headline:
    """The headline of *lines* (see the module docstring); *prose* holds the line numbers
    of the paragraphs of prose."""
    first = next((i for i, x in enumerate(lines) if x.number in prose), None)
    first = _after_section_intro(lines, first, removed, rules)
    candidates = [i for i in range(first or 0) if _candidate(lines[i], rules)]
    candidates = _below_navigation(lines, first, candidates, removed, rules)
    candidates = _above_byline(lines, candidates, removed)
    if first is not None and _titled_prose(lines, first, candidates, removed, rules):
        candidates.append(first)
    if not candidates:
        title, rest = take_title(lines, rules)
        return Headline(title, None, rest)
    chosen = _choose(candidates, lines, rules, _sections(removed))
    title_line = lines[chosen]
    kicker, above = _topline(lines, chosen, candidates, rules)
    if kicker is None:
        kicker = _topline_taken_for_furniture(title_line, removed, rules)
    # the headline and what is removed above it need no doubt of the evidence
    gone_numbers = {line.number for line in above} | {title_line.number}
    doubts[:] = [d for d in doubts if d.line not in gone_numbers]
    for line in above:
        removed.append(Removal("navigation", line.text, line.number, "above the headline"))
    for line in lines[:chosen]:
        if reads_as_sentence(line.text):
            doubts.append(Doubt(line.number, line.text, "kept", "a sentence above the headline"))
    gone = {id(line) for line in above} | ({id(lines[chosen - 1])} if kicker else set())
    rest = [line for line in lines[:chosen] if id(line) not in gone] + lines[chosen + 1 :]
    while rest and comparable(rest[0].text) == comparable(title_line.text):
        rest = rest[1:]
    rest = _without_header_again(rest, title_line, removed)
    return Headline(title_line.text, kicker, rest)


def _without_header_again(lines: list[Line], title: Line, removed: list[Removal]) -> list[Line]:
    """*lines* without the page's header met again further down (the next page of the
    article pasted after the first, or the page pasted twice): the headline repeated and,
    where the site's signs stand with it (a breadcrumb, a byline or date), the lines over
    it back to the last sentence (the site's name, its menus, a topline)."""
    headline = comparable(title.text)
    again = [i for i, line in enumerate(lines) if comparable(line.text) == headline]
    signs = {r.line for r in removed if r.reason in _HEADER_SIGNS}
    gone: set[int] = set()
    for index in again:
        start = index
        while start > 0 and not reads_as_sentence(lines[start - 1].text):
            start -= 1
        first = lines[start - 1].number + 1 if start > 0 else 0
        near = range(first, lines[index].number + _HEADER_BELOW + 1)
        gone.update(range(start, index + 1) if signs.intersection(near) else (index,))
    for index in sorted(gone):
        line = lines[index]
        removed.append(Removal("navigation", line.text, line.number, "the page's head again"))
    return [line for i, line in enumerate(lines) if i not in gone]


#: what a page's head holds besides the headline, removed before it is chosen
_HEADER_SIGNS = frozenset({"breadcrumb", "metadata", "skip link"})
#: the byline or date stands at most this many lines under the headline
_HEADER_BELOW = 3


def _topline_taken_for_furniture(title: Line, removed: list[Removal], rules: Rules) -> Block | None:
    """The topline right above the headline that the evidence alone took for the site's
    (its words: "Datenleck bei Messenger-App", "Blick zurück"), weakly, as a kicker:
    a line of a topline's length, no menu, standing where a topline stands."""
    for index, removal in enumerate(removed):
        if removal.line != title.number - 1 or removal.reason != "furniture":
            continue
        text = removal.text
        if (
            assess(text, HEAD, False, rules.evidence).score < MAX_TOPLINE_SCORE
            and (len(text.split()) <= TOPLINE_WORDS or len(text.split()) < len(title.text.split()))
            and not is_menu(text, rules.evidence)
            and not reads_as_sentence(text)
        ):
            del removed[index]
            return Block("kicker", text.rstrip(" :|–-"), line=removal.line)
    return None


def _after_section_intro(
    lines: list[Line], first: int | None, removed: list[Removal], rules: Rules
) -> int | None:
    """The first paragraph of the article when the first one of prose on the page is the
    introduction of its section ("Hier finden Sie jede Woche wichtige Nachrichten …"):
    one sentence ending its block, no byline or date under it, then, in the next block,
    a line of a headline's length over the date or byline (at most a standfirst between
    them): that headline's date says where the article starts."""
    if first is None or first + 2 >= len(lines) or several_sentences(lines[first].text):
        return first
    intro, headline = lines[first], lines[first + 1]
    if headline.group == intro.group:
        return first
    if not (_candidate(headline, rules) and _headline_length(headline)):
        return first
    dates = [r.line for r in removed if r.reason == "metadata"]
    if any(intro.number < line < headline.number for line in dates):
        return first  # the intro is the article's standfirst, over its byline
    dated = any(headline.number < line <= headline.number + 2 for line in dates)
    return first + 2 if dated and lines[first + 2].group == headline.group else first


def _candidate(line: Line, rules: Rules) -> bool:
    return (
        is_heading_like(line.text.rstrip(" :"), rules)
        and line.text.count(" · ") < 2  # a row: "Leserreporterin · Mitglied seit … · 47 Beiträge"
        and not any(p.match(line.text) for p in rules.not_heading)  # life dates, a vote
        and caption_parts(line.text, rules) is None
        and not any(p.match(line.text) for p in rules.box_heading)
        and not rules.bullet.match(line.text)
        and not is_menu(line.text, rules.evidence)
    )


def _below_navigation(
    lines: list[Line],
    first: int | None,
    candidates: list[int],
    removed: list[Removal],
    rules: Rules,
) -> list[int]:
    """The candidates below the site's navigation (its breadcrumb, skip links or menus,
    removed as such above the first paragraph of prose), when one of them, or that
    paragraph, can be the headline: above the navigation stand the site's name and claim."""
    if first is None:
        return candidates
    start = lines[first].number
    navigation = [
        r.line for r in removed
        if r.line < start and (r.reason in NAVIGATION or is_menu(r.text, rules.evidence))
    ]  # fmt: skip
    if not navigation:
        return candidates
    below = [i for i in candidates if lines[i].number > max(navigation)]
    return below if below or _candidate(lines[first], rules) else candidates


def _above_byline(lines: list[Line], candidates: list[int], removed: list[Removal]) -> list[int]:
    """The candidates above the author's byline, when one of a headline's length stands
    there: the byline follows the headline, and a line between it and the article (a
    radio manuscript's "Atmo: Melkstand, Pumpen, Kühe", a caption without its full stop)
    is no headline."""
    bylines = [r.line for r in removed if r.reason == "metadata" and "author:" in r.detail]
    if not bylines:
        return candidates
    above = [i for i in candidates if lines[i].number < min(bylines)]
    if len(above) < len(candidates) and any(_headline_length(lines[i]) for i in above):
        return above
    return candidates


def _slogan(text: str) -> bool:
    """A site's claim under its name ("Wirtschaft. Märkte. Meinung.", "Unabhängig testen.
    Besser kaufen."): two or more fragments of at most two words, each with its full
    stop -- no sentence of an article's (above its headline, where it stands)."""
    parts = [part for part in text.strip().split(". ") if part]
    return (
        len(parts) >= 2
        and text.rstrip().endswith(".")
        and all(1 <= len(part.rstrip(".").split()) <= SLOGAN_WORDS for part in parts)
    )


def _picture(line: Line, rules: Rules) -> bool:
    """A caption, or a labelled photo credit ("Foto: …"); a bare row of names between
    bars above the headline is a menu, whatever the credit pattern says."""
    parts = caption_parts(line.text, rules)
    return parts is not None and (bool(parts[0]) or "|" not in parts[1])


def _titled_prose(
    lines: list[Line], first: int, candidates: list[int], removed: list[Removal], rules: Rules
) -> bool:
    """The first paragraph of prose is the headline (see the module docstring, 1)."""
    line = lines[first]
    if not _candidate(line, rules) or first + 1 >= len(lines):
        return False
    following = lines[first + 1].number
    byline = any(r.reason == "metadata" and line.number < r.line < following for r in removed)
    return byline or not any(_headline_length(lines[i]) for i in candidates)


def _headline_length(line: Line) -> bool:
    return HEADLINE_WORDS <= len(line.text.split()) <= HEADLINE_MAX_WORDS


def _choose(
    candidates: list[int], lines: list[Line], rules: Rules, sections: frozenset[str] = frozenset()
) -> int:
    long_enough = [i for i in candidates if _headline_length(lines[i])]
    if long_enough:
        last = long_enough[-1]
        if (
            last - 1 in long_enough
            and _over_standfirst(lines[last - 1], lines[last], rules)
            and not _standfirst_below(lines, last)
            and not _names_section(lines[last - 1], sections)
        ):
            return last - 1
        return last
    for position, index in enumerate(candidates):
        following = candidates[position + 1 :]
        short = len(lines[index].text.split()) <= NAV_WORDS
        if short and any(_longer(lines[i], lines[index]) for i in following):
            continue
        if following and _above_longer(lines[index], lines[following[0]]):
            continue  # a topline ("FC Augsburg – VfL Bochum 2:1") right above the headline
        if following and _in_capitals(lines[index].text):
            continue  # a masthead or a label ("DIE TAGESWARTE") above a name in words
        return index
    return candidates[-1]


def _sections(removed: list[Removal]) -> frozenset[str]:
    """The section each breadcrumb ends with, below its start ("Wehrstedt › Kolumnen ›
    Saal 108": "saal 108"), as :func:`comparable` writes it."""
    crumbs = (_CRUMB_BREAK.split(r.text.strip()) for r in removed if r.reason == "breadcrumb")
    return frozenset(comparable(found[-1]) for found in crumbs if len(found) > 1 and found[-1])


def _names_section(line: Line, sections: frozenset[str]) -> bool:
    """*line* opens with the page's section in the breadcrumb: a column's or series' name
    over the headline ("Saal 108 – die Gerichtskolumne"), its topline."""
    text = comparable(line.text)
    return any(text == name or text.startswith(f"{name} ") for name in sections)


def _over_standfirst(line: Line, below: Line, rules: Rules) -> bool:
    """*line* is a headline and *below*, as long or longer, right under it in its block of
    lines, its standfirst: *line* reads as words of a sentence (a function word in it),
    not as a name or a result ("FC Augsburg – VfL Bochum 2:1 (1:0)", a topline)."""
    function_words = rules.evidence.function_words
    # a subline shorter than the headline over it (a press release's "Zwei Fahrzeuge
    # angeschafft – Sole soll …" under its headline of a sentence's length)
    subline = len(line.text.split()) >= SUBLINE_HEADLINE_WORDS
    return (
        line.group == below.group
        and line.number == below.number - 1
        and (subline or not _longer(line, below))
        and (
            len(line.text.split()) > TOPLINE_WORDS
            or len(below.text.split()) >= STANDFIRST_WORDS
            or _asks(line.text)  # a topline names a subject; "Wer übernimmt den Hof?" asks
        )
        and any(word.casefold() in function_words for word in line.text.split())
    )


def _asks(text: str) -> bool:
    return text.rstrip(" “”\"»«'’").endswith(("?", "!"))


def _standfirst_below(lines: list[Line], index: int) -> bool:
    """The standfirst of ``lines[index]`` stands below it, past its date or byline (gone
    into the front matter): a sentence further down its block of lines."""
    line = lines[index]
    after = lines[index + 1] if index + 1 < len(lines) else None
    return (
        after is not None
        and after.group == line.group
        and after.number > line.number + 1
        and reads_as_sentence(after.text)
    )


def _above_longer(line: Line, below: Line) -> bool:
    """*line* stands right above *below*, in the same block of lines, and is shorter;
    *below* has the length of a headline (a longer line is a standfirst without its stop)."""
    return (
        line.group == below.group
        and line.number == below.number - 1
        and _longer(below, line)
        and len(below.text.split()) <= HEADLINE_MAX_WORDS
    )


def _in_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= MIN_CAPITALS and all(char.isupper() for char in letters)


def _longer(one: Line, other: Line) -> bool:
    return len(one.text.split()) > len(other.text.split())


def _topline(
    lines: list[Line], chosen: int, candidates: list[int], rules: Rules
) -> tuple[Block | None, list[Line]]:
    """The topline kicker above the headline, and the other lines above it."""
    above = [
        line
        for line in lines[:chosen]
        if (not reads_as_sentence(line.text) or _slogan(line.text))
        and not _picture(line, rules)
        and not rules.bullet.match(line.text)
    ]
    if chosen - 1 not in candidates:
        return None, above
    line, title = lines[chosen - 1], lines[chosen]
    fits = (
        line.group == title.group
        and line.number == title.number - 1
        and (len(line.text.split()) <= TOPLINE_WORDS or _longer(title, line))
        and verdict(assess(line.text, HEAD, False, rules.evidence), rules.evidence) == "keep"
    )
    if not fits:
        return None, above
    text = line.text.rstrip(" :|–-")
    return Block("kicker", text, line=line.number), [x for x in above if x is not line]

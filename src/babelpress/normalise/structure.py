"""Cleaned lines to article blocks: the structural rules of normalising.

Contract, in the order the rules apply (thresholds and patterns come from :class:`Rules`):

1. **Lines.** Blank lines separate groups.  Inside a group every line is its own
   paragraph, unless the group is hard-wrapped prose (no line longer than ``wrap_width``,
   most ending mid-sentence, and some continuing in lower case): then its lines are joined
   with spaces.  (Lines shorter than :data:`MIN_WRAPPED` are buttons or menu items.)
   A print page copied without blank lines (a PDF's text: headings, bullets and page
   numbers among its wrapped paragraphs) is unwrapped line by line when at least
   :data:`MIN_JOINTS` of its lines go on in lower case: a line that runs to the column
   goes on in the next, unless one of them is a heading, a bullet or a row of items.
   A word the print column broke at a line's end is whole again: ``Stadt-`` /
   ``verwaltung`` gives "Stadtverwaltung"; the hyphen stays before a capital or after a
   digit (``Brandschutz-`` / ``Gutachten``, ``120-`` / ``jährigen``), and before a
   conjunction with its space (``Bau-`` / ``und Finanzausschuss``).  Once the furniture
   is gone, a paragraph a page break or an advertisement cut in two (its first part
   stopping mid-sentence) is one again (:func:`rejoin_interrupted`).
2. **Title.** The first line is the title when it is short (``heading_max_words`` /
   ``heading_max_chars``), does not end like a sentence, and more text follows.  Copies of
   it right after it are dropped.  (Breadcrumbs are removed before, as boilerplate.)
3. **Captions.** A line starting with a caption label (``Legende:``) is a caption; the
   label is dropped, since ``{: .caption }`` says the same.  A line ending in a photo
   credit (``… Foto: X / CC-BY-4.0``, ``… Keystone | AP | X``) is a caption plus credit,
   the credit kept as written.  A short line whose words all recur in the next line of the
   same group (an image's alt text, ``Toqaev Putin`` above ``Toqaev und Putin bei …``)
   is dropped as a duplicate of the caption that follows; that line becomes the caption.
4. **Quotes.** A paragraph followed by an attribution line (``Professor … in der …
   vom 10. Juli 2022``) is a block quote carrying that attribution; so is a paragraph
   standing in quotation marks followed by a speaker's name and role ("Dietmar Woidke,
   Ministerpräsident").
5. **Kickers.** An all-capitals word opening a paragraph and closed by ``.``/``:``
   (``ENTSCHLÜSSELUNG. Im Januar …``) becomes its own kicker block.  A single word is
   written capitalised (``Entschlüsselung``, as a German noun or sentence start is);
   several words keep their capitals, since their proper case cannot be known.  The
   closing ``.`` is typography and dropped.
6. **Headings.** A short line that does not end like a sentence (``?`` and ``!`` may end
   a heading), with text before and after it, is a ``##`` heading -- except a question in
   an interview, or one put by a named speaker ("SPIEGEL: …") or to someone ("Frau
   Albers, …"): that is content, a paragraph (and a speaker's name in capitals is no
   kicker), and a line the rules say is content (``structure.not_heading``: a reader's
   "Sabine und Jürgen Lettau, Hollfeld", a book's ISBN, a match's "Tore: …"), read from
   the line alone so that normalising the result again gives the same blocks.  A
   ticker's marks around a heading ("+++ Update 14:32 Uhr +++") are dropped.  Lists and
   boxes come first (:mod:`.lists`); a photo credit alone on its line joins the caption
   right above it (or the short line right below it).
7. Everything else is a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from babelpress.normalise.article import Block
from babelpress.normalise.rules import Rules
from babelpress.normalise.text import (
    comparable,
    ends_sentence,
    is_short_line,
    several_sentences,
    words,
)

#: a line of hard-wrapped prose (but the last) is at least this long
MIN_WRAPPED = 25
#: a print page's block of lines is wrapped when at least this many lines go on in the next
MIN_JOINTS = 3
#: a line this share of the column long or longer runs to the column (its paragraph goes on)
FULL_LINE = 0.75
#: a headline's first line, broken off by the page's layout, has at most this many words
BROKEN_HEADLINE_WORDS = 5
#: a line of verse that a sentence goes on from, or in, has at least this many words
MIN_VERSE_WORDS = 2
#: a caption above its credit line is at most twice this long
MAX_CAPTION_LINE = 150


@dataclass
class Line:
    """A line of cleaned text: its text, its group (blank-line block) and line number."""

    text: str
    group: int
    number: int
    #: the number of its last line, when hard-wrapped lines were joined into it
    end: int = 0

    @property
    def last(self) -> int:
        return self.end or self.number


#: a line that only separates paragraphs, as a blank line does (an app's dot between them)
_SEPARATORS = frozenset({"•", "·", "▪", "◦", "●"})


def split_lines(text: str, rules: Rules) -> list[Line]:
    """Non-empty lines with their group; hard-wrapped groups joined (rule 1)."""
    lines: list[Line] = []
    group: list[Line] = []
    index = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw and raw not in _SEPARATORS:
            group.append(Line(raw, index, number))
            continue
        if group:
            lines.extend(_mended(_unwrap(group, rules), rules))
            group = []
            index += 1
    if group:
        lines.extend(_mended(_unwrap(group, rules), rules))
    return lines


def _mended(group: list[Line], rules: Rules) -> list[Line]:
    """A line the page broke inside a sentence or a headline joined to the line above:
    a paragraph's line that stops at a function word or a comma ("… mit Räumen für" /
    "Musikschule, Vereine …"), or a headline's first words over the rest in lower case
    ("Stadt kauft" / "altes Hallenbad")."""
    out: list[Line] = []
    ends = _sentence_ends_below(group)
    for index, line in enumerate(group):
        last = out[-1] if out else None
        following = group[index + 1].text if index + 1 < len(group) else ""
        listed = len(out) > 1 and out[-2].text.endswith(":")  # a list's first item above
        if last is not None and (
            _broken_sentence(last.text, line.text, rules)
            or _verse_goes_on(last.text, line.text, rules)
            or (_sense_line_goes_on(last.text, line.text, rules) and ends[index])
            or (not listed and _broken_headline(last.text, line.text, following, rules))
        ):
            out[-1] = Line(_joined(last.text, line.text), last.group, last.number, line.number)
        else:
            out.append(line)
    return out


#: words a sentence never ends with: articles, conjunctions, prepositions that are no
#: verb's particle ("stimmt zu", "sieht aus" end sentences; "für", "und", "des" do not)
_NEVER_LAST = frozenset((
    "der", "die", "das", "den", "dem", "des", "eine", "einen", "einem", "einer", "eines",
    "und", "oder", "sowie", "sondern", "dass", "weil", "ob", "wenn", "als", "für", "von",
    "im", "am", "zum", "zur", "vom", "beim", "ins", "in", "bei", "unter", "zwischen",
    "gegen", "ohne", "seit", "während", "wegen", "trotz",
))  # fmt: skip


def _broken_sentence(above: str, line: str, rules: Rules) -> bool:
    found = words(above)
    stops = bool(found) and (above.endswith(",") or found[-1] in _NEVER_LAST)
    return (
        len(above) >= MIN_INTERRUPTED
        and stops
        and not ends_sentence(above.rstrip(","))
        and _in_prose(line, rules)
        and not rules.bullet.match(line)
        and not is_heading_like(line, rules)
    )


def _verse_goes_on(above: str, line: str, rules: Rules) -> bool:
    """A sentence set in short lines (a prayer, a poem, a song quoted) goes on after a
    comma in lower case: "Maria, du Frau auf dem Weg," / "du bist über das Gebirge
    gegangen,"; its lines are joined so that the sentence stays whole."""
    return (
        above.endswith(",")
        and len(words(above)) >= MIN_VERSE_WORDS
        and line[:1].islower()
        and len(words(line)) >= MIN_VERSE_WORDS
        and _in_prose(above, rules)
        and _in_prose(line, rules)
        and not rules.bullet.match(line)
    )


def _sense_line_goes_on(above: str, line: str, rules: Rules) -> bool:
    """A sentence broken into lines of sense (plain language, "Leichte Sprache": "Mit dem
    Ticket können Menschen" / "mit wenig Geld" / "billig Bus und Bahn fahren."): the line
    above stops without a sign and the line goes on in lower case, both of words."""
    return (
        above[-1:].isalnum()
        and line[:1].islower()
        and len(words(above)) >= MIN_VERSE_WORDS
        and len(words(line)) >= MIN_VERSE_WORDS
        and "/" not in line
        and _in_prose(above, rules)
        and _in_prose(line, rules)
        and not rules.bullet.match(line)
        and not rules.bullet.match(above)
        and rules.boilerplate_kind(line) is None
        and caption_parts(line, rules) is None
    )


def _sentence_ends_below(group: list[Line]) -> list[bool]:
    """For each line of *group*: it, or one of the lines after it that each go on in
    lower case, ends a sentence.  Lines of sense do; a list of phrases ("Lüftung
    ausschalten" / "sich nicht im Freien aufhalten") or a chart's label ("in Mrd. Euro")
    does not.  Found from the last line up, once for the block."""
    ends = [False] * len(group)
    for index in range(len(group) - 1, -1, -1):
        text = group[index].text
        goes_on = index + 1 < len(group) and group[index + 1].text[:1].islower()
        ends[index] = text.rstrip(' “”"»«)’').endswith((".", "!", "?")) or (
            goes_on and ends[index + 1]
        )
    return ends


def _broken_headline(above: str, line: str, following: str, rules: Rules) -> bool:
    """A headline's two lines; not two phrases of a list without bullets ("Lüftung
    ausschalten" / "sich nicht im Freien aufhalten" / "das Gebiet umfahren")."""
    return (
        line[:1].islower()
        and above[:1].isupper()
        and len(line.split()) >= 2  # "ePaper", "www.…" alone are the site's
        and rules.boilerplate_kind(line) is None  # a teaser's time: "vor 2 Stunden"
        and not (following and is_heading_like(following, rules))
        and len(above.split()) <= BROKEN_HEADLINE_WORDS
        and is_heading_like(above, rules)
        and not above.endswith(":")
        and is_heading_like(f"{above} {line}", rules)
        and _in_prose(above, rules)
        and _in_prose(line, rules)
    )


def _unwrap(group: list[Line], rules: Rules) -> list[Line]:
    if len(group) < 2 or any(len(line.text) > rules.wrap_width for line in group):
        return group
    if any(len(line.text) < MIN_WRAPPED for line in group[:-1]):
        # a column of buttons or menu items, not a wrapped paragraph; or a print page
        # copied without blank lines, its headings and short lines among the paragraphs
        return _unwrap_paragraphs(group, rules)
    mid_sentence = sum(not ends_sentence(line.text) for line in group[:-1])
    if mid_sentence * 2 < len(group) - 1:
        return group
    if not any(line.text[0].islower() and " " in line.text for line in group[1:]):
        return group  # a word alone in lower case is a name ("lokalzeitung.de"), not prose
    text = group[0].text
    for line in group[1:]:
        text = _joined(text, line.text)
    return [Line(text, group[0].group, group[0].number, group[-1].number)]


def _unwrap_paragraphs(group: list[Line], rules: Rules) -> list[Line]:
    """The paragraphs of a block of lines wrapped at a print column (a PDF's text, copied
    without blank lines), each line joined to the one above it that runs to the column
    (:func:`_continues`); the block as it is when it shows no such wrapping."""
    texts = [line.text.rstrip() for line in group]
    joints = sum(_wrapped_word(above, below) for above, below in pairwise(texts))
    long = sorted(len(text) for text in texts if len(text) >= MIN_WRAPPED)
    if joints < MIN_JOINTS or joints * 4 < len(long) or len(long) * 3 < len(texts) * 2:
        return group  # teasers over their times ("vor 2 Stunden") are no print column
    column = long[len(long) * 3 // 4]  # most full lines reach it
    out = [group[0]]
    for index in range(1, len(group)):
        line = group[index]
        following = texts[index + 1] if index + 1 < len(texts) else None
        opens = out[-1].end == 0  # the line above opened its paragraph
        if _continues(texts[index - 1], texts[index], following, column, rules, opens=opens):
            last = out[-1]
            out[-1] = Line(_joined(last.text, line.text), last.group, last.number, line.number)
        else:
            out.append(line)
    return out


def _wrapped_word(above: str, below: str) -> bool:
    """A sentence goes on in the next line in lower case: the print column wrapped it."""
    return (
        len(above) >= MIN_WRAPPED
        and below[:1].islower()
        and not ends_sentence(above)
        and above[-1:] not in ":;?!"
    )


def _continues(
    above: str, line: str, following: str | None, column: int, rules: Rules, *, opens: bool
) -> bool:
    """*line* goes on the paragraph of *above*: *above* runs to the column (a short line
    ends its paragraph) and both are lines of prose, and neither is a heading: where
    *above* ends a sentence, *line* is none (short, no sentence, the next line not
    continuing it); where *above* (*opens*: the first line of its paragraph) stops
    mid-sentence, it is one when it has no word in lower case but function words and
    *line* starts with a capital ("TOP 2: Bebauungsplan „Am Mühlbach“", "Mit dem …")."""
    if len(above) < column * FULL_LINE or above[-1:] == ":" or not _in_prose(above, rules):
        return False
    if not _in_prose(line, rules) or rules.bullet.match(line):
        return False
    if rules.bullet.match(above) and not line[:1].islower():
        return False  # an item's line goes on in lower case; the text after the list does not
    if line[:1].islower() or above[-1:] in "-,":
        return True  # "Bürger-" / "meisterin", "geschätzt," / "davon"
    if not ends_sentence(above):
        return not (opens and _heading_words(above, rules))  # "bis zu 1,1" / "Millionen"
    if rules.numbered.match(line):
        return False
    heading = is_heading_like(line, rules) and not (following or "")[:1].islower()
    return not heading


def _heading_words(text: str, rules: Rules) -> bool:
    """Short, every word in lower case a function word (a heading's "der", "am") and the
    last a capital's; a line of running text has a verb or an adjective ("sollen am
    nördlichen"), or stops at a function word ("… in Weilheimstetten und im")."""
    found = words(text)
    lower = [word for word in found if word[:1].islower()]
    function = rules.evidence.function_words
    return (
        bool(found)
        and found[-1][:1].isupper()
        and is_heading_like(text, rules)
        and all(word in function for word in lower)
    )


def _in_prose(text: str, rules: Rules) -> bool:
    """A line that can be part of a paragraph: no row of items ("Amtsblatt … · Nr. 47"),
    not a bare number (a page's)."""
    return " · " not in text and " | " not in text and not text.replace(".", "").isdigit()


def rejoin_interrupted(
    lines: list[Line], breaks: set[int], weak: frozenset[int] | set[int] = frozenset()
) -> list[Line]:
    """A paragraph the page interrupted (a print view's "Seite 1 von 2", an
    advertisement in its middle: the line numbers *breaks*) as one line again: a line
    that stops mid-sentence and the line after it in the same block, when only such a
    break stood between them.  A *weak* break (a print page's running head, read as
    metadata) counts only before a line that goes on in lower case or with a figure
    (a title over its date line goes on with a capital)."""
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        between = set(range(last.last + 1, line.number)) if last is not None else set()
        allowed = breaks | weak if not line.text[:1].isupper() else breaks
        if (
            last is not None
            and last.group == line.group
            and between
            and between <= allowed
            and len(last.text) >= MIN_INTERRUPTED
            and not ends_sentence(last.text)
            and last.text.rstrip()[-1:] not in ":;?!…"
        ):
            out[-1] = Line(_joined(last.text, line.text), last.group, last.number, line.last)
            continue
        out.append(line)
    return out


#: a paragraph's line cut off by furniture is at least this long
MIN_INTERRUPTED = 60
#: words after which a hyphen at a line's end is a word's elided end ("Bau- und Finanz…")
_CONJUNCTIONS = frozenset({"und", "oder", "bis", "sowie", "als", "wie", "noch", "bzw."})


def _joined(text: str, following: str) -> str:
    """Two lines of wrapped prose as one (see the module docstring, rule 1)."""
    if len(text) < 2 or not text.endswith("-") or not following:
        return f"{text} {following}"
    before, first_word = text[-2], following.split(maxsplit=1)[0]
    if first_word in _CONJUNCTIONS or not before.isalnum():
        return f"{text} {following}"
    if before.islower() and following[0].islower():
        return text[:-1] + following  # "Stadt-" / "verwaltung"
    return text + following  # "Brandschutz-" / "Gutachten", "120-" / "jährigen"


def is_heading_like(text: str, rules: Rules) -> bool:
    """Short and not ending like a sentence: a title, heading or label."""
    return is_short_line(text, rules.heading_max_words, rules.heading_max_chars) and not (
        ends_sentence(text)
    )


def take_title(lines: list[Line], rules: Rules) -> tuple[str | None, list[Line]]:
    """Rule 2: the title (or None) and the remaining lines."""
    if len(lines) < 2 or not is_heading_like(lines[0].text, rules):
        return None, lines
    if caption_parts(lines[0].text, rules) is not None:
        return None, lines
    title = lines[0].text
    rest = lines[1:]
    while rest and comparable(rest[0].text) == comparable(title):
        rest = rest[1:]
    return title, rest


def classify(
    lines: list[Line], rules: Rules, *, interview: bool = False
) -> tuple[list[Block], list[Line]]:
    """Rules 3-7: blocks, and the lines dropped as alt text."""
    from babelpress.normalise.lists import list_at

    blocks: list[Block] = []
    dropped: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else None
        found = list_at(lines, i, rules)
        if found is not None:
            blocks.extend(found.blocks)
            i = found.end
            continue
        credit = credit_only(line, rules)
        if credit and _caption_before(blocks, lines, i, rules):
            blocks[-1] = Block("caption", blocks[-1].text, credit=credit, line=blocks[-1].line)
            i += 1
            continue
        if (
            credit
            and following
            and following.group == line.group
            and _caption_after(following, rules)
        ):
            blocks.append(Block("caption", following.text, credit=credit, line=following.number))
            i += 2
            continue
        if following and _is_alt_text(line, following, rules):
            dropped.append(line)
            text, credit = caption_parts(following.text, rules) or (following.text, "")
            blocks.append(Block("caption", text, credit=credit, line=following.number))
            i += 2
            continue
        caption = caption_parts(line.text, rules)
        if caption is not None:
            blocks.append(Block("caption", caption[0], credit=caption[1], line=line.number))
        elif (
            following
            and _is_quote(line.text)
            and (
                is_attribution(following.text, rules)
                or (_quoted(line.text) and bool(_SPEAKER_LINE.match(following.text)))
            )
        ):
            blocks.append(Block("quote", line.text, attribution=following.text, line=line.number))
            i += 1
        elif (
            0 < i < len(lines) - 1
            and _is_heading(line.text, rules)
            and not _table_row(lines, i)
            and not _spoken(line.text, rules, interview)
            and not any(p.match(line.text) for p in rules.not_heading)
        ):
            blocks.append(Block("heading", _unmarked(line.text), line=line.number))
        else:
            blocks.extend(_paragraph(line, rules, interview))
        i += 1
    return blocks, dropped


def credit_only(line: Line, rules: Rules) -> str:
    """The credit of a line that is a photo credit and nothing else, or ""."""
    parts = caption_parts(line.text, rules)
    return parts[1] if parts and not parts[0] and parts[1] else ""


def _caption_before(blocks: list[Block], lines: list[Line], i: int, rules: Rules) -> bool:
    """The block before a credit line is the caption it credits: the line right above,
    in the same block of lines, a short paragraph or heading -- not several sentences
    or an answer in an interview ("Brandes: …"), which are the article's (the line below
    the credit may be the caption: sites put it on either side)."""
    if not blocks or i == 0 or lines[i - 1].group != lines[i].group:
        return False
    last = blocks[-1]
    if not (
        last.kind in ("paragraph", "heading")
        and last.line == lines[i - 1].number
        and len(last.text) <= 2 * MAX_CAPTION_LINE
    ):
        return False
    return not (several_sentences(last.text) or rules.speaker.match(last.text))


def _caption_after(line: Line, rules: Rules) -> bool:
    """*line*, right below a credit, can be its caption: a title-like line, or one short
    sentence."""
    if is_heading_like(line.text, rules):
        return True
    return len(line.text) <= MAX_CAPTION_LINE and not several_sentences(line.text)


def _spoken(text: str, rules: Rules, interview: bool) -> bool:
    """A question put in an interview (or to someone, or by a named speaker): content.

    Outside an interview a label before a title-like line is a place or a topic, not a
    speaker: "Eschenried: Einbrecher steigen in Kita ein" heads an item of a roundup.
    """
    asks = text.rstrip("“”\"'»«)’ ").endswith("?")
    if rules.address.match(text) or (rules.speaker.match(text) and (interview or asks)):
        return True
    return interview and asks


def is_interview(lines: list[Line], rules: Rules) -> bool:
    """The page says it is an interview, or puts two questions by a named speaker."""
    if any(p.search(line.text) for line in lines for p in rules.interview_markers):
        return True
    asked = [x for x in lines if rules.speaker.match(x.text) and x.text.rstrip().endswith("?")]
    return len(asked) >= 2


#: a ticker's marks around a heading: "+++ Update 14:32 Uhr +++"
_TICKER_MARKS = re.compile(r"^\+{2,}\s*(?P<text>[^+]+?)\s*\+{2,}$")


def _unmarked(text: str) -> str:
    """A heading's text without a ticker's marks around it (they are typography)."""
    marked = _TICKER_MARKS.match(text)
    return marked.group("text") if marked else text


def _table_row(lines: list[Line], index: int) -> bool:
    """``lines[index]`` is a row of a table pasted with tabs (its cells between " · "):
    the line above or below it in its block has as many cells.  A table's rows are
    text, not headings ("CDU · 34,2 % · +1,3")."""
    line = lines[index]
    cells = line.text.count(" · ")
    return cells > 0 and any(
        0 <= other < len(lines)
        and lines[other].group == line.group
        and lines[other].text.count(" · ") == cells
        for other in (index - 1, index + 1)
    )


def _is_heading(text: str, rules: Rules) -> bool:
    """Heading-shaped, with a word in it: a line of signs and figures ("1.e4 e5 2.Sf3",
    a chess game's moves; "2:1 (1:0)") is text of the article, not a heading."""
    return (
        is_heading_like(text, rules)
        and not rules.kicker.match(text)
        and any(_LETTERS.fullmatch(token.strip(_TOKEN_EDGES)) for token in text.split())
    )


#: a word of letters alone, and what may stand around it ("(Kurz-)", "„Tor“:")
_LETTERS = re.compile(r"[^\W\d_]{2,}(?:[-'’][^\W\d_]+)*")
_TOKEN_EDGES = "()[]{}„“”\"'»«‚‘’.,:;!?–—-/*+#"


def _is_quote(text: str) -> bool:
    """Ends with punctuation (a quoted question or exclamation counts too)."""
    return ends_sentence(text) or text.rstrip("“”\"'»«)’ ").endswith(("?", "!"))


#: who said a quotation standing alone above it: "Dietmar Woidke, Ministerpräsident"
_SPEAKER_LINE = re.compile(
    r"^[—–-]? ?[A-ZÄÖÜ][\w.'’-]+(?: (?:von |van |de |zu )?[A-ZÄÖÜ][\w.'’-]+){0,3}, "
    r"[^.!?:;„“\"»«]{2,60}$"
)


def _quoted(text: str) -> bool:
    """The whole paragraph stands in quotation marks."""
    stripped = text.strip()
    return stripped[:1] in '„“"»«‚' and stripped[-1:] in '“”"«»‘'


def is_attribution(text: str, rules: Rules) -> bool:
    return any(pattern.search(text) for pattern in rules.attribution)


def caption_parts(text: str, rules: Rules) -> tuple[str, str] | None:
    """(caption, credit) if *text* is a caption line, else None."""
    label = rules.caption_label.match(text)
    body = text[label.end() :] if label else text
    for pattern in rules.credit:
        match = pattern.search(body)
        if match and match.group("credit") and not _site_pages(match.group("credit"), rules):
            return body[: match.start("credit")].strip(), match.group("credit").strip()
    if label:
        return body.strip(), ""
    return None


def _site_pages(credit: str, rules: Rules) -> bool:
    """Items between bars of which two or more name the site's own pages ("Impressum |
    Datenschutz | AGB | Kontakt", "Mentions légales | … | Publicité"): a footer's menu,
    not a photo's credit."""
    weights = rules.evidence.site_words
    items = (words(item.casefold()) for item in credit.split("|"))
    return sum(any(weights.get(word, 0.0) >= 1.0 for word in item) for item in items) >= 2


def _is_alt_text(line: Line, following: Line, rules: Rules) -> bool:
    """Rule 3, last part: *line* is the alt text of an image captioned by *following*."""
    if line.group != following.group or not is_heading_like(line.text, rules):
        return False
    alt_words = {w.casefold() for w in words(line.text)}
    caption_words = {w.casefold() for w in words(following.text)}
    if not alt_words or not alt_words <= caption_words or len(alt_words) > 8:
        return False
    if len(following.text) > 2 * rules.heading_max_chars:
        return False
    return not ends_sentence(following.text) or caption_parts(following.text, rules) is not None


def _paragraph(line: Line, rules: Rules, interview: bool = False) -> list[Block]:
    """Rule 5 then 7: a paragraph, with its kicker split off (in an interview, a name in
    capitals before a colon is the speaker, not a kicker)."""
    text = line.text
    match = rules.kicker.match(text)
    if match and interview and text[match.end("kicker")] == ":":
        match = None
    if not match:
        return [Block("paragraph", text, line=line.number)]
    raw = match.group("kicker")
    shown = raw.capitalize() if " " not in raw else raw
    rest = text[match.end() :].lstrip()
    return [
        Block("kicker", shown, raw=raw, line=line.number),
        Block("paragraph", rest, line=line.number),
    ]

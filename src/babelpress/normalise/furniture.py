"""The site's furniture around an article: found by the rules, then by the evidence.

Contract of :func:`sweep` (after metadata, before the headline), in this order:

1. **Trailer.** A ``trailer`` line ("Kommentare", "Jetzt weiterlesen mit …") ends the
   article and everything after it is removed, but only when prose of the article
   stands before it and none follows it, or when what follows shows the signs of a
   comment section or an offer (``trailer_context``: "Antworten", "vor 2 Stunden",
   "Jederzeit kündbar" …; two or more of them, with at most one paragraph of prose
   before the first).  Otherwise nothing is cut and the decision is reported as
   uncertain: no rule ends the article while its prose goes on.
2. **Rules.** A line matching a ``keep`` pattern stays; a ``boilerplate`` line is
   removed under its kind.  The rules win over the evidence.
3. **Teasers.** The lines that follow a bare teaser label ("Mehr zum Thema", "Weitere
   Artikel") in the same block and read as headlines, not sentences, are removed, and
   the one short sentence right under such a headline (its lead).
   **Advertisements.** The lines under a bare advertisement label ("Anzeige") are the
   advertisement's when they are few and short, and the block of lines ends after them
   or a second label or a button ("Jetzt beantragen") closes them (:data:`MAX_AD_LINES`
   lines of :data:`MAX_AD_WORDS` words at most); otherwise only the label goes.
   **Boxes.** The site's offer under its label ("Der Kultur-Newsletter") down to its
   button ("Jetzt abonnieren"); the author's box ("Über die Autorin", a name and a
   short biography in its block of lines); a dialog: a question of the site
   ("Push-Mitteilungen aktivieren?"), at most two lines, then only buttons ("Erlauben",
   "Nicht jetzt") to the end of its block.  Without its closing button, no box is taken.
   A block of short lines, none a sentence, goes whole when it is a contact block (a
   label such as "Pressekontakt" and a phone number or e-mail address in it), a media
   player (its button in it, "Audio starten"), or a widget of figures (a markets box:
   "DAX", "18.432,17", "+0,84 %", at least :data:`MIN_FIGURES` figures, half its lines
   or more), or a price comparison (shops, prices, "Zum Angebot*").  An offer of the site
   without a label goes whole too: at most :data:`MAX_OFFER_LINES` lines down to a
   button (only links the rules name after it), a line above naming the site's things
   ("… in der App.").  A block holding a form (:data:`MIN_FORM_FIELDS` of its fields or
   its button, "Wohnort *", "Leserbrief absenden") goes whole, with what it says to the
   reader.  Below the article, a block opening with a name of the byline and one or two
   short lines (a role, a biography) is the author's box without a label.  A service's
   widget under its label ("Pollenflug", "Wetter in Heidau") goes with its readings.
4. **Evidence.** Every other line is judged by :func:`~.evidence.assess`: removed,
   kept, or kept and reported as uncertain.  Above or inside the article, a line shaped
   like a headline (four words or more, most not the site's) is never removed on the
   evidence alone: it may be the title or a heading.  An uncertain line in a block of
   lines that are all furniture goes with them.  Captions, list boxes, bulleted lines
   and the rows of a table (:func:`_table_rows`) are left to the structure rules.

:class:`Zones` says where the article begins (its first paragraph of prose) and ends
(its last line that reads as a sentence); it is computed once on the page as pasted,
before anything is removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby, takewhile

from babelpress.normalise.article import Doubt, Removal
from babelpress.normalise.evidence import (
    BODY,
    HEAD,
    HEADLINE_WORDS,
    TAIL,
    Evidence,
    assess,
    headline_shaped,
    is_prose,
    reads_as_sentence,
    verdict,
)
from babelpress.normalise.metadata import letter_signatures, match_metadata
from babelpress.normalise.rules import Rules
from babelpress.normalise.structure import Line, caption_parts, credit_only
from babelpress.normalise.text import comparable, plain_spaces, several_sentences

#: a button has at most this many words (only those count as a row beside the byline)
BUTTON_WORDS = 3
#: a form's row (its fields, then its button) has at most this many items
FORM_ITEMS = 4
#: a block with this many fields of a form (or its button) is the form
MIN_FORM_FIELDS = 3
#: a row of an offer has at most this many items
MAX_ROW_ITEMS = 8
#: what the rules name among a label's teasers without ending the listing: their times
LISTING_MARKS = frozenset({"timestamp"})
#: kinds of boilerplate that speak to the reader; a sentence reporting what someone
#: said ("„Dafür brauchen wir Ihre Hilfe“, sagte die Leiterin.") is the article's
SPOKEN_KINDS = frozenset({
    "read_also", "feedback", "promotion", "donation", "consent", "disclaimer", "form",
    "summary_tool", "programme_note", "newsletter",
})  # fmt: skip
#: kinds whose rules match words an article's sentence may begin or hold ("Weitere
#: Tests …", "danach 58 Euro pro Monat", "Wählen Sie …"): among its paragraphs, a line
#: that reads as its prose is its own
PROSE_KINDS = frozenset({"read_also", "promotion", "form"})
#: the speaker after what was said: "…, sagte die Leiterin", "“, betonte Müller"
_REPORTED = re.compile(
    r"[,“”»«\"]\s*(?:sagte|sagt|sagten|betonte|betont|erklärte|erklärt|meinte|meint|warnte|"
    r"warnt|so|berichtete|kritisierte|forderte|fordert|ergänzte|räumte)\s+(?:der|die|das|den|"
    r"dem|ein|eine|einer|sie|er|es|[A-ZÄÖÜ])"
)
#: a quotation: „…“, »…«, "…"
_QUOTED = re.compile(r"„[^“”]*[“”]|»[^«]*«|\"[^\"]*\"")
#: "Sie" at the start of a sentence: she or they, not the reader
_SENTENCE_SIE = re.compile(r"(^|[.!?:]\s+)Sie\b")
#: the site speaking of itself
_WE = re.compile(r"\b(?:wir|uns|unser|unsere|unseren|unserem|unserer)\b", re.IGNORECASE)
#: a box's label in capitals has at least this many letters
MIN_LABEL_LETTERS = 4
#: an update's label with its time: "Update 16:40 Uhr:", "+++ Update 12:20 Uhr +++"
_UPDATE_LABEL = re.compile(
    r"^(?:\+\+\+ ?)?(?:update|aktualisierung|nachtrag)(?: vom [\d.]+)?,? (?:um )?"
    r"\d{1,2}[:.]\d{2}\b",
    re.I,
)
#: a sponsor's label alone ("Präsentiert von:") has at most this many words
SPONSOR_LABEL_WORDS = 3
#: paragraphs of prose in a row, below a trailer, that show the article goes on
MIN_PROSE_RUN = 3
#: a block with this many lines the rules name as the site's offers is an offer's box
MIN_OFFER_SIGNS = 3
#: a teaser label is followed by at most this many teaser lines (a section's name may
#: stand over each teaser, a lead under it)
MAX_TEASERS = 12
#: a widget of at most this many lines goes whole under its label, sentences and all
MAX_WIDGET_LINES = 5
#: a table has at least this many rows
MIN_TABLE_ROWS = 3
#: a teaser's lead has at most this many words
MAX_LEAD_WORDS = 25
#: an advertisement under its label has at most this many lines, of at most this many words
MAX_AD_LINES = 4
MAX_AD_WORDS = 14
#: a line of a box closed by its button, or of a dialog's explanation, has at most this many words
MAX_BOX_WORDS = 30
#: a block that goes whole (contacts, a player) has at most this many lines, of at most
#: this many words
MAX_BLOCK_LINES = 8
MAX_LABEL_WORDS = 12
#: an offer without a label: at most this many lines, its button last
MAX_OFFER_LINES = 6
#: a widget of figures holds at least this many figures, half its lines or more
MIN_FIGURES = 6
#: an author's biography has at most this many words, on this many lines
MAX_BIO_WORDS = 80
MAX_BIO_LINES = 2
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_DURATION = re.compile(r"\d+\s?(?:sek|sekunden|min|minuten|std|stunden)\b", re.IGNORECASE)
#: a row of an information box: a label of a few words, a colon, its text
_INFO_ROW = re.compile(r"^[A-ZÄÖÜ][\w-]*(?: [\w-]+){0,2}: \S")
#: a forwarded mail's date header, left to the metadata
_MAIL_DATE = re.compile(r"^(?:datum|date)\s*:", re.IGNORECASE)
#: a chart's or table's source under it
_SOURCE = re.compile(r"^(?:quelle|quellen|daten|datenquelle)\s*:\s*\S", re.IGNORECASE)
#: a recording's length in a title: "(1:42:17)", "(4:12)", "(3 Min.)"
_PLAYING_TIME = re.compile(r"\((?:\d{1,2}:)?\d{1,2}:\d{2}\)|\(\d+ ?(?:min|sek|std)", re.I)
#: a gallery's counter: "Bild 1 von 12", "Foto 3/8", "2 / 5"
_GALLERY_COUNTER = re.compile(r"^(?:bild|foto|fotos|bilder)?\s*\d+\s*(?:von|/)\s*\d+$", re.I)
#: a headline with its time in a list of the latest stories ("12:48 · Leihe perfekt")
_TIMED = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s?uhr)?\s?[·|–—-]\s?\S", re.IGNORECASE)
#: a list of the latest stories has at least this many timed headlines
MIN_TIMED = 3
_PRICE = re.compile(r"\d[\d.,]*\s?(?:€|euro\b|%)", re.IGNORECASE)
_AD_CALL = re.compile(
    r"\b(?:jetzt|hier|gleich)\b[^.!?]{0,40}\b(?:sichern|buchen|bestellen|kaufen|testen|"
    r"vereinbaren|anfragen|sparen|berechnen|vergleichen|abschließen|probieren)\b",
    re.IGNORECASE,
)
#: a name of one to four capitalised words, then a dash and the offer
_NAME_DASH = re.compile(r"^[A-ZÄÖÜ][\w&.'’-]*(?: (?:[A-ZÄÖÜ][\w&.'’-]*|&)){0,3} [–—] \S")
#: a media title's length at its end: "(2:48 Min.)", "(12 Minuten)"
_LENGTH_END = re.compile(
    r"\s*\((?:\d{1,2}:)?\d{1,2}(?::\d{2})?\s?(?:min\.?|minuten|sek\.?|std\.?)\)$", re.I
)


@dataclass(frozen=True)
class Zones:
    """Line numbers of the first and last paragraph of prose (None: no prose)."""

    first: int | None
    last: int | None
    #: line numbers of the paragraphs of prose
    prose: frozenset[int] = frozenset()

    @classmethod
    def of_page(cls, lines: list[Line], rules: Rules) -> Zones:
        """From the first paragraph of prose to the last line that reads as a sentence
        of the article (a short last sentence still belongs to it)."""
        text = [line for line in lines if rules.boilerplate_kind(line.text) is None]
        judged = [(line, assess(line.text, BODY, False, rules.evidence)) for line in text]
        prose = [line.number for line, ev in judged if is_prose(line.text, rules.evidence, ev)]
        if not prose:
            return cls(None, None)
        said = [line.number for line, ev in judged if _said(ev, rules)]
        last = max(prose[-1], *said) if said else prose[-1]
        return cls(prose[0], last, frozenset(prose))

    def of(self, line: Line) -> str:
        if self.first is None or self.last is None:
            return BODY
        if line.number < self.first:
            return HEAD
        return TAIL if line.number > self.last else BODY

    def at_edge(self, line: Line) -> bool:
        return self.of(line) != BODY


def _article_sentence(line: Line, zones: Zones, kind: str, rules: Rules) -> bool:
    """*line* is the article's own sentence where a rule of *kind* matched its words: one
    reporting what someone said, or, for a teaser's label ("Weitere Tests", "Mehr aus
    …"), a sentence of prose among the article's paragraphs that goes on past it."""
    if _REPORTED.search(line.text) and reads_as_sentence(line.text):
        return True
    return kind in PROSE_KINDS and zones.of(line) == BODY and is_prose(line.text, rules.evidence)


def _report_under_updates(lines: list[Line], index: int, numbers: set[int], zones: Zones) -> bool:
    """The first version under the label ``lines[index]`` (its lines *numbers*) is the
    report the article goes on from: updates labelled with their time stand above it
    ("Update 16:40 Uhr:"), newest first, and the article's prose goes on below it."""
    below = zones.last is not None and bool(numbers) and zones.last > max(numbers)
    return below and any(_UPDATE_LABEL.match(line.text) for line in lines[:index])


def _holds_article_sentence(line: Line, rules: Rules) -> bool:
    """*line* is a paragraph of prose that opens with a sentence no rule names and does
    not speak to the reader: a rule that matched words of a later sentence ("Die
    künstlich erzeugte Stimme des Ansagedienstes …") would take the article's sentences
    with it.  The site's own paragraphs open with what they are ("Diese Website verwendet
    Cookies. …") or speak to the reader ("Kaufen Sie darüber ein, erhalten wir …")."""
    if not several_sentences(line.text) or not is_prose(line.text, rules.evidence):
        return False
    first = _SENTENCE_BREAK.split(line.text.strip(), maxsplit=1)[0]
    if rules.boilerplate_kind(first) is not None:
        return False
    # what someone is quoted saying, and "Sie" opening a sentence (she, they), are no address
    unquoted = _QUOTED.sub(" ", line.text)
    unquoted = _SENTENCE_SIE.sub(r"\1sie", unquoted)
    return not rules.evidence.reader_address.search(unquoted) and not _WE.search(unquoted)


def _answered(lines: list[Line], index: int, zones: Zones, rules: Rules) -> bool:
    """The question ``lines[index]``, among an interview's paragraphs, is answered by a
    paragraph of prose right after it: the interviewer's, not the site's call for opinions."""
    line = lines[index]
    return (
        line.text.endswith("?")
        and zones.of(line) == BODY
        and index + 1 < len(lines)
        and is_prose(lines[index + 1].text, rules.evidence)
    )


def _said(evidence: Evidence, rules: Rules) -> bool:
    return evidence.sentence and verdict(evidence, rules.evidence) == "keep"


def forwarded_mail(lines: list[Line], rules: Rules, removed: list[Removal]) -> list[Line]:
    """The lines of a forwarded mail below the mail program's line over it ("----------
    Weitergeleitete Nachricht ---------"): what stands above that line is the
    forwarder's (a note, the program's buttons), the header lines below it ("Betreff:
    …") the mail's; the "Datum:" line is left to the metadata.  Unchanged without
    such a line."""
    marker = next(
        (i for i, line in enumerate(lines) if rules.forward_marker.match(line.text)), None
    )
    if marker is None:
        return lines
    end = marker + 1
    while end < len(lines) and rules.mail_header.match(lines[end].text):
        end += 1
    why = f"the forwarder's, above {lines[marker].text!r}"
    dated = [line for line in lines[marker + 1 : end] if _MAIL_DATE.match(line.text)]
    removed.extend(
        Removal("forwarded mail", line.text, line.number, why)
        for line in lines[:end]
        if line not in dated
    )
    return dated + lines[end:]


def sweep(
    lines: list[Line],
    rules: Rules,
    zones: Zones,
    removed: list[Removal],
    doubts: list[Doubt],
    authors: Sequence[str] = (),
    interview: bool = False,
) -> list[Line]:
    """The lines that are not furniture (see the module docstring); *authors*: the
    names of the byline."""
    byline = {r.line for r in removed if r.reason == "metadata"}
    cut = _trailer(lines, rules, zones, removed, doubts)
    if len(cut) < len(lines):  # what followed the article's end is no longer its prose
        zones = Zones.of_page(cut, rules)
    lines = cut
    repeats = Counter(comparable(line.text) for line in lines)
    # a table of contents may number its entries ("1. Was sind Polarlichter?")
    repeats.update(
        comparable(_unnumbered(line.text, rules))
        for line in lines
        if rules.numbered.match(line.text)
    )
    kept: list[Line] = []
    unsure: list[tuple[Line, bool, Evidence]] = []
    label: Line | None = None
    teasers = (-1, 0)  # the block of lines a label's teasers stand in, and where it starts
    last_teaser = -1  # the line number of the last teaser removed
    listing = ""  # the kind of list *label* opens: teasers, or the article's contents
    tables = _table_rows(lines) | _numbered_steps(lines, rules, zones) | _programme(lines, rules)
    tables |= letter_signatures(lines, rules)  # "Mit freundlichen Grüßen", the signature
    tables |= _info_rows(lines, zones)
    boxed = _whole_blocks(lines, rules, zones)  # line number: (kind of box, why)
    boxed.update(_named_author_boxes(lines, rules, zones, authors, set(boxed)))
    for index, line in enumerate(lines):
        if any(p.search(line.text) for p in rules.keep):
            kept.append(line)
            label = None
            continue
        if line.number in boxed:
            box_kind, why = boxed[line.number]
            removed.append(Removal(box_kind, line.text, line.number, why))
            continue
        kind = rules.boilerplate_kind(line.text)
        box = _box(lines, index, kind, rules)
        if (
            kind == "old_version"
            and box is not None
            and _report_under_updates(lines, index, box[1], zones)
        ):
            # updates on top, newest first, over the first report: the article's body
            kind, box = None, None
        if box is not None:
            boxed.update(dict.fromkeys(box[1], (box[0], f"under {line.text!r}")))
            kind = kind or box[0]
        if kind == "poll" and not _vote_follows(lines, index, rules):
            kind = None  # "Umfrage" heading a paragraph about a survey: the article's
        if kind in SPOKEN_KINDS and _article_sentence(line, zones, kind, rules):
            kind = None  # "Weitere Tests sollen im Mai folgen.": the words of a label
        if kind == "feedback" and interview and _answered(lines, index, zones, rules):
            kind = None  # "Wie sehen Sie das?" asked in an interview: its answer follows
        if kind is not None and zones.of(line) == BODY and _holds_article_sentence(line, rules):
            kind = None  # one sentence of the paragraph has a label's words, the others none
        if kind is not None:
            removed.append(Removal(kind.replace("_", " "), line.text, line.number, "rule"))
            if kind in LISTING_MARKS and label is not None and line.group == label.group:
                continue  # a teaser's time ("Gestern, 19:48") within the listing
            label = line if _teaser_label(line, kind, zones.of(line)) else None
            listing = kind
            teasers = _teaser_block(lines, index)
            continue
        # an entry of the contents is removed only when the heading it names follows
        if (
            label
            and _teaser(line, teasers, rules)
            and (listing != "contents" or repeats[comparable(_unnumbered(line.text, rules))] > 1)
        ):
            entry = {"contents": "contents entry", "poll": "poll", "tags": "tag"}.get(
                listing, "teaser"
            )
            removed.append(Removal(entry, line.text, line.number, f"under {label.text!r}"))
            # a headline's lead may follow it (not a gallery's counter's: its caption)
            shaped = len(line.text.split()) >= HEADLINE_WORDS
            last_teaser = line.number if shaped else -1
            continue
        if label and listing == "read_also" and _teaser_lead(line, last_teaser, teasers):
            removed.append(Removal("teaser", line.text, line.number, f"under {label.text!r}"))
            continue
        label = None
        if _protected(line, rules) or line.number in tables:
            kept.append(line)
            continue
        short = len(line.text.split()) <= BUTTON_WORDS
        beside = (
            "beside the byline" if short and {line.number - 1, line.number + 1} & byline else ""
        )
        repeated = repeats[comparable(line.text)] > 1
        zone = zones.of(line)
        evidence = assess(line.text, zone, repeated, rules.evidence, neighbours=beside)
        decision = verdict(evidence, rules.evidence)
        shaped = not evidence.sentence and headline_shaped(line.text, evidence)
        if decision == "remove" and zone != TAIL and shaped:
            decision = "doubt"  # a headline or heading is not removed on the evidence alone
        if decision == "remove":
            removed.append(Removal("furniture", line.text, line.number, evidence.describe()))
            if beside:
                byline.add(line.number)  # a row of buttons under the byline
            continue
        if decision == "doubt":
            unsure.append((line, repeated, evidence))
        kept.append(line)
    groups = {line.number: line.group for line in lines}
    return _second_look(kept, unsure, groups, rules, zones, removed, doubts)


def _second_look(
    kept: list[Line],
    unsure: list[tuple[Line, bool, Evidence]],
    groups: dict[int, int],
    rules: Rules,
    zones: Zones,
    removed: list[Removal],
    doubts: list[Doubt],
) -> list[Line]:
    """Uncertain lines in a block of lines whose other lines are all furniture (at least
    one of them certain) are furniture too: buttons and menus come in rows."""
    gone_groups = {groups[r.line] for r in removed if r.line in groups}
    doubtful = {line.number for line, _, _ in unsure}
    blocks: dict[int, list[Line]] = {}
    for line in kept:
        blocks.setdefault(line.group, []).append(line)
    # the lines of each block that are not uncertain, counted once (not per line: a
    # block of thousands of uncertain lines made this quadratic)
    certain = {
        group: sum(x.number not in doubtful for x in lines) for group, lines in blocks.items()
    }
    dropped: set[int] = set()
    for line, repeated, first in unsure:
        alone = certain[line.group] == (line.number not in doubtful)
        in_row = not first.sentence and line.group in gone_groups and alone
        if in_row and (zones.of(line) == TAIL or not headline_shaped(line.text, first)):
            sign = "in a block of furniture"
            evidence = assess(line.text, zones.of(line), repeated, rules.evidence, neighbours=sign)
            if verdict(evidence, rules.evidence) == "remove":
                removed.append(Removal("furniture", line.text, line.number, evidence.describe()))
                dropped.add(line.number)
                continue
        doubts.append(Doubt(line.number, line.text, "kept", first.describe()))
    return [line for line in kept if line.number not in dropped]


def _teaser(line: Line, block: tuple[int, int], rules: Rules) -> bool:
    """A headline listed under a teaser label, in the label's block of lines or, below a
    label alone in its block, in the next one (*block*: see :func:`_teaser_block`)."""
    group, start = block
    return (
        line.group == group
        and line.number - start <= MAX_TEASERS
        and not _reads_on(line.text)
        and len(line.text.split()) <= rules.heading_max_words
    )


def _numbered_steps(lines: list[Line], rules: Rules, zones: Zones) -> set[int]:
    """The lines inside the article numbered one after the other in one block ("1. Ändern
    Sie Ihr Passwort", "2. Schalten Sie …"): the steps of a list, which the evidence
    does not judge one by one (advice speaks to the reader as the site's calls do)."""
    found: set[int] = set()
    run: list[Line] = []
    for line in lines:
        match = rules.numbered.match(line.text)
        if match is None or zones.of(line) != BODY:
            run = []
            continue
        number = int(match.group("number"))
        if not (run and run[-1].group == line.group and number == _number(run[-1], rules) + 1):
            run = []
        run.append(line)
        if len(run) >= 2:
            found.update(x.number for x in run)
    return found


def _info_rows(lines: list[Line], zones: Zones) -> set[int]:
    """The rows of an information box inside the article: :data:`MIN_TABLE_ROWS` or more
    lines in a row of one block, each a short label and its text ("Anreise: …",
    "Auskunft: Tourismusverband Pfannertal, www.pfannertal.at"), which the evidence
    does not judge one by one (a web address in one is the box's, not a link's)."""
    runs = _row_runs(lines, lambda line: bool(_INFO_ROW.match(line.text)))
    return {row.number for run in runs if zones.of(run[0]) == BODY for row in run}


def _programme(lines: list[Line], rules: Rules) -> set[int]:
    """The lines of a programme or chronology: :data:`MIN_TABLE_ROWS` or more in a row of
    one block, each opening with a date or a time ("Fr., 14. November, 19.30 Uhr: …"),
    which the evidence does not judge one by one (the structure makes them a list)."""
    runs = _row_runs(lines, lambda line: bool(rules.schedule.match(plain_spaces(line.text))))
    return {row.number for run in runs for row in run}


def _row_runs(lines: list[Line], belongs: Callable[[Line], bool]) -> Iterator[list[Line]]:
    """The runs of :data:`MIN_TABLE_ROWS` or more lines in a row of one block that
    *belongs* takes."""
    for _, grouped in groupby(lines, key=lambda line: line.group):
        for taken, run in groupby(grouped, key=belongs):
            rows = list(run)
            if taken and len(rows) >= MIN_TABLE_ROWS:
                yield rows


def _unnumbered(text: str, rules: Rules) -> str:
    match = rules.numbered.match(text)
    return text[match.end() :] if match else text


def _number(line: Line, rules: Rules) -> int:
    match = rules.numbered.match(line.text)
    return int(match.group("number")) if match else -1


def _table_rows(lines: list[Line]) -> set[int]:
    """The rows of a table pasted with tabs (their cells between " · "): at least
    :data:`MIN_TABLE_ROWS` lines in a row of one block with the same number of cells,
    half of them or more with a figure ("Wurfquote · 60 % · 57 %"); a menu has no
    figures and no rows like it."""
    found: set[int] = set()
    for _, grouped in groupby(lines, key=lambda line: line.group):
        block = list(grouped)
        for cells, run in groupby(block, key=lambda line: line.text.count(" · ")):
            rows = list(run)
            figures = sum(any(char.isdigit() for char in row.text) for row in rows)
            if cells >= 1 and len(rows) >= MIN_TABLE_ROWS and figures * 2 >= len(rows):
                found.update(row.number for row in rows)
    return found


def _teaser_lead(line: Line, last_teaser: int, block: tuple[int, int]) -> bool:
    """A teaser's lead: one short sentence right under a teaser's headline, in the
    label's block of lines ("Ein Hobbyastronom hat ihn 1989 als Erster entdeckt.")."""
    group, start = block
    return (
        line.group == group
        and line.number == last_teaser + 1
        and line.number - start <= MAX_TEASERS
        and len(line.text.split()) <= MAX_LEAD_WORDS
        and not several_sentences(line.text)
    )


def _teaser_block(lines: list[Line], index: int) -> tuple[int, int]:
    """(block of lines, number of the line before its first teaser) for the label at
    *index*: its own block, or the next one when the label stands alone."""
    label = lines[index]
    alone = (index == 0 or lines[index - 1].group != label.group) and (
        index + 1 < len(lines) and lines[index + 1].group != label.group
    )
    if not alone:
        return label.group, label.number
    following = lines[index + 1]
    return following.group, following.number - 1


def _whole_blocks(lines: list[Line], rules: Rules, zones: Zones) -> dict[int, tuple[str, str]]:
    """The lines of blocks that go whole, each block of short lines that are not
    sentences: a contact block (a label, "Pressekontakt", and a phone number or an
    e-mail address), a media player (its button in it: "Audio starten"), a widget of
    figures; and an offer of the site without a label, closed by its button.  Timed
    headlines go above or below the article, not in it (a programme's times)."""
    found: dict[int, tuple[str, str]] = {}
    for _, grouped in groupby(lines, key=lambda line: line.group):
        block = list(grouped)
        kind = _block_kind(block, rules)
        if kind == "teasers" and not zones.at_edge(block[0]):
            kind = None
        if kind == "figures":
            block = [line for line in block if line not in _chart_words(block, rules)]
        if kind == "player" and _titled(block[0], rules):
            block = block[1:]  # the episode's title over its player: "Folge 214: Warum …"
        if kind == "player" and zones.of(block[0]) == HEAD:
            # above the article: its own headline over its read-aloud button (a title
            # with its length, "Plenardebatte in voller Länge (1:42:17)", is the player's)
            block = [line for line in block if not _over_player(line, rules)]
        if kind is not None:
            found.update(dict.fromkeys((x.number for x in block), (kind, f"a {kind} block")))
    return found


def _over_player(line: Line, rules: Rules) -> bool:
    """A line of a player's block that is not the player's: a headline without a
    length, or a byline."""
    headline = _titled(line, rules) and _PLAYING_TIME.search(line.text) is None
    return headline or match_metadata(line.text, rules) is not None


def _titled(line: Line, rules: Rules) -> bool:
    """A title of a headline's length that no rule names and no button is, and no
    player's label with its length ("Das Wichtigste in 30 Sekunden")."""
    return (
        len(line.text.split()) >= HEADLINE_WORDS
        and _DURATION.search(line.text) is None
        and rules.boilerplate_kind(line.text) is None
        and not _button(line.text, rules)
        and rules.player_button.match(line.text) is None
    )


def _chart_words(block: list[Line], rules: Rules) -> list[Line]:
    """The lines of a chart pasted as text that are the article's: its title (the first
    line, words, no figure) and its source ("Quelle: Statistisches Bundesamt"), when it
    names one; its axes' figures and buttons go."""
    sources = [line for line in block if _SOURCE.match(line.text)]
    title = block[0]
    titled = len(title.text.split()) >= HEADLINE_WORDS and not rules.figure.match(title.text)
    return ([title] if titled else []) + sources if sources else []


def _block_kind(block: list[Line], rules: Rules) -> str | None:
    if len(block) < 2:
        return None  # a line alone is judged on its own
    texts = [line.text for line in block]
    kinds = [rules.boilerplate_kind(t) for t in texts]  # each line's, once
    named = Counter(kinds)
    # an offer of the site without a label: its button under a line naming the site's
    # things or asking the reader, and after the button nothing but what the rules name
    button = next((i for i in range(len(texts) - 1, -1, -1) if _button(texts[i], rules)), None)
    if (
        button
        and button < MAX_OFFER_LINES
        and all(kind is not None for kind in kinds[button + 1 :])
        and all(len(t.split()) <= MAX_BOX_WORDS for t in texts[:button])
        and any(
            _site_speaks(line, rules) or rules.evidence.reader_address.search(line.text)
            for line in block[:button]
        )
    ):
        return "promotion"
    offer_rows = sum(_offer_row(t, rules) for t in texts)
    if offer_rows >= 2 and all(
        len(t.split()) <= MAX_BOX_WORDS or kind is not None
        for t, kind in zip(texts, kinds, strict=True)
    ):
        # rows of offers, each closed by its button ("… · Verfügbarkeit prüfen"), and
        # what the rules name beside them (the affiliate links' notice)
        return "offers"
    if named["form"] >= MIN_FORM_FIELDS:
        return "form"  # its fields, and what it says to the reader above them
    # a box of lines the rules name: a paywall's offer (its badge, call, price, way in),
    # a social post's embed (its handle, text, likes), the site's links (a gallery,
    # with its caption, is no such box)
    if len(block) <= MAX_BLOCK_LINES:
        for kind, box in (("promotion", "promotion"), ("embed", "embed"), ("link_button", "links")):
            if named[kind] >= MIN_OFFER_SIGNS and not (
                box == "links" and _captioned(texts, kinds, rules)
            ):
                return box
    if (
        len(block) <= MAX_OFFER_LINES
        and kinds[0] == "feedback"
        and any(rules.contact.search(t) for t in texts)
    ):
        return "feedback"  # the site's call to write in, with its address
    own = [t for t, kind in zip(texts[1:], kinds[1:], strict=True) if kind is None]
    if kinds[0] == "widget" and (
        all(_short_label(line, rules) or _reading_note(line.text) for line in block[1:])
        or (
            # a verse of the day, live traffic news with their times: sentences and all
            len(own) < MAX_WIDGET_LINES and all(len(t.split()) <= MAX_BOX_WORDS for t in own)
        )
    ):
        return "widget"  # a service's readings under its label ("Pollenflug", "UV-Index")
    if (
        kinds[0] == "downloads"
        and named["downloads"] >= 2
        and all(len(t.split()) <= MAX_BOX_WORDS for t in texts)
    ):
        return "downloads"  # pictures for the press, their captions, credits and buttons
    if "markets" in kinds and all(
        _short_label(line, rules) or len(line.text.split()) <= BUTTON_WORDS for line in block
    ):
        # a share's widget: its name ("Vellmann Antr."), price, exchange, "Zum Kursverlauf"
        return "markets"
    # a contact's label may read as a sentence ("Ansprechpartnerin für die Presse:")
    if not all(_short_label(line, rules) or rules.contact_label.match(line.text) for line in block):
        return None
    if _shop_offers(texts, rules) or _product_box(texts, kinds, rules):
        return "offers"
    if _button(texts[0], rules) and len(block) <= MAX_BLOCK_LINES:
        return "promotion"  # opened by its call ("Jetzt Tickets sichern"): a widget of offers
    if len(block) > MAX_BLOCK_LINES:
        return "figures" if _figures(texts, rules) else None
    if any(rules.contact_label.match(t) for t in texts) and any(
        rules.contact.search(t) for t in texts
    ):
        return "contact"
    if any(rules.player_button.match(item) for t in texts for item in t.split(" · ")):
        return "player"
    if "promotion" in kinds and any(_button(t, rules) for t in texts):
        # a widget of offers with its legal line ("Wettquoten", the odds, "Jetzt wetten
        # bei …*", "18+ | Spielen mit Verantwortung | *Werbung")
        return "advertisement"
    if sum(bool(_TIMED.match(t)) for t in texts) >= MIN_TIMED:
        return "teasers"  # the latest stories with their times ("12:48 · …"), no sentence
    return "figures" if _figures(texts, rules) else None


def _captioned(texts: list[str], kinds: list[str | None], rules: Rules) -> bool:
    """A gallery among the site's links: a caption with its credit, or a sentence no
    rule names between its counters ("Bild 1 von 2", the caption, "Bild 2 von 2")."""
    if any(caption_parts(t, rules) for t in texts):
        return True
    return any(_GALLERY_COUNTER.match(t) for t in texts) and any(
        kind is None and reads_as_sentence(t) for t, kind in zip(texts, kinds, strict=True)
    )


def _reading_note(text: str) -> bool:
    """A widget's one-sentence note on its readings ("Ab UV-Index 3 wird Sonnenschutz
    empfohlen."): short, with a figure."""
    return len(text.split()) <= BUTTON_WORDS * 3 and any(char.isdigit() for char in text)


def _offer_row(text: str, rules: Rules) -> bool:
    """A row of an offer's items, its button last ("Casa do Largo · … · ab 78 € ·
    Verfügbarkeit prüfen"; an affiliate link's star after it: "Zum Anbieter*")."""
    items = plain_spaces(text).split(" · ")
    return (
        1 < len(items) <= MAX_ROW_ITEMS
        and rules.box_button.match(items[-1].rstrip("*")) is not None
    )


def _shop_offers(texts: list[str], rules: Rules) -> bool:
    """A price comparison: shops, their prices and buttons ("Zum Angebot*"), two of its
    lines or more the rules name as offers, a price among the others."""
    offers = sum(rules.boilerplate_kind(t) == "affiliate" for t in texts)
    return offers >= 2 and any(rules.figure.match(t) for t in texts)


def _product_box(texts: list[str], kinds: list[str | None], rules: Rules) -> bool:
    """A product's box: short lines with its price ("ab 79,95 €"), closed by the shop's
    button ("Zum Angebot*")."""
    closed = kinds[-1] == "affiliate" or _button(texts[-1], rules)
    return closed and any(_PRICE.search(text) for text in texts[:-1])


def _figures(texts: list[str], rules: Rules) -> bool:
    """A widget of figures: most of its short lines a number, a price or a change
    ("18.432,17", "+0,84 %"), the others names and labels ("DAX", "Kurse")."""
    numbers = sum(bool(rules.figure.match(t)) for t in texts)
    if numbers >= MIN_FIGURES and numbers * 2 >= len(texts):
        return True
    # a table of figures with the site's link to more ("Feldmann Antriebe · 42,18 € ·
    # +1,3 %" … "Alle Kurse ›"); a table of the article's (election results) has no link
    linked = any(rules.boilerplate_kind(t) == "link_button" or _button(t, rules) for t in texts)
    rows = [_row_figures(t, rules) for t in texts]
    return linked and sum(rows) >= MIN_FIGURES and sum(map(bool, rows)) * 2 >= len(texts)


def _row_figures(text: str, rules: Rules) -> int:
    """The figures of a table's row, its items between " · ", when half of them or more
    are figures; 0 for another line."""
    items = plain_spaces(text).split(" · ")
    found = sum(bool(rules.figure.match(item)) for item in items)
    return found if len(items) > 1 and found * 2 >= len(items) else 0


def _short_label(line: Line, rules: Rules) -> bool:
    """Short and no sentence, or a line the rules name (an embed's notice in a player).
    A title with its length ("Ein Tag im Dorf (2:48 Min.)") is no sentence."""
    text = _LENGTH_END.sub("", line.text)
    row = text.count(" · ") >= 2  # a row of items (days, times) is no sentence
    return (
        len(line.text.split()) <= MAX_LABEL_WORDS and (row or not reads_as_sentence(text))
    ) or rules.boilerplate_kind(line.text) is not None


def _box(
    lines: list[Line], index: int, kind: str | None, rules: Rules
) -> tuple[str, set[int]] | None:
    """(kind, numbers of its lines) of the box the line at *index* opens, if any: an
    advertisement under its label, the site's offer closed by its button, the author's
    box, or a dialog of the site (a question over its buttons)."""
    line = lines[index]
    if kind == "promotion" and rules.ad_label.match(line.text):
        return "advertisement", _advertisement(lines, index, rules)
    if kind == "old_version":  # the lines under "Ursprüngliche Meldung vom 14:05 Uhr:"
        below = takewhile(lambda x: x.group == line.group, lines[index + 1 :])
        return "old version", {x.number for x in below}
    if kind == "sponsor" and len(line.text.split()) > SPONSOR_LABEL_WORDS:
        offer = _run_to_button(lines, index, rules)  # "Präsentiert von der Sparkasse …"
        return ("sponsor", offer) if offer else None
    if kind == "sponsor" and index + 1 < len(lines):
        name = lines[index + 1]  # "Präsentiert von" over the sponsor's name and claim
        short = len(name.text.split()) <= MAX_LABEL_WORDS and not reads_as_sentence(name.text)
        return ("sponsor", {name.number}) if name.group == line.group and short else None
    if kind is not None:
        return None
    found: set[int] = set()
    if rules.promo_label.match(line.text):
        found, box_kind = _run_to_button(lines, index, rules), "promotion"
    elif rules.author_box.match(line.text):
        found, box_kind = _author_box(lines, index, rules), "author box"
    elif line.text.rstrip().endswith("?") and _site_speaks(line, rules):
        found, box_kind = _dialog(lines, index, rules), "dialog"
    elif _capital_label(line.text):
        # "AUSSTELLER" over a name, "Halle 3 · Stand C21" and "Zum Ausstellerprofil ›"
        found, box_kind = _run_to_button(lines, index, rules, MAX_AD_WORDS, links=True), "box"
    return (box_kind, found) if found else None


def _capital_label(text: str) -> bool:
    """A box's label set in capitals: a word or two, no figure."""
    found = text.strip().rstrip(":").split()
    return (
        1 <= len(found) <= 2
        and all(word.isalpha() and word.isupper() for word in found)
        and sum(len(word) for word in found) >= MIN_LABEL_LETTERS
    )


def _advertisement(lines: list[Line], index: int, rules: Rules) -> set[int]:
    """The numbers of the lines of the advertisement under the label at *index*."""
    label = lines[index]
    buttoned = _closed_by_button(lines, index, rules)
    if buttoned:
        return buttoned
    run: list[Line] = []
    for line in lines[index + 1 : index + 2 + MAX_AD_LINES]:
        if line.group != label.group or rules.boilerplate_kind(line.text) not in (None, "sponsor"):
            return {x.number for x in run}  # the block ends, or a label closes the run
        if _button(line.text, rules) or _ends_in_button(line.text, rules):
            # its button closes it; more offers may follow
            return (
                {x.number for x in run}
                | {line.number}
                | _offers(lines, index + 2 + len(run), rules)
            )
        if len(run) == MAX_AD_LINES or len(line.text.split()) > MAX_AD_WORDS:
            # the article goes on in the same block: one line shaped like an ad is the ad
            # (or the first line itself, a long one, when its block ends with it)
            if not run and _ad_shaped(line.text) and _last_of_block(lines, index + 1):
                return {line.number}
            single = len(run) == 1 and _ad_shaped(run[0].text)
            return {run[0].number} if single else set()
        run.append(line)
    closed = index + 1 + len(run) >= len(lines)
    return {x.number for x in run} if closed else set()


def _closed_by_button(lines: list[Line], index: int, rules: Rules) -> set[int]:
    """The lines under the advertisement's label at *index* down to a button that ends
    their block ("Mehr erfahren"), long ones too (a business's congratulations in
    sentences), when there are at most :data:`MAX_AD_LINES` of them before it."""
    label = lines[index]
    for end in range(index + 1, min(len(lines), index + 2 + MAX_AD_LINES)):
        if lines[end].group != label.group:
            return set()
        if _button(lines[end].text, rules) and _last_of_block(lines, end):
            return {x.number for x in lines[index + 1 : end + 1]}
    return set()


def _last_of_block(lines: list[Line], index: int) -> bool:
    return index + 1 >= len(lines) or lines[index + 1].group != lines[index].group


def _ad_shaped(text: str) -> bool:
    """An advertisement's line: a business's name and its offer after a dash ("Bäckerei
    Kohlhaas – frische Brezeln …"), or a price with a call ("… ab 39 € – jetzt Termin
    sichern bei …")."""
    return _NAME_DASH.match(text) is not None or bool(_PRICE.search(text) and _AD_CALL.search(text))


def _ends_in_button(text: str, rules: Rules) -> bool:
    """A line whose last words after its sentences are a button ("… sichern! Mehr erfahren")."""
    parts = _SENTENCE_BREAK.split(text.strip())
    return len(parts) > 1 and _button(parts[-1], rules)


def _offers(lines: list[Line], start: int, rules: Rules) -> set[int]:
    """The offers from *start* on that follow one closed by its button in the same block
    of lines, each of a few short lines closed by a button of its own (a product row)."""
    found: set[int] = set()
    while start < len(lines) and lines[start].group == lines[start - 1].group:
        offer = _run_to_button(lines, start - 1, rules, MAX_AD_WORDS)
        if not offer:
            break
        found |= offer
        start += len(offer)
    return found


def _run_to_button(
    lines: list[Line], index: int, rules: Rules, most: int = MAX_BOX_WORDS, *, links: bool = False
) -> set[int]:
    """The lines under the label at *index* down to a button ("Jetzt abonnieren") in
    its block of lines, each of at most *most* words: none when no button closes them.
    With *links*, a link the rules name closes them too ("Zum Ausstellerprofil ›"), and
    none of them may read as a sentence (a box of names and figures, not an offer)."""
    label = lines[index]
    run: set[int] = set()
    for line in lines[index + 1 : index + 2 + MAX_AD_LINES]:
        if line.group != label.group or len(line.text.split()) > most:
            return set()
        if links and reads_as_sentence(line.text):
            return set()
        run.add(line.number)
        if _button(line.text, rules) or rules.box_call.search(line.text):
            return run
        if links and rules.boilerplate_kind(line.text) == "link_button":
            return run
    return set()


def _named_author_boxes(
    lines: list[Line], rules: Rules, zones: Zones, authors: Sequence[str], gone: set[int]
) -> dict[int, tuple[str, str]]:
    """The author's box without a label, below the article: a block of lines that opens
    with a name of the byline, then the author's role or a short biography (two lines
    at most, besides what the rules name: "Mehr Artikel der Autorin"); no prose but
    what already goes (*gone*: in a box of the site) follows it."""
    names = {comparable(name) for name in authors if name.strip()}
    found: dict[int, tuple[str, str]] = {}
    for _, grouped in groupby(lines, key=lambda line: line.group):
        block = list(grouped)
        first, numbers = block[0], {line.number for line in block}
        own = [line for line in block[1:] if rules.boilerplate_kind(line.text) is None]
        if len(block) == 1 and _one_line_bio(first.text, names):
            own = []  # "Jana Pohlmann ist Reporterin im Ressort Reportage."
        elif comparable(first.text) not in names or not 0 < len(own) <= 2:
            continue
        if any(n > first.number for n in zones.prose - numbers - gone):
            continue  # the article goes on below: a name in it, not a box
        if any(len(line.text.split()) > MAX_BIO_WORDS for line in own):
            continue
        why = ("author box", f"under the author's name {first.text!r}")
        found.update(dict.fromkeys((line.number for line in [first, *own]), why))
    return found


#: what follows the author's name in a one-line biography under the article
_BIO_VERBS = frozenset({"ist", "war", "arbeitet", "schreibt", "lebt", "berichtet", "leitet"})


def _one_line_bio(text: str, names: set[str]) -> bool:
    """A sentence about the byline's author: the name, then what the author is or does."""
    words = comparable(text).split()
    return len(words) <= MAX_BIO_WORDS and any(
        words[: len(name.split())] == name.split()
        and len(words) > len(name.split())
        and words[len(name.split())] in _BIO_VERBS
        for name in names
    )


def _author_box(lines: list[Line], index: int, rules: Rules) -> set[int]:
    """The author's photo credit, name and short biography under "Über die Autorin": a
    credit and a name line, if any, and a paragraph of one or two lines, followed in its
    block of lines by nothing but what the rules name ("Alle Artikel von …") and
    buttons; else the label leaves it all in place."""
    label = lines[index]
    block = list(takewhile(lambda line: line.group == label.group, lines[index + 1 :]))
    start = 0
    if start < len(block) and credit_only(block[start], rules):
        start += 1
    if start < len(block) and rules.byline_name.match(block[start].text):
        start += 1
    end = start
    while end < len(block) and end - start < MAX_BIO_LINES and _bio_line(block[end], rules):
        end += 1
    bio, rest = block[start:end], block[end:]
    if not bio or sum(len(line.text.split()) for line in bio) > MAX_BIO_WORDS:
        return set()
    if any(
        len(line.text.split()) > BUTTON_WORDS and rules.boilerplate_kind(line.text) is None
        for line in rest
    ):
        return set()  # the block goes on past the box with more than buttons
    return {line.number for line in block[:end]}


def _bio_line(line: Line, rules: Rules) -> bool:
    return rules.boilerplate_kind(line.text) is None and not _button(line.text, rules)


def _button(text: str, rules: Rules) -> bool:
    """A button closing a box ("Jetzt 4 Wochen für 1 € lesen", a no-break space in it),
    a form's row ending in one ("E-Mail-Adresse · Anmelden": its fields, then it), or a
    dialog's row of buttons ("Aktivieren · Später")."""
    text = plain_spaces(text)
    if rules.box_button.match(text) is not None:
        return True
    items = text.split(" · ")
    return (
        1 < len(items) <= FORM_ITEMS
        and all(len(item.split()) <= BUTTON_WORDS for item in items)
        and (
            rules.box_button.match(items[-1]) is not None
            or rules.box_button.match(items[0].lstrip("▶►⏵ ")) is not None  # then platforms
            or all(rules.dialog_button.match(item) for item in items)
        )
    )


def _site_speaks(line: Line, rules: Rules) -> bool:
    return assess(line.text, HEAD, False, rules.evidence).site_share > 0


def _dialog(lines: list[Line], index: int, rules: Rules) -> set[int]:
    """The lines of a dialog opened by the site's question at *index*: at most two
    lines of explanation, then two or more buttons ("Erlauben", "Nicht jetzt") to the
    end of its block of lines."""
    question = lines[index]
    block = [line for line in lines[index + 1 : index + 2 + MAX_AD_LINES + 2]
             if line.group == question.group]  # fmt: skip
    buttons = [rules.dialog_button.match(line.text) is not None for line in block]
    if True not in buttons:
        return set()
    first = buttons.index(True)
    said = block[:first]
    if (
        first > 2
        or len(block) - first < 2
        or not all(buttons[first:])
        or any(len(line.text.split()) > MAX_BOX_WORDS for line in said)
    ):
        return set()
    return {line.number for line in block}


def _vote_follows(lines: list[Line], index: int, rules: Rules) -> bool:
    """A poll's button ("Abstimmen") follows the label at *index* in its block of lines."""
    label = lines[index]
    for line in lines[index + 1 : index + 1 + MAX_TEASERS + 2]:
        if line.group != label.group:
            return False
        if any(p.search(line.text) for p in rules.vote):
            return True
    return False


def _teaser_label(line: Line, kind: str, zone: str) -> bool:
    """A label over teasers: no headline after a colon in it ("Lesen Sie auch: Bahn
    streikt erneut" is a teaser itself), a name may be ("Dossier: Grenzgänger"), but
    not above the article, where such a line is the kicker over the headline."""
    label, colon, named = line.text.rstrip(":").partition(":")
    collection = label.casefold().split()[-1:] in (["dossier"], ["themendossier"], ["schwerpunkt"])
    return (
        kind in ("read_also", "contents", "poll", "tags")
        and len(line.text.split()) <= 6
        and (not colon or (collection and len(named.split()) < HEADLINE_WORDS and zone != HEAD))
    )


def _reads_on(text: str) -> bool:
    return text.rstrip("“”\"'»«)’ ").endswith((".", "!", "…"))


def _protected(line: Line, rules: Rules) -> bool:
    """Lines the structure rules decide on: captions, credits, list boxes, bullets."""
    return (
        caption_parts(line.text, rules) is not None
        or any(p.match(line.text) for p in rules.box_heading)
        or bool(rules.bullet.match(line.text))
    )


def _trailer(
    lines: list[Line], rules: Rules, zones: Zones, removed: list[Removal], doubts: list[Doubt]
) -> list[Line]:
    below: _Below | None = None
    for index, line in enumerate(lines):
        if not index or not rules.any_trailer.search(line.text):
            continue
        if zones.first is None or line.number < zones.first:
            continue  # above the article: a link in the page head, not its end
        below = below or _Below(lines, rules, zones)
        after = index + 1
        # the article goes on when its prose follows before any sign of comments or an
        # offer: more than one paragraph of it, or any when no such sign follows; one
        # sign is enough only right under the marker (a comment's header under "Kommentare");
        # or when MIN_PROSE_RUN paragraphs follow in a row with no such sign between them
        # (a paywall's box for a reader who is signed in, and the article under it)
        signs = below.signs[after]
        shown = signs >= 2 or (signs == 1 and below.is_sign[after])
        prose = below.prose[after]
        ahead = below.run[after]
        if prose and (not shown or ahead > 1 or below.best_run[after] >= MIN_PROSE_RUN):
            first = lines[below.first_prose[after]].number
            doubts.append(
                Doubt(
                    line.number,
                    line.text,
                    "not treated as the end of the article",
                    f"{prose} paragraph(s) of prose follow it, from line {first}",
                )
            )
            continue
        why = f"after {line.text!r}, the end of the article"
        reason = "comments" if rules.boilerplate_kind(line.text) == "comments" else "end of article"
        removed.extend(Removal(reason, x.text, x.number, why) for x in lines[index:])
        return lines[:index]
    return lines


class _Below:
    """What stands below each line, counted once from the end of the page (a page with
    a trailer's words on every other line is not read again for each of them); index
    ``i`` tells of ``lines[i:]``."""

    def __init__(self, lines: list[Line], rules: Rules, zones: Zones) -> None:
        size = len(lines) + 1
        self.is_sign = [False] * size  # a sign of comments or an offer
        self.signs = [0] * size
        self.prose = [0] * size  # paragraphs of prose
        self.first_prose = [0] * size
        self.run = [0] * size  # paragraphs of prose before the next sign
        self.best_run = [0] * size  # the most paragraphs of prose with no sign between
        for i in range(len(lines) - 1, -1, -1):
            text, number = lines[i].text, lines[i].number
            sign = any(p.search(text) for p in rules.trailer_context)
            paragraph = not sign and number in zones.prose
            self.is_sign[i] = sign
            self.signs[i] = self.signs[i + 1] + sign
            self.prose[i] = self.prose[i + 1] + (number in zones.prose)
            self.first_prose[i] = i if number in zones.prose else self.first_prose[i + 1]
            self.run[i] = 0 if sign else self.run[i + 1] + paragraph
            self.best_run[i] = max(self.run[i], self.best_run[i + 1])


__all__ = ["BODY", "HEAD", "TAIL", "Zones", "forwarded_mail", "sweep"]

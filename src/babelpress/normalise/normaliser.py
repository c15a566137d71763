"""Raw German article text to an :class:`Article`: the pure core of ``normalise``.

Contract of :func:`normalise_text` (no I/O; same input, same article):

1. :func:`~.text.clean` applies the permitted text fixes (whitespace, NFC, zero-width
   characters and soft hyphens, the missing space after a closing quote); then the
   editors' corrections of the seed (:mod:`.corrections`).  Nothing else changes the
   author's words.
2. A box of labels over their values becomes rows ``Label: value`` (:mod:`.databox`).
   Where the article's prose begins and ends is found (:class:`~.furniture.Zones`).
3. Metadata lines (bylines, dates, agencies, "Mit Ergänzungen von …", "Aus dem
   Französischen von …") are removed and become front-matter fields (:mod:`.metadata`).
4. The site's furniture goes: a trailer ends the article only where no prose of it
   follows; boilerplate by the rules; the rest by the evidence (:mod:`.furniture`).
5. Rows of a box on one line each are bulleted (:mod:`.databox`).  The headline, its
   topline and the navigation above them (:mod:`.headline`).
6. Repeated paragraphs, lists, captions, quotes, kickers, headings (interview questions
   stay paragraphs): :mod:`.structure`, :mod:`.lists` and :mod:`.dedupe`.  Pull quotes
   are removed last, compared with the finished body.
7. Front matter: inferred fields, then every field of the seed's ``meta.yml`` entry on
   top.  With no title in either, one is guessed from the lead and a warning recorded.
   ``description`` is the lead (the first paragraph); ``slug`` comes from the title.

Every removed or moved line is recorded in :attr:`Article.removed` with its reason and
evidence, every uncertain decision in :attr:`Article.doubts`, every correction in
:attr:`Article.corrected`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from babelpress.normalise.article import Article, Block, Doubt, Removal, parse_date
from babelpress.normalise.corrections import Correction, apply_corrections
from babelpress.normalise.databox import bullet_label_rows, take_data_boxes, take_sources
from babelpress.normalise.dedupe import drop_duplicates, find_pull_quotes
from babelpress.normalise.escape import one_line
from babelpress.normalise.furniture import Zones, forwarded_mail, sweep
from babelpress.normalise.headline import take_headline
from babelpress.normalise.metadata import (
    author_names,
    dateline_date,
    finish_fields,
    take_metadata,
)
from babelpress.normalise.rules import Rules, load_rules
from babelpress.normalise.structure import classify, is_interview, rejoin_interrupted, split_lines
from babelpress.normalise.text import clean, sentences, slugify

_DEFAULT_RULES: Rules | None = None
#: what a paragraph may be cut by on a page: it is joined again around them
INTERRUPTIONS = frozenset({"page marker", "promotion", "advertisement"})
#: what may stand in a paragraph's way when the text after it goes on in lower case or
#: with a figure: a print page's running head ("Amtsblatt … · Nr. 47 · 20. November 2025")
WEAK_INTERRUPTIONS = frozenset({"metadata"})


def default_rules() -> Rules:
    """The packaged rules, loaded once."""
    global _DEFAULT_RULES
    if _DEFAULT_RULES is None:
        _DEFAULT_RULES = load_rules()
    return _DEFAULT_RULES


def normalise_text(
    raw: str,
    *,
    seed: str,
    meta: Mapping[str, Any] | None = None,
    rules: Rules | None = None,
    lang: str = "de",
    corrections: Sequence[Correction] = (),
) -> Article:
    """Normalise one raw article (already decoded) into an :class:`Article`."""
    rules = rules or default_rules()
    removed: list[Removal] = []
    doubts: list[Doubt] = []
    fields: dict[str, Any] = {}
    text, corrected = apply_corrections(clean(raw), corrections)
    lines = forwarded_mail(split_lines(text, rules), rules, removed)
    interview = is_interview(lines, rules)
    zones = Zones.of_page(lines, rules)
    lines = take_sources(take_data_boxes(lines, rules, zones), zones)
    zones = Zones.of_page(lines, rules)
    lines = take_metadata(lines, rules, zones.at_edge, fields, removed)
    finish_fields(fields)
    dateline_date(lines, zones.first, rules, fields)
    lines = sweep(
        lines, rules, zones, removed, doubts, authors=author_names(fields), interview=interview
    )
    breaks = {r.line for r in removed if r.reason in INTERRUPTIONS}
    weak = {r.line for r in removed if r.reason in WEAK_INTERRUPTIONS}
    lines = bullet_label_rows(rejoin_interrupted(lines, breaks, weak), rules)
    headline = take_headline(lines, rules, zones.prose, removed, doubts)
    lines, repeated = drop_duplicates(headline.lines)
    removed.extend(Removal("repeated paragraph", line.text, line.number) for line in repeated)
    blocks, alt_texts = classify(lines, rules, interview=interview)
    removed.extend(Removal("image alt text", line.text, line.number) for line in alt_texts)
    pulled = find_pull_quotes(blocks, rules)
    for i in sorted(pulled):
        removed.append(Removal("pull quote", blocks[i].text, blocks[i].line))
        if blocks[i].attribution:  # its speaker's line, below it
            removed.append(Removal("pull quote", blocks[i].attribution, blocks[i].line + 1))
    blocks = [block for i, block in enumerate(blocks) if i not in pulled]
    if headline.kicker is not None:
        blocks.insert(0, headline.kicker)
    removed.sort(key=lambda r: r.line)
    doubts.sort(key=lambda d: d.line)
    article = Article(meta={}, blocks=blocks, removed=removed, doubts=doubts, corrected=corrected)
    article.meta = _front_matter(article, headline.title, fields, meta or {}, seed, lang, rules)
    return article


def _front_matter(
    article: Article,
    title: str | None,
    fields: dict[str, Any],
    meta: Mapping[str, Any],
    seed: str,
    lang: str,
    rules: Rules,
) -> dict[str, Any]:
    # the first paragraph with a word in it (a line of dots is none)
    lead = next(
        (b.text for b in article.blocks if b.kind == "paragraph" and _has_word(b.text)), None
    )
    values: dict[str, Any] = {"title": title, **fields, "description": lead}
    # a value is shown as one line (title, byline): a line break in meta.yml would let
    # it open a heading or a block wherever it is written into Markdown
    values.update(
        {k: one_line(v) if isinstance(v, str) else v for k, v in meta.items() if v is not None}
    )
    if values.get("date") is not None:
        date = parse_date(values["date"])
        if date is None:
            article.warnings.append(f"date {values['date']!r} is not an ISO date; left out")
        values["date"] = date
    if not _has_word(str(values.get("title") or "")):
        values["title"] = _guess_title(lead or "", rules, seed)
        article.warnings.append(
            f"no title in the text or in meta.yml; guessed {values['title']!r} "
            f"(add 'title:' under '{seed}' in meta.yml)"
        )
    values["slug"] = str(values.get("slug") or slugify(str(values["title"])))
    values["lang"] = lang
    values["seed"] = seed
    return values


def _has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _guess_title(lead: str, rules: Rules, seed: str) -> str:
    first = sentences(lead)[0] if _has_word(lead) else seed.rsplit(".", 1)[0]
    words = first.rstrip(".!?:;,").split()
    if len(words) > rules.heading_max_words:
        return " ".join(words[: rules.heading_max_words]) + " …"
    return " ".join(words)


def block_texts(article: Article) -> list[str]:
    """Every literal text of the body, in order (for tests and checks); a numbered list's
    items with their numbers, as the page shows them."""
    out: list[str] = []
    for block in article.blocks:
        items = block.items
        if block.start:
            items = tuple(f"{block.start + n}. {item}" for n, item in enumerate(items))
        out.extend(t for t in (block.text, block.attribution, block.credit, *items) if t)
    return out


__all__ = ["Block", "default_rules", "normalise_text"]

"""Raw German article text to an :class:`Article`: the pure core of ``normalise``.

Contract of :func:`normalise_text` (no I/O; same input, same article):

1. :func:`~.text.clean` applies the permitted text fixes (whitespace, NFC, the missing
   space after a closing quote); nothing else changes the author's words.
2. Metadata lines (bylines, "Mit Ergänzungen von …", "Aus dem Französischen von …",
   "Last Updated on …") are removed and become front-matter fields.
3. A trailer marker ("Kommentare", "Leave a Reply") ends the article; boilerplate lines
   (breadcrumbs, "Lest auch auf …", donation, newsletter, social-media and comment-form
   text) are removed.  See ``data/normalise_rules.yml``.
4. Title, repeated paragraphs, captions, quotes, kickers and headings: :mod:`.structure`
   and :mod:`.dedupe`.  Pull quotes are removed last, compared with the finished body.
5. Front matter: inferred fields, then every field of the seed's ``meta.yml`` entry on
   top.  With no title in either, one is guessed from the lead and a warning recorded.
   ``description`` is the lead (the first paragraph); ``slug`` comes from the title.

Every removed line is recorded in :attr:`Article.removed` with its reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babelpress.normalise.article import Article, Block, Removal, parse_date
from babelpress.normalise.dedupe import drop_duplicates, find_pull_quotes
from babelpress.normalise.metadata import match_metadata, merge_fields
from babelpress.normalise.rules import Rules, load_rules
from babelpress.normalise.structure import Line, classify, split_lines, take_title
from babelpress.normalise.text import clean, sentences, slugify

_DEFAULT_RULES: Rules | None = None


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
) -> Article:
    """Normalise one raw article (already decoded) into an :class:`Article`."""
    rules = rules or default_rules()
    removed: list[Removal] = []
    fields: dict[str, Any] = {}
    lines = split_lines(clean(raw), rules)
    lines = _take_metadata(lines, rules, fields, removed)
    lines = _drop_trailer(lines, rules, removed)
    lines = _drop_boilerplate(lines, rules, removed)
    title, lines = take_title(lines, rules)
    lines, repeated = drop_duplicates(lines)
    removed.extend(Removal("repeated paragraph", line.text, line.number) for line in repeated)
    blocks, alt_texts = classify(lines, rules)
    removed.extend(Removal("image alt text", line.text, line.number) for line in alt_texts)
    pulled = find_pull_quotes(blocks, rules)
    removed.extend(Removal("pull quote", blocks[i].text, blocks[i].line) for i in sorted(pulled))
    blocks = [block for i, block in enumerate(blocks) if i not in pulled]
    removed.sort(key=lambda r: r.line)
    article = Article(meta={}, blocks=blocks, removed=removed)
    article.meta = _front_matter(article, title, fields, meta or {}, seed, lang, rules)
    return article


def _take_metadata(
    lines: list[Line], rules: Rules, fields: dict[str, Any], removed: list[Removal]
) -> list[Line]:
    kept = []
    for line in lines:
        found = match_metadata(line.text, rules)
        if found is None:
            kept.append(line)
            continue
        merge_fields(fields, found)
        removed.append(Removal("metadata", line.text, line.number))
    return kept


def _drop_trailer(lines: list[Line], rules: Rules, removed: list[Removal]) -> list[Line]:
    for index, line in enumerate(lines):
        if index and any(p.search(line.text) for p in rules.trailer):
            removed.extend(Removal("comments", rest.text, rest.number) for rest in lines[index:])
            return lines[:index]
    return lines


def _drop_boilerplate(lines: list[Line], rules: Rules, removed: list[Removal]) -> list[Line]:
    kept = []
    for line in lines:
        kind = rules.boilerplate_kind(line.text)
        if kind is None:
            kept.append(line)
        else:
            removed.append(Removal(kind.replace("_", " "), line.text, line.number))
    return kept


def _front_matter(
    article: Article,
    title: str | None,
    fields: dict[str, Any],
    meta: Mapping[str, Any],
    seed: str,
    lang: str,
    rules: Rules,
) -> dict[str, Any]:
    lead = next((b.text for b in article.blocks if b.kind == "paragraph"), None)
    values: dict[str, Any] = {"title": title, **fields, "description": lead}
    values.update({k: v for k, v in meta.items() if v is not None})
    if values.get("date") is not None:
        date = parse_date(values["date"])
        if date is None:
            article.warnings.append(f"date {values['date']!r} is not an ISO date; left out")
        values["date"] = date
    if not values.get("title"):
        values["title"] = _guess_title(lead or "", rules, seed)
        article.warnings.append(
            f"no title in the text or in meta.yml; guessed {values['title']!r} "
            f"(add 'title:' under '{seed}' in meta.yml)"
        )
    values["slug"] = str(values.get("slug") or slugify(str(values["title"])))
    values["lang"] = lang
    values["seed"] = seed
    return values


def _guess_title(lead: str, rules: Rules, seed: str) -> str:
    first = sentences(lead)[0] if lead.strip() else seed.rsplit(".", 1)[0]
    words = first.rstrip(".!?:;,").split()
    if len(words) > rules.heading_max_words:
        return " ".join(words[: rules.heading_max_words]) + " …"
    return " ".join(words)


def block_texts(article: Article) -> list[str]:
    """Every literal text of the body, in order (for tests and checks)."""
    out: list[str] = []
    for block in article.blocks:
        out.extend(t for t in (block.text, block.attribution, block.credit) if t)
    return out


__all__ = ["Block", "default_rules", "normalise_text"]

"""A synthetic German archive of N articles, made from the normalised articles in docs/de.

The benchmark needs a corpus that looks like a newsroom's archive: many articles,
mostly distinct sentences, some repeated ones (boilerplate, quotes picked up by
several articles), the same Markdown shapes as the real pages.  It is made
deterministically (a seeded :class:`random.Random` per article) from the German
articles of the project:

1. the body of every real article is cut into blocks at blank lines; prose
   paragraphs are cut into sentences, every other block (heading, quote,
   caption, list) is kept whole;
2. article ``i`` takes the block layout of real article ``i mod k``, fills each
   prose paragraph with as many sentences drawn from the whole pool, and keeps
   the headings and other blocks of its model; paragraphs between two headings
   are shuffled;
3. every sentence and block is varied: digits, years, days of the month, month
   and place names are replaced, and most plain sentences get a trailing clause
   naming a place and a date.  About a third of the sentences stay as drawn, so
   the corpus also has exact repeats for the translation memory to find.

Front matter keeps the keys of the model article (``title``, ``description``
and ``date`` varied, ``slug`` set, ``seed`` dropped).  Pages of docs/de that are
not normalised articles (no ``seed`` key) and a generated home page listing the
articles complete the site.
"""

from __future__ import annotations

import importlib.util
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MONTHS = str.split(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
)
PLACES = str.split(
    "Kasachstan Russland Moskau Astana Almaty Usbekistan Kirgistan Tadschikistan Turkmenistan "
    "Georgien Armenien Aserbaidschan Belarus Polen Litauen Lettland Estland Finnland Berlin "
    "Wien Bern Leipzig Dresden Hamburg Bremen Taschkent Bischkek Duschanbe Baku Tiflis"
)
SOURCES = (
    "die Zeitung",
    "der Rundfunk",
    "eine Agentur",
    "das Ministerium",
    "ein Sprecher",
    "die Redaktion",
)
CLAUSES = (
    ", wie {source} am {day}. {month} {year} berichtete.",
    ", hieß es am {day}. {month} in {place}.",
    " – so die Angaben aus {place} vom {day}. {month} {year}.",
    ", meldete {source} aus {place}.",
    ", sagte man in {place} im {month} {year}.",
)
PROSE_START = re.compile(r"^(?:#|>|[-*+] |\d+[.)] |\||!|<|```|~~~| {4}|\t|:|\[\^|\{:|\*\*)")
SPLIT_FALLBACK = re.compile(r"(?<=[a-zäöüß]{2}[.!?])\s+(?=[A-ZÄÖÜ„\"«])")
PROTECTED = re.compile(r"\]\([^)]*\)|<[^>\s]+>|https?://\S+|\{[^}]*\}")
DIGITS = re.compile(r"\d+")
DAY_MONTH = re.compile(r"\b(\d{1,2})\.(\s+)(" + "|".join(MONTHS) + r")\b")
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
PLACE = re.compile(r"\b(" + "|".join(PLACES[:6]) + r")\b")
PLAIN_END = re.compile(r"[a-zäöüß0-9)]\.$")


@dataclass
class Article:
    """A real article cut into pieces."""

    slug: str
    front_matter: dict[str, Any]
    #: ("prose", [sentences]) or ("block", [text]) in page order
    blocks: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class Pool:
    """Everything the synthetic articles are made of."""

    articles: list[Article]
    sentences: list[str]
    titles: list[str]
    extra_pages: dict[str, str]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a Markdown page; ({}, text) if it has none."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}, text
    data = yaml.safe_load(text[4:end]) or {}
    return (data if isinstance(data, dict) else {}), text[end + 5 :]


def sentence_splitter() -> Callable[[str], list[str]]:
    """The project's German segmenter when it is there, else a rough regular expression."""
    try:
        from babelpress.markdown.sentences import split_sentences
    except ImportError:
        return lambda text: [s for s in SPLIT_FALLBACK.split(text) if s.strip()]

    def split(text: str) -> list[str]:
        return [text[start:end] for start, end in split_sentences(text)]

    return split


def is_prose(block: str) -> bool:
    return not any(PROSE_START.match(line) for line in block.splitlines())


def read_articles(source_docs: Path) -> Pool:
    """Cut the real German pages of *source_docs* into a :class:`Pool`."""
    split = sentence_splitter()
    articles: list[Article] = []
    sentences: list[str] = []
    titles: list[str] = []
    extra: dict[str, str] = {}
    for path in sorted(source_docs.rglob("*.md")):
        rel = path.relative_to(source_docs).as_posix()
        text = path.read_text(encoding="utf-8")
        meta, body = split_front_matter(text)
        if "seed" not in meta:
            if rel != "index.md":
                extra[rel] = text
            continue
        article = Article(slug=rel[:-3], front_matter=meta)
        for block in re.split(r"\n[ \t]*\n", body.strip("\n")):
            if not block.strip():
                continue
            if is_prose(block):
                found = split(" ".join(block.split()))
                article.blocks.append(("prose", found))
                sentences.extend(found)
            else:
                article.blocks.append(("block", [block]))
                if block.startswith("#"):
                    titles.append(block.lstrip("#").strip())
        titles.append(str(meta.get("title") or article.slug))
        articles.append(article)
    if not articles or not sentences:
        raise SystemExit(f"no normalised articles (with a 'seed' key) in {source_docs}")
    return Pool(articles, sentences, titles, extra)


class Varier:
    """Deterministic changes to German text, driven by one RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _digits(self, match: re.Match[str]) -> str:
        run = match.group(0)
        if len(run) == 4 and run[:2] in ("19", "20"):
            return str(self.rng.randint(1995, 2024))
        head = "" if len(run) == 1 or run[0] == "0" else str(self.rng.randint(1, 9))
        tail_len = len(run) - len(head)
        return head + "".join(str(self.rng.randint(0, 9)) for _ in range(tail_len))

    def _plain(self, text: str) -> str:
        text = DIGITS.sub(self._digits, text)
        text = MONTH.sub(lambda m: self.rng.choice(MONTHS), text)
        text = DAY_MONTH.sub(lambda m: f"{self.rng.randint(1, 28)}.{m.group(2)}{m.group(3)}", text)
        return PLACE.sub(lambda m: self.rng.choice(PLACES), text)

    def text(self, text: str) -> str:
        """*text* with numbers, dates and places changed; link targets left alone."""
        out, pos = [], 0
        for match in PROTECTED.finditer(text):
            out.append(self._plain(text[pos : match.start()]))
            out.append(match.group(0))
            pos = match.end()
        out.append(self._plain(text[pos:]))
        return "".join(out)

    def sentence(self, sentence: str) -> str:
        """A varied sentence; two in three plain ones also get a trailing clause."""
        roll = self.rng.random()
        if roll < 0.3:
            return sentence
        varied = self.text(sentence)
        if roll < 0.9 and PLAIN_END.search(varied):
            clause = self.rng.choice(CLAUSES).format(
                source=self.rng.choice(SOURCES),
                place=self.rng.choice(PLACES),
                day=self.rng.randint(1, 28),
                month=self.rng.choice(MONTHS),
                year=self.rng.randint(1995, 2024),
            )
            varied = varied[:-1] + clause
        return varied


def make_article(pool: Pool, index: int, seed: int) -> tuple[str, str]:
    """(slug, Markdown) of synthetic article *index*."""
    rng = random.Random(seed * 1_000_003 + index)
    vary = Varier(rng)
    model = pool.articles[index % len(pool.articles)]
    slug = f"artikel-{index:05d}"
    sections: list[list[str]] = [[]]
    for kind, content in model.blocks:
        if kind == "prose":
            count = max(1, len(content) + rng.randint(-1, 1))
            picked = [vary.sentence(rng.choice(pool.sentences)) for _ in range(count)]
            sections[-1].append(" ".join(picked))
        elif content[0].startswith("#"):
            sections.append([vary.text(content[0])])
        else:
            sections[-1].append(vary.text(content[0]))
    blocks: list[str] = []
    for section in sections:
        head = section[:1] if section and section[0].startswith("#") else []
        rest = section[len(head) :]
        rng.shuffle(rest)
        blocks.extend(head + rest)
    meta = dict(model.front_matter)
    meta.pop("seed", None)
    meta["title"] = vary.text(rng.choice(pool.titles))
    meta["slug"] = slug
    if "description" in meta:
        meta["description"] = vary.text(str(meta["description"]))
    if "date" in meta:
        year, month, day = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
        meta["date"] = f"{year}-{month:02d}-{day:02d}"
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return slug, f"---\n{head}---\n\n" + "\n\n".join(blocks) + "\n"


def index_page(titles: list[tuple[str, str]]) -> str:
    lines = ["---", "title: Startseite", "lang: de", "---", "", "# Archiv", ""]
    lines += [f"- [{title}]({slug}.md)" for slug, title in titles]
    return "\n".join(lines) + "\n"


def write_corpus(pool: Pool, target_docs: Path, count: int, seed: int = 1) -> list[str]:
    """Write *count* synthetic articles (and the extra pages) into *target_docs*; return slugs."""
    target_docs.mkdir(parents=True, exist_ok=True)
    listing: list[tuple[str, str]] = []
    for index in range(count):
        slug, text = make_article(pool, index, seed)
        (target_docs / f"{slug}.md").write_text(text, encoding="utf-8")
        title = split_front_matter(text)[0]["title"]
        listing.append((slug, str(title).replace("[", "\\[").replace("]", "\\]")))
    for rel, text in pool.extra_pages.items():
        path = target_docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (target_docs / "index.md").write_text(index_page(listing), encoding="utf-8")
    return [slug for slug, _ in listing]


#: the synthetic articles' file names, for MkDocs' ``not_in_nav``
ARTICLES = "artikel-*.md"


def section_nav(pages: list[str]) -> str:
    """mkdocs.yml lines: a navigation of *pages* (the sections), the articles left out."""
    items = "".join(f"  - {page}\n" for page in pages)
    return (
        "\n# benchmark corpus: the navigation lists the sections, not every article\n"
        f"nav:\n{items}not_in_nav: |\n  {ARTICLES}\n"
    )


def plugin_makes_navigation() -> bool:
    """Whether the babelpress plugin builds the news site's navigation of sections itself."""
    return importlib.util.find_spec("babelpress.site.news") is not None


def add_section_nav(config_file: Path, pages: list[str]) -> None:
    """Give *config_file* :func:`section_nav` of *pages*, unless it has a ``nav`` already.

    With MkDocs' default navigation every page lists every article, and MkDocs' work
    grows with the square of the archive; a news site lists its sections.
    """
    config = config_file.read_text(encoding="utf-8")
    if not re.search(r"^nav:", config, re.MULTILINE):
        config_file.write_text(config.rstrip("\n") + "\n" + section_nav(pages), "utf-8")


def copy_project(repo: Path, root: Path, languages: tuple[str, ...], source: str) -> None:
    """Copy what a build needs besides the German pages: config, theme overrides, assets.

    Where the plugin does not make the site's navigation of sections itself, the
    copy's mkdocs.yml gets one (:func:`add_section_nav`): the home and about pages.
    """
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo / "mkdocs.yml", root / "mkdocs.yml")
    if not plugin_makes_navigation():
        add_section_nav(root / "mkdocs.yml", ["index.md", "about.md"])
    for name in ("overrides", "hooks"):
        if (repo / name).is_dir():
            shutil.copytree(repo / name, root / name)
    docs = repo / "docs"
    skip = {source, *languages}
    if docs.is_dir():
        for entry in docs.iterdir():
            if entry.name in skip:
                continue
            if entry.is_dir():
                shutil.copytree(entry, root / "docs" / entry.name)
            else:
                (root / "docs").mkdir(exist_ok=True)
                shutil.copy2(entry, root / "docs" / entry.name)
    glossary = repo / "locale" / "glossary.csv"
    if glossary.exists():
        (root / "locale").mkdir(parents=True, exist_ok=True)
        shutil.copy2(glossary, root / "locale" / "glossary.csv")


def copy_build_inputs(root: Path, target: Path) -> None:
    """What ``mkdocs build`` reads in project *root* (config, theme, every docs folder)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("overrides", "hooks", "docs"):
        if (root / name).is_dir():
            shutil.copytree(root / name, target / name)


def edit_one_sentence(path: Path, round_no: int) -> None:
    """Change one sentence of one article (a different wording each round)."""
    text = path.read_text(encoding="utf-8")
    meta_end = text.find("\n---\n", 4) + 5
    body = text[meta_end:]
    for block in re.split(r"\n[ \t]*\n", body):
        if block and is_prose(block) and PLAIN_END.search(block.rstrip()):
            stripped = block.rstrip()
            marker = re.sub(r" \(Fassung \d+\)\.$", ".", stripped)
            changed = marker[:-1] + f" (Fassung {round_no})."
            path.write_text(text[:meta_end] + body.replace(stripped, changed, 1), encoding="utf-8")
            return
    raise SystemExit(f"no sentence to edit in {path}")

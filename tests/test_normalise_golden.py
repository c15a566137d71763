"""Golden tests: the five seeds normalise to the reviewed Markdown, byte for byte.

The golden files in tests/golden/normalise/ were read against the raw seeds: every
sentence of the article once, in order, and none of the boilerplate.  These tests also
check that the committed docs/de pages are exactly the golden output, that both Markdown
dialects (markdown-it-py, Python-Markdown as MkDocs uses it) render the intended text,
and that no sentence of the raw text went missing except the lines reported as removed.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from babelpress.normalise import Article, load_rules, normalise_text
from babelpress.normalise.corrections import apply_corrections, for_seed, load_corrections
from babelpress.normalise.files import load_meta
from babelpress.normalise.text import clean
from babelpress.normalise.verify import body_of, expected_texts, rendering_problems

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "normalise"
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def _normalise(seed: Path) -> Article:
    """The seed as ``babelpress normalise`` publishes it: with the editors' corrections."""
    meta = load_meta(REPO / "seeds" / "meta.yml")
    rules = load_rules(REPO / "seeds" / "rules.yml")
    corrections = for_seed(load_corrections(REPO / "seeds" / "corrections.yml"), seed.name)
    return normalise_text(
        seed.read_text("utf-8"), seed=seed.name, meta=meta.get(seed.name), rules=rules,
        corrections=corrections,
    )  # fmt: skip


@pytest.fixture(scope="module", params=SEEDS, ids=lambda p: p.stem[:3])
def seed(request: pytest.FixtureRequest) -> tuple[Path, Article]:
    return request.param, _normalise(request.param)


def test_five_seeds_and_goldens() -> None:
    assert len(SEEDS) == 5
    assert sorted(p.stem for p in GOLDEN.glob("*.md")) == [p.stem for p in SEEDS]


def test_matches_golden(seed: tuple[Path, Article]) -> None:
    path, article = seed
    assert article.to_markdown() == (GOLDEN / f"{path.stem}.md").read_text("utf-8")


def test_committed_page_is_golden(seed: tuple[Path, Article]) -> None:
    path, article = seed
    page = REPO / "docs" / "de" / f"{article.slug}.md"
    assert page.read_text("utf-8") == (GOLDEN / f"{path.stem}.md").read_text("utf-8")


def test_markdown_it_renders_intended_text(seed: tuple[Path, Article]) -> None:
    assert rendering_problems(seed[1]) == []


def test_nothing_of_the_article_lost(seed: tuple[Path, Article]) -> None:
    """Every raw line (as the editors corrected it) is in the output or reported as
    removed, and nothing is doubled."""
    path, article = seed
    removed = {r.line for r in article.removed}
    output = "\n".join(expected_texts(article))
    corrections = for_seed(load_corrections(REPO / "seeds" / "corrections.yml"), path.name)
    lines = apply_corrections(clean(path.read_text("utf-8")), corrections)[0].split("\n")
    for number, line in enumerate(lines, start=1):
        if not line or number in removed or line == article.title:
            continue
        for part in _parts(line):
            assert output.count(part) == 1, part


def _parts(line: str) -> list[str]:
    """A raw line cut where normalising may legitimately cut it (kicker, label, credit)."""
    line = re.sub(r"^[A-ZÄÖÜ]{3,}\. ", "", line)
    line = re.sub(r"^Legende: ", "", line)
    return [p for p in re.split(r"(?<=\.) (?=Foto:|Keystone)", line) if p]


class _Blocks(HTMLParser):
    """Top-level text blocks of Python-Markdown HTML: (tag, class, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str, str]] = []
        self.current: list[str] | None = None
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "h2"):
            self.current = []
            self.tags.append(f"{tag}.{dict(attrs).get('class') or ''}")
        elif tag not in ("blockquote", "strong"):
            raise AssertionError(f"unexpected HTML tag <{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "h2") and self.current is not None:
            self.blocks.append((self.tags.pop(), "", "".join(self.current)))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def test_python_markdown_renders_intended_text(seed: tuple[Path, Article]) -> None:
    article = seed[1]
    rendered = markdown.markdown(
        body_of(article.to_markdown()), extensions=["attr_list", "tables", "footnotes", "abbr"]
    )
    parser = _Blocks()
    parser.feed(rendered)
    assert [html.unescape(text) for _, _, text in parser.blocks] == expected_texts(article)
    classes = [tag for tag, _, _ in parser.blocks]
    kinds = [b.kind for b in article.blocks]
    assert classes.count("p.caption") == sum(
        1 for b in article.blocks if b.kind == "caption" and b.text
    )
    assert classes.count("p.credit") == sum(1 for b in article.blocks if b.credit)
    assert classes.count("p.kicker") == kinds.count("kicker")
    assert sum(c.startswith("h2") for c in classes) == kinds.count("heading")


EXPECTED = {
    # seed prefix: (headings, quotes, captions, kickers, removed reasons)
    "000": (2, 0, 1, 0, {}),
    "001": (
        6,
        0,
        1,
        1,
        {
            "breadcrumb": 1,
            "image alt text": 1,
            "repeated paragraph": 1,
            "donation": 1,
            "read also": 5,
            "newsletter": 1,
            "promotion": 1,
            "metadata": 3,
            "social media": 1,
            "comments": 2,
        },
    ),
    "002": (4, 2, 1, 0, {}),
    "003": (0, 0, 0, 0, {"pull quote": 3}),
    "004": (0, 0, 0, 0, {"metadata": 1, "comments": 1}),
}


def test_structure_counts(seed: tuple[Path, Article]) -> None:
    path, article = seed
    headings, quotes, captions, kickers, reasons = EXPECTED[path.stem[:3]]
    kinds = [b.kind for b in article.blocks]
    assert (kinds.count("heading"), kinds.count("quote")) == (headings, quotes)
    assert (kinds.count("caption"), kinds.count("kicker")) == (captions, kickers)
    found: dict[str, int] = {}
    for removal in article.removed:
        found[removal.reason] = found.get(removal.reason, 0) + 1
    assert found == reasons
    assert article.warnings == []

"""Expected facts of the raw news pastes in ``tests/data/news/`` and how they are scored.

Each paste ``NAME.txt`` (raw bytes as a browser paste leaves them) has ``NAME.yml``:

``title``, ``kicker``
    the headline, and the topline shown above it as a kicker block;
``meta``
    front-matter fields (``author``, ``date``, ``source``, ``contributors``);
``headings``
    texts that must be ``##`` headings;
``sentences``
    texts that must appear exactly once in the article (body, captions, lists);
``prose``
    texts that must stand in a paragraph and never be a heading;
``lists``
    texts that must be items of a list;
``furniture``
    texts of the page around the article that must appear nowhere in it: a single word
    must not be a whole block, longer texts must not occur at all (word boundaries).

Every entry is one fact; the corpus is scored as the share of facts that hold.
``held_out: true`` marks the pastes kept out of the tuning loop.  ``gaps`` lists the
facts of a tuned paste that do not hold yet, as the scorer words their failure
(``furniture kept: 'Live'``): known limits, kept in view; a gap that closes must be
taken off the list.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from babelpress.normalise import Article, normalise_text
from babelpress.normalise.decode import decode

NEWS = Path(__file__).resolve().parent / "data" / "news"
_SPACES = re.compile(r"\s+")


@dataclass
class Score:
    """Facts that hold and facts that failed, with a reason each."""

    held: int = 0
    failed: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.held + len(self.failed)

    @property
    def share(self) -> float:
        return self.held / self.total if self.total else 1.0

    def add(self, ok: bool, what: str) -> None:
        if ok:
            self.held += 1
        else:
            self.failed.append(what)

    def extend(self, other: Score) -> None:
        self.held += other.held
        self.failed.extend(other.failed)


def pastes(held_out: bool) -> list[Path]:
    """The pastes of one set, by file name."""
    return [p for p in sorted(NEWS.glob("*.txt")) if bool(facts_of(p).get("held_out")) is held_out]


def gaps_of(paste: Path) -> set[str]:
    """The known gaps of *paste*, worded as :func:`score` words a failed fact."""
    return {f"{paste.name}: {gap}" for gap in facts_of(paste).get("gaps") or []}


def facts_of(paste: Path) -> dict[str, Any]:
    data = yaml.safe_load(paste.with_suffix(".yml").read_text("utf-8"))
    assert isinstance(data, dict), paste
    return data


def normalise_paste(paste: Path) -> Article:
    """The article ``babelpress normalise`` makes of *paste* (no meta.yml, no rules.yml)."""
    text = decode(paste.read_bytes(), paste.name).text
    return normalise_text(text, seed=paste.name)


def flat(text: str) -> str:
    """Whitespace of any kind (no-break spaces too) as one space."""
    return _SPACES.sub(" ", text).strip()


def score(paste: Path, article: Article | None = None) -> Score:
    """Every fact of *paste* checked against its normalised article."""
    facts = facts_of(paste)
    article = article or normalise_paste(paste)
    name = paste.name
    result = Score()
    blocks = [(_kind(b), flat(text)) for b in article.blocks for text in _texts(b)]
    everything = [text for _, text in blocks] + [flat(article.title)]
    joined = "\n".join(text for _, text in blocks)
    if "title" in facts:
        result.add(flat(article.title) == flat(facts["title"]), f"{name}: title {article.title!r}")
    if "kicker" in facts:
        kickers = [text for kind, text in blocks if kind == "kicker"]
        result.add(flat(facts["kicker"]) in kickers, f"{name}: kicker, found {kickers}")
    for key, want in (facts.get("meta") or {}).items():
        got = article.meta.get(key)
        result.add(_same(got, want), f"{name}: meta {key} = {got!r}, want {want!r}")
    for text in facts.get("headings") or []:
        ok = ("heading", flat(text)) in blocks
        result.add(ok, f"{name}: not a heading: {text!r}")
    for text in facts.get("sentences") or []:
        count = joined.count(flat(text))
        result.add(count == 1, f"{name}: sentence found {count} times: {text!r}")
    for text in facts.get("prose") or []:
        want = flat(text)
        ok = any(kind in ("paragraph", "quote") and want in t for kind, t in blocks)
        ok = ok and ("heading", want) not in blocks
        result.add(ok, f"{name}: not prose: {text!r}")
    for text in facts.get("lists") or []:
        result.add(("item", flat(text)) in blocks, f"{name}: not a list item: {text!r}")
    for text in facts.get("furniture") or []:
        result.add(not _present(flat(text), everything), f"{name}: furniture kept: {text!r}")
    return result


def _texts(block: Any) -> list[str]:
    if block.kind == "list":
        return list(block.items)
    return [t for t in (block.text, block.attribution, block.credit) if t]


def _kind(block: Any) -> str:
    return "item" if block.kind == "list" else block.kind


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, dt.date):
        return got == want
    if isinstance(want, list):
        return isinstance(got, list) and [flat(str(g)) for g in got] == [flat(str(w)) for w in want]
    return got is not None and flat(str(got)) == flat(str(want))


def _present(text: str, texts: list[str]) -> bool:
    if " " not in text:
        return any(t.strip(" .:!?") == text.strip(" .:!?") for t in texts)
    pattern = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
    return any(pattern.search(t) for t in texts)

"""The normalised article (metadata + blocks) and its Markdown form.

Contract: :meth:`Article.to_markdown` is a pure function of the article and the only
writer of ``docs/de/<slug>.md``.  Its output is YAML front matter (keys in
:data:`FRONT_MATTER_ORDER`, unknown values omitted, extra editor keys after them) and one
Markdown block per :class:`Block`, separated by one blank line, ending in one newline.
Block forms (the segmenter relies on them)::

    ## Heading

    **Entschlüsselung**
    {: .kicker }

    > Quote paragraph text.
    >
    > — Professor Alexander Kobrinsky in der Nesawisimaja Gaseta vom 10. Juli 2022

    Caption text as written.
    {: .caption }

    Foto: Пресс-служба Президента РФ / CC-BY-4.0
    {: .credit }

    - An item of a box such as "Das Wichtigste in Kürze".
    - Another item.

Block text is stored literally and escaped on output (:mod:`.escape`).
:meth:`Article.to_text` gives the article back as raw text of the kind normalising reads,
so ``normalise(article.to_text())`` reproduces the same Markdown (idempotence).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from babelpress.normalise.escape import escape

#: front-matter keys in the order they are written
FRONT_MATTER_ORDER = (
    "title",
    "slug",
    "lang",
    "source",
    "author",
    "contributors",
    "translator",
    "date",
    "description",
    "seed",
)

BLOCK_KINDS = ("paragraph", "heading", "kicker", "quote", "caption", "list")

#: label put before a caption in :meth:`Article.to_text`, so it is read as one again
CAPTION_LABEL = "Legende: "


@dataclass(frozen=True)
class Block:
    """One block of the article body; ``text`` is literal (unescaped) text."""

    kind: str
    text: str
    #: quote: who said it, where and when
    attribution: str = ""
    #: caption: photo credit, as written
    credit: str = ""
    #: kicker: the words as they stood in the raw text (``ENTSCHLÜSSELUNG``); empty for
    #: the topline above the headline
    raw: str = ""
    #: list: the items, literal text each
    items: tuple[str, ...] = ()
    #: list: the number of its first item when the page numbers them ("1.", "2." …),
    #: 0 for bullets
    start: int = 0
    #: line of the cleaned raw text the block comes from (for messages; not compared)
    line: int = field(default=0, compare=False)

    def to_markdown(self) -> str:
        if self.kind == "heading":
            return "## " + escape(self.text, heading=True)
        if self.kind == "kicker":
            return f"**{escape(self.text)}**\n{{: .kicker }}"
        if self.kind == "quote":
            return f"> {escape(self.text)}\n>\n> — {escape(self.attribution)}"
        if self.kind == "caption":
            parts = []
            if self.text:
                parts.append(f"{escape(self.text)}\n{{: .caption }}")
            if self.credit:
                parts.append(f"{escape(self.credit)}\n{{: .credit }}")
            return "\n\n".join(parts)
        if self.kind == "list":
            marks = self._marks("-")
            return "\n".join(
                f"{mark} {escape(item)}" for mark, item in zip(marks, self.items, strict=True)
            )
        return escape(self.text)

    def to_text(self) -> str:
        if self.kind == "list":
            marks = self._marks("•")
            return "\n".join(f"{mark} {item}" for mark, item in zip(marks, self.items, strict=True))
        if self.kind == "kicker":
            return f"{self.raw or self.text.upper()}."
        if self.kind == "quote":
            return f"{self.text}\n\n{self.attribution}"
        if self.kind == "caption":
            text = " ".join(part for part in (self.text, self.credit) if part)
            return CAPTION_LABEL + text if self.text else text
        return self.text

    def _marks(self, bullet: str) -> list[str]:
        if not self.start:
            return [bullet] * len(self.items)
        return [f"{self.start + offset}." for offset in range(len(self.items))]


@dataclass(frozen=True)
class Removal:
    """A line normalising left out (or moved into the front matter), and why."""

    reason: str
    text: str
    line: int
    #: the evidence, the rule or the field it went to (for ``--explain``)
    detail: str = ""


@dataclass(frozen=True)
class Doubt:
    """A decision normalising was unsure of: what it did, and why it was unsure."""

    line: int
    text: str
    decision: str
    why: str


@dataclass(frozen=True)
class Corrected:
    """An editor's correction applied to the text (``seeds/corrections.yml``)."""

    line: int
    wrong: str
    right: str
    note: str = ""
    #: line of the entry in corrections.yml
    entry: int = 0


@dataclass
class Article:
    """A normalised article: front matter, body blocks, and what was removed."""

    meta: dict[str, Any]
    blocks: list[Block]
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)
    corrected: list[Corrected] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return str(self.meta["slug"])

    @property
    def title(self) -> str:
        return str(self.meta["title"])

    def front_matter(self) -> dict[str, Any]:
        """Front-matter mapping in the written order, unknown values left out."""
        ordered = {key: self.meta[key] for key in FRONT_MATTER_ORDER if _known(self.meta.get(key))}
        for key, value in self.meta.items():
            if key not in FRONT_MATTER_ORDER and _known(value):
                ordered[key] = value
        return ordered

    def to_markdown(self) -> str:
        body = "\n\n".join(block.to_markdown() for block in self.blocks)
        return f"---\n{dump_yaml(self.front_matter())}---\n\n{body}\n"

    def to_text(self) -> str:
        """Raw text that normalises back to this article (title line first; a topline
        kicker on the line above it)."""
        blocks = self.blocks
        head = self.title
        if blocks and blocks[0].kind == "kicker" and not blocks[0].raw:
            head, blocks = f"{blocks[0].text}\n{self.title}", blocks[1:]
        parts = [head, *(_joined_kicker(blocks))]
        return "\n\n".join(parts) + "\n"


def _joined_kicker(blocks: list[Block]) -> list[str]:
    """Block texts, a kicker put back in front of its paragraph."""
    out: list[str] = []
    pending = ""
    for block in blocks:
        if block.kind == "kicker":
            pending = block.to_text() + " "
            continue
        out.append(pending + block.to_text())
        pending = ""
    if pending:
        out.append(pending.strip())
    return out


def _known(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def dump_yaml(data: dict[str, Any]) -> str:
    """Stable YAML: given key order, Unicode as is, no line wrapping."""
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )


def parse_date(value: Any) -> dt.date | None:
    """A date from a ``date`` value of meta.yml (date or ISO string)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None

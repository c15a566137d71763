"""Round trip on Markdown nobody here wrote: the CommonMark spec examples and the Markdown
long descriptions of installed packages.

For every document: the parts join back exactly, every msgid restores to its source,
"translating" each unit by its msgid renders the same HTML, and a pseudo-translation that
changes every letter of the plain units keeps the HTML's tag structure (no unit cuts
across markup, no markup hides in a plain unit).
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from babelpress.markdown.reader import parse
from babelpress.markdown.units import Segment

DATA = Path(__file__).parent / "data"
SPEC = json.loads((DATA / "commonmark_spec.json").read_text("utf-8"))
MD = MarkdownIt("commonmark").enable("table")
TAG_RE = re.compile(r"<(/?[a-z0-9]+)")


def package_docs() -> list[tuple[str, str]]:
    docs = {}
    for dist in metadata.distributions():
        meta = dist.metadata
        if "markdown" not in (meta.get("Description-Content-Type") or ""):
            continue
        body = meta.get_payload() or meta.get("Description") or ""  # type: ignore[attr-defined]
        if len(body) > 500:
            docs[meta["Name"]] = body
    return sorted(docs.items())


def xify(seg: Segment) -> str:
    """A pseudo-translation: plain units get every ASCII letter replaced, marked-up ones stay."""
    if seg.flags:
        return seg.restore(seg.msgid)
    return seg.restore(re.sub(r"[A-Za-z]", "x", seg.msgid))


def roundtrip(text: str, unit: str = "sentence") -> None:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = parse(text, path="docs/de/x.md", slug="x", unit=unit)
    assert doc.render(lambda s: s.source) == text
    for seg in doc.segments():
        assert seg.restore(seg.msgid) == seg.source
    original = MD.render(text)
    assert MD.render(doc.render(lambda s: s.restore(s.msgid))) == original
    pseudo = MD.render(doc.render(xify))
    assert TAG_RE.findall(pseudo) == TAG_RE.findall(original)


@pytest.mark.parametrize("example", SPEC, ids=[str(e["example"]) for e in SPEC])
def test_commonmark_spec_example(example: dict[str, str]) -> None:
    roundtrip(example["markdown"])


@pytest.mark.parametrize("unit", ["sentence", "paragraph"])
def test_all_spec_examples_as_one_page(unit: str) -> None:
    roundtrip("\n\n".join(e["markdown"] for e in SPEC if "\r" not in e["markdown"]), unit)


DOCS = package_docs()


def test_enough_real_documents() -> None:
    assert len(DOCS) >= 5


@pytest.mark.parametrize(("name", "text"), DOCS, ids=[d[0] for d in DOCS])
def test_installed_package_docs(name: str, text: str) -> None:
    roundtrip(text)


PIECES = [
    "Satz. ",
    "Am 9. Mai ",
    "z. B. ",
    "Dr. ",
    "„Zitat. Zwei.“ ",
    "*em* ",
    "**fett** ",
    "_u_ ",
    "`code` ",
    "[Link](https://a.b/c) ",
    "![Bild](x.png) ",
    "<https://x.y> ",
    "https://q.r/s ",
    "<b>html</b> ",
    "\\[esc\\] ",
    "&amp; ",
    "\n",
    "\n\n",
    "  \n",
    "\\\n",
    "> ",
    "- ",
    "1. ",
    "## ",
    "| a | b |\n|---|---|\n| c | d |\n",
    "```\ncode. Block.\n```\n",
    "{: .caption }",
    "    ",
    "\t",
    "— ",
    "[1] ",
    "<2> ",
    "[ref]: /u\n",
    "[ref] ",
    "Ende! ",
    "Frage? ",
    "(…) ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_random_markdown_round_trips(pieces: list[str]) -> None:
    roundtrip("".join(pieces))

"""A 20 MB seed: ``babelpress normalise`` finishes in bounded time and memory.

The seed is one huge pasted article: the paragraphs of the project's German articles
over and over, each with its numbers changed and a running part number, so no two
paragraphs are equal word for word.  ``normalise`` runs as a child process; its wall
time and peak resident memory (the child's own VmHWM, see ``scripts/bench_proc.py``)
are checked against limits: three times a linear extrapolation from 1 MB, and 1 GB.
A pasted page is rarely over 1 MB: twenty times that shows the growth without
holding the suite for minutes.

Before the big run, a quick probe compares :func:`normalise_text` on 30 KB and on 120 KB
of the same kind of text: four times the text may take about four times as long, not
sixteen.  A quadratic step fails here in seconds instead of at the big seed's time limit.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
import time
from pathlib import Path

import pytest

from babelpress.normalise import normalise_text

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from bench_corpus import Varier  # noqa: E402
from bench_proc import python_module, run_timed  # noqa: E402

SEED_BYTES = 20_000_000
MEMORY_LIMIT_MB = 1000


def paragraphs() -> list[str]:
    """Plain-text paragraphs of the committed German articles (Markdown marks removed)."""
    found = []
    for page in sorted((REPO / "docs" / "de").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if "\nseed:" not in text:
            continue
        for block in text.split("\n---\n", 1)[1].split("\n\n"):
            lines = [ln for ln in block.split("\n") if not ln.startswith("{:")]
            plain = " ".join(re.sub(r"^(## |> ?)", "", ln) for ln in lines)
            plain = plain.replace("**", "").replace("\\", "").strip()
            if len(plain) > 80:
                found.append(plain)
    assert len(found) > 30
    return found


def huge_text(size: int, seed: int = 5) -> str:
    pool = paragraphs()
    vary = Varier(random.Random(seed))
    parts = ["Ein sehr langer Artikel"]
    total = 0
    while total < size:
        text = vary.text(pool[len(parts) % len(pool)])
        text = text.replace(". ", f" (Teil {len(parts)}). ", 1)
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
    parts.append("Zum Schluss noch ein ganz eigener Satz über Quittenmus und Gewitterwolken.")
    return "\n\n".join(parts) + "\n"


def test_normalise_time_grows_linearly() -> None:
    def cost(size: int) -> float:
        text = huge_text(size)
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            normalise_text(text, seed="big.txt")
            best = min(best, time.process_time() - start)
        return best

    small, big = cost(30_000), cost(120_000)
    # linear: about 4x; quadratic: about 16x
    assert big < 8 * max(small, 0.01), (
        f"normalise_text: {small:.2f} s for 30 KB but {big:.2f} s for 120 KB "
        "(quadratic; see normalise.dedupe.find_pull_quotes)"
    )


@pytest.mark.slow
def test_20_mb_seed(tmp_path: Path) -> None:
    test_normalise_time_grows_linearly()  # fail in seconds, not after the time limit
    # the limit follows this machine's speed (and load): 3x a linear extrapolation from 1 MB
    sample = huge_text(1_000_000)
    start = time.perf_counter()
    normalise_text(sample, seed="big.txt").to_markdown()
    limit = 3 * (SEED_BYTES / 1_000_000) * (time.perf_counter() - start) + 30
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    seed = root / "seeds" / "grosser-artikel.txt"
    seed.write_text(huge_text(SEED_BYTES), encoding="utf-8")
    assert seed.stat().st_size >= SEED_BYTES
    run = run_timed(python_module("babelpress", "-C", str(root), "normalise"), root, limit)
    assert not run.timed_out, f"normalise of a 20 MB seed ran over {limit:.0f} s"
    assert run.returncode == 0, run.stderr[-2000:]
    print(f"20 MB seed: {run.seconds:.1f} s (limit {limit:.0f} s), peak {run.maxrss_mb:.0f} MB")
    assert run.maxrss_mb is not None and run.maxrss_mb < MEMORY_LIMIT_MB, run.maxrss_mb
    pages = [p for p in (root / "docs" / "de").glob("*.md") if p.name != "index.md"]
    assert len(pages) == 1
    markdown = pages[0].read_text(encoding="utf-8")
    assert len(markdown) > SEED_BYTES // 4
    assert "Quittenmus und Gewitterwolken." in markdown


def _rule_patterns() -> list[re.Pattern[str]]:
    """Every pattern of the built-in normalising rules."""
    import dataclasses

    from babelpress.normalise.rules import load_rules

    found: list[re.Pattern[str]] = []

    def add(value: object) -> None:
        if isinstance(value, re.Pattern):
            found.append(value)
        elif isinstance(value, tuple):
            for item in value:
                add(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for inner in dataclasses.fields(value):
                add(getattr(value, inner.name))

    add(load_rules())
    return found


#: lines a paste may hold that make a careless pattern try every way of reading them:
#: a word run together ("FotoFoto…"), names joined by hyphens, dotted abbreviations
_HOSTILE_UNITS = ("Foto", "Ab-", "A.", "a ", "1.", "a@", "Ä ", "aa.bb", "x: ")


@pytest.mark.parametrize("unit", _HOSTILE_UNITS)
def test_every_rule_reads_a_long_line_in_linear_time(unit: str) -> None:
    """A pattern applied to each line must take time proportional to the line: one
    whose parts can match the same characters in many ways (a name with "-" in it
    between separators that are "-") took seconds on a line of 2,000 characters and
    grows with its cube (found by an attack review)."""
    patterns = _rule_patterns()
    assert len(patterns) > 300

    def cost(size: int) -> float:
        line = unit * (size // len(unit))
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            for pattern in patterns:
                pattern.search(line)
            best = min(best, time.process_time() - start)
        return best

    small, big = cost(2_000), cost(8_000)
    # linear: about 4x; quadratic: about 16x
    assert big < max(small, 0.01) * 8, (small, big)


def test_a_block_of_thousands_of_uncertain_lines_is_read_in_linear_time() -> None:
    """Lines "0. a", "1. a", … in one block are each uncertain; each looked at every
    other line of its block, which made the block quadratic (found by an attack review)."""

    def cost(lines: int) -> float:
        text = "Titel\n\nDie Regierung hat am Montag neue Regeln beschlossen.\n" + "\n".join(
            f"{n}. a" for n in range(lines)
        )
        start = time.process_time()
        normalise_text(text, seed="rows.txt")
        return time.process_time() - start

    small, big = cost(5_000), cost(40_000)
    # linear: about 8x (the rest of normalising grows a little faster); it was 20x
    assert big < max(small, 0.01) * 12, (small, big)


def test_thousands_of_lines_going_on_in_lower_case_are_read_in_linear_time() -> None:
    """Whether lines of sense end a sentence was looked for again from every line of a
    block; a block of lines in lower case without a full stop made that quadratic."""

    def cost(lines: int) -> float:
        text = "Titel der Meldung\n\nDas steht fest\n" + "\n".join(["und noch mehr dazu"] * lines)
        start = time.process_time()
        normalise_text(text, seed="lower.txt")
        return time.process_time() - start

    small, big = cost(2_000), cost(16_000)
    assert big < max(small, 0.01) * 12, (small, big)  # linear: 8x

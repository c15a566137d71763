"""Compare babelpress's German sentence splitter with pysbd (German) on hand-marked text.

Corpora:

* ``cases``: tests/data/segment_cases.txt, hand-made tricky German;
* ``seeds``: tests/data/segment_seeds.txt, the seed paragraphs split by hand;
* ``docs``: every paragraph-like unit of docs/de/*.md (``markdown.parse`` in paragraph
  mode), with the expected split taken from the hand-marked sentences of the other two
  files (a paragraph they do not cover completely is counted as unmarked and skipped).

For each splitter it prints boundary precision, recall and F1, the share of paragraphs
split exactly right, and the speed.  The expected splits keep a short multi-sentence
quotation whole (babelpress's convention); the ``outside quotes`` columns ignore every
boundary inside a quotation, so a splitter that splits inside quotations is not punished
for that choice.

Usage: python scripts/compare_segmenters.py [--repeat N]   (pysbd comes with the dev extra)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from babelpress.markdown.reader import parse  # noqa: E402
from babelpress.markdown.sentences import _quotation_spans, split_sentences  # noqa: E402
from test_segment import read_cases  # noqa: E402

Case = tuple[str, list[str]]
Splitter = Callable[[str], list[tuple[int, int]]]


def docs_cases(marked: list[Case]) -> tuple[list[Case], list[str]]:
    """Paragraph units of docs/de with a complete hand-marked split; and those without."""
    known = {s for _, sentences in marked for s in sentences}
    cases: list[Case] = []
    unmarked: list[str] = []
    for path in sorted((ROOT / "docs" / "de").glob("*.md")):
        doc = parse(path.read_text("utf-8"), path=str(path), slug=path.stem, unit="paragraph")
        for seg in doc.segments():
            if seg.flags or len(seg.msgid.split()) < 3:
                continue
            expected = tile(seg.msgid, known)
            if expected is None:
                unmarked.append(seg.msgid)
            else:
                cases.append((seg.msgid, expected))
    return cases, unmarked


def tile(text: str, known: set[str]) -> list[str] | None:
    """*text* as a sequence of known sentences (longest first), or None."""
    sentences: list[str] = []
    pos = 0
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos == len(text):
            break
        match = max((s for s in known if text.startswith(s, pos)), key=len, default=None)
        if match is None:
            return None
        sentences.append(match)
        pos += len(match)
    return sentences


def boundaries(text: str, sentences: list[str]) -> set[int]:
    """End offsets of all sentences but the last, found in order in *text*."""
    ends = []
    pos = 0
    for sentence in sentences:
        start = text.find(sentence.strip(), pos)
        if start < 0:
            continue
        pos = start + len(sentence.strip())
        ends.append(pos)
    return set(ends[:-1])


def pysbd_splitter() -> Splitter:
    import pysbd  # dev dependency only

    segmenter = pysbd.Segmenter(language="de", clean=False)

    def split(text: str) -> list[tuple[int, int]]:
        spans = []
        pos = 0
        for sentence in segmenter.segment(text):
            piece = sentence.strip()
            start = text.find(piece, pos)
            if piece and start >= 0:
                spans.append((start, start + len(piece)))
                pos = start + len(piece)
        return spans

    return split


def score(split: Splitter, cases: list[Case]) -> dict[str, float]:
    tp = fp = fn = tp_q = fp_q = fn_q = exact = 0
    for text, expected in cases:
        gold = boundaries(text, expected)
        got = {end for _, end in split(text)[:-1]}
        exact += got == gold
        tp, fp, fn = tp + len(got & gold), fp + len(got - gold), fn + len(gold - got)
        quotes = _quotation_spans(text)
        outside = {b for b in gold | got if not any(s < b < e - 1 for s, e in quotes)}
        tp_q += len(got & gold & outside)
        fp_q += len((got - gold) & outside)
        fn_q += len((gold - got) & outside)
    return {
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "exact": _ratio(exact, len(cases)),
        "f1_outside_quotes": _ratio(2 * tp_q, 2 * tp_q + fp_q + fn_q),
    }


def show(
    corpora: dict[str, list[Case]], splitters: dict[str, Splitter], unmarked: list[str]
) -> None:
    """Print each paragraph where a splitter disagrees with the hand-marked split."""
    for corpus, items in corpora.items():
        for text, expected in items:
            for name, split in splitters.items():
                got = [text[a:b] for a, b in split(text)]
                if [g.strip() for g in got] != [e.strip() for e in expected]:
                    print(f"\n[{corpus}] {name} differs:")
                    print("  expected: " + "\n            ".join(expected))
                    print("  got:      " + "\n            ".join(got))
    for text in unmarked:
        print(f"\n[docs/de unmarked] {text[:200]}")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def speed(split: Splitter, texts: list[str], repeat: int) -> float:
    """Characters per second over *texts*, best of *repeat* runs."""
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            split(text)
        best = min(best, time.perf_counter() - started)
    return chars / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    parser.add_argument("--show", action="store_true", help="print every disagreement")
    args = parser.parse_args(argv)
    data = ROOT / "tests" / "data"
    cases = read_cases(data / "segment_cases.txt")
    seeds = read_cases(data / "segment_seeds.txt")
    docs, unmarked = docs_cases(cases + seeds)
    corpora = {"cases": cases, "seeds": seeds, "docs/de": docs}
    splitters: dict[str, Splitter] = {"babelpress": split_sentences, "pysbd": pysbd_splitter()}
    print(f"docs/de: {len(docs)} paragraphs marked, {len(unmarked)} not covered by the marks")
    header = f"{'corpus':8} {'splitter':10} {'paras':>5} {'prec':>6} {'recall':>6} {'F1':>6}"
    print(header + f" {'exact':>6} {'F1 outside quotes':>18}")
    for corpus, items in corpora.items():
        for name, split in splitters.items():
            s = score(split, items)
            print(
                f"{corpus:8} {name:10} {len(items):5} {s['precision']:6.3f} {s['recall']:6.3f} "
                f"{s['f1']:6.3f} {s['exact']:6.3f} {s['f1_outside_quotes']:18.3f}"
            )
    if args.show:
        show(corpora, splitters, unmarked)
    texts = [t for t, _ in seeds + docs]
    for name, split in splitters.items():
        rate = speed(split, texts, args.repeat)
        print(f"speed {name:10} {rate / 1000:10.0f} k chars/s  ({sum(map(len, texts))} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

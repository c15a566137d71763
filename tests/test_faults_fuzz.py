"""Hostile text through normalising, the Markdown units and the sentence splitter.

Properties, over generated input (hypothesis) and a few pathological texts:

* bytes of any kind, read the way ``babelpress normalise`` reads a seed (decode, then
  :func:`normalise_text`), either give a :class:`BabelpressError` or an article whose
  Markdown :func:`babelpress.markdown.reader.parse` accepts and joins back exactly, every
  segment restoring to its source; its template reads back to the same msgids and
  passes ``msgfmt --check``;
* no sentence is lost: every sentence of a made-up article (random words, Markdown
  characters, quotes, numbers, odd spaces and separators) is found in the article,
  its word characters in order;
* the splitter keeps every non-space character in exactly one span on text full of
  periods, quotation marks, brackets and control characters, and stays linear on huge
  lines and long runs of the characters it looks at.

``tests/test_segment.py`` covers short random text and German cases; these tests aim at
what a pasted web page can contain instead.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from babelpress.config import Settings
from babelpress.errors import BabelpressError
from babelpress.extract.template import template_text
from babelpress.markdown.reader import parse
from babelpress.markdown.sentences import split_sentences
from babelpress.normalise import normalise_text
from babelpress.normalise.decode import decode
from babelpress.normalise.normaliser import block_texts
from babelpress.po.file import parse_po

FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck), max_examples=150)

WORDS = str.split(
    "Kasachstan Russland am 9. Mai z. B. Dr. St. Petersburger bzw. ca. 1.400 36.000 2 500 "
    "vom 10. Juli 2022 „Zitat“ «Wort» \"so\" (…) – — Nur-Sultan Präsident Foto: Legende: "
    "www.example.org https://example.org/a_b?x=1 <b> </b> [Link](x.md) **fett** _kursiv_ "
    "`code` # ## * - + 1. 2) > | \\ ! ? ... … : ; , ' ’ ‚ ‘ ŉ ß ẞ Ǆ ﬁ İ"
)
ODD = (
    "\u00a0", "\u2009", "\u202f", "\u200b", "\u2028", "\u2029", "\x85", "\x0c", "\t",
    "\u0301", "\u0308", "\ufeff", "\u200e", "\u202e", "😀", "👩‍👩‍👧", "𝔘", "\uffff", "\U0010ffff",
)


def markdown_of(data: bytes) -> str | None:
    """What ``normalise`` would write for a seed holding *data*, or None if refused."""
    try:
        text = decode(data, "seeds/x.txt").text
        article = normalise_text(text, seed="x.txt")
    except BabelpressError:
        return None
    return article.to_markdown()


def assert_units_exact(markdown: str) -> None:
    doc = parse(markdown, path="docs/de/x.md", slug="x")
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    assert doc.render(lambda s: s.source) in (body, body.lstrip("\n"))
    for segment in doc.segments():
        assert segment.restore(segment.msgid) == segment.source


token = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=8),
    st.sampled_from(ODD),
)
line = st.lists(token, max_size=25).map(" ".join)
page = st.lists(line, min_size=1, max_size=12).flatmap(
    lambda lines: st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]),
                           min_size=len(lines), max_size=len(lines)).map(
        lambda seps: "".join(a + b for a, b in zip(lines, seps, strict=True))
    )
)


@FUZZ
@given(st.binary(max_size=600))
def test_any_bytes_give_an_error_or_exact_units(data: bytes) -> None:
    markdown = markdown_of(data)
    if markdown is not None:
        assert_units_exact(markdown)


@FUZZ
@given(page)
def test_pasted_web_text_gives_exact_units(text: str) -> None:
    markdown = markdown_of(text.encode("utf-8"))
    if markdown is not None:
        assert_units_exact(markdown)


@FUZZ
@given(page)
def test_pasted_web_text_gives_a_valid_template(text: str) -> None:
    """Normalised, parsed and written as a template: one entry per (context, msgid) that
    reads back to the same strings, and a file GNU msgfmt accepts."""
    markdown = markdown_of(text.encode("utf-8"))
    if markdown is None:
        return
    doc = parse(markdown, path="docs/de/x.md", slug="x")
    pot = template_text(doc, Settings.defaults(), None)
    back = {(entry.msgctxt, entry.msgid) for entry in parse_po(pot.encode("utf-8"))}
    assert back == {(segment.context, segment.msgid) for segment in doc.segments()}
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, "-"], input=pot.encode("utf-8"),
        capture_output=True,
    )
    assert checked.returncode == 0, checked.stderr.decode()


# ---------------------------------------------------------------- no sentence lost
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßéçłšžабвгдежзийклмнопрстуфхцчшщыэюя"
word = st.text(st.sampled_from(LETTERS), min_size=3, max_size=9)
glue = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", " \u200b", "\u2009"])
noise = st.sampled_from(["", "", "", "„", "“", "«", "»", "(", ")", "*", "_", "#", "[", "]",
                         "<", ">", "|", "`", "\\", "1.", "9.", "&", "'", "…"])


@st.composite
def article(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Raw text of paragraphs of numbered sentences, and the sentences."""
    sentences: list[str] = []
    paragraphs = []
    for _ in range(draw(st.integers(2, 6))):
        parts = []
        for _ in range(draw(st.integers(1, 4))):
            number = len(sentences)
            # every word carries the sentence number: near-duplicate sentences are the
            # pull-quote case, pinned separately below
            words = [f"{w}{number}" for w in draw(st.lists(word, min_size=4, max_size=12))]
            words[0] = words[0].capitalize()
            words = [draw(noise) + w + draw(noise) for w in words]
            sentence = "".join(w + draw(glue) for w in words).rstrip() + draw(
                st.sampled_from([".", "!", "?", ".“", "…", ".)"])
            )
            sentences.append(sentence)
            parts.append(sentence)
        paragraphs.append(draw(glue).join(parts))
    return "\n\n".join(paragraphs) + "\n", sentences


def word_chars(text: str) -> str:
    return "".join(re.findall(r"\w", unicodedata.normalize("NFC", text)))


@FUZZ
@given(article())
def test_no_sentence_is_lost(case: tuple[str, list[str]]) -> None:
    raw, sentences = case
    result = normalise_text(decode(raw.encode("utf-8"), "x.txt").text, seed="x.txt")
    kept = word_chars(" ".join([str(result.meta.get("title") or ""), *block_texts(result)]))
    for sentence in sentences:
        assert word_chars(sentence) in kept, sentence
    assert_units_exact(result.to_markdown())


NEAR_REPEAT = (
    "Preise und Löhne\n\n"
    "Der Preis für Brot stieg im Januar um fünf Prozent deutlich an. Die Regierung reagierte "
    "darauf mit neuen Subventionen für Bäckereien.\n\n"
    "{sentence}\n\n"
    "Danach beruhigte sich die Lage auf dem Markt allmählich wieder.\n"
)


def test_near_repeat_with_other_figures_is_kept() -> None:
    sentence = "Der Preis für Brot stieg im Februar um sieben Prozent deutlich an."
    result = normalise_text(NEAR_REPEAT.format(sentence=sentence), seed="x.txt")
    assert sentence in block_texts(result)


def test_near_repeat_about_another_thing_is_kept() -> None:
    sentence = "Der Preis für Milch stieg im Januar um fünf Prozent deutlich an."
    result = normalise_text(NEAR_REPEAT.format(sentence=sentence), seed="x.txt")
    assert sentence in block_texts(result)


def test_near_repeat_saying_the_opposite_is_kept() -> None:
    """No number, month or noun differs, but "nur leicht" is not "deutlich"."""
    sentence = "Der Preis für Brot stieg im Januar um fünf Prozent nur leicht an."
    result = normalise_text(NEAR_REPEAT.format(sentence=sentence), seed="x.txt")
    assert sentence in block_texts(result)


def test_near_repeat_with_another_ending_is_a_pull_quote() -> None:
    """A pull quote may change an ending; all its words are the article's own."""
    sentence = "Die Regierung reagiert darauf mit neuen Subventionen für Bäckereien."
    result = normalise_text(NEAR_REPEAT.format(sentence=sentence), seed="x.txt")
    assert sentence not in block_texts(result)
    assert [r.reason for r in result.removed] == ["pull quote"]


# ------------------------------------------------------------------- splitter
def assert_partition(text: str, spans: list[tuple[int, int]]) -> None:
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text)
        assert not text[pos:start].strip()
        assert text[start] == text[start:end].strip()[0] and text[end - 1] == text[start:end][-1]
        pos = end
    assert not text[pos:].strip()


punctuation_heavy = st.text(
    st.sampled_from(list(".!?…„“”\"«»‚‘’'()[]*_`<> \n\t\u00a0\x85\u2028\x00\x1b\x7fAaZz09ßÄ")),
    max_size=2000,
)


@FUZZ
@given(punctuation_heavy)
def test_splitter_partitions_punctuation_and_controls(text: str) -> None:
    assert_partition(text, split_sentences(text))


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=5), punctuation_heavy)
def test_splitter_with_keep_spans(keep: list[tuple[int, int]], text: str) -> None:
    spans = [(min(a, b), max(a, b)) for a, b in keep]
    assert_partition(text, split_sentences(text, keep=spans))


PATHOLOGICAL = {
    "periods": ". ",
    "abbreviations": "z. B. ",
    "ordinals": "am 9. Mai ",
    "open quotes": "„",
    "mixed quotes": "„a“ «b» \"c\" ",
    "open brackets": "(",
    "brackets": "(a. B.) ",
    "ellipsis": "… ",
    "sentences": "Ein Satz. ",
    "no spaces": "Wort",
    "questions": "?",
    "emphasis": "*a. B* ",
}


@pytest.mark.slow
@pytest.mark.parametrize("unit", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_splitter_is_linear_on_huge_lines(unit: str) -> None:
    def cost(size: int) -> float:
        text = unit * (size // len(unit))
        best = float("inf")
        for _ in range(3):  # best of three: the machine may be busy
            start = time.perf_counter()
            spans = split_sentences(text)
            best = min(best, time.perf_counter() - start)
        assert_partition(text, spans)
        return best

    small, big = cost(40_000), cost(320_000)
    # linear: about 8x; quadratic would be 64x
    assert big < 32 * max(small, 0.005), f"{small:.3f} s -> {big:.3f} s for 8x the text"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Wort " * 200_000,  # one line of 1 MB, no punctuation
        "Ein Satz. " * 100_000,  # one line of 1 MB, 100 000 sentences
        "".join(f"Kurze Zeile {i}\n" for i in range(50_000)),  # headings or a title?
        "„" + "Zitat ohne Ende. " * 30_000,  # an opening quotation mark never closed
    ],
    ids=["words", "sentences", "short-lines", "open-quote"],
)
def test_normalise_huge_lines_in_bounded_time(text: str) -> None:
    start = time.perf_counter()
    article_ = normalise_text(text, seed="x.txt")
    markdown = article_.to_markdown()
    elapsed = time.perf_counter() - start
    assert elapsed < 20, f"normalise took {elapsed:.1f} s for {len(text)} characters"
    body = markdown.split("\n---\n", 1)[1]
    title = word_chars(str(article_.meta["title"]))
    assert word_chars(text) in (word_chars(body), title + word_chars(body))

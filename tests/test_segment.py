"""The German sentence splitter against hand-marked cases and its span invariants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from babelpress.markdown.sentences import abbreviations, split_sentences

DATA = Path(__file__).parent / "data"


def read_cases(path: Path) -> list[tuple[str, list[str]]]:
    """(text, expected sentences) for each case of a hand-marked file."""
    cases = []
    for block in re.split(r"\n\s*\n", path.read_text("utf-8")):
        lines = [line for line in block.splitlines() if line and not line.startswith("#")]
        if not lines:
            continue
        text = ""
        sentences = []
        for line in lines:
            if line.startswith("+"):
                line = line[1:]
                text += line
            else:
                text += (" " if text else "") + line
            sentences.append(line)
        cases.append((text, sentences))
    return cases


CASES = read_cases(DATA / "segment_cases.txt")
SEEDS = read_cases(DATA / "segment_seeds.txt")


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1][0][:40] for c in CASES])
def test_hand_made_case(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_seed_paragraphs() -> None:
    wrong = [(expected, sentences(text)) for text, expected in SEEDS if sentences(text) != expected]
    assert not wrong
    assert sum(len(expected) for _, expected in SEEDS) > 200


def test_examples_from_the_brief() -> None:
    text = (
        "Am 9. Mai kam er. Vom 10. Juli 2022 an blieb er bis zum 24. Februar. "
        "Am 5. Oktober: Regen. Etwa 1.400 oder 36.000 oder 2 500 oder 3.5 Menschen. "
        "Er sah z. B. den St. Petersburger Dr. Meier bzw. ca. zwei, u. a. Prof. Nr. 5 vs. 6 etc. "
        "Danach?"
    )
    assert sentences(text) == [
        "Am 9. Mai kam er.",
        "Vom 10. Juli 2022 an blieb er bis zum 24. Februar.",
        "Am 5. Oktober: Regen.",
        "Etwa 1.400 oder 36.000 oder 2 500 oder 3.5 Menschen.",
        "Er sah z. B. den St. Petersburger Dr. Meier bzw. ca. zwei, u. a. Prof. Nr. 5 vs. 6 etc.",
        "Danach?",
    ]


def test_edge_texts() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n ") == []
    assert split_sentences(" Satz. ") == [(1, 6)]
    assert split_sentences("Ende.") == [(0, 5)]
    assert sentences("24\\. April war gut. Dann nicht.") == ["24\\. April war gut.", "Dann nicht."]


def test_abbreviation_table_is_data() -> None:
    table = abbreviations()
    assert table["Dr"] == "" and table["Nr"] == "number" and table["etc"] == "end"


def test_long_text_is_fast() -> None:
    import time

    text = " ".join(t for t, _ in SEEDS) * 20
    started = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - started < 2.0
    assert len(spans) > 4000


# ---------------------------------------------------------------- properties
VOCABULARY = (
    "der die das Kasachstan Russland am vom bis zum 9. 24. Mai Juli z. B. Dr. St. bzw. ca. "
    "1.400 36.000 2 500 3.5 Vlast.kz lenta.ru „Zitat“ «Wort» (…) … und Ukraine hat sagte"
)
WORDS = st.sampled_from(VOCABULARY.split(" "))
ENDS = st.sampled_from([".", "!", "?", ".“", "?“", "!»", "."])


@st.composite
def german_sentence(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from(["Der", "Die", "Kasachstan", "Am 9. Mai", "Im Januar", "„Wir"]))
    words = draw(st.lists(WORDS, min_size=1, max_size=12))
    end = draw(ENDS)
    if first == "„Wir" and "“" not in end:
        end = end + "“"
    return " ".join([first, *words]) + end


@given(st.text(max_size=300))
def test_spans_cover_every_non_space(text: str) -> None:
    spans = split_sentences(text)
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text)
        assert text[pos:start].strip() == ""
        assert text[start:end] == text[start:end].strip()
        pos = end
    assert text[pos:].strip() == ""


@given(st.lists(german_sentence(), min_size=1, max_size=6), st.sampled_from([" ", "\n", "  "]))
def test_no_split_inside_numbers_and_stable(parts: list[str], gap: str) -> None:
    text = gap.join(parts)
    found = sentences(text)
    assert gap.join(found).split() == text.split()
    for sentence in found:
        assert split_sentences(sentence) == [(0, len(sentence))]
    for number in re.finditer(r"\d+\.\d+", text):
        assert not any(
            start < number.end()
            and number.start() < end
            and not (start <= number.start() and number.end() <= end)
            for start, end in split_sentences(text)
        )

"""Properties of normalising, over generated articles (hypothesis).

* **No sentence dropped**: every sentence, heading, quote, attribution, caption and
  credit of a generated article appears in the normalised article's text exactly once.
* **Idempotent**: normalising the article's own text again (:meth:`Article.to_text`,
  the raw form normalising reads) gives the same Markdown, byte for byte.
* **Markdown-safe**: the Markdown renders (markdown-it-py) as exactly the article's text,
  whatever markup characters the prose holds; :func:`escape` round-trips any line.

Generated sentences use disjoint vocabularies, so no sentence repeats another (repeats
are removed on purpose and covered by the rule tests).
"""

from __future__ import annotations

import html

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from babelpress.normalise import normalise_text
from babelpress.normalise.escape import escape, unescape
from babelpress.normalise.verify import expected_texts, parser, rendering_problems

SYLLABLES = [
    "ka",
    "ber",
    "lin",
    "mo",
    "sta",
    "rü",
    "gen",
    "dor",
    "fel",
    "ha",
    "zu",
    "wit",
    "ne",
    "schö",
    "pra",
    "lu",
    "tor",
    "vi",
    "quel",
    "ba",
]
DECORATIONS = ["{}", "{}", "{}", "*{}", "_{}_", "[{}]", "<{}", "{}|{}", "`{}`", "{}\\", "&amp;{}"]
DECORATIONS += ["#{}", "{}#", "~~{}", "{}!", "({})", "„{}“", "«{}»", "{}:"]
ENDS = [".", "?", "!", "…", ".“"]
MONTHS = ["Januar", "März", "Mai", "Juli", "Oktober"]

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Vocabulary:
    """Hands out words never used before in the same article."""

    def __init__(self) -> None:
        self.next = 0

    def word(self) -> str:
        i = self.next
        self.next += 1
        n = len(SYLLABLES)
        return SYLLABLES[i % n] + SYLLABLES[(i // n + 3) % n] + SYLLABLES[(i * 7 + 1) % n]


@st.composite
def sentence(draw: st.DrawFn, vocab: Vocabulary, *, end: bool = True) -> str:
    count = draw(st.integers(3, 10))
    words = []
    for index in range(count):
        word = vocab.word()
        if index == 0:
            word = word.capitalize()
        pattern = draw(st.sampled_from(DECORATIONS))
        words.append(pattern.format(word, vocab.word()) if index else word)
    if draw(st.booleans()):
        words.insert(1, f"{draw(st.integers(1, 31))}. {draw(st.sampled_from(MONTHS))}")
    text = " ".join(words)
    if draw(st.integers(0, 5)) == 0:
        text = f"{draw(st.integers(1, 28))}. {draw(st.sampled_from(MONTHS))} {text}"
    return text + draw(st.sampled_from(ENDS)) if end else text


@st.composite
def article_text(draw: st.DrawFn) -> tuple[str, list[str]]:
    """(raw text, every piece of text that must come out)."""
    vocab = Vocabulary()
    title = " ".join(vocab.word().capitalize() for _ in range(draw(st.integers(1, 5))))
    blocks: list[str] = []
    pieces: list[str] = []
    for index in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["paragraph"] * 4 + ["heading", "quote", "caption"]))
        if kind == "heading" and index:
            heading = draw(sentence(vocab, end=False))
            blocks.append(heading)
            pieces.append(heading)
            kind = "paragraph"
        sentences = [draw(sentence(vocab)) for _ in range(draw(st.integers(1, 3)))]
        pieces.extend(sentences)
        text = " ".join(sentences)
        if kind == "quote":
            who = f"{vocab.word().capitalize()} {vocab.word().capitalize()}"
            where = vocab.word().capitalize()
            attribution = f"{who} in der {where} vom 10. Juli 2022"
            blocks.append(f"{text}\n{attribution}")
            pieces.append(attribution)
        elif kind == "caption":
            credit = f"Foto: {vocab.word().capitalize()} / CC-BY-4.0"
            blocks.append(f"Legende: {text} {credit}")
            pieces.append(credit)
        else:
            if draw(st.integers(0, 6)) == 0:
                kicker = vocab.word().upper()
                pieces.append(kicker.capitalize())
                text = f"{kicker}. {text}"
            blocks.append(text)
    separators = [draw(st.sampled_from(["\n", "\n\n", "\n \n\t\n"])) for _ in blocks]
    raw = title + "".join(sep + block for sep, block in zip(separators, blocks, strict=True))
    return raw + "\n", pieces


@SETTINGS
@given(article_text())
def test_no_sentence_dropped(case: tuple[str, list[str]]) -> None:
    raw, pieces = case
    article = normalise_text(raw, seed="p.txt")
    assert article.removed == []
    text = "\n".join(expected_texts(article))
    for piece in pieces:
        assert text.count(piece) == 1, piece


@SETTINGS
@given(article_text())
def test_idempotent(case: tuple[str, list[str]]) -> None:
    article = normalise_text(case[0], seed="p.txt")
    again = normalise_text(article.to_text(), seed="p.txt")
    assert again.to_markdown() == article.to_markdown()
    assert again.removed == []


@SETTINGS
@given(article_text())
def test_markdown_renders_the_text(case: tuple[str, list[str]]) -> None:
    assert rendering_problems(normalise_text(case[0], seed="p.txt")) == []


LINE = (
    st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="\t"
        ),
        min_size=1,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(LINE)
def test_escape_round_trips_and_renders_literally(text: str) -> None:
    escaped = escape(text)
    assert unescape(escaped) == text
    tokens = parser().parse(escaped)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    assert "".join(c.content for c in children if c.type == "text") == text
    assert all(c.type == "text" for c in children)


@settings(max_examples=150, deadline=None)
@given(LINE)
def test_escape_python_markdown(text: str) -> None:
    rendered = markdown.markdown(escape(text), extensions=["attr_list", "tables", "footnotes"])
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    inner = rendered[3:-4]
    assert "<" not in inner.replace("&lt;", "")
    assert html.unescape(inner) == text

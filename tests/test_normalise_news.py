"""The normaliser on raw pastes of German news pages (``tests/data/news/``).

The facts of every tuned paste are scored together: the test prints the share that
holds and fails on any failed fact that is not one of the paste's known ``gaps`` (and
on a gap that holds now).  The held-out pastes were
written before the normaliser was tuned and are never used to tune it; their share is
printed as an estimate for pages nobody has seen, and does not fail the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from babelpress.normalise.decode import decode
from babelpress.normalise.normaliser import block_texts, default_rules
from babelpress.normalise.text import clean, comparable
from babelpress.normalise.verify import rendering_problems
from news_facts import Score, gaps_of, normalise_paste, pastes, score

TUNED = pastes(held_out=False)
HELD_OUT = pastes(held_out=True)


def test_corpus_size() -> None:
    assert len(TUNED) + len(HELD_OUT) >= 20
    assert len(HELD_OUT) >= 4


def test_tuned_pastes_all_facts_hold(capsys: pytest.CaptureFixture[str]) -> None:
    """Every fact holds but the known gaps, and every known gap is still open."""
    total = Score()
    gaps: set[str] = set()
    for paste in TUNED:
        total.extend(score(paste))
        gaps |= gaps_of(paste)
    with capsys.disabled():
        print(
            f"\nnews corpus, tuned: {total.held}/{total.total} facts hold ({total.share:.1%}), "
            f"{len(gaps)} of the failures known gaps"
        )
    unexpected = [failure for failure in total.failed if failure not in gaps]
    closed = sorted(gaps - set(total.failed))
    assert unexpected == [], "\n".join(unexpected)
    assert closed == [], "these gaps hold now; take them off `gaps`:\n" + "\n".join(closed)


def test_held_out_pastes_scored(capsys: pytest.CaptureFixture[str]) -> None:
    total = Score()
    for paste in HELD_OUT:
        total.extend(score(paste))
    with capsys.disabled():
        print(f"\nnews corpus, held out: {total.held}/{total.total} facts hold ({total.share:.1%})")
        for failure in total.failed:
            print(f"  held out, failed: {failure}")
    assert total.total > 0


@pytest.mark.parametrize("paste", TUNED + HELD_OUT, ids=lambda p: p.stem)
def test_every_line_is_kept_or_explained(paste: Path) -> None:
    """Nothing disappears silently: each line of the paste is in the article (title and
    front matter included) or reported as removed or moved, with a reason."""
    article = normalise_paste(paste)
    assert rendering_problems(article) == []
    reported = {removal.line for removal in article.removed}
    assert all(removal.reason and removal.text for removal in article.removed)
    kept = comparable(" ".join([article.title, *block_texts(article)]))
    lines = clean(decode(paste.read_bytes(), paste.name).text).split("\n")
    label = default_rules().caption_label  # "Legende:" is said by {: .caption }
    for number, line in enumerate(lines, start=1):
        if line and number not in reported:
            assert comparable(label.sub("", line)) in kept, f"{paste.name}:{number}: {line!r}"

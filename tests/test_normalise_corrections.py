"""Editors' corrections (``seeds/corrections.yml``), the summary line per seed and
``--explain`` on a project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from babelpress.cli import run
from babelpress.config import Settings
from babelpress.errors import ConfigError
from babelpress.normalise import normalise_all
from babelpress.normalise.corrections import Correction, apply_corrections, load_corrections

REPO = Path(__file__).resolve().parent.parent
SEED = "002_7f4e23513a7ae788.txt"
PAGE = "docs/de/vorsichtige-distanzierung-von-russland.md"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    shutil.copytree(
        REPO / "seeds", project / "seeds", ignore=shutil.ignore_patterns(".normalised.json")
    )
    return project


def correct(root: Path, entries: str) -> None:
    (root / "seeds/corrections.yml").write_text(entries, encoding="utf-8")


def cli(root: Path, *args: str) -> int:
    return run(["-C", str(root), "normalise", *args])


def test_every_committed_correction_still_matches_its_seed() -> None:
    corrections = load_corrections(REPO / "seeds/corrections.yml")
    assert corrections, "the five seeds' typos are corrected through this file"
    for correction in corrections:
        seed = (REPO / "seeds" / correction.seed).read_text("utf-8")
        assert seed.count(correction.wrong) == 1, correction
        assert correction.wrong != correction.right and correction.note, correction


def test_correction_applied_to_the_page_not_to_the_seed(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_bytes = (root / "seeds" / SEED).read_bytes()
    correct(root, f"- seed: {SEED}\n  wrong: Politoge\n  right: Politologe\n  note: Tippfehler\n")
    assert cli(root) == 0
    page = (root / PAGE).read_text("utf-8")
    assert "der Politologe Fjodor Lukjanow" in page and "Politoge" not in page
    assert (root / "seeds" / SEED).read_bytes() == seed_bytes
    out = capsys.readouterr().out
    assert f"seeds/{SEED}: 0 lines removed, 1 correction applied\n" in out
    assert cli(root, "--explain", SEED) == 0
    assert "corrected: 'Politoge' -> 'Politologe' (Tippfehler)" in capsys.readouterr().out


def test_stale_correction_is_reported_with_file_and_line(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    correct(root, f"# header\n- seed: {SEED}\n  wrong: Gibtsnicht\n  right: Gibt es\n")
    assert cli(root) == 0
    err = capsys.readouterr().err
    assert f"seeds/corrections.yml:2: correction for {SEED} no longer matches" in err


def test_correction_for_a_missing_seed_is_reported(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    correct(root, "- seed: 999_fehlt.txt\n  wrong: a\n  right: b\n")
    assert cli(root) == 0
    assert "seeds/corrections.yml:1: no seed named '999_fehlt.txt'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("seed: x\n", 1),
        ("- seed: x.txt\n  wrong: a\n", 1),
        ("- seed: x.txt\n  wrong: a\n  right: b\n- seed: y.txt\n  wrong: c\n  right: c\n", 4),
        ("- seed: x.txt\n  wrong: a\n  right: b\n  typo: c\n", 4),
        ("- [a, b]\n", 1),
    ],
)
def test_bad_corrections_name_file_and_line(root: Path, content: str, line: int) -> None:
    correct(root, content)
    with pytest.raises(ConfigError) as info:
        normalise_all(Settings.defaults(root))
    assert info.value.line == line
    assert "corrections.yml" in str(info.value)


def test_every_occurrence_corrected_with_its_line() -> None:
    fix = Correction("x.txt", "Bann brach", "Bahn brach", "Redewendung", 3)
    text, applied = apply_corrections("Der Unmut Bann brach.\n\nEr Bann brach.", [fix])
    assert text == "Der Unmut Bahn brach.\n\nEr Bahn brach."
    assert [a.line for a in applied] == [1, 3]


def test_summary_line_per_seed_and_explain_writes_nothing(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root) == 0
    out = capsys.readouterr().out
    assert (
        "seeds/001_2d250fb7cd1cb555.txt: 14 lines removed, 3 lines moved to the front matter, "
        "15 corrections applied\n"
        in out
    )
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    (root / PAGE).unlink()
    assert cli(root, "--explain") == 0
    out = capsys.readouterr().out
    assert "  line 1: removed: breadcrumb (rule): Startseite" in out
    assert "  line 74: moved: metadata (author: Emma Collet; source: Novastan)" in out
    assert not (root / PAGE).exists()
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == {
        p: b for p, b in before.items() if p != root / PAGE
    }


def test_explain_unknown_seed_is_an_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(root, "--explain", "nope") == 1
    assert "no seed named 'nope.txt'" in capsys.readouterr().err


def test_a_correction_matching_everywhere_is_applied_in_one_pass() -> None:
    """Each match rebuilt and recounted the whole text: a correction of "e" in a 1.5 MB
    seed took two minutes (found by an attack review).  Lines are still those of the
    corrected text."""
    import time

    fix = Correction("x.txt", "e", "E\n", "", 2)
    text, applied = apply_corrections("ab\nde\nee", [fix])
    assert text == "ab\ndE\n\nE\nE\n"
    assert [a.line for a in applied] == [2, 4, 5]

    def cost(size: int) -> float:
        start = time.process_time()
        apply_corrections("Gemeinderat tagte. " * (size // 19), [Correction("x.txt", "e", "E")])
        return time.process_time() - start

    small, big = cost(100_000), cost(800_000)
    assert big < max(small, 0.005) * 20, (small, big)  # linear: 8x; quadratic: 64x

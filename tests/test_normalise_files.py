"""``babelpress normalise`` on a project: writing, no-op reruns, hand edits, --force,
--check, bad seeds among good ones, and the exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from babelpress.cli import run
from babelpress.config import Settings
from babelpress.normalise import normalise_all

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "normalise"
PAGE = "docs/de/kasachstans-schrittweise-entfernung-von-russland.md"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project with only the seeds (no mkdocs.yml: default settings)."""
    project = tmp_path / "p"
    shutil.copytree(
        REPO / "seeds", project / "seeds", ignore=shutil.ignore_patterns(".normalised.json")
    )
    return project


def cli(root: Path, *args: str) -> int:
    return run(["-C", str(root), "normalise", *args])


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_fresh_project_gets_the_committed_pages(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root) == 0
    out = capsys.readouterr().out
    assert f"wrote {PAGE}" in out
    for golden in GOLDEN.glob("*.md"):
        slug = next(
            line[6:] for line in golden.read_text("utf-8").splitlines() if line.startswith("slug: ")
        )
        assert (root / "docs/de" / f"{slug}.md").read_bytes() == golden.read_bytes()
    # the front page and the archive are the site's, made from the pages' front matter
    assert not (root / "docs/de/index.md").exists()
    manifest = json.loads((root / "seeds/.normalised.json").read_text("utf-8"))
    assert sorted(manifest["files"]) == sorted(
        f"docs/de/{p.name}" for p in (root / "docs/de").glob("*.md")
    )
    assert (root / "seeds/.normalised.json").read_bytes() == (
        REPO / "seeds/.normalised.json"
    ).read_bytes()


def test_second_run_writes_nothing(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(root) == 0
    before = snapshot(root)
    capsys.readouterr()
    assert cli(root) == 0
    assert "0 written" in capsys.readouterr().out
    assert snapshot(root) == before
    assert cli(root, "--check") == 0


def test_check_reports_and_writes_nothing(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(root, "--check") == 1
    assert f"would write {PAGE}" in capsys.readouterr().out
    assert not (root / "docs").exists()
    assert not (root / "seeds/.normalised.json").exists()
    assert cli(root) == 0
    seed = root / "seeds/001_2d250fb7cd1cb555.txt"
    text = seed.read_text("utf-8").replace("Vorsichtige Diplomatie", "Behutsame Diplomatie")
    seed.write_text(text, encoding="utf-8")
    before = snapshot(root)
    assert cli(root, "--check") == 1
    assert snapshot(root) == before


def test_hand_edit_is_protected_until_force(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(root) == 0
    page = root / PAGE
    edited = page.read_text("utf-8").replace("Vorsichtige Diplomatie", "Behutsame Diplomatie")
    page.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert cli(root) == 0
    err = capsys.readouterr().err
    assert f"{PAGE} was edited by hand" in err and "--force" in err
    assert page.read_text("utf-8") == edited
    # still protected when the seed changes, and --check does not ask to overwrite it
    assert cli(root, "--check") == 0
    assert cli(root, "--force") == 0
    assert "Vorsichtige Diplomatie" in page.read_text("utf-8")
    assert cli(root, "--check") == 0


def test_existing_page_never_generated_is_protected(root: Path) -> None:
    page = root / PAGE
    page.parent.mkdir(parents=True)
    page.write_text("# Von Hand geschrieben\n", encoding="utf-8")
    report = normalise_all(Settings.defaults(root))
    assert page.read_text("utf-8") == "# Von Hand geschrieben\n"
    assert [r.path for r in report.results if r.status == "hand-edited"] == [PAGE]


def test_bad_seed_reported_others_processed(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "seeds/999_kaputt.txt").write_bytes(b"Ein Titel\n\nText\x00mit NUL")
    (root / "seeds/998_leer.txt").write_bytes(b"")
    assert cli(root) == 1
    captured = capsys.readouterr()
    assert "error: seeds/999_kaputt.txt: binary data" in captured.err
    assert "(at byte offset 15)" in captured.err
    assert "error: seeds/998_leer.txt: empty file" in captured.err
    assert (root / PAGE).exists()


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (b"050_\xff.txt", "seeds/050_\\udcff.txt"),
        (b"039_\x1b]0;PWNED\x07\x1b[2J.txt", "seeds/039_\\u001b]0;PWNED\\u0007\\u001b[2J.txt"),
        (b"031_new\nline.txt", "seeds/031_new\\u000aline.txt"),
    ],
)
def test_a_seed_whose_name_is_not_printable_is_refused_and_named_escaped(
    root: Path, capsys: pytest.CaptureFixture[str], name: bytes, shown: str
) -> None:
    """Its name would drive the terminal, forge report lines or break the page's YAML."""
    seed = root / "seeds" / name.decode("utf-8", "surrogateescape")
    seed.write_text("Ein Titel der Meldung\n\nEin erster Satz der Meldung steht hier.\n")
    assert cli(root) == 1
    captured = capsys.readouterr()
    assert f"error: {shown}: refused: the file name holds control characters" in captured.err
    assert "\x1b" not in captured.out + captured.err
    assert (root / PAGE).exists()
    assert not (root / "docs/de/ein-titel-der-meldung.md").exists()


def test_converted_encoding_is_reported(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = root / "seeds/004_4dbdfeaa63636ba4.txt"
    text = seed.read_text("utf-8")
    seed.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    assert cli(root) == 0
    out = capsys.readouterr().out
    assert "seeds/004_4dbdfeaa63636ba4.txt: decoded as Windows-1252" in out
    assert "seeds/004_4dbdfeaa63636ba4.txt: converted CRLF line ends" in out
    page = root / "docs/de/kasachstan-geht-auf-distanz-zu-russland.md"
    assert page.read_bytes() == (GOLDEN / "004_4dbdfeaa63636ba4.md").read_bytes()


def test_guessed_title_warns(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "seeds/meta.yml").write_text("", encoding="utf-8")
    assert cli(root) == 0
    err = capsys.readouterr().err
    assert err.count("; guessed '") == 3
    assert "warning: seeds/000_955b61c3d04edb73.txt: no title" in err


def test_unseen_article_gets_same_treatment(root: Path) -> None:
    (root / "seeds/005_neu.txt").write_text(
        "Startseite › Politik › Neuer Artikel\n\nNeuer Artikel über Almaty\n\n"
        "Der erste Absatz beschreibt die Lage in Almaty genau.\n\n"
        "Lesen Sie auch: Etwas anderes\n\nZwischentitel hier\n\n"
        "Der zweite Absatz schließt ab.\n\nKommentare\n\nSchön!\n",
        encoding="utf-8",
    )
    assert normalise_all(Settings.defaults(root)).errors == []
    page = (root / "docs/de/neuer-artikel-ueber-almaty.md").read_text("utf-8")
    assert page.endswith(
        "---\n\nDer erste Absatz beschreibt die Lage in Almaty genau.\n\n"
        "## Zwischentitel hier\n\nDer zweite Absatz schließt ab.\n"
    )


def test_bad_meta_is_a_usage_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "seeds/meta.yml").write_text("000_x.txt: [nur, eine, liste]\n", encoding="utf-8")
    assert cli(root) == 2
    assert "seeds/meta.yml" in capsys.readouterr().err


def test_meta_for_missing_seed_warns(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (root / "seeds/meta.yml").open("a", encoding="utf-8") as handle:
        handle.write("\n999_fehlt.txt:\n  title: Gibt es nicht\n")
    assert cli(root) == 0
    assert "no seed named '999_fehlt.txt'" in capsys.readouterr().err


def test_committed_pages_are_up_to_date(tmp_path: Path) -> None:
    """The repository's docs/de and manifest are what normalise produces (CI's --check)."""
    project = tmp_path / "repo"
    shutil.copytree(REPO / "seeds", project / "seeds")
    shutil.copytree(REPO / "docs/de", project / "docs/de")
    report = normalise_all(Settings.defaults(project), check=True)
    assert report.errors == []
    assert not report.changed, [r.path for r in report.results if r.status != "unchanged"]


@pytest.mark.parametrize("name", ["index", "archive"])
def test_slug_never_takes_the_place_of_a_generated_page(root: Path, name: str) -> None:
    """The site makes the front page and the archive; an article named so gets another slug."""
    (root / "seeds/meta.yml").write_text(
        (root / "seeds/meta.yml").read_text("utf-8") + f"\n005_neu.txt:\n  slug: {name}\n",
        encoding="utf-8",
    )
    (root / "seeds/005_neu.txt").write_text(
        "Ein neuer Artikel\n\nDer erste Absatz beschreibt die Lage in Almaty genau.\n",
        encoding="utf-8",
    )
    report = normalise_all(Settings.defaults(root))
    assert report.errors == []
    assert not (root / f"docs/de/{name}.md").exists()
    assert (root / f"docs/de/{name}-2.md").exists()
    assert any(f"slug {name!r} is taken" in w for r in report.results for w in r.warnings)

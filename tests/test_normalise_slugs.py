"""A ``slug:`` in ``seeds/meta.yml`` is one safe file name, never a path or markup.

``normalise`` writes ``docs/de/<slug>.md`` and the slug becomes a URL and a link on
the home page; a slug that is a path (``../../README``, an absolute one) or carries
markup is refused with an error naming ``meta.yml``, the line and the key, and
nothing is written anywhere, with or without ``--force``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from babelpress.normalise.text import is_safe_slug
from html_audit import files_snapshot
from untrusted_project import ARTICLE, babelpress, make_project

HOSTILE = [
    "../../../evil",
    "../../README",
    "{absolute}",
    "docs/../../escape",
    "a/b",
    "..",
    ".hidden",
    "<img src=x onerror=alert(1)>",
    'x" onmouseover="alert(1)',
    "two words",
    "tab\there",
    "line\nbreak",
    "name.md",
    "C:\\Windows\\evil",
    "x" * 200,
]


@pytest.mark.parametrize("slug", HOSTILE)
@pytest.mark.parametrize("force", [False, True])
def test_a_slug_that_is_not_a_file_name_is_refused(
    tmp_path: Path, slug: str, force: bool
) -> None:
    slug = slug.format(absolute=tmp_path / "absolute-slug")
    root = make_project(
        tmp_path / "deep" / "down" / "project",
        {"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Distanz", "Abstand")},
        {"a.txt": {"title": "Ein Titel"}, "b.txt": {"title": "Zweiter Titel", "slug": slug}},
    )
    (root / "README.md").write_text("the project's own README\n", encoding="utf-8")
    before = files_snapshot([tmp_path], skip=root / "seeds")
    result = babelpress(root, "normalise", *(["--force"] * force))
    assert result.returncode == 2, result.stdout + result.stderr
    lines = (root / "seeds" / "meta.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.lstrip().startswith("slug:"))
    assert result.stderr.startswith(f"babelpress: error: seeds/meta.yml:{line}: 'b.txt': 'slug'")
    assert files_snapshot([tmp_path], skip=root / "seeds") == before
    assert not (tmp_path / "absolute-slug.md").exists()


def test_a_slug_of_another_type_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"a.txt": ARTICLE}, {"a.txt": {"slug": ["x", "y"]}})
    result = babelpress(root, "normalise")
    assert result.returncode == 2
    assert "seeds/meta.yml:3: 'a.txt': 'slug' must be a file name" in result.stderr


@pytest.mark.parametrize("slug", ["kasachstan-unter-zugzwang", "bericht_2022", "2022", "übersicht"])
def test_a_file_name_slug_is_used(tmp_path: Path, slug: str) -> None:
    root = make_project(tmp_path / "p", {"a.txt": ARTICLE}, {"a.txt": {"slug": slug}})
    result = babelpress(root, "normalise")
    assert result.returncode == 0, result.stderr
    assert (root / "docs" / "de" / f"{slug}.md").is_file()
    page = (root / "docs" / "de" / f"{slug}.md").read_text(encoding="utf-8")
    assert f"\nslug: {slug}\n" in page or f"\nslug: '{slug}'\n" in page


def test_slugs_made_from_titles_are_safe() -> None:
    from babelpress.normalise.text import slugify

    for title in ["../../etc/passwd", "<script>alert(1)</script>", "Ä Ö Ü ß", "", "...", "\u202e"]:
        assert is_safe_slug(slugify(title)), title


def test_a_page_left_behind_by_a_new_slug_is_an_error_naming_it(tmp_path: Path) -> None:
    """Both pages would be published: the run says which one to remove or keep."""
    root = make_project(tmp_path / "p", {"a.txt": ARTICLE}, {"a.txt": {"slug": "erste"}})
    assert babelpress(root, "normalise").returncode == 0
    (root / "seeds" / "meta.yml").write_text("a.txt:\n  slug: zweite\n", encoding="utf-8")
    result = babelpress(root, "normalise")
    assert result.returncode == 1
    assert (
        "docs/de/erste.md: written from a.txt before, which now writes docs/de/zweite.md"
        in result.stderr
    )
    assert "set 'slug: erste' for a.txt" in result.stderr
    assert (root / "docs" / "de" / "erste.md").exists()  # nothing an editor has is deleted


def test_removing_a_seed_does_not_move_the_page_of_another(tmp_path: Path) -> None:
    """Seeds with one title get "-2", "-3": each keeps its number when one goes."""
    seeds = {f"{n}.txt": ARTICLE for n in ("a", "b", "c")}
    root = make_project(tmp_path / "p", seeds)
    assert babelpress(root, "normalise").returncode == 0
    pages = sorted(p.name for p in (root / "docs" / "de").glob("*.md"))
    assert len(pages) == 3
    second = next(p for p in pages if p.endswith("-2.md"))
    third = next(p for p in pages if p.endswith("-3.md"))
    (root / "seeds" / "b.txt").unlink()
    result = babelpress(root, "normalise")
    assert result.returncode == 0, result.stderr
    assert "seed: c.txt" in (root / "docs" / "de" / third).read_text(encoding="utf-8")
    assert "seed: b.txt" in (root / "docs" / "de" / second).read_text(encoding="utf-8")
    assert "published twice" not in result.stderr


@pytest.mark.parametrize("slug", ["en", "RU", "de", "README", "index", "archive", "search"])
def test_a_slug_the_site_or_a_language_needs_is_numbered(tmp_path: Path, slug: str) -> None:
    """``en`` is the English site's folder, ``README.md`` a folder's index page for MkDocs:
    an article named so would replace another page (a German article had become the
    Russian front page).  It gets the next free number, with a warning."""
    root = make_project(tmp_path / "project", {"a.txt": ARTICLE}, {"a.txt": {"slug": slug}})
    result = babelpress(root, "normalise")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p.name for p in (root / "docs" / "de").glob("*.md")] == [f"{slug}-2.md"]
    assert f"slug {slug!r} is taken" in result.stdout + result.stderr

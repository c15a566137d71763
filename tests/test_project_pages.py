"""One rule for what a page is, asked by every step.

A page in a subfolder goes through every step like any other; a page under a
hidden folder is, at every step, not a page (MkDocs leaves hidden files out of the
site, so babelpress does not make catalogues nobody could read on the site).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from babelpress import config
from babelpress import project as layout

BIN = Path(sys.executable).parent
SUB = "dossier/teil-eins"
HIDDEN = ".drafts/wip"


def babelpress(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(BIN / "babelpress"), *args],
        cwd=root, capture_output=True, text=True, env=env, check=False, timeout=300,
    )  # fmt: skip


def page(root: Path, slug: str, words: str) -> None:
    path = root / "docs" / "de" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\ntitle: {words} Titel\nlang: de\n---\n\n{words} steht hier. {words} bleibt.\n",
        encoding="utf-8",
    )


def test_the_project_lists_subfolders_and_leaves_hidden_paths_out(tmp_path: Path) -> None:
    settings = config.Settings.defaults(tmp_path)
    page(tmp_path, SUB, "Unter")
    page(tmp_path, HIDDEN, "Versteckt")
    page(tmp_path, "a", "Oben")
    (tmp_path / "docs" / "de" / ".hidden.md").write_text("# x\n", encoding="utf-8")
    assert [p.slug for p in layout.pages(settings)] == ["a", SUB]
    assert layout.po_path(settings, "en", SUB) == tmp_path / f"locale/en/LC_MESSAGES/{SUB}.po"
    assert layout.rendered_path(settings, "ru", SUB) == tmp_path / f"docs/ru/{SUB}.md"


def test_linked_folders_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    page(outside, "fremd", "Fremd")
    root = tmp_path / "project"
    page(root, "a", "Oben")
    (root / "docs" / "de" / "linked").symlink_to(outside / "docs" / "de")
    assert [p.slug for p in layout.pages(config.Settings.defaults(root))] == ["a"]


@pytest.mark.slow
def test_subfolder_and_hidden_pages_through_every_step(project: Path) -> None:
    page(project, SUB, "Unterordner")
    page(project, HIDDEN, "Entwurf")
    assert babelpress(project, "normalise").returncode == 0
    assert (project / "docs" / "de" / f"{SUB}.md").exists()  # normalise leaves it alone

    result = babelpress(project, "extract")
    assert result.returncode == 0, result.stderr
    for language in ("en", "ru"):
        assert (project / f"locale/{language}/LC_MESSAGES/{SUB}.po").is_file()
    assert not list(project.glob("locale/**/.drafts*"))

    result = babelpress(project, "translate", "--provider", "pseudo")
    assert result.returncode == 0, result.stderr
    # the title and the two sentences of the subfolder page, in each language
    assert "en (pseudo): 3 segments sent" in result.stdout, result.stdout

    result = babelpress(project, "status", "--format", "json")
    rows = {row["catalogue"]: row for row in json.loads(result.stdout)}
    assert rows[f"locale/en/LC_MESSAGES/{SUB}.po"]["fuzzy"] == 3
    assert rows[f"locale/ru/LC_MESSAGES/{SUB}.po"]["untranslated"] == 0
    assert not any(".drafts" in name for name in rows)

    result = babelpress(project, "check", "--format", "json")
    assert result.returncode == 0, result.stdout
    assert not any(".drafts" in f["catalogue"] for f in json.loads(result.stdout))

    assert babelpress(project, "render").returncode == 0
    english = (project / "docs" / "en" / f"{SUB}.md").read_text("utf-8")
    assert "Unterordner steht hier." not in english  # a draft, not the German
    assert not (project / "docs" / "en" / f"{HIDDEN}.md").exists()

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"],
        cwd=project, capture_output=True, text=True, env=env, check=False, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    for prefix in ("", "en/", "ru/"):
        assert (project / "site" / prefix / SUB / "index.html").is_file(), prefix
        assert not (project / "site" / prefix / ".drafts").exists()
    html = (project / "site" / "en" / SUB / "index.html").read_text("utf-8")
    assert "Unterordner steht hier." not in html

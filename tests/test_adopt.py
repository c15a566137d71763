"""babelpress as another project uses it: ``babelpress init``, one seed, a strict build.

The slow test builds the wheel, installs it into a new virtual environment and runs
the whole workflow there, so it sees what an adopter gets: the package's own
templates, stylesheet and search worker, not this checkout's files.

Why the new environment takes its dependencies from the test's environment (a
``.pth`` line naming its site-packages) rather than downloading them: the test then
needs no network and no minutes of downloads on a 2-core CI machine, and the
dependencies are the very versions this checkout declares and was tested with.
A bare path line in a ``.pth`` puts that folder on ``sys.path`` after the new
environment's own site-packages without reading the ``.pth`` files inside it, so
the editable install of this checkout stays invisible: ``import babelpress`` and
the plugin's entry point resolve to the installed wheel, which the test asserts.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SLUG = "der-neue-hafen-von-aktau"
SEED = """\
Der neue Hafen von Aktau

Die Stadt am Kaspischen Meer baut ihren Hafen aus. Im Jahr 2024 kamen mehr Schiffe als je zuvor.

Handel über das Meer

Die Händler freuen sich über die kürzeren Wege. Nicht alle Anwohner sind jedoch zufrieden.
"""
META = """\
hafen.txt:
  title: Der neue Hafen von Aktau
  author: Anna <Muster>
  source: https://www.example.org/hafen
  date: 2024-05-09
"""


def run(args: list[str | Path], cwd: Path, timeout: float = 300) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def new_project(babelpress: Path, folder: Path) -> Path:
    """``babelpress init``, one seed with its metadata, then normalise, extract, translate."""
    project = folder / "news"
    run([babelpress, "init", project, "--site-name", "Nachrichten"], folder)
    (project / "seeds" / "hafen.txt").write_text(SEED, encoding="utf-8")
    with (project / "seeds" / "meta.yml").open("a", encoding="utf-8") as meta:
        meta.write(META)
    for command in (["normalise"], ["extract"], ["translate", "--provider", "pseudo"]):
        run([babelpress, *command], project)
    return project


def search_index(site: Path, language: str) -> dict:
    prefix = "" if language == "de" else f"{language}/"
    return json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ the installed wheel
@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel built from this checkout (see above)."""
    work = tmp_path_factory.mktemp("wheel")
    # a copy, so building writes no build/ or *.egg-info into the checkout
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(REPO / "src", source / "src", ignore=ignore)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    dist = work / "dist"
    run([*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist,
         source], work)  # fmt: skip
    (wheel,) = dist.glob("babelpress-*.whl")
    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], work)
    python = venv / "bin" / "python"
    site_packages = Path(
        run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], work).strip()
    )
    ours = dict.fromkeys(sysconfig.get_path(name) for name in ("purelib", "platlib"))
    (site_packages / "dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    run([*pip, "--python", python, "install", "-q", "--no-deps", "--no-index", wheel], work)
    return venv


@pytest.mark.slow
def test_the_installed_wheel_builds_a_new_project(installed: Path, tmp_path: Path) -> None:
    python, babelpress = installed / "bin" / "python", installed / "bin" / "babelpress"
    # everything of babelpress comes from the wheel, nothing from this checkout
    where = run([python, "-c", "import babelpress.plugin as p, sys; print(p.__file__); "
                 "print(sys.path)"], tmp_path).splitlines()  # fmt: skip
    assert Path(where[0]).is_relative_to(installed)
    assert str(REPO / "src") not in where[1]
    project = new_project(babelpress, tmp_path)
    log = run([python, "-m", "mkdocs", "build", "--strict"], project)
    assert "babelpress: rendered" in log and (project / "docs" / "ru" / f"{SLUG}.md").is_file()
    site = project / "site"
    assert_adopted_site(site, Path(where[0]).parent / "site" / "theme")


def assert_adopted_site(site: Path, theme: Path) -> None:
    page = (site / "en" / SLUG / "index.html").read_text(encoding="utf-8")
    # the review notice is HTML, styled as an admonition, in the page's language
    assert "!!!" not in page
    notice = re.search(r'<div class="admonition warning bp-notice">\n(.*?)</div>', page, re.S)
    assert notice, "no review notice"
    # the site's own words are drafted like the page's: here by the pseudo provider
    assert re.search(r'<p class="admonition-title">⟦EN⟧ [^<]+</p>', notice[1]), notice[1]
    assert re.search(r"<li>⟦EN⟧ \d+ [^<]+</li>", notice[1]), notice[1]
    # the byline under the title, its values escaped
    byline = re.search(r'<dl class="bp-byline">(.*?)</dl>', page, re.S)
    assert byline, "no byline"
    # labels and names are catalogue entries too, drafted by the pseudo provider
    assert "<dt>⟦EN⟧ " in byline[1] and "&lt;Muster&gt;" in byline[1]
    assert (
        '<a href="https://www.example.org/hafen" rel="external noopener">example.org</a>'
        in (byline[1])
    )
    assert "9 May 2024" in byline[1]
    # the stylesheet is linked and copied; the search worker is the package's
    assert '<link rel="stylesheet" href="../../assets/stylesheets/babelpress.css">' in page
    css = site / "assets/stylesheets/babelpress.css"
    assert css.read_bytes() == (theme / "assets/stylesheets/babelpress.css").read_bytes()
    assert (site / "assets/javascripts/workers/babelpress-search.js").is_file()
    assert "babelpress-search.js" in page
    # one search index per language, each with its own pages and stemmer only
    titles = {}
    for language in ("de", "en", "ru"):
        index = search_index(site, language)
        assert index["config"]["lang"] == [language]
        titles[language] = {doc["title"] for doc in index["docs"]}
        assert all(not doc["location"].startswith(("en/", "ru/")) for doc in index["docs"])
    assert "Der neue Hafen von Aktau" in titles["de"]
    assert all("⟦EN⟧" not in title for title in titles["de"] | titles["ru"])
    assert any(title.startswith("⟦EN⟧") for title in titles["en"])
    assert any(title.startswith("⟦RU⟧") for title in titles["ru"])
    # a 404 page per language, and a sitemap with every language
    assert "⟦EN⟧ Séíté" in (site / "en" / "404.html").read_text(encoding="utf-8")
    assert "Seite nicht gefunden" in (site / "404.html").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="ru" href="/ru/{SLUG}/"' in sitemap and "<lastmod>2024-05-09<" in sitemap


# ------------------------------------------------------------------ a project's own overrides
def test_a_projects_custom_dir_still_wins(tmp_path: Path) -> None:
    from babelpress.site.configure import THEME_DIR

    project = new_project(BIN / "babelpress", tmp_path)
    overrides = project / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "babelpress-byline.html").write_text(
        '<p class="house-byline">{{ babelpress.byline | map(attribute="text") | join(" / ") | e }}'
        "</p>\n",
        encoding="utf-8",
    )
    yml = project / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    yml.write_text(
        text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    )
    run([BIN / "mkdocs", "build", "--strict"], project)
    page = (project / "site" / "en" / SLUG / "index.html").read_text(encoding="utf-8")
    # the name is a catalogue entry now, pseudo-translated like the rest
    assert '&lt;Muster&gt; / 9 May 2024 / example.org / ' in page
    assert '<dl class="bp-byline">' not in page
    # the rest of the package's theme is still there
    assert '<div class="admonition warning bp-notice">' in page
    assert "babelpress-search.js" in page
    assert search_index(project / "site", "ru")["config"]["lang"] == ["ru"]
    assert (project / "site/assets/stylesheets/babelpress.css").read_bytes() == (
        THEME_DIR / "assets/stylesheets/babelpress.css"
    ).read_bytes()

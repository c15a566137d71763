"""End to end: script planted in a PO file never reaches the built site.

A copy of the project gets an English catalogue for one article in which some
entries carry injected markup (``<script>``, an ``onerror`` handler, a
``javascript:`` link) or a wrong figure, one of them even flagged
``ignore-safe-html``.  ``mkdocs build`` (with the babelpress plugin) must publish
the German sentence instead of each of them, say so in the build log, and still
publish the good translation next to them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

from babelpress.markdown.reader import parse

REPO = Path(__file__).resolve().parent.parent
SLUG = "kasachstan-unter-zugzwang"
GOOD = "The government in Nur-Sultan is in a difficult starting position and under pressure."

PLANTED = {
    # German sentence (start) -> translation with something that must not be published
    "200 Menschen starben": "200 people died.<script>alert('planted')</script>",
    "Die Wut über gestiegene": "Anger <img src=x onerror=\"alert('planted')\"> escalated.",
    "Der Krieg in der Ukraine und seine": "The [war](javascript:alert('planted')) in Ukraine.",
    "Zentralasien gehört zu der Region": "Central Asia is the region most affected, with 300 dead.",
}
MARKERS = ("alert(", "onerror", "javascript:", "300 dead")


def build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run(
        [str(mkdocs), "build", "-d", str(root / "site")],
        cwd=root, capture_output=True, text=True, timeout=300, env=env, check=False,
    )  # fmt: skip


def plant(root: Path) -> dict[str, str]:
    """Write the English catalogue of SLUG; return German msgid -> planted translation."""
    source = root / "docs" / "de" / f"{SLUG}.md"
    doc = parse(source.read_text("utf-8"), path=f"docs/de/{SLUG}.md", slug=SLUG)
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {"Language": "en", "Content-Type": "text/plain; charset=UTF-8"}
    planted: dict[str, str] = {}
    seen: set[tuple[str | None, str]] = set()
    for segment in doc.segments():
        if (segment.context, segment.msgid) in seen:
            continue
        seen.add((segment.context, segment.msgid))
        entry = polib.POEntry(msgid=segment.msgid, msgctxt=segment.context)
        for start, bad in PLANTED.items():
            if segment.kind == "sentence" and segment.msgid.startswith(start):
                entry.msgstr, planted[segment.msgid] = bad, bad
                entry.flags.append("ignore-safe-html")
        if segment.msgid.startswith("Die Regierung in Nur-Sultan befindet sich"):
            entry.msgstr = GOOD
        catalogue.append(entry)
    assert len(planted) == len(PLANTED)
    path = root / "locale" / "en" / "LC_MESSAGES" / f"{SLUG}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return planted


def test_planted_script_is_kept_out_of_the_built_html(project: Path) -> None:
    shutil.rmtree(project / "locale" / "en", ignore_errors=True)
    planted = plant(project)
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "en" / SLUG / "index.html").read_text("utf-8")
    assert GOOD in html  # the catalogue was used
    for marker in MARKERS:
        assert marker not in html, marker
    # each planted sentence is published in German, marked as German
    for german in planted:
        first_words = " ".join(german.split()[:4])
        assert f'<span lang="de">{first_words}' in html
    log = result.stdout + result.stderr
    for check in ("safe-html", "numbers"):
        assert check in log
    # the German site is untouched
    german_html = (project / "site" / SLUG / "index.html").read_text("utf-8")
    assert "alert(" not in german_html

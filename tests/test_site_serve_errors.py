"""Live preview: a catalogue that cannot be read is shown to the editor in a real
``mkdocs serve``, not hidden behind the German, while ``mkdocs build`` fails on it."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from babelpress import config as bp_config
from babelpress import project
from test_site import BIN, articles, copy_project, extract
from test_site_serve import fetch, free_port, stop, wait_for

pytestmark = pytest.mark.slow

START_TIMEOUT = 90.0
CHANGE_TIMEOUT = 30.0








@contextmanager
def serving(root: Path, log: Path, path: str) -> Iterator[str]:
    """``mkdocs serve`` of *root* on a free loopback port; the URL of *path* once served."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        url = f"http://127.0.0.1:{port}/{path}"
        wait_for(lambda: fetch(url) is not None, START_TIMEOUT, f"{url} to be served")
        yield url
    finally:
        stop(process)






def test_a_catalogue_that_cannot_be_read_is_shown_in_the_preview_and_fails_a_build(
    tmp_path: Path,
) -> None:
    root = copy_project(tmp_path / "project")
    extract(root)
    slug = articles(root)[0]
    po_path = project.po_path(bp_config.load(root), "en", slug)
    good = po_path.read_text(encoding="utf-8")
    # an editor's slip: a msgstr that never closes its quote, with markup in the line
    lines = good.splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith('msgstr "') and i > 20)
    lines[number] = 'msgstr "<b>Kaputt & offen\n'
    po_path.write_text("".join(lines), encoding="utf-8")

    build = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"], cwd=root, capture_output=True, text=True,
        timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False,
    )  # fmt: skip
    assert build.returncode != 0
    where = rf"LC_MESSAGES/{re.escape(slug)}\.po:{number + 1}: "
    assert re.search(where, build.stderr + build.stdout)

    with serving(root, tmp_path / "serve.log", f"en/{slug}/") as url:
        page = fetch(url) or ""
        box = page.split('<div class="admonition failure bp-catalogue-error" role="alert">', 1)
        assert len(box) == 2, "no error box on the page"
        shown = box[1].split("</div>", 1)[0]
        assert "Translation catalogue cannot be read" in shown
        assert f"<code>locale/en/LC_MESSAGES/{slug}.po:{number + 1}</code>: " in shown
        assert "<b>Kaputt" not in page  # the file's text is never markup on the page
        # the box opens the article's text (under title and byline), and the page claims
        # no "not yet available": the German is shown because of the error
        article = page.split("<article", 1)[1]
        assert article.index("bp-catalogue-error") < article.index('<p><span lang="de"')
        assert "Not yet available" not in page

        po_path.write_text(good, encoding="utf-8")
        wait_for(lambda: "bp-catalogue-error" not in (fetch(url) or "bp-catalogue-error"),
                 CHANGE_TIMEOUT, "the box to go once the catalogue is repaired")  # fmt: skip

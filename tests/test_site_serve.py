"""Live preview: a real ``mkdocs serve`` rebuilds a saved page once, as a full build would.

The server runs on 127.0.0.1 with live reload on, as an editor runs it.  A save of a
catalogue or a German page must show on the served page, in every language the
page changed in, after exactly one build; the page must be the one a full build
makes of the same files (a change to ``mkdocs.yml`` forces that full build).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest

from babelpress import config as bp_config
from babelpress import project
from test_site import BIN, articles, copy_project, extract

pytestmark = pytest.mark.slow

START_TIMEOUT = 120.0
CHANGE_TIMEOUT = 30.0
MARKER = "Freshly reviewed sentence from the editor."
GERMAN_MARKER = "Dieser Satz kam eben dazu"
#: what the live-reload server adds to every HTML page it serves (its epoch changes)
LIVERELOAD = re.compile(r"<script>\s*var livereload = .*?</script>", re.DOTALL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return LIVERELOAD.sub("", response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def stop(process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """End a server process: politely, then for sure."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


def wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@dataclass
class Served:
    root: Path
    base: str
    log: Path
    slug: str

    def url(self, language: str, slug: str | None = None) -> str:
        prefix = "" if language == "de" else f"{language}/"
        return f"{self.base}{prefix}{slug or self.slug}/"

    def builds(self) -> int:
        """Builds started so far: MkDocs' full ones and the preview's page rebuilds."""
        return self.log.read_text(encoding="utf-8").count("Building documentation...")

    def settled(self, quiet: float = 3.0) -> int:
        """The number of builds, once none has started for *quiet* seconds."""
        count, since = self.builds(), time.monotonic()
        while time.monotonic() - since < quiet:
            time.sleep(0.2)
            if self.builds() != count:
                count, since = self.builds(), time.monotonic()
        return count


@contextmanager
def serving(tmp_path: Path, *options: str) -> Iterator[Served]:
    """``mkdocs serve`` (with *options*) of a copy of the project, one English draft in it."""
    root = copy_project(tmp_path / "project")
    extract(root)
    slug = articles(root)[0]
    po_path = project.po_path(bp_config.load(root), "en", slug)
    po = polib.pofile(str(po_path), wrapwidth=0)
    plain_entries(po)[1].msgstr = "A machine draft."
    plain_entries(po)[1].flags.append("fuzzy")
    po.save(str(po_path))

    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", *options],
            cwd=root, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    try:
        server = Served(root, f"http://127.0.0.1:{port}/", log, slug)
        wait_for(lambda: fetch(server.url("en")) is not None, START_TIMEOUT, "the first build")
        yield server
    finally:
        stop(process)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    with serving(tmp_path) as server:
        yield server


def plain_entries(po: polib.POFile) -> list[polib.POEntry]:
    """Body sentences without figures or markup (so the quality checks let any text pass)."""
    return [
        entry
        for entry in po
        if not entry.obsolete
        and "title" not in entry.comment
        and not re.search(r"[\d\[\]<>*_`]", entry.msgid)
    ]


def save_translation(served: Served, language: str, text: str) -> None:
    path = project.po_path(bp_config.load(served.root), language, served.slug)
    po = polib.pofile(str(path), wrapwidth=0)
    plain_entries(po)[0].msgstr = text
    po.save(str(path))


def full_build(served: Served) -> None:
    """Make the server build the whole site (a changed mkdocs.yml asks for that)."""
    before = served.settled()
    config = served.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    wait_for(lambda: served.builds() > before, CHANGE_TIMEOUT, "a full build to start")
    assert served.settled() == before + 1


def test_saved_po_edit_rebuilds_the_page_once(served: Served) -> None:
    page = fetch(served.url("en")) or ""
    # the live preview always shows drafts, highlighted, and the editors' legend
    assert '<span class="bp-draft">A machine draft.</span>' in page
    assert "Preview:" in page and MARKER not in page
    before = served.settled()
    german, russian = fetch(served.url("de")), fetch(served.url("ru"))

    save_translation(served, "en", MARKER)
    wait_for(lambda: MARKER in (fetch(served.url("en")) or ""), CHANGE_TIMEOUT, "the edit")
    assert served.settled() == before + 1, served.log.read_text(encoding="utf-8")
    assert "preview of " in served.log.read_text(encoding="utf-8")  # not a full build
    # the other languages were not touched by the save
    assert fetch(served.url("de")) == german and fetch(served.url("ru")) == russian

    previewed = {lang: fetch(served.url(lang)) for lang in ("de", "en", "ru")}
    full_build(served)
    assert {lang: fetch(served.url(lang)) for lang in ("de", "en", "ru")} == previewed


def test_saved_german_page_shows_in_every_language(served: Served) -> None:
    before = served.settled()
    source = project.source_path(bp_config.load(served.root), served.slug)
    text = source.read_text(encoding="utf-8")
    body = text.index("\n---\n", 4)  # after the front matter
    paragraph = re.compile(r"^[A-ZÄÖÜ][^\n]*[a-zäöüß]\.$", re.MULTILINE).search(text, body)
    assert paragraph is not None
    end = paragraph.end()
    source.write_text(text[:end] + f" {GERMAN_MARKER}." + text[end:], encoding="utf-8")

    urls = [served.url(lang) for lang in ("de", "en", "ru")]
    wait_for(lambda: all(GERMAN_MARKER in (fetch(url) or "") for url in urls),
             CHANGE_TIMEOUT, "the new sentence in three languages")
    assert served.settled() == before + 1, served.log.read_text(encoding="utf-8")
    # not translated yet: the English and Russian pages show it in German, marked so
    english = fetch(served.url("en")) or ""
    assert re.search(rf'<span lang="de" class="bp-fallback">{GERMAN_MARKER}\.</span>', english)

    previewed = [fetch(url) for url in urls]
    full_build(served)
    assert [fetch(url) for url in urls] == previewed


def test_a_new_page_builds_the_whole_site(served: Served) -> None:
    before = served.settled()
    settings = bp_config.load(served.root)
    new = settings.source_docs_path / "neu.md"
    new.write_text("---\ntitle: Neue Seite\n---\n\n# Neue Seite\n\nEin neuer Satz.\n",
                   encoding="utf-8")
    wait_for(lambda: fetch(served.url("en", "neu")) is not None, CHANGE_TIMEOUT, "the new page")
    assert served.settled() == before + 1
    assert "preview of " not in served.log.read_text(encoding="utf-8")


def test_serve_clean_builds_the_whole_site_once_per_save(tmp_path: Path) -> None:
    """``--clean`` asks for full builds: no page-only rebuild, and still one per save."""
    with serving(tmp_path, "--clean") as served:
        before = served.settled()
        save_translation(served, "en", MARKER)
        wait_for(lambda: MARKER in (fetch(served.url("en")) or ""), CHANGE_TIMEOUT, "the edit")
        assert served.settled() == before + 1, served.log.read_text(encoding="utf-8")
        assert "preview of " not in served.log.read_text(encoding="utf-8")

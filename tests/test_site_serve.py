"""Live preview: a real ``mkdocs serve`` shows a saved PO edit within seconds, and settles."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest

from babelpress import config as bp_config
from babelpress import project
from test_site import BIN, articles, copy_project, extract

pytestmark = pytest.mark.slow

START_TIMEOUT = 90.0
CHANGE_TIMEOUT = 30.0
MARKER = "Freshly reviewed sentence from the editor."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    root = copy_project(tmp_path / "project")
    extract(root)
    slug = articles(root)[0]
    po_path = project.po_path(bp_config.load(root), "en", slug)
    po = polib.pofile(str(po_path), wrapwidth=0)
    plain = plain_entries(po)
    plain[1].msgstr = "A machine draft."
    plain[1].flags.append("fuzzy")
    po.save(str(po_path))

    port = free_port()
    log = tmp_path / "serve.log"
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
        url = f"http://127.0.0.1:{port}/en/{slug}/"
        wait_for(lambda: fetch(url) is not None, START_TIMEOUT, f"{url} to be served")
        yield po_path, url, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def plain_entries(po: polib.POFile) -> list[polib.POEntry]:
    """Body sentences without figures or markup (so the quality checks let any text pass)."""
    return [
        entry
        for entry in po
        if not entry.obsolete
        and "title" not in entry.comment
        and not re.search(r"[\d\[\]<>*_`]", entry.msgid)
    ]


def builds(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Building documentation...")


def test_saved_po_edit_shows_up_and_serving_settles(served: tuple[Path, str, Path]) -> None:
    po_path, url, log = served
    page = fetch(url) or ""
    # the live preview always shows drafts, highlighted, and the editors' legend
    assert '<span class="bp-draft">A machine draft.</span>' in page
    assert "Preview:" in page
    assert MARKER not in page

    po = polib.pofile(str(po_path), wrapwidth=0)
    plain_entries(po)[0].msgstr = MARKER
    po.save(str(po_path))
    started = time.monotonic()
    wait_for(lambda: MARKER in (fetch(url) or ""), CHANGE_TIMEOUT, "the edit on the page")
    assert time.monotonic() - started < CHANGE_TIMEOUT

    # rendering writes docs/en once, which may cause one more build; then it stays quiet
    time.sleep(4)
    settled = builds(log)
    time.sleep(4)
    assert builds(log) == settled, log.read_text(encoding="utf-8")

"""The live preview, measured through a real ``mkdocs serve`` on 127.0.0.1.

:func:`measure` starts ``python -m mkdocs serve`` (live reload on, as an editor runs
it) in a benchmark project whose catalogues and rendered pages exist, and reports:

* ``serve_ready_s``: from starting the process until the article's page is served
  (MkDocs builds the whole site once before it serves anything);
* ``preview_po_edit_s``: an editor saves one ``.po`` file (a new msgstr for one
  plain sentence of one article, English); the time from the save until the served
  English page contains the new translation, polled every 20 ms;
* ``preview_md_edit_s``: an editor saves one German page (one sentence changed); the
  time until the German page *and* the English and Russian pages (which show the
  new sentence in German until it is translated) contain it;
* ``preview_builds_per_save``: how many builds each save caused (the ``Building
  documentation...`` lines MkDocs logs), counted once the server has been quiet
  for a while after the save.

Each edit goes to another article, so no page is edited twice.  Medians are taken
over the edits; every run is kept.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BUILD_LINE = "Building documentation..."
#: letters only: the quality checks block translations whose figures differ from the German
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india")


@dataclass
class Preview:
    """What :func:`measure` found."""

    ready_s: float
    po_edits_s: list[float] = field(default_factory=list)
    md_edits_s: list[float] = field(default_factory=list)
    builds_per_save: list[int] = field(default_factory=list)
    log_tail: str = ""

    def figures(self) -> dict[str, Any]:
        def median(values: list[float]) -> float | None:
            return round(statistics.median(values), 4) if values else None

        return {
            "serve_ready_s": round(self.ready_s, 4),
            "preview_po_edit_s": median(self.po_edits_s),
            "preview_md_edit_s": median(self.md_edits_s),
            "preview_builds_per_save": max(self.builds_per_save, default=None),
        }

    def runs(self) -> dict[str, list[float]]:
        return {
            "preview_po_edit_s": [round(t, 4) for t in self.po_edits_s],
            "preview_md_edit_s": [round(t, 4) for t in self.md_edits_s],
            "preview_builds_per_save": [float(n) for n in self.builds_per_save],
        }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_until(check: Any, timeout: float, what: str, interval: float = 0.02) -> float:
    """Seconds until ``check()`` is true, polling every *interval* (SystemExit on timeout)."""
    start = time.perf_counter()
    while True:
        if check():
            return time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            raise SystemExit(f"preview: timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


class Server:
    """``mkdocs serve`` of the project at *root*, its log in *log*."""

    def __init__(self, root: Path, log: Path) -> None:
        self.root = root
        self.log = log
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        with log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=root, stdout=out, stderr=subprocess.STDOUT, env=env,
            )

    def builds(self) -> int:
        return self.log.read_text(encoding="utf-8", errors="replace").count(BUILD_LINE)

    def settle(self, quiet: float = 2.0, timeout: float = 600.0) -> int:
        """Wait until no build has started for *quiet* seconds; the number of builds."""
        deadline = time.monotonic() + timeout
        count, since = self.builds(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.builds()
            if now != count:
                count, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet and fetch(self.base) is not None:
                return count
        raise SystemExit("preview: the server kept rebuilding")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


def edit_po(path: Path, german: str, text: str) -> None:
    """Give one plain sentence of the page (German text *german*) the translation *text*."""
    import polib

    po = polib.pofile(str(path), wrapwidth=0)
    for entry in po:
        if (not entry.obsolete and "title" not in entry.comment and entry.msgid in german
                and not re.search(r"[\d\[\]<>*_`&]", entry.msgid)):
            entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            po.save(str(path))
            return
    raise SystemExit(f"preview: no plain sentence to edit in {path}")


def edit_page(path: Path, marker: str) -> None:
    """Append *marker* to the first plain German sentence of the page at *path*."""
    text = path.read_text(encoding="utf-8")
    body = text.find("\n---\n", 4) + 5
    match = re.compile(r"^[A-ZÄÖÜ][^\n#>|<\[*`]*?[a-zäöüß]\.(?= |$)", re.M).search(text, body)
    if match is None:
        raise SystemExit(f"preview: no sentence to edit in {path}")
    edited = match.group(0)[:-1] + f" {marker}."
    path.write_text(text[: match.start()] + edited + text[match.end():], encoding="utf-8")


def measure(root: Path, slugs: list[str], edits: int, log: Path,
            languages: tuple[str, ...] = ("en", "ru"), progress: Any = None) -> Preview:
    """Start ``mkdocs serve`` in *root*, time *edits* saves of each kind (see the module)."""
    from babelpress import config, project

    settings = config.load(root)
    first = slugs[0]
    started = time.perf_counter()
    server = Server(root, log)
    try:
        wait_until(lambda: fetch(f"{server.base}{first}/") is not None,
                   3600, "the first build", interval=0.1)
        result = Preview(ready_s=time.perf_counter() - started)
        builds = server.settle()
        picks = [slugs[(i * 7919 + 1) % len(slugs)] for i in range(2 * edits)]
        run = run_word()
        for number, slug in enumerate(picks[:edits]):
            word = WORDS[number % len(WORDS)]
            text = f"Freshly reviewed sentence {word} {run} {slug_word(slug)}."
            url = f"{server.base}{languages[0]}/{slug}/"
            german = project.source_path(settings, slug).read_text(encoding="utf-8")
            edit_po(project.po_path(settings, languages[0], slug), german, text)
            saved = time.perf_counter()
            wait_until(lambda u=url, t=text: t in (fetch(u) or ""), 300, f"{text!r} at {url}")
            result.po_edits_s.append(time.perf_counter() - saved)
            now = server.settle()
            result.builds_per_save.append(now - builds)
            builds = now
            if progress:
                progress(f"preview: .po edit {number + 1}: {result.po_edits_s[-1]:.2f} s, "
                         f"{result.builds_per_save[-1]} build(s)")
        for number, slug in enumerate(picks[edits:]):
            marker = f"Vorschau {WORDS[number % len(WORDS)]} {run} {slug_word(slug)}"
            prefixes = ["", *(f"{lang}/" for lang in languages)]
            urls = [f"{server.base}{prefix}{slug}/" for prefix in prefixes]
            edit_page(project.source_path(settings, slug), marker)
            saved = time.perf_counter()
            wait_until(lambda m=marker, us=urls: all(m in (fetch(u) or "") for u in us),
                       300, f"{marker!r} on {urls}")
            result.md_edits_s.append(time.perf_counter() - saved)
            now = server.settle()
            result.builds_per_save.append(now - builds)
            builds = now
            if progress:
                progress(f"preview: German page edit {number + 1}: "
                         f"{result.md_edits_s[-1]:.2f} s, {result.builds_per_save[-1]} build(s)")
    finally:
        server.stop()
    result.log_tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
    return result


def slug_word(slug: str) -> str:
    """Letters naming *slug* (``artikel-00042`` -> ``aaaec``), so each edit's text is unique."""
    return "".join(chr(ord("a") + int(d)) for d in re.sub(r"\D", "", slug)) or "x"


def run_word() -> str:
    """Letters naming this run, so an edit never finds its text already on the page."""
    number, letters = time.time_ns() // 1000, []
    for _ in range(6):
        number, digit = divmod(number, 26)
        letters.append(chr(ord("a") + digit))
    return "".join(letters)

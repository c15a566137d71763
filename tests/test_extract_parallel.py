"""``extract`` in worker processes writes the very bytes of a run in one process.

Two copies of a synthetic archive (the benchmark's corpus: many pages, sentences
shared between pages) are extracted, one with ``jobs=1`` and one with ``jobs=2``,
first from nothing, then after editors translated some pages and the German
changed: sentences edited, moved to another page, pages added.  Every template
and catalogue must be byte-identical, and the parallel run must really have used
worker processes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from babelpress import config, project
from babelpress.extract import pagework, pipeline
from babelpress.extract import template as catalog
from babelpress.po.file import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PAGES = 40
DATE = "2026-01-02 03:04+0000"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import bench_corpus
    finally:
        sys.path.remove(str(REPO / "scripts"))
    root = tmp_path / "corpus"
    pool = bench_corpus.read_articles(REPO / "docs" / "de")
    bench_corpus.copy_project(REPO, root, ("en", "ru"), "de")
    bench_corpus.write_corpus(pool, root / "docs" / "de", PAGES, seed=7)
    (root / "locale").mkdir(exist_ok=True)
    return root


def run_both(roots: dict[int, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Extract each copy with its number of jobs; the parallel one must use workers."""
    used: list[int] = []
    real = pagework.extract_pages

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        used.append(len(args[0]))
        yield from real(*args, **kwargs)

    monkeypatch.setattr(pagework, "extract_pages", spy)
    for jobs, root in roots.items():
        report = pipeline.extract(config.load(root), jobs=jobs)
        assert report.ok, report.errors
    assert used and used[0] >= pipeline.PARALLEL_FROM


def files(root: Path) -> dict[str, bytes]:
    locale = root / "locale"
    return {p.relative_to(locale).as_posix(): p.read_bytes()
            for p in sorted([*locale.rglob("*.po"), *locale.rglob("*.pot")])}


def translate_some(root: Path) -> None:
    """An editor reviews every other page of English and the first pages of Russian."""
    settings = config.load(root)
    for number, page in enumerate(project.pages(settings)):
        languages = ["en"] if number % 2 else ["en", "ru"] if number < 6 else []
        for language in languages:
            path = project.po_path(settings, language, page.slug)
            po = read_po(path)
            for entry in po:
                entry.msgstr = f"[{language}] {entry.msgid}"
            write_po(po, path)


def change_german(root: Path) -> str:
    """Edit sentences, move one paragraph to a later page and a new page; its slug.

    The page the paragraph leaves is written before any page looks for
    translations on other pages, so a memory read then would no longer hold it.
    """
    docs = root / "docs" / "de"
    pages = sorted(docs.glob("artikel-*.md"))
    first = pages[1].read_text(encoding="utf-8")
    paragraph = max(first.split("\n\n")[1:], key=len)
    pages[1].write_text(first.replace(paragraph + "\n\n", ""), encoding="utf-8")
    last = pages[-1].read_text(encoding="utf-8")
    pages[-1].write_text(last + "\n" + paragraph + "\n", encoding="utf-8")
    for page in pages[2:30:3]:
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace(". ", ", sagte man. ", 1), encoding="utf-8")
    (docs / "neu.md").write_text("---\ntitle: Neu\n---\n\n" + paragraph + "\n", encoding="utf-8")
    return pages[-1].stem


def test_parallel_extract_writes_the_bytes_of_a_serial_one(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog, "now", lambda: DATE)
    roots = {1: corpus, 2: tmp_path / "parallel"}
    shutil.copytree(corpus, roots[2])

    run_both(roots, monkeypatch)
    cold = files(roots[1])
    assert len(cold) == 3 * (PAGES + 2)  # the articles, home and about page
    assert files(roots[2]) == cold

    for root in roots.values():
        translate_some(root)
        last = change_german(root)
    run_both(roots, monkeypatch)
    assert files(roots[2]) == files(roots[1]) != cold
    # the moved paragraph found its reviewed English translation, as the run began
    for root in roots.values():
        for slug in ("neu", last):
            po = read_po(project.po_path(config.load(root), "en", slug))
            assert any(e.msgstr.startswith("[en] ") and e.fuzzy and not e.previous_msgid
                       for e in po), (root, slug)


def test_a_worker_whose_run_is_gone_before_it_starts_ends_at_once() -> None:
    """A run killed between the fork and the worker's start: the worker is already an
    orphan when it starts, so its parent then is not the run; it must end anyway."""
    script = (
        "import os, time\n"
        "from babelpress.extract import pagework\n"
        "gone = os.getppid() + 1_000_000  # the run, already gone\n"
        "pagework._start_worker(gone, None, (), '', {}, None)\n"
        "time.sleep(60)\n"
    )
    worker = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30
    )
    assert (worker.returncode, worker.stderr) == (1, "")

"""What the live preview takes for a change: stamps, and content it recorded."""

from __future__ import annotations

import os
from pathlib import Path

from babelpress import config
from babelpress import project as bp_project
from babelpress.render import incremental


def _touched(path: Path) -> None:
    """Written again: same bytes, a later modification time."""
    path.write_bytes(path.read_bytes())
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_a_file_written_again_with_the_content_recorded_is_no_change(project: Path) -> None:
    settings = config.load(project)
    page = project_page(settings)
    catalogue = bp_project.po_path(settings, settings.languages[0], page.slug)
    base = incremental.snapshot(settings)
    base.remember([page.source, catalogue], settings.root)

    _touched(page.source)
    _touched(catalogue)
    assert incremental.changes(base, incremental.snapshot(settings), settings).none

    page.source.write_text(page.source.read_text("utf-8") + "\nNeu.\n", "utf-8")
    found = incremental.changes(base, incremental.snapshot(settings), settings)
    assert dict(found.pages) == {page.slug: frozenset({"de", *settings.languages})}


def test_without_recorded_content_a_new_stamp_is_a_change(project: Path) -> None:
    settings = config.load(project)
    page = project_page(settings)
    base = incremental.snapshot(settings)
    _touched(page.source)
    found = incremental.changes(base, incremental.snapshot(settings), settings)
    assert page.slug in found.pages


def project_page(settings: config.Settings) -> bp_project.Page:
    return bp_project.pages(settings)[0]

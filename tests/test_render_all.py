"""Rendering the whole project: every German page, every language, files only on change."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from babelpress import cli
from babelpress import config as bp_config
from babelpress import project as layout
from babelpress.markdown.reader import parse
from babelpress.render import all_pages as render
from babelpress.render import states as render_states


def catalogue(
    settings: bp_config.Settings,
    slug: str,
    language: str,
    translate: Callable[[str], tuple[str, bool]],
) -> Path:
    """Write a catalogue for *slug*: ``translate(msgid)`` gives each (msgstr, fuzzy)."""
    source = settings.source_docs_path / f"{slug}.md"
    doc = parse(source.read_text("utf-8"), path=f"docs/de/{slug}.md", slug=slug)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": language, "Content-Type": "text/plain; charset=UTF-8"}
    seen: set[tuple[str | None, str]] = set()
    for segment in doc.segments():
        key = (segment.context, segment.msgid)
        if key in seen:
            continue
        seen.add(key)
        msgstr, fuzzy = translate(segment.msgid)
        po.append(
            polib.POEntry(
                msgid=segment.msgid,
                msgctxt=segment.context,
                msgstr=msgstr,
                flags=["fuzzy"] if fuzzy else [],
            )
        )
    path = layout.po_path(settings, language, slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def slugs(settings: bp_config.Settings) -> list[str]:
    return [page.slug for page in layout.pages(settings)]


def body(text: str) -> str:
    return text.split("\n---\n", 1)[1]


def test_identity_catalogues_give_back_every_german_body(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the quality checks rightly refuse German figures (1.400) in English: leave them out
    monkeypatch.setattr(render_states, "render_blockers", lambda entry, lang: [])
    settings = bp_config.load(project)
    for slug in slugs(settings):
        catalogue(settings, slug, "en", lambda msgid: (msgid, False))
    report = render.render_all(settings, languages=["en"])
    assert not report.errors
    assert len(report.pages) == len(slugs(settings)) > 1
    for result in report.pages:
        german = result.source.read_text("utf-8")
        rendered = result.target.read_text("utf-8")
        assert body(rendered) == body(german), result.source
        assert result.page.reviewed_share == 100.0 and result.page.fallbacks == 0


def test_second_render_writes_nothing(project: Path) -> None:
    settings = bp_config.load(project)
    first = render.render_all(settings)
    assert len(first.written) == len(first.pages) == 2 * len(slugs(settings))
    stamps = {path: path.stat().st_mtime_ns for path in first.written}
    second = render.render_all(settings)
    assert second.written == [] and second.removed == []
    assert {path: path.stat().st_mtime_ns for path in stamps} == stamps


def test_pages_of_a_removed_german_page_are_removed_hand_written_kept(project: Path) -> None:
    settings = bp_config.load(project)
    render.render_all(settings)
    gone = settings.source_docs_path / f"{slugs(settings)[-1]}.md"
    gone.unlink()
    hand = layout.rendered_folder(settings, "en") / "notes.md"
    hand.write_text("# Notes\n", encoding="utf-8")
    report = render.render_all(settings)
    assert sorted(p.name for p in report.removed) == [gone.name, gone.name]
    assert not (layout.rendered_folder(settings, "en") / gone.name).exists()
    assert hand.exists()


def test_publish_drafts_and_min_reviewed_over_the_project(project: Path) -> None:
    settings = bp_config.load(project)
    slug = next(s for s in slugs(settings) if s != "index")
    counter = iter(range(10_000))
    catalogue(settings, slug, "en", lambda msgid: (f"EN {msgid}", next(counter) % 2 == 1))

    shown = render.render_all(settings, languages=["en"])
    page = next(r for r in shown.pages if r.source.stem == slug)
    assert page.page.has_drafts and page.page.published
    text = page.target.read_text("utf-8")
    assert "Translation not yet fully reviewed" in text and "draft translations" in text

    strict = render.render_all(settings.replace(publish_drafts=False), languages=["en"])
    text = next(r for r in strict.pages if r.source.stem == slug).target.read_text("utf-8")
    assert "draft translation" not in text and '<span lang="de">' in text
    assert "Translation incomplete" in text and "passages appear in the German original" in text

    high = settings.replace(min_reviewed=99)
    held = next(r for r in render.render_all(high).pages if r.source.stem == slug)
    assert not held.page.published
    assert "Not yet available in English" in held.target.read_text("utf-8")


def test_malformed_catalogue_is_an_error_naming_the_file(project: Path) -> None:
    settings = bp_config.load(project)
    slug = slugs(settings)[0]
    path = layout.po_path(settings, "en", slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('msgid "a"\nmsgstr "b"\nmsgstr "c"\nthis is not PO\n', encoding="utf-8")
    report = render.render_all(settings, languages=["en"])
    assert len(report.errors) == 1
    assert path.name in str(report.errors[0])
    # the page still exists, all German
    page = layout.rendered_folder(settings, "en") / f"{slug}.md"
    assert "Not yet available in English" in page.read_text("utf-8")


def test_render_command(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["-C", str(project), "render", "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^wrote docs/ru/about\.md \(\d+% reviewed", out, re.MULTILINE)
    assert "docs/en/" not in out
    assert cli.run(["-C", str(project), "render", "--lang", "ru", "--no-drafts"]) == 0
    assert "0 written" in capsys.readouterr().out
    assert cli.run(["-C", str(project), "render", "--lang", "fr"]) == 2
    assert "unknown language(s) fr" in capsys.readouterr().err

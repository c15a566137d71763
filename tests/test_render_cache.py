"""Unchanged pages are not rendered again; any change to their inputs or output is noticed."""

from __future__ import annotations

from pathlib import Path

import pytest

from babelpress import config as bp_config
from babelpress import project
from babelpress.po.file import read_po, write_po
from babelpress.render import all_pages as render

PAGE = "vorsichtige-distanzierung-von-russland"


@pytest.fixture
def rendered(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bp_config.Settings, list]:
    """A rendered project, and a list recording every page the renderer parses."""
    settings = bp_config.load(project)
    render.render_all(settings)
    parsed: list[str] = []
    real = render._parse

    def counting(page, data, settings):  # type: ignore[no-untyped-def]
        parsed.append(page.source.stem)
        return real(page, data, settings)

    monkeypatch.setattr(render, "_parse", counting)
    return settings, parsed


def test_nothing_changed_nothing_parsed(rendered) -> None:
    settings, parsed = rendered
    report = render.render_all(settings)
    assert parsed == [] and report.written == []
    assert len(report.pages) == 2 * len(project.pages(settings))
    # the cached results say what rendering afresh says
    (settings.locale_path / ".babelpress-render.json").unlink()
    fresh = render.render_all(settings)
    assert len(parsed) == len(project.pages(settings))
    assert [p.page for p in fresh.pages] == [p.page for p in report.pages]


def test_an_edited_catalogue_renders_its_page_again(rendered) -> None:
    settings, parsed = rendered
    path = project.po_path(settings, "ru", PAGE)
    po = read_po(path)
    entry = next(e for e in po if e.msgid.startswith("Kasachstan versucht"))
    entry.msgstr = "Казахстан пытается извлечь выгоду из экономической войны России и Запада."
    write_po(po, path)
    report = render.render_all(settings)
    assert parsed == [PAGE]
    assert [p.target.parent.name for p in report.pages if p.written] == ["ru"]
    target = project.rendered_path(settings, "ru", PAGE)
    assert "извлечь выгоду из экономической войны" in target.read_text(encoding="utf-8")


def test_a_changed_or_deleted_output_is_rendered_again(rendered) -> None:
    settings, parsed = rendered
    target = project.rendered_path(settings, "en", PAGE)
    original = target.read_text(encoding="utf-8")
    target.write_text(original + "\nhand edit\n", encoding="utf-8")
    render.render_all(settings)
    assert target.read_text(encoding="utf-8") == original
    target.unlink()
    render.render_all(settings)
    assert target.read_text(encoding="utf-8") == original
    assert parsed == [PAGE, PAGE]


def test_other_settings_are_other_keys(rendered) -> None:
    settings, parsed = rendered
    render.render_all(settings.replace(publish_drafts=False))
    assert len(parsed) == len(project.pages(settings))


def test_warnings_are_reported_again_from_the_cache(rendered) -> None:
    settings, _ = rendered
    path = project.po_path(settings, "en", PAGE)
    po = read_po(path)
    entry = next(e for e in po if "1.400" in e.msgid)
    entry.msgstr = entry.msgstr.replace("1,400", "1,500")
    write_po(po, path)
    first = render.render_all(settings)
    second = render.render_all(settings)
    assert first.warnings and second.warnings == first.warnings


def test_the_code_stamp_follows_content_not_modification_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a fresh checkout or reinstall of the same code gives the files new times only:
    # every page keeps its key; changed code gives new keys
    import os

    from babelpress.render import cache as render_cache

    package = tmp_path / "package"
    (package / "data").mkdir(parents=True)
    (package / "render.py").write_text("A = 1\n")
    (package / "data" / "texts.yml").write_text("x: y\n")
    monkeypatch.setattr(render_cache, "_PACKAGE", package)
    before = render_cache._code_stamp()
    for path in package.rglob("*"):
        os.utime(path, ns=(1, 1))
    assert render_cache._code_stamp() == before
    (package / "data" / "texts.yml").write_text("x: z\n")
    assert render_cache._code_stamp() != before


def test_facts_of_each_page_are_kept_with_it_and_found_once(rendered) -> None:
    """What a caller makes of a written page comes from the cache while the page stays."""
    settings, parsed = rendered  # rendered without facts, as ``babelpress render`` does
    seen: list[str] = []

    def facts(markdown: str, target: Path, written: object) -> dict[str, str]:
        seen.append(target.parent.name + "/" + target.stem)
        return {"head": markdown.split("\n", 2)[1]}

    first = render.render_all(settings, facts=facts)
    pages = len(project.pages(settings))
    assert parsed == [] and len(seen) == 2 * pages  # found once, from the pages on disk
    assert all(result.facts == {"head": result.target.read_text("utf-8").split("\n")[1]}
               for result in first.pages)
    again = render.render_all(settings, facts=facts)
    assert len(seen) == 2 * pages  # kept: no page read for them
    assert [r.facts for r in again.pages] == [r.facts for r in first.pages]
    # a page rendered again brings new facts, made of what was written
    target = project.rendered_path(settings, "ru", PAGE)
    target.write_text("---\ntitle: von Hand\n---\n", encoding="utf-8")
    third = render.render_all(settings, facts=facts)
    assert seen[2 * pages:] == [f"ru/{PAGE}"]
    redone = next(r for r in third.pages if r.target == target)
    assert redone.written and redone.facts == {"head": target.read_text("utf-8").split("\n")[1]}
    # without a caller asking, nothing is made
    assert all(r.facts is None for r in render.render_all(settings).pages)


def test_front_matter_handed_with_a_page_is_what_reading_it_gives(project: Path) -> None:
    """The facts made from what the render says it wrote equal those read from the page."""
    from babelpress.site.articles import page_facts

    settings = bp_config.load(project)
    handed: list[tuple[Path, object]] = []

    def facts(markdown: str, target: Path, written: object) -> object:
        handed.append((target, written))
        return page_facts(markdown, target, written)  # type: ignore[arg-type]

    report = render.render_all(settings, facts=facts)
    assert handed and all(written is not None for _, written in handed)
    for result in report.pages:
        text = result.target.read_text(encoding="utf-8")
        assert result.facts == page_facts(text, result.target)

"""The lead is the article's first paragraph, translated once: the description and the
listings are made of the paragraph's own catalogue entries (one msgid, one review)."""

from __future__ import annotations

from pathlib import Path

import pytest

from babelpress import config as bp_config
from babelpress import project as layout
from babelpress.extract.pipeline import extract
from babelpress.markdown.reader import parse
from babelpress.markdown.units import Document
from babelpress.po.file import read_po, write_po
from babelpress.render import all_pages as render
from babelpress.render.lead import lead

LEAD = "Kasachstan sucht Abstand. Moskau macht gute Miene dazu."
PAGE = f"""\
---
title: Abstand
description: {LEAD}
---

**Analyse**
{{: .kicker }}

{LEAD}

> Ein Zitat zuerst wäre kein Lead.

Ein zweiter Absatz.
"""
EN = {
    "Abstand": "Distance",
    "**Analyse**": "**Analysis**",
    "Kasachstan sucht Abstand.": "Kazakhstan keeps its distance.",
    "Moskau macht gute Miene dazu.": "Moscow puts a brave face on it.",
    "Ein Zitat zuerst wäre kein Lead.": "A quotation first would be no lead.",
    "Ein zweiter Absatz.": "A second paragraph.",
}


def doc_of(text: str) -> Document:
    return parse(text, path="docs/de/a.md", slug="a")


@pytest.fixture
def site(tmp_path: Path) -> bp_config.Settings:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - babelpress:\n      languages: [en, ru]\n", encoding="utf-8"
    )
    (tmp_path / "docs" / "de").mkdir(parents=True)
    (tmp_path / "docs" / "de" / "a.md").write_text(PAGE, encoding="utf-8")
    settings = bp_config.load(tmp_path)
    assert extract(settings).ok
    return settings


def translate(settings: bp_config.Settings, table: dict[str, str], *fuzzy: str) -> None:
    path = layout.po_path(settings, "en", "a")
    po = read_po(path)
    for entry in po:
        entry.msgstr = table.get(entry.msgid, "")
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        if entry.msgid in fuzzy:
            entry.flags.insert(0, "fuzzy")
    write_po(po, path)


# ------------------------------------------------------------------ the reader
def test_the_lead_is_the_first_plain_paragraph() -> None:
    doc = doc_of(PAGE)
    sources = [p if isinstance(p, str) else p.msgid for p in doc.lead_parts()]
    assert sources == ["Kasachstan sucht Abstand.", " ", "Moskau macht gute Miene dazu."]
    assert doc.description_from_lead == "markdown"
    assert [s.kind for s in doc.meta_segments] == ["title"]  # no description unit


def test_a_description_of_its_own_stays_an_entry() -> None:
    doc = doc_of(PAGE.replace(f"description: {LEAD}", "description: Etwas anderes."))
    assert doc.description_from_lead == ""
    assert [s.msgid for s in doc.meta_segments] == ["Abstand", "Etwas anderes."]


def test_the_plain_text_of_an_escaped_paragraph_is_the_lead_too() -> None:
    escaped = "Am 24\\. April *sagte* er nichts."
    page = f"---\ntitle: T\ndescription: Am 24. April *sagte* er nichts.\n---\n\n{escaped}\n"
    doc = doc_of(page)
    assert doc.description_from_lead == "plain"
    assert [s.kind for s in doc.meta_segments] == ["title"]


def test_a_page_without_a_paragraph_has_no_lead() -> None:
    doc = doc_of("---\ntitle: T\ndescription: D\n---\n\n## Nur eine Überschrift\n")
    assert doc.lead is None and doc.description_from_lead == ""


# ------------------------------------------------------------------ extract, render
def test_extract_offers_the_lead_once(site: bp_config.Settings) -> None:
    entries = [entry.msgid for entry in read_po(layout.pot_path(site, "a"))]
    assert LEAD not in entries
    assert entries.count("Kasachstan sucht Abstand.") == 1


def test_an_old_description_translation_is_kept_as_obsolete(site: bp_config.Settings) -> None:
    """A catalogue from before, with the description as an entry of its own: no work lost."""
    page = site.source_docs_path / "a.md"
    page.write_text(PAGE.replace(f"description: {LEAD}", "description: Alt."), encoding="utf-8")
    extract(site)
    path = layout.po_path(site, "en", "a")
    po = read_po(path)
    for entry in po:
        if entry.msgid == "Alt.":
            entry.msgstr = "Old."
    write_po(po, path)
    page.write_text(PAGE, encoding="utf-8")
    extract(site)
    old = [e for e in read_po(path) if e.msgid == "Alt."]
    assert len(old) == 1 and old[0].obsolete and old[0].msgstr == "Old."


def test_the_description_is_rendered_from_the_leads_entries(site: bp_config.Settings) -> None:
    translate(site, EN)
    render.render_all(site, languages=["en"])
    front = layout.rendered_path(site, "en", "a").read_text("utf-8").split("\n---\n")[0]
    assert "description: Kazakhstan keeps its distance. Moscow puts a brave face on it.\n" in front
    # a sentence not yet translated stays German in the description, without HTML
    translate(site, {k: v for k, v in EN.items() if not k.startswith("Moskau")})
    render.render_all(site, languages=["en"])
    front = layout.rendered_path(site, "en", "a").read_text("utf-8").split("\n---\n")[0]
    assert "description: Kazakhstan keeps its distance. Moskau macht gute Miene dazu.\n" in front


def test_lead_for_a_listing_is_the_paragraph_as_the_page_shows_it(
    site: bp_config.Settings,
) -> None:
    translate(site, EN, "Moskau macht gute Miene dazu.")
    assert lead(site, "a", "de") == LEAD
    assert lead(site, "a", "en") == "Kazakhstan keeps its distance. Moscow puts a brave face on it."
    hidden = site.replace(publish_drafts=False)
    assert lead(hidden, "a", "en") == (
        'Kazakhstan keeps its distance. <span lang="de">Moskau macht gute Miene dazu.</span>'
    )
    preview = lead(site, "a", "en", mode="serve")
    assert preview is not None and '<span class="bp-draft">Moscow puts' in preview
    # a page held back below min_reviewed is German in the listing too
    held = site.replace(min_reviewed=100)
    assert lead(held, "a", "en") == (
        '<span lang="de">Kasachstan sucht Abstand.</span> '
        '<span lang="de">Moskau macht gute Miene dazu.</span>'
    )
    assert lead(site, "a", "ru") == (
        '<span lang="de">Kasachstan sucht Abstand.</span> '
        '<span lang="de">Moskau macht gute Miene dazu.</span>'
    )


def test_the_editions_leads_are_their_articles_first_paragraphs(repo_root: Path) -> None:
    settings = bp_config.load(repo_root)
    slug = "vorsichtige-distanzierung-von-russland"
    assert lead(settings, slug, "en") == (
        "Kazakhstan is trying to profit from the economic war between Russia and the West. "
        "Moscow depends on its ally and is putting a brave face on it."
    )
    assert lead(settings, slug, "ru", mode="build") is not None
    assert 'lang="de"' not in (lead(settings, slug, "ru") or "")

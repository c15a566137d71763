"""Front-matter values readers see (byline names, source) are catalogue entries, with the
glossary's spellings pre-filled by extract and rendered in the page's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from babelpress import config as bp_config
from babelpress import project as layout
from babelpress.extract.names import GLOSSARY_NOTE
from babelpress.extract.pipeline import extract
from babelpress.markdown.reader import parse
from babelpress.po.file import read_po, write_po
from babelpress.render import all_pages as render

PAGE = """\
---
title: Ein Titel
source: Novastan
author: Emma Collet
contributors:
- Florian Coppenrath
- Jana Beispiel
translator: Robin Roth
date: 2022-04-24
---

Ein Satz.
"""
GLOSSARY = """\
de,en,ru,note
Emma Collet,Emma Collet,Эмма Колле,author
Florian Coppenrath,Florian Coppenrath,Флориан Коппенрат,co-author
Robin Roth,Robin Roth,Робин Рот,translator
Novastan,Novastan,Novastan,outlet
Collet,Collet,Колле,surname alone
"""


@pytest.fixture
def site(tmp_path: Path) -> bp_config.Settings:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - babelpress:\n      languages: [en, ru]\n", encoding="utf-8"
    )
    (tmp_path / "docs" / "de").mkdir(parents=True)
    (tmp_path / "docs" / "de" / "artikel.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    settings = bp_config.load(tmp_path)
    assert extract(settings).ok
    return settings


def entries(settings: bp_config.Settings, language: str) -> dict[str, polib.POEntry]:
    po = read_po(layout.po_path(settings, language, "artikel"))
    return {entry.msgid: entry for entry in po if not entry.obsolete}


def test_the_reader_offers_the_values_readers_see_in_file_order() -> None:
    doc = parse(PAGE, path="docs/de/artikel.md", slug="artikel")
    found = [(s.kind, s.msgid, s.line) for s in doc.meta_segments]
    assert found == [
        ("title", "Ein Titel", 2),
        ("source", "Novastan", 3),
        ("author", "Emma Collet", 4),
        ("contributors", "Florian Coppenrath", 6),
        ("contributors", "Jana Beispiel", 7),
        ("translator", "Robin Roth", 8),
    ]
    assert doc.meta_places[3:5] == [("contributors", 0), ("contributors", 1)]


def test_a_source_that_is_a_web_address_is_no_entry() -> None:
    doc = parse("---\ntitle: T\nsource: https://example.org/a\n---\n\nText.\n", path="p",
                slug="p")  # fmt: skip
    assert [s.kind for s in doc.meta_segments] == ["title"]


def test_extract_fills_names_from_the_glossary_as_reviewed(site: bp_config.Settings) -> None:
    ru = entries(site, "ru")
    author = ru["Emma Collet"]
    assert author.msgstr == "Эмма Колле" and not author.fuzzy
    assert author.tcomment == GLOSSARY_NOTE.format(line=2)
    assert author.comment == "author"
    assert ru["Florian Coppenrath"].msgstr == "Флориан Коппенрат"
    assert ru["Robin Roth"].msgstr == "Робин Рот"
    # a name the glossary does not know, and sentences, wait for a translator
    assert ru["Jana Beispiel"].msgstr == ""
    assert ru["Ein Satz."].msgstr == ""
    assert entries(site, "en")["Emma Collet"].msgstr == "Emma Collet"


def test_an_editors_spelling_is_kept_and_a_new_glossary_row_fills_the_empty(
    site: bp_config.Settings,
) -> None:
    path = layout.po_path(site, "ru", "artikel")
    po = read_po(path)
    for entry in po:
        if entry.msgid == "Emma Collet":
            entry.msgstr = "Эмма Колле (Новастан)"
    write_po(po, path)
    with site.glossary_path.open("a", encoding="utf-8") as out:
        out.write("Jana Beispiel,Jana Beispiel,Яна Байшпиль,contributor\n")
    assert extract(site).ok  # the glossary changed: the page is merged again
    ru = entries(site, "ru")
    assert ru["Emma Collet"].msgstr == "Эмма Колле (Новастан)"
    assert ru["Jana Beispiel"].msgstr == "Яна Байшпиль"


def test_names_are_rendered_in_the_page_language(site: bp_config.Settings) -> None:
    report = render.render_all(site, languages=["ru"])
    assert not report.errors
    text = layout.rendered_path(site, "ru", "artikel").read_text("utf-8")
    front = text.split("\n---\n", 1)[0]
    assert "author: Эмма Колле\n" in front
    assert "contributors:\n- Флориан Коппенрат\n- Jana Beispiel\n" in front  # German: not yet
    assert "translator: Робин Рот\n" in front and "source: Novastan\n" in front
    assert 'lang="de"' not in front  # front-matter values are never wrapped in HTML


def test_the_russian_edition_names_the_author_in_cyrillic(
    repo_root: Path, tmp_path: Path
) -> None:
    root = tmp_path / "project"
    for name in ("docs/de", "locale"):
        shutil.copytree(repo_root / name, root / name)
    shutil.copy2(repo_root / "mkdocs.yml", root / "mkdocs.yml")
    settings = bp_config.load(root)
    slug = "kasachstans-schrittweise-entfernung-von-russland"
    assert extract(settings).written == []  # the committed catalogues are up to date
    render.render_all(settings, languages=["ru"])
    front = layout.rendered_path(settings, "ru", slug).read_text("utf-8").split("\n---\n")[0]
    assert "author: Эмма Колле\n" in front
    assert "- Флориан Коппенрат\n" in front and "translator: Робин Рот\n" in front


def test_the_glossary_wins_over_a_suggestion_of_the_memory(site: bp_config.Settings) -> None:
    """A second page by the same author: its names come from the glossary, reviewed, whether
    or not the translation memory already holds them from the first page."""
    second = site.source_docs_path / "zweiter.md"
    second.write_text(PAGE.replace("Ein Satz.", "Ein anderer Satz."), encoding="utf-8")
    assert extract(site).ok
    ru = {e.msgid: e for e in read_po(layout.po_path(site, "ru", "zweiter"))}
    assert ru["Emma Collet"].msgstr == "Эмма Колле" and not ru["Emma Collet"].fuzzy
    assert ru["Emma Collet"].tcomment == GLOSSARY_NOTE.format(line=2)


def test_a_machine_translated_text_is_credited_to_the_machine_despite_glossary_names(
    site: bp_config.Settings,
) -> None:
    from babelpress.po.provenance import machine_comment

    path = layout.po_path(site, "ru", "artikel")
    po = read_po(path)
    for entry in po:
        if not entry.msgstr:  # the title and the sentence: machine drafts
            entry.msgstr, entry.flags = f"RU {entry.msgid}", ["fuzzy"]
            entry.tcomment = machine_comment("google", "2026-12-01")
    write_po(po, path)
    render.render_all(site, languages=["ru"])
    front = layout.rendered_path(site, "ru", "artikel").read_text("utf-8").split("\n---\n")[0]
    assert front.endswith("\n  machine: true")

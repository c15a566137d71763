"""The translation memory's index on disk: the same suggestions, fewer catalogues parsed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from babelpress import config
from babelpress.extract import memory_index
from babelpress.extract.memory_index import MemoryIndex, index_path
from babelpress.extract.pipeline import extract
from babelpress.po import file as pofile
from babelpress.po.file import read_po, write_po
from babelpress.po.merge import MEMORY_NOTE, TranslationMemory

PAGE = "kasachstan-unter-zugzwang"


@pytest.fixture
def extracted(project: Path) -> Path:
    shutil.rmtree(project / "locale" / "en")
    shutil.rmtree(project / "locale" / "ru")
    extract(config.load(project))
    return project


def _translate(path: Path, prefix: str) -> None:
    po = read_po(path)
    for number, entry in enumerate(po):
        entry.msgstr = prefix + entry.msgid
        if number == 0:
            entry.flags.append("fuzzy")  # a draft is not offered to other pages
    write_po(po, path)


def _fill(root: Path, language: str = "en") -> tuple[TranslationMemory, MemoryIndex]:
    settings = config.load(root)
    index = MemoryIndex(
        index_path(settings.locale_path, language),
        settings.locale_path / language / "LC_MESSAGES",
        "docs/de",
    )
    memory = TranslationMemory(loader=index.fill)
    memory.lookup("")
    return memory, index


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = pofile.read_po

    def counting(path: str | Path, *, root: Path | None = None) -> object:
        seen.append(Path(path).name)
        return real(path, root=root)

    monkeypatch.setattr(memory_index, "read_po", counting)
    return seen


def test_index_gives_what_reading_every_catalogue_gives(
    extracted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogues = extracted / "locale" / "en" / "LC_MESSAGES"
    _translate(catalogues / f"{PAGE}.po", "EN: ")
    first, index = _fill(extracted)
    assert index.save() is True
    reads = _counting_reads(monkeypatch)
    second, again = _fill(extracted)
    assert reads == []  # nothing changed: no catalogue parsed
    assert again.save() is False
    assert second.entries == first.entries
    po = read_po(catalogues / f"{PAGE}.po")
    own = {msgid for msgid, (_, origin) in first.entries.items() if origin == f"docs/de/{PAGE}.md"}
    assert own == {e.msgid for e in po if not e.fuzzy} and len(own) > 10
    assert first.entries[po[1].msgid] == ("EN: " + po[1].msgid, f"docs/de/{PAGE}.md")
    assert po[0].msgid not in first.entries
    # the rest are the byline names extract took from the glossary, reviewed
    others = {msgid: msgstr for msgid, (msgstr, _) in first.entries.items() if msgid not in own}
    assert others == {n: n for n in ("Novastan", "Emma Collet", "Florian Coppenrath", "Robin Roth")}


def test_a_changed_catalogue_is_read_again(
    extracted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogues = extracted / "locale" / "en" / "LC_MESSAGES"
    _fill(extracted)[1].save()
    _translate(catalogues / "about.po", "EN: ")
    reads = _counting_reads(monkeypatch)
    memory, index = _fill(extracted)
    assert reads == ["about.po"]
    assert any(origin == "docs/de/about.md" for _, origin in memory.entries.values())
    assert index.save() is True


@pytest.mark.parametrize("damage", ["{not json", '{"version": 99}', '{"version": 1, '
                                    '"catalogues": {"about.po": [1, 2, [["a"]]]}}'])
def test_a_damaged_index_is_rebuilt(extracted: Path, damage: str) -> None:
    _translate(extracted / "locale" / "en" / "LC_MESSAGES" / f"{PAGE}.po", "EN: ")
    expected = _fill(extracted)[0].entries
    path = index_path(extracted / "locale", "en")
    path.write_text(damage, "utf-8")
    memory, index = _fill(extracted)
    assert memory.entries == expected
    assert index.save() is True
    assert json.loads(path.read_text("utf-8"))["version"] == 1


def test_extract_suggests_from_the_index_and_keeps_it_current(extracted: Path) -> None:
    source = extracted / "locale" / "en" / "LC_MESSAGES" / f"{PAGE}.po"
    _translate(source, "EN: ")
    sentence = read_po(source)[3].msgid
    about = extracted / "docs" / "de" / "about.md"
    about.write_text(about.read_text("utf-8").rstrip("\n") + "\n\nEin ganz neuer Satz.\n", "utf-8")
    extract(config.load(extracted))  # builds the index (the new sentence has no translation)
    path = index_path(extracted / "locale", "en")
    assert path.exists()
    about.write_text(about.read_text("utf-8") + f"\n{sentence}\n", "utf-8")
    before = path.read_bytes()
    extract(config.load(extracted))
    entry = next(e for e in read_po(extracted / "locale/en/LC_MESSAGES/about.po")
                 if e.msgid == sentence)  # fmt: skip
    assert entry.msgstr == "EN: " + sentence and entry.fuzzy
    assert entry.tcomment == MEMORY_NOTE + f"docs/de/{PAGE}.md"
    assert path.read_bytes() != before  # about.po changed on the first run: read again
    snapshot = path.read_bytes()
    extract(config.load(extracted))
    assert path.read_bytes() == snapshot  # a no-op run leaves it alone


def test_after_any_extract_the_index_spares_parsing(
    extracted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first extract records what it writes; a one-sentence edit then parses no catalogue."""
    settings = config.load(extracted)
    # the site's own words (_site.po) are no page's text: not in the memory
    catalogues = sorted(
        p.name for p in (settings.locale_path / "en").rglob("*.po") if p.stem != "_site"
    )
    cold = json.loads(index_path(settings.locale_path, "en").read_text("utf-8"))
    assert sorted(cold["catalogues"]) == catalogues  # the cold run recorded what it wrote
    for language in settings.languages:
        index_path(settings.locale_path, language).unlink()
    page = extracted / "docs" / "de" / f"{PAGE}.md"
    page.write_text(page.read_text("utf-8") + "\nEin erster neuer Satz.\n", "utf-8")
    extract(settings)
    recorded = json.loads(index_path(settings.locale_path, "en").read_text("utf-8"))
    assert sorted(recorded["catalogues"]) == catalogues
    reads = _counting_reads(monkeypatch)
    page.write_text(page.read_text("utf-8") + "\nEin zweiter neuer Satz.\n", "utf-8")
    extract(settings)
    assert reads == []

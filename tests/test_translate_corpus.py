"""The whole corpus: extract, then translate through the loopback server and offline."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from babelpress.cli import run
from babelpress.markdown.reader import placeholders_in
from libre_server import LibreServer
from translate_project import msgfmt_check, po_files, snapshot


@pytest.fixture
def extracted(project: Path) -> Path:
    """The corpus as a newsroom starts it: German pages, glossary, no translations yet."""
    for language in ("en", "ru"):
        shutil.rmtree(project / "locale" / language, ignore_errors=True)
    assert run(["-C", str(project), "extract"]) == 0
    return project


def drafts(root: Path) -> list[polib.POEntry]:
    return [
        entry
        for path in po_files(root)
        for entry in polib.pofile(str(path))
        if not entry.obsolete and entry.tcomment.startswith("Machine translation")
    ]


def test_corpus_through_libre(extracted: Path, capsys) -> None:
    root = extracted
    distinct = {
        lang: {
            text
            for p in po_files(root)
            if f"/{lang}/" in str(p)
            for e in polib.pofile(str(p))
            if e.msgid and not e.obsolete and not _translated(e)
            for text in (e.msgid, e.msgid_plural)
            if text
        }
        for lang in ("en", "ru")
    }
    with LibreServer(lifetime=120) as server:
        assert run(["-C", str(root), "translate", "--provider", "libre", "--url", server.url]) == 0
        assert server.requests == len(distinct["en"]) + len(distinct["ru"])
        for path in po_files(root):
            msgfmt_check(path)
        found = drafts(root)
        assert found and all(e.fuzzy for e in found)
        assert not any("babelpress-placeholders" in e.tcomment for e in found)
        for entry in found:
            assert placeholders_in(entry.msgstr) == placeholders_in(entry.msgid), entry.msgid
            assert entry.msgstr.count("`") == entry.msgid.count("`")
            assert entry.msgstr.count("**") == entry.msgid.count("**")
        before, requests = snapshot(root), server.requests
        capsys.readouterr()
        assert run(["-C", str(root), "translate", "--provider", "libre", "--url", server.url]) == 0
        assert server.requests == requests and snapshot(root) == before
        assert "0 segments sent" in capsys.readouterr().out


def _translated(entry: polib.POEntry) -> bool:
    return any(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)


def _forms(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def test_corpus_pseudo_offline(extracted: Path) -> None:
    assert run(["-C", str(extracted), "translate", "--provider", "pseudo", "--lang", "ru"]) == 0
    found = drafts(extracted)
    assert found and all(form.startswith("⟦RU⟧ ") for e in found for form in _forms(e))
    # the site's own words are drafted too, every plural form with its {count}
    plural = [e for e in found if e.msgid_plural]
    assert plural and all(len(e.msgstr_plural) == 3 for e in plural)
    assert all("{count}" in form for e in plural for form in _forms(e))
    assert not any("babelpress-placeholders" in e.tcomment for e in found)
    for path in po_files(extracted):
        msgfmt_check(path)

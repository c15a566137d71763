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
            e.msgid
            for p in po_files(root)
            if f"/{lang}/" in str(p)
            for e in polib.pofile(str(p))
            if e.msgid and not e.msgstr and not e.obsolete
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


def test_corpus_pseudo_offline(extracted: Path) -> None:
    assert run(["-C", str(extracted), "translate", "--provider", "pseudo", "--lang", "ru"]) == 0
    found = drafts(extracted)
    assert found and all(e.msgstr.startswith("⟦RU⟧ ") for e in found)
    assert not any("babelpress-placeholders" in e.tcomment for e in found)
    for path in po_files(extracted):
        msgfmt_check(path)

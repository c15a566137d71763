"""The reviewed English and Russian editions: complete, clean, and robust to German edits."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from babelpress import config
from babelpress import project as layout
from babelpress.cli import run
from babelpress.extract.pipeline import extract
from babelpress.po.file import read_po

LANGUAGES = ("en", "ru")


def catalogues(root: Path, language: str) -> list[Path]:
    return sorted((root / "locale" / language / "LC_MESSAGES").glob("*.po"))


def test_every_page_has_a_catalogue_in_each_language(repo_root: Path) -> None:
    """One per page, and one of the site's own words (``_site``)."""
    pages = sorted(p.stem for p in (repo_root / "docs/de").glob("*.md"))
    for language in LANGUAGES:
        assert [p.stem for p in catalogues(repo_root, language)] == sorted(["_site", *pages])


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_shows_everything_reviewed(repo_root: Path, language: str, capsys) -> None:
    code = run(["-C", str(repo_root), "status", "--lang", language, "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 0
    assert rows and all(r["fuzzy"] == 0 and r["untranslated"] == 0 for r in rows)
    assert run(["-C", str(repo_root), "status", "--lang", language, "--min-reviewed", "100"]) == 0


def test_check_finds_no_errors_and_no_warnings(repo_root: Path, capsys) -> None:
    assert run(["-C", str(repo_root), "check"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert re.search(r"\b0 errors, 0 warnings\b", captured.err), captured.err


@pytest.mark.parametrize("language", LANGUAGES)
def test_headers_name_translator_and_team(repo_root: Path, language: str) -> None:
    for path in catalogues(repo_root, language):
        meta = read_po(path).metadata
        assert meta["Language"] == language
        assert "FULL NAME" not in meta["Last-Translator"], path
        assert "LANGUAGE" not in meta["Language-Team"], path


def test_typography_of_the_editions(repo_root: Path) -> None:
    """English “…”, ’ and 1,400; Russian «…» and 1 400 with a no-break space."""
    for language, wrong_quotes, number in (
        ("en", "«„", re.compile(r"\b\d{1,3}[.\u00a0 ]\d{3}\b")),
        ("ru", "“”„", re.compile(r"\b\d{1,3}[.,]\d{3}\b")),
    ):
        for path in catalogues(repo_root, language):
            for entry in read_po(path):
                text = entry.msgstr
                if language == "ru":
                    text = re.sub(
                        r"«[^«»]*»", lambda m: m.group(0).replace("„", "").replace("“", ""), text
                    )
                assert not any(q in text for q in wrong_quotes), (path.name, entry.msgstr)
                prose = re.sub(r"`[^`]*`", "", text)
                assert not re.search(r"\w'\w", prose), ("typewriter apostrophe", entry.msgstr)
                assert not number.search(text), (path.name, entry.msgstr)


def test_one_changed_german_sentence_makes_only_that_entry_fuzzy(project: Path) -> None:
    """Issue: editing one German sentence must not disturb any other translation."""
    settings = config.load(project)
    page = project / "docs/de/vorsichtige-distanzierung-von-russland.md"
    old_sentence = "Kasachstan könne so seine Warenproduktion steigern."
    new_sentence = "Kasachstan könne so seine Warenproduktion deutlich steigern."
    text = page.read_text(encoding="utf-8")
    assert text.count(old_sentence) == 1
    before = {lang: _entries(layout.po_path(settings, lang, page.stem)) for lang in LANGUAGES}

    page.write_text(text.replace(old_sentence, new_sentence), encoding="utf-8")
    extract(settings)

    for language in LANGUAGES:
        after = _entries(layout.po_path(settings, language, page.stem))
        changed = {
            k
            for k in before[language].keys() | after.keys()
            if before[language].get(k) != after.get(k)
        }
        assert changed == {(None, old_sentence), (None, new_sentence)}, changed
        # like msgmerge: the old entry lives on as the fuzzy entry's previous msgid
        assert (None, old_sentence) not in after
        new = after[(None, new_sentence)]
        assert new["fuzzy"] and new["previous"] == old_sentence
        assert new["msgstr"] == before[language][(None, old_sentence)]["msgstr"]
    # the other pages' catalogues are untouched
    for language in LANGUAGES:
        for path in catalogues(project, language):
            if path.stem != page.stem:
                assert path.read_bytes() == (_repo(path, project)).read_bytes()


def _repo(path: Path, project: Path) -> Path:
    return Path(__file__).resolve().parent.parent / path.relative_to(project)


def _entries(path: Path) -> dict[tuple[str | None, str], dict[str, object]]:
    po = read_po(path)
    return {
        (e.msgctxt, e.msgid): {
            "msgstr": e.msgstr,
            "fuzzy": "fuzzy" in e.flags,
            "obsolete": bool(e.obsolete),
            "previous": e.previous_msgid,
        }
        for e in po
    }

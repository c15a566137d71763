"""``babelpress extract`` on a copy of the project: valid, deterministic, safe, merged."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import polib
import pytest

from babelpress import config
from babelpress.errors import LockError
from babelpress.extract.pipeline import STATE_NAME, extract
from babelpress.po.file import read_po, write_po
from babelpress.po.merge import MEMORY_NOTE
from babelpress.project import lock as catalogue_lock
from gettext_tools import assert_msgfmt_ok, msgcat, needs_gettext

PAGE = "kasachstan-unter-zugzwang"
SENTENCE = "Der Ruf gen Moskau war ein zweischneidiges Schwert"
EDITED = "Der Hilferuf gen Moskau war ein zweischneidiges Schwert"


def _catalogues(root: Path) -> list[Path]:
    locale = root / "locale"
    return sorted([*locale.rglob("*.po"), *locale.rglob("*.pot")])


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted((root / "locale").rglob("*"))
        if p.is_file()
    }


def _babelpress(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "babelpress", "-C", str(root), *args],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def _fill(path: Path, prefix: str) -> None:
    """Translate every entry of a catalogue (as an editor would), reviewed."""
    po = read_po(path)
    for entry in po:
        entry.msgstr = prefix + entry.msgid
    write_po(po, path)


def _edit_sentence(root: Path, old: str, new: str) -> None:
    page = root / "docs" / "de" / f"{PAGE}.md"
    text = page.read_text("utf-8")
    assert text.count(old) == 1
    page.write_text(text.replace(old, new), "utf-8")


@pytest.fixture
def extracted(project: Path) -> Path:
    """The project's pages, extracted into a locale/ without catalogues (glossary kept)."""
    locale = project / "locale"
    for folder in (locale / "templates", locale / "en", locale / "ru"):
        shutil.rmtree(folder, ignore_errors=True)
    (locale / STATE_NAME).unlink(missing_ok=True)
    report = extract(config.load(project))
    assert report.ok and report.written, report.errors
    return project


@needs_gettext
def test_every_page_gets_valid_catalogues_in_gnu_layout(extracted: Path) -> None:
    pages = sorted((extracted / "docs" / "de").rglob("*.md"))
    for page in pages:
        slug = page.relative_to(extracted / "docs" / "de").with_suffix("").as_posix()
        paths = [extracted / "locale" / "templates" / f"{slug}.pot"] + [
            extracted / "locale" / lang / "LC_MESSAGES" / f"{slug}.po" for lang in ("en", "ru")
        ]
        for path in paths:
            assert_msgfmt_ok(path)
            ours = path.read_text("utf-8")
            # gettext 0.21 drops flags it does not know (md-text); all else is identical
            without = re.sub(r"^#, md-text\n", "", ours, flags=re.M).replace(", md-text", "")
            assert msgcat(path) == without
    po = read_po(extracted / "locale" / "ru" / "LC_MESSAGES" / f"{PAGE}.po")
    assert po.metadata["Language"] == "ru" and po.metadata["Plural-Forms"].startswith("nplurals=3")
    first = next(iter(po))
    assert first.occurrences[0][0] == f"docs/de/{PAGE}.md"


def test_second_run_writes_nothing(extracted: Path) -> None:
    before = _snapshot(extracted)
    report = extract(config.load(extracted))
    assert report.written == [] and report.ok
    assert report.skipped == report.pages
    assert _snapshot(extracted) == before
    # without the skip state, the full pipeline runs and still writes nothing
    (extracted / "locale" / STATE_NAME).unlink()
    report = extract(config.load(extracted))
    assert report.written == [] and report.skipped == 0
    after = _snapshot(extracted)
    del before[f"locale/{STATE_NAME}"], after[f"locale/{STATE_NAME}"]
    assert after == before


def test_creation_date_changes_only_with_the_template(extracted: Path) -> None:
    pot = extracted / "locale" / "templates" / f"{PAGE}.pot"
    old_date = "2020-01-01 00:00+0000"
    pot.write_text(re.sub(r"POT-Creation-Date: [^\\]*", f"POT-Creation-Date: {old_date}",
                          pot.read_text("utf-8")), "utf-8")  # fmt: skip
    report = extract(config.load(extracted))
    assert pot not in report.written  # nothing but the date differs: the date is kept...
    assert read_po(pot).metadata["POT-Creation-Date"] == old_date  # ...and the PO files take it
    po = extracted / "locale" / "en" / "LC_MESSAGES" / f"{PAGE}.po"
    assert read_po(po).metadata["POT-Creation-Date"] == old_date
    _edit_sentence(extracted, SENTENCE, EDITED)
    extract(config.load(extracted))
    assert read_po(pot).metadata["POT-Creation-Date"] != old_date
    assert read_po(po).metadata["POT-Creation-Date"] == read_po(pot).metadata["POT-Creation-Date"]


def test_a_newer_babel_changes_no_catalogue(extracted: Path) -> None:
    # a fresh checkout installs whatever babel is current; the header line naming
    # its version must not make every template (and so every catalogue) change
    pot = extracted / "locale" / "templates" / f"{PAGE}.pot"
    pot.write_text(re.sub(r"Generated-By: Babel [^\\]*", "Generated-By: Babel 0.9",
                          pot.read_text("utf-8")), "utf-8")  # fmt: skip
    (extracted / "locale" / STATE_NAME).unlink()
    before = _snapshot(extracted)
    report = extract(config.load(extracted))
    assert report.written == []
    after = _snapshot(extracted)
    del after[f"locale/{STATE_NAME}"]
    assert after == before
    assert read_po(pot).metadata["Generated-By"] == "Babel 0.9"
    _edit_sentence(extracted, SENTENCE, EDITED)
    extract(config.load(extracted))
    assert read_po(pot).metadata["Generated-By"] != "Babel 0.9"  # rewritten: the current one


def test_editing_one_sentence_leaves_exactly_that_entry_fuzzy(extracted: Path) -> None:
    po_path = extracted / "locale" / "en" / "LC_MESSAGES" / f"{PAGE}.po"
    _fill(po_path, "EN: ")
    before = {(e.msgctxt, e.msgid): e for e in read_po(po_path)}
    _edit_sentence(extracted, SENTENCE, EDITED)
    report = extract(config.load(extracted))
    assert po_path in report.written
    after = read_po(po_path)
    changed = [e for e in after if (e.msgctxt, e.msgid) not in before and not e.obsolete]
    assert len(changed) == 1
    (entry,) = changed
    assert entry.fuzzy and entry.msgid.startswith(EDITED)
    assert entry.previous_msgid is not None and entry.previous_msgid.startswith(SENTENCE)
    assert entry.msgstr == "EN: " + entry.previous_msgid
    for other in after:
        if other is entry or other.obsolete:
            continue
        kept = before[(other.msgctxt, other.msgid)]
        assert (other.msgstr, other.fuzzy) == (kept.msgstr, kept.fuzzy)
    assert not [e for e in after if e.obsolete]


def test_a_sentence_that_returns_gets_its_translation_back(extracted: Path) -> None:
    po_path = extracted / "locale" / "en" / "LC_MESSAGES" / f"{PAGE}.po"
    _fill(po_path, "EN: ")
    page = extracted / "docs" / "de" / f"{PAGE}.md"
    original = page.read_text("utf-8")
    kept = [line for line in original.split("\n") if not line.startswith(SENTENCE)]
    page.write_text("\n".join(kept), "utf-8")
    extract(config.load(extracted))
    assert any(e.obsolete for e in read_po(po_path))
    page.write_text(original, "utf-8")
    extract(config.load(extracted))
    back = read_po(po_path)
    assert not [e for e in back if e.obsolete]
    assert all(e.msgstr == "EN: " + e.msgid and not e.fuzzy for e in back)


def test_translation_memory_across_pages(extracted: Path) -> None:
    source = extracted / "locale" / "en" / "LC_MESSAGES" / f"{PAGE}.po"
    _fill(source, "EN: ")
    sentence = next(e.msgid for e in read_po(source) if e.msgid.startswith(SENTENCE))
    other = extracted / "docs" / "de" / "about.md"
    other.write_text(other.read_text("utf-8").rstrip("\n") + f"\n\n{sentence}\n", "utf-8")
    extract(config.load(extracted))
    target = read_po(extracted / "locale" / "en" / "LC_MESSAGES" / "about.po")
    entry = next(e for e in target if e.msgid == sentence)
    assert entry.msgstr == "EN: " + sentence and entry.fuzzy
    assert entry.tcomment == MEMORY_NOTE + f"docs/de/{PAGE}.md"
    ru = read_po(extracted / "locale" / "ru" / "LC_MESSAGES" / "about.po")
    assert next(e for e in ru if e.msgid == sentence).msgstr == ""  # memory is per language


def test_nested_pages_and_removed_pages(extracted: Path) -> None:
    nested = extracted / "docs" / "de" / "reise" / "tag-eins.md"
    nested.parent.mkdir()
    nested.write_text("# Erster Tag\n\nWir fuhren los. Es regnete.\n", "utf-8")
    (extracted / "docs" / "de" / "about.md").unlink()
    report = extract(config.load(extracted))
    assert (extracted / "locale" / "templates" / "reise" / "tag-eins.pot").exists()
    po = read_po(extracted / "locale" / "ru" / "LC_MESSAGES" / "reise" / "tag-eins.po")
    assert [e.msgid for e in po] == ["Erster Tag", "Wir fuhren los.", "Es regnete."]
    assert po[1].occurrences == [("docs/de/reise/tag-eins.md", "3")]
    orphans = {p.relative_to(extracted).as_posix() for p in report.orphans}
    assert orphans == {"locale/templates/about.pot", "locale/en/LC_MESSAGES/about.po",
                       "locale/ru/LC_MESSAGES/about.po"}  # fmt: skip
    assert all((extracted / name).exists() for name in orphans)


def test_leftovers_of_a_killed_run_are_removed(extracted: Path) -> None:
    leftover = extracted / "locale" / "templates" / f".{PAGE}.pot.k2j_x9q.tmp"
    leftover.write_text("half a catalogue", "utf-8")
    editor = extracted / "locale" / "en" / "LC_MESSAGES" / "notes.tmp"
    editor.write_text("not ours", "utf-8")
    extract(config.load(extracted), check=True)
    assert leftover.exists()  # a check changes nothing
    extract(config.load(extracted))
    assert not leftover.exists() and editor.exists()


def test_check_option_and_language_option(extracted: Path) -> None:
    done = _babelpress(extracted, "extract", "--check")
    assert done.returncode == 0, done.stderr
    _edit_sentence(extracted, SENTENCE, EDITED)
    before = _snapshot(extracted)
    done = _babelpress(extracted, "extract", "--check")
    assert done.returncode == 1
    assert "Some catalogs are out of date" in done.stderr
    assert f"out of date: locale/en/LC_MESSAGES/{PAGE}.po" in done.stdout
    assert _snapshot(extracted) == before
    done = _babelpress(extracted, "extract", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert f"wrote locale/en/LC_MESSAGES/{PAGE}.po" in done.stdout
    assert "ru/LC_MESSAGES" not in done.stdout
    assert _babelpress(extracted, "extract", "--lang", "xx").returncode == 2


BREAKERS = {
    "truncated": lambda data: data[: data.index(b'msgid "', len(data) // 2) + 12],
    "invalid-utf8": lambda data: data.replace("ä".encode(), b"\xe4", 1),
    "duplicate": lambda data: data + b"\n" + data.split(b"\n\n")[2] + b"\n",
    "bad-escape": lambda data: data.replace(b'msgstr ""', b'msgstr "\\q"', 1),
    "wrong-charset": lambda data: data.replace(b"charset=UTF-8", b"charset=KOI8-Q"),
}


@pytest.mark.parametrize("name", sorted(BREAKERS))
def test_malformed_catalogue_is_reported_and_left_alone(extracted: Path, name: str) -> None:
    broken = extracted / "locale" / "en" / "LC_MESSAGES" / f"{PAGE}.po"
    broken.write_bytes(BREAKERS[name](broken.read_bytes()))
    damaged = broken.read_bytes()
    _edit_sentence(extracted, SENTENCE, EDITED)
    done = _babelpress(extracted, "extract")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "error" in line]
    shown = broken.relative_to(extracted).as_posix()
    assert line.startswith(f"babelpress: error: {shown}:"), line
    assert re.search(re.escape(shown) + r":\d+: ", line), line
    assert broken.read_bytes() == damaged
    ru = extracted / "locale" / "ru" / "LC_MESSAGES" / f"{PAGE}.po"
    assert EDITED in ru.read_text("utf-8")
    # the state does not hide the damage: the next run reports it again
    assert _babelpress(extracted, "extract").returncode == 1


def test_latin1_catalogue_is_read_and_kept(extracted: Path) -> None:
    path = extracted / "locale" / "en" / "LC_MESSAGES" / f"{PAGE}.po"
    _fill(path, "Übersetzt: ")
    text = path.read_text("utf-8").replace("charset=UTF-8", "charset=ISO-8859-1")
    path.write_bytes(text.encode("iso-8859-1", errors="replace"))  # „“ become ?
    before = {e.msgid: e.msgstr for e in polib.pofile(str(path))}
    _edit_sentence(extracted, SENTENCE, EDITED)
    report = extract(config.load(extracted))
    assert report.ok, report.errors
    after = read_po(path)  # written back as UTF-8, translations intact
    assert after.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    kept = {e.msgid: e.msgstr for e in after if not e.fuzzy and not e.obsolete}
    assert kept and all(before[msgid] == msgstr for msgid, msgstr in kept.items())


@needs_gettext
def test_two_extracts_at_once_leave_valid_identical_catalogues(project: Path) -> None:
    for folder in ("templates", "en", "ru"):
        shutil.rmtree(project / "locale" / folder, ignore_errors=True)
    runs = [
        subprocess.Popen([sys.executable, "-m", "babelpress", "-C", str(project), "extract"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    results = [(p.wait(timeout=300), p.communicate()[1]) for p in runs]
    assert all(code == 0 for code, _ in results), results
    for path in _catalogues(project):
        assert_msgfmt_ok(path)
    first = {p.relative_to(project): p.read_bytes() for p in _catalogues(project)}
    assert extract(config.load(project)).written == []
    assert {p.relative_to(project): p.read_bytes() for p in _catalogues(project)} == first


def test_a_held_lock_makes_the_second_run_wait_then_fail(project: Path) -> None:
    settings = config.load(project)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from babelpress import config
            from babelpress.project import lock as catalogue_lock
            with catalogue_lock(config.load({str(project)!r})):
                print("held", flush=True)
                sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with (
            pytest.raises(LockError, match="another babelpress run") as caught,
            catalogue_lock(settings, timeout=0.3),
        ):
            pass
        assert caught.value.path == str(project / "locale" / ".babelpress.lock")
    finally:
        holder.communicate("", timeout=30)
    with catalogue_lock(settings, timeout=5):
        pass


def test_committed_catalogues_are_up_to_date(tmp_path: Path) -> None:
    """The repository's catalogues are what extract makes of docs/de, with the babel
    installed here: a fresh checkout's ``make site`` changes no tracked file."""
    repo = Path(__file__).resolve().parent.parent
    project = tmp_path / "repo"
    project.mkdir()
    shutil.copy(repo / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(repo / "docs/de", project / "docs/de")
    shutil.copytree(repo / "locale", project / "locale",
                    ignore=shutil.ignore_patterns(".*"))  # no caches, no skip state
    report = extract(config.load(project))
    assert report.ok and report.written == [], report.written

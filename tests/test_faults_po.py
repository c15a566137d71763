"""Broken catalogues through ``translate``, and a read-only ``locale/``.

``tests/test_pofile.py`` covers the reader on malformed input and ``tests/test_extract.py``
the extract path; this file covers the translate path end to end.  A project is
extracted and translated (loopback LibreTranslate server), a new German sentence is
extracted, then the English catalogue of that page is damaged the way files get
damaged: cut short, re-encoded behind the header's back, an entry pasted twice, a bad
escape.  ``babelpress translate`` (an empty entry waits in it) must then:

* exit non-zero with one error line naming the file and, for a syntax error, the line;
  no traceback;
* leave the damaged file byte for byte as it was, and every other catalogue valid.

A catalogue in Latin-1 that says so in its header is valid gettext: translate reads it
as such and garbles no translation in it.

With ``locale/`` read-only (see :func:`faults_support.read_only_command` for how, as
root), both commands fail with a clear message and nothing under ``locale/`` changes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from faults_support import (
    CHILD_ENV,
    babelpress,
    catalogue_bytes,
    every_file,
    make_project,
    msgfmt_problems,
    read_only,
    read_only_command,
)
from faults_support import command as babelpress_command
from libre_server import LibreServer

PAGE = "kasachstan-geht-auf-distanz-zu-russland"
PO = Path("locale") / "en" / "LC_MESSAGES" / f"{PAGE}.po"
NEW = "Ein ganz neuer Satz über Quittenmus und Gewitterwolken."


def add_sentence(root: Path, text: str) -> None:
    page = root / "docs" / "de" / f"{PAGE}.md"
    page.write_text(page.read_text("utf-8").rstrip("\n") + f"\n\n{text}\n", "utf-8")


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Extracted, translated, then one new German sentence extracted (left untranslated)."""
    root = make_project(tmp_path_factory.mktemp("po") / "project")
    assert babelpress(root, "extract").returncode == 0
    with LibreServer() as server:
        done = babelpress(root, "translate", "--provider", "libre", "--url", server.url)
        assert done.returncode == 0, done.stderr
    add_sentence(root, NEW)
    assert babelpress(root, "extract").returncode == 0
    assert f'msgid "{NEW}"' in (root / PO).read_text("utf-8")
    assert not msgfmt_problems(root)
    return root


def _cut_inside_a_string(data: bytes) -> bytes:
    at = data.index(b'\nmsgstr "', len(data) // 2)
    return data[: at + len(b'\nmsgstr "EN: Eine')]


def _invalid_utf8(data: bytes) -> bytes:
    at = data.index("ä".encode(), data.index(b"\nmsgstr "))
    return data[:at] + b"\xe4" + data[at + 2 :]


def _duplicate_entry(data: bytes) -> bytes:
    blocks = data.split(b"\n\n")
    return data + b"\n" + blocks[3] + b"\n"


def _bad_escape(data: bytes) -> bytes:
    return re.sub(rb'\nmsgstr "EN: ', b'\nmsgstr "EN: \\\\q \\\\', data, count=1)


def _quote_not_closed(data: bytes) -> bytes:
    return re.sub(rb'(\nmsgstr "EN: [^\n]*)"\n', rb"\1\\" + b'"\n', data, count=1)


def _keyword_missing(data: bytes) -> bytes:
    return data.replace(b'\nmsgstr "EN: ', b'\n"EN: ', 1)


def _carriage_returns(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r")  # read as one comment line, it would be empty


BREAKERS: dict[str, tuple[Callable[[bytes], bytes], bool]] = {
    # name: (damage, is a syntax error with a line number)
    "truncated": (_cut_inside_a_string, True),
    "invalid-utf8": (_invalid_utf8, False),
    "duplicate-entry": (_duplicate_entry, False),
    "bad-escape": (_bad_escape, True),
    "unterminated-string": (_quote_not_closed, True),
    "msgstr-keyword-missing": (_keyword_missing, True),
    "carriage-returns-alone": (_carriage_returns, True),
}


@pytest.fixture(params=BREAKERS, ids=BREAKERS)
def damaged(request: pytest.FixtureRequest, translated: Path, tmp_path: Path) -> tuple[Path, bool]:
    root = tmp_path / "project"
    shutil.copytree(translated, root)
    damage, syntax = BREAKERS[request.param]
    path = root / PO
    path.write_bytes(damage(path.read_bytes()))
    assert msgfmt_problems(root), "the damage should be visible to msgfmt"
    return root, syntax


def assert_clear_refusal(root: Path, done: object, syntax: bool, before: dict[str, bytes]) -> None:
    err = done.stderr  # type: ignore[attr-defined]
    assert done.returncode != 0, err  # type: ignore[attr-defined]
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if PO.name in line]
    assert lines, f"no error line names {PO.name}: {err!r}"
    if syntax:
        assert any(re.search(re.escape(PO.name) + r":\d+", line) for line in lines), err
    assert (root / PO).read_bytes() == before[str(PO)], "the damaged catalogue was rewritten"
    others = {k: v for k, v in catalogue_bytes(root).items() if k != str(PO)}
    assert not [p for p in msgfmt_problems(root) if not p.startswith(str(PO))], others.keys()


def test_translate_refuses_damaged_catalogue(damaged: tuple[Path, bool]) -> None:
    root, syntax = damaged
    before = catalogue_bytes(root)
    with LibreServer() as server:
        done = babelpress(root, "translate", "--provider", "libre", "--url", server.url)
    assert_clear_refusal(root, done, syntax, before)


def test_latin1_catalogue_keeps_its_translations(translated: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(translated, root)
    path = root / PO
    text = path.read_text("utf-8").replace("charset=UTF-8", "charset=ISO-8859-1")
    path.write_bytes(text.encode("iso-8859-1", errors="replace"))  # „“ become ?
    wanted = {e.msgid: e.msgstr for e in polib.pofile(str(path)) if e.msgstr}
    assert any("ä" in msgstr or "ü" in msgstr for msgstr in wanted.values())
    assert not msgfmt_problems(root)
    with LibreServer() as server:
        done = babelpress(root, "translate", "--provider", "libre", "--url", server.url)
    assert "Traceback" not in done.stderr
    after = polib.pofile(str(path))  # polib honours the charset the file declares
    if done.returncode != 0:
        assert PO.name in done.stderr
        assert path.read_bytes() == text.encode("iso-8859-1", errors="replace")
        return
    assert not msgfmt_problems(root)
    got = {e.msgid: e.msgstr for e in after if e.msgstr and not e.obsolete}
    assert got == {**wanted, NEW: f"EN: {NEW}"}


# ------------------------------------------------------------- read-only locale/
@pytest.mark.parametrize("folder", ["locale", "locale/en/LC_MESSAGES"])
@pytest.mark.parametrize("command", ["extract", "translate"])
def test_read_only_locale(translated: Path, tmp_path: Path, command: str, folder: str) -> None:
    """All of locale/ read-only (the lock cannot be taken), or one language's folder
    (the run fails at its first write): one clear line, nothing in the folder changed,
    every catalogue valid, and the same run succeeds once the folder is writable."""
    root = tmp_path / "project"
    shutil.copytree(translated, root)
    sentence = "Und noch ein Satz für den schreibgeschützten Fall."
    add_sentence(root, sentence)
    if command == "translate":  # an empty entry waits for a draft
        assert babelpress(root, "extract").returncode == 0
    frozen = root / folder
    before = every_file(frozen)
    with LibreServer() as server:
        args = ["extract"] if command == "extract" else [
            "translate", "--provider", "libre", "--url", server.url]
        cmd, mechanism = read_only_command(frozen, babelpress_command(root, *args))
        if mechanism == "none":
            pytest.skip("root, and neither a read-only bind mount nor chattr +i is possible")
        with read_only(frozen, mechanism):
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=CHILD_ENV)
        assert done.returncode != 0, f"{mechanism}: {done.stderr}"
        assert "Traceback" not in done.stderr, done.stderr
        assert re.search(r"locale/\S*: cannot (write|take the lock)", done.stderr), done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert every_file(frozen) == before
        assert not msgfmt_problems(root)
        again = babelpress(root, *args)
        assert again.returncode == 0, again.stderr
    text = (root / PO).read_text("utf-8")
    assert f'msgid "{sentence}"' in text
    if command == "translate":
        assert f'msgstr "EN: {sentence}"' in text

"""``babelpress translate`` end to end: output, exit codes, secrets, and a kill -9 mid-run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from babelpress.cli import run
from babelpress.translate.answer_cache import AnswerCache
from libre_server import LibreServer, closed_port
from translate_project import DISTINCT, entries, make_project, msgfmt_check, po_files, snapshot

SECRET = "lt-9d2f7b1c-PLANTED-KEY"


@pytest.fixture
def server():
    with LibreServer(lifetime=60) as srv:
        yield srv


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LIBRE_API_KEY", SECRET)
    return SECRET


def translate(root: Path, *options: str) -> int:
    return run(["-C", str(root), "translate", *options])


def assert_no_secret(root: Path, *outputs: str) -> None:
    for text in outputs:
        assert SECRET not in text
    for name, data in snapshot(root).items():
        assert SECRET.encode() not in data, name


def test_translate_with_a_key_from_the_environment(tmp_path: Path, server, keyed, capsys) -> None:
    root = make_project(tmp_path / "p")
    server.require_key = keyed
    assert translate(root, "--provider", "libre", "--url", server.url) == 0
    out, err = capsys.readouterr()
    chars = sum(len(t) for t in server.texts[:DISTINCT])
    assert out.splitlines() == [
        f"en (libre): {DISTINCT} segments sent ({chars:,} characters), 0 from the translation "
        f"memory; {DISTINCT + 1} drafts written, 0 flagged",
        f"ru (libre): {DISTINCT} segments sent ({sum(len(t) for t in server.texts[DISTINCT:]):,}"
        f" characters), 0 from the translation memory; {DISTINCT + 1} drafts written, 0 flagged",
    ]
    assert err == ""
    assert set(server.keys_seen) == {keyed}
    assert_no_secret(root, out, err)
    for path in po_files(root):
        msgfmt_check(path)


def test_bad_key_is_one_line_without_the_key(tmp_path: Path, server, keyed, capsys) -> None:
    root = make_project(tmp_path / "p")
    before = snapshot(root)
    server.require_key = "another-key"  # the server echoes the key it got in its error
    assert translate(root, "--provider", "libre", "--url", server.url) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "babelpress: error: libre refused the API key: HTTP 403: Invalid API key: *** "
        "(check LIBRE_API_KEY); nothing was changed\n"
    )
    assert snapshot(root) == before
    assert_no_secret(root, out, err)


def test_unreachable_google_says_so_and_changes_nothing(tmp_path: Path, capsys) -> None:
    root = make_project(tmp_path / "p")
    before = snapshot(root)
    url = f"http://127.0.0.1:{closed_port()}/"
    assert translate(root, "--url", url) == 1  # google is the default provider
    err = capsys.readouterr().err
    assert err.startswith("babelpress: error: could not reach google: connection refused")
    assert err.endswith("; nothing was changed\n") and err.count("\n") == 1
    assert snapshot(root) == before


def test_dry_run_lists_what_would_be_sent(tmp_path: Path, server, capsys) -> None:
    root = make_project(tmp_path / "p")
    before = snapshot(root)
    code = translate(root, "--provider", "libre", "--url", server.url, "--dry-run", "--lang", "en")
    assert code == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"en (libre): would send {DISTINCT} segments (")
    assert "  Präsident {1}Toqaev{2} traf {3}Putin{4} in Sotschi." in out
    assert server.requests == 0 and snapshot(root) == before


def test_limit_and_languages(tmp_path: Path, server, capsys) -> None:
    root = make_project(tmp_path / "p")
    args = ("--provider", "libre", "--url", server.url)
    assert translate(root, *args, "--lang", "ru", "--limit", "2") == 0
    out = capsys.readouterr().out
    assert out.startswith("ru (libre): 2 segments sent")
    assert f"{DISTINCT - 2} segments left for a later run (--limit)" in out
    assert server.requests == 2
    assert translate(root, *args, "--lang", "fr") == 2
    assert capsys.readouterr().err == (
        "babelpress: error: unknown language(s) fr; configured: en, ru\n"
    )
    with pytest.raises(SystemExit):
        translate(root, *args, "--limit", "-1")


def test_kill_9_mid_run_leaves_valid_catalogues(tmp_path: Path, server) -> None:
    total = DISTINCT + 40
    root = make_project(tmp_path / "p", batch_chars=100, extra=40)
    server.delay = 0.02
    env = dict(os.environ, LIBRE_API_KEY=SECRET)
    command = [sys.executable, "-m", "babelpress", "-C", str(root), "translate"]
    command += ["--provider", "libre", "--url", server.url, "--lang", "en"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while server.requests < 20 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.kill()  # SIGKILL: no cleanup runs
    out, err = process.communicate(timeout=10)
    answered = server.requests
    assert process.returncode == -9 and 20 <= answered < total
    for path in po_files(root):
        msgfmt_check(path)
    drafts = len({e.msgid for p in po_files(root) for e in entries(p).values() if e.tcomment})
    # the answers of completed batches (2 texts each) are in the memory's journal, flushed
    # after each batch; the catalogues whose drafts were complete are written
    journal = root / "locale/mt-cache/libre/.de-en.json.journal"
    assert journal.exists() and not journal.with_name("de-en.json").exists()
    remembered = len(AnswerCache(root / "locale", "libre", "de", "en"))
    assert remembered >= answered - 3
    assert remembered >= drafts
    server.delay = 0
    assert translate(root, "--provider", "libre", "--url", server.url, "--lang", "en") == 0
    assert server.requests - answered == total - remembered  # nothing remembered is resent
    assert not journal.exists()  # folded into the memory file
    memory = json.loads(journal.with_name("de-en.json").read_text(encoding="utf-8"))
    assert len(memory["entries"]) == total
    assert all(e.msgstr for p in po_files(root) if "/en/" in str(p) for e in entries(p).values())
    assert_no_secret(root, out.decode(), err.decode())

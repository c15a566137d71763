"""Lone surrogates and control characters from a provider: refused per text, never a crash.

A LibreTranslate-compatible server on 127.0.0.1 (through deep-translator's real
client) answers some texts with a lone surrogate -- JSON's ``\\ud800`` escape,
which decodes to a string UTF-8 cannot hold -- or a control character.  Those
answers are refused one by one with a message naming the German text; the others
become drafts; the catalogues pass ``msgfmt --check``; the MT cache is valid and
no journal is left; and the next run works -- also from a cache and a journal
that an older version left with such answers in them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from babelpress.cli import run
from babelpress.translate.answer_cache import AnswerCache, cache_path, journal_path
from babelpress.translate.answers import refusal
from libre_server import LibreServer
from translate_project import entries, make_project, msgfmt_check, po_files

BAD = ["\ud800", "\udfff", "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\x9b"]
HIT = "Am 9. Mai 2022 sagte Peskow"


def _translate(root: Path, server: LibreServer) -> int:
    return run(["-C", str(root), "translate", "--provider", "libre", "--url", server.url,
                "--lang", "en"])  # fmt: skip


@pytest.mark.parametrize("bad", BAD, ids=[f"U+{ord(c[0]):04X}" for c in BAD])
def test_a_broken_answer_is_refused_and_the_next_run_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    root = make_project(tmp_path / "p")
    with LibreServer() as server:
        server.translate = lambda text, source, target: (
            f"Peskow {bad} said" if HIT in text else f"{target}: {text}"
        )
        assert _translate(root, server) == 1
        out, err = capsys.readouterr()
        assert f"answer refused for '{HIT}" in err
        assert "the answer holds" in err and f"U+{ord(bad[0]):04X}" in err
        assert "Traceback" not in out + err
        cache = cache_path(root / "locale", "libre", "de", "en")
        assert not journal_path(cache).exists()
        answers = json.loads(cache.read_text(encoding="utf-8"))["entries"]
        assert answers and all(bad not in answer for answer in answers.values())
        for path in po_files(root):
            msgfmt_check(path)
        drafted = entries(root / "locale/en/LC_MESSAGES/b.po")
        assert next(e for k, e in drafted.items() if HIT in k).msgstr == ""
        assert sum(bool(e.msgstr) for e in drafted.values()) >= 1
        # the next run sends the refused text again, and nothing else
        server.translate = lambda text, source, target: f"{target}: {text}"
        before = server.requests
        assert _translate(root, server) == 0
        assert server.requests == before + 1
    drafted = entries(root / "locale/en/LC_MESSAGES/b.po")
    assert next(e for k, e in drafted.items() if HIT in k).msgstr.startswith("en: Am 9. Mai")


def test_a_cache_and_journal_holding_lone_surrogates_do_not_break_a_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "p")
    cache = cache_path(root / "locale", "libre", "de", "en")
    cache.parent.mkdir(parents=True)
    good = {"Kasachstan und die OVKS": "Kazakhstan and the CSTO"}
    data = {"entries": {**good, "Ein Satz, den ein Mensch übersetzt hat.": "A \ud83d half emoji"},
            "provider": "libre", "source": "de", "target": "en", "version": 1}  # fmt: skip
    cache.write_text(json.dumps(data), encoding="ascii")  # \ud83d as JSON writes it
    journal_path(cache).write_text(
        json.dumps(["Am 9. Mai 2022 sagte Peskow: «Alles normal».", "x \udc00 y"]) + "\n"
        + json.dumps(["Ein obsoleter Satz.", "An obsolete sentence."]) + "\n"
        + '["cut short by a ki',
        encoding="ascii",
    )  # fmt: skip
    memory = AnswerCache(root / "locale", "libre", "de", "en")
    assert memory.get("Kasachstan und die OVKS") == "Kazakhstan and the CSTO"
    assert memory.get("Ein obsoleter Satz.") == "An obsolete sentence."
    assert memory.get("Ein Satz, den ein Mensch übersetzt hat.") is None
    with LibreServer() as server:
        assert _translate(root, server) == 0
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    saved = json.loads(cache.read_text(encoding="utf-8"))["entries"]
    assert saved["Kasachstan und die OVKS"] == "Kazakhstan and the CSTO"
    assert all("\ud83d" not in v and "\udc00" not in v for v in saved.values())
    assert not journal_path(cache).exists()
    for path in po_files(root):
        msgfmt_check(path)


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("fine\ttext\nover two lines", None),
        ("Ünïcödé – “quotes” and 😀 emoji", None),
        ("x\ud800", "the answer holds a lone surrogate (U+D800), which is not text"),
        ("x\x0by", "the answer holds the control character U+000B"),
        ("x\ry", "the answer holds the control character U+000D"),
    ],
)
def test_refusal_of_what_is_not_text(answer: str, reason: str | None) -> None:
    assert refusal(answer) == reason

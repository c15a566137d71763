"""API keys: no part of one in any message, and an answer holding one is never written.

Through deep-translator's real LibreTranslate client and a server on 127.0.0.1:

* a server that echoes the key in its error body, with text before it that puts
  the key across every length at which a message or the kept body is cut short:
  the message shows no piece of the key;
* a server that echoes a configured key (its own, URL-encoded, or another
  provider's) inside ``translatedText``, or an MT cache that holds such an answer:
  the answer is refused and reported, and the key is in no catalogue, cache or
  journal (pages are rendered from the catalogues).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from babelpress.cli import run
from libre_server import LibreServer
from translate_project import make_project, msgfmt_check, po_files, snapshot

KEY = "lt-9d2f7b1c-4e5a-8f60-PLANTED-KEY-0123456789"
OTHER = "deepl-7c1e0b9a-PLANTED:fx"


def _pieces(secret: str, size: int = 6) -> set[str]:
    return {secret[i : i + size] for i in range(len(secret) - size + 1)}


def _assert_nowhere(root: Path, secret: str, *outputs: str) -> None:
    for text in outputs:
        assert not any(piece in text for piece in _pieces(secret)), text
    for name, data in snapshot(root).items():
        assert secret.encode() not in data, name
        assert quote(secret, safe="").encode() not in data, name


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LIBRE_API_KEY", KEY)
    monkeypatch.setenv("DEEPL_API_KEY", OTHER)
    return KEY


@pytest.mark.parametrize("padding", [0, 120, 150, 165, 180, 195, 460, 470, 485, 3990])
@pytest.mark.parametrize("failure", ["auth", "rejected"])
def test_no_piece_of_a_key_in_a_message_cut_short(
    tmp_path: Path, keyed: str, capsys: pytest.CaptureFixture[str], padding: int, failure: str
) -> None:
    root = make_project(tmp_path / "p")
    with LibreServer() as server:
        server.error_detail = "x" * padding
        if failure == "auth":
            server.require_key = "a-key-that-is-not-the-one-sent"
        else:
            server.fail_always = 400
        code = run(["-C", str(root), "translate", "--provider", "libre", "--url", server.url])
    out, err = capsys.readouterr()
    assert code == 1
    assert "libre" in err and ("refused the API key" in err or "rejected the request" in err)
    _assert_nowhere(root, keyed, out, err)


@pytest.mark.parametrize(
    "echo",
    [
        lambda text: f"{text} {KEY}",
        lambda text: f"{text} ?key={quote(KEY, safe='')}",
        lambda text: f"{text} ({OTHER})",
    ],
    ids=["own key", "url-encoded", "another provider's key"],
)
def test_an_answer_holding_a_key_is_refused_and_written_nowhere(
    tmp_path: Path, keyed: str, capsys: pytest.CaptureFixture[str], echo: object
) -> None:
    root = make_project(tmp_path / "p")
    with LibreServer() as server:
        server.require_key = keyed
        sentences = {"Ein Satz, den ein Mensch übersetzt hat.", "Am 9. Mai 2022 sagte Peskow"}
        server.translate = lambda text, source, target: (
            echo(text) if any(s in text for s in sentences) else f"{target}: {text}"  # type: ignore[operator]
        )
        code = run(["-C", str(root), "translate", "--provider", "libre", "--url", server.url])
        out, err = capsys.readouterr()
        again = run(["-C", str(root), "translate", "--provider", "libre", "--url", server.url])
        out2, err2 = capsys.readouterr()
    assert code == 1 and again == 1
    assert "answer refused for 'Am 9. Mai 2022 sagte Peskow" in err
    assert "the answer contains a configured API key; no draft written" in err
    assert "drafts written" in out  # the other texts were drafted
    _assert_nowhere(root, KEY, out, err, out2, err2)
    _assert_nowhere(root, OTHER, out, err, out2, err2)
    for path in po_files(root):
        msgfmt_check(path)


def test_a_cached_answer_holding_a_key_is_not_drafted(
    tmp_path: Path, keyed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from babelpress.translate.answer_cache import AnswerCache
    from babelpress.translate.batches import _unit

    root = make_project(tmp_path / "p")
    cache = AnswerCache(root / "locale", "libre", "de", "en")
    cache.put(_unit("Am 9. Mai 2022 sagte Peskow: «Alles normal».").core, f"Peskow said {KEY}")
    cache.save()
    with LibreServer() as server:
        code = run(["-C", str(root), "translate", "--provider", "libre", "--url", server.url,
                    "--lang", "en"])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 1
    assert "answer refused for 'Am 9. Mai 2022" in err
    for path in (root / "locale" / "en").rglob("*.po"):
        assert KEY not in path.read_text(encoding="utf-8")


def test_refusal_and_secret_forms() -> None:
    from babelpress.translate.answers import contains_secret, refusal

    assert contains_secret(f"a {KEY} b", [KEY])
    assert contains_secret(f"a {quote(KEY, safe='')} b", [KEY])
    assert not contains_secret("a b", [KEY, "abc"])
    assert not contains_secret("abc", ["abc"])  # too short to be told from text
    assert refusal(f"x {OTHER}", [KEY, OTHER]) == "the answer contains a configured API key"
    assert refusal("A plain answer.", [KEY]) is None
    assert json.dumps(refusal("ok")) == "null"

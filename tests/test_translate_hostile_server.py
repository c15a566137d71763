"""A provider's server that redirects, drips or floods gets nothing and keeps nothing.

The real deep-translator client talks to small servers on 127.0.0.1 that misbehave
on purpose: the key never leaves for the host a redirect names, an answer that
arrives too slowly or is too large is refused, and the run says why in one line.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from babelpress.errors import ProviderError
from babelpress.translate.answers import MAX_GROWTH, SLACK, refusal
from babelpress.translate.providers import make_provider
from babelpress.translate.retry import RetryPolicy

KEY = "sk-live-hostile-0123456789"


@contextmanager
def serving(answer: Callable[[BaseHTTPRequestHandler], None]) -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that answers every POST with *answer*; the bodies it got."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen.append(self.rfile.read(length).decode("utf-8", "replace"))
            answer(self)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", seen
    finally:
        server.shutdown()
        server.server_close()


def _libre(url: str, timeout: float = 5.0):
    policy = RetryPolicy(attempts=1, sleep=lambda seconds: None, random=lambda: 0.5)
    return make_provider(
        "libre", url=url, environ={"LIBRE_API_KEY": KEY}, retry=policy, timeout=timeout
    )


def _json(handler: BaseHTTPRequestHandler, data: bytes, status: int = 200) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def test_a_redirect_is_not_followed_and_the_key_stays_home() -> None:
    good = json.dumps({"translatedText": "from elsewhere"}).encode()
    with serving(lambda h: _json(h, good)) as (elsewhere, taken):

        def redirect(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(307)
            handler.send_header("Location", f"{elsewhere}translate")
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        with (
            serving(redirect) as (url, asked),
            pytest.raises(ProviderError, match="redirect, not followed") as caught,
        ):
            list(_libre(url).translate(["Ein Satz."], "en"))
    assert len(asked) == 1 and KEY in asked[0]
    assert taken == []  # the other host never saw the request, nor the key
    assert KEY not in str(caught.value)


def _dripping(body: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
    """An answer that sends *body* one byte every quarter of a second."""

    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        try:
            for byte in body:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                time.sleep(0.25)  # each read arrives within the timeout, the whole never
        except OSError:
            pass  # the client gave up, as it should

    return drip


def test_an_answer_dripping_in_is_cut_at_the_timeout() -> None:
    drip = _dripping(json.dumps({"translatedText": "slow"}).encode())
    # every byte comes within the timeout, so only a deadline on the whole answer fails
    # this request: without one, the answer would be taken once it had dripped in
    with (
        serving(drip) as (url, _),
        pytest.raises(ProviderError, match="no answer within 1 s"),
    ):
        list(_libre(url, timeout=1.0).translate(["Ein Satz."], "en"))


def test_an_answer_of_megabytes_is_not_read() -> None:
    flood = json.dumps({"translatedText": "x" * 3_000_000}).encode()
    with (
        serving(lambda h: _json(h, flood)) as (url, _),
        pytest.raises(ProviderError, match="longer than 2 MB"),
    ):
        list(_libre(url).translate(["Ein Satz."], "en"))


@pytest.mark.parametrize(
    "answer",
    [
        "A \u202esentence\u202c.",
        "\ufeffA sentence.",
        "A sentence.\ufffe",
        "A \u2066sen\u2069tence.",
    ],
)
def test_invisible_controls_in_an_answer_are_refused(answer: str) -> None:
    assert refusal(answer, (), "Ein Satz.") is not None


def test_an_answer_far_longer_than_its_german_is_refused() -> None:
    german = "Ein Satz von zweiundzwanzig."
    assert refusal("x" * (MAX_GROWTH * len(german) + SLACK), (), german) is None
    assert "characters long" in (refusal("x" * 3_000_000, (), german) or "")


def _deepl(url: str, timeout: float = 5.0):
    policy = RetryPolicy(attempts=1, sleep=lambda seconds: None, random=lambda: 0.5)
    return make_provider(
        "deepl", url=url, environ={"DEEPL_API_KEY": KEY}, retry=policy, timeout=timeout
    )


def _deepl_answer(text: object) -> bytes:
    translation = {"detected_source_language": "DE", "text": text, "billed_characters": 9}
    return json.dumps({"translations": [translation]}).encode()


def test_the_official_deepl_client_is_bounded_as_the_others_are() -> None:
    """The ``deepl`` package makes its own requests: they follow no redirect, read no
    answer of megabytes, wait for no answer dripping in, and take no text that is none."""
    with serving(lambda h: _json(h, _deepl_answer("from elsewhere"))) as (elsewhere, taken):

        def redirect(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(307)
            handler.send_header("Location", f"{elsewhere}v2/translate")
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        with serving(redirect) as (url, asked), pytest.raises(ProviderError):
            list(_deepl(url).translate(["Ein Satz."], "en"))
    assert len(asked) == 1 and taken == []
    flood = _deepl_answer("x" * 3_000_000)
    with (
        serving(lambda h: _json(h, flood)) as (url, _),
        pytest.raises(ProviderError, match="longer than 2 MB"),
    ):
        list(_deepl(url).translate(["Ein Satz."], "en"))
    for text in (5, None, ["a"]):
        with (
            serving(lambda h, t=text: _json(h, _deepl_answer(t))) as (url, _),
            pytest.raises(ProviderError, match="no text"),
        ):
            list(_deepl(url).translate(["Ein Satz."], "en"))


def test_a_deepl_answer_dripping_in_is_cut_at_the_timeout() -> None:
    with (
        serving(_dripping(_deepl_answer("slow"))) as (url, _),
        pytest.raises(ProviderError, match="no answer within 1 s"),
    ):
        list(_deepl(url, timeout=1.0).translate(["Ein Satz."], "en"))

"""A LibreTranslate-compatible HTTP server on 127.0.0.1 for tests, with scripted misbehaviour.

Implements ``POST /translate`` (``q`` as a string or a list; ``source``, ``target``,
``format``, ``api_key`` from the query string, a form or a JSON body) and
``GET /languages``; also DeepL's ``POST /v2/translate`` (JSON ``text`` list, key in the
``Authorization: DeepL-Auth-Key`` header), so the official ``deepl`` client can be
driven too.  The fake translation is deterministic: ``"<TARGET>: " + text``
(tokens such as ``{1}`` pass through unchanged).

Behaviours, set as attributes (each bounded, all thread-safe enough for tests):

* ``fail_statuses``: a list of statuses answered (and consumed) before succeeding,
  e.g. ``[429, 429]``; ``fail_always``: a status answered to every request, or only
  from request number ``fail_from + 1`` on when ``fail_from`` is set;
* ``retry_after``: value of the ``Retry-After`` header on 429 answers;
* ``delay``: seconds to wait before answering (at most 5) -- for timeouts;
  ``delays``: a list of such waits consumed one per request before ``delay`` applies;
* ``malformed``: answer ``200`` with a body that is not JSON;
* ``mangle``: a function applied to each translation (e.g. drop a token);
* ``require_key``: answer 403 unless ``api_key`` equals it; the error body echoes
  the key it got, as careless servers do; ``error_detail`` goes before the text of
  every error body (to move the echoed key to where a message is cut);
* ``translate``: replace the fake translation function ``(text, source, target) -> str``
  (an answer with a lone surrogate goes out as JSON's ``\\ud800`` escape, as a broken
  server would send it).

Counters: ``requests`` (translate calls), ``chars`` (characters received), ``texts``
(every text received, in order), ``batches`` (the texts of each request), ``paths``
(request paths with their query strings, as an access log shows them).  The server
stops itself after ``lifetime`` seconds or ``max_requests`` requests; use it as a
context manager.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

LANGUAGES = [
    {"code": code, "name": name, "targets": ["de", "en", "ru"]}
    for code, name in (("de", "German"), ("en", "English"), ("ru", "Russian"))
]


def fake_translation(text: str, source: str, target: str) -> str:
    return f"{target.upper()}: {text}"


class LibreServer:
    """Start with ``with LibreServer() as server:``; ``server.url`` ends with ``/``."""

    def __init__(self, *, lifetime: float = 60.0, max_requests: int = 5000) -> None:
        self.fail_statuses: list[int] = []
        self.fail_always: int | None = None
        self.fail_from: int | None = None
        self.retry_after: str | None = None
        self.delay = 0.0
        self.delays: list[float] = []
        self.malformed = False
        self.mangle: Callable[[str], str] | None = None
        self.require_key: str | None = None
        self.error_detail = ""
        self.translate: Callable[[str, str, str], str] = fake_translation
        self.requests = 0
        self.chars = 0
        self.texts: list[str] = []
        self.batches: list[list[str]] = []
        self.paths: list[str] = []
        self.keys_seen: list[str] = []
        self.lifetime = lifetime
        self.max_requests = max_requests
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self) -> LibreServer:
        self._thread.start()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        self._httpd.serve_forever(poll_interval=0.05)

    def stop(self) -> None:
        self._timer.cancel()
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()

    # ------------------------------------------------------------- behaviour
    def answer(self, params: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one /translate request."""
        with self._lock:
            self.requests += 1
            if self.requests > self.max_requests:
                return 503, {}, b'{"error": "request budget of the test server used up"}'
            queries = params.get("q", "")
            texts = queries if isinstance(queries, list) else [queries]
            self.chars += sum(len(t) for t in texts)
            self.texts.extend(texts)
            self.batches.append(list(texts))
            key = str(params.get("api_key", ""))
            self.keys_seen.append(key)
            status = self.fail_statuses.pop(0) if self.fail_statuses else self.fail_always
            if self.fail_from is not None and self.requests <= self.fail_from:
                status = None
            delay = self.delays.pop(0) if self.delays else self.delay
        if delay:
            time.sleep(min(delay, 5.0))
        if self.require_key is not None and key != self.require_key:
            return 403, {}, _json({"error": f"{self.error_detail}Invalid API key: {key}"})
        if status is not None:
            headers = {}
            if status == 429 and self.retry_after:
                headers["Retry-After"] = self.retry_after
            detail = f"{self.error_detail}scripted failure {status} for key {key}"
            return status, headers, _json({"error": detail})
        if self.malformed:
            return 200, {}, b"<html>this is not json"
        source, target = str(params.get("source", "")), str(params.get("target", ""))
        out = [self.translate(t, source, target) for t in texts]
        if self.mangle is not None:
            out = [self.mangle(t) for t in out]
        if params.get("deepl"):
            translations = [
                {"detected_source_language": "DE", "text": t, "billed_characters": len(q)}
                for t, q in zip(out, texts, strict=True)
            ]
            return 200, {}, _json({"translations": translations})
        return 200, {}, _json({"translatedText": out if isinstance(queries, list) else out[0]})


def _json(data: object) -> bytes:
    try:
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: only JSON's \ud800 escape can carry it
        return json.dumps(data).encode("ascii")


def _handler(server: LibreServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            if urlsplit(self.path).path.rstrip("/") == "/languages":
                self._send(200, {}, _json(LANGUAGES))
            else:
                self._send(404, {}, b'{"error": "not found"}')

        def do_POST(self) -> None:
            server.paths.append(self.path)
            path = urlsplit(self.path).path.rstrip("/")
            if path == "/translate":
                self._send(*server.answer(self._params()))
            elif path == "/v2/translate":
                self._send(*server.answer(self._deepl_params()))
            else:
                self._send(404, {}, b'{"error": "not found"}')

        def _deepl_params(self) -> dict[str, Any]:
            body = self._params()
            auth = self.headers.get("Authorization") or ""
            return {
                "q": list(body.get("text") or []),
                "source": str(body.get("source_lang", "")).lower(),
                "target": str(body.get("target_lang", "")).lower(),
                "api_key": auth.removeprefix("DeepL-Auth-Key "),
                "deepl": True,
            }

        def _params(self) -> dict[str, Any]:
            query = parse_qs(urlsplit(self.path).query)
            params: dict[str, Any] = {k: v[0] for k, v in query.items()}
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8") if length else ""
            if body and "json" in (self.headers.get("Content-Type") or ""):
                params.update(json.loads(body))
            elif body:
                for key, values in parse_qs(body).items():
                    params[key] = values if key == "q" and len(values) > 1 else values[0]
            return params

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout tests)

    return Handler


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

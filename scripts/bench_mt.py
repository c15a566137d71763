"""Machine-translation cost of the benchmark corpus, counted where texts leave babelpress.

Two ways to count, chosen with ``bench.py --mt``:

* ``pseudo`` (default): :class:`CountingPseudo`, the offline ``pseudo`` provider handed
  to ``translate_catalogues`` as a provider object, records every text it is given --
  the provider boundary, no network, fast enough for thousands of articles;
* ``libre``: deep-translator's LibreTranslate client against :class:`CountingServer`
  on 127.0.0.1, which records what arrives over HTTP (one request per text, so about
  7 ms per segment on a 2-core machine).

:class:`CountingServer` speaks enough of LibreTranslate's API (``POST /translate``
with ``q``, ``source``, ``target``, ``api_key`` as query, form or JSON; ``q`` a
string or a list) for deep-translator's ``LibreTranslator``, answers every text
with a marked copy of itself and records what it received per target language.
:func:`measure` runs ``translate`` twice against it and compares what it received
with the distinct untranslated msgids of the catalogues (what an ideal client sends:
each distinct segment once per language).  Markup is replaced by tokens before
sending, so the characters received are compared with the protected form of those
msgids (``mt_chars_unique_protected``); ``mt_chars_unique`` counts them as they stand.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


class _Handler(BaseHTTPRequestHandler):
    server: CountingServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            k: v[0] if len(v) == 1 else v for k, v in parse_qs(urlsplit(self.path).query).items()
        }
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if body and "json" in (self.headers.get("Content-Type") or ""):
            fields.update(json.loads(body))
        elif body:
            fields.update({k: v[0] if len(v) == 1 else v for k, v in
                           parse_qs(body.decode("utf-8")).items()})
        return fields

    def do_POST(self) -> None:
        if not urlsplit(self.path).path.rstrip("/").endswith("translate"):
            self.send_error(404)
            return
        fields = self._fields()
        texts = fields.get("q", "")
        target = str(fields.get("target", "?"))
        batch = texts if isinstance(texts, list) else [texts]
        self.server.record(target, batch)
        out = [f"⟦{target}⟧ {text}" for text in batch]
        payload = {"translatedText": out if isinstance(texts, list) else out[0]}
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        data = json.dumps([{"code": c, "name": c} for c in ("de", "en", "ru")]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class CountingServer(ThreadingHTTPServer):
    """A LibreTranslate stand-in on 127.0.0.1 that counts what it is sent."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.received: dict[str, list[str]] = defaultdict(list)
        self.requests = 0
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def record(self, target: str, texts: list[str]) -> None:
        with self.lock:
            self.requests += 1
            self.received[target].extend(texts)

    def reset(self) -> None:
        with self.lock:
            self.received = defaultdict(list)
            self.requests = 0

    def __enter__(self) -> CountingServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


def _texts_to_draft(entry: Any) -> tuple[str, ...]:
    """The German texts ``translate`` sends for *entry*: none, its msgid (and msgid_plural)."""
    from babelpress.translate.batches import needs_draft, sources

    return sources(entry) if needs_draft(entry) else ()


def catalogue_stats(settings: Any) -> dict[str, Any]:
    """Entries of the catalogues, and the distinct untranslated msgids per language."""
    import polib

    from babelpress.translate.protect import protect

    stats: dict[str, Any] = {"templates": 0, "template_entries": 0, "untranslated": {}}
    distinct: set[str] = set()
    for pot in settings.templates_path.glob("*.pot"):
        entries = polib.pofile(str(pot))
        stats["templates"] += 1
        stats["template_entries"] += len(entries)
        distinct.update(e.msgid for e in entries)
    stats["distinct_msgids"] = len(distinct)
    for language in settings.languages:
        missing: set[str] = set()
        for path in (settings.locale_path / language / "LC_MESSAGES").glob("*.po"):
            missing.update(t for e in polib.pofile(str(path)) for t in _texts_to_draft(e))
        stats["untranslated"][language] = {
            "segments": len(missing),
            "chars": sum(len(m) for m in missing),
            "protected_chars": sum(len(protect(m).text.strip()) for m in missing),
        }
    return stats


def _twice(settings: Any, counter: Any, **how: Any) -> list[tuple[float, dict[str, int]]]:
    from babelpress.translate.prefill import translate_catalogues

    runs = []
    for _ in range(2):
        counter.reset()
        start = time.perf_counter()
        translate_catalogues(settings, progress=False, **how)
        runs.append((time.perf_counter() - start, _sent(counter)))
    return runs


def _sent(server: Any) -> dict[str, int]:
    texts = [t for batch in server.received.values() for t in batch]
    repeated = sum(
        count - 1 for batch in server.received.values() for count in Counter(batch).values()
    )
    return {"segments": len(texts), "chars": sum(len(t) for t in texts),
            "repeated": repeated, "requests": server.requests}


def counting_pseudo() -> Any:
    """The ``pseudo`` provider, recording what it is asked to translate (see module doc)."""
    from babelpress.translate.providers import PseudoProvider

    class CountingPseudo(PseudoProvider):
        def __init__(self) -> None:
            super().__init__()
            self.received: dict[str, list[str]] = defaultdict(list)
            self.requests = 0

        def translate(self, texts: Sequence[str], target: str) -> Iterator[str]:
            self.requests += 1
            self.received[target].extend(texts)
            return super().translate(texts, target)

        def reset(self) -> None:
            self.received = defaultdict(list)
            self.requests = 0

    return CountingPseudo()


def measure(settings: Any, how: str = "pseudo") -> dict[str, Any]:
    """Translate twice, counting what is sent; the MT figures of the benchmark."""
    before = catalogue_stats(settings)["untranslated"]
    if how == "libre":
        with CountingServer() as server:
            os.environ.setdefault("LIBRE_API_KEY", "benchmark")
            runs = _twice(settings, server, provider="libre", url=server.url)
        label = "libre (deep-translator client, loopback counting server)"
    else:
        counter = counting_pseudo()
        runs = _twice(settings, counter, provider=counter)
        label = "pseudo (counted at the provider boundary)"
    (first_s, first), (rerun_s, rerun) = runs
    return {
        "mt_provider": label,
        "mt_segments_unique": sum(v["segments"] for v in before.values()),
        "mt_chars_unique": sum(v["chars"] for v in before.values()),
        "mt_chars_unique_protected": sum(v["protected_chars"] for v in before.values()),
        "mt_segments_sent": first["segments"],
        "mt_chars_sent": first["chars"],
        "mt_requests": first["requests"],
        "mt_duplicate_requests": first["repeated"],
        "mt_first_s": round(first_s, 3),
        "mt_rerun_chars_sent": rerun["chars"],
        "mt_rerun_requests": rerun["requests"],
        "mt_rerun_s": round(rerun_s, 3),
    }

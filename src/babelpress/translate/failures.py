"""What went wrong in a provider call, in a user's words, without secrets.

:class:`Transport` stands in for the ``requests`` module inside one deep-translator
engine module while a call runs: every request gets a timeout (deep-translator
sets none), and the status, ``Retry-After`` and error body of the last answer, or
the network error, are recorded -- deep-translator's own exceptions lose them.
The error body is scrubbed of the secrets before it is kept, and every text is
scrubbed before it is cut short, so no part of a key survives a cut.
:func:`classify` and :func:`classify_deepl` turn any exception into a
:class:`~babelpress.translate.retry.Failure` whose detail was scrubbed of *secrets*.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from typing import Any

import requests

from babelpress.translate.retry import Failure, scrub


class Transport:
    """``requests`` with a timeout, remembering the last answer or network error.

    With *form_body*, a POST's query parameters travel as a form body instead, so
    an API key is not part of the URL (nor of proxy and server logs, nor of the
    error texts of ``requests``).

    What a server can make of a request is bounded: a redirect is not followed (a 307
    would send the form body, key included, to whatever host it names); an answer
    longer than :data:`MAX_ANSWER_BYTES` is refused, not read to its end; and the
    whole answer must arrive within the timeout (``requests`` applies it to each
    read, so a server sending one byte every few seconds would hold a run for ever).
    """

    def __init__(
        self, timeout: float, *, form_body: bool = False, secrets: Iterable[str] = ()
    ) -> None:
        self.timeout = timeout
        self.form_body = form_body
        self.secrets = tuple(secrets)
        self.status: int | None = None
        self.retry_after: float | None = None
        self.body = ""
        self.error: Exception | None = None

    def get(self, url: str, **options: Any) -> requests.Response:
        return self._request("GET", url, options)

    def post(self, url: str, **options: Any) -> requests.Response:
        if self.form_body and "params" in options and not {"data", "json"} & set(options):
            options["data"] = options.pop("params")
        return self._request("POST", url, options)

    def __getattr__(self, name: str) -> Any:  # requests.exceptions and the like
        return getattr(requests, name)

    def _request(self, method: str, url: str, options: dict[str, Any]) -> requests.Response:
        self.status, self.retry_after, self.body, self.error = None, None, "", None
        try:
            with BoundedSession(self.timeout) as session:
                response = session.request(method, url, **options)
        except requests.RequestException as exc:
            self.error = exc
            raise
        self.status = response.status_code
        self.retry_after = _seconds(response.headers.get("Retry-After"))
        if not 200 <= response.status_code < 300:
            self.body = scrub(response.text, self.secrets)[:_BODY_KEPT]
        return response


class BoundedSession(requests.Session):
    """A ``requests`` session that sends as :class:`Transport` does, for a client that
    makes its own requests (the official ``deepl`` package): no redirect followed, no
    answer over :data:`MAX_ANSWER_BYTES` read, the whole answer within *timeout*."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.bounded_timeout = timeout

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        kwargs["allow_redirects"] = False
        kwargs["stream"] = True
        kwargs["timeout"] = min(kwargs.get("timeout") or self.bounded_timeout, self.bounded_timeout)
        deadline = time.monotonic() + self.bounded_timeout
        response = super().send(request, **kwargs)
        _read_within(response, deadline)
        return response


#: the largest answer read from a provider (a batch's translations are far smaller)
MAX_ANSWER_BYTES = 2_000_000


class AnswerTooLarge(requests.RequestException):
    """The server's answer passed :data:`MAX_ANSWER_BYTES`."""


def _read_within(response: requests.Response, deadline: float) -> None:
    """Read *response*'s body into it, refusing one too large or too slow."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.raw.read1(65536, decode_content=True)  # gzip undone, as .content
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            response.close()
            raise AnswerTooLarge(
                f"an answer longer than {MAX_ANSWER_BYTES // 1_000_000} MB, not read"
            )
        if time.monotonic() > deadline:
            response.close()
            raise requests.Timeout("the answer did not arrive in time")
        chunks.append(chunk)
    response._content = b"".join(chunks)  # what .content would have read


def classify(
    exc: BaseException, transport: Transport, key_variable: str | None, secrets: Iterable[str]
) -> Failure:
    """A Failure for *exc*, raised by a deep-translator engine during a call."""
    failure = _network(transport.error or exc, transport.timeout)
    if failure is None and transport.status is not None and not 200 <= transport.status < 300:
        body = scrub(transport.body, secrets)
        failure = status_failure(transport.status, _error_text(body), key_variable)
        failure.retry_after = transport.retry_after
    if failure is None:
        failure = _library(exc, key_variable)
    return Failure(failure.kind, scrub(failure.detail, secrets), retry_after=failure.retry_after)


def _network(exc: BaseException, timeout: float) -> Failure | None:
    if isinstance(exc, AnswerTooLarge):
        return Failure("rejected", str(exc))
    if isinstance(exc, requests.Timeout):
        return Failure("timeout", f"no answer within {timeout:g} s")
    if isinstance(exc, requests.ConnectionError):
        return Failure("unreachable", _reason(exc))
    if isinstance(exc, requests.RequestException) and not isinstance(exc, ValueError):
        return Failure("timeout", f"network error ({type(exc).__name__})")
    return None


def status_failure(status: int, detail: str, key_variable: str | None) -> Failure:
    """The Failure for an HTTP error *status*."""
    said = f"HTTP {status}" + (f": {detail}" if detail else "")
    if status in (401, 403):
        hint = f" (check {key_variable})" if key_variable else ""
        return Failure("auth", said + hint)
    if status == 429 or status >= 500:
        return Failure("busy", said)
    if status == 456:
        return Failure("rejected", said + " (quota exceeded)")
    if 300 <= status < 400:
        # following it would send the request, key included, wherever the server says
        return Failure("rejected", said + " (a redirect, not followed: set the final address)")
    return Failure("rejected", said)


def _library(exc: BaseException, key_variable: str | None) -> Failure:
    from deep_translator import exceptions as dt

    name = type(exc).__name__
    if isinstance(exc, dt.TooManyRequests):
        return Failure("busy", "too many requests")
    if isinstance(exc, dt.ApiKeyException):
        return Failure("auth", f"no API key (set {key_variable})")
    if isinstance(exc, (dt.LanguageNotSupportedException, dt.InvalidSourceOrTargetLanguage)):
        return Failure("rejected", f"language not supported ({exc.val})")
    if isinstance(exc, (dt.NotValidLength, dt.NotValidPayload)):
        return Failure("rejected", "text too long or empty")
    if isinstance(exc, (dt.TranslationNotFound, dt.ElementNotFoundInGetRequest)):
        return Failure("malformed", "no translation in the answer")
    if isinstance(exc, ValueError):
        return Failure("malformed", "invalid JSON")
    return Failure("malformed", f"unexpected answer ({name})")


def classify_deepl(
    exc: BaseException, secrets: Iterable[str], timeout: float = 30.0
) -> Failure:
    """A Failure for an exception of the official ``deepl`` package (what
    :class:`BoundedSession` refused is told as for the other providers)."""
    import deepl

    bounded = _network(exc.__cause__, timeout) if exc.__cause__ is not None else None
    if bounded is not None and not isinstance(exc.__cause__, requests.ConnectionError):
        failure = bounded
    elif isinstance(exc, deepl.AuthorizationException):
        failure = Failure("auth", "authorisation failed (check DEEPL_API_KEY)")
    elif isinstance(exc, deepl.QuotaExceededException):
        failure = Failure("rejected", "quota for this billing period exceeded")
    elif isinstance(exc, deepl.TooManyRequestsException):
        failure = Failure("busy", "HTTP 429: too many requests")
    elif isinstance(exc, deepl.ConnectionException):
        kind = "timeout" if "timed out" in str(exc).lower() else "unreachable"
        failure = Failure(kind, _reason(exc))
    elif isinstance(exc, deepl.DeepLException) and exc.http_status_code:
        failure = status_failure(exc.http_status_code, "", "DEEPL_API_KEY")
    elif isinstance(exc, (deepl.DeepLException, ValueError)):
        failure = Failure("rejected", scrub(str(exc), secrets)[:200])
    else:
        failure = Failure("malformed", f"unexpected answer ({type(exc).__name__})")
    return Failure(failure.kind, scrub(failure.detail, secrets))


#: how much of an error body is kept (after scrubbing), enough for its JSON
_BODY_KEPT = 4000
_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")\]]+)")
_HOST = re.compile(r"host='([^']+)', port=(\d+)")


def _reason(exc: BaseException) -> str:
    """'connection refused (127.0.0.1:9)' from a requests/urllib3 error text."""
    text = str(exc)
    errno = _ERRNO.search(text)
    reason = errno.group(1).strip().rstrip(".").lower() if errno else "connection failed"
    host = _HOST.search(text)
    return f"{reason} ({host.group(1)}:{host.group(2)})" if host else reason


def _error_text(body: str) -> str:
    """The ``error``/``message`` field of a JSON error body, else a short plain text."""
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for field in ("error", "message", "detail"):
            if isinstance(data.get(field), (str, dict)):
                return str(data[field])[:200]
    text = " ".join(body.split())
    return text[:120] if text and "<" not in text else ""


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None

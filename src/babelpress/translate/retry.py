"""Retrying provider calls, and failures that never carry a secret.

A provider call either returns or raises :class:`Failure`, which says what went
wrong in words a user understands and whether trying again can help:

* ``timeout`` and ``busy`` (HTTP 429, 5xx) are retried with exponential backoff and
  jitter, at most :attr:`RetryPolicy.attempts` times, honouring ``Retry-After``;
* ``unreachable`` (connection refused, no DNS), ``auth`` (bad key, HTTP 401/403),
  ``rejected`` (other 4xx, quota, unsupported text) and ``malformed`` (an answer
  that is not a translation) are not: retrying cannot fix them.

:func:`call_with_retry` turns the last failure into a
:class:`~babelpress.errors.ProviderError` whose message went through :func:`scrub`,
so an API key that a library put into an exception text is removed before anyone
prints it.  Exceptions are never chained (``from None``): a traceback cannot leak
the original text either.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from babelpress import errors
from babelpress.errors import ProviderError

T = TypeVar("T")

RETRYABLE = frozenset({"timeout", "busy"})


class Failure(Exception):
    """One failed provider call (internal; becomes a ProviderError)."""

    def __init__(self, kind: str, detail: str, *, retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE


class ProviderFailure(ProviderError):
    """A provider gave up: *kind* as in :class:`Failure`, message already scrubbed."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter: delay n is about ``base * 2**n``, capped."""

    attempts: int = 5
    base: float = 1.0
    cap: float = 30.0
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)
    random: Callable[[], float] = field(default=random.random, compare=False)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * 2**attempt)
        wait = ceiling / 2 + self.random() * ceiling / 2
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.cap))
        return wait


def call_with_retry(
    call: Callable[[], T], *, provider: str, policy: RetryPolicy, secrets: Iterable[str] = ()
) -> T:
    """Run *call*, retrying transient failures; raise a scrubbed ProviderFailure."""
    secrets = tuple(secrets)
    for attempt in range(policy.attempts):
        try:
            return call()
        except Failure as failure:
            last = failure
            if not failure.retryable or attempt == policy.attempts - 1:
                break
            policy.sleep(policy.delay(attempt, failure.retry_after))
    tries = attempt + 1
    raise ProviderFailure(scrub(describe(last, provider, tries), secrets), last.kind) from None


def describe(failure: Failure, provider: str, tries: int) -> str:
    after = f" (gave up after {tries} attempts)" if tries > 1 else ""
    if failure.kind in ("unreachable", "timeout"):
        return f"could not reach {provider}: {failure.detail}{after}"
    if failure.kind == "auth":
        return f"{provider} refused the API key: {failure.detail}"
    if failure.kind == "busy":
        return f"{provider} is failing: {failure.detail}{after}"
    if failure.kind == "malformed":
        return f"{provider} sent an answer that is not a translation: {failure.detail}"
    return f"{provider} rejected the request: {failure.detail}"


def scrub(text: str, secrets: Iterable[str]) -> str:
    """*text* with every secret (and its URL-encoded forms) replaced by ``***``.

    Always before the text is cut short: a key cut in two would no longer be found.
    """
    return errors.scrub(text, secrets)

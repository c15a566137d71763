"""Whether a provider's answer may become a draft: no secret in it.

A provider is a server somewhere on the network, and what it answers is checked,
text by text, before it goes into the MT answer cache, a catalogue or a page.
:func:`refusal` says why an answer is refused, or returns None: an API key
configured for any provider, as it is or URL-encoded -- a server that echoes the key
it was sent must not get it into ``locale/`` (the cache is meant to be committed) or
onto the site.

A refused answer is not cached and not drafted; the run reports it and goes on
with the other texts.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote, quote_plus


def contains_secret(text: str, secrets: Iterable[str]) -> bool:
    """Whether *text* holds one of *secrets* (four characters or more), or its URL forms."""
    for secret in secrets:
        if len(secret) >= 4 and any(
            form in text for form in (secret, quote(secret, safe=""), quote_plus(secret))
        ):
            return True
    return False


def refusal(answer: str, secrets: Iterable[str] = ()) -> str | None:
    """Why *answer* cannot be a draft (see the module docstring), or None."""
    if contains_secret(answer, secrets):
        return "the answer contains a configured API key"
    return None

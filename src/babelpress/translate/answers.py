"""Whether a provider's answer may become a draft: text, and no secret in it.

A provider is a server somewhere on the network, and what it answers is checked,
text by text, before it goes into the MT answer cache, a catalogue or a page.
:func:`refusal` says why an answer is refused, or returns None:

1. a lone surrogate (``\\ud800``; JSON can carry one, UTF-8 cannot) or a control
   character other than tab and newline: not text, and a catalogue or the cache
   could not be written with it;
2. an API key configured for any provider, as it is or URL-encoded: a server that
   echoes the key it was sent must not get it into ``locale/`` (the cache is meant
   to be committed) or onto the site.

A refused answer is not cached and not drafted; the run reports it and goes on
with the other texts.  :func:`is_unicode` is what the cache keeps: strings that
can be written as UTF-8 (an older cache may hold a lone surrogate; it is dropped).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

_SURROGATE = re.compile("[\ud800-\udfff]")
#: C0 and C1 controls and DEL, except tab and newline
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def is_unicode(value: str) -> bool:
    """No lone surrogate: *value* can be written as UTF-8."""
    return _SURROGATE.search(value) is None


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
    if match := _SURROGATE.search(answer):
        return f"the answer holds a lone surrogate (U+{ord(match.group()):04X}), which is not text"
    if match := _CONTROL.search(answer):
        return f"the answer holds the control character U+{ord(match.group()):04X}"
    if contains_secret(answer, secrets):
        return "the answer contains a configured API key"
    return None

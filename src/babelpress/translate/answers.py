"""Whether a provider's answer may become a draft: text, and no secret in it.

A provider is a server somewhere on the network, and what it answers is checked,
text by text, before it goes into the MT answer cache, a catalogue or a page.
:func:`refusal` says why an answer is refused, or returns None:

1. a lone surrogate (``\\ud800``; JSON can carry one, UTF-8 cannot) or a control
   character other than tab and newline: not text, and a catalogue or the cache
   could not be written with it; also a byte-order mark, a non-character (U+FFFE)
   or a control of text direction (a right-to-left override): invisible on the page,
   they reorder or hide what readers see;
2. an API key configured for any provider, as it is or URL-encoded: a server that
   echoes the key it was sent must not get it into ``locale/`` (the cache is meant
   to be committed) or onto the site;
3. with the German it translates, an answer more than :data:`MAX_GROWTH` times as long
   (plus :data:`SLACK` characters): no translation, and megabytes in the cache and on
   the page;
4. no text at all (:class:`Unusable`: the provider's answer held none).

A refused answer is not cached and not drafted; the run reports it and goes on
with the other texts.  :func:`is_unicode` is what the cache keeps: strings that
can be written as UTF-8 (an older cache may hold a lone surrogate; it is dropped).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

from babelpress.errors import DIRECTION_CONTROLS, NON_TEXT

_SURROGATE = re.compile("[\ud800-\udfff]")
#: C0 and C1 controls and DEL, except tab and newline; the byte-order mark, the
#: non-characters U+FFFE and U+FFFF, and the controls of text direction
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{NON_TEXT}{DIRECTION_CONTROLS}]")
#: an answer at most this many times as long as its German, plus SLACK characters
MAX_GROWTH = 10
SLACK = 500


class Unusable(str):
    """An answer that held no text: empty, with :attr:`reason` saying what came."""

    reason: str

    def __new__(cls, reason: str) -> Unusable:
        made = super().__new__(cls, "")
        made.reason = reason
        return made


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


def refusal(answer: str, secrets: Iterable[str] = (), source: str | None = None) -> str | None:
    """Why *answer* (to the German *source*, when known) cannot be a draft (see the
    module docstring), or None."""
    if isinstance(answer, Unusable):
        return answer.reason
    if source is not None and len(answer) > MAX_GROWTH * len(source) + SLACK:
        return f"the answer is {len(answer):,} characters long, for {len(source):,} in German"
    if match := _SURROGATE.search(answer):
        return f"the answer holds a lone surrogate (U+{ord(match.group()):04X}), which is not text"
    if match := _CONTROL.search(answer):
        return f"the answer holds the control character U+{ord(match.group()):04X}"
    if contains_secret(answer, secrets):
        return "the answer contains a configured API key"
    return None

"""What walking a German page found, kept from ``extract`` for rendering.

Both steps need a page's segments, and finding them (the Markdown blocks, the
sentences) is most of what reading a page costs: a first build renders every page,
and would find them all again.  ``extract`` keeps, per page, the units' offsets into
the body and what else each segment holds (its msgid only where it differs from its
source) under a key: a hash of the page's text, the unit setting and the code of this
package.  A file kept for other text or other code is not used.

Such files live in ``locale/`` and could come with a repository, so each is signed
with the user's secret (:func:`babelpress.usercache.secret`, kept outside any
project): a file that babelpress did not write on this machine is not read at all.
A signed one is still checked for what parsing guarantees (the units lie in order
inside the body, each is cut from the body itself and restores to its own source,
a placeholder stands for text of that source).  Anything else, and the page is parsed.
Without a secret (no private cache folder) nothing is kept.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from babelpress import usercache
from babelpress.markdown.reader import Walked
from babelpress.markdown.units import KINDS, Segment

#: the layout of the files; a new one makes the old files unused
FORMAT = b"1"


@lru_cache(maxsize=1)
def _code() -> bytes:
    """The code that decides what a walk finds: every module of this package."""
    digest = hashlib.sha256(FORMAT)
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.digest()


def key(text: str, unit: str) -> str:
    """The key of the walk of *text* with the unit setting *unit*."""
    return hashlib.sha256(_code() + unit.encode() + b"\0" + text.encode("utf-8")).hexdigest()


def dumps(text: str, unit: str, walked: Walked) -> str | None:
    """*walked* (what walking *text* found) as the text of its file; None without a secret."""
    secret = usercache.secret()
    if secret is None:
        return None
    found, lead = walked
    units = [
        [
            start, end, None if seg.msgid == seg.source else seg.msgid, seg.kind, seg.line,
            list(seg.flags), [list(pair) for pair in seg.placeholders], seg.line_prefix,
            seg.at_line_start,
        ]
        for start, end, seg in found
    ]  # fmt: skip
    body = json.dumps({"units": units, "lead": list(lead) if lead else None},
                      ensure_ascii=False, separators=(",", ":"))  # fmt: skip
    page = key(text, unit)
    return f"{_signature(secret, page, body.encode())} {page}\n{body}\n"


def known(data: bytes | None, text: str, unit: str) -> Callable[[str], Walked | None] | None:
    """The walk kept in *data* for *text*, as :func:`~babelpress.markdown.reader.parse_walked`
    takes it (given the body); None when *data* holds none for this text and code, or
    was not written by babelpress on this machine."""
    if not data:
        return None
    head, _, body = data.partition(b"\n")
    signature, _, page = head.partition(b" ")
    secret = usercache.secret()
    if secret is None or page != key(text, unit).encode():
        return None
    expected = _signature(secret, page.decode(), body.rstrip(b"\n")).encode()
    if not hmac.compare_digest(signature, expected):
        return None
    try:
        kept = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return partial(_walked, kept) if isinstance(kept, dict) else None


def signer() -> str:
    """Which secret signs the walks kept now ("" for none): the files signed with
    another (a cache folder cleared, another user) are not used, so a step that skips
    pages it walked before must walk them again."""
    secret = usercache.secret()
    return hmac.new(secret, b"signer", hashlib.sha256).hexdigest()[:16] if secret else ""


def _signature(secret: bytes, page: str, body: bytes) -> str:
    return hmac.new(secret, page.encode() + b"\n" + body, hashlib.sha256).hexdigest()


def _walked(kept: dict[str, Any], body: str) -> Walked | None:
    try:
        return _checked(kept["units"], kept["lead"], body)
    except (KeyError, TypeError, ValueError):
        return None


def _checked(units: list[Any], lead: Any, body: str) -> Walked | None:
    """The units of *units* cut from *body*, if every check holds (see the module docstring)."""
    found: list[tuple[int, int, Segment]] = []
    end_before = 0
    for start, end, msgid, kind, line, flags, placeholders, prefix, at_start in units:
        if not (_number(start) and _number(end) and end_before <= start < end <= len(body)):
            return None
        if kind not in KINDS or not _number(line) or type(at_start) is not bool:
            return None
        source = body[start:end]
        seg = Segment(
            msgid=source if msgid is None else _text(msgid),
            source=source,
            kind=kind,
            line=line,
            flags=tuple(_text(flag) for flag in flags),
            placeholders=tuple((_text(a), _text(b)) for a, b in placeholders),
            line_prefix=_text(prefix),
            at_line_start=at_start,
        )
        if seg.restore(seg.msgid) != source or not all(
            name in seg.msgid and original in source for name, original in seg.placeholders
        ):
            return None
        found.append((start, end, seg))
        end_before = end
    if lead is None:
        return found, None
    first, last = lead
    if not (_number(first) and _number(last) and 0 <= first <= last <= len(body)):
        return None
    return found, (first, last)


def _number(value: Any) -> bool:
    return type(value) is int


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("not a string")
    value.encode("utf-8")  # a lone surrogate: UnicodeEncodeError, a ValueError
    return value

"""What walking a German page found, kept from ``extract`` for rendering.

Both steps need a page's segments, and finding them (the Markdown blocks, the
sentences) is most of what reading a page costs: a first build renders every page,
and would find them all again.  ``extract`` keeps, per page, the units' offsets into
the body and what else each segment holds (its msgid only where it differs from its
source) under a key: a hash of the page's text, the unit setting and the code of this
package.  A file kept for other text or other code is not used.

Such files live in ``locale/`` and could come with a repository, so one is used only
after the checks that parsing guarantees: the units lie in order inside the body, each
is cut from the body itself, and each msgid restores to its source.  What a reader sees
is then made of the German page's own text; anything else in the file, or a file that
is not what :func:`dumps` writes, and the page is parsed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

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


def dumps(text: str, unit: str, walked: Walked) -> str:
    """*walked* (what walking *text* found) as the text of its file."""
    found, lead = walked
    units = [
        [
            start, end, None if seg.msgid == seg.source else seg.msgid, seg.kind, seg.line,
            list(seg.flags), [list(pair) for pair in seg.placeholders], seg.line_prefix,
            seg.at_line_start,
        ]
        for start, end, seg in found
    ]  # fmt: skip
    data = {"key": key(text, unit), "units": units, "lead": list(lead) if lead else None}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def known(data: bytes | None, text: str, unit: str) -> Callable[[str], Walked | None] | None:
    """The walk kept in *data* for *text*, as :func:`~babelpress.markdown.reader.parse_walked`
    takes it (given the body); None when *data* holds none for this text and code."""
    if not data:
        return None
    try:
        kept = json.loads(data)
    except ValueError:
        return None
    if not isinstance(kept, dict) or kept.get("key") != key(text, unit):
        return None
    return partial(_walked, kept)


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
        if not (_number(start) and _number(end) and end_before <= start <= end <= len(body)):
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
        if seg.restore(seg.msgid) != source:
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
    return value

"""Where the translation of a catalogue entry came from, as its comments tell.

An entry that is not reviewed (``fuzzy``) is one of three things, and the site's
notices tell readers which (:mod:`babelpress.render.page`):

1. **changed**: the German changed after the translation was made -- ``msgmerge``
   (and ``babelpress extract``) kept the old translation as fuzzy with the old
   German as ``#| msgid``.  This is looked at first: whatever the translation's
   origin, it was made for another text;
2. **machine**: a machine draft -- ``babelpress translate`` wrote it with the
   translator comment :data:`MACHINE_COMMENT` (``# Machine translation (google,
   2026-11-23), not reviewed``);
3. **draft**: anything else fuzzy (a suggestion from the translation memory, an
   entry an editor marked fuzzy).
"""

from __future__ import annotations

import re
from functools import lru_cache

import polib

#: the translator comment on a machine draft (``provider`` and ``date`` filled in)
MACHINE_COMMENT = "Machine translation ({provider}, {date}), not reviewed"
_MACHINE = re.compile(r"^Machine translation \([^)\n]*\), not reviewed$", re.MULTILINE)

CHANGED, MACHINE, DRAFT = "changed", "machine", "draft"


def machine_comment(provider: str, date: str) -> str:
    return MACHINE_COMMENT.format(provider=provider, date=date)


def is_machine(entry: polib.POEntry) -> bool:
    """Whether *entry* carries the comment of a machine draft."""
    return bool(entry.tcomment) and _says_machine(entry.tcomment)


@lru_cache(maxsize=1024)
def _says_machine(tcomment: str) -> bool:
    # a catalogue's drafts share a handful of comments (provider and date)
    return _MACHINE.search(tcomment) is not None


def unreviewed_kind(entry: polib.POEntry) -> str:
    """What a fuzzy *entry* is: :data:`CHANGED`, :data:`MACHINE` or :data:`DRAFT`."""
    if entry.previous_msgid is not None or entry.previous_msgctxt is not None:
        return CHANGED
    return MACHINE if is_machine(entry) else DRAFT

"""Updating a translated catalogue from a new template, as ``msgmerge --previous`` does.

:func:`merge` takes the template of a page (``.pot``) and the page's old
catalogue for one language and returns the new catalogue:

1. an entry whose (msgctxt, msgid) is unchanged keeps its translation, its
   translator comments, its ``fuzzy`` state and previous strings, and any flag an
   editor added; extracted comments, references and the other flags come from
   the template.  An obsolete (``#~``) entry whose text returns comes back the
   same way;
2. a changed source keeps the closest old translation, marked ``fuzzy``, with
   ``#| msgctxt`` / ``#| msgid`` showing the old German.  Closest means the
   highest similarity above :data:`FUZZY_THRESHOLD`, measured like gettext's
   ``fstrcmp`` (2 x longest common subsequence / total length, over UTF-8
   bytes), with the same tiny bonus for a candidate of the same context.
   Candidates are the old *translated* entries that vanished from the template
   (and obsolete ones), not every old entry as in msgmerge: so the work stays
   linear in unchanged pages, and a new sentence never borrows the translation
   of a neighbour that is still there;
3. an old entry that is neither kept nor reused becomes obsolete; obsolete
   entries come last, in their old order (untranslated ones vanish, as in gettext);
4. a new sentence with no close old entry but an exact translation elsewhere in
   the same language (:class:`TranslationMemory`) is pre-filled, marked ``fuzzy``,
   with a translator comment naming the page it came from (not an entry with plural
   forms: the memory holds single translations);
5. a new entry with plural forms gets as many empty ``msgstr[n]`` as the header's
   ``Plural-Forms`` has ``nplurals`` (two when the header names none), as msgmerge does.
6. an old entry with plural forms (``msgid_plural``, ``msgstr[n]``) for a
   template entry without them keeps ``msgstr[0]`` as its translation, and one
   without for a template entry with them gives its translation to every form;
   either way it is marked ``fuzzy`` (unless that translation is empty) with the
   old strings as ``#|`` previous ones, as ``msgmerge --previous`` does.

The header is the old catalogue's, with ``POT-Creation-Date`` from the template.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import polib

from babelpress.po.file import declared_plurals, new_entry

FUZZY_THRESHOLD = 0.6
#: the prefix of the translator comment on a translation-memory suggestion
MEMORY_NOTE = "Suggested by translation memory from "

Key = tuple[str | None, str]


def key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)


@dataclass
class TranslationMemory:
    """Reviewed translations of one language, by msgid (an index built once per run).

    *loader*, when given, fills the memory on the first lookup, so a run whose
    new sentences all find an old translation on their own page reads nothing more.
    """

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    loader: Callable[[TranslationMemory], None] | None = None

    def add(self, po: polib.POFile, origin: str) -> None:
        """Index the reviewed (not fuzzy, not obsolete) translations of *po*."""
        self.add_pairs(reviewed_pairs(po), origin)

    def add_pairs(self, pairs: Iterable[tuple[str, str]], origin: str) -> None:
        """Index (msgid, msgstr) pairs of the catalogue of the page *origin*."""
        for msgid, msgstr in pairs:
            self.entries.setdefault(msgid, (msgstr, origin))

    def lookup(self, msgid: str) -> tuple[str, str] | None:
        if self.loader is not None:
            load, self.loader = self.loader, None
            load(self)
        return self.entries.get(msgid)


def reviewed_pairs(po: polib.POFile) -> list[tuple[str, str]]:
    """(msgid, msgstr) of the reviewed entries of *po*: translated, not fuzzy, not obsolete."""
    return [
        (entry.msgid, entry.msgstr)
        for entry in po
        if not (entry.obsolete or entry.fuzzy or not entry.msgstr or entry.msgid_plural)
    ]


def similarity(a: str, b: str) -> float:
    """gettext's ``fstrcmp``: 2 x LCS / total length of the UTF-8 bytes (1.0 if equal)."""
    x, y = a.encode("utf-8"), b.encode("utf-8")
    total = len(x) + len(y)
    if total == 0:
        return 1.0
    return 2 * _lcs_length(x, y) / total


def _lcs_length(x: bytes, y: bytes) -> int:
    """Length of the longest common subsequence, bit-parallel (Allison-Dix / Hyyrö)."""
    if len(x) < len(y):
        x, y = y, x
    masks: dict[int, int] = {}
    for index, byte in enumerate(x):
        masks[byte] = masks.get(byte, 0) | (1 << index)
    full = (1 << len(x)) - 1
    row = full
    for byte in y:
        match = row & masks.get(byte, 0)
        row = ((row + match) | (row - match)) & full
    return len(x) - row.bit_count()


def _upper_bound(a: bytes, b: bytes) -> float:
    """A cheap ceiling of :func:`similarity`: the lengths alone."""
    return 2 * min(len(a), len(b)) / (len(a) + len(b)) if a or b else 1.0


#: with more old translated entries than this, a changed sentence is compared only with
#: the SHORTLIST that share most of its words found in at most RARE_WORD of them
SHORTLIST_FROM = 200
SHORTLIST = 64
RARE_WORD = 64
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    """The distinct words of *text*, case-folded, in their order."""
    return list(dict.fromkeys(_WORD.findall(text.casefold())))


class _Candidates:
    """Old translated entries that may lend their translation to a changed sentence."""

    def __init__(self, entries: Iterable[polib.POEntry]) -> None:
        self.entries = [(entry, entry.msgid.encode("utf-8")) for entry in entries]
        self.index: dict[str, list[int]] | None = None
        if len(self.entries) > SHORTLIST_FROM:
            # many old translations at once (a page rewritten): comparing every changed
            # sentence with every one of them grows with the square of the page
            self.index = {}
            for position, (candidate, _) in enumerate(self.entries):
                for word in _words(candidate.msgid):
                    self.index.setdefault(word, []).append(position)
            self.lengths = sorted(
                (len(raw), position) for position, (_, raw) in enumerate(self.entries)
            )

    def _shortlist(self, msgid: str) -> list[tuple[polib.POEntry, bytes]]:
        """The old entries to compare *msgid* with: all of them, or, with many, the
        :data:`SHORTLIST` sharing most of its rarer words and as many nearest to it in
        length (in their order)."""
        if self.index is None:
            return self.entries
        shared: Counter[int] = Counter()
        for word in _words(msgid):
            found = self.index.get(word, ())
            if len(found) <= RARE_WORD:
                shared.update(found)
        best = {position for position, _ in shared.most_common(SHORTLIST)}
        # and those nearest in length, for a sentence of common words only
        middle = bisect.bisect_left(self.lengths, (len(msgid.encode("utf-8")), -1))
        low = max(0, middle - SHORTLIST // 2)
        best.update(position for _, position in self.lengths[low : low + SHORTLIST])
        return [self.entries[position] for position in sorted(best)]

    def closest(self, entry: polib.POEntry) -> polib.POEntry | None:
        target = entry.msgid.encode("utf-8")
        best, best_weight = None, FUZZY_THRESHOLD
        for candidate, raw in self._shortlist(entry.msgid):
            if _upper_bound(target, raw) <= best_weight:
                continue
            weight = 2 * _lcs_length(target, raw) / (len(target) + len(raw))
            if weight <= FUZZY_THRESHOLD:
                continue
            if candidate.msgctxt is None or candidate.msgctxt == entry.msgctxt:
                weight += 0.00001  # gettext's small advantage for the same context
            if weight > best_weight:
                best, best_weight = candidate, weight
        return best


def merge(
    template: polib.POFile,
    old: polib.POFile | None,
    *,
    language: str,
    memory: TranslationMemory | None = None,
    new_header: polib.POFile | None = None,
) -> polib.POFile:
    """The catalogue for *language*: *old* updated to *template* (see the module doc).

    *new_header* supplies header comment and fields when there is no old catalogue.
    """
    result = polib.POFile(wrapwidth=79, encoding="utf-8")
    _merge_header(result, template, old if old is not None else new_header)
    old_entries = list(old) if old is not None else []
    active = {key(e): e for e in old_entries if not e.obsolete}
    obsolete = {key(e): e for e in old_entries if e.obsolete}
    wanted = {key(e) for e in template}
    vanished = [e for e in old_entries if key(e) not in wanted]
    candidates = _Candidates(e for e in vanished if _translated(e))
    used: set[int] = set()
    forms = _nplurals(result)
    for entry in template:
        found = active.get(key(entry)) or obsolete.get(key(entry))
        if found is not None:
            result.append(_kept(entry, found, forms))
            used.add(id(found))
            continue
        closest = candidates.closest(entry)
        if closest is not None:
            result.append(_fuzzy(entry, closest, forms))
            used.add(id(closest))
            continue
        if entry.msgid_plural:
            result.append(_copy(entry, msgstr_plural=dict.fromkeys(range(forms), "")))
            continue
        suggestion = memory.lookup(entry.msgid) if memory is not None else None
        result.append(_suggested(entry, suggestion) if suggestion else _copy(entry))
    result.extend(_kept_obsolete([e for e in vanished if id(e) not in used and _translated(e)]))
    return result


def _kept_obsolete(entries: list[polib.POEntry]) -> list[polib.POEntry]:
    """*entries* as obsolete entries, one per message: an active entry made obsolete
    beside an obsolete one of the same message would be a duplicate definition, which
    every gettext tool refuses.  The active (newer) one is kept, the other's differing
    translation in its translator comment, so that nothing written is lost."""
    out: list[polib.POEntry] = []
    at: dict[Key, int] = {}
    for entry in entries:
        made = entry if entry.obsolete else _obsoleted(entry)
        index = at.get(key(made))
        if index is None:
            at[key(made)] = len(out)
            out.append(made)
            continue
        kept, other = (made, out[index]) if not entry.obsolete else (out[index], made)
        earlier = _msgstr_text(other)
        if earlier and earlier != _msgstr_text(kept):
            note = f"earlier translation: {earlier}"
            kept.tcomment = f"{kept.tcomment}\n{note}" if kept.tcomment else note
        out[index] = kept
    return out


def _msgstr_text(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        return " | ".join(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return entry.msgstr


def _translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural and entry.msgstr_plural.get(0))
    return bool(entry.msgstr)


def _merge_header(result: polib.POFile, template: polib.POFile, old: polib.POFile | None) -> None:
    source = old if old is not None else template
    result.header = source.header
    result.metadata_is_fuzzy = bool(source.metadata_is_fuzzy)
    metadata = dict(source.metadata)
    date = template.metadata.get("POT-Creation-Date")
    if date is not None:
        if "POT-Creation-Date" in metadata:
            metadata["POT-Creation-Date"] = date
        else:  # msgmerge puts a missing date first
            metadata = {"POT-Creation-Date": date, **metadata}
    result.metadata = metadata


def _copy(entry: polib.POEntry, **changes: Any) -> polib.POEntry:
    values: dict[str, Any] = {
        "msgid": entry.msgid,
        "msgctxt": entry.msgctxt,
        "msgid_plural": entry.msgid_plural,
        "msgstr": "",
        "msgstr_plural": dict(entry.msgstr_plural) if entry.msgid_plural else {},
        "comment": entry.comment,
        "occurrences": list(entry.occurrences),
        "flags": [flag for flag in entry.flags if flag != "fuzzy"],
    }
    values.update(changes)
    return new_entry(**values)


def _editor_flags(template_entry: polib.POEntry, old: polib.POEntry) -> list[str]:
    """The template's flags plus flags an editor put on the old entry.

    Format flags (``python-brace-format``) say what the German is, so they come from the
    template alone, as in msgmerge.
    """
    flags = [flag for flag in template_entry.flags if flag != "fuzzy"]
    return flags + [
        flag
        for flag in old.flags
        if flag not in flags and flag != "fuzzy" and not flag.endswith("-format")
    ]


def _nplurals(po: polib.POFile) -> int:
    """The number of plural forms the catalogue's ``Plural-Forms`` header declares (or 2)."""
    declared = declared_plurals(po)
    return 2 if declared is None else max(1, declared)


def _translation(
    entry: polib.POEntry, old: polib.POEntry, forms: int
) -> tuple[str, dict[int, str], bool]:
    """*old*'s msgstr and msgstr[n] in the form of *entry*; whether the form changed."""
    if bool(entry.msgid_plural) == bool(old.msgid_plural):
        return old.msgstr, dict(old.msgstr_plural or {}), False
    if entry.msgid_plural:  # a plural entry now: every form gets the one translation
        return "", dict.fromkeys(range(forms), old.msgstr), True
    return (old.msgstr_plural or {}).get(0, ""), {}, True


def _kept(entry: polib.POEntry, old: polib.POEntry, forms: int = 2) -> polib.POEntry:
    msgstr, plural, changed = _translation(entry, old, forms)
    flags = _editor_flags(entry, old)
    previous = (old.previous_msgctxt, old.previous_msgid, old.previous_msgid_plural)
    retranslate = changed and bool(msgstr or any(plural.values()))
    if old.fuzzy or retranslate:
        flags.insert(0, "fuzzy")
    if retranslate and old.previous_msgid is None:
        # msgmerge: the old strings, as for a changed source
        previous = (old.msgctxt, old.msgid, old.msgid_plural or None)
    return _copy(
        entry,
        msgstr=msgstr,
        msgstr_plural=plural,
        tcomment=old.tcomment,
        flags=flags,
        previous_msgctxt=previous[0],
        previous_msgid=previous[1],
        previous_msgid_plural=previous[2],
    )


def _fuzzy(entry: polib.POEntry, old: polib.POEntry, forms: int = 2) -> polib.POEntry:
    msgstr, plural, _ = _translation(entry, old, forms)
    return _copy(
        entry,
        msgstr=msgstr,
        msgstr_plural=plural,
        tcomment=old.tcomment,
        flags=["fuzzy", *_editor_flags(entry, old)],
        previous_msgctxt=old.msgctxt,
        previous_msgid=old.msgid,
        previous_msgid_plural=old.msgid_plural or None,
    )


def _suggested(entry: polib.POEntry, suggestion: tuple[str, str]) -> polib.POEntry:
    msgstr, origin = suggestion
    return _copy(
        entry,
        msgstr=msgstr,
        tcomment=MEMORY_NOTE + origin,
        flags=["fuzzy", *[flag for flag in entry.flags if flag != "fuzzy"]],
    )


def _obsoleted(old: polib.POEntry) -> polib.POEntry:
    """An old entry turned obsolete: msgmerge keeps translator comments, drops the rest."""
    return new_entry(
        msgid=old.msgid,
        msgctxt=old.msgctxt,
        msgid_plural=old.msgid_plural,
        msgstr=old.msgstr,
        msgstr_plural=dict(old.msgstr_plural or {}),
        tcomment=old.tcomment,
        flags=["fuzzy"] if old.fuzzy else [],
        previous_msgctxt=old.previous_msgctxt,
        previous_msgid=old.previous_msgid,
        previous_msgid_plural=old.previous_msgid_plural,
        obsolete=True,
    )

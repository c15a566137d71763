"""What normalising did to a seed, told to the editor who reviews it.

Contract (pure; the caller prints):

* :func:`summary` is one line: how many lines were removed, moved into the front
  matter and corrected, and which were kept although the evidence was unsure
  ("12 lines removed, 3 moved to the front matter, 1 kept but uncertain: line 40
  'Video abspielen'").
* :func:`explain` lists, in line order, every removed or moved line with its reason
  (the rule's kind or the evidence with its score), every uncertain decision and every
  correction applied, one line each.
* Text from the seed is shown safely: control and formatting characters (bidi
  overrides, zero-width) as ``\\uXXXX`` escapes, long lines cut with ``…``.
"""

from __future__ import annotations

import unicodedata

from babelpress.normalise.article import Article

#: characters of a seed's line shown in a report line
SHOWN_CHARS = 80
#: uncertain lines named in the summary
SUMMARY_DOUBTS = 3

MOVED = "metadata"


def summary(article: Article) -> str:
    """One line: what was removed, moved, corrected and kept though uncertain."""
    moved = sum(r.reason == MOVED for r in article.removed)
    parts = [_count(len(article.removed) - moved, "line", "removed")]
    if moved:
        parts.append(_count(moved, "line", "moved to the front matter"))
    if article.corrected:
        parts.append(_count(len(article.corrected), "correction", "applied"))
    text = ", ".join(parts)
    if article.doubts:
        named = "; ".join(
            f"line {d.line} {shown(d.text, 40)!r}" for d in article.doubts[:SUMMARY_DOUBTS]
        )
        more = ", …" if len(article.doubts) > SUMMARY_DOUBTS else ""
        text += f", {len(article.doubts)} kept but uncertain: {named}{more}"
    return text


def explain(article: Article) -> list[str]:
    """One line per removed, moved, uncertain or corrected line, in line order."""
    rows: list[tuple[int, int, str]] = []
    for removal in article.removed:
        verb = "moved" if removal.reason == MOVED else "removed"
        why = removal.reason + (f" ({removal.detail})" if removal.detail else "")
        rows.append((removal.line, 0, f"{verb}: {why}: {shown(removal.text)}"))
    for doubt in article.doubts:
        rows.append(
            (doubt.line, 1, f"uncertain, {doubt.decision} ({doubt.why}): {shown(doubt.text)}")
        )
    for fix in article.corrected:
        note = f" ({shown(fix.note)})" if fix.note else ""
        rows.append((fix.line, 2, f"corrected: {shown(fix.wrong)!r} -> {shown(fix.right)!r}{note}"))
    return [f"line {line}: {text}" for line, _, text in sorted(rows)]


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """*text* safe for a terminal and cut to *limit* characters."""
    safe = "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
        for ch in text
    )
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


def _count(number: int, noun: str, verb: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'} {verb}"

"""Where a catalogue entry's translation stands: the line of its ``msgstr`` keyword.

``babelpress check`` and the warnings of a build name an entry by this line, the
one an editor jumps to (polib numbers an entry by its first line, above it).
"""

from __future__ import annotations

import bisect


def msgstr_lines(text: str) -> list[int]:
    """1-based line numbers of every ``msgstr`` keyword line (not ``msgstr[1]`` repeats)."""
    lines = []
    previous_was_msgstr = False
    for number, line in enumerate(text.splitlines(), start=1):
        is_msgstr = line.startswith("msgstr")
        if is_msgstr and not previous_was_msgstr:
            lines.append(number)
        if line.strip() and not line.startswith('"'):
            previous_was_msgstr = is_msgstr
    return lines


def msgstr_line(entry_line: int | None, starts: list[int]) -> int:
    """The first of *starts* (:func:`msgstr_lines`) at or after the entry's first line."""
    if not entry_line:
        return 0
    index = bisect.bisect_left(starts, entry_line)
    return starts[index] if index < len(starts) else entry_line

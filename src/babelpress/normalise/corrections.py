"""Editors' corrections of the original text: ``seeds/corrections.yml``.

Contract:

* The file is a YAML list; each entry names the ``seed`` (file name in ``seeds/``), the
  ``wrong`` text as it stands in the seed, the ``right`` text and an optional ``note``.
  An empty file (or one with only comments) has no corrections.  A malformed entry is
  a :class:`~babelpress.errors.ConfigError` naming the file and the entry's line.
* :func:`apply_corrections` replaces every occurrence of ``wrong`` in the cleaned text
  of the seed (both compared after the same cleaning: NFC, spaces collapsed) and
  returns one :class:`~.article.Corrected` per occurrence.  The seed file itself is
  never changed.  An entry that matches nothing is *stale*: the caller reports it with
  the file and the entry's line (the typo may have been fixed in the seed).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from babelpress.errors import ConfigError
from babelpress.fsutil import read_text
from babelpress.normalise.article import Corrected

CORRECTIONS_FILE = "corrections.yml"
_KEYS = {"seed", "wrong", "right", "note"}


@dataclass(frozen=True)
class Correction:
    """One entry of ``corrections.yml``; ``entry`` is its line in that file."""

    seed: str
    wrong: str
    right: str
    note: str = ""
    entry: int = 0


def load_corrections(
    path: Path, shown: str | None = None, *, root: Path | None = None
) -> list[Correction]:
    """The entries of *path* (none if the file does not exist; confined to *root*)."""
    shown = shown or str(path)
    try:
        text = read_text(path, root=root)
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=shown) from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ConfigError(f"not valid YAML: {exc}", path=shown, line=_one(line)) from exc
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise ConfigError(
            "must be a list of corrections", path=shown, line=_one(node.start_mark.line)
        )
    return [_entry(item, shown) for item in node.value]


def _one(line: int | None) -> int | None:
    return None if line is None else line + 1


def _entry(node: yaml.Node, shown: str) -> Correction:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(
            "a correction must be a mapping (seed, wrong, right, note)", path=shown, line=line
        )
    fields: dict[str, str] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode):
            raise ConfigError("keys and values must be plain text", path=shown, line=line)
        if key.value not in _KEYS:
            raise ConfigError(
                f"unknown key {key.value!r} (use {', '.join(sorted(_KEYS))})",
                path=shown,
                line=key.start_mark.line + 1,
            )
        fields[key.value] = value.value
    missing = [k for k in ("seed", "wrong", "right") if not fields.get(k, "").strip()]
    if missing:
        raise ConfigError(f"correction without {', '.join(missing)}", path=shown, line=line)
    wrong, right = _cleaned(fields["wrong"]), _cleaned(fields["right"])
    if wrong == right:
        raise ConfigError("'wrong' and 'right' are the same text", path=shown, line=line)
    if "\n" in wrong or "\n" in right:
        raise ConfigError("a correction stays within one line", path=shown, line=line)
    return Correction(fields["seed"].strip(), wrong, right, fields.get("note", "").strip(), line)


def _cleaned(text: str) -> str:
    """The form the seed's text has when corrections are applied (see :func:`.text.clean`)."""
    return " ".join(unicodedata.normalize("NFC", text).split(" ")).strip(" \t")


#: corrections may make a seed's text at most this many times as long, plus SLACK characters
MAX_GROWTH = 2
SLACK = 10_000


def for_seed(corrections: Iterable[Correction], seed: str) -> list[Correction]:
    return [c for c in corrections if c.seed == seed]


def apply_corrections(text: str, corrections: Sequence[Correction]) -> tuple[str, list[Corrected]]:
    """*text* with every correction applied, and where each one was.

    Corrections apply one after the other, so a chain of them ("Q" to "QQ", again and
    again) could multiply the text: one that makes it more than :data:`MAX_GROWTH` times
    as long as the seed (plus :data:`SLACK` characters) is an error naming its entry.
    """
    applied: list[Corrected] = []
    most = MAX_GROWTH * len(text) + SLACK
    for correction in corrections:
        text = _corrected(text, correction, applied)
        if len(text) > most:
            raise ConfigError(
                "this correction makes the seed's text more than "
                f"{MAX_GROWTH} times as long; do its right sides hold its wrong ones?",
                path=CORRECTIONS_FILE,
                line=correction.entry,
            )
    return text, applied


def _corrected(text: str, correction: Correction, applied: list[Corrected]) -> str:
    """*text* with every occurrence of the correction's wrong side replaced, left to
    right, each recorded in *applied* with its line in the corrected text; in one pass
    (replacing them one by one rebuilt and recounted the text for each)."""
    wrong, right = correction.wrong, correction.right
    shift = right.count("\n") - wrong.count("\n")
    parts: list[str] = []
    line, done, start = 1, 0, text.find(wrong)
    while start != -1:
        line += text.count("\n", done, start)
        applied.append(Corrected(line, wrong, right, correction.note, correction.entry))
        parts += (text[done:start], right)
        line += wrong.count("\n") + shift
        done = start + len(wrong)
        start = text.find(wrong, done)
    return "".join(parts) + text[done:] if parts else text


def stale(corrections: Sequence[Correction], applied: Sequence[Corrected]) -> list[Correction]:
    """The corrections that matched nothing."""
    used = {a.entry for a in applied}
    return [c for c in corrections if c.entry not in used]

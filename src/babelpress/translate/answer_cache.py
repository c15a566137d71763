"""The machine-translation answer cache: what a provider answered is never paid for twice.

One JSON file per provider and language pair, under the locale folder::

    locale/mt-cache/<provider>/<source>-<target>.json

It maps the exact text sent (markup already replaced by tokens, see
:mod:`~babelpress.translate.protect`) to the provider's raw answer, before glossary
post-editing and restoring -- so a changed glossary applies on the next run without a
new request.  The file is deterministic (keys sorted, one entry per line, no dates,
no keys or account data) and meant to be committed: a fresh checkout then sends
nothing for sentences translated before.

Answers are paid for, so none may be lost, yet rewriting the whole file after every
batch would make a run quadratic in the size of the archive.  So after each batch
(:meth:`AnswerCache.checkpoint`) only the new answers are appended to a journal
beside the file (``.<source>-<target>.json.journal``, one JSON pair a line, flushed
to the disk), and at the end of the run (:meth:`AnswerCache.save`) the file is
rewritten once, atomically, and the journal removed.  A run that was killed leaves
its journal; the next one reads it (a line cut short by the kill is ignored) and
folds it into the file.

Nothing in the file or the journal can break the next run: answers are checked
before they are put (:mod:`.answers`), and a pair that could not be written back
as UTF-8 (a lone surrogate, from a JSON escape) is dropped when either is read,
and the file rewritten without it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from babelpress.errors import InputError
from babelpress.fsutil import atomic_write, confined, read_text
from babelpress.translate.answers import is_unicode

FORMAT_VERSION = 1
CACHE_DIR = "mt-cache"


def cache_path(locale_dir: Path, provider: str, source: str, target: str) -> Path:
    return locale_dir / CACHE_DIR / provider / f"{source}-{target}.json"


def journal_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.journal")


class AnswerCache:
    """The cached answers of one provider for one language pair."""

    def __init__(
        self, locale_dir: Path, provider: str, source: str, target: str, root: Path | None = None
    ) -> None:
        self.path = cache_path(locale_dir, provider, source, target)
        self.journal = journal_path(self.path)
        self.provider = provider
        self.source = source
        self.target = target
        #: the project: a file leading outside it is neither read nor written
        self.root = root
        self._entries: dict[str, str] = _load(self.path, root)
        loaded = len(self._entries)
        self._entries = {k: v for k, v in self._entries.items() if is_unicode(k + v)}
        self._pending: dict[str, str] = {}  # answers not yet in the journal
        # answers of a killed run (folded into the file by the next save), pairs dropped
        self._dirty = _replay(self.journal, self._entries, root) or len(self._entries) < loaded

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, text: str) -> str | None:
        return self._entries.get(text)

    def put(self, text: str, translation: str) -> None:
        if not is_unicode(text + translation):
            return  # could not be written; translate refuses such answers before
        if self._entries.get(text) != translation:
            self._entries[text] = translation
            self._pending[text] = translation
            self._dirty = True

    def dumps(self) -> str:
        data = {
            "entries": self._entries,
            "provider": self.provider,
            "source": self.source,
            "target": self.target,
            "version": FORMAT_VERSION,
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def checkpoint(self) -> bool:
        """Append the answers since the last checkpoint to the journal, flushed to disk."""
        if not self._pending:
            return False
        lines = "".join(
            json.dumps([text, answer], ensure_ascii=False) + "\n"
            for text, answer in self._pending.items()
        )
        if self.root is not None:
            confined(self.journal, self.root)
        try:
            self.journal.parent.mkdir(parents=True, exist_ok=True)
            with self.journal.open("a", encoding="utf-8") as handle:
                handle.write(lines)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", path=self.journal) from None
        self._pending.clear()
        return True

    def save(self) -> bool:
        """Write the file if something was added, then drop the journal; whether it was written."""
        if not self._dirty:
            return False
        written = atomic_write(self.path, self.dumps(), root=self.root)
        self._dirty = False
        self._pending.clear()
        try:
            self.journal.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise InputError(f"cannot remove: {exc.strerror or exc}", path=self.journal) from None
        return written


def _replay(journal: Path, entries: dict[str, str], root: Path | None) -> bool:
    """Add the journal's answers to *entries*; whether there was a journal."""
    try:
        raw = read_text(journal, root=root, errors="replace")
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=journal) from None
    for line in raw.splitlines():
        try:
            text, answer = json.loads(line)
        except (ValueError, TypeError, RecursionError):
            break  # the line a killed run was writing: nothing after it was written
        if isinstance(text, str) and isinstance(answer, str) and is_unicode(text + answer):
            entries[text] = answer
    return True


def _load(path: Path, root: Path | None) -> dict[str, str]:
    try:
        raw = read_text(path, root=root)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the MT answer cache: {exc}", path=path) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"the MT answer cache is not valid JSON: {exc.msg}", path=path, line=exc.lineno
        ) from None
    except RecursionError:  # json recurses once per level of nesting
        raise InputError("the MT answer cache nests too deep to be one", path=path) from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in entries.items()
    ):
        raise InputError("the MT answer cache has no 'entries' mapping of texts", path=path)
    return dict(entries)

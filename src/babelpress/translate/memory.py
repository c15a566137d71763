"""Translation memory: what a provider already answered is never paid for twice.

One JSON file per provider and language pair, under the locale folder::

    locale/mt-cache/<provider>/<source>-<target>.json

It maps the exact text sent (markup already replaced by tokens, see
:mod:`~babelpress.translate.protect`) to the provider's raw answer, before glossary
post-editing and restoring -- so a changed glossary applies on the next run without a
new request.  The file is deterministic (keys sorted, one entry per line, no dates,
no keys or account data) and meant to be committed: a fresh checkout then sends
nothing for sentences translated before.  It is written atomically, once per batch.
"""

from __future__ import annotations

import json
from pathlib import Path

from babelpress.errors import InputError
from babelpress.fsutil import atomic_write

FORMAT_VERSION = 1
CACHE_DIR = "mt-cache"


def memory_path(locale_dir: Path, provider: str, source: str, target: str) -> Path:
    return locale_dir / CACHE_DIR / provider / f"{source}-{target}.json"


class TranslationMemory:
    """The cached answers of one provider for one language pair."""

    def __init__(self, locale_dir: Path, provider: str, source: str, target: str) -> None:
        self.path = memory_path(locale_dir, provider, source, target)
        self.provider = provider
        self.source = source
        self.target = target
        self._entries: dict[str, str] = _load(self.path)
        self._dirty = False

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, text: str) -> str | None:
        return self._entries.get(text)

    def put(self, text: str, translation: str) -> None:
        if self._entries.get(text) != translation:
            self._entries[text] = translation
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

    def save(self) -> bool:
        """Write the file if something was added; return whether it was written."""
        if not self._dirty:
            return False
        self._dirty = False
        return atomic_write(self.path, self.dumps())


def _load(path: Path) -> dict[str, str]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the translation memory: {exc}", path=path) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"the translation memory is not valid JSON: {exc.msg}", path=path, line=exc.lineno
        ) from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in entries.items()
    ):
        raise InputError("the translation memory has no 'entries' mapping of texts", path=path)
    return dict(entries)

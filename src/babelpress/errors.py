"""The one exception hierarchy of babelpress.

Every error a user can cause (bad input file, malformed catalogue, unreachable
provider, bad configuration) is raised as a :class:`BabelpressError` that names
the file and, where known, the line or byte offset.  The command line prints
``str(error)`` and exits non-zero; nothing else is printed, no traceback.
"""

from __future__ import annotations

import contextlib
from pathlib import Path


class BabelpressError(Exception):
    """An error with a location: ``path:line: message`` when printed."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.offset = offset

    def __str__(self) -> str:
        return self._text(self.path)

    def shown_from(self, root: str | Path) -> str:
        """``str(self)`` with an absolute path made relative to *root* when inside it."""
        path = self.path
        if path is not None and Path(path).is_absolute():
            with contextlib.suppress(ValueError):
                path = Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
        return self._text(path)

    def _text(self, path: str | None) -> str:
        where = ""
        if path is not None:
            where = path
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        text = where + self.message
        if self.offset is not None:
            text += f" (at byte offset {self.offset})"
        return text


class ConfigError(BabelpressError):
    """The configuration (mkdocs.yml's babelpress block, a rules file) is wrong."""


class InputError(BabelpressError):
    """A source file (seed, Markdown page) cannot be read or understood."""


class CatalogError(BabelpressError):
    """A PO/POT file is malformed or cannot be written."""


class ProviderError(BabelpressError):
    """A machine-translation provider failed.  Never carries an API key."""


class LockError(BabelpressError):
    """Another babelpress run holds the lock on the catalogues."""

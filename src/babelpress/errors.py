"""The one exception hierarchy of babelpress.

Every error a user can cause (bad input file, malformed catalogue, unreachable
provider, bad configuration) is raised as a :class:`BabelpressError` that names
the file and, where known, the line or byte offset.  The command line prints
``str(error)`` and exits non-zero; nothing else is printed, no traceback.

A message about a file never quotes more of it than :func:`excerpt` gives: a few
dozen characters of one line, with secrets from the environment removed (a file
that is really ``/proc/self/environ`` must not print API keys in a syntax error).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

#: environment variables whose values are secrets (API keys, tokens, passwords)
_SECRET_NAME = re.compile(
    r"KEY|TOKEN|SECRET|PASSW|AUTH(?!ORITY)|CREDENTIAL|COOKIE|SESSION", re.IGNORECASE
)
#: ``NAME=value`` as in an environment dump: the value is not shown
_ASSIGNMENT = re.compile(r"\b([A-Z][A-Z0-9_]{1,63})=\S*")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
#: what a terminal acts on or a reader cannot see: controls (a tab apart), line and
#: paragraph separators, the controls of text direction, the byte-order mark
#: the controls of text direction (marks, embeddings, overrides, isolates), and what no
#: text needs (the byte-order mark, the non-characters U+FFFE and U+FFFF), as the insides
#: of a character class: every check of untrusted text shares them
DIRECTION_CONTROLS = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
NON_TEXT = "\ufeff\ufffe\uffff"
_UNPRINTABLE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{DIRECTION_CONTROLS}\ufeff]")


def printable(text: str) -> str:
    """*text* safe to print on one line: each character a terminal would act on
    (an escape sequence that clears the screen or sets the window's title, a newline
    that forges a line) written as ``\\xNN`` or ``\\uNNNN``."""
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
            # the link's own name first: a file linked out of the project resolves elsewhere
            for base, where in ((Path(root).absolute(), Path(path)),
                                (Path(root).resolve(), Path(path).resolve())):  # fmt: skip
                with contextlib.suppress(ValueError):
                    path = where.relative_to(base).as_posix()
                    break
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
        return printable(text)


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


def environment_secrets(environ: Mapping[str, str] | None = None) -> list[str]:
    """Values of the environment variables named like secrets (``*_API_KEY``, ``*TOKEN*``)."""
    environ = os.environ if environ is None else environ
    return [value for name, value in environ.items() if _SECRET_NAME.search(name) and value]


def scrub(text: str, secrets: Iterable[str]) -> str:
    """*text* with every secret of four characters or more (and its URL forms) as ``***``."""
    from urllib.parse import quote, quote_plus

    for secret in sorted(set(secrets), key=len, reverse=True):
        if len(secret) < 4:
            continue
        for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
            text = text.replace(form, "***")
    return text


def excerpt(text: str, limit: int = 40, secrets: Iterable[str] = ()) -> str:
    """A short piece of *text* to quote in an error message (see the module docstring).

    Secrets are removed before the text is cut, so no part of one is left; the
    excerpt ends at the first control character (an environment dump separates its
    variables with NUL) and ``NAME=value`` assignments lose their value.
    """
    text = scrub(text, [*secrets, *environment_secrets()])
    text = _CONTROL.split(text, maxsplit=1)[0]
    text = _ASSIGNMENT.sub(r"\1=***", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: a YAML timestamp as PyYAML reads one (YAML 1.1): its date and time are not checked
#: against the calendar until the value is built, which raises ``ValueError``
_TIMESTAMP = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?"
    r"(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?\b"
)


def impossible_value_line(text: str) -> int | None:
    """The 1-based line of *text* (YAML) holding a date or time no calendar has
    ("2023-13-45", "T25:00:00"), which PyYAML reports without a line; None if none."""
    import yaml

    for number, line in enumerate(text.splitlines(), 1):
        for token in _TIMESTAMP.findall(line):
            try:
                yaml.safe_load(token)
            except (ValueError, OverflowError):
                return number
    return None


#: no front matter or settings file of babelpress's nests deeper than this
MAX_YAML_DEPTH = 50


def nested_too_deep(value: object, limit: int = MAX_YAML_DEPTH) -> bool:
    """Whether *value* (as YAML loads it) nests mappings and lists deeper than *limit*.

    Walked without recursion: the value may be nested as deep as a parser allows, and
    every step that copies or writes it recursively would fail on it.
    """
    stack: list[tuple[object, int]] = [(value, 0)]
    seen: set[int] = set()
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, (dict, list, tuple)) and id(item) not in seen:
            seen.add(id(item))  # YAML aliases share a value: walked once
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False

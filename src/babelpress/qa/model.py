"""The vocabulary of the quality checks: problems, findings, and the ``ignore-`` flags.

A check is a plain function ``(source, target, context) -> list[Problem]``; it never
reads files.  :class:`Problem` is what a check returns for one PO entry (babel's
``Message.check()`` style); :class:`Finding` is a problem placed in a catalogue, with
the path and line an editor jumps to.

Silencing: an editor adds ``ignore-<check>`` to the entry's flags (``#, ignore-numbers``),
the convention Weblate uses for its own checks, so where a babelpress check has a Weblate
namesake (``same``, ``double-space``, ``end-stop``, ...) one flag silences both tools.
The security check ``safe-html`` cannot be silenced: the flag would sit in the same file
as the markup it is meant to keep out.
GNU ``msgcat`` and ``msgmerge`` drop flags they do not know (``ignore-`` ones included);
Poedit, Lokalize, Weblate and babelpress's own merge keep them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from babelpress.errors import printable

ERROR = "error"
WARNING = "warning"

#: prefix of the PO flags that silence one check on one entry
IGNORE_PREFIX = "ignore-"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one translation."""

    #: ``"error"`` (must not be published) or ``"warning"`` (an editor should look)
    level: str
    #: the check's name, as used in ``ignore-<check>`` flags
    check: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def __str__(self) -> str:
        return f"{self.check}: {self.message}"


@dataclass(frozen=True)
class Finding:
    """A problem located in a catalogue: ``path:line: check: level: message``."""

    #: the catalogue, relative to the project root where possible (POSIX style)
    path: str
    #: 1-based line of the entry's ``msgstr`` keyword
    line: int
    level: str
    check: str
    message: str
    language: str = ""
    msgid: str = ""
    fuzzy: bool = False

    def __str__(self) -> str:
        return printable(f"{self.path}:{self.line}: {self.check}: {self.level}: {self.message}")

    def as_dict(self) -> dict[str, object]:
        return {
            "catalogue": self.path,
            "line": self.line,
            "level": self.level,
            "check": self.check,
            "message": self.message,
            "language": self.language,
            "msgid": self.msgid,
            "fuzzy": self.fuzzy,
        }


@dataclass(frozen=True)
class Context:
    """What a check may need besides the two texts."""

    #: target language code (``en``, ``ru``)
    language: str
    #: source language code
    source_language: str = "de"
    #: a loaded glossary (see :mod:`babelpress.glossary`), or None
    glossary: object | None = None
    #: the kinds of unit the entry stands for (``title``, ``heading``, ``sentence`` ...),
    #: from the first line of its ``#.`` comment; empty when not known
    kinds: tuple[str, ...] = ()
    #: the entry's format flags (``python-brace-format``): the fields the code fills in
    formats: tuple[str, ...] = ()

    @staticmethod
    def formats_of(entry: object) -> tuple[str, ...]:
        """The format flags of *entry* (``c-format``, ``python-brace-format``; not ``no-…``)."""
        return Context.formats_in(getattr(entry, "flags", None) or ())

    @staticmethod
    def formats_in(flags: Iterable[str]) -> tuple[str, ...]:
        """The format flags among *flags* (see :meth:`formats_of`)."""
        return tuple(f for f in flags if f.endswith("-format") and not f.startswith("no-"))

    @staticmethod
    def kinds_of(entry: object) -> tuple[str, ...]:
        """The kinds of unit named on the first line of *entry*'s ``#.`` comment.

        ``babelpress extract`` writes them there (``title``, ``heading, title`` ...); the
        lines after it list link placeholders.
        """
        comment = getattr(entry, "comment", "") or ""
        first = comment.split("\n", 1)[0]
        return tuple(kind.strip() for kind in first.split(",") if kind.strip())


CheckFunction = Callable[[str, str, Context], "list[Problem]"]


@dataclass(frozen=True)
class Check:
    """A check as data: its name, what it can report, and the function."""

    name: str
    function: CheckFunction
    #: the highest level the check reports (render blockers run only error-capable checks)
    can_error: bool
    #: False for security checks, which no flag can silence
    ignorable: bool = True
    #: other flag names that silence it (Weblate spellings)
    aliases: tuple[str, ...] = field(default=())
    #: the names its problems carry, when not its own name (each silenced on its own)
    names: tuple[str, ...] = field(default=())

    def ignored_by(self, flags: Iterable[str], name: str | None = None) -> bool:
        """Whether *flags* silence this check (or, with *name*, one kind of its problems)."""
        if not self.ignorable:
            return False
        silencing = {IGNORE_PREFIX + n for n in (self.name, *self.aliases)}
        if name is not None and name != self.name:
            silencing.add(IGNORE_PREFIX + name)
        return any(flag in silencing for flag in flags)


def problem(check: str, level: str, message: str) -> Problem:
    return Problem(level=level, check=check, message=message)

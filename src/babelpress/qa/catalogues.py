"""Run the quality checks over catalogues on disk and locate each finding.

:func:`check_catalogues` reads every ``locale/<lang>/LC_MESSAGES/**/*.po`` of the
chosen languages, checks each entry with :func:`babelpress.qa.check_entry`, and
reports a :class:`~babelpress.qa.model.Finding` at the line of the entry's
``msgstr`` keyword (what an editor jumps to).  A catalogue that cannot be read is
itself an error finding (check ``po-syntax``), so one broken file does not hide the
problems of the others.  Paths are relative to the project root, POSIX style.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from babelpress import project
from babelpress.errors import BabelpressError
from babelpress.qa.model import ERROR, Finding

PO_SYNTAX = "po-syntax"


def display_path(path: Path, root: Path) -> str:
    """*path* relative to *root* when inside it, POSIX style.

    The link's own name comes first: a catalogue linked out of the project is named
    where it stands, not where it leads.
    """
    for base, where in ((root.absolute(), path.absolute()), (root.resolve(), path.resolve())):
        try:
            return where.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def check_catalogue(
    path: Path, language: str, glossary: Any, root: Path, source_language: str = "de"
) -> Iterator[Finding]:
    """The findings of one catalogue."""
    from babelpress.fsutil import read_text
    from babelpress.po.file import read_po
    from babelpress.qa import check_entry
    from babelpress.qa.lines import msgstr_line, msgstr_lines

    shown = display_path(path, root)
    try:
        catalogue = read_po(path, root=root)
        starts = msgstr_lines(read_text(path, root=root, errors="replace"))
    except (BabelpressError, OSError) as exc:
        line = getattr(exc, "line", None) or 1
        message = getattr(exc, "message", None) or str(exc)
        yield Finding(shown, line, ERROR, PO_SYNTAX, message, language)
        return
    for entry in catalogue:
        if entry.obsolete:
            continue
        problems = check_entry(entry, language, glossary, source_language=source_language)
        if not problems:
            continue
        line = msgstr_line(entry.linenum, starts)
        fuzzy = "fuzzy" in entry.flags
        for problem in problems:
            yield Finding(
                shown, line, problem.level, problem.check, problem.message,
                language, entry.msgid, fuzzy,
            )  # fmt: skip


def check_catalogues(settings: Any, languages: Iterable[str] | None = None) -> list[Finding]:
    """Every finding in the catalogues of *languages* (default: the configured ones)."""
    from babelpress.glossary import load_glossary

    glossary = load_glossary(settings.glossary_path, root=settings.root)
    findings: list[Finding] = []
    for language in languages or settings.languages:
        for _, path in project.catalogues(settings, language):
            findings.extend(
                check_catalogue(path, language, glossary, settings.root, settings.source_language)
            )
    return findings

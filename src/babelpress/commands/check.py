"""``babelpress check``: quality checks on every translation, before publishing.

Each finding is one line, ``path:line: check: level: message``, pointing at the
``msgstr`` line of the entry in the PO file (so editors and CI annotate the right
place); a summary goes to stderr.  ``--format json`` prints a list of objects
(``path``, ``line``, ``level``, ``check``, ``message``, ``language``, ``msgid``,
``fuzzy``).  See :mod:`babelpress.qa` for the checks and the ``ignore-<check>`` flags.

Exit codes: 0 no errors (warnings allowed); 1 at least one error; 2 unknown language.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from babelpress.commands._options import add_language_option, chosen_languages
from babelpress.config import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check translations for wrong figures, broken markup, HTML and more",
        description="Run the quality checks on every non-empty translation; "
        "exit with 1 if any error-level problem is found.",
    )
    add_language_option(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format: one line per finding, or a JSON list (default: text)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from babelpress.qa import ERROR, check_catalogues

    languages = chosen_languages(args.lang, settings)
    findings = check_catalogues(settings, languages)
    errors = sum(f.level == ERROR for f in findings)
    if args.format == "json":
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(finding)
    warnings = len(findings) - errors
    print(
        f"babelpress check: {_plural(errors, 'error')}, {_plural(warnings, 'warning')} "
        f"({', '.join(languages)})",
        file=sys.stderr,
    )
    return 1 if errors else 0


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")

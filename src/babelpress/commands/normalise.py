"""``babelpress normalise``: raw German articles in ``seeds/`` to ``docs/de/*.md``.

Prints, per seed, one summary line (lines removed, moved to the front matter, corrected,
kept but uncertain); one line per generated file that changed (or would change, with
``--check``); the conversions made to read a seed (encoding, byte-order mark, line
ends); and, on stderr, warnings (guessed titles, hand-edited files left alone, stale
corrections) and errors (files that cannot be read, naming the byte offset).

``--explain [SEED]`` writes nothing: it lists, for every seed or the one named, each
removed or moved line with its reason, each uncertain decision and each correction.

Exit codes: 0 done; 1 a seed could not be read, or ``--check`` found something to change.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from babelpress.commands._options import print_problems
from babelpress.config import Settings
from babelpress.errors import printable


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "normalise",
        help="turn the raw texts in seeds/ into German Markdown in docs/de/",
        description="Turn every seeds/*.txt into docs/de/<slug>.md. "
        "Files edited by hand since they were generated are left alone.",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite files in docs/de even if edited by hand"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if anything would change (for CI)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list every line removed from each seed"
    )
    parser.add_argument(
        "--explain",
        nargs="?",
        const="",
        default=None,
        metavar="SEED",
        help="write nothing; list what normalising removes, moves, corrects or is unsure "
        "of, with the reasons, for every seed or only SEED (a file name in seeds/)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from babelpress.normalise.explain import explain, summary
    from babelpress.normalise.files import (
        HAND_EDITED,
        WOULD_WRITE,
        WRITTEN,
        explain_seeds,
        normalise_all,
    )

    if args.explain is not None:
        report = explain_seeds(settings, args.explain or None)
        for result in report.results:
            if result.article is not None:
                print(f"{result.seed}: {summary(result.article)}")
                for line in explain(result.article):
                    print(f"  {line}")
            for warning in result.warnings:
                print(printable(f"babelpress: warning: {result.seed}: {warning}"), file=sys.stderr)
        print_problems(settings, report.warnings, report.errors)
        return 1 if report.errors else 0

    report = normalise_all(settings, force=args.force, check=args.check)
    for result in report.results:
        where = result.seed or result.path
        for note in result.notes:
            print(f"{where}: {note}")
        if result.article is not None:
            print(f"{where}: {summary(result.article)}")
        for warning in result.warnings:
            print(printable(f"babelpress: warning: {where}: {warning}"), file=sys.stderr)
        if result.status == WRITTEN:
            print(f"wrote {result.path}" + (f" (from {result.seed})" if result.seed else ""))
        elif result.status == WOULD_WRITE:
            print(f"would write {result.path}")
        elif result.status == HAND_EDITED:
            print(
                f"babelpress: warning: {result.path} was edited by hand since it was generated; "
                "left as it is (use --force to overwrite)",
                file=sys.stderr,
            )
        if args.verbose and result.article is not None:
            for line in explain(result.article):
                print(f"  {line}")
    print_problems(settings, report.warnings, report.errors)
    print(
        f"normalise: {report.count(WRITTEN)} written, {report.count(WOULD_WRITE)} to write, "
        f"{report.count(HAND_EDITED)} edited by hand, {len(report.errors)} failed"
    )
    if report.errors:
        return 1
    return 1 if args.check and report.changed else 0

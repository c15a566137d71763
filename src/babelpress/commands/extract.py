"""``babelpress extract``: German pages -> templates and per-language catalogues.

Prints one line per catalogue written, a note per catalogue whose page is gone
(kept, never deleted), each error as one line naming file and line, and a
summary: pages, catalogues written, catalogues already up to date (templates
included).  ``--check`` writes nothing and lists the catalogues that are out of date;
``--jobs N`` caps the worker processes of a run with many pages to do (the files
are the same with any number).

Exit codes: 0; 1 when a page or catalogue could not be processed, or with
``--check`` when some catalogues are out of date.
"""

from __future__ import annotations

import sys
from typing import Any

from babelpress.commands._options import (
    add_language_option,
    chosen_languages,
    plural,
    positive_number,
    print_problems,
)
from babelpress.config import Settings
from babelpress.errors import printable


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="update the gettext templates and catalogues from the German pages",
        description="Write locale/templates/<page>.pot and merge it into "
        "locale/<lang>/LC_MESSAGES/<page>.po for every German page, like msgmerge --previous.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit with 1 if any catalogue is out of date",
    )
    parser.add_argument(
        "--jobs",
        type=positive_number,
        default=None,
        metavar="N",
        help="worker processes for many pages (default: one per core; 1: none)",
    )
    add_language_option(parser)
    parser.set_defaults(func=run)


def run(args: Any, settings: Settings) -> int:
    from babelpress.extract.pipeline import extract

    languages = chosen_languages(args.lang, settings)
    report = extract(settings, check=args.check, languages=languages, jobs=args.jobs)
    root = settings.root
    for path in report.written:
        print(printable(f"wrote {path.relative_to(root)}"))
    for path in report.orphans:
        note = f"note: {path.relative_to(root)}: its page no longer exists; kept"
        print(printable(note), file=sys.stderr)
    print_problems(settings, (), report.errors)
    if args.check:
        for path in report.stale:
            print(printable(f"out of date: {path.relative_to(root)}"))
        if report.stale:
            print("Some catalogs are out of date.", file=sys.stderr)
    else:
        per_page = 1 + len(languages)  # the template and one catalogue per language
        up_to_date = report.unchanged + report.skipped * per_page
        print(
            f"extract: {plural(report.pages, 'page')}, "
            f"{plural(len(report.written), 'catalogue')} written, {up_to_date} up to date"
        )
    return 0 if report.ok else 1

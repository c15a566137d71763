"""``babelpress render``: the catalogues in ``locale/`` to ``docs/<lang>/*.md``.

``mkdocs build`` and ``mkdocs serve`` render by themselves (the babelpress MkDocs
plugin); this command renders without building, to look at the generated Markdown
or try the ``--no-drafts`` rule.  Prints one line per file written or removed,
warnings (entries the quality checks keep out) and errors (malformed catalogues)
on stderr, then a summary.

Exit codes: 0 done; 1 a page or catalogue could not be read.
"""

from __future__ import annotations

import argparse
from typing import Any

from babelpress.commands._options import add_language_option, chosen_languages, print_problems
from babelpress.config import Settings
from babelpress.errors import printable


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="render the translated pages docs/<lang>/ from the catalogues",
        description="Render every German page in docs/de/ into docs/<lang>/ for each target "
        "language, from locale/<lang>/LC_MESSAGES/<slug>.po. Unreviewed machine drafts are "
        "shown with a notice; untranslated sentences stay German, marked lang=\"de\".",
    )
    add_language_option(parser)
    parser.add_argument(
        "--drafts",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show machine drafts (fuzzy entries) with a notice, or use the German "
        "(default: publish_drafts in mkdocs.yml)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from babelpress.render.all_pages import render_all

    languages = chosen_languages(args.lang, settings)
    settings = settings.replace(publish_drafts=args.drafts)
    report = render_all(settings, languages=languages)
    for result in report.pages:
        if result.written:
            print(printable(f"wrote {_rel(result.target, settings)} ({_state(result.page)})"))
    for path in report.removed:
        print(printable(f"removed {_rel(path, settings)} (its German page is gone)"))
    print_problems(settings, report.warnings, report.errors)
    print(
        f"render: {len(report.pages)} page(s), {len(report.written)} written, "
        f"{len(report.removed)} removed, {len(report.errors)} failed"
    )
    return 1 if report.errors else 0


def _state(page: Any) -> str:
    words = [f"{int(page.reviewed_share)}% reviewed"]
    if page.has_drafts:
        words.append("machine drafts")
    if page.fallbacks:
        words.append(f"{page.fallbacks} in German")
    if not page.published:
        words.append("below min_reviewed: German original")
    return ", ".join(words)


def _rel(path: Any, settings: Settings) -> str:
    try:
        return path.relative_to(settings.root).as_posix()
    except ValueError:
        return str(path)

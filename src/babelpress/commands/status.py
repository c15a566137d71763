"""``babelpress status``: what is left to review, per language and catalogue.

The table (for people) lists each page's catalogue with its messages reviewed /
drafts (fuzzy) / untranslated, the same in German words, and the share of words
reviewed, then a total per language; it is coloured only on a terminal.  ``--format text``
is the same table (so ``text`` and ``json`` work for ``status`` and ``check`` alike);
``--format json`` prints a list with one object per catalogue (``catalogue``, ``language``,
``translated``, ``fuzzy``, ``untranslated`` -- the counts ``msgfmt --statistics``
reports -- and the word counts).

A catalogue that cannot be read is named on stderr with its file and line (one
line each) and left out of the counts; the others are still shown.

Exit codes: 0; 1 when a catalogue cannot be read, or when ``--min-reviewed PCT`` is
given and a language's share of reviewed words is below it (for CI); 2 for an
unknown language.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from babelpress.commands._options import add_language_option, chosen_languages, print_problems
from babelpress.config import Settings
from babelpress.errors import BabelpressError, printable


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "status",
        help="show how much of each catalogue is reviewed, drafted or untranslated",
        description="Per language and catalogue: messages and German words reviewed, "
        "drafts (fuzzy) and untranslated, and the share of words reviewed.",
    )
    add_language_option(parser)
    parser.add_argument(
        "--format",
        choices=("table", "text", "json"),
        default="table",
        help="output format; text is the table, as in 'check --format text' (default: table)",
    )
    parser.add_argument(
        "--min-reviewed",
        type=_percentage,
        default=None,
        metavar="PCT",
        help="exit with 1 if a language has less than PCT %% of its words reviewed",
    )
    parser.set_defaults(func=run)


def _percentage(text: str) -> float:
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("a percentage is between 0 and 100")
    return value


def run(args: argparse.Namespace, settings: Settings) -> int:
    from babelpress.qa.status import CatalogueStatus, collect, totals

    languages = chosen_languages(args.lang, settings)
    errors: list[BabelpressError] = []
    statuses = collect(settings, languages, errors)
    summed = totals(statuses)
    for language in languages:
        summed.setdefault(language, CatalogueStatus("total", language))
    if args.format == "json":
        print(json.dumps([s.as_dict() for s in statuses], ensure_ascii=False, indent=2))
    else:
        _print_table(statuses, [summed[lang] for lang in languages])
    print_problems(settings, [], errors)  # the catalogues that could not be read
    below = _threshold(args.min_reviewed, [summed[lang] for lang in languages])
    return 1 if errors else below


def _threshold(minimum: float | None, language_totals: list[Any]) -> int:
    if minimum is None:
        return 0
    failed = [t for t in language_totals if t.reviewed_share < minimum]
    for total in failed:
        print(
            f"babelpress: {total.language}: {total.reviewed_share:.1f} % reviewed, "
            f"below the minimum of {minimum:g} %",
            file=sys.stderr,
        )
    return 1 if failed else 0


_HEADERS = ("msgs\nrev.", "msgs\nfuzzy", "msgs\nuntr.", "words\nrev.", "words\nfuzzy",
            "words\nuntr.", "%\nrev.")  # fmt: skip
_LEGEND = (
    "rev. = reviewed, fuzzy = drafts not yet reviewed, untr. = untranslated; "
    "words are German words; % = share of words reviewed"
)


def _print_table(statuses: list[Any], language_totals: list[Any]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    table.add_column("\nlang", no_wrap=True)
    table.add_column("\npage", overflow="fold")
    for name in _HEADERS:
        table.add_column(name, justify="right", min_width=max(map(len, name.split())))
    for total in language_totals:
        for status in (s for s in statuses if s.language == total.language):
            table.add_row(*_cells(status, _page(status.catalogue)))
        table.add_row(*_cells(total, "total"), style="bold", end_section=True)
    console.print(table)
    # on a line of its own, not a caption: rich pads a caption to the table's width
    console.print(_LEGEND, soft_wrap=True)


def _page(catalogue: str) -> str:
    """``locale/ru/LC_MESSAGES/a/b.po`` -> ``a/b`` (the language has its own column)."""
    name = catalogue.split("/LC_MESSAGES/", 1)[-1]
    return printable(name[:-3] if name.endswith(".po") else name)


def _cells(status: Any, name: str) -> list[str]:
    share = status.reviewed_share
    colour = "green" if share >= 100 else "yellow" if share >= 50 else "red"
    return [
        status.language,
        name,
        str(status.translated),
        str(status.fuzzy),
        str(status.untranslated),
        str(status.translated_words),
        str(status.fuzzy_words),
        str(status.untranslated_words),
        f"[{colour}]{share:.1f}[/{colour}]",
    ]

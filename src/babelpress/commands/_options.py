"""Options and output shared by several subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from babelpress.config import Settings
from babelpress.errors import BabelpressError, ConfigError, printable


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """``--lang en,ru``: restrict a command to some of the configured target languages."""
    parser.add_argument(
        "--lang",
        default=None,
        metavar="L",
        help="only these target languages (comma-separated; default: all configured)",
    )


class HelpFormatter(argparse.HelpFormatter):
    """Wraps one-paragraph texts as usual; keeps the layout of texts that hold line breaks
    (the tables of exit codes and providers in an epilog)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def positive_number(text: str) -> int:
    """An option's whole number of at least 1 (``--jobs 0`` is a mistake, said so)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def plural(number: int, word: str) -> str:
    """``1 page``, ``2 pages``, ``1,234 characters`` (English output, regular plurals)."""
    return f"{number:,} {word}" + ("" if number == 1 else "s")


def chosen_languages(option: str | None, settings: Settings) -> list[str]:
    """The languages of ``--lang`` (checked against the configuration) or all of them."""
    if not option:
        return list(settings.languages)
    languages = [lang.strip() for lang in option.split(",") if lang.strip()]
    unknown = [lang for lang in languages if lang not in settings.languages]
    if unknown:
        raise ConfigError(
            f"unknown language(s) {', '.join(unknown)}; configured: {', '.join(settings.languages)}"
        )
    return languages


def print_problems(
    settings: Settings, warnings: Iterable[str], errors: Iterable[BabelpressError]
) -> None:
    """Warnings and errors on stderr, one line each, files named relative to the project."""
    for warning in warnings:
        print(f"babelpress: warning: {printable(warning)}", file=sys.stderr)
    for error in errors:
        print(f"babelpress: error: {error.shown_from(settings.root)}", file=sys.stderr)

"""Options shared by several subcommands."""

from __future__ import annotations

import argparse

from babelpress.config import Settings
from babelpress.errors import ConfigError


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """``--lang en,ru``: restrict a command to some of the configured target languages."""
    parser.add_argument(
        "--lang",
        default=None,
        metavar="L",
        help="only these target languages (comma-separated; default: all configured)",
    )


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

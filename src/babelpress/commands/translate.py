"""``babelpress translate``: machine drafts for every empty msgstr, marked fuzzy.

Options override the ``provider``, ``provider_url`` settings of mkdocs.yml; API keys
come only from the environment (``DEEPL_API_KEY``, ``MICROSOFT_API_KEY``,
``LIBRE_API_KEY``).  Prints one summary line per language: segments and characters
sent, answers taken from the translation memory, drafts written and drafts flagged
for broken markup.  ``--dry-run`` lists what would be sent and sends nothing.

Exit codes: 0 done (also when nothing needed a draft); 1 the provider failed (the
message says what was saved) or sent answers that were refused (each named on
stderr: an answer holding an API key is never written anywhere); 2 bad options.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from babelpress.commands._options import (
    HelpFormatter,
    add_language_option,
    chosen_languages,
    plural,
)
from babelpress.config import Settings
from babelpress.errors import printable
from babelpress.translate.providers import PROVIDERS

KEYS_HELP = """\
providers and their API keys (read from the environment only, never printed):
  google      free, no key (default)
  deepl       DEEPL_API_KEY
  microsoft   MICROSOFT_API_KEY
  libre       LIBRE_API_KEY; --url for a self-hosted LibreTranslate
  mymemory    free, no key
  pseudo      offline, visibly not a translation (for layout tests)

exit codes: 0 done; 1 the provider failed (the message says what was saved)
or sent answers that were refused (named on stderr); 2 bad options."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "translate",
        help="fill empty translations with machine drafts (fuzzy, for review)",
        description="Fill every empty msgstr of the chosen languages with a machine "
        "translation, marked fuzzy with a comment naming the provider. Existing "
        "translations are never changed.",
        epilog=KEYS_HELP,
        formatter_class=HelpFormatter,
    )
    add_language_option(parser)
    parser.add_argument(
        "--provider",
        choices=PROVIDERS,
        help="translation service (default: the 'provider' setting, google)",
    )
    parser.add_argument("--url", help="service URL, e.g. of a self-hosted LibreTranslate")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be sent; send and write nothing"
    )
    parser.add_argument(
        "--limit", type=_non_negative, metavar="N", help="send at most N segments in this run"
    )
    parser.set_defaults(func=run)


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, not {value!r}")
    return number


def run(args: argparse.Namespace, settings: Settings) -> int:
    from babelpress.translate.prefill import translate_catalogues

    report = translate_catalogues(
        settings,
        languages=tuple(chosen_languages(args.lang, settings)),
        provider=args.provider,
        url=args.url,
        dry_run=args.dry_run,
        limit=args.limit,
    )
    for line in summary(report):
        print(printable(line))
    refused = [(lang.language, text) for lang in report.languages for text in lang.refused]
    for language, text in refused:
        warning = f"{language}: answer refused for {text}; no draft written"
        print(f"babelpress: warning: {printable(warning)}", file=sys.stderr)
    return 1 if refused else 0


def summary(report: Any) -> list[str]:
    """The lines printed at the end of a run (or of a dry run)."""
    lines = []
    for lang in report.languages:
        chars = sum(len(text) for text in lang.planned)
        if report.dry_run:
            lines.append(
                f"{lang.language} ({lang.provider}): would send "
                f"{plural(len(lang.planned), 'segment')} ({plural(chars, 'character')}); "
                f"{lang.from_cache} from the translation memory"
            )
            lines.extend(f"  {text}" for text in lang.planned)
        else:
            lines.append(
                f"{lang.language} ({lang.provider}): {plural(lang.segments_sent, 'segment')} "
                f"sent ({plural(lang.chars_sent, 'character')}), {lang.from_cache} from the "
                f"translation memory; {plural(lang.drafts, 'draft')} written, "
                f"{lang.flagged} flagged"
            )
        if lang.deferred:
            lines.append(f"  {plural(lang.deferred, 'segment')} left for a later run (--limit)")
        if lang.too_long:
            lines.append(
                f"  {plural(lang.too_long, 'segment')} too long for {lang.provider}, skipped"
            )
    return lines

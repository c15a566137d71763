"""The ``babelpress`` command: argument parsing and exit codes, no logic.

Each subcommand lives in :mod:`babelpress.commands` as a module with
``register(subparsers)``; its ``run(args, settings) -> int`` calls the plain
functions of the pipeline.  Errors a user can cause arrive as
:class:`~babelpress.errors.BabelpressError` and are printed as one line.

Exit codes: 0 success, 1 problems found (check failures, files that could not be
processed), 2 usage or configuration error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from babelpress._version import __version__
from babelpress.errors import BabelpressError, ConfigError

EXIT_CODES = """\
exit codes:
  0    done
  1    problems found: a file could not be processed, check found an error,
       status --min-reviewed not reached, extract/normalise --check out of date,
       the translation provider failed
  2    usage or configuration error (unknown option or language, bad mkdocs.yml)
  130  interrupted (Ctrl-C)"""


def build_parser() -> argparse.ArgumentParser:
    from babelpress.commands import COMMANDS
    from babelpress.commands._options import HelpFormatter

    parser = argparse.ArgumentParser(
        prog="babelpress",
        description="Publish German articles in English and Russian through gettext catalogues.",
        epilog=EXIT_CODES + "\n\n'babelpress COMMAND --help' describes each command.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"babelpress {__version__}")
    parser.add_argument(
        "-C",
        "--root",
        default=None,
        metavar="DIR",
        help="project folder holding mkdocs.yml (default: the current folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in COMMANDS:
        module.register(sub)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from babelpress import config

    parser = build_parser()
    args = parser.parse_args(argv)
    root = Path(args.root or Path.cwd())
    try:
        if getattr(args, "needs_project", True):
            _check_project(root)
            settings = config.load(root)
        else:
            settings = config.Settings.defaults(root.resolve())
        return int(args.func(args, settings))
    except ConfigError as exc:
        print(f"babelpress: error: {exc.shown_from(root)}", file=sys.stderr)
        return 2
    except BabelpressError as exc:
        print(f"babelpress: error: {exc.shown_from(root)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("babelpress: interrupted", file=sys.stderr)
        return 130


def _check_project(root: Path) -> None:
    """A missing project folder is an error; a folder without mkdocs.yml gets a warning."""
    from babelpress.config import CONFIG_FILE

    if not root.is_dir():
        raise ConfigError(f"{root}: no such project folder")
    if not (root / CONFIG_FILE).is_file():
        print(
            f"babelpress: warning: no {CONFIG_FILE} in {root.resolve()}; using the default "
            "settings (-C DIR names the project folder)",
            file=sys.stderr,
        )


def main() -> None:
    sys.exit(run(sys.argv[1:]))

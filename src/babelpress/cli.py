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
import os
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
    """A missing project folder is an error; a folder without mkdocs.yml gets a warning,
    and is an error when nothing in it is a project's either (no German pages, no
    seeds, no catalogues): a command run in the wrong folder writes nothing there."""
    from babelpress.config import CONFIG_FILE, Settings

    if not root.is_dir():
        raise ConfigError(f"{root}: no such project folder")
    if not (root / CONFIG_FILE).is_file():
        defaults = Settings.defaults(root.resolve())
        folders = (defaults.source_docs_path, defaults.seeds_path, defaults.locale_path)
        if not any(folder.is_dir() for folder in folders):
            shown = ", ".join(f"{f.relative_to(defaults.root).as_posix()}/" for f in folders)
            raise ConfigError(
                f"{root}: no babelpress project here (no {CONFIG_FILE} and none of {shown}); "
                "-C DIR names the project folder, 'babelpress init' makes one"
            )
        print(
            f"babelpress: warning: no {CONFIG_FILE} in {root.resolve()}; using the default "
            "settings (-C DIR names the project folder)",
            file=sys.stderr,
        )


def main() -> None:
    try:
        code = run(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (``babelpress status | head``): no traceback, and no second
        # error when the interpreter flushes its output on the way out
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 128 + 13  # as a shell reports a command ended by SIGPIPE
    sys.exit(code)

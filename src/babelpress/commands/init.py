"""``babelpress init [DIR]``: a new project that every other command accepts as it is.

Writes ``mkdocs.yml`` (mkdocs-material, babelpress, search, mkdocs-static-i18n),
``seeds/`` with a README and a commented ``meta.yml``, ``locale/glossary.csv`` with
its header and a ``.gitignore`` (see :mod:`babelpress.scaffold`), then runs
``normalise`` once, for the seeds that were already there.
``DIR`` (default: the current folder, or ``-C``) is created if missing.

Exit codes: 0 done; 1 the first ``normalise`` failed (a seed that was already there
could not be read); 2 a file would be overwritten (nothing is written) or a language
code is not usable.
"""

from __future__ import annotations

import argparse
from typing import Any

from babelpress.commands._options import print_problems
from babelpress.config import Settings
from babelpress.errors import ConfigError


def register(subparsers: Any) -> None:
    defaults = Settings.defaults()
    parser = subparsers.add_parser(
        "init",
        help="start a new project: mkdocs.yml, seeds/, docs/, locale/",
        description="Write a new project into DIR: mkdocs.yml with material, "
        "mkdocs-static-i18n and babelpress, seeds/ (its README and meta.yml), an empty "
        "docs/<language>/ for the normalised pages (the plugin makes the front page and "
        "the archive), locale/glossary.csv and .gitignore. "
        "Refuses to overwrite any existing file.",
    )
    parser.add_argument(
        "dir", nargs="?", default=None, metavar="DIR", help="project folder (default: current)"
    )
    parser.add_argument(
        "--source-language",
        default=defaults.source_language,
        metavar="L",
        help=f"language the pages are written in (default: {defaults.source_language})",
    )
    parser.add_argument(
        "--languages",
        default=",".join(defaults.languages),
        metavar="L,L",
        help=f"languages to publish in, comma-separated (default: {','.join(defaults.languages)})",
    )
    parser.add_argument(
        "--site-name", default=None, metavar="NAME", help="the site's name (default: DIR's name)"
    )
    # there is no project to read yet: the command line passes default settings
    parser.set_defaults(func=run, needs_project=False)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from babelpress import config, scaffold

    root = (settings.root / args.dir) if args.dir else settings.root
    targets = tuple(code.strip() for code in args.languages.split(",") if code.strip())
    scaffold.check_languages(args.source_language, targets)
    if root.exists() and not root.is_dir():
        raise ConfigError(f"{root}: exists and is not a folder")
    project = scaffold.NewProject(
        site_name=args.site_name or root.resolve().name or "babelpress",
        source_language=args.source_language,
        languages=targets,
    )
    written, kept = scaffold.write_project(root, project)
    print(f"babelpress init: new project in {root}")
    for path in written:
        print(f"wrote {path}")
    for path in kept:
        print(f"kept {path} as it was (site/ and the rendered docs/<lang>/ belong in it)")
    code = _normalise(config.load(root))
    _next_steps(project.source_language)
    return code


def _normalise(settings: Settings) -> int:
    """The first ``normalise``: the seeds already there, if any."""
    from babelpress.normalise import normalise_all
    from babelpress.normalise.files import WRITTEN

    report = normalise_all(settings)
    for result in report.results:
        if result.status == WRITTEN:
            print(f"wrote {result.path}" + (f" (from {result.seed})" if result.seed else ""))
    print_problems(settings, report.warnings, report.errors)
    return 1 if report.errors else 0


def _next_steps(source: str) -> None:
    print(
        f"\nnext: put raw articles into seeds/*.txt (or write pages into docs/{source}/), then\n"
        "  babelpress normalise && babelpress extract && babelpress translate\n"
        "  mkdocs serve        # live preview; mkdocs build --strict writes site/"
    )

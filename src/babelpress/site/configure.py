"""What babelpress adds to a project's MkDocs configuration, so a project needs no copy of it.

The package carries its own theme folder (:data:`THEME_DIR`, beside this module):
``main.html`` (per-language search index, stemmed queries, ``noindex`` below
``min_reviewed``), ``404.html`` (one per language), ``sitemap.xml`` (every
language, hreflang alternates, stable ``lastmod``), ``partials/content.html`` and
``partials/babelpress-byline.html`` (the article's metadata line under the
title), ``partials/copyright.html`` ("Made with" in the page's language),
``partials/alternate.html`` (the language switcher, labelled, naming and marking
the current language, each choice with ``lang`` and ``hreflang``),
``partials/search.html`` (the search dialog, named for screen readers),
``partials/babelpress-metadata.html`` (Open Graph and JSON-LD, see
:mod:`babelpress.site.structured`), the stylesheet and the search worker.  The
plugin puts it into the configuration of every build with three plain functions:

1. :func:`theme_dirs` -- the template search path becomes: the project's own
   ``custom_dir`` (so whatever a project overrides still wins), then babelpress's
   folder, then everything else in its order (mkdocs-material's templates, and the
   folder mkdocs-static-i18n inserts at the front for its own ``sitemap.xml``
   whenever ``custom_dir`` has none -- which would otherwise hide babelpress's).
   MkDocs copies the theme folders' static files (the stylesheet, the worker) into
   the site by itself.
2. :func:`stylesheets` -- the stylesheet is linked through ``extra_css``, first in
   the list, so a project's own stylesheets come later and win; linking it there
   rather than in ``main.html`` keeps it on a project whose ``custom_dir`` has a
   ``main.html`` of its own.
3. :func:`markdown_extensions` -- ``attr_list``, which the pages ``babelpress
   normalise`` writes rely on (``{: .kicker }``, ``{: .caption }``, ``{: .meta }``).
   The review notices need no extension: they are plain HTML (see
   :mod:`babelpress.render.page`).

All three return a new list and are idempotent: mkdocs-static-i18n runs every
``on_config`` again for each language on the same configuration object.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

#: babelpress's templates, stylesheet and search worker
THEME_DIR = Path(__file__).resolve().parent / "theme"
#: the stylesheet, as MkDocs names it in the site (a path relative to the site root)
STYLESHEET = "assets/stylesheets/babelpress.css"
#: the Markdown extensions the normalised pages need, by their short names
REQUIRED_EXTENSIONS = ("attr_list",)
#: the only theme babelpress's templates extend
THEME_NAME = "material"


def theme_dirs(dirs: Sequence[str], custom_dir: str | None) -> list[str]:
    """*dirs* with babelpress's folder right after the project's *custom_dir* (see above)."""
    ours = str(THEME_DIR)
    first = [custom_dir] if custom_dir and custom_dir in dirs else []
    rest = [folder for folder in dirs if folder not in (ours, custom_dir)]
    # mkdocs-static-i18n inserts its folder again for every language: keep one of each
    return list(dict.fromkeys([*first, ours, *rest]))


def stylesheets(extra_css: Iterable[str]) -> list[str]:
    """*extra_css* with babelpress's stylesheet first (once)."""
    others = [path for path in extra_css if str(path) != STYLESHEET]
    return [STYLESHEET, *others]


def markdown_extensions(extensions: Iterable[object]) -> list[object]:
    """*extensions* with the required ones appended where missing.

    An extension counts as present under its short name (``attr_list``) or its full
    module name (``markdown.extensions.attr_list``), the two spellings MkDocs accepts.
    """
    present = list(extensions)
    names = {_short_name(item) for item in present}
    return present + [name for name in REQUIRED_EXTENSIONS if name not in names]


def _short_name(extension: object) -> str:
    if isinstance(extension, str):
        return extension.removeprefix("markdown.extensions.")
    # an Extension instance that a plugin added: its module names it
    module = type(extension).__module__
    return module.removeprefix("markdown.extensions.")

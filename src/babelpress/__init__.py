"""babelpress: German articles to gettext catalogues to a multilingual MkDocs site.

The pipeline is a chain of plain functions, each reading and writing files an
editor can open (Markdown, PO)::

    seeds/*.txt --normalise--> docs/de/*.md --extract--> locale/**.po
    locale/**.po --translate--> (fuzzy machine drafts) --render--> docs/<lang>/*.md

The steps are this package's public API (:mod:`babelpress.api`): ``normalise``,
``extract``, ``translate``, ``render``, ``status`` and ``check``, each taking the
project folder.  The command line (``babelpress``) and the MkDocs plugin only call
the same functions.

The code of a step lives in the sub-package of the same name (``babelpress.extract``
and so on).  As attributes of ``babelpress`` those names are the step functions, so
import a step's modules with ``from babelpress.extract import pipeline`` or
``from babelpress.extract.pipeline import run``, not ``import babelpress.extract.pipeline
as …`` (which walks the attributes and would meet the function).
"""

from __future__ import annotations

# The stage packages are imported (they are empty namespaces, cheap) before the step
# functions take their names: a package is set as an attribute of its parent only when
# it is first imported, so importing a stage's module later cannot displace a function.
import babelpress.extract
import babelpress.normalise
import babelpress.render
import babelpress.translate  # noqa: F401
from babelpress._version import __version__
from babelpress.api import check, extract, normalise, render, status, translate

__all__ = ["__version__", "check", "extract", "normalise", "render", "status", "translate"]

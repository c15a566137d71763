"""Normalising: raw German article text (``seeds/*.txt``) to clean Markdown (``docs/de``).

Public API:

* :func:`normalise_text` -- raw text to an :class:`Article` (pure, no I/O);
* :meth:`Article.to_markdown` -- the article as Markdown with YAML front matter;
* :func:`normalise_all` -- every seed of a project to ``docs/de/<slug>.md``,
  protecting hand-edited files, returning a :class:`Report`.

The rules are data (``babelpress/data/normalise_rules.yml`` plus ``seeds/rules.yml``);
see :mod:`.normaliser` for the order in which they apply.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babelpress.normalise.article import Article, Block, Removal
    from babelpress.normalise.files import Report, normalise_all
    from babelpress.normalise.normaliser import normalise_text
    from babelpress.normalise.rules import Rules, load_rules

# imported when first asked for: ``import babelpress`` (which every MkDocs build does,
# for the plugin) imports this package and should not pay for the normaliser
_HOMES = {
    "Article": "article", "Block": "article", "Removal": "article",
    "Report": "files", "normalise_all": "files",
    "normalise_text": "normaliser",
    "Rules": "rules", "load_rules": "rules",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Article",
    "Block",
    "Removal",
    "Report",
    "Rules",
    "load_rules",
    "normalise_all",
    "normalise_text",
]

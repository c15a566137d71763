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

from babelpress.normalise.article import Article, Block, Removal
from babelpress.normalise.files import Report, normalise_all
from babelpress.normalise.normaliser import normalise_text
from babelpress.normalise.rules import Rules, load_rules

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

"""babelpress: German articles to gettext catalogues to a multilingual MkDocs site.

The pipeline is a chain of plain functions, each reading and writing files an
editor can open (Markdown, PO):

    seeds/*.txt --normalise--> docs/de/*.md --extract--> locale/**.po
    locale/**.po --translate--> (fuzzy machine drafts) --render--> docs/<lang>/*.md

The command line (``babelpress``) and the MkDocs plugin only call them.
"""

from __future__ import annotations

__version__ = "0.1.0"

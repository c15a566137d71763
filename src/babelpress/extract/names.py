"""Names readers see in the byline, pre-filled with the glossary's spelling.

The front-matter values of a page that readers see -- ``author``, ``contributors``,
``translator``, ``source`` -- are entries of the page's catalogue (see
:mod:`babelpress.markdown.reader`), and so are the photo credits of the body
(``{: .credit }``).  When such an entry is empty and its whole German text is one of
the spellings of a glossary row (``locale/glossary.csv``) that has a rendering for the
language, :func:`prefill_names` fills it with that rendering: ``Emma Collet`` becomes
``Эмма Колле`` in Russian.

Why in ``extract`` and not in ``translate``: a spelling from the glossary is no machine
translation -- it needs no provider, no network and no cache, and it belongs to the
catalogue from the moment the entry exists, so a new article's byline is right in
the first build, offline (``make site``).

Why **reviewed**, not fuzzy: the glossary row is the editors' reviewed decision for
exactly this name in this language, and the entry is the name alone, with no
sentence around it whose grammar could need another form (the byline shows the
nominative).  Marking it fuzzy would make every new article wait for a review that can
only confirm the glossary; ``babelpress check`` keeps the entry and the glossary in
step (its glossary check), and a translator comment names the row it came from, so an
editor can change it like any other translation.  Nothing an editor wrote is replaced:
only empty entries are filled, and entries holding only an unreviewed suggestion of the
translation memory (``msgmerge`` semantics put one there when another page already has
the name; the glossary is the better source, and taking it always keeps a run's result
independent of which catalogues the memory had read).
"""

from __future__ import annotations

import polib

from babelpress.glossary import Glossary
from babelpress.po.merge import MEMORY_NOTE

#: kinds of entry (the ``#.`` comment) that hold a name or a credit line
NAME_KINDS = frozenset({"author", "contributors", "translator", "source", "credit"})
#: the translator comment on a name taken from the glossary (``{line}`` of the CSV)
GLOSSARY_NOTE = "From the glossary (locale/glossary.csv:{line})"


def prefill_names(po: polib.POFile, language: str, glossary: Glossary) -> int:
    """Fill the empty name entries of *po* from *glossary*; how many were filled."""
    filled = 0
    for entry in po:
        if entry.obsolete or entry.msgid_plural or not _fillable(entry) or not _is_name(entry):
            continue
        term = glossary.exact(entry.msgid)
        rendering = term.rendering(language) if term is not None else ""
        if term is None or not rendering:
            continue
        entry.msgstr = rendering
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.tcomment = GLOSSARY_NOTE.format(line=term.line)
        filled += 1
    return filled


def _fillable(entry: polib.POEntry) -> bool:
    """Empty, or only the translation memory's unreviewed suggestion."""
    if not entry.msgstr:
        return True
    suggested = (entry.tcomment or "").startswith(MEMORY_NOTE)
    return entry.fuzzy and suggested and entry.previous_msgid is None


def _is_name(entry: polib.POEntry) -> bool:
    kinds = (entry.comment or "").split("\n", 1)[0].split(", ")
    return any(kind in NAME_KINDS for kind in kinds)

"""The lead of an article in a language: what a listing (front page, archive) shows.

An article's lead is its first paragraph (:attr:`babelpress.markdown.units.Document.lead`),
and it is translated once, as part of the article: a listing asks :func:`lead` and gets
the paragraph exactly as the article's page in that language shows it -- reviewed
translations, drafts where the page shows drafts, German passages marked
``<span lang="de">`` -- so the front page can never say something the article does not.

:func:`lead` reads the German page and its catalogue; :func:`lead_of` does the same from
a parsed page and catalogue (for a caller that already has them, as rendering does).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babelpress import project
from babelpress.config import Settings
from babelpress.errors import InputError
from babelpress.fsutil import read_text
from babelpress.markdown.units import Document
from babelpress.render.page import lead_markdown
from babelpress.render.states import Mode, MsgKey, PageStates, index_catalog


def lead(settings: Settings, slug: str, language: str, *, mode: Mode = "build") -> str | None:
    """The lead of page *slug* in *language* as Markdown (None: the page has no paragraph).

    The source language gets the German paragraph.  A catalogue that cannot be read
    raises :class:`~babelpress.errors.CatalogError`, as it fails a build.
    """
    from babelpress.markdown.reader import parse
    from babelpress.po.file import read_po

    source = project.source_path(settings, slug)
    try:
        text = read_text(source, root=settings.root)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", path=source) from exc
    where = source.relative_to(settings.root).as_posix()
    doc = parse(text, path=where, slug=slug, unit=settings.unit)
    if language == settings.source_language:
        return lead_of(doc, {}, language, settings, mode=mode, german=True)
    path = project.po_path(settings, language, slug)
    catalogue = index_catalog(read_po(path, root=settings.root)) if path.exists() else {}
    return lead_of(doc, catalogue, language, settings, mode=mode)


def lead_of(
    doc: Document,
    catalog_by_msgkey: Mapping[MsgKey, Any],
    language: str,
    settings: Settings,
    *,
    mode: Mode = "build",
    german: bool = False,
) -> str | None:
    """The lead of the parsed page *doc* in *language*, from its catalogue (see :func:`lead`)."""
    if doc.lead is None:
        return None
    if german:
        return "".join(p if isinstance(p, str) else p.source for p in doc.lead_parts())
    states = PageStates(doc, catalog_by_msgkey, language, settings, mode=mode)
    return lead_markdown(doc, states)

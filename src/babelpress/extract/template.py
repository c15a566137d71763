"""German pages -> gettext templates and per-language catalogues (``babelpress extract``).

:func:`build_template` turns one parsed page into its template (``.pot``):

1. one entry per distinct (msgctxt, msgid) of the page, in source order; a
   sentence that occurs twice shares one entry, with every occurrence as a
   ``#:`` reference ``docs/de/<slug>.md:<line>``;
2. ``#.`` names the kind of unit (``sentence``, ``heading``, ...) and lists each
   link placeholder with the Markdown it stands for (``[1] = (https://...)``),
   so a translator knows where a link goes without retyping it;
3. the segment's flags (``md-text`` where the unit carries Markdown);
4. header fields made by :class:`babel.messages.catalog.Catalog` (plural forms
   from babel's locale data for the target catalogues);
5. ``POT-Creation-Date`` is renewed only when the rest of the template changed
   (``Generated-By``, the version of babel, does not count: a fresh checkout with
   a newer babel finds its catalogues up to date).

:func:`build_words_template` makes the template of the site's own words
(:mod:`babelpress.wordlist`): one entry per word, its key as ``msgctxt``, the German
as ``msgid`` (and ``msgid_plural``), the note for translators as ``#.`` comment, the
flag ``python-brace-format`` where the German has ``{name}`` fields; no ``#:``
reference, since the words live in the package, not in the project.
"""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import polib
from babel.messages.catalog import Catalog

from babelpress.config import Settings
from babelpress.markdown.units import Document
from babelpress.po.file import new_entry
from babelpress.wordlist import FORMAT_FLAG, Word

DATE_FORMAT = "%Y-%m-%d %H:%M%z"


# ------------------------------------------------------------------ headers
def now() -> str:
    """The current time as gettext writes it in headers."""
    return datetime.datetime.now(datetime.timezone.utc).strftime(DATE_FORMAT)


def _babel_catalog(settings: Settings, language: str | None, date: str) -> Catalog:
    when = datetime.datetime.strptime(date, DATE_FORMAT)
    return Catalog(
        locale=language,
        project=settings.project,
        msgid_bugs_address=settings.bugs_address or None,
        copyright_holder=settings.copyright_holder or "ORGANIZATION",
        charset="UTF-8",
        creation_date=when,
        revision_date=when,
    )


def _fields(catalog: Catalog, settings: Settings) -> dict[str, str]:
    fields = {name: value.strip() for name, value in catalog.mime_headers}
    fields["Project-Id-Version"] = settings.project
    fields["Report-Msgid-Bugs-To"] = settings.bugs_address
    return fields


def _comment(catalog: Catalog) -> str:
    lines = catalog.header_comment.split("\n")
    return "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in lines)


@lru_cache(maxsize=16)
def _header(
    settings: Settings, language: str | None, date: str
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """babel's header comment and fields (built once per language and date in a run)."""
    catalog = _babel_catalog(settings, language, date)
    return _comment(catalog), tuple(_fields(catalog, settings).items())


def template_header(settings: Settings, date: str) -> polib.POFile:
    """An empty template with babel's header (fuzzy, as templates are) dated *date*."""
    comment, fields = _header(settings, None, date)
    po = polib.POFile(wrapwidth=79, encoding="utf-8")
    po.header = comment
    po.metadata = dict(fields)
    po.metadata["PO-Revision-Date"] = "YEAR-MO-DA HO:MI+ZONE"
    po.metadata_is_fuzzy = True
    return po


def language_header(settings: Settings, language: str, date: str) -> polib.POFile:
    """An empty catalogue for *language* with babel's header (Language, Plural-Forms)."""
    comment, fields = _header(settings, language, date)
    po = polib.POFile(wrapwidth=79, encoding="utf-8")
    po.header = comment
    po.metadata = dict(fields)
    po.metadata["PO-Revision-Date"] = date
    po.metadata["Last-Translator"] = "Automatically generated"
    return po


# ------------------------------------------------------------------ templates
def build_template(doc: Document, settings: Settings, *, date: str | None = None) -> polib.POFile:
    """The template of one page (see the module docstring)."""
    po = template_header(settings, date or now())
    entries: dict[tuple[str | None, str], polib.POEntry] = {}
    notes: dict[tuple[str | None, str], list[str]] = {}
    for segment in doc.segments():
        key = (segment.context, segment.msgid)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = new_entry(msgid=segment.msgid, msgctxt=segment.context)
            notes[key] = []
            po.append(entry)
        entry.occurrences.append((doc.path, str(segment.line)))
        entry.flags += [flag for flag in segment.flags if flag not in entry.flags]
        kinds = entry.comment.split(", ") if entry.comment else []
        if segment.kind not in kinds:
            entry.comment = ", ".join([*kinds, segment.kind])
        for holder, original in segment.placeholders:
            if f"{holder} = {original}" not in notes[key]:
                notes[key].append(f"{holder} = {original}")
    for key, entry in entries.items():
        entry.comment = "\n".join([entry.comment, *notes[key]])
    return po


def build_words_template(
    words: Iterable[Word], settings: Settings, *, date: str | None = None
) -> polib.POFile:
    """The template of the site's own words (see the module docstring)."""
    po = template_header(settings, date or now())
    for word in words:
        note = textwrap.fill(word.note, width=76, break_long_words=False, break_on_hyphens=False)
        entry = polib.POEntry(msgctxt=word.key, msgid=word.text, msgstr="", comment=note)
        if word.plural is not None:
            entry.msgid_plural = word.plural
            entry.msgstr_plural = {0: "", 1: ""}
        if word.fields:
            entry.flags.append(FORMAT_FLAG)
        po.append(entry)
    return po


def template_text(
    doc: Document, settings: Settings, old: polib.POFile | None, *, date: str | None = None
) -> str:
    """The template's text; keeps *old*'s date (and header comment) if nothing else changed.

    A new or changed template is dated *date* (default: now).
    """
    return template_and_text(doc, settings, old, date=date)[1]


def template_and_text(
    doc: Document, settings: Settings, old: polib.POFile | None, *, date: str | None = None
) -> tuple[polib.POFile, str]:
    """The template (see :func:`template_text`) and its text, so callers need not re-parse it."""
    return stable_template(lambda when: build_template(doc, settings, date=when), old, date=date)


def stable_template(
    build: Callable[[str | None], polib.POFile],
    old: polib.POFile | None,
    *,
    date: str | None = None,
) -> tuple[polib.POFile, str]:
    """The template *build* makes, dated as *old* when nothing else changed, and its text.

    A new or changed template is dated *date* (default: now).
    """
    from babelpress.po.format import format_po

    old_date = old.metadata.get("POT-Creation-Date") if old is not None else None
    if old is not None and old_date and _is_date(old_date):
        same = build(old_date)
        same.header = old.header  # its year follows the date
        if "Generated-By" in old.metadata and "Generated-By" in same.metadata:
            # the version of babel that wrote it: a new release changes no template
            same.metadata["Generated-By"] = old.metadata["Generated-By"]
        text = format_po(same)
        if text == format_po(old):
            return same, text
    template = build(date)
    return template, format_po(template)


def _is_date(value: str) -> bool:
    try:
        datetime.datetime.strptime(value, DATE_FORMAT)
    except ValueError:
        return False
    return True


def parse_page(settings: Settings, slug: str, path: Path) -> tuple[Document, str | None]:
    """The page at *path*, and what walking it found as rendering keeps it (None: nothing
    can be kept; :mod:`babelpress.markdown.stored`)."""
    from babelpress.errors import InputError
    from babelpress.fsutil import read_text
    from babelpress.markdown import stored
    from babelpress.markdown.reader import parse_walked

    try:
        text = read_text(path, root=settings.root)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", path=path) from exc
    relative = path.relative_to(settings.root).as_posix()
    doc, walked = parse_walked(text, path=relative, slug=slug, unit=settings.unit)
    return doc, stored.dumps(text, settings.unit, walked)

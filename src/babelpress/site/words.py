"""Reader-facing words of the site, in each language the site is published in.

The site's own words -- the review notices, the labels of the article's metadata
line, the 404 page, the title of the headings' permalinks, the footer's "Made
with" -- are a gettext domain of their own, translated by editors like articles:

1. The German words, with a note for translators, are written in the package,
   ``src/babelpress/data/site_words.yml`` (read by :mod:`babelpress.wordlist`).
2. ``babelpress extract`` writes their template ``locale/templates/_site.pot`` and
   merges it into ``locale/<lang>/LC_MESSAGES/_site.po`` for every target language;
   ``translate`` drafts them, ``status`` counts them, ``check`` checks them, as it
   does for pages.  The key of a word is the entry's ``msgctxt``, its German text
   the ``msgid`` (and ``msgid_plural`` for a word that counts).
3. :func:`load` gives the :class:`Words` of one language: a word is shown in that
   language when its catalogue has a translation of the current German text that the
   quality checks let through, and that is reviewed -- or a draft, where drafts are
   shown (``publish_drafts``, and always in the live preview).  **Otherwise the word
   is shown in German**, the language it is written in, with German plural rules:
   the same rule as for an article's sentences (what is not translated is German),
   gettext's own (the msgid is the fallback), and independent of how far another
   edition's review has come.  A new language therefore needs no code: add it to
   ``languages`` in ``mkdocs.yml``, run ``babelpress extract``, translate ``_site.po``.
4. Plural forms follow the catalogue's ``Plural-Forms`` header (babel's rule for the
   language when the header has none or one that cannot be read).
5. ``{name}`` fields are filled by plain substitution (no attribute access, no
   format spec); a translation using a field the German does not have is shown in
   German.

Numbers and dates are formatted with babel's locale data for the language
(``64 %`` in German and Russian, ``64%`` in English; ``9. Mai 2024``), except where
:data:`DATE_FORMATS` gives an edition its own date pattern.

**How to add a word** (the one way; never a dict of strings in Python):

1. add it to ``src/babelpress/data/site_words.yml``: a key (``archive.title``), the
   German text under ``de`` (or ``[singular, plural]`` with ``{count}``), a ``note``
   saying where readers see it;
2. use it: in Python ``words.text("archive.title")`` or
   ``words.plural("archive.count", n)`` on the :class:`Words` of the page's language
   (:func:`load`; the plugin and :func:`babelpress.render.all_pages.render_all` hold
   one per language), in a theme template ``babelpress.texts["archive.title"]``;
3. run ``babelpress extract`` and translate the new entry in each
   ``locale/<lang>/LC_MESSAGES/_site.po`` (until then the site shows the German).
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import hashlib
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import polib
from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.plurals import get_plural
from babel.numbers import format_decimal, format_percent

from babelpress import project, wordlist
from babelpress.config import Settings
from babelpress.errors import BabelpressError, CatalogError
from babelpress.fsutil import OutsideProject, read_bytes
from babelpress.qa import render_blockers

FALLBACK_LOCALE = "en"

#: date patterns where babel's "long" format is not the edition's: the English
#: edition is written in British English (neighbour, organisation, per cent), and
#: its catalogues write dates as "24 April 2022", not "April 24, 2022"; Russian
#: articles write the year out ("24 апреля 2022 года"), not babel's "2022 г."
DATE_FORMATS: dict[str, str] = {"en": "d MMMM y", "ru": "d MMMM y 'года'"}

_PLURAL_EXPR = re.compile(r"plural\s*=\s*([^;]+)")


@dataclass(frozen=True)
class Shown:
    """How one word is shown: its forms, the language they are in, its plural rule."""

    forms: tuple[str, ...]
    language: str
    plural: Callable[[int], int]


@dataclass(frozen=True)
class Words:
    """The site's words for pages in *language* (see the module docstring)."""

    language: str
    shown: Mapping[str, Shown]
    #: changes whenever a word shown changes (for the render cache)
    fingerprint: str
    #: translations left out by the quality checks, ``path:line: problem -- shown in German``
    warnings: tuple[str, ...] = ()
    #: the catalogue could not be read (every word is German)
    error: BabelpressError | None = None

    @functools.cached_property
    def texts(self) -> Mapping[str, str]:
        """Key -> text (singular), read-only: what the theme templates print."""
        return MappingProxyType({key: shown.forms[0] for key, shown in self.shown.items()})

    def text(self, key: str, **values: Any) -> str:
        """The word *key* with its ``{fields}`` filled from *values*."""
        if values:
            return self._render(key, None, values)
        known = self._plain.get(key)
        if known is None:
            known = self._plain[key] = self._render(key, None, values)
        return known

    @functools.cached_property
    def _plain(self) -> dict[str, str]:
        """The words without fields asked for so far: labels are asked for on every page."""
        return {}

    def plural(self, key: str, count: int, **values: Any) -> str:
        """The form of word *key* for *count*; ``{count}`` is *count* written in the language."""
        return self._render(key, count, values)

    def _render(self, key: str, count: int | None, values: dict[str, Any]) -> str:
        """The word in the language it is shown in; in German if its fields do not fit."""
        for shown in (self.shown[key], _source(key)):
            filled = dict(values)
            index = 0
            if count is not None:
                index = _plural_index(shown.plural, count, len(shown.forms))
                filled["count"] = number(count, shown.language)
            text = substitute(shown.forms[index], filled)
            if text is not None:
                return text
        raise KeyError(f"the site's word {key!r} needs values for its fields: {values}")


def substitute(text: str, values: Mapping[str, Any]) -> str | None:
    """*text* with each ``{name}`` replaced by ``values[name]``; None if that cannot be done."""
    out: list[str] = []
    try:
        for literal, name, spec, conversion in string.Formatter().parse(text):
            out.append(literal)
            if name is None:
                continue
            if spec or conversion or name not in values:
                return None
            out.append(str(values[name]))
    except ValueError:
        return None
    return "".join(out)


# ------------------------------------------------------------------ loading
def load(settings: Settings, language: str, *, drafts: bool) -> Words:
    """The words for pages in *language*; *drafts*: whether fuzzy translations are shown."""
    if language == wordlist.SOURCE_LANGUAGE:
        return _german(language)
    path = project.po_path(settings, language, project.SITE_WORDS)
    try:
        data: bytes | None = read_bytes(path, root=settings.root)
    except FileNotFoundError:
        data = None
    except OutsideProject as exc:
        return _with_error(_german(language), exc)
    except OSError as exc:
        error = CatalogError(f"cannot read: {exc.strerror or exc}", path=path)
        return _with_error(_german(language), error)
    try:
        shown = path.relative_to(settings.root).as_posix()
    except ValueError:
        shown = path.as_posix()
    return _load(language, data, shown, drafts)


@functools.lru_cache(maxsize=32)
def _load(language: str, data: bytes | None, where: str, drafts: bool) -> Words:
    german = _german(language)
    if data is None:
        return german
    from babelpress.po.file import parse_po

    try:
        catalogue = parse_po(data, path=where)
    except CatalogError as exc:
        return _with_error(german, exc)
    rule = _catalogue_rule(catalogue.metadata, language)
    entries = {(e.msgctxt, e.msgid): e for e in catalogue if not e.obsolete and e.msgid}
    shown: dict[str, Shown] = {}
    warnings: list[str] = []
    for word in wordlist.words():
        entry = entries.get((word.key, word.text))
        forms = _usable(entry, word, language, drafts, where, warnings)
        shown[word.key] = Shown(forms, language, rule) if forms else german.shown[word.key]
    digest = hashlib.sha256(wordlist.data() + b"\0" + data + b"\0" + bytes([drafts]))
    return Words(language, MappingProxyType(shown), digest.hexdigest(), tuple(warnings))


def _usable(
    entry: polib.POEntry | None,
    word: wordlist.Word,
    language: str,
    drafts: bool,
    where: str,
    warnings: list[str],
) -> tuple[str, ...]:
    """The translated forms of *entry* if the site may show them, else ()."""
    if entry is None or (entry.msgid_plural or None) != word.plural:
        return ()
    if word.plural is None:
        forms: tuple[str, ...] = (entry.msgstr,)
    else:
        plural = entry.msgstr_plural or {}
        forms = tuple(plural.get(index, "") for index in range(max(plural, default=-1) + 1))
    if not forms or not all(forms) or (entry.fuzzy and not drafts):
        return ()
    problems = render_blockers(entry, language)
    if problems:
        line = f":{entry.linenum}" if getattr(entry, "linenum", None) else ""
        warnings.extend(f"{where}{line}: {problem} -- shown in German" for problem in problems)
        return ()
    return forms


def _with_error(words: Words, error: BabelpressError) -> Words:
    return Words(words.language, words.shown, words.fingerprint, (), error)


def load_german(language: str) -> Words:
    """Every word in German, for pages in *language* (no catalogue read)."""
    return _german(language)


@functools.lru_cache(maxsize=64)
def _german(language: str) -> Words:
    """Every word in German, for pages in *language*."""
    shown = {word.key: _source(word.key) for word in wordlist.words()}
    digest = hashlib.sha256(wordlist.data()).hexdigest()
    return Words(language, MappingProxyType(shown), digest)


@functools.lru_cache(maxsize=256)
def _source(key: str) -> Shown:
    word = wordlist.by_key()[key]
    forms = (word.text,) if word.plural is None else (word.text, word.plural)
    return Shown(forms, wordlist.SOURCE_LANGUAGE, _babel_rule(wordlist.SOURCE_LANGUAGE))


# ------------------------------------------------------------------ plurals
def _catalogue_rule(metadata: Mapping[str, str], language: str) -> Callable[[int], int]:
    found = _PLURAL_EXPR.search(metadata.get("Plural-Forms", ""))
    if found:
        try:
            return _compile(found.group(1).strip())
        except (ValueError, SyntaxError, RecursionError):
            pass  # the quality of a header is msgfmt's business; babel's rule stands in
    return _babel_rule(language)


@functools.lru_cache(maxsize=64)
def _babel_rule(language: str) -> Callable[[int], int]:
    try:
        expression = get_plural(language.replace("-", "_")).plural_expr
    except (ValueError, UnknownLocaleError):
        expression = "(n != 1)"
    return _compile(expression)


@functools.lru_cache(maxsize=64)
def _compile(expression: str) -> Callable[[int], int]:
    rule: Callable[[int], int] = gettext.c2py(expression)
    return rule


def _plural_index(rule: Callable[[int], int], count: int, forms: int) -> int:
    try:
        index = int(rule(abs(count)))
    except (ArithmeticError, ValueError, TypeError):
        index = 0 if count == 1 else forms - 1
    return max(0, min(index, forms - 1))


# ------------------------------------------------------------------ babel
def number(value: int, language: str) -> str:
    """An integer written the way *language* does (``1 400`` in Russian, ``1,400`` in English)."""
    return _number(value, language)


@functools.lru_cache(maxsize=1024)
def _number(value: int, language: str) -> str:
    return format_decimal(value, locale=_locale(language))


def percent(share: float, language: str) -> str:
    """*share* (0-100) rounded down to a whole percent, written the way *language* does."""
    return _percent(int(max(0.0, min(100.0, share))), language)


@functools.lru_cache(maxsize=1024)
def _percent(whole: int, language: str) -> str:
    return format_percent(whole / 100, locale=_locale(language))


def date(value: Any, language: str) -> str:
    """A front-matter date (``date`` or ISO string) written out in *language*."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    if not isinstance(value, dt.date):
        return str(value)
    return _date(value, language)


@functools.lru_cache(maxsize=4096)
def _date(value: dt.date, language: str) -> str:
    pattern = DATE_FORMATS.get(_base_language(language), "long")
    return format_date(value, pattern, locale=_locale(language))


def language_name(language: str) -> str:
    """The language's name in itself, capitalised (``Deutsch``, ``English``, ``Русский``)."""
    name = _locale(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def _base_language(language: str) -> str:
    return language.replace("-", "_").split("_", 1)[0].lower()


@functools.lru_cache(maxsize=64)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(FALLBACK_LOCALE)


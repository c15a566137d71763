"""The site's own words as the package ships them: German text, plural, note for translators.

``src/babelpress/data/site_words.yml`` is the source of the gettext domain of the
site's words (:data:`babelpress.project.SITE_WORDS`): ``babelpress extract`` makes
its template from :func:`words`, and :mod:`babelpress.site.words` shows a word in a
page's language from that language's catalogue, or in German.

1. A word is a key (its name in code and templates, and its ``msgctxt`` in the
   catalogues), a German text -- or two, singular and plural, for a word that
   counts something -- and a note for translators (the ``#.`` comment).
2. Keys are unique, made of ``a-z``, digits, ``.``, ``_`` and ``-``; the file keeps
   its order, which is the order of the template.
3. ``{name}`` fields are filled in by the code; a text whose braces Python's
   ``str.format`` cannot read is refused.  A word with fields carries the gettext
   flag ``python-brace-format``, so editors' tools and ``babelpress check`` know them.

Why the German text is the msgid (and the key only the context): editors in Poedit
or Weblate translate from the text they see, a changed German text makes the old
translation fuzzy with the old German beside it (``#| msgid``) exactly as for
articles, and code and templates keep asking for the same key.
"""

from __future__ import annotations

import functools
import hashlib
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from babelpress.errors import InputError

#: where the words are written
DATA = Path(__file__).resolve().parent / "data" / "site_words.yml"
#: the language the words are written in (the msgids of the domain)
SOURCE_LANGUAGE = "de"
#: the gettext flag of a text with ``{name}`` fields
FORMAT_FLAG = "python-brace-format"

_KEY = re.compile(r"[a-z0-9][a-z0-9._-]*")
#: libyaml reads the file ten times faster than PyYAML's own reader (same values)
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Word:
    """One word of the site, in German."""

    key: str
    text: str
    #: the plural form of a word that counts (``{count}``), else None
    plural: str | None = None
    note: str = ""
    #: line of the key in the data file
    line: int = 0

    @property
    def fields(self) -> tuple[str, ...]:
        """The ``{name}`` fields of the German text(s), sorted."""
        names = set(format_fields(self.text))
        if self.plural is not None:
            names |= set(format_fields(self.plural))
        return tuple(sorted(names))


def format_fields(text: str) -> list[str]:
    """The field names of a ``str.format`` text, in order (ValueError when unreadable)."""
    names = []
    for _, name, spec, _ in string.Formatter().parse(text):
        if name is not None:
            names.append(name)
            if spec:
                names += format_fields(spec)
    return names


@functools.lru_cache(maxsize=1)
def words() -> tuple[Word, ...]:
    """Every word of the site, in the order of the data file."""
    return parse_words(data().decode("utf-8"), origin=DATA)


@functools.lru_cache(maxsize=1)
def data() -> bytes:
    """The data file's bytes."""
    try:
        return DATA.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the site's words: {exc.strerror or exc}", path=DATA) from exc


def fingerprint() -> str:
    """A digest of the words: changes when a word does."""
    return hashlib.sha256(data()).hexdigest()


def by_key() -> dict[str, Word]:
    return {word.key: word for word in words()}


def parse_words(text: str, *, origin: str | Path) -> tuple[Word, ...]:
    """The words of a data file's *text* (see the module docstring); errors name the line."""
    try:
        root, values = _load(text, _FAST_LOADER)
    except yaml.YAMLError:
        try:  # PyYAML's own loader says what is wrong, as it always has
            root, values = _load(text, yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise InputError(f"invalid YAML: {exc}", path=origin, line=line) from exc
    if values is None:
        return ()
    if not isinstance(values, dict) or not isinstance(root, yaml.MappingNode):
        raise InputError("expected a mapping of words", path=origin, line=1)
    lines: dict[str, int] = {}
    for node, _ in root.value:
        if str(node.value) in lines:
            raise InputError(f"{node.value}: the key occurs twice", path=origin,
                             line=node.start_mark.line + 1)  # fmt: skip
        lines[str(node.value)] = node.start_mark.line + 1
    return tuple(
        _word(key, value, lines.get(str(key), 0), origin) for key, value in values.items()
    )


def _load(text: str, loader_class: Any) -> tuple[Any, Any]:
    """The node tree of *text* and the values built from it: one pass, not two."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return root, (None if root is None else loader.construct_document(root))
    finally:
        loader.dispose()


def _word(key: Any, value: Any, line: int, origin: str | Path) -> Word:
    def fail(message: str) -> InputError:
        return InputError(f"{key}: {message}", path=origin, line=line)

    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise fail("a key is made of a-z, digits, '.', '_' and '-'")
    if not isinstance(value, dict) or "de" not in value:
        raise fail("needs 'de' (the German text) and may have 'note'")
    unknown = sorted(set(value) - {"de", "note"})
    if unknown:
        raise fail(f"unknown field(s): {', '.join(map(str, unknown))}")
    german, note = value["de"], value.get("note") or ""
    if not isinstance(note, str):
        raise fail("'note' is a text")
    if isinstance(german, list) and len(german) == 2 and all(isinstance(t, str) for t in german):
        text, plural = german
    elif isinstance(german, str):
        text, plural = german, None
    else:
        raise fail("'de' is a text, or a list of two texts (singular, plural)")
    for form in (text, plural):
        if form is not None and not form.strip():
            raise fail("the German text is empty")
        try:
            format_fields(form or "")
        except ValueError as exc:
            raise fail(f"braces cannot be read ({exc}); write {{{{ and }}}} for a brace") from exc
    return Word(key, text, plural, " ".join(note.split()), line)

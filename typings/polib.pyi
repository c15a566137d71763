# Types for the part of polib (1.2) babelpress uses: polib ships no annotations, and
# without them every catalogue entry would be ``Any`` to mypy.
from collections.abc import Iterator
from typing import Any

__version__: str
default_encoding: str

class _BaseEntry:
    msgid: str
    msgstr: str
    msgid_plural: str
    msgstr_plural: dict[int, str]
    msgctxt: str | None
    obsolete: bool
    encoding: str
    linenum: int
    def __init__(self, *args: Any, **kwargs: Any) -> None: ...

class POEntry(_BaseEntry):
    comment: str
    tcomment: str
    occurrences: list[tuple[str, str]]
    flags: list[str]
    previous_msgctxt: str | None
    previous_msgid: str | None
    previous_msgid_plural: str | None
    @property
    def fuzzy(self) -> bool: ...
    def translated(self) -> bool: ...

class MOEntry(_BaseEntry): ...

class _BaseFile(list[POEntry]):
    fpath: str | None
    wrapwidth: int
    encoding: str
    check_for_duplicates: bool
    header: str
    metadata: dict[str, str]
    metadata_is_fuzzy: bool | list[str]
    def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    def __iter__(self) -> Iterator[POEntry]: ...
    def find(
        self, st: str, by: str = ..., include_obsolete_entries: bool = ..., msgctxt: str | bool = ...
    ) -> POEntry | None: ...
    def save(self, fpath: str | None = ..., repr_method: str = ..., newline: str | None = ...) -> None: ...
    def ordered_metadata(self) -> list[tuple[str, str]]: ...

class POFile(_BaseFile):
    def percent_translated(self) -> int: ...
    def translated_entries(self) -> list[POEntry]: ...
    def untranslated_entries(self) -> list[POEntry]: ...
    def fuzzy_entries(self) -> list[POEntry]: ...
    def obsolete_entries(self) -> list[POEntry]: ...

class MOFile(_BaseFile): ...

def pofile(pofile: str, **kwargs: Any) -> POFile: ...
def mofile(mofile: str, **kwargs: Any) -> MOFile: ...

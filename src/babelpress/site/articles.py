"""The articles of one language's site, read from the pages' front matter, in archive order.

What the front page, the archive, the news feed and the previous/next links of
an article need to know about each page, and the one order they all share:

1. A page is an **article** unless its front matter says ``layout: page``: a
   page of its own (about, imprint) that the navigation lists as a section and
   no listing shows.  The generated listing pages are not read here at all.
2. An article's **date** is its front matter's ``date`` (a YAML date or
   date-time, an ISO string, or material's ``date: {created: …}``).  A value that
   is not a date is reported (file and field) and the article counts as undated.
   A time of day orders articles of the same day; a time zone is converted to UTC.
3. **Order**: dated articles first, newest first (same moment: by title, then by
   path); then the undated ones by title (then by path).  Titles are compared
   without case, accents and leading quotation marks (:func:`title_key`).  The
   order does not depend on the order the pages were found in.
4. Title: ``title`` of the front matter, else the page's first ``# `` heading,
   else its file name (as MkDocs does).  Byline: ``author`` or ``authors`` (one
   name or a list).  Lead: ``description``.  ``babelpress.title_lang`` (set by
   render when the title is still in the source language) is kept, so listings
   mark the title's language; so is ``babelpress.published`` (false: a rendered
   page below ``min_reviewed``, which is no translation of the article).

Reading a page costs a file read and a YAML parse; :class:`ArticleReader` keeps
what it read by the file's size and modification time, so a rebuild in
``mkdocs serve`` reads only the pages that changed.  What a rendered page says is
worked out once, when it is written (:func:`page_facts`), kept in the render
cache, and handed to the reader with the file's identity (:meth:`ArticleReader.know`):
a build does not read the front matter of the rendered pages at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babelpress.errors import BabelpressError
from babelpress.markdown.reader import front_matter

#: front matter ``layout`` of a page that is not an article
PAGE_LAYOUT = "page"
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)
_LEADING_MARKS = re.compile(r"^[\W_]+")


@dataclass(frozen=True)
class Article:
    """One article as its language's site shows it in listings."""

    #: the page's path in its language folder, without ``.md`` (``dossier/teil-eins``)
    path: str
    #: site-relative URL of the page in this language (``en/dossier/teil-eins/``)
    url: str
    title: str
    date: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    lead: str = ""
    #: the title's language when it differs from the page's (an untranslated title)
    title_lang: str | None = None
    #: the lead's language when it differs from the page's (an untranslated lead)
    lead_lang: str | None = None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass(frozen=True)
class PageInfo:
    """What one page's front matter says, before it is known where the page is published."""

    is_article: bool
    title: str
    date: dt.datetime | None
    authors: tuple[str, ...]
    lead: str
    title_lang: str | None
    warnings: tuple[str, ...] = ()
    lead_lang: str | None = None
    #: False for a rendered page below ``min_reviewed`` (the original stands in)
    published: bool = True

    def article(self, path: str, url: str) -> Article:
        return Article(
            path, url, self.title, self.date, self.authors, self.lead, self.title_lang,
            self.lead_lang,
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        """The fields as JSON values (the date in ISO 8601); :meth:`from_json` reads them."""
        return {
            "article": self.is_article,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "authors": list(self.authors),
            "lead": self.lead,
            "title_lang": self.title_lang,
            "lead_lang": self.lead_lang,
            "warnings": list(self.warnings),
            "published": self.published,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PageInfo:
        date = data["date"]
        return cls(
            is_article=bool(data["article"]),
            title=str(data["title"]),
            date=dt.datetime.fromisoformat(date) if date else None,
            authors=tuple(str(name) for name in data["authors"]),
            lead=str(data["lead"]),
            title_lang=data["title_lang"],
            lead_lang=data.get("lead_lang"),
            warnings=tuple(str(warning) for warning in data["warnings"]),
            published=bool(data["published"]),
        )


# ------------------------------------------------------------------ order
def sort_key(article: Article) -> tuple[Any, ...]:
    """Dated before undated; newest first; then title and path (see the module docstring)."""
    title = (title_key(article.title), article.title, article.path)
    if article.date is None:
        return (1, 0.0, *title)
    moment = article.date.replace(tzinfo=dt.timezone.utc).timestamp()
    return (0, -moment, *title)


@functools.lru_cache(maxsize=16384)  # every language build sorts its articles twice
def title_key(title: str) -> str:
    """*title* as it is alphabetised: without accents, case or leading quotation marks.

    ``Ärger`` sorts with ``Arger`` (not after ``Zoll``), ``«Mission»`` with
    ``Mission``, ``ёж`` with ``еж``: close to how readers of German, English and
    Russian expect a list of titles, without a collation library.
    """
    decomposed = unicodedata.normalize("NFKD", title)
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _LEADING_MARKS.sub("", base).casefold()


def ordered(articles: Iterable[Article]) -> list[Article]:
    """*articles* in archive order."""
    return sorted(articles, key=sort_key)


# ------------------------------------------------------------------ reading
def page_info(meta: Mapping[str, Any], body: str, path: str) -> PageInfo:
    """What the front matter *meta* (and *body*, for a title) of the page *path* say."""
    warnings: list[str] = []
    date = _date(meta.get("date"), path, warnings)
    review = meta.get("babelpress")
    title_lang, lead_lang = _language_of(review, "title_lang"), _language_of(review, "lead_lang")
    published = not (isinstance(review, Mapping) and review.get("published") is False)
    return PageInfo(
        is_article=meta.get("layout") != PAGE_LAYOUT,
        title=_title(meta, body, path),
        date=date,
        authors=_names(meta.get("authors", meta.get("author"))),
        lead=_text(meta.get("description")),
        title_lang=title_lang,
        warnings=tuple(warnings),
        published=published,
        lead_lang=lead_lang,
    )


def _language_of(review: Any, key: str) -> str | None:
    """A language the render noted for a part of the page still in the original."""
    if isinstance(review, Mapping) and isinstance(review.get(key), str):
        return str(review[key])
    return None


#: bytes read first: front matter is at the top, and a build reads every page's
_HEAD = 8192


def read_page_info(source: Path, path: str) -> PageInfo:
    """:func:`page_info` of the file *source* (shown as *path* in warnings).

    Only the file's head is read when its front matter ends there and has a
    title; the body is needed for nothing else.
    """
    try:
        text, whole = _head(source)
        meta, body = front_matter(text, path=path)
        if not whole and not (meta and _text(meta.get("title"))):
            meta, body = front_matter(source.read_text(encoding="utf-8"), path=path)
    except (OSError, UnicodeDecodeError) as exc:
        return _unreadable(path, f"{path}: cannot read: {exc}")
    except BabelpressError as exc:
        return _unreadable(path, str(exc))
    return page_info(meta, body, path)


def page_facts(
    markdown: str, source: Path, written: tuple[Mapping[str, Any], str] | None = None
) -> dict[str, Any] | None:
    """:meth:`PageInfo.to_json` of the page *source* whose text is *markdown* (being
    written), as :func:`read_page_info` will read it; None when its front matter
    cannot be read or has a warning (the warning names the page as the build sees it:
    it is read then).  *written* is the front matter and body the writer knows
    *markdown* reads back as; without it the text is read.
    """
    path = source.as_posix()
    if written is not None:
        meta, body = written
    else:
        text = markdown.replace("\r\n", "\n").replace("\r", "\n")  # as read_text gives it
        try:
            meta, body = front_matter(text, path=path)
        except BabelpressError:
            return None
    info = page_info(meta, body, path)
    return None if info.warnings else info.to_json()


def _head(source: Path) -> tuple[str, bool]:
    """The text of the file's first lines, and whether that is the whole file."""
    with source.open("rb") as stream:
        data = stream.read(_HEAD + 1)
    whole = len(data) <= _HEAD
    # a cut after a newline never splits a UTF-8 character
    head = data if whole else data[: data.rfind(b"\n", 0, _HEAD) + 1]
    # line ends as Path.read_text gives them (universal newlines)
    return head.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"), whole


def _unreadable(path: str, warning: str) -> PageInfo:
    return PageInfo(True, _file_title(path), None, (), "", None, (warning,))


@dataclass
class ArticleReader:
    """:func:`read_page_info` with what it read kept by file size and modification time."""

    _known: dict[str, tuple[int, int, PageInfo]] = field(default_factory=dict)
    #: what is known of files not read, by device and inode (a path may be spelt otherwise)
    _told: dict[tuple[int, int], tuple[int, int, PageInfo]] = field(default_factory=dict)
    #: what the current build read, by path, trusted without a look at the file (None:
    #: every read checks the file); see :meth:`begin_build`
    _this_build: dict[str, PageInfo] | None = None

    def begin_build(self, *, steady: bool) -> None:
        """A build starts: with *steady*, no page changes until the next call.

        ``mkdocs build`` renders the pages before the build and writes none while it
        runs, so what a page said stands for the rest of the build: its page events ask
        for each article's editions once per page and language, a ``stat`` each.  The
        live preview re-renders pages between its page builds without starting a
        build, so there every read checks the file (*steady* False).
        """
        self._this_build = {} if steady else None

    def know(self, source: Path | str, info: PageInfo) -> None:
        """Take *info* as what the file *source* says, as long as it stays as it is now."""
        try:
            stat = os.stat(source)
        except OSError:
            return
        self._told[(stat.st_dev, stat.st_ino)] = (stat.st_mtime_ns, stat.st_size, info)

    def read(self, source: Path | str, path: str | Callable[[], str]) -> PageInfo:
        """The page *source*, named *path* in warnings (or by calling *path*: it is
        only needed when the file is read, and a rebuild reads few)."""
        key = os.fspath(source)
        this_build = self._this_build
        if this_build is not None:
            seen = this_build.get(key)
            if seen is None:
                seen = this_build[key] = self._read(source, key, path)
            return seen
        return self._read(source, key, path)

    def _read(self, source: Path | str, key: str, path: str | Callable[[], str]) -> PageInfo:
        try:
            stat = os.stat(source)
        except OSError as exc:
            return _unreadable(_name(path), f"{_name(path)}: cannot read: {exc.strerror or exc}")
        known = self._known.get(key)
        if known and known[:2] == (stat.st_mtime_ns, stat.st_size):
            return known[2]
        told = self._told.get((stat.st_dev, stat.st_ino))
        if told and told[:2] == (stat.st_mtime_ns, stat.st_size):
            info = told[2]
        else:
            info = read_page_info(Path(source), _name(path))
        self._known[key] = (stat.st_mtime_ns, stat.st_size, info)
        return info


def _name(path: str | Callable[[], str]) -> str:
    return path if isinstance(path, str) else path()


# ------------------------------------------------------------------ fields
def _date(value: Any, path: str, warnings: list[str]) -> dt.datetime | None:
    if isinstance(value, Mapping):
        value = value.get("created")
    if value is None or value == "":
        return None
    moment = parse_moment(value)
    if moment is None:
        warnings.append(f"{path}: date {str(value)[:40]!r} is not a date; listed as undated")
    return moment


def parse_moment(value: Any) -> dt.datetime | None:
    """A front-matter date as a naive UTC date-time (None: not a date)."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            try:
                value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
            except OverflowError:  # "0001-01-01T00:00:00+23:59" is before the year 1 in UTC
                return None
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return None


def _title(meta: Mapping[str, Any], body: str, path: str) -> str:
    title = _text(meta.get("title"))
    if title:
        return title
    heading = _H1.search(body)
    return heading.group(1).strip() if heading else _file_title(path)


def _file_title(path: str) -> str:
    """MkDocs' title for a page without one: its file name, capitalised."""
    parts = path.removesuffix(".md").rsplit("/", 2)
    name = parts[-2] if parts[-1] == "index" and len(parts) > 1 else parts[-1]
    name = name.replace("-", " ").replace("_", " ")
    return name[:1].upper() + name[1:]


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(text for text in (_text(item) for item in value) if text)
    text = _text(value)
    return (text,) if text else ()


def _text(value: Any) -> str:
    if value is None or isinstance(value, (Mapping, list, tuple)):
        return ""
    return " ".join(str(value).split())

"""The listing pages of one language's site: the front page and the archive, planned.

Every language gets the same listing pages at the same paths (Markdown source
paths in the language's folder), so the language switcher of a listing page
leads to the same page in the other language:

1. ``index.md``, the **front page**: the newest ``front_page_articles`` articles.
2. ``archive/index.md``, the **archive**: one line per year, newest first, with
   the number of articles; articles without a date last, as their own "year".
3. ``archive/<year>/index.md``, ``archive/<year>/<n>/index.md`` (n ≥ 2): a
   **year**, ``archive_page_articles`` articles per page; undated articles under
   ``archive/undated/``.  Every article is on exactly one of these pages.  Paging
   runs on across years: "older" on a year's last page leads to the first page
   of the year before, "newer" on a first page to the last page of the year after.

Articles are listed in the order of :mod:`babelpress.site.articles`.  The plan is
pure data; :mod:`babelpress.site.listing` writes the pages' HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from babelpress.site.articles import Article, ordered

FRONT = "index.md"
ARCHIVE = "archive/index.md"
ARCHIVE_DIR = "archive"
UNDATED = "undated"

Kind = Literal["front", "archive", "year"]


@dataclass(frozen=True)
class YearSummary:
    """One line of the archive page: a year (None: undated), its size and first page."""

    year: int | None
    count: int
    path: str


@dataclass(frozen=True)
class Listing:
    """One generated listing page."""

    path: str
    kind: Kind
    articles: tuple[Article, ...] = ()
    #: the year the page lists (kind ``year``; None there: the undated articles)
    year: int | None = None
    #: page number within the year (1-based) and the year's number of pages
    number: int = 1
    pages: int = 1
    #: the pages of the same year, in order (for the page numbers)
    siblings: tuple[str, ...] = ()
    newer: str | None = None
    older: str | None = None


@dataclass(frozen=True)
class Plan:
    """Every listing page of one language, and the archive's years."""

    listings: tuple[Listing, ...]
    years: tuple[YearSummary, ...]

    def get(self, path: str) -> Listing | None:
        return next((listing for listing in self.listings if listing.path == path), None)


def year_path(year: int | None, number: int = 1) -> str:
    """The source path of page *number* of *year* (None: undated)."""
    folder = f"{ARCHIVE_DIR}/{UNDATED if year is None else year}"
    return f"{folder}/index.md" if number == 1 else f"{folder}/{number}/index.md"


def chunks(items: Sequence[Article], size: int) -> list[tuple[Article, ...]]:
    """*items* cut into pages of *size* (at least one page, maybe empty)."""
    if size < 1:
        raise ValueError("a page holds at least one article")
    pages = [tuple(items[start : start + size]) for start in range(0, len(items), size)]
    return pages or [()]


def plan(articles: Sequence[Article], *, front_page: int, per_page: int) -> Plan:
    """The listing pages for *articles* (in any order; see the module docstring)."""
    order = ordered(articles)
    years: list[YearSummary] = []
    pages: list[tuple[int | None, int, int, tuple[Article, ...]]] = []
    for year, group in groupby(order, key=lambda article: article.year):
        members = list(group)
        cut = chunks(members, per_page)
        years.append(YearSummary(year, len(members), year_path(year)))
        pages += [(year, number, len(cut), chunk) for number, chunk in enumerate(cut, 1)]
    listings = [
        Listing(FRONT, "front", tuple(order[:front_page])),
        Listing(ARCHIVE, "archive"),
    ]
    paths = [year_path(year, number) for year, number, _, _ in pages]
    for index, (year, number, count, chunk) in enumerate(pages):
        listings.append(
            Listing(
                paths[index],
                "year",
                chunk,
                year=year,
                number=number,
                pages=count,
                siblings=tuple(year_path(year, n) for n in range(1, count + 1)),
                newer=paths[index - 1] if index else None,
                older=paths[index + 1] if index + 1 < len(paths) else None,
            )
        )
    return Plan(tuple(listings), tuple(years))


def page_window(number: int, pages: int, *, around: int = 2) -> list[int | None]:
    """Page numbers to show in a pager: first, last and *around* each side of *number*.

    ``None`` stands for a gap (shown as an ellipsis), so a year of 500 pages
    shows at most ``2 * around + 5`` items.
    """
    shown = sorted({1, pages, *range(max(1, number - around), min(pages, number + around) + 1)})
    window: list[int | None] = []
    for page in shown:
        if window and page - (window[-1] or 0) > 1:
            window.append(None)
        window.append(page)
    return window

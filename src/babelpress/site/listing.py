"""The Markdown of a generated listing page: front matter and an HTML body.

:func:`listing_page` is pure: a :class:`~babelpress.site.archive.Listing` of the
:class:`~babelpress.site.archive.Plan`, the page's language and where the pages
are published give the page's whole text.  The body is one HTML block, built
here with every value escaped (titles, leads and names come from front matter
and catalogues, which are outside input), so Markdown leaves it as it is and the
headlines stay out of the page's table of contents.  Every word is the page's
language's (:mod:`babelpress.site.words`), dates and counts are written by babel.

Links are relative to the page, so the site works from any folder: listing
pages link to each other by their paths (:func:`listing_url`) and to articles
by the URLs MkDocs gave them (:attr:`Article.url`).  The front matter keeps the
page out of the search index (the articles are there) and hides the empty table
of contents.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from typing import Any

import yaml

from babelpress.site import words as sitetext
from babelpress.site.archive import ARCHIVE, Listing, Plan, page_window
from babelpress.site.articles import Article
from babelpress.site.build import TITLE_ID
from babelpress.site.words import Words

#: libyaml where installed: the page is read back at once, the bytes need not match PyYAML's
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: a listing page's source path -> its URL relative to the page being written
_Link = Callable[[str], str]


def listing_url(path: str, prefix: str, directory_urls: bool = True) -> str:
    """Site-relative URL of the listing page at source *path* in the language at *prefix*."""
    if not directory_urls:
        return f"{prefix}{path[: -len('.md')]}.html"
    folder = posixpath.dirname(path)
    return f"{prefix}{folder}/" if folder else prefix


def relative_url(target: str, page: str) -> str:
    """*target* (site-relative) as seen from the page at *page* (site-relative).

    Both are URLs MkDocs made (no ``.`` or ``..`` parts), so comparing their
    folders is enough; a listing page links to hundreds of articles, and
    ``posixpath.relpath`` normalises both paths on every call.
    """
    base = page if page.endswith("/") or not page else posixpath.dirname(page)
    here = [part for part in base.split("/") if part]
    there = [part for part in target.split("/") if part]
    common = 0
    for mine, theirs in zip(here, there, strict=False):
        if mine != theirs:
            break
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    if target.endswith("/") or not target:
        return "./" if rel == "." else f"{rel}/"
    return rel


def title(listing: Listing, words: Words) -> str:
    """The page's title in the language of *words*."""
    if listing.kind == "front":
        return words.text("nav.front")
    if listing.kind == "archive":
        return words.text("archive.title")
    if listing.year is None:
        name = words.text("archive.undated.title")
    else:
        name = words.text("archive.year", year=listing.year)
    if listing.pages > 1 and listing.number > 1:
        page = words.text("archive.page", page=listing.number, pages=listing.pages)
        return f"{name} – {page}"
    return name


def listing_page(
    listing: Listing, plan: Plan, words: Words, *, prefix: str, directory_urls: bool = True
) -> str:
    """The Markdown source of *listing* in the language of *words* (see the module docstring)."""
    here = listing_url(listing.path, prefix, directory_urls)

    def link(path: str) -> str:
        return relative_url(listing_url(path, prefix, directory_urls), here)

    if listing.kind == "front":
        body = _front(listing, words, here, link)
    elif listing.kind == "archive":
        body = _archive(plan, words, link)
    else:
        body = _year(listing, plan, words, here, link)
    name = title(listing, words)
    meta: dict[str, object] = {"title": name, "search": {"exclude": True}, "hide": ["toc"]}
    if listing.kind != "front":
        # its own description, not the site's that every archive page would repeat
        meta["description"] = name
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{body}\n"


# ------------------------------------------------------------------ bodies
def _front(listing: Listing, words: Words, here: str, link: _Link) -> str:
    parts = [
        '<div class="bp-listing bp-listing--front">',
        f'<h1 id="{TITLE_ID}">{_e(words.text("front.title"))}</h1>',
    ]
    if listing.articles:
        parts.append(_teasers(listing.articles, words, here))
    else:
        parts.append(f'<p class="bp-listing__empty">{_e(words.text("front.empty"))}</p>')
    parts.append(
        f'<p class="bp-listing__more"><a href="{_e(link(ARCHIVE))}">'
        f"{_e(words.text('front.more'))}</a></p>"
    )
    parts.append("</div>")
    return "\n".join(parts)


def _archive(plan: Plan, words: Words, link: _Link) -> str:
    parts = ['<div class="bp-listing bp-listing--archive">']
    if plan.years:
        parts.append('<ul class="bp-years">')
        for year in plan.years:
            count = words.plural("archive.count", year.count)
            parts.append(
                f'<li><a href="{_e(link(year.path))}">{_e(_year_name(year.year, words))}</a>'
                f' <span class="bp-years__count">{_e(count)}</span></li>'
            )
        parts.append("</ul>")
    else:
        empty = words.text("front.empty")
        parts.append(f'<p class="bp-listing__empty">{_e(empty)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _year(listing: Listing, plan: Plan, words: Words, here: str, link: _Link) -> str:
    parts = ['<div class="bp-listing bp-listing--year">']
    parts.append(_year_bar(listing, plan, words, link))
    parts.append(_teasers(listing.articles, words, here))
    parts.append(_pager(listing, words, link))
    parts.append("</div>")
    return "\n".join(parts)


def _year_bar(listing: Listing, plan: Plan, words: Words, link: _Link) -> str:
    label = words.text("archive.years")
    items = []
    for year in plan.years:
        name = _e(_year_name(year.year, words))
        if year.year == listing.year:
            items.append(f'<li><a href="{_e(link(year.path))}" aria-current="true">{name}</a></li>')
        else:
            items.append(f'<li><a href="{_e(link(year.path))}">{name}</a></li>')
    return (
        f'<nav class="bp-yearbar" aria-label="{_e(label)}"><ul>{"".join(items)}</ul></nav>'
    )


def _pager(listing: Listing, words: Words, link: _Link) -> str:
    parts = [f'<nav class="bp-pager" aria-label="{_e(words.text("archive.pages"))}">']
    if listing.newer:
        parts.append(
            f'<a class="bp-pager__newer" rel="prev" href="{_e(link(listing.newer))}">'
            f'<span aria-hidden="true">← </span>{_e(words.text("archive.newer"))}</a>'
        )
    if listing.pages > 1:
        where = words.text("archive.page", page=listing.number, pages=listing.pages)
        numbers = []
        for number in page_window(listing.number, listing.pages):
            if number is None:
                numbers.append('<li class="bp-pager__gap" aria-hidden="true">…</li>')
            elif number == listing.number:
                numbers.append(f'<li><span aria-current="page">{number}</span></li>')
            else:
                target = _e(link(listing.siblings[number - 1]))
                numbers.append(f'<li><a href="{target}">{number}</a></li>')
        parts.append(
            f'<ol class="bp-pager__pages" aria-label="{_e(where)}">{"".join(numbers)}</ol>'
        )
    if listing.older:
        parts.append(
            f'<a class="bp-pager__older" rel="next" href="{_e(link(listing.older))}">'
            f'{_e(words.text("archive.older"))}<span aria-hidden="true"> →</span></a>'
        )
    parts.append("</nav>")
    return "".join(parts)


def _teasers(articles: tuple[Article, ...], words: Words, here: str) -> str:
    items = "\n".join(_teaser(article, words, here) for article in articles)
    return f'<ol class="bp-teasers">\n{items}\n</ol>'


def _teaser(article: Article, words: Words, here: str) -> str:
    lang = f' lang="{_e(article.title_lang)}"' if article.title_lang else ""
    href = _e(relative_url(article.url, here))
    lines = [
        '<li class="bp-teaser">',
        f'<h2 class="bp-teaser__title"><a href="{href}"{lang}>{_e(article.title)}</a></h2>',
    ]
    facts = []
    if article.date is not None:
        when = sitetext.date(article.date, words.language)
        facts.append(f'<time datetime="{article.date.date().isoformat()}">{_e(when)}</time>')
    if article.authors:
        names = words.text("listing.by", names=", ".join(article.authors))
        facts.append(f'<span class="bp-teaser__by">{_e(names)}</span>')
    if facts:
        lines.append(f'<p class="bp-teaser__meta">{" · ".join(facts)}</p>')
    if article.lead:
        lead_lang = f' lang="{_e(article.lead_lang)}"' if article.lead_lang else ""
        lines.append(f'<p class="bp-teaser__lead"{lead_lang}>{_e(article.lead)}</p>')
    lines.append("</li>")
    return "\n".join(lines)


# ------------------------------------------------------------------ helpers
def _year_name(year: int | None, words: Words) -> str:
    if year is None:
        return words.text("archive.undated")
    return str(year)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


"""The German home page ``docs/de/index.md``, made from the articles' metadata.

Contract: :func:`index_markdown` is pure.  It lists the articles in the order given (seed
file order), each as::

    ## [Title](slug.md)

    Lead (the description).

    Quelle: Novastan · 24. April 2022
    {: .meta }

The source/date line is left out when neither is known; dates are written the German
long way (babel, locale ``de``).  All text is escaped like article text.
"""

from __future__ import annotations

from collections.abc import Sequence

from babel.dates import format_date

from babelpress.normalise.article import Article, dump_yaml, parse_date
from babelpress.normalise.escape import escape
from babelpress.normalise.rules import Rules


def index_markdown(articles: Sequence[Article], rules: Rules, lang: str = "de") -> str:
    """Markdown of the home page listing *articles*."""
    front = dump_yaml({"title": rules.index_title, "lang": lang})
    entries = [_entry(article, rules, lang) for article in articles]
    return f"---\n{front}---\n\n" + "\n\n".join(entries) + "\n"


def _entry(article: Article, rules: Rules, lang: str) -> str:
    parts = [f"## [{escape(article.title)}]({article.slug}.md)"]
    lead = article.meta.get("description")
    if lead:
        parts.append(escape(str(lead)))
    facts = []
    if article.meta.get("source"):
        facts.append(f"{rules.source_label}: {article.meta['source']}")
    date = parse_date(article.meta.get("date")) if article.meta.get("date") else None
    if date is not None:
        facts.append(format_date(date, format="long", locale=lang))
    if facts:
        parts.append(escape(" · ".join(facts)) + "\n{: .meta }")
    return "\n\n".join(parts)

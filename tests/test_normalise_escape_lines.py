"""Text written into German Markdown stays on its line, whatever line separators it holds.

A title or description from ``meta.yml`` (or a seed line) may hold ``\\n``, ``\\r``,
``\\v``, ``\\f``, NEL, U+2028 ...; Python-Markdown and mkdocs-static-i18n start a
new line at each, where :func:`escape` no longer guards the line start.  Each
becomes a space, so the article renders the text, not a heading,
an admonition or a reference definition.
"""

from __future__ import annotations

import markdown as pymarkdown
import pytest
import yaml

from babelpress.normalise import normalise_text
from babelpress.normalise.escape import escape

SEPARATORS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"]
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "toc"]


def _html(markdown: str) -> str:
    return pymarkdown.markdown("\n".join(markdown.splitlines()), extensions=EXTENSIONS)


@pytest.mark.parametrize("sep", SEPARATORS, ids=[f"U+{ord(s[0]):04X}" for s in SEPARATORS])
def test_a_value_with_a_line_separator_renders_as_text(sep: str) -> None:
    hostile = (f"Titel{sep}# Kopf{sep}!!! danger \"Achtung\"{sep}[x]: javascript:alert(1)"
               f"{sep}{{: onclick=alert(1) }}{sep}- Liste")  # fmt: skip
    assert len(escape(hostile).splitlines()) == 1
    article = normalise_text(
        "Ein Absatz. Noch ein Satz.\n", seed="a.txt",
        meta={"title": hostile, "description": hostile, "source": hostile},
    )  # fmt: skip
    _, front, body = article.to_markdown().split("---\n", 2)
    values = yaml.safe_load(front)
    for key in ("title", "description", "source"):
        assert len(str(values[key]).splitlines()) == 1, (key, values[key])
    html = _html(f"{escape(values['description'])}\n\n{body}")
    for markup in ("<h1", "admonition", "<li", 'onclick="', 'href="javascript'):
        assert markup not in html, (markup, html)
    assert "# Kopf !!! danger" in html

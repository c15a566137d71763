"""What a real HTML parser finds in a built site that content must never put there.

Import from tests: ``from html_audit import audit_site``.

Every hostile string the tests feed in carries a *marker* (a word no theme uses),
so what came from content can be told from what the theme put there.  The audit
parses every HTML file of the site with Python's ``html.parser`` (the tokenizer
of the standard library, which follows the HTML5 rules for tags, attributes,
raw-text elements and character references) and reports:

1. any ``on…`` event-handler attribute and any ``style`` attribute (the theme has
   neither, so whichever there is came from content);
2. any URL attribute whose value, as a browser reads it (entities decoded, tabs,
   newlines and controls dropped, case ignored), has a ``javascript:``,
   ``vbscript:`` or ``data:`` scheme;
3. any attribute name or element name containing the marker;
4. any active element -- ``script``, ``style``, ``iframe``, ``object``, ``embed``,
   ``base``, ``form``, ``svg``, ``img``, ``meta http-equiv`` and the like -- whose
   attributes or text contain the marker: the theme's own never do.

The search index is HTML too (the theme shows its titles and texts as markup), so
each of its entries is audited the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background",
     "cite", "srcset", "codebase", "longdesc", "manifest", "ping", "lowsrc", "dynsrc"}
)  # fmt: skip
ACTIVE_ELEMENTS = frozenset(
    {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
     "form", "svg", "math", "img", "image", "video", "audio", "source", "track", "input",
     "button", "textarea", "select", "portal", "template", "noscript", "link", "meta"}
)  # fmt: skip
#: the data script of schema.org JSON-LD (its text is data, never run)
JSON_DATA = "json-ld"
_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCRIPT_SCHEME = re.compile(r"^(?:javascript|vbscript|livescript|data):", re.IGNORECASE)
#: meta elements that only carry text (their content is shown, never run)
_TEXT_META = frozenset({"description", "author", "keywords", "generator", "viewport", "robots"})
#: link elements that only name another address (a page's slug may carry the marker)
_ADDRESS_LINKS = frozenset({"canonical", "alternate", "prev", "next"})


class _Audit(HTMLParser):
    def __init__(self, marker: str, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marker = marker.lower()
        self.where = where
        self.problems: list[str] = []
        self._active: list[str] = []

    def _problem(self, text: str) -> None:
        self.problems.append(f"{self.where}: {text}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._active.append(JSON_DATA)  # data, checked to be JSON that stays inside
        elif tag in ("script", "style", "noscript", "template", "textarea"):
            self._active.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._active and self._active[-1] in (tag, JSON_DATA):
            self._active.pop()

    def handle_data(self, data: str) -> None:
        if self._active and self._active[-1] == JSON_DATA:
            try:
                json.loads(data)
            except ValueError:
                self._problem(f"JSON-LD that is not JSON: {data[:80]!r}")
            if "<" in data:
                self._problem(f"JSON-LD with a raw '<': {data[:80]!r}")
            return
        if self._active and self.marker in data.lower():
            self._problem(f"<{self._active[-1]}> with content text: {data[:80]!r}")

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.marker in tag.lower():
            self._problem(f"element <{tag}> from content")
        names = {name for name, _ in attrs}
        for name, value in attrs:
            self._attribute(tag, name, value or "", names)
        if tag in ACTIVE_ELEMENTS and not self._passive(tag, attrs):
            values = " ".join(f"{name}={value}" for name, value in attrs)
            if self.marker in values.lower():
                self._problem(f"<{tag} {values[:120]}> carries content")

    def _attribute(self, tag: str, name: str, value: str, names: set[str]) -> None:
        if name.startswith("on"):
            self._problem(f"event handler <{tag} {name}={value[:60]!r}>")
        if name == "style":
            self._problem(f"style attribute <{tag} style={value[:60]!r}>")
        if self.marker in name.lower():
            self._problem(f"attribute {name!r} on <{tag}> from content")
        if name in URL_ATTRIBUTES and _SCRIPT_SCHEME.match(_NOISE.sub("", value)):
            self._problem(f"script URL <{tag} {name}={value[:60]!r}>")

    @staticmethod
    def _passive(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        found = dict(attrs)
        if tag == "meta":
            # Open Graph's property tags carry text for other sites, like description
            text_property = (found.get("property") or "").startswith(("og:", "article:"))
            named = (found.get("name") or "") in _TEXT_META
            return "http-equiv" not in found and (named or text_property)
        if tag == "link":
            return (found.get("rel") or "") in _ADDRESS_LINKS
        return False


def audit_html(text: str, marker: str, where: str = "<html>") -> list[str]:
    """The problems (see the module docstring) of one HTML document or fragment."""
    parser = _Audit(marker, where)
    parser.feed(text)
    parser.close()
    return parser.problems


def audit_site(site: Path, marker: str) -> list[str]:
    """The problems of every HTML file and search index entry under *site*."""
    problems: list[str] = []
    for path in sorted(site.rglob("*.html")):
        where = path.relative_to(site).as_posix()
        problems += audit_html(path.read_text(encoding="utf-8"), marker, where)
    for path in sorted(site.rglob("search_index.json")):
        where = path.relative_to(site).as_posix()
        for entry in json.loads(path.read_text(encoding="utf-8")).get("docs", []):
            for field in ("title", "text"):
                problems += audit_html(str(entry.get(field, "")), marker, f"{where} {field}")
    return problems


def texts(html: str) -> list[str]:
    """The text nodes of *html*, in order (what a reader sees)."""
    found: list[str] = []

    class _Texts(HTMLParser):
        def handle_data(self, data: str) -> None:
            found.append(data)

    parser = _Texts(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    return found


def files_snapshot(roots: Iterable[Path], skip: Path | None = None) -> dict[str, tuple[int, str]]:
    """Size and content digest of every file under *roots* (outside *skip*)."""
    import hashlib

    snapshot: dict[str, tuple[int, str]] = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            if skip is not None and (path == skip or skip in path.parents):
                continue
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                snapshot[str(path)] = (len(data), hashlib.sha256(data).hexdigest())
    return snapshot

"""The boxes a rendered page opens with: the review notice and, in preview, a catalogue error.

Both are written as the HTML the admonition extension makes (``<div class="admonition
…">``, so the theme styles them as usual), with every text escaped: the words come
from catalogues, which anyone can send in, and an error message quotes a file.

The review notice (:func:`review_notice`) says what is true of the page, in its
language, with the plural forms of that language:

- a page shown in German (below ``min_reviewed``, or nothing translated yet): "Not
  yet available in English", then that the German original follows;
- otherwise, one line for each kind of passage the page has -- "3 passages are
  machine translations not yet reviewed", "1 passage has changed in the German
  original since its translation was reviewed", "2 passages appear in the German
  original" -- under a title that says whether unreviewed text is shown
  (``warning``) or only German passages (``info``);
- nothing for a page that is entirely reviewed.

A passage is an entry of the page's catalogue (a sentence, a heading, a name in the
byline), counted once however often the page shows it: one msgid, one review.
In the live preview the notice also explains the highlighting.
"""

from __future__ import annotations

from html import escape

from babelpress.errors import BabelpressError
from babelpress.render.states import Counts, Mode
from babelpress.site.words import Words, percent

#: (word, what it counts) for the lines of the notice, in this order
_LINES = (
    ("notice.machine", "machine"),
    ("notice.changed", "changed"),
    ("notice.draft", "draft"),
    ("notice.german", "german"),
)


def review_notice(
    counts: Counts, words: Words, *, unavailable: bool, mode: Mode, min_reviewed: float
) -> str:
    """The notice as an HTML block followed by a blank line ("" for no notice)."""
    if unavailable:
        body = [_p(words.text("unavailable.body")), *_preview(words, mode, min_reviewed)]
        return _box("note", words.text("unavailable.title"), body)
    lines = [
        words.plural(key, getattr(counts, name)) for key, name in _LINES if getattr(counts, name)
    ]
    if not lines:
        return ""
    if counts.unreviewed:
        css, title = "warning", words.text("notice.review.title")
    else:
        css, title = "info", words.text("notice.partial.title")
    items = "<ul>\n" + "".join(f"<li>{escape(line)}</li>\n" for line in lines) + "</ul>"
    return _box(css, title, [items, *_preview(words, mode, min_reviewed)])


def error_box(error: BabelpressError, words: Words, root: str) -> str:
    """The live preview's box for a catalogue that cannot be read: file, line, message."""
    where = error.shown_from(root)
    message = error.message
    location = where[: len(where) - len(message)].rstrip(": ") if where.endswith(message) else ""
    detail = f"<code>{escape(location)}</code>: {escape(message)}" if location else escape(message)
    body = [_p(words.text("preview.broken.body")), f"<p>{detail}</p>"]
    return _box("failure bp-catalogue-error", words.text("preview.broken.title"), body,
                notice=False, role="alert")  # fmt: skip


def _preview(words: Words, mode: Mode, min_reviewed: float) -> list[str]:
    if mode != "serve":
        return []
    text = words.text("preview")
    if min_reviewed > 0:
        text += " " + words.text("preview.min", min=percent(min_reviewed, words.language))
    return [_p(text)]


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _box(
    css: str, title: str, body: list[str], *, notice: bool = True, role: str = ""
) -> str:
    classes = f"admonition {css} bp-notice" if notice else f"admonition {css}"
    attributes = f' role="{role}"' if role else ""
    head = f'<div class="{classes}"{attributes}>\n<p class="admonition-title">{escape(title)}</p>'
    return "\n".join([head, *body, "</div>"]) + "\n\n"

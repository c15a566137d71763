"""Photo captions and credits of articles published without their photos.

``babelpress normalise`` keeps a pasted article's photo caption and photo credit
as paragraphs of their own, ``{: .caption }`` and ``{: .credit }``, but not the
photo.  Shown as they are, they read as part of the article.
:func:`photo_notes` takes the page's HTML (after Markdown, before the theme) and,
depending on the ``captions`` setting:

1. ``show``: every run of adjacent caption and credit paragraphs (only white
   space between them) becomes one ``<figure class="bp-photo">`` whose
   ``<figcaption>`` starts with a label in the page's language -- "Photo caption",
   or "Photo credit" for a credit alone -- and keeps the paragraphs as they are
   (their classes, ``lang`` spans of untranslated text, links).  The stylesheet
   sets the block apart from the text: smaller, framed, with a camera sign.
2. ``hide``: the runs are taken out of the page.

A paragraph counts when ``caption`` or ``credit`` is one of its classes, however
the attribute list wrote it (``{: .caption #id }``).  Nothing else changes:
a page without captions comes back as it was, byte for byte.
"""

from __future__ import annotations

import html
import re

from babelpress.site import words as sitetext

SHOW, HIDE = "show", "hide"
#: the classes normalise gives a photo's caption and credit
KINDS = ("caption", "credit")
_PARAGRAPH = r'<p\b[^>]*?\bclass="(?:[^"]*\s)?(?:caption|credit)(?:\s[^"]*)?"[^>]*>.*?</p>'
#: a run of caption and credit paragraphs with nothing but white space between them
_RUN = re.compile(rf"{_PARAGRAPH}(?:\s*{_PARAGRAPH})*", re.DOTALL)
_CLASSES = re.compile(r'^<p\b[^>]*?\bclass="([^"]*)"')


def photo_notes(content: str, words: sitetext.Words, mode: str = SHOW) -> str:
    """*content* with its captions and credits shown as captions, or hidden (see above)."""
    if "caption" not in content and "credit" not in content:
        return content
    if mode == HIDE:
        return _RUN.sub("", content)
    return _RUN.sub(lambda match: _figure(match[0], words), content)


def _figure(run: str, words: sitetext.Words) -> str:
    kinds = {_kind(paragraph) for paragraph in re.findall(_PARAGRAPH, run, re.DOTALL)}
    key = "photo.caption" if "caption" in kinds else "photo.credit"
    label = html.escape(words.text(key), quote=False)
    return (
        f'<figure class="bp-photo">\n<figcaption>\n'
        f'<span class="bp-photo__label">{label}</span>\n{run}\n'
        f"</figcaption>\n</figure>"
    )


def _kind(paragraph: str) -> str:
    match = _CLASSES.match(paragraph)
    classes = match[1].split() if match else []
    return next((kind for kind in KINDS if kind in classes), "")

"""Photo captions and credits without their photos: a labelled caption block, or hidden."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from babelpress import config as bp_config
from babelpress.site import captions
from babelpress.site import words as sitetext

CAPTION = '<p class="caption">Toqaev und Putin bei einem Gespräch im April 2019</p>'
CREDIT = '<p class="credit">Foto: Keystone | AP</p>'
TEXT = "<p>Im Januar 2022 suchte Kasachstan noch die Unterstützung Russlands.</p>"

REPO = Path(__file__).resolve().parent.parent


def words_of(language: str) -> sitetext.Words:
    """The site's words as this project's catalogues have them (reviewed)."""
    return sitetext.load(bp_config.load(REPO), language, drafts=False)



class Outline(HTMLParser):
    """The page as a list of (depth-1 element, its classes, the classes inside it)."""

    def __init__(self) -> None:
        super().__init__()
        self.top: list[tuple[str, str, list[str]]] = []
        self.labels: list[str] = []
        self._depth = 0
        self._label = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if self._depth == 0:
            self.top.append((tag, classes, []))
        elif classes:
            self.top[-1][2].append(classes)
        self._label = classes == "bp-photo__label"
        self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._label:
            self.labels.append(data)
            self._label = False


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def test_caption_and_credit_become_one_labelled_caption_block() -> None:
    html = captions.photo_notes(f"{TEXT}\n{CAPTION}\n{CREDIT}\n{TEXT}", words_of("de"))
    found = outline(html)
    assert [(tag, classes) for tag, classes, _ in found.top] == [
        ("p", ""),
        ("figure", "bp-photo"),
        ("p", ""),
    ]
    assert found.top[1][2] == ["bp-photo__label", "caption", "credit"]
    assert found.labels == ["Bildunterschrift"]
    assert "<figcaption>" in html and CAPTION in html and CREDIT in html


@pytest.mark.parametrize(
    ("language", "caption", "credit"),
    [("de", "Bildunterschrift", "Bildnachweis"), ("en", "Photo caption", "Photo credit"),
     ("ru", "Подпись к фото", "Источник фото")],
)  # fmt: skip
def test_the_label_is_in_the_page_language(language: str, caption: str, credit: str) -> None:
    assert outline(captions.photo_notes(CAPTION + CREDIT, words_of(language))).labels == [caption]
    # a credit alone is labelled as a credit
    assert outline(captions.photo_notes(CREDIT, words_of(language))).labels == [credit]


def test_captions_apart_make_blocks_apart() -> None:
    html = captions.photo_notes(f"{CAPTION}\n{TEXT}\n{CAPTION}\n\n{CREDIT}", words_of("en"))
    assert [tag for tag, _, _ in outline(html).top] == ["figure", "p", "figure"]
    assert outline(html).labels == ["Photo caption", "Photo caption"]


def test_what_the_attribute_list_writes_is_found() -> None:
    source = (
        "Ein Satz.\n\nDas Bild zeigt *Astana* bei Nacht.\n{: .caption #bild-1 }\n\n"
        "Foto: [Agentur](https://example.org/)\n{: .wide .credit }\n\nNoch ein Satz.\n"
    )
    html = markdown.markdown(source, extensions=["attr_list"])
    found = outline(captions.photo_notes(html, words_of("de")))
    assert [tag for tag, _, _ in found.top] == ["p", "figure", "p"]
    assert found.top[1][2] == ["bp-photo__label", "caption", "wide credit"]


def test_untranslated_text_inside_keeps_its_language() -> None:
    caption = '<p class="caption"><span lang="de">Toqaev und Putin</span></p>'
    html = captions.photo_notes(caption, words_of("en"))
    assert '<span lang="de">Toqaev und Putin</span>' in html
    assert outline(html).top[0][0] == "figure"


@pytest.mark.parametrize(
    "html",
    [
        f"{TEXT}\n<h2>Zwei Seiten</h2>\n{TEXT}",
        '<p class="captioned">Ein Absatz.</p>',
        '<p class="kicker">Analyse</p><p>Die caption und der credit im Text.</p>',
        '<div class="caption">Kein Absatz.</div>',
        "",
    ],
)
def test_a_page_without_captions_is_left_as_it_was(html: str) -> None:
    assert captions.photo_notes(html, words_of("de")) == html
    assert captions.photo_notes(html, words_of("de"), captions.HIDE) == html


def test_hide_drops_captions_and_credits_and_nothing_else() -> None:
    html = f"{TEXT}\n{CAPTION}\n{CREDIT}\n{TEXT}\n{CREDIT}"
    html = captions.photo_notes(html, words_of("de"), "hide")
    assert [tag for tag, _, _ in outline(html).top] == ["p", "p"]
    assert "Keystone" not in html and "April 2019" not in html
    assert html.count(TEXT) == 2


"""Rendering one page from a catalogue: translations, drafts, fallbacks, notices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown as pymarkdown
import polib
import pytest
import yaml

from babelpress.config import Settings
from babelpress.markdown.units import Document, Segment
from babelpress.render import all_pages as render
from babelpress.render import page as render_page_module
from babelpress.site import words as sitetext

TITLE = Segment("Droht ein Einmarsch?", "Droht ein Einmarsch?", "title", 2)
H1 = Segment("Droht ein Einmarsch?", "Droht ein Einmarsch?", "heading", 8, context="heading")
S1 = Segment(
    "Keosajan ist ein **regimefreundlicher** Journalist.",
    "Keosajan ist ein **regimefreundlicher** Journalist.",
    "sentence",
    10,
    flags=("md-text",),
)
S2 = Segment(
    "Er sprach im [Podcast][1] am 9. Mai.",
    "Er sprach im [Podcast](https://example.org/podcast) am 9. Mai.",
    "sentence",
    10,
    flags=("md-text",),
    placeholders=(("[1]", "(https://example.org/podcast)"),),
)
H2 = Segment("Die *Lage*", "Die *Lage*", "heading", 12, context="heading")
S3 = Segment("Die Hardliner sind verärgert.", "Die Hardliner sind verärgert.", "sentence", 14)
CAPTION = Segment("Legende: Truppen.", "Legende: Truppen.", "caption", 16)

EN = {
    TITLE: "Is an invasion looming?",
    H1: "Is an invasion looming?",
    S1: "Keosajan is a **pro-regime** journalist.",
    S2: "He spoke in the [podcast][1] on 9 May.",
    H2: "The *situation*",
    S3: "The hardliners are angry.",
    CAPTION: "Caption: troops.",
}


def make_doc() -> Document:
    front = {
        "title": TITLE.source,
        "slug": "einmarsch",
        "lang": "de",
        "author": "Anna Muster",
        "date": dt.date(2022, 5, 9),
    }
    parts: list[str | Segment] = [
        "\n# ", H1, "\n\n", S1, " ", S2, "\n\n## ", H2, "\n\n", S3, "\n\n", CAPTION,
        "\n{: .caption }\n",
    ]
    return Document("docs/de/einmarsch.md", "einmarsch", front, [TITLE], parts, 7)


def german_body(doc: Document) -> str:
    return doc.render(lambda s: s.source)


def catalog(states: dict[Segment, str], translations: dict[Segment, str] = EN) -> dict:
    """A catalogue with each segment reviewed ("ok"), fuzzy ("fuzzy") or untranslated ("")."""
    entries = []
    for segment, translation in translations.items():
        state = states.get(segment, "ok")
        entry = polib.POEntry(
            msgid=segment.msgid,
            msgctxt=segment.context,
            msgstr=translation if state else "",
            flags=["fuzzy"] if state == "fuzzy" else [],
        )
        entries.append(entry)
    return render.index_catalog(entries)


def split(markdown: str) -> tuple[dict, str]:
    assert markdown.startswith("---\n")
    head, body = markdown[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def html(markdown: str) -> str:
    """The page body as MkDocs converts it with only what the plugin enables (no admonition)."""
    _, body = split(markdown)
    md = pymarkdown.Markdown(extensions=["attr_list", "toc"])
    return md.convert(body)


SETTINGS = Settings.defaults(Path("."))


def test_identity_round_trip_gives_the_german_body() -> None:
    doc = make_doc()
    identity = {segment: segment.msgid for segment in EN}
    page = render.render_page(doc, catalog({}, identity), "en", SETTINGS)
    front, body = split(page.markdown)
    assert body == german_body(doc)
    assert page.reviewed_share == 100.0
    assert not page.has_drafts and page.fallbacks == 0
    assert front["lang"] == "en"


def test_fully_reviewed_page_is_translated_without_notice() -> None:
    page = render.render_page(make_doc(), catalog({}), "en", SETTINGS)
    front, body = split(page.markdown)
    assert front["title"] == "Is an invasion looming?"
    assert front["author"] == "Anna Muster"
    assert front["date"] == dt.date(2022, 5, 9)
    assert front["babelpress"] == {
        "source": "docs/de/einmarsch.md",
        "reviewed": 100,
        "drafts": False,
        "published": True,
    }
    assert body == (
        "\n# Is an invasion looming?\n\n"
        "Keosajan is a **pro-regime** journalist. "
        "He spoke in the [podcast](https://example.org/podcast) on 9 May.\n\n"
        "## The *situation*\n\nThe hardliners are angry.\n\n"
        "Caption: troops.\n{: .caption }\n"
    )
    assert "bp-notice" not in body and "lang=" not in body


def test_drafts_show_a_notice_with_the_reviewed_share_of_german_characters() -> None:
    doc = make_doc()
    page = render.render_page(doc, catalog({S1: "fuzzy", S3: "fuzzy"}), "en", SETTINGS)
    total = sum(len(s.msgid) for s in doc.segments())
    expected = 100 * (total - len(S1.msgid) - len(S3.msgid)) / total
    assert page.reviewed_share == pytest.approx(expected)
    assert page.has_drafts and page.fallbacks == 0
    share = sitetext.percent(expected, "en")
    _, body = split(page.markdown)
    # the notice sits right under the title
    assert body.startswith(
        "\n# Is an invasion looming?\n\n"
        '<div class="admonition warning bp-notice">\n'
        f'<p class="admonition-title">Machine translation, not yet reviewed: {share} reviewed</p>\n'
        "<p>Parts of this page were translated by machine and have not yet been checked by an "
        "editor.</p>\n</div>\n\n"
    )
    assert "Keosajan is a **pro-regime** journalist." in body
    assert f"{int(expected)}%" == share


def test_notice_speaks_the_page_language() -> None:
    ru = {segment: f"RU {text}" for segment, text in EN.items()}
    page = render.render_page(make_doc(), catalog({S1: "fuzzy"}, ru), "ru", SETTINGS)
    share = sitetext.percent(page.reviewed_share, "ru")
    assert f"Машинный перевод, ещё не проверен: проверено {share}" in page.markdown
    assert "\u00a0%" in share


def test_missing_sentence_falls_back_to_german_marked_lang_de() -> None:
    page = render.render_page(make_doc(), catalog({S2: "", H2: ""}), "en", SETTINGS)
    assert page.fallbacks == 2
    _, body = split(page.markdown)
    assert f'<span lang="de">{S2.source}</span>' in body
    assert '## <span lang="de">Die *Lage*</span>' in body
    assert '<p class="admonition-title">Translation in progress:' in body
    out = html(page.markdown)
    assert (
        '<span lang="de">Er sprach im <a href="https://example.org/podcast">Podcast</a> '
        "am 9. Mai.</span>" in out
    )
    assert '<h2 id="die-lage"><span lang="de">Die <em>Lage</em></span></h2>' in out
    assert '<div class="admonition info bp-notice">' in out


def test_notice_is_the_markup_the_admonition_extension_writes() -> None:
    """Plain HTML needs no extension, and material styles it as it styled the admonition."""
    page = render.render_page(make_doc(), catalog({S1: "fuzzy"}), "en", SETTINGS, mode="serve")
    words = sitetext.texts("en")
    share = sitetext.percent(page.reviewed_share, "en")
    admonition = (
        f'!!! warning bp-notice "{words["draft.title"].format(share=share)}"\n'
        f"    {words['draft.body']}\n\n    {words['preview']}\n"
    )
    expected = pymarkdown.markdown(admonition, extensions=["admonition"])
    out = html(page.markdown)
    start = out.index('<div class="admonition')
    notice = out[start : out.index("</div>", start) + len("</div>")]
    assert notice == expected
    assert "!!!" not in out


def test_notice_words_are_escaped(monkeypatch) -> None:
    hostile = {
        **sitetext.texts("en"),
        "partial.title": 'Done: {share} <script>alert("x")</script>',
        "partial.body": "Fish & chips <b>bold</b>",
    }
    monkeypatch.setattr(render_page_module.sitetext, "texts", lambda language: hostile)
    page = render.render_page(make_doc(), catalog({S2: ""}), "en", SETTINGS)
    out = html(page.markdown)
    assert "<script>" not in out and "<b>" not in out
    assert '&lt;script&gt;alert("x")&lt;/script&gt;</p>' in out
    assert "<p>Fish &amp; chips &lt;b&gt;bold&lt;/b&gt;</p>" in out


def test_publish_drafts_off_uses_german_for_fuzzy_entries() -> None:
    settings = SETTINGS.replace(publish_drafts=False)
    page = render.render_page(make_doc(), catalog({S1: "fuzzy"}), "en", settings)
    _, body = split(page.markdown)
    assert f'<span lang="de">{S1.source}</span>' in body
    assert "pro-regime" not in body
    assert "Machine translation" not in body and "Translation in progress" in body


def test_page_below_min_reviewed_is_published_in_german_with_a_notice() -> None:
    settings = SETTINGS.replace(min_reviewed=90)
    page = render.render_page(make_doc(), catalog({S1: "fuzzy", S2: ""}), "en", settings)
    assert not page.published
    front, body = split(page.markdown)
    assert front["title"] == TITLE.source and front["lang"] == "en"
    assert front["babelpress"]["published"] is False
    assert front["babelpress"]["title_lang"] == "de"
    assert '<p class="admonition-title">Not yet available in English</p>' in body
    assert "pro-regime" not in body and "invasion" not in body
    assert '# <span lang="de">Droht ein Einmarsch?</span>' in body
    assert page.fallbacks == len(list(make_doc().segments()))


def test_serve_mode_highlights_drafts_and_fallbacks_and_ignores_minimum() -> None:
    settings = SETTINGS.replace(min_reviewed=90, publish_drafts=False)
    page = render.render_page(
        make_doc(), catalog({S1: "fuzzy", S2: ""}), "en", settings, mode="serve"
    )
    assert page.published
    _, body = split(page.markdown)
    assert '<span class="bp-draft">Keosajan is a **pro-regime** journalist.</span>' in body
    assert '<span lang="de" class="bp-fallback">Er sprach' in body
    assert "Preview:" in body
    assert "The page is published once 90% of its text is reviewed." in body
    assert '<strong>pro-regime</strong>' in html(page.markdown)


def test_untranslated_page_says_not_yet_available() -> None:
    page = render.render_page(make_doc(), {}, "ru", SETTINGS)
    assert page.reviewed_share == 0.0 and page.published
    assert '<div class="admonition note bp-notice">' in page.markdown
    assert '<p class="admonition-title">Пока недоступно на русском языке</p>' in page.markdown


def test_only_drafts_with_publish_drafts_off_says_not_yet_available() -> None:
    settings = SETTINGS.replace(publish_drafts=False)
    fuzzy = {segment: "fuzzy" for segment in EN}
    page = render.render_page(make_doc(), catalog(fuzzy), "en", settings)
    assert page.has_drafts and page.fallbacks == len(EN)
    assert '<p class="admonition-title">Not yet available in English</p>' in page.markdown


def test_translation_line_breaks_do_not_break_a_heading(monkeypatch) -> None:
    # without quality checks (they would keep such an entry out altogether)
    monkeypatch.setattr(render_page_module, "render_blockers", lambda entry, lang: [])
    translations = {**EN, H2: "The\nsituation"}
    page = render.render_page(make_doc(), catalog({}, translations), "en", SETTINGS)
    assert "## The situation\n" in page.markdown


def test_obsolete_entries_and_header_are_not_indexed() -> None:
    entries = [
        polib.POEntry(msgid="", msgstr="Language: en\n"),
        polib.POEntry(msgid="Alt", msgstr="Old", obsolete=True),
        polib.POEntry(msgid="Neu", msgstr="New", msgctxt="heading"),
    ]
    index = render.index_catalog(entries)
    assert list(index) == [("heading", "Neu")]


def test_quality_blockers_render_in_german_with_a_warning(monkeypatch) -> None:
    def render_blockers(entry, lang):
        lost = "[1]" in entry.msgid and "[1]" not in entry.msgstr
        return ["placeholder [1] missing"] if lost else []

    monkeypatch.setattr(render_page_module, "render_blockers", render_blockers)
    broken = {**EN, S2: "He spoke in the podcast."}
    where = "locale/en/LC_MESSAGES/einmarsch.po"
    page = render.render_page(
        make_doc(), catalog({}, broken), "en", SETTINGS, catalog_path=where
    )
    assert f'<span lang="de">{S2.source}</span>' in page.markdown
    assert page.warnings == [f"{where}: placeholder [1] missing -- shown in German"]


def test_notice_goes_under_an_opening_kicker() -> None:
    kicker = Segment("Analyse", "Analyse", "kicker", 8)
    doc = Document(
        "docs/de/k.md", "k", {"title": TITLE.source}, [TITLE],
        ["\n**", kicker, "**\n{: .kicker }\n\n", S3, "\n"], 6,
    )  # fmt: skip
    page = render.render_page(doc, catalog({S3: "fuzzy"}), "en", SETTINGS)
    _, body = split(page.markdown)
    assert body.startswith(
        '\n**<span lang="de">Analyse</span>**\n{: .kicker }\n\n'
        '<div class="admonition warning bp-notice">\n'
    )
    assert body.endswith("<p>Parts of this page were translated by machine and have not yet "
                         "been checked by an editor.</p>\n</div>\n\nThe hardliners are angry.\n")

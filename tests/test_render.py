"""Rendering one page from a catalogue: translations, drafts, fallbacks, notices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown as pymarkdown
import polib
import pytest
import yaml

from babelpress.config import Settings
from babelpress.errors import CatalogError
from babelpress.markdown.units import Document, Segment
from babelpress.po.provenance import machine_comment
from babelpress.render import all_pages as render
from babelpress.render import notice as render_notice
from babelpress.render import states as render_states
from babelpress.render.states import Counts
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
        "\n# ",
        H1,
        "\n\n",
        S1,
        " ",
        S2,
        "\n\n## ",
        H2,
        "\n\n",
        S3,
        "\n\n",
        CAPTION,
        "\n{: .caption }\n",
    ]
    return Document("docs/de/einmarsch.md", "einmarsch", front, [TITLE], parts, 7)


def german_body(doc: Document) -> str:
    return doc.render(lambda s: s.source)


def catalog(states: dict[Segment, str], translations: dict[Segment, str] = EN) -> dict:
    """A catalogue with each segment reviewed ("ok"), untranslated ("") or fuzzy: a machine
    draft ("machine"), changed in the German since review ("changed"), other ("fuzzy")."""
    entries = []
    for segment, translation in translations.items():
        state = states.get(segment, "ok")
        entry = polib.POEntry(
            msgid=segment.msgid,
            msgctxt=segment.context,
            msgstr=translation if state else "",
            flags=["fuzzy"] if state in ("fuzzy", "machine", "changed") else [],
        )
        if state == "machine":
            entry.tcomment = machine_comment("google", "2026-11-23")
        if state == "changed":
            entry.previous_msgid = segment.msgid.replace(" ", "  ", 1) + " (alt)"
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


#: the project itself: its catalogues of the site's words are the reviewed ones
SETTINGS = Settings.defaults(Path(__file__).resolve().parent.parent)


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


def test_drafts_show_a_notice_that_counts_each_kind_and_the_reviewed_share() -> None:
    doc = make_doc()
    states = {S1: "machine", S3: "changed", CAPTION: "fuzzy"}
    page = render.render_page(doc, catalog(states), "en", SETTINGS)
    total = sum(len(s.msgid) for s in doc.segments())
    expected = 100 * (total - len(S1.msgid) - len(S3.msgid) - len(CAPTION.msgid)) / total
    assert page.reviewed_share == pytest.approx(expected)
    assert page.has_drafts and page.fallbacks == 0
    front, body = split(page.markdown)
    assert front["babelpress"]["reviewed"] == int(expected)
    assert "machine" not in front["babelpress"]  # not the whole page: no byline credit
    # the notice sits right under the title and says what is true, one line per kind
    assert body.startswith(
        "\n# Is an invasion looming?\n\n"
        '<div class="admonition warning bp-notice">\n'
        '<p class="admonition-title">Translation not yet fully reviewed</p>\n<ul>\n'
        "<li>1 passage is a machine translation that the editors have not yet reviewed.</li>\n"
        "<li>1 passage was changed in the German original after its translation had been "
        "reviewed; the translation may no longer be up to date.</li>\n"
        "<li>1 passage is a draft translation that the editors have not yet reviewed.</li>\n"
        "</ul>\n</div>\n\nKeosajan is a **pro-regime** journalist."
    )
    assert "reviewed:" not in body and "%" not in body
    assert '<div class="admonition warning bp-notice">' in html(page.markdown)


def test_one_machine_draft_among_many_reviewed_is_counted_not_called_machine_translation() -> None:
    page = render.render_page(make_doc(), catalog({S3: "machine"}), "en", SETTINGS)
    _, body = split(page.markdown)
    assert "1 passage is a machine translation" in body
    assert "passages" not in body and "Machine translation" not in body


def test_a_whole_page_of_machine_drafts_is_credited_to_the_machine() -> None:
    machine = {segment: "machine" for segment in EN}
    page = render.render_page(make_doc(), catalog(machine), "en", SETTINGS)
    front, body = split(page.markdown)
    assert front["babelpress"]["machine"] is True
    # a passage is an entry: the title and the heading (with its msgctxt) are two
    assert f"{len(EN)} passages are machine translations" in body


def test_notice_speaks_the_page_language_with_its_plural_forms() -> None:
    ru = {segment: f"RU {text}" for segment, text in EN.items()}
    one = render.render_page(make_doc(), catalog({S1: "machine"}, ru), "ru", SETTINGS)
    assert "<li>1 фрагмент переведён автоматически и ещё не проверен редакцией.</li>" in (
        one.markdown
    )
    assert "Перевод ещё не полностью проверен" in one.markdown
    two = render.render_page(make_doc(), catalog({S1: "machine", S2: "machine"}, ru), "ru",
                             SETTINGS)  # fmt: skip
    assert "<li>2 фрагмента переведены автоматически" in two.markdown
    five = {segment: "" for segment in list(EN)[:5]}
    german = render.render_page(make_doc(), catalog(five, ru), "ru", SETTINGS)
    assert "<li>5 фрагментов приводятся в немецком оригинале.</li>" in german.markdown
    assert "Перевод не завершён" in german.markdown


def test_a_word_missing_from_the_catalogue_of_words_is_german(tmp_path: Path) -> None:
    settings = Settings.defaults(tmp_path).replace(languages=("en", "fr"))
    page = render.render_page(make_doc(), catalog({S1: "machine"}), "fr", settings)
    assert "<li>1 Textstelle ist maschinell übersetzt und noch nicht von der Redaktion " in (
        page.markdown
    )


def test_notice_words_are_escaped() -> None:
    words = sitetext.load(SETTINGS, "en", drafts=True)
    shown = dict(words.shown)
    shown["notice.review.title"] = sitetext.Shown(("<b>Drafts</b> & co",), "en", lambda n: 0)
    hostile = sitetext.Words("en", shown, "x")
    notice = render_notice.review_notice(
        Counts(machine=1), hostile, unavailable=False, mode="build", min_reviewed=0
    )
    assert "&lt;b&gt;Drafts&lt;/b&gt; &amp; co" in notice and "<b>" not in notice


def test_missing_sentence_falls_back_to_german_marked_lang_de() -> None:
    page = render.render_page(make_doc(), catalog({S2: "", H2: ""}), "en", SETTINGS)
    assert page.fallbacks == 2
    _, body = split(page.markdown)
    assert f'<span lang="de">{S2.source}</span>' in body
    assert '## <span lang="de">Die *Lage*</span>' in body
    assert "<li>2 passages appear in the German original.</li>" in body
    assert "Translation incomplete" in body
    out = html(page.markdown)
    assert (
        '<span lang="de">Er sprach im <a href="https://example.org/podcast">Podcast</a> '
        "am 9. Mai.</span>" in out
    )
    assert '<h2 id="die-lage"><span lang="de">Die <em>Lage</em></span></h2>' in out
    assert '<div class="admonition info bp-notice">' in out


def test_publish_drafts_off_uses_german_for_fuzzy_entries() -> None:
    settings = SETTINGS.replace(publish_drafts=False)
    page = render.render_page(make_doc(), catalog({S1: "fuzzy"}), "en", settings)
    _, body = split(page.markdown)
    assert f'<span lang="de">{S1.source}</span>' in body
    assert "pro-regime" not in body
    assert "machine translation" not in body and "Translation incomplete" in body
    assert "<li>1 passage appears in the German original.</li>" in body


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
    assert "<strong>pro-regime</strong>" in html(page.markdown)


def test_untranslated_page_says_not_yet_available() -> None:
    page = render.render_page(make_doc(), {}, "ru", SETTINGS)
    assert page.reviewed_share == 0.0 and page.published
    assert '<p class="admonition-title">Пока недоступно на русском языке</p>' in page.markdown


def test_only_drafts_with_publish_drafts_off_says_not_yet_available() -> None:
    settings = SETTINGS.replace(publish_drafts=False)
    fuzzy = {segment: "fuzzy" for segment in EN}
    page = render.render_page(make_doc(), catalog(fuzzy), "en", settings)
    assert page.has_drafts and page.fallbacks == len(EN)
    assert '<p class="admonition-title">Not yet available in English</p>' in page.markdown


def test_translation_line_breaks_do_not_break_a_heading(monkeypatch) -> None:
    # without quality checks (they would keep such an entry out altogether)
    monkeypatch.setattr(render_states, "render_blockers", lambda entry, lang: [])
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

    monkeypatch.setattr(render_states, "render_blockers", render_blockers)
    broken = {**EN, S2: "He spoke in the podcast."}
    where = "locale/en/LC_MESSAGES/einmarsch.po"
    page = render.render_page(make_doc(), catalog({}, broken), "en", SETTINGS, catalog_path=where)
    assert f'<span lang="de">{S2.source}</span>' in page.markdown
    assert page.warnings == [f"{where}: placeholder [1] missing -- shown in German"]


def test_a_draft_no_reader_sees_is_not_checked(monkeypatch) -> None:
    """A blocked draft warns only on a page that shows drafts; elsewhere it is German anyway."""
    checked: list[str] = []

    def render_blockers(entry, lang):
        checked.append(entry.msgid)
        lost = "[1]" in entry.msgid and "[1]" not in entry.msgstr
        return ["placeholder [1] missing"] if lost else []

    monkeypatch.setattr(render_states, "render_blockers", render_blockers)
    broken = {**EN, S2: "He spoke in the podcast."}
    hidden = (
        SETTINGS.replace(publish_drafts=False, min_reviewed=0),
        SETTINGS.replace(publish_drafts=True, min_reviewed=100),  # the page is not published
    )
    for settings in hidden:
        checked.clear()
        page = render.render_page(make_doc(), catalog({S2: "machine"}, broken), "en", settings)
        assert f'<span lang="de">{S2.source}</span>' in page.markdown
        assert page.warnings == [] and S2.msgid not in checked and checked
    shown = (
        (SETTINGS.replace(publish_drafts=True, min_reviewed=0), "build"),
        (SETTINGS.replace(publish_drafts=False, min_reviewed=100), "serve"),
    )
    for settings, mode in shown:
        page = render.render_page(
            make_doc(), catalog({S2: "machine"}, broken), "en", settings, mode=mode
        )
        assert S2.source in page.markdown and "He spoke in the podcast." not in page.markdown
        assert [w for w in page.warnings if "placeholder [1] missing" in w]


def test_a_draft_kept_from_readers_is_information_a_reviewed_translation_a_warning(
    monkeypatch, caplog
) -> None:
    """A strict build does not stop because a machine drafted a wrong number; it does
    when a reviewed translation is kept from readers."""
    import logging

    from babelpress.render.all_pages import Report, log_warnings

    monkeypatch.setattr(
        render_states,
        "render_blockers",
        lambda entry, lang: ["1.400 is not in the German"] if "podcast" in entry.msgstr else [],
    )
    broken = {**EN, S2: "He spoke in the podcast."}
    settings = SETTINGS.replace(publish_drafts=True, min_reviewed=0)
    drafted = render.render_page(make_doc(), catalog({S2: "machine"}, broken), "en", settings)
    reviewed = render.render_page(make_doc(), catalog({}, broken), "en", settings)
    assert len(drafted.warnings) == 1 and render_states.held_back_draft(drafted.warnings[0])
    assert len(reviewed.warnings) == 1 and not render_states.held_back_draft(reviewed.warnings[0])

    log = logging.getLogger("test.render")
    with caplog.at_level(logging.INFO, logger="test.render"):
        log_warnings(Report(warnings=[drafted.warnings[0], reviewed.warnings[0]]), log)
    assert [r.levelno for r in caplog.records] == [logging.INFO, logging.WARNING]


def test_notice_goes_under_an_opening_kicker() -> None:
    kicker = Segment("Analyse", "Analyse", "kicker", 8)
    doc = Document(
        "docs/de/k.md", "k", {"title": TITLE.source}, [TITLE],
        ["\n**", kicker, "**\n{: .kicker }\n\n", S3, "\n"], 6,
    )  # fmt: skip
    page = render.render_page(doc, catalog({S3: "machine"}), "en", SETTINGS)
    _, body = split(page.markdown)
    assert body.startswith(
        '\n**<span lang="de">Analyse</span>**\n{: .kicker }\n\n'
        '<div class="admonition warning bp-notice">'
    )
    assert body.endswith("</ul>\n</div>\n\nThe hardliners are angry.\n")


def test_preview_opens_a_page_whose_catalogue_cannot_be_read_with_the_error() -> None:
    error = CatalogError(
        'unterminated string "<b>', path="locale/en/LC_MESSAGES/einmarsch.po", line=12
    )
    page = render.render_page(make_doc(), {}, "en", SETTINGS, mode="serve", catalog_error=error)
    _, body = split(page.markdown)
    assert body.startswith(
        '<div class="admonition failure bp-catalogue-error" role="alert">\n'
        '<p class="admonition-title">Translation catalogue cannot be read</p>\n'
        "<p>Until the error is fixed, the page shows the German original:</p>\n"
        "<p><code>locale/en/LC_MESSAGES/einmarsch.po:12</code>: "
        "unterminated string &quot;&lt;b&gt;</p>\n</div>\n\n"
    )
    assert "Not yet available" not in body
    assert f'<span lang="de" class="bp-fallback">{S1.source}</span>' in body
    # a build shows no box: it fails on the error instead (render_all reports it)
    built = render.render_page(make_doc(), {}, "en", SETTINGS, catalog_error=error)
    assert "bp-catalogue-error" not in built.markdown


def test_a_lead_shown_in_german_is_marked_for_listings() -> None:
    """The description is the lead: when none of its sentences is translated, listings
    mark it as German (lang="de")."""
    import dataclasses

    doc = dataclasses.replace(make_doc(), lead=(3, 6), description_from_lead="markdown")
    assert [p for p in doc.lead_parts() if not isinstance(p, str)] == [S1, S2]
    german = render.render_page(doc, catalog({S1: "", S2: ""}), "en", SETTINGS)
    front, _ = split(german.markdown)
    assert front["babelpress"]["lead_lang"] == "de"
    half = render.render_page(doc, catalog({S2: ""}), "en", SETTINGS)
    front, _ = split(half.markdown)
    assert "lead_lang" not in front["babelpress"]


@pytest.mark.parametrize(
    ("translation", "shown"),
    [("DW (Deutsche Welle)", "DW (Deutsche Welle)"), ("HTTPS://evil.example/x", "Deutsche Welle")],
)
def test_a_translated_source_never_becomes_a_web_address(translation: str, shown: str) -> None:
    """The byline links a source that is a web address: a translation (a translator's,
    a machine's or the glossary's) of a name that is one would add a link."""
    source = Segment("Deutsche Welle", "Deutsche Welle", "source", 3)
    doc = Document(
        "docs/de/q.md", "q", {"title": TITLE.source, "source": source.source}, [TITLE, source],
        ["\n", S3, "\n"], 5,
    )  # fmt: skip
    translations = catalog({}, {source: translation, S3: "The hardliners are angry."})
    page = render.render_page(doc, translations, "en", SETTINGS)
    front, _ = split(page.markdown)
    assert front["source"] == shown

"""The site's own words: a gettext domain (``_site``), extracted, merged, drafted, shown."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
import yaml

from babelpress import config as bp_config
from babelpress import project as layout
from babelpress import wordlist
from babelpress.errors import InputError
from babelpress.extract.pipeline import extract
from babelpress.po.file import read_po, write_po
from babelpress.qa.status import catalogue_status
from babelpress.site import words as sitetext
from babelpress.translate.prefill import translate_catalogues

MKDOCS = "site_name: t\nplugins:\n  - babelpress:\n      languages: [en, ru]\n"


@pytest.fixture
def site(tmp_path: Path) -> bp_config.Settings:
    """A project of one page, extracted: the site's words have their catalogues."""
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (tmp_path / "docs" / "de").mkdir(parents=True)
    (tmp_path / "docs" / "de" / "seite.md").write_text("Ein Satz.\n", encoding="utf-8")
    settings = bp_config.load(tmp_path)
    assert extract(settings).ok
    return settings


def site_po(settings: bp_config.Settings, language: str) -> Path:
    return layout.po_path(settings, language, layout.SITE_WORDS)


def translate(settings: bp_config.Settings, language: str, table: dict[str, object],
              *, fuzzy: bool = False) -> None:  # fmt: skip
    path = site_po(settings, language)
    po = read_po(path)
    for entry in po:
        if entry.msgctxt in table:
            value = table[entry.msgctxt]
            if isinstance(value, list):
                entry.msgstr_plural = dict(enumerate(value))
            else:
                entry.msgstr = str(value)
            if fuzzy:
                entry.flags.insert(0, "fuzzy")
    write_po(po, path)


# ------------------------------------------------------------------ the words
def test_every_word_is_german_with_a_note_for_translators() -> None:
    words = wordlist.words()
    assert len({word.key for word in words}) == len(words) > 20
    for word in words:
        assert word.note, word.key
        if word.plural is not None:
            assert "count" in word.fields, word.key


def test_libyaml_and_pyyaml_read_the_shipped_words_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = wordlist.data().decode("utf-8")
    fast = wordlist.parse_words(text, origin="site_words.yml")
    monkeypatch.setattr(wordlist, "_FAST_LOADER", yaml.SafeLoader)
    assert wordlist.parse_words(text, origin="site_words.yml") == fast


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a:\n  de: Eins\na:\n  de: Zwei\n", "occurs twice", 3),
        ("a:\n  de: Eins\nB x:\n  de: Zwei\n", "a key is made of", 3),
        ("a:\n  de: '{count'\n", "braces cannot be read", 1),
        ("a:\n  de: [Eins]\n", "a list of two texts", 1),
        ("a:\n  text: Eins\n", "needs 'de'", 1),
        ("a:\n  de: Eins\n  hint: x\n", "unknown field(s): hint", 1),
        ("a: [\n", "invalid YAML", 2),
    ],
)
def test_a_broken_word_list_names_file_and_line(text: str, message: str, line: int) -> None:
    with pytest.raises(InputError) as caught:
        wordlist.parse_words(text, origin="site_words.yml")
    assert message in caught.value.message
    assert caught.value.path == "site_words.yml" and caught.value.line == line


# ------------------------------------------------------------------ extract
def test_extract_writes_the_template_and_a_catalogue_per_language(
    site: bp_config.Settings,
) -> None:
    template = read_po(layout.pot_path(site, layout.SITE_WORDS))
    entries = {entry.msgctxt: entry for entry in template}
    assert list(entries) == [word.key for word in wordlist.words()]
    german = entries["notice.german"]
    assert german.msgid == "{count} Textstelle erscheint im deutschen Original."
    assert german.msgid_plural == "{count} Textstellen erscheinen im deutschen Original."
    assert "python-brace-format" in german.flags
    assert german.comment.startswith("A line of the notice.")
    assert "python-brace-format" not in entries["404.title"].flags
    ru = {entry.msgctxt: entry for entry in read_po(site_po(site, "ru"))}
    assert sorted(ru["notice.german"].msgstr_plural) == [0, 1, 2]  # Russian: three forms
    assert sorted({entry.msgctxt: entry for entry in read_po(site_po(site, "en"))}[
        "notice.german"].msgstr_plural) == [0, 1]  # fmt: skip
    # the site's words are not a page: no orphan, and status counts them like a page
    assert extract(site).orphans == []
    status = catalogue_status(site_po(site, "ru"), root=site.root)
    assert status.untranslated == len(wordlist.words()) and status.translated == 0


def test_a_changed_german_word_keeps_its_translation_as_fuzzy_with_the_old_german(
    site: bp_config.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    translate(site, "en", {"404.title": "Page not found"})
    changed = [
        wordlist.Word(w.key, "Diese Seite wurde nicht gefunden", None, w.note)
        if w.key == "404.title" else w
        for w in wordlist.words()
    ]  # fmt: skip
    monkeypatch.setattr(wordlist, "words", lambda: tuple(changed))
    monkeypatch.setattr(wordlist, "data", lambda: b"changed")
    assert extract(site).ok
    entry = next(e for e in read_po(site_po(site, "en")) if e.msgctxt == "404.title")
    assert entry.msgid == "Diese Seite wurde nicht gefunden"
    assert entry.msgstr == "Page not found" and entry.fuzzy
    assert entry.previous_msgid == "Seite nicht gefunden"


def test_a_page_may_not_take_the_name_of_the_site_words(site: bp_config.Settings) -> None:
    page = site.source_docs_path / "_site.md"
    page.write_text("Ein Satz.\n", encoding="utf-8")
    with pytest.raises(InputError, match="may not start with '_'"):
        layout.pages(site)
    # a page in a folder may: its catalogue cannot collide with the site's words
    page.unlink()
    (site.source_docs_path / "teil").mkdir()
    (site.source_docs_path / "teil" / "_a.md").write_text("Ein Satz.\n", encoding="utf-8")
    assert [page.slug for page in layout.pages(site)] == ["seite", "teil/_a"]


# ------------------------------------------------------------------ translate
def test_pseudo_translation_drafts_every_plural_form_and_keeps_the_fields(
    site: bp_config.Settings,
) -> None:
    translate_catalogues(site, provider="pseudo", languages=["ru"], progress=False)
    entry = next(e for e in read_po(site_po(site, "ru")) if e.msgctxt == "notice.german")
    assert entry.fuzzy and entry.tcomment.startswith("Machine translation (pseudo")
    forms = entry.msgstr_plural
    assert sorted(forms) == [0, 1, 2]
    assert forms[0].startswith("⟦RU⟧ {count} ") and "Téxtstéllé " in forms[0]
    assert forms[1] == forms[2] and "Téxtstélléñ" in forms[1]
    words = sitetext.load(site, "ru", drafts=True)
    assert words.plural("notice.german", 5).startswith("⟦RU⟧ 5 Téxtstélléñ")


# ------------------------------------------------------------------ showing
RU_GERMAN = [
    "{count} фрагмент приводится в немецком оригинале.",
    "{count} фрагмента приводятся в немецком оригинале.",
    "{count} фрагментов приводятся в немецком оригинале.",
]


@pytest.mark.parametrize(
    ("count", "form"), [(1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (12, 2), (21, 0), (22, 1),
                        (111, 2), (1001, 0)],
)  # fmt: skip
def test_plural_forms_follow_the_catalogue(site: bp_config.Settings, count: int, form: int) -> None:
    translate(site, "ru", {"notice.german": RU_GERMAN})
    words = sitetext.load(site, "ru", drafts=False)
    number = sitetext.number(count, "ru")
    assert words.plural("notice.german", count) == RU_GERMAN[form].format(count=number)


def test_untranslated_words_are_german_with_german_plurals(site: bp_config.Settings) -> None:
    words = sitetext.load(site, "ru", drafts=True)
    assert words.text("404.title") == "Seite nicht gefunden"
    assert words.plural("notice.german", 1) == "1 Textstelle erscheint im deutschen Original."
    assert words.plural("notice.german", 21) == "21 Textstellen erscheinen im deutschen Original."
    assert words.error is None and words.warnings == ()


def test_drafts_are_shown_only_where_drafts_are(site: bp_config.Settings) -> None:
    translate(site, "en", {"404.title": "Page not found"}, fuzzy=True)
    assert sitetext.load(site, "en", drafts=True).text("404.title") == "Page not found"
    assert sitetext.load(site, "en", drafts=False).text("404.title") == "Seite nicht gefunden"


def test_a_translation_the_checks_block_is_german_with_a_warning(
    site: bp_config.Settings,
) -> None:
    translate(site, "en", {
        "notice.german": ["{anzahl} passage in German.", "{count} passages in German."],
        "404.title": "<script>alert()</script>Page not found",
        "404.home": "Home",
    })  # fmt: skip
    words = sitetext.load(site, "en", drafts=False)
    assert words.plural("notice.german", 2) == "2 Textstellen erscheinen im deutschen Original."
    assert words.text("404.title") == "Seite nicht gefunden"
    assert words.text("404.home") == "Home"
    assert len(words.warnings) == 2
    assert all(w.startswith("locale/en/LC_MESSAGES/_site.po:") for w in words.warnings)
    assert any("format" in w for w in words.warnings)
    assert any("safe-html" in w for w in words.warnings)


def test_a_catalogue_of_words_that_cannot_be_read_is_an_error_and_german(
    site: bp_config.Settings,
) -> None:
    path = site_po(site, "en")
    path.write_text(path.read_text("utf-8") + '\nmsgid "kaputt\n', encoding="utf-8")
    words = sitetext.load(site, "en", drafts=True)
    assert words.error is not None and words.error.line is not None
    assert words.text("404.title") == "Seite nicht gefunden"


def test_the_fingerprint_follows_the_catalogue(site: bp_config.Settings) -> None:
    before = sitetext.load(site, "en", drafts=True).fingerprint
    translate(site, "en", {"404.home": "Home"})
    after = sitetext.load(site, "en", drafts=True)
    assert after.fingerprint != before and after.text("404.home") == "Home"
    assert sitetext.load(site, "en", drafts=False).fingerprint != after.fingerprint


def test_fields_are_substituted_plainly() -> None:
    assert sitetext.substitute("{count} x", {"count": 3}) == "3 x"
    assert sitetext.substitute("{count.real} x", {"count": 3}) is None
    assert sitetext.substitute("{count!r} x", {"count": 3}) is None
    assert sitetext.substitute("{other} x", {"count": 3}) is None
    assert sitetext.substitute("{count x", {"count": 3}) is None
    assert sitetext.substitute("{{literal}}", {}) == "{literal}"


def test_polib_reads_the_plural_entries_we_write(site: bp_config.Settings) -> None:
    po = polib.pofile(str(site_po(site, "ru")))
    entry = po.find("{count} Textstelle erscheint im deutschen Original.", msgctxt="notice.german")
    assert entry is not None and sorted(entry.msgstr_plural) == [0, 1, 2]

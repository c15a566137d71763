"""Templates from pages, and merging checked against GNU ``msgmerge --previous``."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from babelpress.config import Settings
from babelpress.extract.template import build_template, language_header, template_header
from babelpress.markdown.reader import parse
from babelpress.markdown.units import Document, Segment
from babelpress.po.file import format_po, parse_po
from babelpress.po.merge import MEMORY_NOTE, TranslationMemory, merge, similarity
from gettext_tools import assert_msgfmt_ok, msgmerge, needs_gettext

DATE = "2024-05-09 12:00+0000"


def _settings(tmp_path: Path) -> Settings:
    return Settings.defaults(tmp_path)


def _doc(*segments: Segment, slug: str = "seite") -> Document:
    return Document(path=f"docs/de/{slug}.md", slug=slug, parts=list(segments))


def _seg(msgid: str, line: int, kind: str = "sentence", **extra: object) -> Segment:
    return Segment(msgid=msgid, source=msgid, kind=kind, line=line, **extra)  # type: ignore[arg-type]


# ------------------------------------------------------------------ templates
def test_template_entries_references_comments_and_flags(tmp_path: Path) -> None:
    doc = _doc(
        _seg("Überschrift", 1, "heading", context="heading"),
        _seg("Ein Satz.", 3),
        _seg(
            "Mit [Link][1] und <2>.",
            3,
            flags=("md-text",),
            placeholders=(("[1]", "(https://a.de)"), ("<2>", "<https://b.de>")),
        ),
        _seg("Ein Satz.", 7, "list item"),
        _seg("Überschrift", 9),
    )
    po = build_template(doc, _settings(tmp_path), date=DATE)
    assert [(e.msgctxt, e.msgid) for e in po] == [
        ("heading", "Überschrift"),
        (None, "Ein Satz."),
        (None, "Mit [Link][1] und <2>."),
        (None, "Überschrift"),
    ]
    shared = po[1]
    assert shared.occurrences == [("docs/de/seite.md", "3"), ("docs/de/seite.md", "7")]
    assert shared.comment == "sentence, list item"
    assert po[2].comment == "sentence\n[1] = (https://a.de)\n<2> = <https://b.de>"
    assert po[2].flags == ["md-text"]
    assert po.metadata["POT-Creation-Date"] == DATE
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Project-Id-Version"] == "babelpress"
    assert po.metadata["Generated-By"].startswith("Babel ")
    assert po.metadata_is_fuzzy


def test_language_headers_come_from_babel(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    ru = language_header(settings, "ru", DATE).metadata
    en = language_header(settings, "en", DATE).metadata
    assert ru["Language"] == "ru" and en["Language"] == "en"
    assert ru["Plural-Forms"].startswith("nplurals=3;")
    assert en["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    for fields in (ru, en):
        assert fields["Content-Type"] == "text/plain; charset=UTF-8"
        assert fields["Language-Team"].endswith("<LL@li.org>")
        assert {"Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date",
                "PO-Revision-Date", "MIME-Version", "Content-Transfer-Encoding",
                "Generated-By"} <= set(fields)  # fmt: skip
    assert "Language" not in template_header(settings, DATE).metadata


@needs_gettext
def test_template_of_a_real_page_is_valid_for_gettext(tmp_path: Path, repo_root: Path) -> None:
    source = next((repo_root / "docs" / "de").glob("*.md"))
    doc = parse(source.read_text("utf-8"), path=f"docs/de/{source.name}", slug=source.stem)
    settings = _settings(tmp_path)
    template = build_template(doc, settings, date=DATE)
    assert len(template) > 5
    for name, po in (
        ("t.pot", template),
        (
            "ru.po",
            merge(template, None, language="ru", new_header=language_header(settings, "ru", DATE)),
        ),
    ):
        path = tmp_path / name
        path.write_text(format_po(po), encoding="utf-8")
        assert_msgfmt_ok(path)


# ------------------------------------------------------------------ similarity
def test_similarity_is_gettexts_lcs_ratio() -> None:
    assert similarity("", "") == 1.0
    assert similarity("abc", "abc") == 1.0
    assert similarity("abc", "xyz") == 0.0
    assert similarity("abcd", "abxd") == pytest.approx(6 / 8)
    assert similarity("ä", "a") == pytest.approx(0.0)  # bytes: c3 a4 vs 61
    long_a, long_b = "Wort " * 300, "Wort " * 299 + "Satz "
    assert similarity(long_a, long_b) == pytest.approx(2 * (1500 - 3) / 3000)  # "t " kept


# ------------------------------------------------------------------ merging vs msgmerge
def _template(*msgids: str | tuple[str, str]) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {
        "Project-Id-Version": "test",
        "POT-Creation-Date": "2024-06-01 00:00+0000",
        "Content-Type": "text/plain; charset=UTF-8",
    }
    for line, item in enumerate(msgids, start=1):
        context, msgid = item if isinstance(item, tuple) else (None, item)
        reference = ("docs/de/a.md", str(line))
        po.append(polib.POEntry(msgid=msgid, msgctxt=context, occurrences=[reference],
                                comment="sentence"))  # fmt: skip
    return po


def _old(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    po.header = "English translation."
    po.metadata = {
        "Project-Id-Version": "test",
        "POT-Creation-Date": "2024-01-01 00:00+0000",
        "PO-Revision-Date": "2024-02-02 10:00+0000",
        "Last-Translator": "Erika Muster <erika@example.org>",
        "Language-Team": "English",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for entry in entries:
        po.append(entry)
    return po


def _e(msgid: str, msgstr: str, **extra: object) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, **extra)  # type: ignore[arg-type]


SCENARIOS = {
    "unchanged": (
        _old(_e("Der Hund bellt.", "The dog barks.", tcomment="checked"),
             _e("Die Katze schläft.", "The cat sleeps.", flags=["fuzzy"])),
        _template("Der Hund bellt.", "Die Katze schläft."),
    ),
    "changed sentence": (
        _old(_e("Die Regierung in Nur-Sultan befindet sich in einer schwierigen Lage.",
                "The government in Nur-Sultan is in a difficult position."),
             _e("Ganz anderer Text ohne Bezug.", "Unrelated text.")),
        _template("Die Regierung in Astana befindet sich in einer schwierigen Lage.",
                  "Ganz anderer Text ohne Bezug."),
    ),
    "removed": (
        _old(_e("Der Satz bleibt.", "The sentence stays."),
             _e("Dieser Satz verschwindet bald.", "This sentence will vanish.", tcomment="note"),
             _e("Unübersetzt und weg.", "")),
        _template("Der Satz bleibt."),
    ),
    "returned": (
        _old(_e("Der Satz bleibt.", "The sentence stays."),
             _e("Er kommt zurück.", "He returns.", obsolete=True),
             _e("Er kam fuzzy zurück.", "He came back.", obsolete=True, flags=["fuzzy"],
                previous_msgid="Er kam zurück.")),
        _template("Er kommt zurück.", "Der Satz bleibt.", "Er kam fuzzy zurück."),
    ),
    "new": (
        _old(_e("Der Satz bleibt.", "The sentence stays.")),
        _template("Der Satz bleibt.", "Ein völlig neuer Gedanke über Quittenmus."),
    ),
    "context changed": (
        _old(_e("Kasachstan unter Druck", "Kazakhstan under pressure")),
        _template(("heading", "Kasachstan unter Druck!"), "Etwas anderes steht hier."),
    ),
    "obsolete reused as fuzzy": (
        _old(_e("Ein alter Satz über die Wirtschaftslage.", "An old sentence on the economy.",
                obsolete=True)),
        _template("Ein alter Satz über die Wirtschaftslage!"),
    ),
    "best of several": (
        _old(_e("Die Preise stiegen im Januar stark an.", "Prices rose sharply in January."),
             _e("Die Preise stiegen im Februar stark an.", "Prices rose sharply in February."),
             _e("Die Löhne sanken.", "Wages fell.")),
        _template("Die Preise stiegen im Februar sehr stark an.", "Die Löhne sanken."),
    ),
}  # fmt: skip


@needs_gettext
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_merge_matches_msgmerge_previous(tmp_path: Path, name: str) -> None:
    old, template = SCENARIOS[name]
    (tmp_path / "old.po").write_text(format_po(old), encoding="utf-8")
    (tmp_path / "new.pot").write_text(format_po(template), encoding="utf-8")
    gnu = msgmerge(tmp_path / "old.po", tmp_path / "new.pot")
    ours = format_po(merge(parse_po(format_po(template)), parse_po(format_po(old)), language="en"))
    assert ours == gnu
    path = tmp_path / "ours.po"
    path.write_text(ours, encoding="utf-8")
    assert_msgfmt_ok(path)


@needs_gettext
def test_where_closest_differs_from_msgmerge(tmp_path: Path) -> None:
    """msgmerge lends a new sentence the translation of *any* similar old entry, even one
    still in use; babelpress only looks at entries that vanished, so a new sentence
    next to a near-twin stays untranslated instead of copying its neighbour."""
    old = _old(_e("Die Preise stiegen im Januar stark an.", "Prices rose sharply in January."))
    template = _template("Die Preise stiegen im Januar stark an.",
                         "Die Preise stiegen im Februar stark an.")  # fmt: skip
    (tmp_path / "old.po").write_text(format_po(old), encoding="utf-8")
    (tmp_path / "new.pot").write_text(format_po(template), encoding="utf-8")
    gnu = parse_po(msgmerge(tmp_path / "old.po", tmp_path / "new.pot").encode())
    ours = merge(template, old, language="en")
    assert gnu[1].fuzzy and gnu[1].msgstr == "Prices rose sharply in January."
    assert not ours[1].fuzzy and ours[1].msgstr == ""


def test_merge_keeps_editor_flags_and_takes_template_flags() -> None:
    template = _template("Ein **Satz**.")
    template[0].flags = ["md-text"]
    old = _old(_e("Ein **Satz**.", "A **sentence**.", flags=["fuzzy", "babelpress-ignore-length"]))
    (entry,) = merge(template, old, language="en")
    assert entry.flags == ["fuzzy", "md-text", "babelpress-ignore-length"]
    assert entry.occurrences == [("docs/de/a.md", "1")] and entry.comment == "sentence"


def test_merge_keeps_old_header_and_updates_creation_date() -> None:
    merged = merge(_template("x"), _old(), language="en")
    assert merged.header == "English translation."
    assert merged.metadata["POT-Creation-Date"] == "2024-06-01 00:00+0000"
    assert merged.metadata["Last-Translator"] == "Erika Muster <erika@example.org>"
    assert merged.metadata["PO-Revision-Date"] == "2024-02-02 10:00+0000"


def test_merge_is_idempotent() -> None:
    for old, template in SCENARIOS.values():
        once = merge(template, old, language="en")
        twice = merge(template, once, language="en")
        assert format_po(twice) == format_po(once)


# ------------------------------------------------------------------ translation memory
def test_translation_memory_prefills_new_sentences_as_fuzzy() -> None:
    other = _old(
        _e("Die Lage bleibt angespannt.", "The situation remains tense."),
        _e("Nur ein Entwurf.", "Just a draft.", flags=["fuzzy"]),
        _e("Weg damit.", "Gone.", obsolete=True),
    )
    memory = TranslationMemory()
    memory.add(other, "docs/de/andere-seite.md")
    template = _template("Die Lage bleibt angespannt.", "Nur ein Entwurf.", "Weg damit.")
    merged = merge(template, _old(), language="en", memory=memory)
    first, draft, gone = merged
    assert first.msgstr == "The situation remains tense." and first.fuzzy
    assert first.tcomment == MEMORY_NOTE + "docs/de/andere-seite.md"
    assert draft.msgstr == "" and gone.msgstr == ""  # only reviewed translations are offered
    # a close old entry of the page itself wins over the memory
    own = _old(_e("Die Lage bleibt sehr angespannt.", "The situation remains very tense."))
    (entry, *_) = merge(template, own, language="en", memory=memory)
    assert entry.msgstr == "The situation remains very tense."
    assert entry.previous_msgid == "Die Lage bleibt sehr angespannt."


@needs_gettext
def test_a_message_active_and_obsolete_that_vanishes_is_obsolete_once(tmp_path: Path) -> None:
    """A catalogue may hold a message both active and obsolete (gettext accepts it); when
    it leaves the page, two obsolete copies would be a duplicate definition that every
    tool refuses.  One is kept, the other's translation in its comment."""
    old = _old(
        _e("Ein alter Satz.", "An old sentence."),
        _e("Ein alter Satz.", "An old sentence (earlier).", obsolete=True),
    )
    merged = merge(_template("Ein neuer Satz, ganz anders."), old, language="en")
    gone = [entry for entry in merged if entry.obsolete]
    assert [(e.msgid, e.msgstr) for e in gone] == [("Ein alter Satz.", "An old sentence.")]
    assert gone[0].tcomment == "earlier translation: An old sentence (earlier)."
    path = tmp_path / "en.po"
    path.write_text(format_po(merged), encoding="utf-8")
    assert_msgfmt_ok(path)


def test_a_page_rewritten_throughout_is_merged_in_linear_time() -> None:
    """Every changed sentence was compared with every vanished translated one: 3,000
    sentences of one page rewritten took two minutes per language (found by an attack
    review).  With many, each is compared with those sharing its rarer words and those
    nearest in length; each still finds its own old translation."""
    import time

    def cost(count: int) -> float:
        old = [f"Satz {i}: Der Rat spricht über die Straße {i * 7} im Ortsteil {i % 13}."
               for i in range(count)]  # fmt: skip
        new = [msgid.replace("spricht über", "redet über") for msgid in old]
        start = time.process_time()
        merged = merge(_template(*new), _old(*(_e(m, f"T {m}") for m in old)), language="en")
        spent = time.process_time() - start
        lent = {e.msgid: e.msgstr for e in merged if e.fuzzy}
        assert lent == {n: f"T {o}" for n, o in zip(new, old, strict=True)}
        return spent

    small, big = cost(400), cost(1_600)
    assert big < max(small, 0.01) * 8, (small, big)  # linear: 4x; quadratic: 16x

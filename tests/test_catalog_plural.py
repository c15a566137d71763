"""Plural entries keep their translations through ``extract``, as ``msgmerge --previous`` does.

An old catalogue entry with ``msgid_plural`` and ``msgstr[n]`` meets a template entry
without plural forms (babelpress's templates have none): the translation of
``msgstr[0]`` is kept, fuzzy, with the old strings as previous ones.  Each case is
compared with GNU ``msgmerge --previous`` byte for byte, through :func:`merge` and
through a real ``babelpress extract``.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from babelpress.po.file import format_po, parse_po
from babelpress.po.merge import merge
from gettext_tools import assert_msgfmt_ok, msgmerge, needs_gettext
from test_catalog import _e, _old, _template
from untrusted_project import ARTICLE, babelpress, make_project


def _plural(msgid: str, plural: str, forms: dict[int, str], **extra: object) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgid_plural=plural, msgstr_plural=forms, **extra)  # type: ignore[arg-type]


def _with_plural_forms(po: polib.POFile) -> polib.POFile:
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    return po


SCENARIOS = {
    "translated plural": (
        _old(_plural("Ein Haus.", "Häuser.", {0: "A house.", 1: "Houses."})),
        _template("Ein Haus."),
    ),
    "untranslated plural": (
        _old(_plural("Ein Haus.", "Häuser.", {0: "", 1: ""})),
        _template("Ein Haus."),
    ),
    "only the second form": (
        _old(_plural("Ein Haus.", "Häuser.", {0: "", 1: "Houses."})),
        _template("Ein Haus."),
    ),
    "fuzzy plural with its previous msgid": (
        _old(_plural("Ein Haus.", "Häuser.", {0: "A house.", 1: "Houses."}, flags=["fuzzy"],
                     previous_msgid="Ein Hof.", tcomment="editor's note")),
        _template("Ein Haus."),
    ),
    "obsolete plural returns": (
        _old(_plural("Ein Haus.", "Häuser.", {0: "A house.", 1: "Houses."}, obsolete=True)),
        _template("Ein Haus."),
    ),
    "plural with another context": (
        _old(_plural("Ein Haus am Fluss.", "Häuser.", {0: "A house by the river.", 1: "Houses."},
                     msgctxt="heading")),
        _template("Ein Haus am Fluss.", "Etwas anderes."),
    ),
    "plural of a changed sentence": (
        _old(_plural("Ein Haus am Fluss steht leer.", "Häuser.",
                     {0: "A house by the river stands empty.", 1: "Houses."})),
        _template("Ein Haus am Fluss steht lange leer."),
    ),
    "singular for a plural template": (
        _old(_e("Ein Haus.", "A house.")),
        _template("Ein Haus."),
    ),
}  # fmt: skip
SCENARIOS["singular for a plural template"][1][0].msgid_plural = "Häuser."
SCENARIOS["singular for a plural template"][1][0].msgstr_plural = {0: "", 1: ""}


@needs_gettext
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_plural_merge_matches_msgmerge_previous(tmp_path: Path, name: str) -> None:
    old, template = SCENARIOS[name]
    old = _with_plural_forms(old)
    (tmp_path / "old.po").write_text(format_po(old), encoding="utf-8")
    (tmp_path / "new.pot").write_text(format_po(template), encoding="utf-8")
    gnu = msgmerge(tmp_path / "old.po", tmp_path / "new.pot")
    ours = format_po(merge(parse_po(format_po(template)), parse_po(format_po(old)), language="en"))
    assert ours == gnu
    (tmp_path / "ours.po").write_text(ours, encoding="utf-8")
    assert_msgfmt_ok(tmp_path / "ours.po")


@needs_gettext
def test_extract_keeps_a_plural_translation_as_msgmerge_does(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"a.txt": ARTICLE}, {"a.txt": {"slug": "a"}})
    assert babelpress(root, "normalise").returncode == 0
    assert babelpress(root, "extract").returncode == 0
    path = root / "locale/en/LC_MESSAGES/a.po"
    po = parse_po(path.read_bytes())
    entry = next(e for e in po if e.msgid.startswith("Die Regierung"))
    entry.msgid_plural = "Die Regierungen wollen Moskau nicht verärgern."
    entry.msgstr_plural = {0: "The government does not want to anger Moscow.", 1: "Governments"}
    entry.msgstr = ""
    path.write_text(format_po(po), encoding="utf-8")
    (tmp_path / "old.po").write_bytes(path.read_bytes())
    for cache in (root / "locale").glob(".babelpress-*.json"):
        cache.unlink()  # the catalogue changed: extract merges it again
    result = babelpress(root, "extract")
    assert result.returncode == 0, result.stderr
    gnu = msgmerge(tmp_path / "old.po", root / "locale/templates/a.pot")
    # entries byte for byte (msgmerge orders babel's header fields its own way)
    assert path.read_text(encoding="utf-8").split("\n\n", 1)[1] == gnu.split("\n\n", 1)[1]
    kept = next(e for e in parse_po(path.read_bytes()) if e.msgid.startswith("Die Regierung"))
    assert kept.msgstr == "The government does not want to anger Moscow."
    assert kept.fuzzy and kept.previous_msgid_plural == entry.msgid_plural

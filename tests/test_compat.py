"""Every catalogue babelpress writes is read without a warning by GNU gettext
(``msgfmt --check``, ``msgcat``) and by Translate Toolkit (``translate.storage.pypo``,
the PO reader Weblate uses, and its ``pocount`` and ``po2csv``).

Two sets of catalogues, both from the project's real German pages, a template and an
English and a Russian catalogue per page:

* ``extracted`` -- what the pipeline writes: ``babelpress extract``, then machine
  drafts from the offline ``pseudo`` provider, then an editor's save (one draft
  reviewed, one entry flagged ``ignore-numbers``);
* ``committed`` -- the reviewed catalogues in the repository;
* ``written`` -- made here and saved with :func:`babelpress.po.file.write_po`, with
  everything the pipeline may not produce yet on its own: babel headers, ``#.``
  kinds, ``#:`` references, ``md-text`` flags, reviewed entries, drafts with a
  translator comment and a previous msgid, an ``ignore-`` flag, an obsolete entry.
"""

from __future__ import annotations

import datetime
import io
import logging
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import polib
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po as babel_write_po

from babelpress.markdown.reader import parse
from babelpress.po.file import parse_po, read_po, write_po

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "LC_ALL": "C", "LANGUAGE": ""}
REVISED = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.timezone.utc)


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=ENV, timeout=300, check=False)


def header(language: str | None) -> polib.POFile:
    """An empty catalogue with the header babel writes (as the catalogue code does)."""
    catalog = Catalog(
        locale=language,
        project="babelpress",
        version="0.1.0",
        fuzzy=False,
        creation_date=REVISED,
        revision_date=REVISED if language else None,
    )
    catalog.language_team = f"{language} <team@example.org>" if language else ""
    catalog.last_translator = "Editor <editor@example.org>" if language else ""
    buffer = io.BytesIO()
    babel_write_po(buffer, catalog, omit_header=False)
    return parse_po(buffer.getvalue())


def catalogue(slug: str, language: str | None) -> polib.POFile:
    source = REPO / "docs" / "de" / f"{slug}.md"
    doc = parse(source.read_text("utf-8"), path=f"docs/de/{slug}.md", slug=slug)
    po = header(language)
    seen: dict[tuple[str | None, str], polib.POEntry] = {}
    for number, segment in enumerate(doc.segments()):
        key = (segment.context, segment.msgid)
        if key in seen:
            seen[key].occurrences.append((f"docs/de/{slug}.md", str(segment.line)))
            continue
        entry = polib.POEntry(
            msgid=segment.msgid,
            msgctxt=segment.context,
            comment=segment.kind,
            occurrences=[(f"docs/de/{slug}.md", str(segment.line))],
            flags=list(segment.flags),
        )
        if language and number % 3 == 0:
            entry.msgstr = f"[{language}] {segment.msgid}"
        elif language and number % 3 == 1:
            entry.msgstr = f"[{language}] {segment.msgid}"
            entry.flags.insert(0, "fuzzy")
            entry.tcomment = "machine translation (pseudo), not reviewed"
            entry.previous_msgid = segment.msgid[:-1] or segment.msgid
        if language and number == 4:
            entry.flags.append("ignore-numbers")
        seen[key] = entry
        po.append(entry)
    if language:
        po.append(polib.POEntry(msgid="Ein alter Satz.", msgstr="An old sentence.", obsolete=True))
    return po


def written(root: Path) -> list[Path]:
    """Catalogues written by :func:`write_po`, for every page, by hand."""
    locale = root / "locale"
    paths = []
    for source in sorted((REPO / "docs" / "de").glob("*.md")):
        slug = source.stem
        for language in (None, "en", "ru"):
            folder = locale / "templates" if language is None else locale / language / "LC_MESSAGES"
            path = folder / (f"{slug}.pot" if language is None else f"{slug}.po")
            path.parent.mkdir(parents=True, exist_ok=True)
            write_po(catalogue(slug, language), path)
            paths.append(path)
    return paths


def extracted(root: Path) -> list[Path]:
    """The pipeline's catalogues: extract, machine drafts (offline), an editor's save."""
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs" / "de", root / "docs" / "de")
    (root / "locale").mkdir()  # no catalogues yet: extract writes them all
    shutil.copy2(REPO / "locale" / "glossary.csv", root / "locale" / "glossary.csv")
    for step in (["extract"], ["translate", "--provider", "pseudo"]):
        done = subprocess.run(
            [str(BIN / "babelpress"), *step], cwd=root, capture_output=True, text=True,
            env=ENV, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    paths = sorted((root / "locale").rglob("*.po")) + sorted((root / "locale").rglob("*.pot"))
    edited = next(p for p in paths if p.suffix == ".po")
    po = read_po(edited)
    drafts = [e for e in po if "fuzzy" in e.flags]
    drafts[0].flags.remove("fuzzy")  # reviewed
    drafts[1].flags.append("ignore-numbers")  # silenced
    write_po(po, edited)
    return paths


def committed(root: Path) -> list[Path]:
    """The reviewed catalogues in the repository (read here, never written)."""
    locale = REPO / "locale"
    return sorted(locale.rglob("*.po")) + sorted(locale.rglob("*.pot"))


@pytest.fixture(
    scope="module",
    params=[written, extracted, committed],
    ids=["written", "extracted", "committed"],
)
def catalogues(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> list[Path]:
    paths = request.param(tmp_path_factory.mktemp("compat"))
    # a template and two catalogues for each German page of the repository
    pages = len(list((REPO / "docs/de").rglob("*.md")))
    assert {p.suffix for p in paths} == {".po", ".pot"} and len(paths) >= 3 * pages >= 3 * 6
    return paths


def test_msgfmt_check_accepts_every_catalogue(catalogues: list[Path]) -> None:
    for path in catalogues:
        # a template keeps the default header values a translator fills in, which
        # --check-header would point out; everything else is checked on it too
        checks = ["--check"] if path.suffix == ".po" else ["--check-format", "--check-domain"]
        done = run(["msgfmt", *checks, "-o", os.devnull, str(path)])
        assert (done.returncode, done.stderr) == (0, ""), path


def test_msgcat_reads_every_catalogue_silently(catalogues: list[Path]) -> None:
    for path in catalogues:
        done = run(["msgcat", "-o", os.devnull, str(path)])
        assert (done.returncode, done.stderr) == (0, ""), path


def test_gnu_tools_drop_flags_they_do_not_know(tmp_path: Path) -> None:
    """Documented in REVIEWING.md: msgcat and msgmerge keep ``fuzzy`` but drop
    ``md-text`` and ``ignore-`` flags, so those flags live only through tools that keep
    them (babelpress extract, Poedit, Lokalize, Weblate)."""
    flagged = re.compile(r"^#, .*ignore-numbers", re.M)
    path = next(p for p in written(tmp_path) if flagged.search(p.read_text("utf-8")))
    done = run(["msgcat", str(path)])
    flag_lines = [line for line in done.stdout.splitlines() if line.startswith("#,")]
    assert "#, fuzzy" in flag_lines
    assert not any("ignore-" in line or "md-text" in line for line in flag_lines)


def test_translate_toolkit_reads_every_catalogue_as_we_do(
    catalogues: list[Path], caplog: pytest.LogCaptureFixture
) -> None:
    from translate.storage import pypo

    for path in catalogues:
        with warnings.catch_warnings(), caplog.at_level(logging.WARNING):
            warnings.simplefilter("error")
            store = pypo.pofile.parsefile(str(path))
        assert caplog.records == [], path
        units = [u for u in store.units if not u.isheader() and not u.isobsolete()]
        ours = [e for e in polib.pofile(str(path)) if not e.obsolete]
        assert [(u.getcontext() or None, u.source) for u in units] == [
            (e.msgctxt or None, e.msgid) for e in ours
        ], path
        assert [_target(u) for u in units] == [_forms(e) for e in ours], path
        assert [u.isfuzzy() for u in units] == ["fuzzy" in e.flags for e in ours], path


def _target(unit: Any) -> list[str]:
    return [str(form) for form in unit.target.strings] if unit.hasplural() else [unit.target]


def _forms(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def test_pocount_and_po2csv_run_silently(catalogues: list[Path], tmp_path: Path) -> None:
    done = run([str(BIN / "pocount"), *map(str, catalogues)])
    assert (done.returncode, done.stderr) == (0, "")
    for path in (p for p in catalogues if p.suffix == ".po"):  # po2csv takes no .pot
        out = tmp_path / (path.name + ".csv")
        done = run([str(BIN / "po2csv"), "--progress=none", str(path), str(out)])
        assert (done.returncode, done.stderr) == (0, ""), path
        assert out.stat().st_size > 0

"""What extract found walking a page is kept for rendering: used only for the same text
and code, and only when it is cut from the page itself; anything else is parsed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from babelpress import config as bp_config
from babelpress import project as layout
from babelpress import usercache
from babelpress.extract.pipeline import extract
from babelpress.markdown import reader, stored
from babelpress.render import all_pages as render

REPO = Path(__file__).resolve().parent.parent
PAGES = sorted((REPO / "docs" / "de").glob("*.md"))
PAGE = """---
title: Ein Titel
description: Der erste Absatz.
---

Der erste Absatz.

## Eine Überschrift

Ein Satz mit [einem Link](https://example.org/a). Noch ein Satz.

> Ein Zitat über
> zwei Zeilen.

- Ein Punkt.
- Noch ein Punkt mit **Fettem**.
"""


@pytest.fixture(autouse=True)
def own_cache_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user cache folder of the tests' own (the signing secret is kept there)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))


def kept_for(text: str, unit: str = "sentence") -> str:
    _, walked = reader.parse_walked(text, path="docs/de/x.md", slug="x", unit=unit)
    return stored.dumps(text, unit, walked)


def read(text: str, data: str | bytes | None, unit: str = "sentence") -> reader.Document:
    raw = data.encode() if isinstance(data, str) else data
    known = stored.known(raw, text, unit)
    return reader.parse_walked(text, path="docs/de/x.md", slug="x", unit=unit, known=known)[0]


def walking_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_walk(self: object) -> None:
        raise AssertionError("walked again")

    monkeypatch.setattr(reader._Body, "units", no_walk)


@pytest.mark.parametrize("unit", ["sentence", "paragraph"])
@pytest.mark.parametrize("page", [*PAGES, None], ids=lambda p: p.name if p else "sample")
def test_a_kept_walk_gives_the_page_parse_gives(
    page: Path | None, unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = page.read_text("utf-8") if page else PAGE
    expected = reader.parse(text, path="docs/de/x.md", slug="x", unit=unit)
    data = kept_for(text, unit)
    walking_forbidden(monkeypatch)
    assert read(text, data, unit) == expected


def test_the_file_is_small_and_the_same_for_the_same_page() -> None:
    data = kept_for(PAGE)
    assert data == kept_for(PAGE)
    assert "Noch ein Satz." not in data  # the text is cut from the page, not copied
    assert "https://example.org/a" in data  # a placeholder's target: not the msgid


def test_other_text_or_other_settings_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = kept_for(PAGE)
    edited = PAGE.replace("Noch ein Satz.", "Ein ganz anderer Satz, länger.")
    assert read(edited, data) == reader.parse(edited, path="docs/de/x.md", slug="x")
    paragraphs = reader.parse(PAGE, path="docs/de/x.md", slug="x", unit="paragraph")
    assert read(PAGE, data, unit="paragraph") == paragraphs
    monkeypatch.setattr(stored, "_code", lambda: b"another version of the reader")
    assert stored.known(data.encode(), PAGE, "sentence") is None


def planted(change: object, secret: bytes | None = None) -> str:
    """The file kept for :data:`PAGE`, changed by *change* (a function of its data) and
    signed again with *secret* (default: the user's, so the checks behind it are met)."""
    body = kept_for(PAGE).partition("\n")[2]
    data = json.loads(body)
    change(data)  # type: ignore[operator]
    body = json.dumps(data)
    page = stored.key(PAGE, "sentence")
    signature = stored._signature(secret or usercache.secret() or b"", page, body.encode())
    return f"{signature} {page}\n{body}\n"


def _link_unit(data: dict) -> list:
    return next(unit for unit in data["units"] if unit[6])


@pytest.mark.parametrize(
    "change",
    [
        # text that is not in the German page, as a placeholder's target
        lambda d: _link_unit(d)[6][0].__setitem__(1, '"><script>alert(1)</script>'),
        # a placeholder the msgid does not have (a translation may: "This"), for text
        # the page has not
        lambda d: d["units"][0].__setitem__(6, [["This", "<script>alert(1)</script>"]]),
        # an empty unit (inside a heading's marks), a lone surrogate
        lambda d: d["units"].insert(
            1, [d["units"][0][1], d["units"][0][1], None, "heading", 1, [], [], "", False]
        ),
        lambda d: d["units"][0].__setitem__(7, "\udcff"),
        # a msgid that does not restore to the unit's source
        lambda d: d["units"][0].__setitem__(2, "Ein Satz, den die Seite nicht hat."),
        # units past the end of the body, overlapping, backwards
        lambda d: d["units"][-1].__setitem__(1, 10**6),
        lambda d: d["units"][1].__setitem__(0, d["units"][0][0]),
        lambda d: d["units"][0].__setitem__(1, d["units"][0][0] - 1),
        # values of the wrong kind
        lambda d: d["units"][0].__setitem__(3, "script"),
        lambda d: d["units"][0].__setitem__(0, "0"),
        lambda d: d["units"][0].__setitem__(5, [1]),
        lambda d: d["units"][0].__setitem__(8, "yes"),
        lambda d: d["units"][0].pop(),
        lambda d: d.__setitem__("lead", [0, 10**6]),
        lambda d: d.__setitem__("units", {"a": 1}),
        lambda d: d.pop("units"),
    ],
)
def test_a_planted_or_damaged_file_is_not_used(change: object) -> None:
    expected = reader.parse(PAGE, path="docs/de/x.md", slug="x")
    assert read(PAGE, planted(change)) == expected


@pytest.mark.parametrize(
    "data", [b"", b"{", b"[]", b"null", b'{"key": 1}', "\udcff".encode("utf-8", "surrogatepass")]
)
def test_a_file_that_is_not_json_of_ours_is_not_used(data: bytes) -> None:
    assert read(PAGE, data) == reader.parse(PAGE, path="docs/de/x.md", slug="x")


def test_a_file_not_signed_with_the_users_secret_is_not_read() -> None:
    expected = reader.parse(PAGE, path="docs/de/x.md", slug="x")
    good = kept_for(PAGE)
    head, _, body = good.partition("\n")
    as_committed = planted(lambda d: None, secret=b"another machine's secret")
    unsigned = f"{'0' * 64} {head.split()[1]}\n{body}\n"
    deep = f"{head}\n{'[' * 200_000}\n"  # were it read: too deep for the JSON reader
    for data in (as_committed, unsigned, deep):
        assert read(PAGE, data) == expected
    assert stored.known(as_committed.encode(), PAGE, "sentence") is None
    assert stored.known(good.encode(), PAGE, "sentence") is not None


def test_extract_keeps_the_walks_and_rendering_uses_them(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = bp_config.load(project)
    extract(settings, jobs=1)
    pages = layout.pages(settings)
    kept = dict(layout.files_under(layout.parsed_folder(settings), ".json"))
    assert sorted(kept) == sorted(page.slug for page in pages)

    # the same pages as parsing them gives, without walking any
    render.render_all(settings)
    rendered = {p: p.read_bytes() for p in (project / "docs").rglob("*.md") if "de" not in p.parts}
    for path in rendered:
        path.unlink()
    for cache in settings.locale_path.glob(".babelpress-render*"):
        cache.unlink()
    walking_forbidden(monkeypatch)
    render.render_all(settings)
    assert {p: p.read_bytes() for p in rendered} == rendered

    # nothing changed: nothing written; a page gone: its walk goes too
    stamps = {path: path.stat().st_mtime_ns for path in kept.values()}
    extract(settings, jobs=1)
    assert {path: path.stat().st_mtime_ns for path in kept.values()} == stamps
    gone = pages[-1]
    gone.source.unlink()
    extract(settings, jobs=1)
    assert not layout.parsed_path(settings, gone.slug).exists()


def test_a_walk_lost_or_signed_with_another_secret_is_made_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = bp_config.load(project)
    extract(settings, jobs=1)
    pages = layout.pages(settings)
    lost = layout.parsed_path(settings, pages[0].slug)
    lost.unlink()
    report = extract(settings, jobs=1)
    assert lost.exists() and report.skipped == len(pages) - 1

    # a cleared cache folder (or a copy of another user's project): a new secret
    before = {page.slug: layout.parsed_path(settings, page.slug).read_bytes() for page in pages}
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-cache"))
    report = extract(settings, jobs=1)
    assert report.skipped == 0 and not report.errors
    after = {page.slug: layout.parsed_path(settings, page.slug).read_bytes() for page in pages}
    assert all(after[slug] != before[slug] for slug in before)
    for cache in settings.locale_path.glob(".babelpress-render*"):
        cache.unlink()
    walking_forbidden(monkeypatch)
    render.render_all(settings)


def test_clearing_old_walks_stays_inside_the_project(project: Path, tmp_path: Path) -> None:
    settings = bp_config.load(project)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "profiles").mkdir(parents=True)
    for name in ("settings.json", "profiles/work.json"):
        (elsewhere / name).write_text("{}", "utf-8")
    folder = layout.parsed_folder(settings)
    shutil.rmtree(folder, ignore_errors=True)
    folder.symlink_to(elsewhere)  # as a repository could ship it
    report = extract(settings, jobs=1)
    assert report.errors  # nothing is kept through the link, and it says so
    assert sorted(p.name for p in elsewhere.rglob("*.json")) == ["settings.json", "work.json"]


def test_checking_the_catalogues_keeps_nothing(project: Path) -> None:
    settings = bp_config.load(project)
    shutil.rmtree(layout.parsed_folder(settings), ignore_errors=True)
    extract(settings, check=True)
    assert not layout.parsed_folder(settings).exists()

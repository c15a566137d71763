"""``babelpress status``: JSON schema and msgfmt counts, the table, ``--min-reviewed``."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from babelpress.cli import run

MKDOCS = "site_name: t\nplugins:\n  - babelpress:\n      languages: [en, ru]\n"
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def msgfmt_statistics(path: Path) -> tuple[int, int, int]:
    env = {**os.environ, "LC_ALL": "C", "LANGUAGE": ""}
    done = subprocess.run(
        ["msgfmt", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    found = {
        kind: int(n)
        for n, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", done.stderr)
    }
    return found.get("translated", 0), found.get("fuzzy", 0), found.get("untranslated", 0)


def catalogue(reviewed: int, fuzzy: int, untranslated: int) -> str:
    entries = [HEADER]
    for number in range(reviewed + fuzzy + untranslated):
        flag = "#, fuzzy\n" if reviewed <= number < reviewed + fuzzy else ""
        msgstr = "" if number >= reviewed + fuzzy else f"Sentence {number}."
        entries.append(f'{flag}msgid "Ein Satz {number}."\nmsgstr "{msgstr}"\n')
    return "\n".join(entries)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS)
    for lang, slug, counts in (
        ("en", "a", (3, 0, 0)),
        ("en", "b", (1, 0, 0)),
        ("ru", "a", (1, 1, 1)),
        ("ru", "b", (2, 1, 0)),
    ):
        path = tmp_path / "locale" / lang / "LC_MESSAGES" / f"{slug}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(catalogue(*counts), encoding="utf-8")
    return tmp_path


def test_json_schema_and_msgfmt_counts(project: Path, capsys) -> None:
    assert run(["-C", str(project), "status", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["language"], r["catalogue"]) for r in rows] == [
        ("en", "locale/en/LC_MESSAGES/a.po"),
        ("en", "locale/en/LC_MESSAGES/b.po"),
        ("ru", "locale/ru/LC_MESSAGES/a.po"),
        ("ru", "locale/ru/LC_MESSAGES/b.po"),
    ]
    for row in rows:
        assert set(row) == {
            "catalogue", "language", "translated", "fuzzy", "untranslated", "total",
            "translated_words", "fuzzy_words", "untranslated_words", "total_words",
            "reviewed_percent",
        }  # fmt: skip
        expected = msgfmt_statistics(project / row["catalogue"])
        assert (row["translated"], row["fuzzy"], row["untranslated"]) == expected
        assert row["total_words"] == 3 * row["total"]
    assert rows[2]["reviewed_percent"] == pytest.approx(33.3)


def test_one_language(project: Path, capsys) -> None:
    assert run(["-C", str(project), "status", "--lang", "ru", "--format", "json"]) == 0
    assert {r["language"] for r in json.loads(capsys.readouterr().out)} == {"ru"}


def test_table_is_aligned_and_plain_when_not_a_terminal(project: Path, capsys) -> None:
    assert run(["-C", str(project), "status"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    lines = [line for line in out.splitlines() if line.strip(" ─")]
    legend = next(i for i, line in enumerate(lines) if line.startswith("rev. = reviewed"))
    # the legend on one line, no padding after it
    assert lines[legend].endswith("% = share of words reviewed")
    lines = lines[:legend]
    assert lines[0].split()[:2] == ["msgs", "msgs"]
    assert lines[1].split()[:4] == ["lang", "page", "rev.", "fuzzy"]
    assert lines[2].split()[:2] == ["en", "a"]
    totals = [line.split() for line in lines if " total " in f" {line} "]
    assert totals == [
        ["en", "total", "4", "0", "0", "12", "0", "0", "100.0"],
        ["ru", "total", "3", "2", "1", "9", "6", "3", "50.0"],
    ]
    # right-aligned numbers: every row ends at the same column
    assert len({len(line.rstrip()) for line in lines}) == 1


@pytest.mark.parametrize(
    ("args", "code", "complaint"),
    [
        (["--min-reviewed", "50"], 0, None),
        (["--min-reviewed", "50.1"], 1, "ru: 50.0 % reviewed, below the minimum of 50.1 %"),
        (["--min-reviewed", "100"], 1, "ru: 50.0 %"),
        (["--min-reviewed", "100", "--lang", "en"], 0, None),
        (["--min-reviewed", "0", "--lang", "ru"], 0, None),
    ],
)
def test_min_reviewed_exit_code(
    project: Path, capsys, args: list[str], code: int, complaint: str | None
) -> None:
    assert run(["-C", str(project), "status", "--format", "json", *args]) == code
    err = capsys.readouterr().err
    if complaint:
        assert complaint in err and "en:" not in err
    else:
        assert err == ""


def test_min_reviewed_must_be_a_percentage(project: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(["-C", str(project), "status", "--min-reviewed", "120"])
    assert exit_.value.code == 2
    assert "between 0 and 100" in capsys.readouterr().err


def test_language_without_catalogues_counts_zero(project: Path, capsys) -> None:
    (project / "mkdocs.yml").write_text(MKDOCS.replace("[en, ru]", "[en, ru, fr]"))
    assert run(["-C", str(project), "status", "--min-reviewed", "1"]) == 0
    assert "fr" in capsys.readouterr().out


def test_malformed_catalogue_is_one_line_exit_1(project: Path, capsys) -> None:
    bad = project / "locale" / "ru" / "LC_MESSAGES" / "c.po"
    bad.write_text('msgid "a"\nmsgstr "b"\nbogus line\n', encoding="utf-8")
    assert run(["-C", str(project), "status"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("babelpress: error: ") and err.count("\n") == 1
    assert "c.po:3: " in err


def test_every_broken_catalogue_is_named_and_the_others_counted(project: Path, capsys) -> None:
    for language in ("en", "ru"):
        bad = project / "locale" / language / "LC_MESSAGES" / "c.po"
        bad.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "locale").rglob("*.po")}
    assert run(["-C", str(project), "status", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert [line.split(": ")[2].split(":")[0] for line in err.splitlines()] == [
        "locale/en/LC_MESSAGES/c.po", "locale/ru/LC_MESSAGES/c.po"
    ]
    counted = {entry["catalogue"] for entry in json.loads(out)}
    assert counted and not any(name.endswith("/c.po") for name in counted)
    assert {p: p.read_bytes() for p in (project / "locale").rglob("*.po")} == before

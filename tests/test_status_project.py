"""status and check on the real project: after ``babelpress extract`` and machine drafts,
with some entries reviewed and some emptied, every catalogue's counts equal
``msgfmt --statistics`` and every finding points at a ``msgstr`` line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from babelpress.cli import run
from babelpress.po.file import read_po, write_po

BIN = Path(sys.executable).parent
ENV = {**os.environ, "LC_ALL": "C", "LANGUAGE": "", "NO_MKDOCS_2_WARNING": "1"}


def babelpress(root: Path, *args: str) -> None:
    done = subprocess.run(
        [str(BIN / "babelpress"), *args], cwd=root, capture_output=True, text=True,
        env=ENV, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def msgfmt_statistics(path: Path) -> tuple[int, int, int]:
    done = subprocess.run(
        ["msgfmt", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True, text=True, env=ENV, check=True,
    )  # fmt: skip
    found = {
        k: int(n) for n, k in re.findall(r"(\d+) (translated|fuzzy|untranslated)", done.stderr)
    }
    return found.get("translated", 0), found.get("fuzzy", 0), found.get("untranslated", 0)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    repo = Path(__file__).resolve().parent.parent
    root = tmp_path_factory.mktemp("status") / "project"
    root.mkdir()
    shutil.copy2(repo / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(repo / "docs" / "de", root / "docs" / "de")
    (root / "locale").mkdir()  # no catalogues yet: extract writes them all
    shutil.copy2(repo / "locale" / "glossary.csv", root / "locale" / "glossary.csv")
    babelpress(root, "extract")
    babelpress(root, "translate", "--provider", "pseudo", "--lang", "en")
    for number, path in enumerate(sorted((root / "locale" / "en").rglob("*.po"))):
        po = read_po(path)
        for index, entry in enumerate(po):
            if index % 3 == number % 3:
                entry.flags = [f for f in entry.flags if f != "fuzzy"]  # reviewed
            elif index % 5 == 0:
                entry.msgstr = ""  # still to do (stays fuzzy if it was)
        write_po(po, path)
    return root


def test_every_catalogue_counts_as_msgfmt_does(project: Path, capsys) -> None:
    assert run(["-C", str(project), "status", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["language"] for r in rows} == {"en", "ru"} and len(rows) >= 12
    for row in rows:
        path = project / row["catalogue"]
        assert (row["translated"], row["fuzzy"], row["untranslated"]) == msgfmt_statistics(path)
    english = [r for r in rows if r["language"] == "en"]
    assert all(r["translated"] and r["fuzzy"] and r["untranslated"] for r in english)
    russian = {r["catalogue"]: r for r in rows if r["language"] == "ru"}
    assert all(r["fuzzy"] == 0 for r in russian.values())
    # nothing translated in Russian but the byline's names, which extract took from the glossary
    named = "locale/ru/LC_MESSAGES/kasachstans-schrittweise-entfernung-von-russland.po"
    assert {c: r["translated"] for c, r in russian.items() if r["translated"]} == {named: 4}


def test_every_finding_points_at_a_msgstr_line(project: Path, capsys) -> None:
    run(["-C", str(project), "check", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)
    assert findings and all(f["language"] == "en" for f in findings)
    for finding in findings:
        path = project / finding["catalogue"]
        lines = path.read_text("utf-8").splitlines()
        assert lines[finding["line"] - 1].startswith("msgstr"), finding
        # ... of the entry the finding is about: the last entry starting above that line
        starts = [(e.linenum, e.msgid) for e in read_po(path) if e.linenum <= finding["line"]]
        assert max(starts)[1] == finding["msgid"], finding

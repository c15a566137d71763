"""A small project made of untrusted input, run through the real commands and MkDocs.

Import from tests: ``from untrusted_project import make_project, babelpress, mkdocs_build``.
The project has the repository's ``mkdocs.yml``, theme overrides and normalising
rules, and only the seeds, ``meta.yml``, glossary and catalogues a test gives it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
#: a plain German article: the hostile lines of a test go around it
ARTICLE = """\
Kasachstan geht auf Distanz

Astana sucht seit dem Frühjahr neue Partner im Westen. Die Regierung will Moskau nicht verärgern.

Ein Balanceakt

Der Politologe sagt, das Land müsse vorsichtig bleiben. Die Wirtschaft hängt an Russland.
"""


def make_project(
    root: Path,
    seeds: dict[str, str],
    meta: dict[str, dict[str, Any]] | None = None,
    glossary: str | None = None,
) -> Path:
    """A project in *root* with these seeds (name -> text), ``meta.yml`` and glossary."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "seeds").mkdir(exist_ok=True)
    shutil.copy2(REPO / "seeds" / "rules.yml", root / "seeds" / "rules.yml")
    (root / "docs" / "de").mkdir(parents=True, exist_ok=True)
    (root / "locale").mkdir(exist_ok=True)
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    if meta is not None:
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
        (root / "seeds" / "meta.yml").write_text(dumped, encoding="utf-8")
    if glossary is not None:
        (root / "locale" / "glossary.csv").write_text(glossary, encoding="utf-8")
    return root


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


def babelpress(
    root: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``babelpress ARGS`` in *root* (not checked: the caller looks at the result)."""
    return subprocess.run(
        [str(BIN / "babelpress"), *args], cwd=root, capture_output=True, text=True,
        timeout=timeout, env=_env(env), check=False,
    )  # fmt: skip


def mkdocs_build(
    root: Path, *, strict: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """A real ``mkdocs build`` of *root* into ``root/site`` (not checked)."""
    args = [str(BIN / "mkdocs"), "build", "-d", str(root / "site")] + (["--strict"] * strict)
    return subprocess.run(
        args, cwd=root, capture_output=True, text=True, timeout=300, env=_env(env), check=False
    )


def catalogues(root: Path, language: str) -> list[Path]:
    return sorted((root / "locale" / language / "LC_MESSAGES").glob("*.po"))


def fill_catalogue(path: Path, translate: Any) -> None:
    """Give each active entry ``translate(entry)`` (text, fuzzy flag) or leave it (None).

    Written as GNU gettext (and so Poedit or Weblate) writes it.
    """
    from babelpress.po.file import read_po, write_po

    po = read_po(path)
    for entry in po:
        if entry.obsolete:
            continue
        answer = translate(entry)
        if answer is None:
            continue
        text, fuzzy = answer
        entry.msgstr = text
        if fuzzy and "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        if not fuzzy and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    write_po(po, path)

"""A small project with hand-made catalogues for the translate tests, and PO checks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib

HEADER = """\
msgid ""
msgstr ""
"Project-Id-Version: babelpress\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""

#: page a: the shared heading, markup, a human translation, a fuzzy one, an obsolete one
PAGE_A = """
#. heading
#: docs/de/a.md:1
msgid "Kasachstan und die OVKS"
msgstr ""

#. sentence
#: docs/de/a.md:3
#, md-text
msgid "Präsident **Toqaev** traf [Putin][1] in Sotschi."
msgstr ""

#. sentence
#: docs/de/a.md:3
msgid "Ein Satz, den ein Mensch übersetzt hat."
msgstr "{human}"

#. sentence
#: docs/de/a.md:4
#, fuzzy
msgid "Ein alter Satz."
msgstr "{fuzzy}"

#. list item
#: docs/de/a.md:6
msgid ""
"Ein langer Listenpunkt über die Eurasische Wirtschaftsunion, der über "
"mehrere Zeilen geht.\\n"
msgstr ""

#~ msgid "Ein obsoleter Satz."
#~ msgstr ""

#~ msgid "Ein alter obsoleter Satz."
#~ msgstr "{obsolete}"
"""

#: page b: the heading again (translated once per language), and more sentences
PAGE_B = """
#. heading
#: docs/de/b.md:1
msgid "Kasachstan und die OVKS"
msgstr ""

#. sentence
#: docs/de/b.md:3
msgid "Am 9. Mai 2022 sagte Peskow: «Alles normal»."
msgstr ""

#. sentence
#: docs/de/b.md:3
#, md-text
msgid "Mehr bei `Vlast.kz` und <2>."
msgstr ""
"""

HUMAN = {"en": "A sentence a person translated.", "ru": "Предложение, переведённое человеком."}
FUZZY = {"en": "An old sentence.", "ru": "Старое предложение."}
OBSOLETE = {"en": "An old obsolete sentence.", "ru": "Старое устаревшее предложение."}
#: distinct texts needing a draft per language
DISTINCT = 5


def make_project(root: Path, *, batch_chars: int = 5000, extra: int = 0) -> Path:
    """Write mkdocs.yml and catalogues for en and ru; *extra* adds that many sentences."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        "site_name: test\nplugins:\n  - babelpress:\n      languages: [en, ru]\n"
        f"      batch_chars: {batch_chars}\n",
        encoding="utf-8",
    )
    for lang in ("en", "ru"):
        folder = root / "locale" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        page_a = PAGE_A.replace("{human}", HUMAN[lang]).replace("{fuzzy}", FUZZY[lang])
        page_a = page_a.replace("{obsolete}", OBSOLETE[lang])
        (folder / "a.po").write_text(HEADER.format(lang=lang) + page_a, encoding="utf-8")
        more = "".join(
            f'\n#: docs/de/c.md:{n}\nmsgid "Satz Nummer {n} über Kasachstan und Russland."\n'
            'msgstr ""\n'
            for n in range(1, extra + 1)
        )
        (folder / "b.po").write_text(HEADER.format(lang=lang) + PAGE_B + more, encoding="utf-8")
    glossary = Path(__file__).resolve().parent.parent / "locale" / "glossary.csv"
    (root / "locale" / "glossary.csv").write_bytes(glossary.read_bytes())
    return root


def po_files(root: Path) -> list[Path]:
    return sorted((root / "locale").glob("*/LC_MESSAGES/*.po"))


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under *root* by relative path, except the catalogue lock."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def msgfmt_check(path: Path) -> None:
    """Fail unless GNU msgfmt accepts *path* with --check."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, f"{path}: {result.stderr}"


def entries(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(path)) if not e.obsolete}

"""``babelpress check``: ``path:line:`` at the msgstr line, levels, JSON, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from babelpress.cli import run

MKDOCS = "site_name: t\nplugins:\n  - babelpress:\n      languages: [en, ru]\n"
HEADER = (
    '# header comment\nmsgid ""\nmsgstr ""\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n'
)
EN = (
    HEADER.format(lang="en")
    + """
#. sentence
#: docs/de/page.md:3
msgid "Rund 2 500 Soldaten kamen."
msgstr "Around 2,500 soldiers came."

#. sentence
#: docs/de/page.md:3
#, fuzzy
msgid ""
"Mehr als 140.000 Russen kamen über die Grenze, "
"sagte das Ministerium."
msgstr ""
"More than 140.000 Russians crossed the border, "
"the ministry said."

#. heading
#: docs/de/page.md:5
msgid "Droht ein Einmarsch?"
msgstr "Is an Invasion Looming"

#. sentence
#: docs/de/page.md:7
#, md-text
msgid "Lest [hier][1] mehr."
msgstr "Read more <img src=x onerror=alert(document.cookie)>[here][1]."

#~ msgid "Alt."
#~ msgstr "<script>old</script>"
"""
)
RU = (
    HEADER.format(lang="ru")
    + """
msgid "Rund 2 500 Soldaten kamen."
msgstr "Пришли около 2 500 солдат."
"""
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS)
    for lang, text in (("en", EN), ("ru", RU)):
        path = tmp_path / "locale" / lang / "LC_MESSAGES" / "page.po"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def msgstr_line(text: str, msgid_start: str) -> int:
    """The line of the msgstr keyword of the entry whose msgid starts with *msgid_start*."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if msgid_start in line)
    return next(i for i in range(start, len(lines)) if lines[i].startswith("msgstr")) + 1


def test_findings_point_at_the_msgstr_line(project: Path, capsys) -> None:
    code = run(["-C", str(project), "check"])
    out, err = capsys.readouterr()
    assert code == 1
    path = "locale/en/LC_MESSAGES/page.po"
    numbers = msgstr_line(EN, "Mehr als 140.000")
    question = msgstr_line(EN, "Droht ein Einmarsch")
    html = msgstr_line(EN, "Lest [hier]")
    assert out.splitlines() == [
        f"{path}:{numbers}: numbers: error: 140.000 reads as 140 in 'en' text; "
        "the German means 140000",
        f"{path}:{question}: end-question: warning: the German ends with a question mark, "
        "the translation with no end mark",
        f"{path}:{html}: safe-html: error: HTML tag <img> that the German does not have; "
        "an event-handler attribute ('onerror=')",
    ]
    assert "2 errors, 1 warning" in err


def test_one_language_and_exit_code_zero(project: Path, capsys) -> None:
    assert run(["-C", str(project), "check", "--lang", "ru"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "0 errors, 0 warnings (ru)" in err


def test_warnings_alone_exit_zero(project: Path, capsys) -> None:
    path = project / "locale" / "en" / "LC_MESSAGES" / "page.po"
    text = EN.replace("140.000 Russians", "140,000 Russians").replace(
        "<img src=x onerror=alert(document.cookie)>", ""
    )
    path.write_text(text, encoding="utf-8")
    assert run(["-C", str(project), "check"]) == 0
    assert "end-question: warning" in capsys.readouterr().out


def test_ignore_flag_in_the_po_file(project: Path, capsys) -> None:
    path = project / "locale" / "en" / "LC_MESSAGES" / "page.po"
    text = EN.replace("#, fuzzy\n", "#, fuzzy, ignore-numbers\n").replace(
        "#. heading\n", "#. heading\n#, ignore-end-question\n"
    )
    path.write_text(text, encoding="utf-8")
    assert run(["-C", str(project), "check", "--lang", "en"]) == 1
    checks = [line.split(": ")[1] for line in capsys.readouterr().out.splitlines()]
    assert checks == ["safe-html"]


def test_json_output(project: Path, capsys) -> None:
    assert run(["-C", str(project), "check", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [f["check"] for f in findings] == ["numbers", "end-question", "safe-html"]
    first = findings[0]
    assert set(first) == {
        "catalogue", "line", "level", "check", "message", "language", "msgid", "fuzzy",
    }  # fmt: skip
    assert first["level"] == "error" and first["fuzzy"] is True and first["language"] == "en"
    assert first["line"] == msgstr_line(EN, "Mehr als 140.000")
    assert first["msgid"].startswith("Mehr als 140.000 Russen kamen über die Grenze, sagte")


def test_malformed_catalogue_is_an_error_finding(project: Path, capsys) -> None:
    path = project / "locale" / "ru" / "LC_MESSAGES" / "broken.po"
    path.write_text('msgid "a"\nmsgstr "b"\nbogus line\n')
    assert run(["-C", str(project), "check", "--lang", "ru"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith("locale/ru/LC_MESSAGES/broken.po:")
    assert ": po-syntax: error: " in out[0]


def test_unknown_language_is_a_usage_error(project: Path, capsys) -> None:
    assert run(["-C", str(project), "check", "--lang", "fr"]) == 2
    assert "unknown language(s) fr; configured: en, ru" in capsys.readouterr().err

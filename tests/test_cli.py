"""The command line: help, version, configuration errors as one line and exit code 2."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from babelpress import __version__
from babelpress.cli import run

REPO = Path(__file__).resolve().parent.parent


def test_python_m_and_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "babelpress", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"babelpress {__version__}"


def test_config_error_is_one_line_exit_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - babelpress:\n      nope: 1\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Titel\n\nEin Satz.\n", encoding="utf-8")
    code = run(["-C", str(tmp_path), "normalise"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == (
        "babelpress: error: mkdocs.yml: babelpress option 'nope': unknown option (the options "
        "are: source_language, languages, seeds_dir, locale_dir, unit, provider, provider_url, "
        "batch_chars, publish_drafts, min_reviewed, project, bugs_address, copyright_holder, "
        "front_page_articles, archive_page_articles, captions)\n"
    )
    assert not (tmp_path / "docs").exists()


MKDOCS = "site_name: t\nplugins:\n  - babelpress:\n      languages: [en, ru]\n"


def broken_project(root: Path) -> Path:
    """A project whose English catalogue has a syntax error on line 6."""
    root.mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS)
    (root / "docs" / "de").mkdir(parents=True)
    (root / "docs" / "de" / "page.md").write_text("Ein Satz.\n", encoding="utf-8")
    for lang in ("en", "ru"):
        folder = root / "locale" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        body = 'msgid "Ein Satz."\nmsgstr "A sentence."\n'
        if lang == "en":
            body = 'msgid "Ein Satz."\nmsgstr "A sentence.\n'
        header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        (folder / "page.po").write_text(header + body, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "command",
    [["extract"], ["status"], ["check"], ["translate", "--provider", "pseudo"], ["render"]],
)
def test_errors_name_the_file_as_check_does(tmp_path: Path, capsys, command: list[str]) -> None:
    """Every command names a broken catalogue the same way: relative to the project."""
    root = broken_project(tmp_path / "p")
    before = (root / "locale/en/LC_MESSAGES/page.po").read_bytes()
    assert run(["-C", str(root), *command]) == 1
    captured = capsys.readouterr()
    shown = captured.out + captured.err
    assert "locale/en/LC_MESSAGES/page.po:6: " in shown
    assert str(tmp_path) not in shown and "Traceback" not in shown
    assert (root / "locale/en/LC_MESSAGES/page.po").read_bytes() == before


def test_missing_project_folder_is_a_usage_error(tmp_path: Path, capsys) -> None:
    code = run(["-C", str(tmp_path / "nowhere"), "status"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == f"babelpress: error: {tmp_path / 'nowhere'}: no such project folder\n"
    assert not (tmp_path / "nowhere").exists()


def test_folder_without_mkdocs_yml_warns_and_uses_the_defaults(tmp_path: Path, capsys) -> None:
    (tmp_path / "docs" / "de").mkdir(parents=True)  # German pages, no settings
    assert run(["-C", str(tmp_path), "status", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == (
        f"babelpress: warning: no mkdocs.yml in {tmp_path}; using the default settings "
        "(-C DIR names the project folder)\n"
    )
    assert json.loads(out) == []  # the default languages, no catalogues yet
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]


@pytest.mark.parametrize("command", ["extract", "status", "check", "render", "translate"])
def test_a_folder_that_is_no_project_is_an_error_and_gets_nothing(
    tmp_path: Path, capsys, command: str
) -> None:
    (tmp_path / "notes.txt").write_text("not a project\n", encoding="utf-8")
    assert run(["-C", str(tmp_path), command]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "no babelpress project here" in err and "babelpress init" in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def extracted(root: Path) -> Path:
    """A project with one German page whose catalogues extract has just written."""
    (root / "mkdocs.yml").write_text(MKDOCS)
    (root / "docs" / "de").mkdir(parents=True)
    (root / "docs" / "de" / "page.md").write_text("Ein Satz.\n", encoding="utf-8")
    # the site's own words as reviewed in this project, so only the page is left to do
    for lang in ("en", "ru"):
        words = root / "locale" / lang / "LC_MESSAGES" / "_site.po"
        words.parent.mkdir(parents=True)
        shutil.copy2(REPO / "locale" / lang / "LC_MESSAGES" / "_site.po", words)
    assert run(["-C", str(root), "extract"]) == 0
    return root


def test_text_and_json_formats_for_status_and_check(tmp_path: Path, capsys) -> None:
    root = extracted(tmp_path)
    capsys.readouterr()
    before = {p: p.read_bytes() for p in (root / "locale").rglob("*.po")}

    assert run(["-C", str(root), "status", "--format", "text"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    # one untranslated message of two German words per language, 0% reviewed
    for lang in ("en", "ru"):
        assert [lang, "page", "0", "0", "1", "0", "0", "2", "0.0"] in rows
        assert any(row[:2] == [lang, "total"] and row[4] == "1" for row in rows)

    assert run(["-C", str(root), "status", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    pages = [r for r in report if not r["catalogue"].endswith("/_site.po")]
    assert [(r["language"], r["catalogue"]) for r in pages] == [
        ("en", "locale/en/LC_MESSAGES/page.po"),
        ("ru", "locale/ru/LC_MESSAGES/page.po"),
    ]
    assert all(r["untranslated"] == 1 and r["reviewed_percent"] == 0.0 for r in pages)

    assert run(["-C", str(root), "check", "--format", "text"]) == 0
    assert capsys.readouterr() == ("", "babelpress check: 0 errors, 0 warnings (en, ru)\n")
    assert run(["-C", str(root), "check", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and err == "babelpress check: 0 errors, 0 warnings (en, ru)\n"
    # reading commands write nothing
    assert {p: p.read_bytes() for p in (root / "locale").rglob("*.po")} == before


def test_translate_and_render_report_what_they_write(tmp_path: Path, capsys) -> None:
    root = extracted(tmp_path)
    capsys.readouterr()
    assert run(["-C", str(root), "translate", "--provider", "pseudo", "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "en (pseudo): 1 segment sent (9 characters), 0 from the translation memory; "
        "1 draft written, 0 flagged\n"
    )
    po = polib.pofile(str(root / "locale/en/LC_MESSAGES/page.po"))
    [entry] = po
    assert entry.msgid == "Ein Satz." and entry.fuzzy and entry.msgstr != ""
    assert polib.pofile(str(root / "locale/ru/LC_MESSAGES/page.po"))[0].msgstr == ""

    assert run(["-C", str(root), "render"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "wrote docs/en/page.md (0% reviewed, machine drafts)",
        "wrote docs/ru/page.md (0% reviewed, 1 in German)",
        "render: 2 page(s), 2 written, 0 removed, 0 failed",
    ]
    assert entry.msgstr in (root / "docs/en/page.md").read_text(encoding="utf-8")
    assert "Ein Satz." in (root / "docs/ru/page.md").read_text(encoding="utf-8")


def test_help_names_exit_codes_and_api_keys(capsys) -> None:
    with pytest.raises(SystemExit):
        run(["--help"])
    assert "exit codes:" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        run(["translate", "--help"])
    out = capsys.readouterr().out
    for name in ("DEEPL_API_KEY", "MICROSOFT_API_KEY", "LIBRE_API_KEY"):
        assert name in out


def test_one_segment_is_singular(tmp_path: Path, capsys) -> None:
    from babelpress.commands.translate import summary
    from babelpress.translate.prefill import LanguageReport

    lang = LanguageReport("en", "pseudo")
    lang.planned = ["Ein Satz."]
    lang.segments_sent, lang.chars_sent, lang.drafts = 1, 9, 1
    lines = summary(type("R", (), {"languages": [lang], "dry_run": False})())
    assert lines == [
        "en (pseudo): 1 segment sent (9 characters), 0 from the translation memory; "
        "1 draft written, 0 flagged"
    ]


def test_extract_summary_counts_catalogues_up_to_date(tmp_path: Path, capsys) -> None:
    """A second run reports every catalogue as up to date, not as pages 'skipped'.

    The site's own words are a template and a catalogue per language too (``_site``).
    """
    (tmp_path / "mkdocs.yml").write_text(MKDOCS)
    (tmp_path / "docs" / "de").mkdir(parents=True)
    (tmp_path / "docs" / "de" / "page.md").write_text("Ein Satz.\n", encoding="utf-8")
    assert run(["-C", str(tmp_path), "extract"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "extract: 1 page, 6 catalogues written, 0 up to date"
    )
    assert (tmp_path / "locale" / "ru" / "LC_MESSAGES" / "_site.po").is_file()
    assert run(["-C", str(tmp_path), "extract"]) == 0
    assert capsys.readouterr().out == "extract: 1 page, 0 catalogues written, 6 up to date\n"
    assert run(["-C", str(tmp_path), "extract", "--lang", "ru"]) == 0
    assert capsys.readouterr().out == "extract: 1 page, 0 catalogues written, 4 up to date\n"


def test_a_reader_that_stops_reading_gets_no_traceback() -> None:
    # "babelpress status --format json | head -1": the pipe closes before the output ends
    proc = subprocess.Popen(
        [sys.executable, "-m", "babelpress", "-C", str(REPO), "status", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before anything is written: every write meets a closed pipe
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipeError" not in err


@pytest.mark.parametrize("value", ["0", "-2", "zwei"])
def test_extract_refuses_a_number_of_jobs_below_one(value: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(["-C", str(REPO), "extract", "--check", "--jobs", value])
    assert exit_.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_render_and_check_name_a_held_back_entry_by_the_same_line(tmp_path: Path, capsys) -> None:
    """A translation kept from readers is named where ``check`` names it: its msgstr line."""
    root = tmp_path / "p"
    root.mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS)
    (root / "docs" / "de").mkdir(parents=True)
    text = "Am Montag kamen 250 Menschen.\n"
    (root / "docs" / "de" / "page.md").write_text(text, encoding="utf-8")
    assert run(["-C", str(root), "extract"]) == 0
    path = root / "locale/en/LC_MESSAGES/page.po"
    po = path.read_text(encoding="utf-8")
    # a wrapped msgid puts the msgstr lines below the entry's first line
    po = po.replace(
        'msgid "Am Montag kamen 250 Menschen."\nmsgstr ""',
        'msgid ""\n"Am Montag kamen "\n"250 Menschen."\nmsgstr "On Monday, 25 people came."',
    )
    path.write_text(po, encoding="utf-8")
    capsys.readouterr()
    run(["-C", str(root), "check"])
    checked = capsys.readouterr().out
    line = po.splitlines().index('msgstr "On Monday, 25 people came."') + 1
    where = f"locale/en/LC_MESSAGES/page.po:{line}: "
    assert where in checked
    run(["-C", str(root), "render"])
    captured = capsys.readouterr()
    assert where in captured.out + captured.err
    assert "shown in German" in captured.out + captured.err

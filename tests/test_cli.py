"""The command line: help, version, configuration errors as one line and exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from babelpress import __version__
from babelpress.cli import run


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
    code = run(["-C", str(tmp_path), "normalise"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "unknown babelpress option(s): nope" in err
    assert "Traceback" not in err


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
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"babelpress: error: {tmp_path / 'nowhere'}: no such project folder\n"


def test_folder_without_mkdocs_yml_warns(tmp_path: Path, capsys) -> None:
    assert run(["-C", str(tmp_path), "status"]) == 0
    err = capsys.readouterr().err
    assert "warning: no mkdocs.yml in" in err and "default settings" in err


def test_text_and_json_formats_for_status_and_check(tmp_path: Path, capsys) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS)
    for command in ("status", "check"):
        for form in ("text", "json"):
            assert run(["-C", str(tmp_path), command, "--format", form]) == 0, (command, form)
    capsys.readouterr()


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

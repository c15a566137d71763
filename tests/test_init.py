"""``babelpress init``: the files of a new project, and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.base import load_config

from babelpress import config as bp_config
from babelpress import scaffold
from babelpress.cli import run
from babelpress.glossary import load_glossary

FILES = {
    "mkdocs.yml",
    ".gitignore",
    "seeds/README.md",
    "seeds/meta.yml",
    "seeds/.normalised.json",
    "locale/glossary.csv",
}


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_init_writes_a_project_every_reader_accepts(tmp_path: Path, capsys) -> None:
    root = tmp_path / "news"
    assert run(["init", str(root)]) == 0
    out = capsys.readouterr().out
    assert set(tree(root)) == FILES
    assert "wrote mkdocs.yml" in out and (root / "docs" / "de").is_dir()
    settings = bp_config.load(root)
    assert settings.source_language == "de" and settings.languages == ("en", "ru")
    # MkDocs' own loader validates material, the plugin and i18n's language list
    mkdocs = load_config(str(root / "mkdocs.yml"))
    assert mkdocs.site_name == "news" and mkdocs.theme.name == "material"
    assert list(mkdocs.plugins) == ["babelpress", "material/search", "i18n"]
    i18n = mkdocs.plugins["i18n"].config
    assert [(lang.locale, lang.name, lang.default) for lang in i18n.languages] == [
        ("de", "Deutsch", True),
        ("en", "English", False),
        ("ru", "Русский", False),
    ]
    assert i18n.reconfigure_search is False
    assert load_glossary(root / "locale/glossary.csv").terms == ()
    assert (root / "locale/glossary.csv").read_text() == "de,en,ru,note\n"
    assert list((root / "docs/de").iterdir()) == []  # the front page is the site's


def test_init_into_the_current_folder_with_options(tmp_path: Path) -> None:
    code = run(
        ["-C", str(tmp_path), "init", "--source-language", "de", "--languages", "pt_BR,uk",
         "--site-name", 'Nachrichten: "Ost" # 1']
    )  # fmt: skip
    assert code == 0
    mkdocs = load_config(str(tmp_path / "mkdocs.yml"))
    assert mkdocs.site_name == 'Nachrichten: "Ost" # 1'
    assert bp_config.load(tmp_path).languages == ("pt_BR", "uk")
    languages = mkdocs.plugins["i18n"].config.languages
    assert [lang.locale for lang in languages] == ["de", "pt_BR", "uk"]
    assert languages[1].name == "Português (Brasil)" and languages[2].name == "Українська"
    assert "/docs/pt_BR/\n/docs/uk/\n" in (tmp_path / ".gitignore").read_text()


def test_init_is_deterministic(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert run(["init", str(tmp_path / name), "--site-name", "Same"]) == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


@pytest.mark.parametrize("existing", ["mkdocs.yml", "locale/glossary.csv", "seeds/meta.yml"])
def test_init_never_overwrites_a_file(tmp_path: Path, capsys, existing: str) -> None:
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine\n")
    before = tree(tmp_path)
    assert run(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("babelpress: error: ")
    assert f"{existing} already exists" in err and "nothing was written" in err
    assert tree(tmp_path) == before


def test_init_keeps_an_existing_gitignore(tmp_path: Path, capsys) -> None:
    (tmp_path / ".gitignore").write_text("*.pyc\n")
    assert run(["init", str(tmp_path)]) == 0
    assert "kept .gitignore" in capsys.readouterr().out
    assert (tmp_path / ".gitignore").read_text() == "*.pyc\n"
    assert (tmp_path / "mkdocs.yml").is_file()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--languages", "en,../../x"], "'../../x' is not a language code babel knows"),
        (["--languages", "e"], "'e' is not a language code babel knows"),
        (["--languages", "qq"], "'qq' is not a language code babel knows"),
        (["--languages", ""], "at least one target language"),
        (["--languages", "en,de"], "cannot also be a target language"),
        (["--languages", "en,ru,en"], "given twice: en"),
        (["--languages", "zh_Hans"], "mkdocs-static-i18n cannot name"),
        (["--source-language", "DE"], "'DE' must be written as babel writes it: 'de'"),
    ],
)
def test_init_refuses_unusable_languages(
    tmp_path: Path, capsys, options: list[str], message: str
) -> None:
    assert run(["init", str(tmp_path / "p"), *options]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "p").exists()


def test_material_language_falls_back_to_english() -> None:
    assert scaffold.material_language("de") == "de"
    assert scaffold.material_language("pt_BR") == "pt-BR"
    assert scaffold.material_language("de-CH") == "de"
    assert scaffold.material_language("yo") == "en"


@pytest.mark.parametrize("folder", ["locale", "seeds"])
def test_init_writes_nothing_through_a_folder_linked_outside(tmp_path: Path, folder: str) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (project / folder).symlink_to(outside, target_is_directory=True)
    assert run(["init", str(project)]) != 0
    assert list(outside.iterdir()) == []

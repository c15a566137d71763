"""One settings schema: the plugin's MkDocs config class defines every option and default,
and ``babelpress …`` reads mkdocs.yml as ``mkdocs build`` does (INHERIT, !ENV, validation)."""

from __future__ import annotations

import dataclasses
import logging
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from babelpress import config
from babelpress.cli import run
from babelpress.errors import ConfigError
from babelpress.plugin import BabelpressPlugin

PAGE = "# Titel\n\nEin Satz. Noch ein Satz.\n"


def new_project(root: Path, mkdocs_yml: str, docs: str = "docs") -> Path:
    root.mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    (root / docs / "de").mkdir(parents=True)
    (root / docs / "de" / "page.md").write_text(PAGE, encoding="utf-8")
    return root


def catalogues(root: Path) -> list[str]:
    """The page catalogues under locale/ (the site's own words, ``_site``, left out)."""
    found = (p.relative_to(root).as_posix() for p in (root / "locale").rglob("*.po*"))
    return sorted(name for name in found if "/_site." not in name)


# ------------------------------------------------------------------ the defaults
def test_settings_fields_are_the_schema_options() -> None:
    fields = {f.name for f in dataclasses.fields(config.Settings)}
    # root is mkdocs.yml's folder, docs_dir is MkDocs' own option
    assert fields - {"root", "docs_dir"} == set(config.option_names())
    assert "docs_dir" not in config.option_names()


def test_settings_fields_have_no_defaults_of_their_own() -> None:
    for f in dataclasses.fields(config.Settings):
        assert f.default is dataclasses.MISSING, f.name
        assert f.default_factory is dataclasses.MISSING, f.name
    with pytest.raises(TypeError):
        config.Settings()  # type: ignore[call-arg]


def test_default_settings_are_the_schema_defaults(tmp_path: Path) -> None:
    settings = config.Settings.defaults(tmp_path)
    for name, option in config.PluginConfig._schema:
        default = option.default
        expected = tuple(default) if isinstance(default, list) else default
        assert getattr(settings, name) == expected, name
    assert settings.docs_dir == config.MKDOCS_DOCS_DIR == MkDocsConfig.docs_dir.default
    # and that is what a project without mkdocs.yml gets
    assert config.load(tmp_path) == settings


def test_the_plugin_uses_the_schema() -> None:
    assert BabelpressPlugin.config_class is config.PluginConfig


def test_readme_names_every_option(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    for name in config.option_names():
        assert f"`{name}`" in section, name


# ------------------------------------------------------------------ INHERIT and !ENV
INHERITED_BASE = (
    "site_name: base\n"
    "docs_dir: pages\n"
    "plugins:\n"
    "  babelpress:\n"
    "    languages: [en, ru]\n"
    "    unit: paragraph\n"
)


def test_cli_uses_the_inherited_babelpress_block(tmp_path: Path, capsys) -> None:
    """The block comes from base.yml; mkdocs.yml overrides one option, MkDocs merges them."""
    root = new_project(
        tmp_path / "p",
        "INHERIT: config/base.yml\nplugins:\n  babelpress:\n    languages: [ru]\n",
        docs="pages",
    )
    (root / "config").mkdir()
    # docs_dir is relative to mkdocs.yml, not to the inherited file
    (root / "config" / "base.yml").write_text(INHERITED_BASE, encoding="utf-8")
    assert run(["-C", str(root), "extract"]) == 0
    written = [line for line in capsys.readouterr().out.splitlines() if "_site" not in line]
    # the page's template and Russian catalogue (and the site's words: not counted here)
    assert written[:2] == ["wrote locale/templates/page.pot", "wrote locale/ru/LC_MESSAGES/page.po"]
    assert written[2].startswith("extract: 1 page, ")
    assert catalogues(root) == ["locale/ru/LC_MESSAGES/page.po", "locale/templates/page.pot"]
    # paragraph units (inherited): the two sentences stay one entry
    po = (root / "locale/ru/LC_MESSAGES/page.po").read_text(encoding="utf-8")
    assert 'msgid "Ein Satz. Noch ein Satz."' in po


def test_cli_and_mkdocs_build_read_the_same_settings(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BP_TEST_MIN_REVIEWED", "40")
    root = new_project(
        tmp_path / "p",
        "INHERIT: base.yml\n"
        "plugins:\n"
        "  babelpress:\n"
        "    languages: [ru]\n"
        "    min_reviewed: !ENV [BP_TEST_MIN_REVIEWED, 0]\n",
        docs="pages",
    )
    (root / "base.yml").write_text(INHERITED_BASE, encoding="utf-8")
    cfg = load_config(str(root / "mkdocs.yml"))
    plugin = cfg.plugins["babelpress"]
    assert isinstance(plugin, BabelpressPlugin)
    from_mkdocs = plugin._settings(cfg)
    assert from_mkdocs == config.load(root)
    assert from_mkdocs.languages == ("ru",) and from_mkdocs.unit == "paragraph"
    assert from_mkdocs.min_reviewed == 40 and from_mkdocs.docs_dir == "pages"


@pytest.mark.parametrize("folder", ["pages", "./pages/", "x/../pages", "{root}/pages", None])
def test_cli_finds_the_docs_dir_where_mkdocs_does(tmp_path: Path, folder: str | None) -> None:
    line = "" if folder is None else f"docs_dir: {folder.format(root=tmp_path)}\n"
    for name in ("pages", "docs", "x"):
        (tmp_path / name).mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\n{line}plugins:\n  - babelpress\n")
    cfg = load_config(str(tmp_path / "mkdocs.yml"))
    assert cfg.plugins["babelpress"]._settings(cfg) == config.load(tmp_path)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("variable", "expected"), [("ru", ["ru"]), (None, ["en"])])
def test_env_tag_sets_an_option(
    tmp_path: Path, monkeypatch, capsys, variable: str | None, expected: list[str]
) -> None:
    """``!ENV [NAME, default]``: the variable when set, else the default."""
    if variable is None:
        monkeypatch.delenv("BP_TEST_LANGUAGE", raising=False)
    else:
        monkeypatch.setenv("BP_TEST_LANGUAGE", variable)
    root = new_project(
        tmp_path / "p",
        "site_name: t\nplugins:\n  - babelpress:\n"
        "      languages: [!ENV [BP_TEST_LANGUAGE, en]]\n",
    )
    assert run(["-C", str(root), "extract"]) == 0
    capsys.readouterr()
    assert catalogues(root) == [
        *(f"locale/{lang}/LC_MESSAGES/page.po" for lang in expected),
        "locale/templates/page.pot",
    ]


def test_env_tag_of_a_number(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BP_TEST_BATCH", "300")
    new_project(tmp_path, "plugins:\n  - babelpress:\n      batch_chars: !ENV BP_TEST_BATCH\n")
    assert config.load(tmp_path).batch_chars == 300
    monkeypatch.delenv("BP_TEST_BATCH")
    # an unset variable without a default is empty: the option's default, as in MkDocs
    assert config.load(tmp_path).batch_chars == config.PluginConfig.batch_chars.default


def test_missing_inherited_file_is_a_config_error(tmp_path: Path, capsys) -> None:
    root = new_project(tmp_path / "p", "INHERIT: nowhere.yml\n")
    assert run(["-C", str(root), "extract"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "babelpress: error: mkdocs.yml: cannot load: "
        "Inherited config file 'nowhere.yml' does not exist at 'nowhere.yml'.\n"
    )
    assert not (root / "locale").exists()


# ------------------------------------------------------------------ invalid values
# (option, YAML value, the value as the message quotes it)
INVALID = [
    ("languages", '"en"', "'en'"),
    ("languages", '["../../x"]', "'../../x'"),
    ("languages", "[en, xx]", "'xx'"),
    ("languages", "[EN]", "'EN'"),
    ("languages", "[pt-BR]", "'pt-BR'"),
    ("languages", '["de@euro"]', "'de@euro'"),
    ("languages", "[en, en]", "'en'"),
    ("languages", "[de, en]", "'de'"),
    ("languages", "[1]", "1"),
    ("source_language", "../de", "'../de'"),
    ("source_language", "[de]", "['de']"),
    ("min_reviewed", "abc", "'abc'"),
    ("min_reviewed", "120", "120"),
    ("min_reviewed", "-1", "-1"),
    ("min_reviewed", "true", "true"),
    ("min_reviewed", ".nan", "nan"),
    ("batch_chars", "50", "50"),
    ("batch_chars", '"5000"', "'5000'"),
    ("batch_chars", "100.5", "100.5"),
    ("unit", "word", "'word'"),
    ("publish_drafts", '"yes"', "'yes'"),
    ("provider", "3", "3"),
    ("provider_url", "[a]", "['a']"),
    ("locale_dir", "../outside", "'../outside'"),
    ("seeds_dir", "/etc", "'/etc'"),
    ("locale_dir", '"a/../../b"', "'a/../../b'"),
    ("project", "{a: 1}", "{'a': 1}"),
]
IDS = [f"{option}={value}" for option, value, _ in INVALID]


@pytest.mark.parametrize(("option", "value", "shown"), INVALID, ids=IDS)
def test_invalid_option_exits_2_naming_option_and_value(
    tmp_path: Path, capsys, option: str, value: str, shown: str
) -> None:
    root = new_project(
        tmp_path / "p", f"site_name: t\nplugins:\n  - babelpress:\n      {option}: {value}\n"
    )
    assert run(["-C", str(root), "extract"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"babelpress: error: mkdocs.yml: babelpress option {option!r}: ")
    assert shown in err.split(f"option {option!r}: ", 1)[1]
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (root / "locale").exists()
    assert sorted(p.name for p in root.iterdir()) == ["docs", "mkdocs.yml"]


@pytest.mark.parametrize(("option", "value", "shown"), INVALID, ids=IDS)
def test_invalid_option_fails_mkdocs_build_naming_option_and_value(
    tmp_path: Path, caplog, option: str, value: str, shown: str
) -> None:
    root = new_project(
        tmp_path / "p", f"site_name: t\nplugins:\n  - babelpress:\n      {option}: {value}\n"
    )
    with caplog.at_level(logging.ERROR, logger="mkdocs.config"), pytest.raises(Abort):
        load_config(str(root / "mkdocs.yml"))
    [message] = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    prefix = f"Config value 'plugins': Plugin 'babelpress' option {option!r}: "
    assert message.startswith(prefix) and shown in message[len(prefix) :]


def test_unknown_option_exits_2_with_a_suggestion(tmp_path: Path, capsys) -> None:
    root = new_project(tmp_path / "p", "plugins:\n  - babelpress:\n      langauges: [en]\n")
    assert run(["-C", str(root), "status"]) == 2
    assert capsys.readouterr().err == (
        "babelpress: error: mkdocs.yml: babelpress option 'langauges': "
        "unknown option (did you mean 'languages'?)\n"
    )


def test_an_option_name_that_is_no_text_is_unknown(tmp_path: Path) -> None:
    new_project(tmp_path, "plugins:\n  - babelpress:\n      1: x\n      unit: word\n")
    with pytest.raises(ConfigError) as info:
        config.load(tmp_path)
    assert info.value.message == (
        "babelpress option '1': unknown option (the options are: source_language, languages, "
        "seeds_dir, locale_dir, unit, provider, provider_url, batch_chars, publish_drafts, "
        "min_reviewed, project, bugs_address, copyright_holder, "
        "front_page_articles, archive_page_articles, captions); "
        "babelpress option 'unit': expected 'sentence' or 'paragraph', not 'word'"
    )


def test_unknown_option_fails_mkdocs_build(tmp_path: Path, caplog) -> None:
    root = new_project(tmp_path / "p", "site_name: t\nplugins:\n  - babelpress:\n      zzz: 1\n")
    with caplog.at_level(logging.ERROR, logger="mkdocs.config"), pytest.raises(Abort):
        load_config(str(root / "mkdocs.yml"))
    expected = r"Plugin 'babelpress' option 'zzz': unknown option \(the options are: source_"
    assert re.search(expected, caplog.text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("plugins: babelpress\n", "plugins: expected a list or a mapping, not 'babelpress'"),
        ("plugins:\n  - babelpress: [en]\n", "babelpress: expected a mapping of options"),
        (
            "plugins:\n  - babelpress:\n      enabled: 0\n",
            "babelpress option 'enabled': expected true or false, not 0",
        ),
        ("docs_dir: 5\n", "docs_dir: expected a folder, not 5"),
        ("docs_dir: .\n", "docs_dir: '.' is the folder of mkdocs.yml; MkDocs wants a folder in it"),
        ("- a\n", "expected a mapping of settings, not ['a']"),
    ],
)
def test_malformed_mkdocs_yml_exits_2(tmp_path: Path, capsys, text: str, message: str) -> None:
    root = new_project(tmp_path / "p", text)
    assert run(["-C", str(root), "extract"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"babelpress: error: mkdocs.yml: {message}"), err
    assert err.count("\n") == 1 and not (root / "locale").exists()


def test_a_docs_dir_that_does_not_exist_yet_is_accepted(tmp_path: Path) -> None:
    """Unlike ``mkdocs build``, the CLI runs before the docs folder exists (normalise makes it)."""
    (tmp_path / "mkdocs.yml").write_text("docs_dir: site-src\n", encoding="utf-8")
    assert config.load(tmp_path).source_docs_path == tmp_path / "site-src" / "de"


def test_a_secret_read_into_a_wrong_option_is_not_shown(tmp_path: Path, monkeypatch) -> None:
    """The message quotes the wrong value, but never an API key from the environment."""
    monkeypatch.setenv("DEEPL_API_KEY", "sk-TOPSECRET-1234567890")
    new_project(tmp_path, "plugins:\n  - babelpress:\n      languages: !ENV DEEPL_API_KEY\n")
    with pytest.raises(ConfigError) as raised:
        config.load(tmp_path)
    assert "TOPSECRET" not in str(raised.value) and "***" in str(raised.value)

"""Settings come from mkdocs.yml's babelpress block; errors name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from babelpress import config, project
from babelpress.errors import ConfigError


def write(root: Path, text: str) -> None:
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


def test_defaults_without_mkdocs_yml(tmp_path: Path) -> None:
    settings = config.load(tmp_path)
    assert settings.languages == ("en", "ru")
    assert settings.source_docs_path == tmp_path / "docs" / "de"
    assert project.po_path(settings, "ru", "a/b") == tmp_path / "locale/ru/LC_MESSAGES/a/b.po"


def test_reads_plugin_block_with_python_tags_as_mkdocs_does(tmp_path: Path) -> None:
    write(
        tmp_path,
        "site_name: x\n"
        "docs_dir: pages\n"
        "markdown_extensions:\n"
        "  - toc:\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        "plugins:\n"
        "  - search\n"
        "  - babelpress:\n"
        "      languages: [en]\n"
        "      unit: paragraph\n"
        "      publish_drafts: false\n",
    )
    settings = config.load(tmp_path)
    assert settings.languages == ("en",)
    assert settings.unit == "paragraph"
    assert settings.publish_drafts is False
    assert settings.docs_path == tmp_path / "pages"


def test_plugins_as_a_mapping_and_enabled_false(tmp_path: Path) -> None:
    """MkDocs accepts ``plugins`` as a mapping and takes ``enabled`` out of a block."""
    write(tmp_path, "plugins:\n  babelpress:\n    enabled: false\n    languages: [ru]\n")
    assert config.load(tmp_path).languages == ("ru",)


def test_without_the_plugin_the_defaults_apply(tmp_path: Path) -> None:
    write(tmp_path, "site_name: x\nplugins:\n  - search\n")
    assert config.load(tmp_path) == config.Settings.defaults(tmp_path)


def test_unknown_option_is_an_error_naming_the_file(tmp_path: Path) -> None:
    write(tmp_path, "plugins:\n  - babelpress:\n      langauges: [en]\n")
    expected = (
        r"mkdocs\.yml: babelpress option 'langauges': unknown option \(did you mean 'languages'\?\)"
    )
    with pytest.raises(ConfigError, match=expected):
        config.load(tmp_path)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    write(tmp_path, "site_name: x\nplugins: [\n  - a\n")
    with pytest.raises(ConfigError) as info:
        config.load(tmp_path)
    assert info.value.line == 3
    assert str(info.value).startswith(str(tmp_path / "mkdocs.yml") + ":3: invalid YAML")


def test_invalid_yaml_in_an_inherited_file_names_that_file(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text("site_name: x\nplugins: [\n", encoding="utf-8")
    write(tmp_path, "INHERIT: base.yml\n")
    with pytest.raises(ConfigError) as info:
        config.load(tmp_path)
    assert info.value.path == str(tmp_path / "base.yml") and info.value.line is not None


def test_bad_values_are_all_reported_at_once(tmp_path: Path) -> None:
    write(tmp_path, "plugins:\n  - babelpress:\n      unit: word\n      min_reviewed: 120\n")
    with pytest.raises(ConfigError) as info:
        config.load(tmp_path)
    assert str(info.value) == (
        f"{tmp_path / 'mkdocs.yml'}: "
        "babelpress option 'unit': expected 'sentence' or 'paragraph', not 'word'; "
        "babelpress option 'min_reviewed': expected a number from 0 to 100, not 120"
    )


def test_replace_ignores_unset_options_and_validates() -> None:
    settings = config.Settings.defaults(Path("."))
    assert settings.replace(provider=None, languages=["ru"]).languages == ("ru",)
    assert settings.replace(provider=None).provider == "google"
    with pytest.raises(ConfigError, match="babelpress option 'min_reviewed'"):
        settings.replace(min_reviewed=101)
    with pytest.raises(TypeError, match="not a babelpress option: root"):
        settings.replace(root=Path("/"))


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a.txt:\n  date: 2023-01-01T25:00:00\n", 2),
        ("x: 1\ny: 2023-13-45\n", 2),
        ("b.txt: {date: 2024-02-30}\n", 1),
    ],
)
def test_an_impossible_date_in_yaml_is_one_message_with_its_line(text: str, line: int) -> None:
    """PyYAML builds the date only after parsing and says no line: the message finds it."""
    with pytest.raises(ConfigError) as info:
        config.parse_yaml_mapping(text, origin="seeds/meta.yml")
    assert info.value.line == line
    assert str(info.value).startswith(f"seeds/meta.yml:{line}: invalid YAML: an impossible date")


def test_an_impossible_date_in_front_matter_names_the_page_and_line() -> None:
    from babelpress.errors import InputError
    from babelpress.markdown.reader import parse

    page = "---\ntitle: X\ndate: 2023-13-45\n---\n\n# X\n\nEin Satz.\n"
    with pytest.raises(InputError) as info:
        parse(page, path="docs/de/x.md", slug="x")
    assert str(info.value).startswith("docs/de/x.md:3: front matter is not valid YAML")


@pytest.mark.parametrize("option", ["seeds_dir", "locale_dir"])
def test_a_folder_with_a_nul_or_control_character_is_a_config_error(option: str) -> None:
    with pytest.raises(ConfigError, match=f"option '{option}': expected a folder"):
        config.validated({option: "x\x00y"}, path="mkdocs.yml")


def test_a_date_that_leaves_the_calendar_in_utc_is_no_date() -> None:
    from babelpress.site.articles import parse_moment

    assert parse_moment("0001-01-01T00:00:00+23:59") is None
    assert parse_moment("9999-12-31T23:59:59-23:59") is None
    assert str(parse_moment("2024-05-09T10:00:00+02:00")) == "2024-05-09 08:00:00"


@pytest.mark.parametrize("option", ["project", "copyright_holder", "bugs_address"])
def test_a_text_option_is_one_line(option: str) -> None:
    """A newline would write header fields of its own into every catalogue."""
    with pytest.raises(ConfigError, match=f"option '{option}': expected one line of text"):
        config.validated({option: "p\nPlural-Forms: nplurals=9;"}, path="mkdocs.yml")


@pytest.mark.parametrize("depth", [60, 400])
def test_a_settings_file_nested_too_deep_is_an_error(depth: int) -> None:
    """PyYAML's loader recurses once per level: 400 levels ended in a RecursionError."""
    text = f"a.txt:\n  x: {'[' * depth}{']' * depth}\n"
    with pytest.raises(ConfigError, match="nested more than 50 deep"):
        config.parse_yaml_mapping(text, origin="seeds/meta.yml")

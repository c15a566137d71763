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


def test_reads_plugin_block_and_ignores_python_tags(tmp_path: Path) -> None:
    write(
        tmp_path,
        "site_name: x\n"
        "docs_dir: pages\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
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


def test_unknown_option_is_an_error_naming_the_file(tmp_path: Path) -> None:
    write(tmp_path, "plugins:\n  - babelpress:\n      langauges: [en]\n")
    expected = r"mkdocs\.yml: unknown babelpress option\(s\): langauges"
    with pytest.raises(ConfigError, match=expected):
        config.load(tmp_path)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    write(tmp_path, "site_name: x\nplugins: [\n  - a\n")
    with pytest.raises(ConfigError) as info:
        config.load(tmp_path)
    assert info.value.line is not None
    assert str(info.value).startswith(str(tmp_path / "mkdocs.yml") + ":")


def test_bad_values_are_all_reported_at_once(tmp_path: Path) -> None:
    write(tmp_path, "plugins:\n  - babelpress:\n      unit: word\n      min_reviewed: 120\n")
    with pytest.raises(ConfigError) as info:
        config.load(tmp_path)
    assert "unit must be" in str(info.value) and "min_reviewed" in str(info.value)


def test_replace_ignores_unset_options() -> None:
    settings = config.Settings(root=Path("."))
    assert settings.replace(provider=None, languages=["ru"]).languages == ("ru",)
    assert settings.replace(provider=None).provider == "google"

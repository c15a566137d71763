"""Templates compiled by one language build serve the next; an edited one is compiled anew.
The theme's files are listed once per top-level build."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from mkdocs.theme import Theme

from babelpress.site.compiled import CompiledTemplates, ThemeListing


def environment(folder: Path, cache: CompiledTemplates) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache)


def test_a_second_environment_loads_the_compiled_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "page.html").write_text("{% include 'part.html' %} {{ title }}", "utf-8")
    (tmp_path / "part.html").write_text("<b>{{ title | upper }}</b>", "utf-8")
    cache = CompiledTemplates()
    first = environment(tmp_path, cache).get_template("page.html").render(title="de")

    second = environment(tmp_path, cache)

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(second, "compile", no_compiling)
    assert second.get_template("page.html").render(title="de") == first == "<b>DE</b> de"
    assert second.get_template("page.html").render(title="ru") == "<b>RU</b> ru"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    template = tmp_path / "page.html"
    template.write_text("old {{ x }}", "utf-8")
    cache = CompiledTemplates()
    assert environment(tmp_path, cache).get_template("page.html").render(x=1) == "old 1"
    template.write_text("new {{ x }}", "utf-8")
    assert environment(tmp_path, cache).get_template("page.html").render(x=2) == "new 2"


def test_the_theme_files_are_walked_once_until_cleared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("b {}", "utf-8")
    theme = Theme(name=None, custom_dir=str(tmp_path))
    expected = theme.get_env().list_templates()
    listing = ThemeListing()
    listing.install(theme)
    walks = []
    walk = jinja2.FileSystemLoader.list_templates

    def counted(self: jinja2.FileSystemLoader) -> list[str]:
        walks.append(self.searchpath)
        return walk(self)

    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", counted)
    first = theme.get_env().list_templates()
    first.append("changed by a caller")
    second = theme.get_env().list_templates()
    assert second == expected and "assets/site.css" in second
    assert len(walks) == 1

    (tmp_path / "assets" / "new.js").write_text("", "utf-8")
    listing.install(theme)  # installing again (every language build does) keeps one layer
    assert "assets/new.js" not in theme.get_env().list_templates()
    listing.clear()
    assert "assets/new.js" in theme.get_env().list_templates()
    assert len(walks) == 2


def test_a_filter_made_anew_from_the_same_code_and_objects_is_applied_once(
    tmp_path: Path,
) -> None:
    for name in ("a.css", "b.js", "c.html"):
        (tmp_path / name).write_text("", "utf-8")
    theme = Theme(name=None, custom_dir=str(tmp_path))
    ThemeListing().install(theme)
    calls: list[str] = []

    def make_filter(suffixes: tuple[str, ...]) -> Callable[[str], bool]:
        def chosen(name: str) -> bool:  # as MkDocs makes one per build
            calls.append(name)
            return name.endswith(suffixes)

        return chosen

    styles, scripts = (".css",), (".js",)
    first = theme.get_env().list_templates(filter_func=make_filter(styles))
    asked = len(calls)
    assert theme.get_env().list_templates(filter_func=make_filter(styles)) == first == ["a.css"]
    assert len(calls) == asked
    # the same code holding other objects answers otherwise
    assert theme.get_env().list_templates(filter_func=make_filter(scripts)) == ["b.js"]
    assert theme.get_env().list_templates(extensions=["html"]) == ["c.html"]
    assert theme.get_env().list_templates(filter_func=lambda n, s=".js": n.endswith(s)) == [
        "b.js"
    ]


def test_an_environment_maker_installed_before_is_kept(tmp_path: Path) -> None:
    theme = Theme(name=None, custom_dir=str(tmp_path))
    made = theme.get_env

    def another_plugins(*args: object) -> jinja2.Environment:
        env = made()
        env.globals["marked"] = True
        return env

    theme.get_env = another_plugins
    ThemeListing().install(theme)
    assert theme.get_env().globals["marked"] is True

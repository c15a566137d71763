"""Templates compiled by one language build serve the next; an edited one is compiled anew."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from babelpress.site.compiled import CompiledTemplates


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

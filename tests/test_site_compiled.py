"""Templates compiled by one language build serve the next, and the next build on the
machine; an edited one is compiled anew.  The theme's files are listed once per
top-level build."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.theme import Theme

from babelpress import usercache
from babelpress.site import compiled
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


def forbid_compiling(env: jinja2.Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(env, "compile", no_compiling)


def two_templates(folder: Path) -> Path:
    folder.mkdir()
    (folder / "page.html").write_text("{% include 'part.html' %} {{ title }}", "utf-8")
    (folder / "part.html").write_text("<b>{{ title | upper }}</b>", "utf-8")
    return folder


def test_a_later_process_loads_the_templates_from_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theme, kept = two_templates(tmp_path / "theme"), tmp_path / "cache" / "templates"
    first = environment(theme, CompiledTemplates(kept)).get_template("page.html")
    assert first.render(title="de") == "<b>DE</b> de"
    assert len(list(kept.iterdir())) == 2
    assert stat.S_IMODE(kept.stat().st_mode) == stat.S_IRWXU  # code: the user's own

    later = environment(theme, CompiledTemplates(kept))  # a new process: memory empty
    forbid_compiling(later, monkeypatch)
    assert later.get_template("page.html").render(title="ru") == "<b>RU</b> ru"


def test_a_template_edited_since_or_other_settings_are_compiled_anew(tmp_path: Path) -> None:
    theme, kept = two_templates(tmp_path / "theme"), tmp_path / "kept"
    environment(theme, CompiledTemplates(kept)).get_template("page.html").render(title="x")
    (theme / "part.html").write_text("<i>{{ title }}</i>", "utf-8")
    edited = environment(theme, CompiledTemplates(kept)).get_template("page.html")
    assert edited.render(title="x") == "<i>x</i> x"
    # code compiled for other delimiters would print the braces or fail
    (theme / "page.html").write_text("[[ title ]] {{ title }}", "utf-8")
    jinja = environment(theme, CompiledTemplates(kept)).get_template("page.html")
    assert jinja.render(title="x") == "[[ title ]] x"
    other = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(theme)),
        bytecode_cache=CompiledTemplates(kept),
        variable_start_string="[[",
        variable_end_string="]]",
    )
    assert other.get_template("page.html").render(title="x") == "x {{ title }}"


def test_damaged_cache_files_are_compiled_again_and_replaced(tmp_path: Path) -> None:
    theme, kept = two_templates(tmp_path / "theme"), tmp_path / "kept"
    environment(theme, CompiledTemplates(kept)).get_template("page.html").render(title="x")
    for path in kept.iterdir():
        path.write_bytes(path.read_bytes()[:20])  # cut off: a full disk, a crash
    again = environment(theme, CompiledTemplates(kept)).get_template("page.html")
    assert again.render(title="x") == "<b>X</b> x"
    for path in kept.iterdir():  # a byte changed inside the code: it would run
        data = path.read_bytes()
        if b"<b>" in data:
            path.write_bytes(data.replace(b"<b>", b"<i>"))
    again = environment(theme, CompiledTemplates(kept)).get_template("page.html")
    assert again.render(title="z") == "<b>Z</b> z"
    for path in kept.iterdir():
        path.write_bytes(b"j2" + os.urandom(64))
    again = environment(theme, CompiledTemplates(kept)).get_template("page.html")
    assert again.render(title="y") == "<b>Y</b> y"


def test_a_cache_folder_that_fails_costs_only_the_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theme = two_templates(tmp_path / "theme")
    (tmp_path / "file").write_text("", "utf-8")
    nowhere = environment(theme, CompiledTemplates(tmp_path / "file" / "kept"))
    assert nowhere.get_template("page.html").render(title="x") == "<b>X</b> x"

    real_open = os.open

    def disk_full(path: str, *args: int) -> int:
        if str(path).endswith(".tmp"):
            raise OSError(28, "No space left on device")
        return real_open(path, *args)

    monkeypatch.setattr(compiled.os, "open", disk_full)
    full = environment(theme, CompiledTemplates(tmp_path / "kept"))
    assert full.get_template("page.html").render(title="y") == "<b>Y</b> y"
    assert list((tmp_path / "kept").iterdir()) == []


def test_a_cache_folder_others_can_write_in_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theme, shared = two_templates(tmp_path / "theme"), tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # anyone could plant code here
    page = environment(theme, CompiledTemplates(shared)).get_template("page.html")
    assert page.render(title="x") == "<b>X</b> x"
    assert list(shared.iterdir()) == []

    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(real)  # a folder swapped for a link is not followed
    environment(theme, CompiledTemplates(tmp_path / "link")).get_template("page.html")
    assert list(real.iterdir()) == []


def test_no_code_is_kept_or_loaded_inside_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "checkout"
    project.mkdir()
    theme, inside = two_templates(project / "theme"), project / ".cache" / "templates"
    planted = CompiledTemplates(inside)
    environment(theme, planted).get_template("page.html").render(title="x")
    assert list(inside.iterdir())  # as a repository could ship them
    cache = CompiledTemplates(inside)
    cache.keep_out_of(project)
    env = environment(theme, cache)
    compiled = []
    compile_ = env.compile
    monkeypatch.setattr(env, "compile", lambda *a, **k: compiled.append(a) or compile_(*a, **k))
    assert env.get_template("page.html").render(title="y") == "<b>Y</b> y"
    assert len(compiled) == 2  # both templates compiled, none loaded from the checkout
    outside = CompiledTemplates(tmp_path / "cache")
    outside.keep_out_of(project)
    environment(theme, outside).get_template("page.html").render(title="z")
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_the_cache_folder_follows_the_xdg_specification(tmp_path: Path) -> None:
    home = Path.home() / ".cache" / "babelpress" / "templates"
    found = usercache.folder("templates", {"XDG_CACHE_HOME": str(tmp_path)})
    assert found == tmp_path / "babelpress" / "templates"
    for unset in ({}, {"XDG_CACHE_HOME": ""}, {"XDG_CACHE_HOME": "relative/cache"}):
        assert usercache.folder("templates", unset) in (home, None)


def test_no_cache_folder_in_a_repository_or_below_a_folder_others_may_swap(
    tmp_path: Path,
) -> None:
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)  # XDG_CACHE_HOME=.cache in a CI job
    assert usercache.folder("templates", {"XDG_CACHE_HOME": str(checkout / ".cache")}) is None
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # anyone could rename the folder below and put theirs in its place
    assert usercache.folder("templates", {"XDG_CACHE_HOME": str(shared)}) is None
    shared.chmod(0o1777)  # as /tmp: nobody may rename what is not theirs
    assert usercache.folder("templates", {"XDG_CACHE_HOME": str(shared)}) is not None


def test_code_compiled_for_other_filters_or_another_kind_of_environment_is_not_used(
    tmp_path: Path,
) -> None:
    theme, kept = tmp_path / "theme", tmp_path / "kept"
    theme.mkdir()
    (theme / "page.html").write_text("{{ 'hello' | shout }} {{ account.delete() }}", "utf-8")

    def made(kind: type[jinja2.Environment], shout: Callable[..., str]) -> jinja2.Environment:
        env = kind(
            loader=jinja2.FileSystemLoader(str(theme)), bytecode_cache=CompiledTemplates(kept)
        )
        env.filters["shout"] = shout
        return env

    class Account:
        def delete(self) -> str:
            return "deleted"

        delete.alters_data = True  # type: ignore[attr-defined]  # a sandbox refuses it

    def upper(text: str) -> str:
        return text.upper()

    def loud(text: str) -> str:
        return text.upper() + "!"

    page = made(jinja2.Environment, upper).get_template("page.html")
    assert page.render(account=Account()) == "HELLO deleted"
    # the compiler applies a filter to a constant: other filters, other code
    page = made(jinja2.Environment, loud).get_template("page.html")
    assert page.render(account=Account()) == "HELLO! deleted"
    page = made(jinja2.Environment, jinja2.pass_context(lambda _, text: text)).get_template(
        "page.html"
    )
    assert page.render(account=Account()) == "hello deleted"
    # a sandbox compiles calls to its own checks
    sandboxed = made(SandboxedEnvironment, upper).get_template("page.html")
    with pytest.raises(SecurityError):
        sandboxed.render(account=Account())


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
    assert theme.get_env().list_templates(filter_func=lambda n, s=".js": n.endswith(s)) == ["b.js"]


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

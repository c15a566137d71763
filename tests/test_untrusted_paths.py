"""Nothing outside the project is read or written, and errors quote no file's content.

Every file a step reads (seeds, ``meta.yml``, ``rules.yml``, German pages,
catalogues, templates, the glossary, the MT cache) is replaced by a symbolic link
to a file outside the project that holds an "API key"; every folder a step writes
into is replaced by a link to a folder outside.  The real commands and a real
``mkdocs build`` run: the link is refused with a message naming it, the key is
printed nowhere, and nothing outside the project changes.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import pytest

from html_audit import files_snapshot
from untrusted_project import ARTICLE, babelpress, make_project, mkdocs_build

KEY = "sk-live-4f9a7c21e8b34d55a0c6"
SECRET_FILE = (
    f"DEEPL_API_KEY={KEY}\0HOME=/home/editor\0"
    'msgid "x"\nmsgstr "' + KEY + '"\n'
    "Geheime Zeile aus einer fremden Datei. Sie darf nirgends erscheinen.\n"
)
ENV = {"DEEPL_API_KEY": KEY}


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    """A normalised and extracted project, and a folder beside it with a secret file."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET_FILE, encoding="utf-8")
    root = make_project(tmp_path / "project", {"a.txt": ARTICLE}, {"a.txt": {"slug": "a"}})
    (root / "locale" / "glossary.csv").write_text("de,en,ru,note\n", encoding="utf-8")
    for step in (("normalise",), ("extract",)):
        result = babelpress(root, *step)
        assert result.returncode == 0, result.stderr
    return root, outside


def _link(path: Path, target: Path) -> None:
    if path.exists() or path.is_symlink():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def _assert_refused(output: str, link: str) -> None:
    refusals = [line for line in output.splitlines() if "refused: the path leads outside" in line]
    named = re.compile(rf"(?:^|: ){re.escape(link)}(?::\d+)?: ")
    assert any(named.search(line) for line in refusals), output
    assert KEY not in output and "Geheime Zeile" not in output, output


# (link inside the project, commands that read it)
READERS = [
    ("locale/en/LC_MESSAGES/a.po", [("status",), ("check",), ("extract",)]),
    ("locale/templates/a.pot", [("extract",)]),
    ("docs/de/a.md", [("extract",)]),
    ("seeds/a.txt", [("normalise", "--force")]),
    ("seeds/meta.yml", [("normalise",)]),
    ("seeds/rules.yml", [("normalise",)]),
    ("locale/glossary.csv", [("check",), ("translate", "--provider", "pseudo")]),
]


@pytest.mark.parametrize(("link", "commands"), READERS)
def test_a_file_linked_out_of_the_project_is_refused(
    setup: tuple[Path, Path], link: str, commands: list[tuple[str, ...]]
) -> None:
    root, outside = setup
    _link(root / link, outside / "secret.txt")
    before = files_snapshot([outside])
    for command in commands:
        result = babelpress(root, *command, env=ENV)
        assert result.returncode != 0, (command, result.stdout, result.stderr)
        _assert_refused(result.stdout + result.stderr, link)
    assert files_snapshot([outside]) == before
    for path in (root / "docs").rglob("*.md"):
        if not path.is_symlink():
            assert "Geheime Zeile" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("link", ["locale/en/LC_MESSAGES/a.po", "docs/de/a.md"])
def test_mkdocs_build_refuses_a_linked_page_or_catalogue(
    setup: tuple[Path, Path], link: str
) -> None:
    root, outside = setup
    _link(root / link, outside / "secret.txt")
    result = mkdocs_build(root, env=ENV)
    assert result.returncode != 0
    assert "refused: the path leads outside the project" in result.stderr
    assert KEY not in result.stdout + result.stderr
    site = root / "site"
    for path in site.rglob("*") if site.exists() else []:
        if path.is_file():
            assert KEY.encode() not in path.read_bytes()


def test_proc_self_environ_as_a_catalogue_prints_no_environment(setup: tuple[Path, Path]) -> None:
    root, _ = setup
    _link(root / "locale/en/LC_MESSAGES/a.po", Path("/proc/self/environ"))
    for command in (("status",), ("check",), ("extract",)):
        result = babelpress(root, *command, env=ENV)
        assert result.returncode != 0
        _assert_refused(result.stdout + result.stderr, "locale/en/LC_MESSAGES/a.po")
        assert "HOME=" not in result.stdout + result.stderr


def test_the_mt_cache_linked_out_is_neither_read_nor_written(setup: tuple[Path, Path]) -> None:
    from libre_server import LibreServer

    root, outside = setup
    cache = root / "locale/mt-cache/libre/de-en.json"
    _link(cache, outside / "secret.txt")
    before = files_snapshot([outside])
    with LibreServer() as server:
        result = babelpress(root, "translate", "--provider", "libre", "--url", server.url,
                            "--lang", "en", env=ENV)  # fmt: skip
        assert server.requests == 0
    assert result.returncode != 0
    _assert_refused(result.stdout + result.stderr, "locale/mt-cache/libre/de-en.json")
    assert files_snapshot([outside]) == before


@pytest.mark.parametrize(
    ("folder", "command"),
    [
        ("locale/en", ("extract",)),
        ("locale/templates", ("extract",)),
        ("docs/de", ("normalise", "--force")),
        ("docs/en", ("render",)),
        ("locale/mt-cache", ("translate", "--provider", "libre")),
    ],
)
def test_a_folder_linked_out_of_the_project_is_not_written(
    setup: tuple[Path, Path], folder: str, command: tuple[str, ...]
) -> None:
    from libre_server import LibreServer

    root, outside = setup
    elsewhere = outside / "folder"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not babelpress's\n", encoding="utf-8")
    if (root / folder).exists():
        os.rename(root / folder, root / f"{folder}.moved")
    _link(root / folder, elsewhere)
    for path in (root / "locale").rglob("*.po"):
        path.unlink()  # nothing to read: only writes go through the linked folder
    before = files_snapshot([outside])
    with LibreServer() as server:
        args = (*command, "--url", server.url) if "libre" in command else command
        result = babelpress(root, *args, env=ENV)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "refused: the path leads outside the project" in result.stderr
    assert files_snapshot([outside]) == before
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]


def test_a_malformed_catalogue_is_quoted_short_and_without_secrets(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {"a.txt": ARTICLE}, {"a.txt": {"slug": "a"}})
    assert babelpress(root, "normalise").returncode == 0
    assert babelpress(root, "extract").returncode == 0
    po = root / "locale/en/LC_MESSAGES/a.po"
    po.write_bytes(SECRET_FILE.encode("utf-8") + po.read_bytes())
    (root / "locale/ru/LC_MESSAGES/a.po").write_text(
        f"msgid \"a\"\nmsgstr \"b\"\nGARBAGE {KEY} and then a very long tail of text\n",
        encoding="utf-8",
    )
    for command in (("status",), ("check",), ("extract",)):
        result = babelpress(root, *command, env=ENV)
        output = result.stdout + result.stderr
        assert result.returncode != 0
        for where, quoted in (
            ("locale/en/LC_MESSAGES/a.po:1", "'DEEPL_API_KEY=***'"),
            ("locale/ru/LC_MESSAGES/a.po:3", "'GARBAGE *** and then a very long tail o…'"),
        ):
            line = next(line for line in output.splitlines() if where in line)
            assert line.endswith(f"syntax error: {quoted}"), line
        assert KEY not in output and "HOME" not in output


@pytest.mark.parametrize("remembered", [False, True])
def test_confined_follows_links_and_dots(tmp_path: Path, remembered: bool) -> None:
    from babelpress.fsutil import OutsideProject, confined, folders_remembered

    root = tmp_path / "project"
    (root / "locale").mkdir(parents=True)
    (root / "inside.txt").write_text("x", encoding="utf-8")
    (root / "locale" / "ok.po").symlink_to(root / "inside.txt")
    (root / "locale" / "out.po").symlink_to(tmp_path)
    (tmp_path / "elsewhere" / "deep").mkdir(parents=True)
    (root / "locale" / "away").symlink_to(tmp_path / "elsewhere" / "deep")
    with folders_remembered() if remembered else contextlib.nullcontext():
        for _ in range(2):  # the second time from what was remembered
            assert confined(root / "locale" / "ok.po", root) == root / "locale" / "ok.po"
            assert confined(root / "locale" / "new" / "file.po", root)
            outside = (
                root / "locale" / "out.po",
                root / "locale" / "away" / "x.po",
                # the link is followed before "..": this is elsewhere/x.po
                root / "locale" / "away" / ".." / "x.po",
                root / ".." / "x.md",
                Path("/etc/passwd"),
                root.parent / "project-other" / "x",  # a prefix is not the folder
            )
            for path in outside:
                with pytest.raises(OutsideProject):
                    confined(path, root)


def test_broken_front_matter_is_named_not_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML's own message quotes the lines around the problem (libyaml's does not)."""
    import yaml

    from babelpress.errors import InputError
    from babelpress.markdown import reader

    monkeypatch.setattr(reader, "_YAML_LOADER", yaml.SafeLoader)
    text = f"---\ntitle: [Kasachstan\nkey: {KEY} : x: y\n---\n\nText.\n"
    with pytest.raises(InputError) as caught:
        reader.parse(text, path="docs/de/a.md", slug="a")
    assert str(caught.value).startswith("docs/de/a.md:3: front matter is not valid YAML: ")
    assert KEY not in str(caught.value)


@pytest.mark.parametrize(
    ("link", "to_folder"),
    [("docs/de/env.txt", False), ("docs/de/notes/secret.txt", False), ("docs/de/ext", True)],
)
def test_mkdocs_build_publishes_no_other_file_linked_out(
    setup: tuple[Path, Path], link: str, to_folder: bool
) -> None:
    """Not only pages: any file or folder in docs/ that leads outside stays unpublished."""
    root, outside = setup
    (outside / "page.md").write_text(f"# Fremd\n\n{KEY}\n", encoding="utf-8")
    _link(root / link, outside if to_folder else outside / "secret.txt")
    result = mkdocs_build(root, env=ENV)
    refusals = [x for x in result.stderr.splitlines() if "leads outside the project" in x]
    assert any(f"{link}{'/' if to_folder else ':'}" in line for line in refusals), result.stderr
    assert KEY not in result.stdout + result.stderr
    for path in (root / "site").rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path

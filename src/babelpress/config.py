"""Settings, read from one place: the ``babelpress`` plugin block of ``mkdocs.yml``.

The command line and the MkDocs plugin both build a :class:`Settings` from that
block, so ``babelpress extract`` and ``mkdocs build`` always agree on languages,
paths and policies.  Command-line options override single fields with
:meth:`Settings.replace`.  Paths are relative to the project root (the folder of
``mkdocs.yml``) and resolved by the ``*_path`` properties.

Example block::

    plugins:
      - babelpress:
          source_language: de
          languages: [en, ru]
          unit: sentence
          provider: google
          publish_drafts: true
          min_reviewed: 0
          front_page_articles: 10
          archive_page_articles: 20
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from babelpress.errors import ConfigError

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "babelpress"


@dataclass(frozen=True)
class Settings:
    """Every setting babelpress knows, with its default."""

    root: Path = field(default_factory=Path.cwd)
    source_language: str = "de"
    languages: tuple[str, ...] = ("en", "ru")
    docs_dir: str = "docs"
    seeds_dir: str = "seeds"
    locale_dir: str = "locale"
    #: ``sentence`` (default) or ``paragraph``: the translation unit inside a paragraph.
    unit: str = "sentence"
    #: machine-translation provider used by ``babelpress translate``.
    provider: str = "google"
    #: base URL for self-hosted providers (LibreTranslate).
    provider_url: str | None = None
    #: largest request sent to a provider, in characters.
    batch_chars: int = 5000
    #: show machine drafts (fuzzy) on the site, with a notice.
    publish_drafts: bool = True
    #: percentage of reviewed text below which a page is not published in a language.
    min_reviewed: float = 0.0
    #: Project-Id-Version header of the catalogues.
    project: str = "babelpress"
    #: e-mail or URL for Report-Msgid-Bugs-To.
    bugs_address: str = ""
    #: Copyright holder named in catalogue headers.
    copyright_holder: str = ""
    #: articles on the site's front page (and in its news feed), newest first.
    front_page_articles: int = 10
    #: articles on one page of the archive.
    archive_page_articles: int = 20

    # ----------------------------------------------------------------- paths
    @property
    def docs_path(self) -> Path:
        return self.root / self.docs_dir

    @property
    def source_docs_path(self) -> Path:
        """``docs/de``: the German pages, normalised and hand-written."""
        return self.docs_path / self.source_language

    @property
    def seeds_path(self) -> Path:
        return self.root / self.seeds_dir

    @property
    def locale_path(self) -> Path:
        return self.root / self.locale_dir

    @property
    def templates_path(self) -> Path:
        return self.locale_path / "templates"

    @property
    def glossary_path(self) -> Path:
        return self.locale_path / "glossary.csv"

    # -------------------------------------------------------------- changing
    def replace(self, **changes: Any) -> Settings:
        """A copy with *changes*; ``None`` values are ignored (unset CLI options)."""
        changes = {k: v for k, v in changes.items() if v is not None}
        if "languages" in changes:
            changes["languages"] = tuple(changes["languages"])
        new = dataclasses.replace(self, **changes)
        new.validate()
        return new

    def validate(self) -> None:
        problems = []
        if self.unit not in ("sentence", "paragraph"):
            problems.append(f"unit must be 'sentence' or 'paragraph', not {self.unit!r}")
        if self.source_language in self.languages:
            problems.append("the source language cannot also be a target language")
        if not 0 <= self.min_reviewed <= 100:
            problems.append("min_reviewed must be a percentage between 0 and 100")
        if self.batch_chars < 100:
            problems.append("batch_chars must be at least 100")
        for name in ("front_page_articles", "archive_page_articles"):
            if getattr(self, name) < 1:
                problems.append(f"{name} must be at least 1")
        if problems:
            raise ConfigError("; ".join(problems), path=self.root / CONFIG_FILE)


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that ignores the ``!!python/name:`` and ``!ENV`` tags of mkdocs.yml."""


def _construct_unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _construct_unknown)


def parse_yaml_mapping(
    text: str, *, origin: str | Path, loader: type[yaml.SafeLoader] = yaml.SafeLoader
) -> dict[str, Any]:
    """A YAML document that must be a mapping (empty: ``{}``); errors name file and line."""
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"invalid YAML: {getattr(exc, 'problem', exc)}",
            path=origin,
            line=mark.line + 1 if mark else None,
        ) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping at the top level", path=origin)
    return data


def plugin_options(mkdocs_config: dict[str, Any]) -> dict[str, Any] | None:
    """The babelpress block of a parsed mkdocs.yml, or None if the plugin is not listed."""
    for entry in mkdocs_config.get("plugins") or []:
        if entry == PLUGIN_NAME:
            return {}
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return dict(entry[PLUGIN_NAME] or {})
    return None


def from_options(root: Path, options: dict[str, Any], docs_dir: str | None = None) -> Settings:
    """Settings from a plugin-options mapping (as in mkdocs.yml)."""
    known = {f.name for f in dataclasses.fields(Settings)} - {"root"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ConfigError(
            f"unknown babelpress option(s): {', '.join(unknown)}", path=root / CONFIG_FILE
        )
    values: dict[str, Any] = dict(options)
    if "languages" in values:
        values["languages"] = tuple(values["languages"])
    if docs_dir is not None:
        values["docs_dir"] = docs_dir
    settings = Settings(root=root, **values)
    settings.validate()
    return settings


def load(root: str | Path | None = None) -> Settings:
    """Read ``mkdocs.yml`` in *root* (default: the current directory).

    Without an ``mkdocs.yml``, or without a babelpress block in it, the defaults apply.
    """
    root = Path(root or Path.cwd()).resolve()
    path = root / CONFIG_FILE
    if not path.exists():
        return Settings(root=root)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=path) from exc
    data = parse_yaml_mapping(text, origin=path, loader=_TolerantLoader)
    options = plugin_options(data) or {}
    docs_dir = data.get("docs_dir")
    return from_options(root, options, docs_dir=str(docs_dir) if docs_dir else None)

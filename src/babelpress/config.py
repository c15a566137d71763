"""Settings, defined once: the schema of the ``babelpress`` plugin block of ``mkdocs.yml``.

:class:`PluginConfig` (a MkDocs config schema) is the only place where an option,
its default and its validation are written.  MkDocs validates the block with it
before ``mkdocs build``; the command line reads ``mkdocs.yml`` with MkDocs' own
loader (so ``INHERIT:`` and ``!ENV`` work the same) and validates the block with
the same schema.  Both then make a :class:`Settings`, the frozen value the stages
use.  Command-line options override single fields with :meth:`Settings.replace`,
which validates again.  Paths are relative to the project root (the folder of
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
          captions: show
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import yaml
from babel import Locale, UnknownLocaleError
from mkdocs.config import base
from mkdocs.config.base import ValidationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from babelpress.errors import (
    MAX_YAML_DEPTH,
    ConfigError,
    environment_secrets,
    excerpt,
    impossible_value_line,
    nested_too_deep,
    printable,
    scrub,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "babelpress"
#: MkDocs' default ``docs_dir`` (a test holds it to ``MkDocsConfig``'s: importing that
#: schema would load MkDocs' themes and Markdown, a tenth of a second on every command).
MKDOCS_DOCS_DIR = "docs"

T = TypeVar("T")


# ------------------------------------------------------------------ options
def _shown(value: object) -> str:
    """A wrong value as a message quotes it: escaped, and short (it may come from ``!ENV``)."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]  # as YAML writes them
    text = scrub(repr(value), environment_secrets())  # an API key read into a wrong option
    return text if len(text) <= 60 else text[:57] + "..."


class _Option(Generic[T], base.BaseConfigOption[T]):
    """An option with a default whose error messages quote the wrong value.

    An empty value (``key:`` with nothing after it, or ``!ENV`` of an unset
    variable) means the default, as for MkDocs' own options.
    """

    def __init__(self, default: T | None = None) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> T:
        if value is None:
            return self.default
        return self.check(value)

    def check(self, value: object) -> T:
        raise NotImplementedError


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"expected text, not {_shown(value)}")
    if printable(value) != value:
        # one line of text: a newline in the project's name wrote header fields of its
        # own into every catalogue
        raise ValidationError(f"expected one line of text, not {_shown(value)}")
    return value


class Text(_Option[str]):
    def check(self, value: object) -> str:
        return _text(value)


class OptionalText(_Option["str | None"]):
    """Text, or nothing (the default)."""

    def check(self, value: object) -> str | None:
        return _text(value)


class Flag(_Option[bool]):
    def check(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(f"expected true or false, not {_shown(value)}")
        return value


class Choice(_Option[str]):
    def __init__(self, choices: tuple[str, ...], default: str) -> None:
        super().__init__(default)
        self.choices = choices

    def check(self, value: object) -> str:
        if value not in self.choices:
            names = " or ".join(repr(choice) for choice in self.choices)
            raise ValidationError(f"expected {names}, not {_shown(value)}")
        return str(value)


class Number(_Option[float]):
    """A number in a range; whole numbers only unless *fractions*.  ``true`` is no number."""

    def __init__(
        self, default: float, *, low: float, high: float | None = None, fractions: bool = False
    ) -> None:
        super().__init__(default)
        self.low, self.high, self.fractions = low, high, fractions

    def check(self, value: object) -> float:
        kinds = (int, float) if self.fractions else (int,)
        if (
            isinstance(value, bool)
            or not isinstance(value, kinds)
            or value != value  # NaN
            or value < self.low
            or (self.high is not None and value > self.high)
        ):
            kind = "a number" if self.fractions else "a whole number"
            limit = (
                f"of at least {self.low}"
                if self.high is None
                else (f"from {self.low} to {self.high}")
            )
            raise ValidationError(f"expected {kind} {limit}, not {_shown(value)}")
        return value


class Folder(_Option[str]):
    """A folder inside the project: a relative path that does not climb out with ``..``."""

    def check(self, value: object) -> str:
        path = PurePosixPath(value) if isinstance(value, str) else None
        if (
            path is None
            or not str(value).strip()
            or path.is_absolute()
            or "\\" in str(value)
            or ".." in path.parts
            or not str(value).isprintable()  # a NUL or a control character: no file name
        ):
            raise ValidationError(
                f"expected a folder inside the project (a relative path without '..'), "
                f"not {_shown(value)}"
            )
        return path.as_posix()


def language_code(value: object) -> str:
    """*value* if it is a locale identifier babel knows, written as babel writes it.

    The canonical form (``en``, ``pt_BR``, ``zh_Hans``) holds only ASCII letters,
    digits and underscores, so a code is also a safe folder name.
    """
    if not isinstance(value, str):
        raise ValidationError(f"expected a language code such as 'en', not {_shown(value)}")
    try:
        canonical = str(Locale.parse(value))
    except (ValueError, UnknownLocaleError):
        raise ValidationError(
            f"{_shown(value)} is not a language code babel knows (such as 'en' or 'pt_BR')"
        ) from None
    if value != canonical:
        raise ValidationError(f"{_shown(value)} must be written as babel writes it: {canonical!r}")
    if not (value.isascii() and value.replace("_", "").isalnum()):
        raise ValidationError(
            f"{_shown(value)} is not a plain language code (letters, digits and '_' only)"
        )
    return value


class Language(_Option[str]):
    def check(self, value: object) -> str:
        return language_code(value)


class Languages(_Option[list[str]]):
    """A list of distinct language codes (a single string is not a list of one)."""

    def check(self, value: object) -> list[str]:
        if not isinstance(value, list):
            raise ValidationError(
                f"expected a list of language codes such as [en, ru], not {_shown(value)}"
            )
        codes = [language_code(item) for item in value]
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            raise ValidationError(f"{', '.join(map(repr, repeated))} listed more than once")
        return codes


class PluginConfig(base.Config):
    """The ``babelpress`` block of mkdocs.yml: every option with its default."""

    #: language of ``docs/<source_language>/``.
    source_language = Language(default="de")
    #: target languages.
    languages = Languages(default=["en", "ru"])
    #: the raw German texts, and the catalogues (inside the project).
    seeds_dir = Folder(default="seeds")
    locale_dir = Folder(default="locale")
    #: ``sentence`` or ``paragraph``: the translation unit inside a paragraph.
    unit = Choice(("sentence", "paragraph"), default="sentence")
    #: machine-translation provider used by ``babelpress translate``.
    provider = Text(default="google")
    #: base URL for self-hosted providers (LibreTranslate).
    provider_url = OptionalText()
    #: largest request sent to a provider, in characters.
    batch_chars = Number(5000, low=100)
    #: show machine drafts (fuzzy) on the site, with a notice.
    publish_drafts = Flag(default=True)
    #: percentage of reviewed text below which a page is not published in a language.
    min_reviewed = Number(0, low=0, high=100, fractions=True)
    #: Project-Id-Version header of the catalogues.
    project = Text(default="babelpress")
    #: e-mail or URL for Report-Msgid-Bugs-To.
    bugs_address = Text(default="")
    #: copyright holder named in catalogue headers.
    copyright_holder = Text(default="")
    #: articles on the site's front page (and in its news feed), newest first.
    front_page_articles = Number(10, low=1)
    #: articles on one page of the archive.
    archive_page_articles = Number(20, low=1)
    #: photo captions and credits of pages without their photos: ``show`` them as a
    #: labelled caption block, or ``hide`` them.
    captions = Choice(("show", "hide"), default="show")

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        """MkDocs' validation, then what it leaves out: every wrong value, not just the
        first; unknown options as errors (a misspelt option would silently do nothing);
        and the checks across options."""
        failed, warnings = super().validate()
        names = [key for key, _ in self._schema]
        if failed:
            # MkDocs stops at the first wrong option; the others are independent of it
            reported = {key for key, _ in failed}
            first = names.index(failed[-1][0])
            for key, option in self._schema[first + 1 :]:
                if key in reported:
                    continue
                try:
                    self[key] = option.validate(self.get(key))
                except ValidationError as exc:
                    failed.append((key, exc))
        unknown = sorted((key for key in self.keys() if key not in names), key=str)
        warnings = [(key, text) for key, text in warnings if key not in unknown]
        failed[:0] = [(key, ValidationError(_unknown(key, names))) for key in unknown]
        if not failed and self["source_language"] in self["languages"]:
            failed.append(
                (
                    "languages",
                    ValidationError(
                        f"{self['source_language']!r} is the source language, not a target language"
                    ),
                )
            )
        return failed, warnings


def _unknown(key: object, names: list[str]) -> str:
    close = difflib.get_close_matches(str(key), names, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"the options are: {', '.join(names)}"
    return f"unknown option ({hint})"


def option_names() -> list[str]:
    return [key for key, _ in PluginConfig._schema]


def validated(options: Mapping[str, Any], *, path: Path) -> PluginConfig:
    """*options* checked by the schema, as MkDocs checks the plugin block; errors in one line."""
    config = PluginConfig(config_file_path=str(path))
    config.load_dict(dict(options))
    failed, _warnings = config.validate()
    if failed:
        raise ConfigError(
            "; ".join(f"babelpress option {str(key)!r}: {error}" for key, error in failed),
            path=path,
        )
    return config


# ------------------------------------------------------------------ settings
@dataclass(frozen=True)
class Settings:
    """The validated options (see :class:`PluginConfig`) and the project's folders.

    Made by :func:`load`, :meth:`from_config` or :meth:`defaults`: the fields have
    no defaults of their own.
    """

    root: Path
    #: MkDocs' ``docs_dir``, relative to root.
    docs_dir: str
    source_language: str
    languages: tuple[str, ...]
    seeds_dir: str
    locale_dir: str
    unit: str
    provider: str
    provider_url: str | None
    batch_chars: int
    publish_drafts: bool
    min_reviewed: float
    project: str
    bugs_address: str
    copyright_holder: str
    front_page_articles: int
    archive_page_articles: int
    captions: str

    @classmethod
    def from_config(cls, config: PluginConfig, *, root: Path, docs_dir: str) -> Settings:
        """Settings from a *validated* plugin block."""
        values = {name: config[name] for name in option_names()}
        values["languages"] = tuple(values["languages"])
        return cls(root=root, docs_dir=docs_dir, **values)

    @classmethod
    def defaults(cls, root: Path | None = None) -> Settings:
        """The schema's defaults (and MkDocs' ``docs_dir``), for a project in *root*."""
        root = Path(root or Path.cwd())
        config = validated({}, path=root / CONFIG_FILE)
        return cls.from_config(config, root=root, docs_dir=MKDOCS_DOCS_DIR)

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
    def options(self) -> dict[str, Any]:
        """The plugin block these settings come from (as mkdocs.yml would write it)."""
        values = {name: getattr(self, name) for name in option_names()}
        values["languages"] = list(self.languages)
        return values

    def replace(self, **changes: Any) -> Settings:
        """A copy with *changes*, validated by the schema; ``None`` values are ignored
        (unset CLI options)."""
        changes = {key: value for key, value in changes.items() if value is not None}
        if "languages" in changes:
            changes["languages"] = list(changes["languages"])
        unknown = set(changes) - set(option_names())
        if unknown:
            raise TypeError(f"not a babelpress option: {', '.join(sorted(unknown))}")
        config = validated({**self.options(), **changes}, path=self.root / CONFIG_FILE)
        return Settings.from_config(config, root=self.root, docs_dir=self.docs_dir)


# ------------------------------------------------------------------ mkdocs.yml
def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it: ``INHERIT:`` merged, ``!ENV`` and ``!relative`` resolved.

    Not validated: :func:`load` validates what babelpress uses of it.  Python tags
    (``!!python/name:``) are resolved as ``mkdocs build`` resolves them.
    """
    # what MkDocsConfig.load_file does; ``!relative`` keeps the config to resolve it later
    # (never done here: babelpress's options are no paths relative to a page)
    owner = cast("MkDocsConfig", base.LegacyConfig((), config_file_path=str(path)))
    try:
        with path.open("rb") as handle:
            data = yaml_load(handle, get_yaml_loader(config=owner))
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    except Exception as exc:  # MkDocs' errors, and those of the constructors its tags run
        raise _load_error(exc, path) from exc
    if not isinstance(data, dict):
        raise ConfigError(f"expected a mapping of settings, not {_shown(data)}", path=path)
    return data


def _load_error(exc: Exception, path: Path) -> ConfigError:
    """A loader error as one line naming the file (the inherited one, if there) and line."""
    cause = exc.__context__ if isinstance(exc.__context__, yaml.YAMLError) else exc
    mark = getattr(cause, "problem_mark", None)
    if mark is not None:
        problem = getattr(cause, "problem", None) or getattr(cause, "context", None) or cause
        return ConfigError(f"invalid YAML: {problem}", path=mark.name, line=mark.line + 1)
    text = (str(exc) or repr(exc)).splitlines()[0]
    # MkDocs names files by absolute path; the project's files are shown relative to it
    text = text.replace(str(path.parent) + os.sep, "")
    return ConfigError(f"cannot load: {text}", path=path)


def plugin_block(plugins: object, path: Path) -> dict[str, Any] | None:
    """The babelpress block of mkdocs.yml's ``plugins``, or None if the plugin is not listed."""
    for name, block in _plugin_entries(plugins, path):
        if name == PLUGIN_NAME:
            return _block_options(block, path)
    return None


def _plugin_entries(plugins: object, path: Path) -> list[tuple[object, object]]:
    """(name, block) of each plugin, from a list (``- name`` or ``- name: {…}``) or a
    mapping, as MkDocs accepts them."""
    if plugins is None:
        return []
    if isinstance(plugins, dict):
        return list(plugins.items())
    if isinstance(plugins, list):
        return [
            next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, {})
            for item in plugins
        ]
    raise ConfigError(f"plugins: expected a list or a mapping, not {_shown(plugins)}", path=path)


def _block_options(block: object, path: Path) -> dict[str, Any]:
    """A plugin block without MkDocs' generic ``enabled`` option, which MkDocs takes out
    before it validates the rest."""
    if block is None:
        return {}
    if not isinstance(block, dict):
        raise ConfigError(
            f"babelpress: expected a mapping of options, not {_shown(block)}", path=path
        )
    options = dict(block)
    enabled = options.pop("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(
            f"babelpress option 'enabled': expected true or false, not {_shown(enabled)}",
            path=path,
        )
    return options


def docs_dir(mkdocs_config: Mapping[str, Any], root: Path, path: Path) -> str:
    """MkDocs' ``docs_dir`` relative to *root* (the folder of mkdocs.yml, *path*), checked
    as MkDocs checks it, except that it need not exist yet (normalise makes it)."""
    value = mkdocs_config.get("docs_dir")
    if value is None:
        return MKDOCS_DOCS_DIR
    if not isinstance(value, str):
        raise ConfigError(f"docs_dir: expected a folder, not {_shown(value)}", path=path)
    folder = os.path.abspath(os.path.join(root, value))
    if folder == str(root):
        raise ConfigError(
            f"docs_dir: {_shown(value)} is the folder of mkdocs.yml; MkDocs wants a folder in it",
            path=path,
        )
    return Path(os.path.relpath(folder, root)).as_posix()


def load(root: str | Path | None = None) -> Settings:
    """The settings of the project in *root* (default: the current directory).

    Without an ``mkdocs.yml``, or without a babelpress block in it, the defaults apply.
    """
    root = Path(root or Path.cwd()).resolve()
    path = root / CONFIG_FILE
    if not path.exists():
        return Settings.defaults(root)
    mkdocs_config = read_mkdocs_yml(path)
    options = validated(plugin_block(mkdocs_config.get("plugins"), path) or {}, path=path)
    return Settings.from_config(options, root=root, docs_dir=docs_dir(mkdocs_config, root, path))


# ------------------------------------------------------------------ other YAML files
def parse_yaml_mapping(text: str, *, origin: str | Path) -> dict[str, Any]:
    """A YAML document that must be a mapping (empty: ``{}``); errors name file and line.

    For babelpress's own files (``seeds/meta.yml``, ``rules.yml``): safe loading, no tags.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"invalid YAML: {getattr(exc, 'problem', exc)}",
            path=origin,
            line=mark.line + 1 if mark else None,
        ) from exc
    except (ValueError, OverflowError) as exc:  # a date no calendar has ("2023-13-45")
        raise ConfigError(
            f"invalid YAML: an impossible date or time ({excerpt(str(exc), 60)})",
            path=origin,
            line=impossible_value_line(text),
        ) from exc
    except RecursionError:  # PyYAML's loader recurses once per level of nesting
        data = None
        deep = True
    else:
        deep = nested_too_deep(data)
    if deep:
        raise ConfigError(f"lists or mappings nested more than {MAX_YAML_DEPTH} deep", path=origin)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping at the top level", path=origin)
    return data

"""The data-driven rules of normalising, loaded from YAML.

Contract:

* :func:`load_rules` reads the packaged defaults (``babelpress/data/normalise_rules.yml``)
  and, if present, a project file (``seeds/rules.yml``) with the same keys.  Lists in the
  project file are appended to the defaults; mappings are merged key by key; single
  values replace the default.
* Every pattern is compiled once, case-insensitive (a pattern can switch that off locally
  with ``(?-i:...)``).  A bad pattern or a wrong type raises
  :class:`~babelpress.errors.ConfigError` naming the file and the key.
* :class:`Rules` is immutable and holds no text of any particular article: an unseen
  article gets the same treatment as the seeds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from babelpress.config import parse_yaml_mapping
from babelpress.errors import ConfigError
from babelpress.fsutil import read_text

DEFAULT_RULES = "normalise_rules.yml"
PROJECT_RULES = "rules.yml"


@dataclass(frozen=True)
class Rules:
    """Compiled rules; see the packaged ``normalise_rules.yml`` for their meaning."""

    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]
    trailer: tuple[re.Pattern[str], ...]
    metadata: tuple[re.Pattern[str], ...]
    months: dict[str, int]
    caption_label: re.Pattern[str]
    credit: tuple[re.Pattern[str], ...]
    attribution: tuple[re.Pattern[str], ...]
    kicker: re.Pattern[str]
    heading_max_words: int
    heading_max_chars: int
    wrap_width: int
    pull_quote_threshold: float
    pull_quote_max_sentences: int
    pull_quote_max_chars: int
    pull_quote_distance: int
    #: words whose change makes a near-repeat a different statement (plus months, digits)
    fact_words: frozenset[str]
    index_title: str
    source_label: str

    def boilerplate_kind(self, line: str) -> str | None:
        """The boilerplate kind *line* belongs to, or None."""
        for kind, pattern in self.boilerplate:
            if pattern.search(line):
                return kind
        return None


def load_rules(project_file: str | Path | None = None, *, root: Path | None = None) -> Rules:
    """Defaults plus *project_file* (if given and present, confined to *root*), compiled."""
    default_text = (resources.files("babelpress") / "data" / DEFAULT_RULES).read_text("utf-8")
    data = _parse(default_text, DEFAULT_RULES)
    origin = DEFAULT_RULES
    if project_file is not None and Path(project_file).is_file():
        origin = str(project_file)
        try:
            extra = _parse(read_text(project_file, root=root), origin)
        except UnicodeDecodeError as exc:
            raise ConfigError(f"not UTF-8: {exc.reason}", path=origin, offset=exc.start) from exc
        data = merge(data, extra)
    return compile_rules(data, origin)


def _parse(text: str, origin: str) -> dict[str, Any]:
    return parse_yaml_mapping(text, origin=origin)


def merge(base: Any, extra: Any) -> Any:
    """Lists are concatenated, mappings merged recursively, other values replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def compile_rules(data: dict[str, Any], origin: str = DEFAULT_RULES) -> Rules:
    """Build :class:`Rules` from a parsed (merged) rules mapping."""
    get = _Getter(data, origin)
    boilerplate = tuple(
        (str(kind), pattern)
        for kind, patterns in get.mapping("boilerplate").items()
        for pattern in get.patterns(f"boilerplate.{kind}", patterns)
    )
    structure = get.mapping("structure")
    pull = get.mapping("pull_quote")
    captions = get.mapping("captions")
    index = get.mapping("index")
    months = {str(k).lower(): int(v) for k, v in get.mapping("months").items()}
    return Rules(
        boilerplate=boilerplate,
        trailer=get.patterns("trailer", data.get("trailer", [])),
        metadata=get.patterns("metadata", data.get("metadata", [])),
        months=months,
        caption_label=get.pattern("captions.caption_label", captions.get("caption_label", "$^")),
        credit=get.patterns("captions.credit", captions.get("credit", [])),
        attribution=get.patterns("attribution", data.get("attribution", [])),
        kicker=get.pattern("kicker", data.get("kicker", "$^")),
        heading_max_words=get.number("structure.heading_max_words", structure, 14),
        heading_max_chars=get.number("structure.heading_max_chars", structure, 120),
        wrap_width=get.number("structure.wrap_width", structure, 100),
        pull_quote_threshold=float(get.number("pull_quote.threshold", pull, 0.75)),
        pull_quote_max_sentences=get.number("pull_quote.max_sentences", pull, 2),
        pull_quote_max_chars=get.number("pull_quote.max_chars", pull, 400),
        pull_quote_distance=get.number("pull_quote.distance", pull, 8),
        fact_words=frozenset(str(w).casefold() for w in pull.get("fact_words") or []) | set(months),
        index_title=str(index.get("title", "Artikel")),
        source_label=str(index.get("source_label", "Quelle")),
    )


class _Getter:
    """Typed access to the rules mapping with errors naming the file and key."""

    def __init__(self, data: dict[str, Any], origin: str) -> None:
        self.data = data
        self.origin = origin

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.data.get(key) or {}
        if not isinstance(value, dict):
            raise ConfigError(f"rules key {key!r} must be a mapping", path=self.origin)
        return value

    def pattern(self, key: str, source: Any) -> re.Pattern[str]:
        if not isinstance(source, str):
            raise ConfigError(f"rules key {key!r}: pattern must be a string", path=self.origin)
        try:
            return re.compile(source, re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(
                f"rules key {key!r}: bad pattern {source!r}: {exc}", path=self.origin
            ) from exc

    def patterns(self, key: str, sources: Any) -> tuple[re.Pattern[str], ...]:
        if isinstance(sources, str):
            sources = [sources]
        if not isinstance(sources, list):
            raise ConfigError(f"rules key {key!r} must be a list of patterns", path=self.origin)
        return tuple(self.pattern(key, source) for source in sources)

    def number(self, key: str, mapping: dict[str, Any], default: float) -> Any:
        value = mapping.get(key.rsplit(".", 1)[-1], default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"rules key {key!r} must be a number", path=self.origin)
        return value

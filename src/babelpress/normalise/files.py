"""Normalising a whole project: ``seeds/*.txt`` to ``docs/de/<slug>.md``.

Contract of :func:`normalise_all`:

* Reads ``seeds/rules.yml`` (extra rules), ``seeds/meta.yml`` (editorial metadata) and
  ``seeds/corrections.yml`` (editors' corrections of the seeds' text); errors in them
  are :class:`ConfigError` and stop the run.  A correction that no longer matches its
  seed, or names no seed, is a warning naming the file and the entry's line.
* Every ``seeds/*.txt`` is decoded and normalised on its own: a file that cannot be
  decoded is recorded as an error in the report and the others are still processed.
* A slug is never one of the names of the pages the site generates
  (:data:`babelpress.project.GENERATED_NAMES`: the front page and the archive are
  made by the site from the articles' front matter, not by normalise), a language's
  code (``en``: the English site's folder) or a name MkDocs gives a meaning of its own
  (``README``), in any case (:func:`babelpress.project.reserved_slugs`).
* Writes go through :func:`~babelpress.fsutil.atomic_write` (nothing written when the
  content is unchanged), so a second run writes nothing.
* ``seeds/.normalised.json`` records the sha256 of every file as generated.  A file whose
  bytes no longer match that record (or that exists but was never generated) was edited
  by hand: it is not overwritten, unless ``force``.  With ``check``, nothing is written
  and the report says what would change.

:func:`explain_seeds` normalises without writing anything, for ``--explain``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babelpress import project
from babelpress.config import Settings, parse_yaml_mapping
from babelpress.errors import BabelpressError, ConfigError, InputError
from babelpress.fsutil import atomic_write, read_bytes, read_text
from babelpress.normalise.article import Article, Removal
from babelpress.normalise.corrections import (
    CORRECTIONS_FILE,
    Correction,
    for_seed,
    load_corrections,
    stale,
)
from babelpress.normalise.decode import decode
from babelpress.normalise.normaliser import normalise_text
from babelpress.normalise.rules import PROJECT_RULES, load_rules
from babelpress.normalise.text import is_safe_slug
from babelpress.normalise.verify import rendering_problems

META_FILE = "meta.yml"
MANIFEST_FILE = ".normalised.json"

#: outcomes of one output file
WRITTEN, UNCHANGED, HAND_EDITED, WOULD_WRITE = "written", "unchanged", "hand-edited", "would write"


@dataclass
class FileResult:
    """What happened to one generated file."""

    path: str
    status: str
    seed: str | None = None
    notes: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    #: the normalised article of a seed (for the summary and --explain)
    article: Article | None = None


@dataclass
class Report:
    """Outcome of :func:`normalise_all`."""

    results: list[FileResult] = field(default_factory=list)
    errors: list[BabelpressError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(r.status in (WRITTEN, WOULD_WRITE) for r in self.results)

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)


def normalise_all(settings: Settings, *, force: bool = False, check: bool = False) -> Report:
    """Normalise every seed of the project (see the module docstring)."""
    inputs = _Inputs(settings)
    report = Report(warnings=list(inputs.warnings))
    seeds = settings.seeds_path
    manifest = Manifest(seeds / MANIFEST_FILE, settings.root)
    earlier = _earlier_pages(settings, manifest)
    articles = _normalise_seeds(inputs, inputs.sources, report, earlier)
    writer = _Writer(settings, manifest, report, force=force, check=check)
    for article, result in articles:
        writer.put(settings.source_docs_path / f"{article.slug}.md", article.to_markdown(), result)
    report.errors.extend(_left_behind(settings, earlier, articles))
    if manifest.dirty:
        status = WOULD_WRITE if check else WRITTEN
        report.results.append(FileResult(_rel(manifest.path, settings.root), status))
    if not check:
        manifest.save()
    return report


def explain_seeds(settings: Settings, seed: str | None = None) -> Report:
    """Normalise every seed (or the one named *seed*) without writing anything."""
    inputs = _Inputs(settings)
    sources = inputs.sources
    if seed is not None:
        name = Path(seed).name
        name = name if name.endswith(".txt") else f"{name}.txt"
        sources = [p for p in sources if p.name == name]
        if not sources:
            folder = _rel(settings.seeds_path, settings.root)
            raise InputError(f"no seed named {name!r}", path=folder)
    report = Report(warnings=list(inputs.warnings))
    for _, result in _normalise_seeds(inputs, sources, report, {}):
        report.results.append(result)
    return report


class _Inputs:
    """What every run reads besides the seeds: rules, meta.yml, corrections.yml."""

    def __init__(self, settings: Settings) -> None:
        seeds = settings.seeds_path
        if not seeds.is_dir():
            raise InputError("no seeds folder", path=seeds)
        self.settings = settings
        self.rules = load_rules(seeds / PROJECT_RULES, root=settings.root)
        self.meta = load_meta(seeds / META_FILE, root=settings.root)
        self.corrections_shown = _rel(seeds / CORRECTIONS_FILE, settings.root)
        self.corrections = load_corrections(
            seeds / CORRECTIONS_FILE, self.corrections_shown, root=settings.root
        )
        self.sources = sorted(seeds.glob("*.txt"))
        names = {p.name for p in self.sources}
        self.warnings = [
            f"{_rel(seeds / META_FILE, settings.root)}: no seed named {name!r}"
            for name in sorted(set(self.meta) - names)
        ]
        self.warnings.extend(
            f"{self.corrections_shown}:{c.entry}: no seed named {c.seed!r}"
            for c in self.corrections
            if c.seed not in names
        )

    def stale_warnings(
        self, seed: str, corrections: list[Correction], article: Article
    ) -> list[str]:
        return [
            f"{self.corrections_shown}:{c.entry}: correction for {seed} no longer matches: "
            f"{c.wrong!r} is not in the seed (corrected there, or the text changed); "
            "update or remove the entry"
            for c in stale(corrections, article.corrected)
        ]


def _normalise_seeds(
    inputs: _Inputs, sources: list[Path], report: Report, earlier: dict[str, str]
) -> list[tuple[Article, FileResult]]:
    """The articles of *sources*, each with its slug (*earlier*: the slug each seed's page
    had, kept when the article's slug still leads to it)."""
    settings = inputs.settings
    articles: list[tuple[Article, FileResult]] = []
    for source in sources:
        if not source.name.isprintable():
            # bytes that are not UTF-8 (read as surrogates) or control characters: printed,
            # they would drive the terminal or break the page's front matter
            report.errors.append(InputError(
                "refused: the file name holds control characters or bytes that are not "
                "UTF-8; rename the seed",
                path=f"{_rel(source.parent, settings.root)}/{_escaped(source.name)}",
            ))  # fmt: skip
            continue
        shown = _rel(source, settings.root)
        try:
            decoded = decode(read_bytes(source, root=settings.root), shown)
        except InputError as exc:
            report.errors.append(exc)
            continue
        except OSError as exc:
            report.errors.append(InputError(f"cannot read: {exc.strerror or exc}", path=shown))
            continue
        corrections = for_seed(inputs.corrections, source.name)
        article = normalise_text(
            decoded.text,
            seed=source.name,
            meta=inputs.meta.get(source.name) or {},
            rules=inputs.rules,
            lang=settings.source_language,
            corrections=corrections,
        )
        report.warnings.extend(inputs.stale_warnings(source.name, corrections, article))
        result = FileResult(
            "", "", seed=shown, notes=decoded.notes, removed=article.removed, article=article
        )
        result.warnings.extend(article.warnings)
        result.warnings.extend(f"markdown check: {p}" for p in rendering_problems(article))
        articles.append((article, result))
    _assign_slugs(articles, earlier, project.reserved_slugs(settings))
    return articles


def _escaped(name: str) -> str:
    """*name* with every character that is not printable written as ``\\uXXXX``."""
    return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in name)


def _assign_slugs(
    articles: list[tuple[Article, FileResult]], earlier: dict[str, str], reserved: frozenset[str]
) -> None:
    """One slug a page: a seed whose slug is taken (or *reserved*, compared case-folded)
    gets ``<slug>-2``, ``-3``…; a seed keeps the numbered slug its page had, so that
    removing another seed does not move its page (and publish it a second time under
    the new name)."""
    taken: set[str] = set()
    kept: dict[int, str] = {}
    for index, (article, _) in enumerate(articles):
        had = earlier.get(str(article.meta.get("seed")))
        if (
            had
            and had not in taken
            and had.casefold() not in reserved
            and _numbered(had, article.slug)
        ):
            kept[index] = had
            taken.add(had)
    for index, (article, result) in enumerate(articles):
        base = article.slug
        slug, number = kept.get(index, base), 2
        while index not in kept and (slug in taken or slug.casefold() in reserved):
            slug, number = f"{base}-{number}", number + 1
        if slug != base:
            result.warnings.append(
                f"slug {base!r} is taken; using {slug!r} (set 'slug:' in meta.yml)"
            )
            article.meta["slug"] = slug
        taken.add(slug)


def _numbered(slug: str, base: str) -> bool:
    """*slug* is *base* or *base* with a number (``base-3``)."""
    return slug == base or (slug.startswith(f"{base}-") and slug[len(base) + 1 :].isdigit())


#: the ``seed:`` line of a generated page's front matter
_SEED_LINE = re.compile(r"^seed: *(?P<q>['\"]?)(?P<name>.+?)(?P=q) *$", re.MULTILINE)


def _earlier_pages(settings: Settings, manifest: Manifest) -> dict[str, str]:
    """The slug of the page each seed had when normalise last wrote it: the German pages
    in the manifest, by the ``seed:`` of their front matter."""
    folder = _rel(settings.source_docs_path, settings.root)
    found: dict[str, str] = {}
    for key in sorted(manifest.hashes):
        path = Path(key)
        if path.parent.as_posix() != folder or path.suffix != ".md":
            continue
        try:
            text = read_text(settings.root / path, root=settings.root)
        except (OSError, UnicodeDecodeError, BabelpressError):
            continue  # gone or unreadable: nothing to keep
        head = text.split("\n---", 1)[0] if text.startswith("---") else ""
        match = _SEED_LINE.search(head)
        if match:
            found.setdefault(match.group("name"), path.stem)
    return found


def _left_behind(
    settings: Settings, earlier: dict[str, str], articles: list[tuple[Article, FileResult]]
) -> list[InputError]:
    """A page written from a seed before that now writes another page: both would be
    published, one of them with the translations of neither."""
    errors = []
    for article, result in articles:
        seed = str(article.meta.get("seed"))
        had = earlier.get(seed)
        old = settings.source_docs_path / f"{had}.md"
        if had and had != article.slug and old.exists():
            errors.append(InputError(
                f"written from {seed} before, which now writes {result.path}: the article "
                f"would be published twice; delete this page (rename its catalogues to keep "
                f"their translations) or set 'slug: {had}' for {seed} in seeds/meta.yml",
                path=_rel(old, settings.root),
            ))  # fmt: skip
    return errors


class _Writer:
    """Writes generated files, honouring hand edits, --force and --check."""

    def __init__(
        self, settings: Settings, manifest: Manifest, report: Report, *, force: bool, check: bool
    ) -> None:
        self.root = settings.root
        self.manifest = manifest
        self.report = report
        self.force = force
        self.check = check

    def put(self, path: Path, content: str, result: FileResult) -> None:
        result.path = _rel(path, self.root)
        data = content.encode("utf-8")
        result.status = self._status(path, data, result.path)
        if result.status == WRITTEN:
            if self.check:
                result.status = WOULD_WRITE
            else:
                atomic_write(path, data, root=self.root)
        if result.status in (WRITTEN, UNCHANGED):
            self.manifest.record(result.path, data)
        self.report.results.append(result)

    def _status(self, path: Path, data: bytes, key: str) -> str:
        try:
            existing = read_bytes(path, root=self.root)
        except FileNotFoundError:
            return WRITTEN
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=key) from exc
        if existing == data:
            return UNCHANGED
        if self.force or self.manifest.get(key) == _sha256(existing):
            return WRITTEN
        return HAND_EDITED


class Manifest:
    """``seeds/.normalised.json``: sha256 of each generated file, by project-relative path."""

    def __init__(self, path: Path, root: Path) -> None:
        self.path = path
        self.root = root
        self.hashes: dict[str, str] = self._load()
        self.original = dict(self.hashes)

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(read_text(self.path, root=self.root))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError) as exc:  # json recurses per level
            raise ConfigError(f"unreadable manifest: {exc}", path=self.path) from exc
        files = data.get("files") if isinstance(data, dict) else None
        if not isinstance(files, dict):
            raise ConfigError("manifest has no 'files' mapping", path=self.path)
        return {str(k): str(v) for k, v in files.items()}

    def get(self, key: str) -> str | None:
        return self.hashes.get(key)

    def record(self, key: str, data: bytes) -> None:
        self.hashes[key] = _sha256(data)

    @property
    def dirty(self) -> bool:
        return self.hashes != self.original

    def save(self) -> None:
        current = {k: v for k, v in self.hashes.items() if (self.root / k).exists()}
        text = json.dumps({"files": current}, indent=2, sort_keys=True, ensure_ascii=False)
        atomic_write(self.path, text + "\n", root=self.root)


def load_meta(path: Path, *, root: Path | None = None) -> dict[str, dict[str, Any]]:
    """``seeds/meta.yml``: seed file name -> fields (empty if missing; confined to *root*)."""
    try:
        text = read_text(path, root=root)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=path) from exc
    data = parse_yaml_mapping(text, origin=path)
    meta: dict[str, dict[str, Any]] = {}
    for name, fields in data.items():
        if fields is not None and not isinstance(fields, dict):
            raise ConfigError(f"entry {name!r} must be a mapping of fields", path=path)
        meta[str(name)] = dict(fields or {})
        _check_slug(meta[str(name)].get("slug"), str(name), text, path)
    return meta


def _check_slug(slug: Any, name: str, text: str, path: Path) -> None:
    """A slug becomes ``docs/de/<slug>.md`` and a URL: it must be one safe file name."""
    if slug is None or slug == "":
        return
    if isinstance(slug, (str, int)) and not isinstance(slug, bool) and is_safe_slug(str(slug)):
        return
    raise ConfigError(
        f"{name!r}: 'slug' must be a file name of letters, digits, '-' and '_' "
        "(no '/', '.' or spaces)",
        path=path,
        line=_value_line(text, name, "slug"),
    )


def _value_line(text: str, name: str, key: str) -> int | None:
    """The line of ``name: {key: value}`` in the YAML *text* (None if not found)."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    for outer, fields in getattr(root, "value", []):
        if getattr(outer, "value", None) != name or not isinstance(fields, yaml.MappingNode):
            continue
        for inner, value in fields.value:
            if getattr(inner, "value", None) == key:
                return int(value.start_mark.line) + 1
    return None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

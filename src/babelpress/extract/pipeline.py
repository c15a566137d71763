"""One ``babelpress extract`` run over the whole site, and what it reports.

:func:`extract` (the step's entry point) runs :func:`run`, which visits every
page of the project (:func:`babelpress.project.pages`) in order and, for each page whose
Markdown or catalogues changed since the last run, rebuilds the template and
merges it into each language's catalogue (:mod:`babelpress.extract.template`,
:mod:`babelpress.po.merge`).  Its promises:

1. nothing is written unless its content changes, every write is atomic, and
   the run holds :func:`babelpress.project.lock` (a ``--check`` run
   writes nothing and takes no lock);
2. a catalogue that cannot be read is reported with file and line and never
   overwritten; the other catalogues are still processed;
3. a write that fails (read-only ``locale/``, full disk) ends the run at once;
   temporary files a killed run left behind are removed at the start;
4. catalogues of pages that no longer exist are kept and listed in the report;
   the site's own words (:mod:`babelpress.wordlist`) are one more template and
   catalogue per language, ``_site`` (:data:`babelpress.project.SITE_WORDS`),
   merged the same way, so their translations are kept like any page's;
5. skipping is cheap: ``locale/.babelpress-extract.json`` remembers, per output
   file, a fingerprint of its page (and of the code and settings that made it)
   and the file's size and modification time.  When all agree, the page is not
   even parsed.  Deleting that file is always safe;
6. a new sentence looks for a reviewed translation on the other pages only when
   its own page has none, through :mod:`babelpress.extract.memory_index` (catalogues
   unchanged since the last run are not parsed again), as they were when the run
   started;
7. an empty entry for a name of the byline or a photo credit whose whole German is a
   glossary spelling gets the glossary's rendering (:mod:`babelpress.extract.names`);
   the glossary is part of every page's fingerprint.
8. a run with many pages to do parses, templates and merges them in worker
   processes, one per core (:mod:`babelpress.extract.pagework`); this process
   writes, in page order, holding the lock, exactly what a run in one process
   writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib

from babelpress import project, wordlist
from babelpress.config import Settings
from babelpress.errors import BabelpressError, CatalogError, InputError
from babelpress.extract import memory_index, pagework
from babelpress.extract import template as catalog
from babelpress.extract.memory_index import MemoryIndex
from babelpress.fsutil import (
    OutsideProject,
    atomic_write,
    confined,
    folders_remembered,
    read_bytes,
    read_text,
)
from babelpress.glossary import Glossary, load_glossary
from babelpress.markdown import stored
from babelpress.po.file import read_po
from babelpress.po.format import format_po
from babelpress.po.merge import TranslationMemory, merge

STATE_NAME = ".babelpress-extract.json"
#: pages to do from which a run uses worker processes (starting them costs ~0.1 s)
PARALLEL_FROM = 24
STATE_VERSION = 1


@dataclass
class Report:
    """What an extract run did (or, with ``check``, would do)."""

    check: bool = False
    pages: int = 0
    #: pages whose catalogues were up to date without parsing the page
    skipped: int = 0
    written: list[Path] = field(default_factory=list)
    #: with ``check``: catalogues that are out of date
    stale: list[Path] = field(default_factory=list)
    unchanged: int = 0
    #: catalogues of pages that no longer exist (kept)
    orphans: list[Path] = field(default_factory=list)
    errors: list[BabelpressError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not (self.check and self.stale)


def run(
    settings: Settings,
    *,
    check: bool = False,
    languages: Sequence[str] | None = None,
    jobs: int | None = None,
) -> Report:
    """Extract every page (see the module docstring); *jobs* worker processes at most."""
    lock: AbstractContextManager[Any] = (
        nullcontext() if check else project.lock(settings)
    )
    with lock:
        if not check:
            remove_leftovers(settings)
        with folders_remembered():
            return _Run(settings, list(languages or settings.languages), check, jobs).execute()


#: a temporary file of an interrupted :func:`~babelpress.fsutil.atomic_write` of a catalogue
_LEFTOVER = re.compile(r"^\..+\.(po|pot|json)\.[A-Za-z0-9_]+\.tmp$")


def remove_leftovers(settings: Settings) -> list[Path]:
    """Delete temporary files that a killed run left under ``locale/`` (call with the lock)."""
    removed: list[Path] = []
    locale = settings.locale_path
    if not locale.is_dir():
        return removed
    for path in sorted(locale.rglob(".*.tmp")):
        if _LEFTOVER.match(path.name) and path.is_file():
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise BabelpressError(f"cannot remove: {exc.strerror or exc}", path=path) from exc
            removed.append(path)
    return removed


class _State:
    """Fingerprints of the files the last run wrote or found up to date."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.path = settings.locale_path / STATE_NAME
        self.old: dict[str, list[Any]] = {}
        try:
            data = json.loads(read_text(self.path, root=settings.root))
            if data.get("version") == STATE_VERSION:
                self.old = dict(data.get("files", {}))
        except (OSError, ValueError, AttributeError, RecursionError, OutsideProject):
            pass  # a state that cannot be read is rebuilt
        self.new = dict(self.old)

    def _name(self, path: Path) -> str:
        return path.relative_to(self.settings.root).as_posix()

    def fresh(self, path: Path, fingerprint: str) -> bool:
        record = self.old.get(self._name(path))
        try:
            stat = path.stat()
        except OSError:
            return False
        return record == [fingerprint, stat.st_size, stat.st_mtime_ns]

    def record(self, path: Path, fingerprint: str) -> None:
        stat = path.stat()
        self.new[self._name(path)] = [fingerprint, stat.st_size, stat.st_mtime_ns]

    def save(self) -> None:
        files = {name: record for name, record in sorted(self.new.items())
                 if (self.settings.root / name).exists()}  # fmt: skip
        data = {"version": STATE_VERSION, "files": files}
        atomic_write(self.path, json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                     durable=False, root=self.settings.root)  # lost or damaged: a full run


def _code_fingerprint(settings: Settings) -> str:
    """Everything besides the page that shapes a catalogue: code, versions, settings."""
    import babel

    from babelpress._version import __version__

    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.read_bytes())
    for value in (
        STATE_VERSION, __version__, babel.__version__, polib.__version__,
        settings.unit, settings.project, settings.bugs_address, settings.copyright_holder,
        settings.source_language, settings.docs_dir,
    ):  # fmt: skip
        digest.update(repr(value).encode("utf-8"))
    return digest.hexdigest()


class _Run:
    def __init__(
        self, settings: Settings, languages: list[str], check: bool, jobs: int | None
    ) -> None:
        self.settings = settings
        self.languages = languages
        self.check = check
        self.jobs = pagework.default_jobs() if jobs is None else max(1, jobs)
        self.report = Report(check=check)
        self.state = _State(settings)
        self.code = _code_fingerprint(settings)
        self.date = catalog.now()  # one date for every template this run makes
        self.memories: dict[str, TranslationMemory] = {}
        self.indexes: dict[str, MemoryIndex] = {}
        self.glossary, glossary_bytes = _glossary(settings)
        # walks signed with another secret are not read: the pages are walked again
        self.signer = stored.signer()
        self.code = hashlib.sha256(
            self.code.encode() + glossary_bytes + self.signer.encode()
        ).hexdigest()

    def execute(self) -> Report:
        pages = project.pages(self.settings)
        self.report.pages = len(pages)
        tasks = [task for page in pages if (task := self.task(page.slug, page.source))]
        for done in self.work(tasks):
            self.apply(done)
        self.site_words()
        self.report.orphans = self.orphans({page.slug for page in pages})
        if not self.check:
            self.forget_walks({page.slug for page in pages})
            self.state.save()
            for index in self.indexes.values():
                index.save()
        return self.report

    # ---------------------------------------------------------------- pages
    def task(self, slug: str, path: Path) -> pagework.PageTask | None:
        """The page's work if its files are out of date (None: up to date, or unreadable)."""
        try:
            source = read_bytes(path, root=self.settings.root)
        except OSError as exc:
            self.report.errors.append(InputError(f"cannot read: {exc.strerror}", path=path))
            return None
        except OutsideProject as exc:
            self.report.errors.append(exc)
            return None
        fingerprint = hashlib.sha256(self.code.encode() + source).hexdigest()
        if all(self.state.fresh(output, fingerprint) for output in self.outputs(slug)):
            self.report.skipped += 1
            return None
        return pagework.PageTask(slug, path, fingerprint)

    def outputs(self, slug: str) -> list[Path]:
        """The files a page's run writes: its catalogues, and its walk where one is kept."""
        paths = [project.pot_path(self.settings, slug)]
        paths += [project.po_path(self.settings, lang, slug) for lang in self.languages]
        return [*paths, project.parsed_path(self.settings, slug)] if self.signer else paths

    def work(self, tasks: list[pagework.PageTask]) -> Iterator[pagework.PageDone]:
        """Each task's result, in order: in worker processes when there is much to do.

        In one process each page is worked after the one before it was written; the
        memory is loaded when a page first needs it, as the run started (see
        :mod:`babelpress.extract.memory_index`).  Worker processes get the memory
        loaded before anything is written.
        """
        if self.jobs > 1 and len(tasks) >= PARALLEL_FROM:
            memories = {}
            for language in self.languages:
                memories[language] = memory = TranslationMemory()
                self.index(language).fill(memory)
            yield from pagework.extract_pages(
                tasks, self.settings, self.languages, self.date, memories, self.jobs,
                self.glossary,
            )  # fmt: skip
            return
        for task in tasks:
            yield pagework.extract_page(
                task, self.settings, self.languages, self.date, self.memory, self.glossary
            )


    # ---------------------------------------------------------- site's words
    def site_words(self) -> None:
        """The template and catalogues of the site's own words (like a page's, in this
        process: one small domain; the memory of pages' text is not fed from it)."""
        settings, slug = self.settings, project.SITE_WORDS
        try:
            words = wordlist.words()
        except InputError as exc:
            self.report.errors.append(exc)
            return
        fingerprint = hashlib.sha256(self.code.encode() + wordlist.data()).hexdigest()
        outputs = [project.pot_path(settings, slug)]
        outputs += [project.po_path(settings, language, slug) for language in self.languages]
        if all(self.state.fresh(output, fingerprint) for output in outputs):
            self.report.unchanged += len(outputs)
            return
        self.catalogues(
            lambda date: catalog.build_words_template(words, settings, date=date),
            outputs,
            fingerprint,
        )

    def catalogues(
        self, build: Callable[[str | None], polib.POFile], outputs: list[Path], fingerprint: str
    ) -> None:
        """Write the template *build* makes to ``outputs[0]``, merge it into the others."""
        try:
            template = self.template(build, outputs[0], fingerprint)
        except OutsideProject as exc:
            self.report.errors.append(exc)
            return
        date = template.metadata.get("POT-Creation-Date") or catalog.now()
        for language, output in zip(self.languages, outputs[1:], strict=True):
            self.catalogue(template, language, output, fingerprint, date)

    def template(
        self, build: Callable[[str | None], polib.POFile], path: Path, fingerprint: str
    ) -> polib.POFile:
        old = None
        if path.exists():
            try:
                old = read_po(path, root=self.settings.root)
            except CatalogError:
                old = None  # a template is generated: a broken one is simply made anew
        template, text = catalog.stable_template(build, old)
        self.output(path, text, fingerprint)
        return template

    def catalogue(
        self, template: polib.POFile, language: str, path: Path, fingerprint: str, date: str
    ) -> None:
        old = None
        if path.exists():
            try:
                old = read_po(path, root=self.settings.root)
            except (CatalogError, OutsideProject) as exc:
                self.report.errors.append(exc)  # reported, never overwritten
                return
        merged = merge(
            template,
            old,
            language=language,
            memory=self.memory(language),
            new_header=catalog.language_header(self.settings, language, date),
        )
        try:
            self.output(path, format_po(merged), fingerprint)
        except OutsideProject as exc:
            self.report.errors.append(exc)

    def apply(self, done: pagework.PageDone) -> None:
        """Write (or, with ``check``, compare) what :func:`extract_page` made of a page."""
        self.report.errors.extend(done.errors)
        if done.walked is not None and not self.check:
            self.keep_walk(done.task.slug, done.walked, done.task.fingerprint)
        for output in done.outputs:
            try:
                written = self.output(output.path, output.text, done.task.fingerprint)
            except OutsideProject as exc:
                self.report.errors.append(exc)
                continue
            if output.language is None or output.pairs is None or self.check:
                continue
            index = self.index(output.language)
            if written:
                index.replaced(output.path, output.before)
            index.record(output.path, output.pairs)

    def keep_walk(self, slug: str, text: str, fingerprint: str) -> None:
        """Keep what walking the page found for rendering (a cache: not reported, and not
        flushed to the disk: a file cut short by a crash is parsed again)."""
        path = project.parsed_path(self.settings, slug)
        try:
            atomic_write(path, text, durable=False, root=self.settings.root)
        except BabelpressError as exc:  # a folder leading outside, a full disk
            self.report.errors.append(exc)
            return
        self.state.record(path, fingerprint)

    def forget_walks(self, slugs: set[str]) -> None:
        """Remove what was kept of pages that are gone."""
        folder = project.parsed_folder(self.settings)
        for slug, path in project.files_under(folder, ".json"):
            if slug in slugs:
                continue
            with contextlib.suppress(OSError, OutsideProject):
                # a folder linked elsewhere is not the project's to clear
                confined(path, self.settings.root).unlink()

    def output(self, path: Path, text: str, fingerprint: str) -> bool:
        """Write *text* to *path* if it differs; whether it was (or, checking, would be)."""
        if self.check:
            try:
                current = read_bytes(path, root=self.settings.root)
            except OSError:
                current = None
            if current != text.encode("utf-8"):
                self.report.stale.append(path)
                return True
            self.report.unchanged += 1
            return False
        written = atomic_write(path, text, root=self.settings.root)
        if written:
            self.report.written.append(path)
        else:
            self.report.unchanged += 1
        self.state.record(path, fingerprint)
        return written

    # ---------------------------------------------------------------- helpers
    def memory(self, language: str) -> TranslationMemory:
        """Reviewed translations of every page in *language* (read once, when first needed)."""
        if language not in self.memories:
            self.memories[language] = TranslationMemory(loader=self.index(language).fill)
        return self.memories[language]

    def index(self, language: str) -> MemoryIndex:
        if language not in self.indexes:
            self.indexes[language] = MemoryIndex(
                memory_index.index_path(self.settings.locale_path, language),
                project.catalogue_folder(self.settings, language),
                self.settings.source_docs_path.relative_to(self.settings.root).as_posix(),
                self.settings.root,
            )
        return self.indexes[language]

    def orphans(self, slugs: set[str]) -> list[Path]:
        kept = slugs | {project.SITE_WORDS}
        found = [path for slug, path in project.templates(self.settings) if slug not in kept]
        for language in self.languages:
            found += [
                path
                for slug, path in project.catalogues(self.settings, language)
                if slug not in kept
            ]
        return found


def _glossary(settings: Settings) -> tuple[Glossary, bytes]:
    """The glossary and its bytes (a missing file: empty); a broken one is an error."""
    path = settings.glossary_path
    try:
        data = read_bytes(path, root=settings.root)
    except FileNotFoundError:
        return Glossary(), b""
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    return load_glossary(path, root=settings.root), data


def extract(
    settings: Settings,
    *,
    check: bool = False,
    languages: Sequence[str] | None = None,
    jobs: int | None = None,
) -> Report:
    """Update every template and catalogue (or, with *check*, only tell which are stale).

    *jobs*: worker processes for a run with many pages to do (default: one per core;
    1: all in this process).  The files written are the same either way.
    """
    return run(settings, check=check, languages=languages, jobs=jobs)

"""Fill empty catalogue entries with machine drafts, for human review.

:func:`translate_catalogues` is what ``babelpress translate`` runs.  For each chosen
language it reads every ``locale/<lang>/LC_MESSAGES/*.po`` and fills each entry whose
msgstr is empty (not obsolete, not the header, not plural), and only those:

1. A non-empty msgstr is never changed and ``fuzzy`` is never removed.  A draft is
   marked ``fuzzy`` with the translator comment ``Machine translation (<provider>,
   <date>), not reviewed``.
2. Identical msgids are translated once per language, whichever catalogues they are
   in; answers already in the translation memory (:mod:`.memory`) are not sent again.
3. What is sent has its markup replaced by tokens (:mod:`.protect`), surrounding
   whitespace removed (and put back); the answer is post-edited to the glossary
   (:mod:`.glossary`) and restored.  A draft whose tokens came back broken is kept,
   with a ``babelpress-placeholders: ...`` translator comment for the editor.
4. Texts go out in batches of at most ``settings.batch_chars`` characters.  After
   every batch the new answers go to the memory's journal (flushed to the disk), and
   each catalogue whose last missing text was answered is written, atomically and
   under the catalogue lock; at the end (or when the provider fails, or on Ctrl-C)
   every other touched catalogue is written too.  So each catalogue and the memory
   file are written about once per run, which keeps a run linear in the size of the
   archive (a sentence shared by many pages would otherwise rewrite them all after
   every batch), and a killed run loses at most the batch in flight: the next run
   takes the journal's answers from the memory without sending them again.  (The
   offline ``pseudo`` provider keeps no memory: its drafts of unfinished catalogues
   are simply made again.)
5. A provider that fails (after retries) ends the run with one message that says
   how far it got: ``could not reach google: ...; nothing was changed`` or
   ``...; 12 of 80 segments translated, saved``.
6. ``dry_run`` reads only and reports what would be sent; ``limit`` caps the number
   of segments sent in this run (memory answers do not count).
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babelpress.config import Settings
from babelpress.errors import ProviderError
from babelpress.translate.batches import Unit, collect_units, make_batches
from babelpress.translate.glossary import Glossary, load_glossary, post_edit
from babelpress.translate.memory import TranslationMemory
from babelpress.translate.protect import restore
from babelpress.translate.providers import Provider, make_provider

COMMENT = "Machine translation ({provider}, {date}), not reviewed"
PLACEHOLDER_CHECK = "babelpress-placeholders"


@dataclass
class LanguageReport:
    """What happened (or would happen) for one language."""

    language: str
    provider: str
    #: distinct texts sent to the provider and answered, and their characters
    segments_sent: int = 0
    chars_sent: int = 0
    #: distinct texts answered by the translation memory
    from_cache: int = 0
    #: catalogue entries that received a draft, and those flagged for broken markup
    drafts: int = 0
    flagged: int = 0
    #: the texts this run sends (dry run: would send), in order
    planned: list[str] = field(default_factory=list)
    #: texts left for a later run by ``limit``; texts too long for the provider
    deferred: int = 0
    too_long: int = 0


@dataclass
class Report:
    provider: str
    dry_run: bool
    languages: list[LanguageReport] = field(default_factory=list)
    files_written: int = 0

    @property
    def segments_sent(self) -> int:
        return sum(r.segments_sent for r in self.languages)


@dataclass
class _Language:
    """One language's catalogues, units and memory while a run goes on."""

    code: str
    catalogues: list[tuple[Path, Any]]
    units: list[Unit]
    memory: TranslationMemory | None
    report: LanguageReport
    to_send: list[Unit] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)
    #: per catalogue, the texts still to be answered before its drafts are complete
    waiting: dict[int, int] = field(default_factory=dict)

    def plan_sent(self, unit: Unit) -> None:
        self.to_send.append(unit)
        for index in {index for index, _ in unit.entries}:
            self.waiting[index] = self.waiting.get(index, 0) + 1

    def answered(self, unit: Unit) -> None:
        for index in {index for index, _ in unit.entries}:
            self.waiting[index] -= 1

    def complete(self, index: int) -> bool:
        return not self.waiting.get(index)


def translate_catalogues(
    settings: Settings,
    *,
    languages: Sequence[str] | None = None,
    provider: str | Provider | None = None,
    url: str | None = None,
    dry_run: bool = False,
    limit: int | None = None,
    progress: bool | None = None,
    today: datetime.date | None = None,
) -> Report:
    """Draft every empty msgstr of *languages*; see the module docstring."""
    from babelpress.catalog import catalogue_lock

    engine = _provider(settings, provider, url)
    report = Report(engine.name, dry_run)
    lock: AbstractContextManager[Any] = nullcontext() if dry_run else catalogue_lock(settings)
    with lock:
        glossary = load_glossary(settings.glossary_path)
        work = [_prepare(settings, code, engine) for code in (languages or settings.languages)]
        _plan(work, engine, limit)
        report.languages = [w.report for w in work]
        if dry_run:
            return report
        run = _Run(settings, engine, glossary, report, today or datetime.date.today())
        run.execute(work, progress)
    return report


def _provider(settings: Settings, provider: str | Provider | None, url: str | None) -> Provider:
    if isinstance(provider, Provider):
        return provider
    name = provider or settings.provider
    if url is None and name == settings.provider:
        url = settings.provider_url  # the configured URL belongs to the configured provider
    return make_provider(name, source=settings.source_language, url=url)


def _prepare(settings: Settings, code: str, engine: Provider) -> _Language:
    from babelpress.pofile import read_po

    folder = settings.locale_path / code / "LC_MESSAGES"
    catalogues = [(path, read_po(path)) for path in sorted(folder.glob("*.po"))]
    memory = None
    if engine.cacheable:
        memory = TranslationMemory(
            settings.locale_path, engine.name, settings.source_language, code
        )
    units = collect_units(catalogues)
    return _Language(code, catalogues, units, memory, LanguageReport(code, engine.name))


def _plan(work: list[_Language], engine: Provider, limit: int | None) -> None:
    """Split units into memory answers and texts to send (within *limit*)."""
    budget = limit if limit is not None else -1
    for language in work:
        for unit in language.units:
            if language.memory is not None and language.memory.get(unit.core) is not None:
                language.report.from_cache += 1
            elif len(unit.core) > engine.max_chars:
                language.report.too_long += 1
            elif budget == 0:
                language.report.deferred += 1
            else:
                budget -= 1
                language.plan_sent(unit)
        language.report.planned = [u.core for u in language.to_send]


class _Run:
    """Sending, filling and saving, batch by batch."""

    def __init__(
        self,
        settings: Settings,
        engine: Provider,
        glossary: Glossary,
        report: Report,
        today: datetime.date,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.glossary = glossary
        self.report = report
        self.comment = COMMENT.format(provider=engine.name, date=today.isoformat())
        self.sent = 0
        self.planned = 0

    def execute(self, work: list[_Language], progress: bool | None) -> None:
        self.planned = sum(len(w.to_send) for w in work)
        for language in work:
            self._fill_from_memory(language)
            self._save(language)
        if self.planned:
            self._guard(self.engine.ready)
        with _progress_bar(self.planned, progress) as advance:
            for language in work:
                self._send(language, advance)
                self._save(language, final=True)

    def _fill_from_memory(self, language: _Language) -> None:
        if language.memory is None:
            return
        for unit in language.units:
            answer = language.memory.get(unit.core)
            if answer is not None:
                self._fill(language, unit, answer)

    def _send(self, language: _Language, advance: Callable[[int], None]) -> None:
        limit = self.settings.batch_chars
        for batch in make_batches(language.to_send, limit, self.engine.batch_items):
            try:
                answers = self.engine.translate([u.core for u in batch], language.code)
                for unit, answer in zip(batch, answers, strict=False):
                    self._answered(language, unit, answer)
                    advance(1)
            except ProviderError as exc:
                self._save(language, final=True)
                raise self._stopped(exc) from None
            except BaseException:
                self._save(language, final=True)  # Ctrl-C: keep what was answered
                raise
            self._save(language)

    def _answered(self, language: _Language, unit: Unit, answer: str) -> None:
        language.answered(unit)
        self.sent += 1
        language.report.segments_sent += 1
        language.report.chars_sent += len(unit.core)
        if language.memory is not None:
            language.memory.put(unit.core, answer)
        self._fill(language, unit, answer)

    def _fill(self, language: _Language, unit: Unit, answer: str) -> None:
        edited = post_edit(answer, unit.msgid, language.code, self.glossary)
        restored = restore(edited, unit.protected)
        draft = unit.lead + restored.text.strip() + unit.trail
        comments = [self.comment]
        if restored.problems:
            comments.append(f"{PLACEHOLDER_CHECK}: " + "; ".join(restored.problems))
        for index, entry in unit.entries:
            if entry.msgstr:  # a person got there first: never overwrite
                continue
            entry.msgstr = draft
            if "fuzzy" not in entry.flags:
                entry.flags.insert(0, "fuzzy")  # first, as GNU gettext writes it
            entry.tcomment = _add_lines(entry.tcomment, comments)
            language.touched.add(index)
            language.report.drafts += 1
            language.report.flagged += bool(restored.problems)

    def _save(self, language: _Language, *, final: bool = False) -> None:
        """The memory (its journal after a batch, the whole file when *final*), then
        the catalogues whose drafts are complete (every touched one when *final*)."""
        from babelpress.pofile import write_po

        if language.memory is not None:
            if final:
                language.memory.save()
            else:
                language.memory.checkpoint()
        ready = sorted(i for i in language.touched if final or language.complete(i))
        for index in ready:
            path, po = language.catalogues[index]
            self.report.files_written += bool(write_po(po, path))
        language.touched.difference_update(ready)

    def _guard(self, call: Callable[[], None]) -> None:
        try:
            call()
        except ProviderError as exc:
            raise self._stopped(exc) from None

    def _stopped(self, exc: ProviderError) -> ProviderError:
        if self.sent:
            done = f"{self.sent} of {self.planned} segments translated, saved"
        elif self.report.files_written:
            done = "drafts from the translation memory saved, nothing was sent"
        else:
            done = "nothing was changed"
        return ProviderError(f"{exc.message}; {done}")


def _add_lines(comment: str | None, lines: list[str]) -> str:
    existing = (comment or "").splitlines()
    return "\n".join(existing + [line for line in lines if line not in existing])


def _progress_bar(total: int, wanted: bool | None) -> AbstractContextManager[Callable[[int], None]]:
    show = sys.stderr.isatty() if wanted is None else wanted
    if not show or total < 2:
        return nullcontext(lambda _n: None)
    return _RichBar(total)


class _RichBar:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self._progress = Progress(console=Console(stderr=True), transient=True)
        self._total = total

    def __enter__(self) -> Callable[[int], None]:
        self._progress.start()
        task = self._progress.add_task("translating", total=self._total)
        return lambda n: self._progress.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

"""Fill empty catalogue entries with machine drafts, for human review.

:func:`translate_catalogues` is what ``babelpress translate`` runs.  For each chosen
language it reads every ``locale/<lang>/LC_MESSAGES/*.po`` and fills each entry whose
msgstr is empty (not obsolete, not the header), and only those.  An entry with plural
forms gets the draft of its ``msgid`` as the first form and that of its
``msgid_plural`` as every other form (a draft for an editor to inflect):

1. A non-empty msgstr is never changed and ``fuzzy`` is never removed.  A draft is
   marked ``fuzzy`` with the translator comment ``Machine translation (<provider>,
   <date>), not reviewed``.
2. Identical msgids are translated once per language, whichever catalogues they are
   in; answers already in the MT answer cache (:mod:`.answer_cache`) are not sent again.
3. What is sent has its markup replaced by tokens (:mod:`.protect`), surrounding
   whitespace removed (and put back); the answer is post-edited to the glossary
   (:mod:`.glossary`) and restored.  A draft whose tokens came back broken is kept,
   with a ``babelpress-placeholders: ...`` translator comment for the editor.
4. Catalogues are streamed, not held: each is read once to plan the run (one
   whose drafts all come from the memory is filled and written there and then),
   and the others are read again, filled and written as soon as the last text they
   wait for is answered -- so the editor's latest save is what a draft goes into,
   and a run keeps only the index of distinct texts in memory, whatever the size
   of the archive.  Texts go out in batches of at most ``settings.batch_chars``
   characters; after every batch the new answers go to the memory's journal
   (flushed to the disk).  At the end (or when the provider fails, or on Ctrl-C)
   every catalogue still waiting is written with the drafts there are.  So each
   catalogue and the memory file are written about once per run, which keeps a run
   linear in the size of the archive (a sentence shared by many pages would
   otherwise rewrite them all after every batch), and a killed run loses at most
   the batch in flight: the next run takes the journal's answers from the memory
   without sending them again.  (The offline ``pseudo`` provider keeps no memory:
   its drafts of unfinished catalogues are simply made again.)
5. A provider that fails (after retries) ends the run with one message that says
   how far it got: ``could not reach google: ...; nothing was changed`` or
   ``...; 12 of 80 segments translated, saved``.  An answer :mod:`.answers`
   refuses (a lone surrogate, a control character, a configured API key) is
   neither cached nor drafted, and
   :attr:`LanguageReport.refused` says which text it was and why; the other texts
   go on.
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

import polib

from babelpress import project
from babelpress.config import Settings
from babelpress.errors import ProviderError, excerpt
from babelpress.glossary import Glossary, load_glossary, post_edit
from babelpress.po.file import read_po, write_po
from babelpress.po.provenance import MACHINE_COMMENT
from babelpress.translate.answer_cache import AnswerCache
from babelpress.translate.answers import refusal
from babelpress.translate.batches import Unit, UnitIndex, make_batches, needs_draft, sources
from babelpress.translate.protect import restore
from babelpress.translate.providers import Provider, make_provider

COMMENT = MACHINE_COMMENT
PLACEHOLDER_CHECK = "babelpress-placeholders"


@dataclass
class LanguageReport:
    """What happened (or would happen) for one language."""

    language: str
    provider: str
    #: distinct texts sent to the provider and answered, and their characters
    segments_sent: int = 0
    chars_sent: int = 0
    #: distinct texts answered by the MT answer cache
    from_cache: int = 0
    #: catalogue entries that received a draft, and those flagged for broken markup
    drafts: int = 0
    flagged: int = 0
    #: the texts this run sends (dry run: would send), in order
    planned: list[str] = field(default_factory=list)
    #: texts left for a later run by ``limit``; texts too long for the provider
    deferred: int = 0
    too_long: int = 0
    #: answers refused (:func:`.answers.refusal`): "<German text>: <reason>", once each
    refused: list[str] = field(default_factory=list)


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
    """One language while a run goes on: its units and which catalogues wait for what.

    Catalogues are not kept: each is read once to plan, and read again (fresh, so an
    edit made meanwhile is respected) when its drafts are ready to be written.
    """

    code: str
    paths: list[Path]
    index: UnitIndex
    memory: AnswerCache | None
    report: LanguageReport
    to_send: list[Unit] = field(default_factory=list)
    #: per catalogue still to be written, the texts it waits for from the provider
    waiting: dict[int, int] = field(default_factory=dict)
    #: answers of this run when there is no memory (the ``pseudo`` provider)
    answers: dict[str, str] = field(default_factory=dict)

    def answer(self, unit: Unit) -> str | None:
        if self.memory is not None:
            return self.memory.get(unit.core)
        return self.answers.get(unit.core)


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
    engine = _provider(settings, provider, url)
    report = Report(engine.name, dry_run)
    lock: AbstractContextManager[Any] = nullcontext() if dry_run else project.lock(settings)
    with lock:
        run = _Run(settings, engine, report, today or datetime.date.today(), dry_run, limit)
        work = [run.plan(code) for code in (languages or settings.languages)]
        report.languages = [w.report for w in work]
        if not dry_run:
            run.execute(work, progress)
    return report


def _provider(settings: Settings, provider: str | Provider | None, url: str | None) -> Provider:
    if isinstance(provider, Provider):
        return provider
    name = provider or settings.provider
    if url is None and name == settings.provider:
        url = settings.provider_url  # the configured URL belongs to the configured provider
    return make_provider(name, source=settings.source_language, url=url)


class _Run:
    """Planning, sending, filling and saving, catalogue by catalogue and batch by batch."""

    def __init__(
        self,
        settings: Settings,
        engine: Provider,
        report: Report,
        today: datetime.date,
        dry_run: bool,
        limit: int | None,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.glossary: Glossary = load_glossary(settings.glossary_path, root=settings.root)
        self.report = report
        self.dry_run = dry_run
        self.comment = COMMENT.format(provider=engine.name, date=today.isoformat())
        #: answers holding one of these are refused (every configured API key)
        self.secrets = engine.secrets
        self.sent = 0
        self.planned = 0
        #: texts this run may still send (``limit``, shared by the languages; -1: no limit)
        self.budget = limit if limit is not None else -1

    def plan(self, code: str) -> _Language:
        """Read the language's catalogues one by one: which texts come from the memory,
        which are sent (within the budget); a catalogue that needs nothing from the
        provider is completed and written at once."""
        memory = None
        if self.engine.cacheable:
            memory = AnswerCache(
                self.settings.locale_path,
                self.engine.name,
                self.settings.source_language,
                code,
                root=self.settings.root,
            )
        paths = [path for _, path in project.catalogues(self.settings, code)]
        language = _Language(
            code, paths, UnitIndex(), memory, LanguageReport(code, self.engine.name)
        )
        for number, path in enumerate(language.paths):
            po = read_po(path, root=self.settings.root)
            needed, new = language.index.add(number, po)
            for unit in new:
                self._classify(language, unit)
            waiting = sum(unit.sent for unit in needed)
            if waiting:
                language.waiting[number] = waiting
            elif needed and not self.dry_run and self._fill(language, po):
                self.report.files_written += bool(write_po(po, path, root=self.settings.root))
        language.report.planned = [u.core for u in language.to_send]
        return language

    def _classify(self, language: _Language, unit: Unit) -> None:
        report = language.report
        if language.memory is not None and language.memory.get(unit.core) is not None:
            report.from_cache += 1
        elif len(unit.core) > self.engine.max_chars:
            report.too_long += 1
        elif self.budget == 0:
            report.deferred += 1
        else:
            self.budget -= 1
            unit.sent = True
            language.to_send.append(unit)

    def execute(self, work: list[_Language], progress: bool | None) -> None:
        self.planned = sum(len(w.to_send) for w in work)
        if self.planned:
            self._guard(self.engine.ready)
        with _progress_bar(self.planned, progress) as advance:
            for language in work:
                self._send(language, advance)
                self._save(language, final=True)

    def _send(self, language: _Language, advance: Callable[[int], None]) -> None:
        limit = self.settings.batch_chars
        for batch in make_batches(language.to_send, limit, self.engine.batch_items):
            try:
                answers = self.engine.translate([u.core for u in batch], language.code)
                done: list[int] = []
                for unit, answer in zip(batch, answers, strict=False):
                    done.extend(self._answered(language, unit, answer))
                    advance(1)
            except ProviderError as exc:
                self._save(language, final=True)
                raise self._stopped(exc) from None
            except BaseException:
                self._save(language, final=True)  # Ctrl-C: keep what was answered
                raise
            self._save(language, done)

    def _answered(self, language: _Language, unit: Unit, answer: str) -> list[int]:
        """Record *answer*; the catalogues that now have every draft they wait for."""
        self.sent += 1
        language.report.segments_sent += 1
        language.report.chars_sent += len(unit.core)
        if self._refused(language, unit, answer):
            pass  # neither cached nor drafted: the catalogues get the other drafts
        elif language.memory is not None:
            language.memory.put(unit.core, answer)
        else:
            language.answers[unit.core] = answer
        complete = []
        for number in unit.catalogues:
            left = language.waiting.get(number)
            if left is not None:
                language.waiting[number] = left - 1
                if left == 1:
                    complete.append(number)
        return complete

    def _fill(self, language: _Language, po: polib.POFile) -> bool:
        """Put the drafts there are into *po*'s empty entries; whether any went in."""
        filled = False
        for entry in po:
            if not needs_draft(entry):
                continue  # a person got there first: never overwrite
            units = [self._drafted(language, text) for text in sources(entry)]
            ready = [unit for unit in units if unit is not None]
            if len(ready) < len(units):
                continue  # not answered, or added since the catalogue was planned
            _put(entry, [unit.draft or "" for unit in ready])
            if "fuzzy" not in entry.flags:
                entry.flags.insert(0, "fuzzy")  # first, as GNU gettext writes it
            comments = [self.comment]
            problems = [problem for unit in ready for problem in unit.problems]
            if problems:
                comments.append(f"{PLACEHOLDER_CHECK}: " + "; ".join(problems))
            entry.tcomment = _add_lines(entry.tcomment, comments)
            language.report.drafts += 1
            language.report.flagged += bool(problems)
            filled = True
        return filled

    def _drafted(self, language: _Language, text: str) -> Unit | None:
        """The unit of *text* with its draft made, or None when there is no answer yet."""
        unit = language.index.get(text)
        if unit is None:
            return None
        if unit.draft is None:
            answer = language.answer(unit)
            if answer is None or self._refused(language, unit, answer):
                return None
            self._make_draft(language, unit, answer)
        return unit

    def _refused(self, language: _Language, unit: Unit, answer: str) -> bool:
        """Whether *answer* is refused (and reported, once per text)."""
        reason = refusal(answer, self.secrets, unit.core)
        if reason is None:
            return False
        if not unit.refused:
            unit.refused = True
            language.report.refused.append(f"{excerpt(unit.msgid, 60)!r}: {reason}")
        return True

    def _make_draft(self, language: _Language, unit: Unit, answer: str) -> None:
        edited = post_edit(answer, unit.msgid, language.code, self.glossary)
        restored = restore(edited, unit.protected)
        unit.draft = unit.lead + restored.text.strip() + unit.trail
        unit.problems = list(restored.problems)

    def _save(self, language: _Language, ready: Sequence[int] = (), *, final: bool = False) -> None:
        """The memory (its journal after a batch, the whole file when *final*), then the
        catalogues *ready* (every catalogue still waiting when *final*): each read
        again, filled with the drafts there are, written."""
        if language.memory is not None:
            if final:
                language.memory.save()
            else:
                language.memory.checkpoint()
        numbers = sorted(language.waiting) if final else ready
        for number in numbers:
            del language.waiting[number]
            path = language.paths[number]
            po = read_po(path, root=self.settings.root)
            if self._fill(language, po):
                self.report.files_written += bool(write_po(po, path, root=self.settings.root))

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


def _put(entry: polib.POEntry, drafts: list[str]) -> None:
    """The drafts into *entry*: msgstr, or the singular's and the plural's into the forms."""
    if not entry.msgid_plural:
        entry.msgstr = drafts[0]
        return
    forms = max(2, len(entry.msgstr_plural or {}))
    entry.msgstr_plural = {index: drafts[min(index, 1)] for index in range(forms)}


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

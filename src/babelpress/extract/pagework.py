"""One page's share of an extract run: parse, template, merge, format -- read only.

:func:`extract_page` reads the German page and its old template and catalogues,
and returns the text each of them should now have (:class:`PageDone`); it writes
nothing.  The run (:mod:`babelpress.extract.pipeline`) writes, in page order,
holding the lock.  So the same function serves a run in one process and the
worker processes of a parallel run, and both write the same bytes:

1. everything a page's files depend on is passed in: the settings, the languages,
   the run's date (one for the whole run: a new template is dated when the run
   started) and the translation memory of each language;
2. the translation memory holds the reviewed translations of every catalogue as
   they were when the run started (:mod:`babelpress.extract.memory_index`), never
   what the run wrote since, so no page depends on which pages went before it;
3. errors are returned, not raised: a catalogue that cannot be read is reported
   and its page's other files are still made.

:func:`extract_pages` runs :func:`extract_page` over many pages in worker
processes (``concurrent.futures``), and yields the results in page order.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import polib

from babelpress import project
from babelpress.config import Settings
from babelpress.errors import BabelpressError, CatalogError, InputError
from babelpress.extract import template as catalog
from babelpress.extract.names import prefill_names
from babelpress.fsutil import OutsideProject, folders_remembered
from babelpress.glossary import Glossary
from babelpress.po.file import read_po
from babelpress.po.format import format_po
from babelpress.po.merge import TranslationMemory, merge, reviewed_pairs

Pairs = list[tuple[str, str]]


@dataclass(frozen=True)
class PageTask:
    """A page whose template or catalogues are out of date."""

    slug: str
    source: Path
    fingerprint: str


@dataclass(frozen=True)
class Output:
    """The new text of one template or catalogue."""

    path: Path
    text: str
    #: the catalogue's language (None: the template)
    language: str | None = None
    #: catalogues: the reviewed (msgid, msgstr) pairs of the new text
    pairs: Pairs | None = None
    #: catalogues: the reviewed pairs of the file as it was (None: there was none)
    before: Pairs | None = None


@dataclass
class PageDone:
    """What :func:`extract_page` made of one page."""

    task: PageTask
    outputs: list[Output] = field(default_factory=list)
    errors: list[BabelpressError] = field(default_factory=list)
    #: what walking the page found, for rendering (:mod:`babelpress.markdown.stored`)
    walked: str | None = None


def extract_page(
    task: PageTask,
    settings: Settings,
    languages: Sequence[str],
    date: str,
    memory: Callable[[str], TranslationMemory],
    glossary: Glossary,
) -> PageDone:
    """The template and catalogues of *task*'s page (see the module docstring)."""
    done = PageDone(task)
    try:
        doc, done.walked = catalog.parse_page(settings, task.slug, task.source)
    except InputError as exc:
        done.errors.append(exc)
        return done
    path = project.pot_path(settings, task.slug)
    try:
        old_template = _old_template(path, settings.root)
    except OutsideProject as exc:
        done.errors.append(exc)
        return done
    template, text = catalog.template_and_text(doc, settings, old_template, date=date)
    done.outputs.append(Output(path, text))
    header_date = template.metadata.get("POT-Creation-Date") or date
    for language in languages:
        path = project.po_path(settings, language, task.slug)
        try:
            old = read_po(path, root=settings.root) if path.exists() else None
        except (CatalogError, OutsideProject) as exc:
            done.errors.append(exc)  # reported, never overwritten
            continue
        merged = merge(
            template,
            old,
            language=language,
            memory=memory(language),
            new_header=catalog.language_header(settings, language, header_date),
        )
        prefill_names(merged, language, glossary)
        before = reviewed_pairs(old) if old is not None else None
        done.outputs.append(
            Output(path, format_po(merged), language, reviewed_pairs(merged), before)
        )
    return done


def _old_template(path: Path, root: Path) -> polib.POFile | None:
    if not path.exists():
        return None
    try:
        return read_po(path, root=root)
    except CatalogError:
        return None  # a template is generated: a broken one is simply made anew


# ------------------------------------------------------------------ in parallel
def default_jobs() -> int:
    """Worker processes for a parallel run: one per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def extract_pages(
    tasks: Sequence[PageTask],
    settings: Settings,
    languages: Sequence[str],
    date: str,
    memories: Mapping[str, TranslationMemory],
    jobs: int,
    glossary: Glossary,
) -> Iterator[PageDone]:
    """:func:`extract_page` of every task in *jobs* worker processes, in task order.

    *memories* must be complete (no loader): the workers get a copy each.
    """
    entries = {language: dict(memory.entries) for language, memory in memories.items()}
    size = max(1, min(16, len(tasks) // (jobs * 8)))
    chunks = iter([tasks[start : start + size] for start in range(0, len(tasks), size)])
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker,
        initargs=(os.getpid(), settings, tuple(languages), date, entries, glossary),
    ) as pool:
        # a few chunks ahead of the writing, not the whole archive: results that wait
        # for the writer are held in memory
        pending = deque(pool.submit(_work, chunk) for chunk in islice(chunks, jobs * 3))
        while pending:
            done = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_work, following))
            yield from done


_WORKER: dict[str, object] = {}


def _start_worker(
    parent: int,
    settings: Settings,
    languages: tuple[str, ...],
    date: str,
    entries: dict[str, dict[str, tuple[str, str]]],
    glossary: Glossary,
) -> None:
    memories = {language: TranslationMemory(entries=entries.get(language, {}))
                for language in languages}
    _WORKER.update(
        settings=settings, languages=languages, date=date, memories=memories, glossary=glossary
    )
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    """End this worker when the run that started it is gone (killed, say).

    A worker waiting for work, or to hand a result over, would otherwise wait
    forever: its siblings keep the queues' pipes open.  *parent* is the run's process
    id as the run knew it, not ``os.getppid()`` read here: a run killed between the
    fork and this worker's start leaves the worker already orphaned, and its parent
    then is ``init``, which never goes away.
    """
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(tasks: Sequence[PageTask]) -> list[PageDone]:
    memories: dict[str, TranslationMemory] = _WORKER["memories"]  # type: ignore[assignment]
    with folders_remembered():
        return [
            extract_page(
                task,
                _WORKER["settings"],  # type: ignore[arg-type]
                _WORKER["languages"],  # type: ignore[arg-type]
                str(_WORKER["date"]),
                memories.__getitem__,
                _WORKER["glossary"],  # type: ignore[arg-type]
            )
            for task in tasks
        ]

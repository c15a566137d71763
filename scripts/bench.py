"""Benchmark babelpress on a synthetic archive of N German articles, against its peers.

Usage::

    python scripts/bench.py --docs 100 --json bench-100.json
    python scripts/bench.py --docs 1000 --json bench-1000.json --compare bench-100.json

The corpus (see ``bench_corpus.py``) is made from the normalised German articles
of the project, in a temporary copy of the project (mkdocs.yml, theme overrides,
docs/de, the glossary).  Measured, each as the median of ``--repeat`` runs with
its spread:

* ``extract_cold_s``, ``extract_noop_s``, ``extract_one_changed_s``: ``extract``
  called in this process with no catalogues / nothing changed / one sentence of
  one article edited;
* ``peak_rss_mb``: peak resident memory of a separate process running a cold
  ``extract`` (``baseline_rss_mb``: the same process after its imports;
  ``worker_peak_rss_mb``: the largest of its worker processes);
* ``translate_peak_rss_mb``: peak resident memory of a separate process running
  ``translate`` with the offline ``pseudo`` provider over the fresh catalogues of
  every language (``translate_baseline_rss_mb``: after its imports); the
  catalogues are put back as they were before the counted runs below;
* ``mt_chars_sent`` / ``mt_chars_unique`` / ``mt_rerun_chars_sent``: ``translate``
  run twice, counting every text handed to the ``pseudo`` provider (``--mt pseudo``)
  or received by a loopback LibreTranslate server (``--mt libre``), compared with
  the distinct untranslated msgids of the catalogues (see ``bench_mt.py``);
* ``render_s``: ``render`` in this process into empty docs/<lang> (in-process
  steps start each run with babelpress's in-memory caches emptied, as a command
  starts in a new process);
  ``render_peak_rss_mb``: peak resident memory of a separate process doing the same
  (``render_baseline_rss_mb``: after its imports);
* ``pipeline_build_s`` and ``mkdocs_plain_s``: ``mkdocs build`` as a child
  process, with the babelpress plugin (docs/<lang> and the render cache removed
  first, so the plugin renders every page) and without it (a copy of the project
  with mkdocs.yml less the plugin, over the same rendered files and the listing
  pages the plugin generates, written as files), the two at the
  same time, one per core, so that both meet the same load; ``pipeline_build_warm_s``:
  with the plugin again, pages already rendered (a rebuild), beside another plain
  build; builds of thousands of pages are slow, so ``--builds`` is 1 for large
  corpora by default.  These builds find the templates compiled by the benchmark's
  earlier builds in a user cache folder of its own (as on any machine after
  babelpress's first build there) and the walks of the pages ``extract`` kept;
  ``pipeline_build_new_machine_s`` is one more first build with neither
  (``mkdocs_plain_new_machine_s``: the plain build beside it);
* ``pipeline_build_peak_rss_mb``, ``mkdocs_plain_peak_rss_mb``, ...: the largest peak
  resident memory (``VmHWM``) of those builds;
* ``pipeline_build_hooks_s``, ``pipeline_build_warm_hooks_s``: of those builds, the
  time spent inside the babelpress plugin's event handlers (rendering included), timed
  in the child around each handler -- the plugin's own cost, without the noise of
  comparing two separate builds;
* ``serve_ready_s``, ``preview_po_edit_s``, ``preview_md_edit_s``,
  ``preview_builds_per_save``: the live preview through a real ``mkdocs serve`` on
  127.0.0.1 with live reload on, ``--edits`` saves of a catalogue and of a German
  page, each timed from the save until the served page shows it (see
  ``bench_serve.py``);
* ``translate_toolkit_md2po_s``, ``mdpo_md2po_s``: the peers, each timed inside
  its own child process over the same German Markdown (Translate Toolkit: one PO
  per page; mdpo: its glob mode, one PO for all pages, which is quadratic in the
  number of entries, hence a time limit).

The targets are checked at the end; ``--compare`` adds the scaling checks
against a run with another N.  Exit code 0 when every checked target is met.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import bench_checks  # noqa: E402
import bench_corpus  # noqa: E402
import bench_mt  # noqa: E402
import bench_proc  # noqa: E402
import bench_serve  # noqa: E402

#: what a run measures, in this order (``--steps``)
STEPS = ("extract", "mt", "render", "builds", "preview", "peers")
#: pairs of builds at a small N: on a shared machine one pair in three or four is an
#: outlier (one build with 20 per cent more user time than its twin), and the median
#: of three pairs moved from 1.16x to 1.26x between runs of the same code
SMALL_BUILDS = 7

#: a step run alone in a child process for its peak memory: (import, call) of each step
PROBES = {
    "extract": ("from babelpress.extract.pipeline import extract", "extract(settings)"),
    "render": ("from babelpress.render.all_pages import render_all", "render_all(settings)"),
    "translate": ("from babelpress.translate.prefill import translate_catalogues",
                  'translate_catalogues(settings, provider="pseudo", progress=False)'),
}

PROBE_CHILD = """
from babelpress import config
{imports}
settings = config.load(".")
baseline = _rss()
start, start_cpu = time.perf_counter(), time.process_time()
{call}
import resource
# the largest worker process (extract's), as the kernel counts it: forked from this
# small process, so not inflated by a large parent
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
report(time.perf_counter() - start, time.process_time() - start_cpu, baseline_rss_mb=baseline,
       worker_peak_rss_mb=workers)
"""

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True, metavar="N", help="articles")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures here")
    parser.add_argument("--repeat", type=int, default=3, metavar="R", help="runs per figure")
    parser.add_argument(
        "--builds", type=int, default=None, metavar="B",
        help=f"mkdocs builds per figure (default: {SMALL_BUILDS} up to 200 articles, else 1)",
    )
    parser.add_argument("--skip-peers", action="store_true", help="do not run the peers")
    parser.add_argument(
        "--steps", default=",".join(STEPS), metavar="LIST",
        help=f"steps to measure, of {','.join(STEPS)} (extract always runs: the others "
             "need its catalogues; builds and preview show mt's drafts when it ran)",
    )
    parser.add_argument("--cold-only", action="store_true",
                        help="builds: only the first build with the plugin (and its plain build)")
    parser.add_argument("--edits", type=int, default=5, metavar="E",
                        help="saves of each kind timed in the live preview (0: no preview)")
    parser.add_argument(
        "--peer-timeout", type=float, default=150.0, metavar="S",
        help="time limit of one peer run (mdpo is quadratic)",
    )
    parser.add_argument(
        "--mt", choices=("pseudo", "libre"), default="pseudo",
        help="count MT at the pseudo provider (fast) or at a loopback LibreTranslate server",
    )
    parser.add_argument("--compare", type=Path, metavar="PATH", help="JSON of a run with other N")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build the project here, keep it")
    parser.add_argument("--quiet", action="store_true", help="no table")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.repeat < 1:
        parser.error("--docs and --repeat must be at least 1")
    if args.builds is None:
        args.builds = max(args.repeat, SMALL_BUILDS) if args.docs <= 200 else 1
    args.steps = [step.strip() for step in args.steps.split(",") if step.strip()]
    unknown = set(args.steps) - set(STEPS)
    if unknown:
        parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
    return args


class Figures:
    """The measured values: medians under their key, every run under ``runs``."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.runs: dict[str, list[float]] = {}

    def timed(self, key: str, runs: int, step: Callable[[], object],
              before: Callable[[int], object] | None = None) -> None:
        """Wall time under *key*, CPU time under ``<key without _s>_cpu_s``: this
        process's and that of the worker processes the step started and ended."""
        times, cpu = [], []
        for number in range(runs):
            if before:
                before(number)
            forget_caches()
            start, start_cpu = time.perf_counter(), cpu_time()
            step()
            times.append(time.perf_counter() - start)
            cpu.append(cpu_time() - start_cpu)
        self.add_runs(key, times, cpu)

    def add_runs(self, key: str, times: list[float], cpu: list[float] | None = None) -> None:
        self.runs[key] = [round(t, 4) for t in times]
        self.values[key] = round(statistics.median(times), 4) if times else None
        if cpu is not None:
            cpu_key = cpu_name(key)
            self.runs[cpu_key] = [round(t, 4) for t in cpu]
            self.values[cpu_key] = round(statistics.median(cpu), 4) if cpu else None


def forget_caches() -> None:
    """Empty babelpress's in-memory caches (``functools``'), as a new process has them.

    Each command runs in a process of its own, but the benchmark repeats a step in
    its own process: the second run would find what the first one cached.  At
    N = 100 every translation's checks fit the checks' cache, at N = 1000 they do
    not, so the render looked faster at N = 100 than a real run is.
    """
    for name, module in list(sys.modules.items()):
        if name != "babelpress" and not name.startswith("babelpress."):
            continue
        for value in list(vars(module).values()):
            members = vars(value).values() if isinstance(value, type) else ()
            for item in (value, *members):
                if callable(getattr(item, "cache_clear", None)) and hasattr(item, "cache_info"):
                    item.cache_clear()


def compile_package() -> None:
    """Byte-compile babelpress, as installing a package does.

    An editable install has no ``__pycache__`` until a run writes one, and with
    ``PYTHONDONTWRITEBYTECODE`` set none is ever written: every child process would
    then compile babelpress's modules from source, a cost an installed copy never
    pays (MkDocs and the theme, installed by pip, come compiled).
    """
    import compileall

    import babelpress

    compileall.compile_dir(Path(babelpress.__file__).parent, quiet=1)


def cpu_time() -> float:
    """CPU seconds of this process and of its children that have ended."""
    children = os.times()  # in clock ticks: fine for children, too coarse for this process
    return time.process_time() + children.children_user + children.children_system


def cpu_name(key: str) -> str:
    return key[: -len("_s")] + "_cpu_s"


def machine() -> dict[str, Any]:
    model = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gb": round(pages / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def source_pages(repo: Path, scratch: Path) -> Path:
    """docs/de of the checkout; normalised afresh from the seeds if it has no articles."""
    docs = repo / "docs" / "de"
    if docs.is_dir() and any("seed:" in p.read_text(encoding="utf-8") for p in docs.glob("*.md")):
        return docs
    from babelpress import config
    from babelpress.normalise import normalise_all

    shutil.copy2(repo / "mkdocs.yml", scratch / "mkdocs.yml")
    shutil.copytree(repo / "seeds", scratch / "seeds")
    normalise_all(config.load(scratch), force=True)
    return scratch / "docs" / "de"


def discard(path: Path, trash: Path) -> None:
    """Move *path* into the folder *trash* (deleted when the benchmark ends).

    Deleting thousands of files makes the next thousands of file creations on the
    same ext4 file system several times slower for a few seconds (measured: 3000
    creations 0.2 s in a fresh folder, 1.5–2 s right after removing 3000 files).
    A cold run in real use starts from a fresh checkout, so the benchmark moves
    what it clears out of the way instead of deleting it before the next timed step.
    """
    if not path.exists():
        return
    target = trash / str(next(_DISCARDED))
    target.mkdir(parents=True)
    os.replace(path, target / path.name)


_DISCARDED = itertools.count()


def trash_of(settings: Any) -> Path:
    return Path(settings.root).parent / "trash"


def clear_catalogues(settings: Any) -> None:
    """Remove every catalogue and cache under locale/ (the glossary stays)."""
    for entry in settings.locale_path.iterdir():
        if entry != settings.glossary_path:
            discard(entry, trash_of(settings))


def clear_rendered(settings: Any, site: bool = True) -> None:
    """No rendered pages, no render cache (and no site): the first build after a checkout."""
    from babelpress import project

    for language in settings.languages:
        discard(project.rendered_folder(settings, language), trash_of(settings))
    for cache in settings.locale_path.glob(".babelpress-render*"):
        discard(cache, trash_of(settings))
    if site:
        discard(settings.root / "site", trash_of(settings))


def snapshot(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def corpus_stats(settings: Any) -> dict[str, Any]:
    pages = list(settings.source_docs_path.rglob("*.md"))
    size = sum(p.stat().st_size for p in pages)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in pages)
    return {"pages": len(pages), "bytes": size, "words": words}


class Bench:
    """One benchmark run over a project at *root*."""

    def __init__(self, args: argparse.Namespace, root: Path) -> None:
        self.args = args
        self.root = root
        self.fig = Figures()
        self.notes: list[str] = []

    def log(self, message: str) -> None:
        if not self.args.quiet:
            print(f"[bench] {message}", file=sys.stderr, flush=True)

    # ------------------------------------------------------------- set-up
    def prepare(self) -> Any:
        from babelpress import config

        repo_settings = config.load(REPO)
        scratch = self.root.parent / "normalised"
        scratch.mkdir(parents=True, exist_ok=True)
        pool = bench_corpus.read_articles(source_pages(REPO, scratch))
        bench_corpus.copy_project(
            REPO, self.root, repo_settings.languages, repo_settings.source_language
        )
        settings = config.load(self.root)
        settings.locale_path.mkdir(parents=True, exist_ok=True)
        self.slugs = bench_corpus.write_corpus(
            pool, settings.source_docs_path, self.args.docs, self.args.seed
        )
        self.fig.values["corpus"] = corpus_stats(settings)
        self.log(f"corpus: {self.fig.values['corpus']} in {self.root}")
        return settings

    def memory_probe(self, step: str, prefix: str) -> dict[str, object]:
        """Run *step* alone in a child process: ``<prefix>peak_rss_mb`` and
        ``<prefix>baseline_rss_mb`` (after its imports); the child's report."""
        self.log(f"{step}: memory probe in a child process")
        imports, call = PROBES[step]
        probe = bench_proc.run_python(PROBE_CHILD.format(imports=imports, call=call), self.root)
        assert probe is not None
        for key, name in (("maxrss_mb", "peak_rss_mb"), ("baseline_rss_mb", "baseline_rss_mb")):
            self.fig.values[prefix + name] = round(float(probe[key]), 1)  # type: ignore[arg-type]
        workers = float(probe.get("worker_peak_rss_mb") or 0)  # type: ignore[arg-type]
        if workers:
            self.fig.values[prefix + "worker_peak_rss_mb"] = round(workers, 1)
        return probe

    # ------------------------------------------------------------ extract
    def extract(self, settings: Any) -> None:
        from babelpress.extract.pipeline import extract

        repeat = self.args.repeat
        probe = self.memory_probe("extract", "")
        self.fig.values["extract_cold_child_s"] = round(float(probe["seconds"]), 4)  # type: ignore[arg-type]
        self.log("extract: cold")
        self.fig.timed("extract_cold_s", repeat, lambda: extract(settings),
                       before=lambda _: clear_catalogues(settings))
        before = snapshot(settings.locale_path)
        self.log("extract: no-op")
        self.fig.timed("extract_noop_s", repeat, lambda: extract(settings))
        after = snapshot(settings.locale_path)
        written = sorted(
            {k for k, v in after.items() if before.get(k) != v} | (set(before) - set(after))
        )
        self.fig.values["extract_noop_files_written"] = len(written)
        if written:
            self.notes.append(f"no-op extract wrote or removed: {', '.join(written[:5])}")
        page = settings.source_docs_path / f"{self.slugs[0]}.md"
        self.log("extract: one sentence changed")
        self.fig.timed("extract_one_changed_s", repeat, lambda: extract(settings),
                       before=lambda n: bench_corpus.edit_one_sentence(page, n + 1))
        self.fig.values["catalogues"] = bench_mt.catalogue_stats(settings)

    # ----------------------------------------------------------------- MT
    def machine_translation(self, settings: Any) -> None:
        untranslated = trash_of(settings) / "untranslated-locale"
        shutil.copytree(settings.locale_path, untranslated)
        self.memory_probe("translate", "translate_")
        discard(settings.locale_path, trash_of(settings))
        os.replace(untranslated, settings.locale_path)
        self.log(f"translate ({self.args.mt}): first run and rerun")
        self.fig.values.update(bench_mt.measure(settings, self.args.mt))

    # ------------------------------------------------------------- render
    def render(self, settings: Any) -> None:
        from babelpress.render.all_pages import render_all

        clear_rendered(settings, site=False)
        self.memory_probe("render", "render_")
        self.log("render")
        self.fig.timed("render_s", self.args.repeat, lambda: render_all(settings),
                       before=lambda _: clear_rendered(settings, site=False))

    # ------------------------------------------------------------- builds
    def mkdocs(self, config_file: str) -> list[str]:
        return bench_proc.mkdocs_timing_plugin("build", "-q", "-f", config_file, "-d", "site")

    def pair(
        self, plugin_config: str, plain_root: Path, plain_config: str,
        env: dict[str, str] | None = None,
    ) -> tuple[bench_proc.Timed, bench_proc.Timed]:
        """A build with the plugin (in the environment *env*) and a plain build of the
        same pages, side by side."""
        jobs: list[bench_proc.Job] = [
            (self.mkdocs(plugin_config), self.root, env),
            (self.mkdocs(plain_config), plain_root, None),
        ]
        together = (os.cpu_count() or 1) >= 2
        done = bench_proc.run_together(jobs) if together else [
            bench_proc.run_timed(cmd, cwd, env=job_env) for cmd, cwd, job_env in jobs
        ]
        for timed, name in zip(done, (plugin_config, plain_config), strict=True):
            if timed.returncode != 0:
                raise SystemExit(f"mkdocs build failed ({name}):\n{timed.stderr[-4000:]}")
        return done[0], done[1]

    def listing_pages(self, docs: Path) -> None:
        """The plugin's listing pages as Markdown files in *docs* (of the plain copy).

        A site without the plugin keeps its front page and archive by hand: the plain
        build gets the very pages the plugin generates, so both build the same pages.
        """
        self.log("listing pages for the plain build")
        site = self.root.parent / "listings-site"
        command = bench_proc.mkdocs_listings_dump(docs, "build", "-q", "-d", str(site))
        timed = bench_proc.run_timed(command, self.root)
        discard(site, self.root.parent / "trash")
        mark = re.escape(bench_proc.LISTINGS_MARK)
        found = re.search(rf"^{mark}(\d+)$", timed.stderr, re.MULTILINE)
        if timed.returncode != 0 or found is None:
            raise SystemExit(f"listing pages not written:\n{timed.stderr[-4000:]}")
        self.fig.values["listing_pages"] = int(found.group(1))

    def builds(self, settings: Any) -> None:
        """Each build with the plugin runs beside a plain build of the same rendered pages.

        The plain build works in a copy of the project (config, theme, docs with the
        rendered pages and the plugin's listing pages), and the two run at the same
        time, one per core, so a change of the machine's load hits both alike: measured
        one after the other, the CPU time of the same plain build at 1000 articles varied
        from 102 s to 118 s in four runs on this shared machine, more than the plugin's
        whole cost.
        """
        from babelpress.render.all_pages import render_all

        render_all(settings)  # the pages the plain build uses: what the plugin renders
        plain_root = self.root.parent / "plain"
        bench_corpus.copy_build_inputs(self.root, plain_root)
        self.listing_pages(plain_root / "docs")
        plain = bench_checks.write_plain_config(plain_root)
        trash = self.root.parent / "trash"
        runs: dict[str, list[bench_proc.Timed]] = {
            "pipeline_build_s": [], "mkdocs_plain_s": [], "pipeline_build_warm_s": []
        }
        count = self.args.builds
        for number in range(count):
            self.log(f"mkdocs build with the plugin, cold, beside a plain build "
                     f"({number + 1}/{count})")
            clear_rendered(settings)  # the plugin renders every page
            discard(plain_root / "site", trash)
            cold, plain_run = self.pair("mkdocs.yml", plain_root, plain.name)
            runs["pipeline_build_s"].append(cold)
            runs["mkdocs_plain_s"].append(plain_run)
            if self.args.cold_only:
                continue
            self.log(f"mkdocs build with the plugin, pages rendered, beside a plain build "
                     f"({number + 1}/{count})")
            discard(self.root / "site", trash)
            discard(plain_root / "site", trash)
            warm, plain_run = self.pair("mkdocs.yml", plain_root, plain.name)
            runs["pipeline_build_warm_s"].append(warm)
            runs["mkdocs_plain_s"].append(plain_run)
        runs.update(self.first_on_machine(settings, plain_root, plain.name))
        for key, timed in runs.items():
            if not timed:
                continue
            self.fig.add_runs(key, [t.seconds for t in timed], [t.cpu_seconds for t in timed])
            peaks = [t.maxrss_mb for t in timed if t.maxrss_mb is not None]
            if peaks:
                self.fig.values[key.replace("_s", "_peak_rss_mb")] = round(max(peaks), 1)
            if not key.startswith("mkdocs_plain"):
                self.fig.add_runs(key.replace("_s", "_hooks_s"),
                                  [t.plugin_seconds or 0.0 for t in timed],
                                  [t.plugin_cpu_seconds or 0.0 for t in timed])
        self.notes.append(
            "mkdocs builds run as child processes (python -m mkdocs build -q), each build "
            "with the plugin at the same time as a plain build of the same pages in a copy "
            "of the project; *_cpu_s is the child's user+system time; *_hooks_s the time "
            "spent in the babelpress plugin's event handlers"
        )

    def first_on_machine(self, settings: Any, plain_root: Path, plain_config: str) -> dict[
        str, list[bench_proc.Timed]
    ]:
        """One more first build, with nothing kept anywhere: as on a machine where
        babelpress never built a site (the templates the plugin keeps compiled in the
        user's cache folder are not there yet), and with no walk kept by ``extract``
        (``mkdocs build`` right after a checkout, without ``babelpress extract``)."""
        from babelpress import project

        trash = self.root.parent / "trash"
        self.log("mkdocs build with the plugin, cold, nothing compiled or walked before")
        clear_rendered(settings)
        discard(plain_root / "site", trash)
        empty = self.root.parent / f"new-machine-cache-{next(_DISCARDED)}"
        empty.mkdir(mode=0o700)
        walks = project.parsed_folder(settings)
        aside = self.root.parent / f"walks-aside-{next(_DISCARDED)}"
        moved = walks.is_dir()
        if moved:
            os.replace(walks, aside)
        try:
            cold, plain_run = self.pair(
                "mkdocs.yml", plain_root, plain_config,
                env={**os.environ, "XDG_CACHE_HOME": str(empty)},
            )
        finally:
            if moved:
                os.replace(aside, walks)
        return {"pipeline_build_new_machine_s": [cold], "mkdocs_plain_new_machine_s": [plain_run]}

    # ------------------------------------------------------------ preview
    def preview(self, settings: Any) -> None:
        """The live preview through a real ``mkdocs serve`` (see ``bench_serve.py``)."""
        self.log(f"mkdocs serve: first build, then {self.args.edits} saves of each kind")
        found = bench_serve.measure(
            self.root, self.slugs, self.args.edits, self.root.parent / "serve.log",
            languages=tuple(settings.languages), progress=self.log,
        )
        self.fig.values.update(found.figures())
        self.fig.runs.update(found.runs())
        self.notes.append(
            "preview: mkdocs serve (live reload on) on 127.0.0.1; each edit timed from the "
            "save until the served page(s) contain it, polled every 20 ms"
        )

    # -------------------------------------------------------------- peers
    def peers(self, settings: Any) -> None:
        docs = settings.source_docs_path
        limit = self.args.peer_timeout
        for key, run in (
            ("translate_toolkit_md2po_s", bench_proc.translate_toolkit_md2po),
            ("mdpo_md2po_s", bench_proc.mdpo_md2po),
        ):
            times, cpu, rss = [], [], 0.0
            for number in range(self.args.repeat):
                self.log(f"peer {key} run {number + 1}")
                out = self.root.parent / f"peer-{key}"
                discard(out, self.root.parent / "trash")
                target = out if key.startswith("translate") else out / "all.po"
                result = run(docs, target, limit)
                if result is None:
                    self.notes.append(f"{key}: stopped after the {limit:.0f} s limit")
                    self.fig.values[f"{key}_timed_out"] = True
                    self.fig.values[f"{key}_limit_s"] = limit
                    break
                times.append(float(result["seconds"]))  # type: ignore[arg-type]
                cpu.append(float(result["cpu_seconds"]))  # type: ignore[arg-type]
                rss = max(rss, float(result["maxrss_mb"]))  # type: ignore[arg-type]
                if times[-1] > 30:
                    break
            self.fig.add_runs(key, times, cpu)
            self.fig.values[key.replace("_s", "_peak_rss_mb")] = round(rss, 1) if times else None

    def run(self) -> dict[str, Any]:
        # the plugin keeps compiled templates in the user's cache folder: the benchmark's
        # own, so that no earlier use of the machine decides what its first build finds
        cache = self.root.parent / "user-cache"
        cache.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ["XDG_CACHE_HOME"] = str(cache)
        settings = self.prepare()
        steps = self.args.steps
        self.extract(settings)  # every other step needs the catalogues
        if "mt" in steps:
            self.machine_translation(settings)
        if "render" in steps:
            self.render(settings)
        if "builds" in steps:
            self.builds(settings)
        if "preview" in steps and self.args.edits > 0:
            self.preview(settings)
        if self.args.skip_peers or "peers" not in steps:
            self.fig.values["translate_toolkit_md2po_s"] = None
            self.fig.values["mdpo_md2po_s"] = None
            self.notes.append("peers skipped")
        else:
            self.peers(settings)
        return {
            "docs": self.args.docs,
            "repeat": self.args.repeat,
            "builds": self.args.builds,
            "machine": machine(),
            **self.fig.values,
            "runs": self.fig.runs,
            "notes": self.notes,
        }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # keep mkdocs' banner out of the output
    compile_package()
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        result = Bench(args, args.keep.resolve() / "project").run()
        shutil.rmtree(args.keep / "trash", ignore_errors=True)
    else:
        with tempfile.TemporaryDirectory(prefix="babelpress-bench-") as tmp:
            result = Bench(args, Path(tmp) / "project").run()
    other = json.loads(args.compare.read_text()) if args.compare else None
    result["checks"] = bench_checks.checks(result, other)
    if not args.quiet:
        bench_checks.print_report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    failed = [c for c in result["checks"].values() if c["ok"] is False]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

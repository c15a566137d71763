"""Timed child processes for the benchmark: wall time, CPU time, peak memory, a time limit.

:func:`run_timed` runs a command and reports its wall time and CPU time (user +
system, from ``os.wait4``), killing it after a time limit.  :func:`run_python` runs a
snippet of Python that times its own work (so interpreter start-up and imports are
not counted) and prints one JSON line; the peers (Translate Toolkit's and mdpo's
``md2po``) and the memory probe of ``extract`` run this way, isolated from the
benchmark's own process.  :func:`python_module` runs ``python -m <module>`` so that it
reports its peak memory when it exits; :func:`mkdocs_timing_plugin` runs ``mkdocs``
adding up the time spent in the babelpress plugin's own event handlers.

Peak memory is the kernel's ``VmHWM`` of the child's own address space, never
``ru_maxrss``: Linux carries a parent's high-water mark over ``fork``/``vfork`` +
``exec`` into the child's ``ru_maxrss``, so a child started from a large process
would report at least that process's size.

CPU time is given beside wall time because on a shared machine the load of other
processes changes wall times from run to run far more than CPU times.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Timed:
    """What one child run cost."""

    seconds: float
    #: user + system time of the child
    cpu_seconds: float
    #: peak resident memory of the child itself (VmHWM), when it reported it
    maxrss_mb: float | None
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False
    #: wall and CPU seconds spent inside the babelpress plugin's hooks, when measured
    plugin_seconds: float | None = None
    plugin_cpu_seconds: float | None = None


def run_timed(
    cmd: list[str], cwd: Path, timeout: float | None = None, env: Mapping[str, str] | None = None
) -> Timed:
    """Run *cmd* in *cwd* (with the environment *env*, default this one's); wall time and
    this child's own peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        proc.kill()

    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    out: list[str] = []
    err: list[str] = []
    readers = [
        threading.Thread(target=lambda: out.append(proc.stdout.read())),  # type: ignore[union-attr]
        threading.Thread(target=lambda: err.append(proc.stderr.read())),  # type: ignore[union-attr]
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    if timer:
        timer.cancel()
    stderr = "".join(err)
    peak = [line for line in stderr.splitlines() if line.startswith(HWM_MARK)]
    hooks = [line.split()[1:] for line in stderr.splitlines() if line.startswith(PLUGIN_MARK)]
    return Timed(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        maxrss_mb=float(peak[-1][len(HWM_MARK) :]) if peak else None,
        returncode=proc.returncode,
        stdout="".join(out),
        stderr=stderr,
        timed_out=killed.is_set(),
        plugin_seconds=float(hooks[-1][0]) if hooks else None,
        plugin_cpu_seconds=float(hooks[-1][1]) if hooks else None,
    )


#: a command, its folder and its environment (None: this process's)
Job = tuple[list[str], Path, "Mapping[str, str] | None"]


def run_together(jobs: list[Job]) -> list[Timed]:
    """Run the commands (each in its folder) at the same time; their :class:`Timed`."""
    results: list[Timed | None] = [None] * len(jobs)

    def one(index: int) -> None:
        command, cwd, env = jobs[index]
        results[index] = run_timed(command, cwd, env=env)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [result for result in results if result is not None]


HWM_MARK = "BENCH-PEAK-MB "

#: ``python -c`` program: run a module as ``python -m`` would, print VmHWM at exit
MODULE_WRAPPER = """
import atexit, runpy, sys
def _peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("BENCH-PEAK-MB %.1f\\n" % (int(line.split()[1]) / 1024))
atexit.register(_peak)
module = sys.argv[1]
sys.argv = [module, *sys.argv[2:]]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def python_module(module: str, *args: str) -> list[str]:
    """The command running ``python -m module args``, reporting its peak memory."""
    return [sys.executable, "-c", MODULE_WRAPPER, module, *args]


PLUGIN_MARK = "BENCH-PLUGIN-S "

#: ``python -c`` program: ``mkdocs build`` that adds up the time spent in the babelpress
#: plugin's event handlers (every handler MkDocs registers for the plugin named
#: ``babelpress`` is wrapped, its priority kept) and prints it at exit, with its peak memory
MKDOCS_HOOK_TIMER = """
import atexit, runpy, sys, time
from mkdocs import plugins
spent = [0.0, 0.0]
def _timed(method):
    def handler(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - wall
            spent[1] += time.process_time() - cpu
    handler.mkdocs_priority = getattr(method, "mkdocs_priority", 0)
    return handler
_register = plugins.PluginCollection._register_event
def _register_timed(self, event_name, method, plugin_name=None):
    if plugin_name == "babelpress" and not isinstance(method, plugins.CombinedEvent):
        method = _timed(method)
    _register(self, event_name, method, plugin_name)
plugins.PluginCollection._register_event = _register_timed
def _report():
    sys.stderr.write("BENCH-PLUGIN-S %.4f %.4f\\n" % tuple(spent))
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("BENCH-PEAK-MB %.1f\\n" % (int(line.split()[1]) / 1024))
atexit.register(_report)
sys.argv = ["mkdocs", *sys.argv[1:]]
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


LISTINGS_MARK = "BENCH-LISTINGS "

#: ``python -c`` program: ``mkdocs build`` with the babelpress plugin that writes the
#: listing pages the plugin generates (front page, archive, year pages of every
#: language) as Markdown files below the folder in ``argv[1]``, and builds no page
#: (its pages are rendered already):
#: the plain build gets them as files, as a site without the plugin would keep them
MKDOCS_LISTINGS_DUMP = """
import os, runpy, sys
from pathlib import Path
from mkdocs.commands import build
from babelpress.site import news
target = Path(sys.argv[1])
written = []
_add = news.NewsSite._add_listings
def _dump(self, files, *args, **kwargs):
    warnings = _add(self, files, *args, **kwargs)
    for file in files:
        if file.generated_by == "babelpress" and file.src_uri.endswith(".md"):
            path = target / file.src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(file.content_string, encoding="utf-8")
            written.append(file.src_uri)
    return warnings
news.NewsSite._add_listings = _dump
build._populate_page = build._build_page = lambda *args, **kwargs: None
sys.argv = ["mkdocs", *sys.argv[2:]]
try:
    runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
finally:
    sys.stderr.write("BENCH-LISTINGS %d\\n" % len(written))
"""


def mkdocs_listings_dump(target: Path, *args: str) -> list[str]:
    """``python -m mkdocs args`` writing the plugin's listing pages below *target*."""
    return [sys.executable, "-c", MKDOCS_LISTINGS_DUMP, str(target), *args]


def mkdocs_timing_plugin(*args: str) -> list[str]:
    """``python -m mkdocs args``, reporting the time spent in the babelpress plugin."""
    return [sys.executable, "-c", MKDOCS_HOOK_TIMER, *args]


#: prelude of every timed snippet: ``report(seconds, **extra)`` prints the result line
PRELUDE = """
import json, sys, time
def _rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
def report(seconds, cpu_seconds, **extra):
    result = {"seconds": seconds, "cpu_seconds": cpu_seconds, "maxrss_mb": _rss(), **extra}
    print("BENCH-RESULT " + json.dumps(result))
"""


def run_python(code: str, cwd: Path, timeout: float | None = None) -> dict[str, object] | None:
    """Run a snippet (after :data:`PRELUDE`); its reported dict, or None if it timed out."""
    timed = run_timed([sys.executable, "-c", PRELUDE + code], cwd, timeout)
    if timed.timed_out:
        return None
    for line in timed.stdout.splitlines():
        if line.startswith("BENCH-RESULT "):
            return dict(json.loads(line[len("BENCH-RESULT ") :]))
    raise RuntimeError(f"benchmark child failed ({timed.returncode}):\n{timed.stderr[-3000:]}")


TT_MD2PO = """
from translate.convert import md2po
start, start_cpu = time.perf_counter(), time.process_time()
try:
    md2po.main(["-i", {docs!r}, "-o", {out!r}, "--progress=none"])
except SystemExit as exc:
    if exc.code:
        raise
report(time.perf_counter() - start, time.process_time() - start_cpu)
"""

MDPO_MD2PO = """
import glob
from mdpo.md2po import markdown_to_pofile
files = sorted(glob.glob({pattern!r}, recursive=True))
start, start_cpu = time.perf_counter(), time.process_time()
po = markdown_to_pofile(files, po_filepath={out!r}, save=True)
report(time.perf_counter() - start, time.process_time() - start_cpu, entries=len(po))
"""


def translate_toolkit_md2po(docs: Path, out: Path, timeout: float) -> dict[str, object] | None:
    """Translate Toolkit's md2po over the folder *docs* (one PO per page, like extract)."""
    code = TT_MD2PO.format(docs=str(docs), out=str(out))
    return run_python(code, docs.parent, timeout)


def mdpo_md2po(docs: Path, out: Path, timeout: float) -> dict[str, object] | None:
    """mdpo's md2po over every page of *docs* into one PO file, as its glob mode does."""
    out.parent.mkdir(parents=True, exist_ok=True)
    code = MDPO_MD2PO.format(pattern=str(docs / "**" / "*.md"), out=str(out))
    return run_python(code, docs.parent, timeout)

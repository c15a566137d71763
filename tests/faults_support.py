"""Helpers of the fault tests (``test_faults_*.py``): projects, child runs, checks.

* :func:`make_project` copies the project's inputs and adds synthetic articles made
  by ``scripts/bench_corpus.py``, so a run lasts long enough to be interrupted;
* :func:`babelpress` / :func:`start` run the real command line in a child process;
* :func:`msgfmt_problems` runs GNU ``msgfmt --check`` on every catalogue;
* :func:`catalogue_bytes` and :func:`comparable` compare catalogue sets, ignoring the
  two header dates that legitimately differ between runs;
* :func:`read_only` makes a folder unwritable even for root (see its docstring).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
import bench_corpus  # noqa: E402

CHILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LIBRE_API_KEY": "test-key"}


def make_project(root: Path, articles: int = 0, seed: int = 3) -> Path:
    """mkdocs.yml, docs/de (plus *articles* synthetic ones), the glossary, in *root*."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs" / "de", root / "docs" / "de")
    glossary = REPO / "locale" / "glossary.csv"
    if glossary.exists():
        (root / "locale").mkdir(parents=True, exist_ok=True)
        shutil.copy2(glossary, root / "locale" / "glossary.csv")
    if articles:
        pool = bench_corpus.read_articles(REPO / "docs" / "de")
        for index in range(articles):
            slug, text = bench_corpus.make_article(pool, index, seed)
            (root / "docs" / "de" / f"{slug}.md").write_text(text, encoding="utf-8")
    return root


def command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "babelpress", "-C", str(root), *args]


def babelpress(root: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(root, *args), capture_output=True, text=True, timeout=timeout, env=CHILD_ENV
    )


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    """The run in a session of its own, so that :func:`end_group` finds its workers."""
    return subprocess.Popen(
        command(root, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=CHILD_ENV, start_new_session=True,
    )


def end_group(proc: subprocess.Popen[str]) -> None:
    """SIGKILL whatever is left of *proc*'s session: a test that failed leaves nothing."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def catalogues(root: Path) -> list[Path]:
    locale = root / "locale"
    return sorted([*locale.rglob("*.po"), *locale.rglob("*.pot")])


def msgfmt_problems(root: Path) -> list[str]:
    """``msgfmt --check`` on every .po and .pot file: the complaints, empty if all valid."""
    problems = []
    for path in catalogues(root):
        proc = subprocess.run(
            ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True
        )
        if proc.returncode != 0:
            problems.append(f"{path.relative_to(root)}: {proc.stderr.strip()[:500]}")
    return problems


_DATES = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): [^"]*"$', re.M)
_MT_DATE = re.compile(r"(Machine translation \([^,]+, )\d{4}-\d\d-\d\d")


def comparable(data: bytes) -> str:
    """A catalogue's text without the dates that depend on when it was written."""
    text = _DATES.sub(lambda m: f'"{m.group(1)}: <date>"', data.decode("utf-8"))
    return _MT_DATE.sub(r"\1<date>", text)


def catalogue_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in catalogues(root)}


def catalogue_texts(root: Path) -> dict[str, str]:
    return {k: comparable(v) for k, v in catalogue_bytes(root).items()}


def every_file(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def temp_leftovers(root: Path) -> list[str]:
    """Temporary files of interrupted atomic writes (``.<name>.<random>.tmp``)."""
    return sorted(str(p.relative_to(root)) for p in (root / "locale").rglob(".*.tmp"))


# ---------------------------------------------------------------- read-only locale/
def _probe_bind_mount(folder: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c",
         f'mount --bind -o ro "{folder}" "{folder}" && ! touch "{folder}/.probe" 2>/dev/null'],
        capture_output=True,
    )
    with contextlib.suppress(FileNotFoundError):
        (folder / ".probe").unlink()
    return probe.returncode == 0


def read_only_command(folder: Path, cmd: list[str]) -> tuple[list[str], str]:
    """*cmd* run so that *folder* cannot be written to; (command, mechanism).

    Root ignores file modes, so for root the child runs in its own mount namespace
    (``unshare -m``) where *folder* is bind-mounted read-only: every write under it
    fails with EROFS, as on a read-only file system.  Where that is not allowed (no
    CAP_SYS_ADMIN in a container) the folder and its files are made immutable with
    ``chattr +i`` for the duration of the run instead (EPERM).  A user other than
    root gets ``chmod a-w`` on the folder tree (EACCES).  "none" when root can do
    neither (the caller skips).
    """
    if os.geteuid() != 0:
        return cmd, "chmod"
    if _probe_bind_mount(folder):
        script = f'mount --bind -o ro "{folder}" "{folder}" && exec "$@"'
        return ["unshare", "-m", "sh", "-c", script, "sh", *cmd], "bind-mount"
    if _probe_chattr(folder):
        return cmd, "chattr"
    return cmd, "none"


def _probe_chattr(folder: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    probe = folder / ".probe"
    probe.write_bytes(b"")
    try:
        if subprocess.run(["chattr", "+i", str(probe)], capture_output=True).returncode:
            return False
        subprocess.run(["chattr", "-i", str(probe)], check=True)
        return True
    finally:
        probe.unlink()


@contextlib.contextmanager
def read_only(folder: Path, mechanism: str) -> Iterator[None]:
    """Make *folder* unwritable for the chmod/chattr mechanisms (the bind mount needs none)."""
    paths = [folder, *folder.rglob("*")]
    if mechanism == "chmod":
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(modes[p] & ~0o222)
        try:
            yield
        finally:
            for p in reversed(paths):
                p.chmod(modes[p])
    elif mechanism == "chattr":
        subprocess.run(["chattr", "-R", "+i", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-R", "-i", str(folder)], check=True)
    else:
        yield

"""The benchmark script runs end to end on a tiny corpus and reports every figure.

No timing is asserted (a loaded CI machine would make that flaky); the figures
must be there, be numbers of the right sign, and the machine-translation counts
must show each distinct segment sent once and nothing on the rerun.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parent.parent
TIMES = (
    "extract_cold_s",
    "extract_noop_s",
    "extract_one_changed_s",
    "render_s",
    "pipeline_build_s",
    "pipeline_build_warm_s",
    "mkdocs_plain_s",
    "pipeline_build_new_machine_s",
    "mkdocs_plain_new_machine_s",
)
PEERS = ("translate_toolkit_md2po_s", "mdpo_md2po_s")
CHECKS = (
    "cold_extract_faster_than_md2po",
    "noop_under_5_percent",
    "plugin_build_within_15_percent",
    "plugin_rebuild_within_15_percent",
    "mt_each_segment_once",
)


def run_bench(tmp_path: Path, *extra: str) -> tuple[dict, str]:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench.py"), "--docs", "5",
         "--repeat", "1", "--edits", "2", "--json", str(out), *extra],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    return json.loads(out.read_text()), proc.stdout


@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    return run_bench(
        tmp_path_factory.mktemp("bench"), "--skip-peers", "--mt", "libre", "--builds", "1"
    )


def test_small_corpora_get_more_build_pairs() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import bench
    finally:
        sys.path.pop(0)
    assert bench.parse_args(["--docs", "100"]).builds == bench.SMALL_BUILDS > 3
    assert bench.parse_args(["--docs", "100", "--repeat", "9"]).builds == 9
    assert bench.parse_args(["--docs", "1000"]).builds == 1
    assert bench.parse_args(["--docs", "100", "--builds", "2"]).builds == 2


def test_every_time_is_a_positive_number(small_run: tuple[dict, str]) -> None:
    result, _ = small_run
    for key in TIMES:
        cpu = key.removesuffix("_s") + "_cpu_s"
        assert isinstance(result[key], float), key
        assert result[key] > 0 and result[cpu] > 0, key
        # a plain build runs beside each of the two builds with the plugin
        runs = 2 if key == "mkdocs_plain_s" else 1
        assert len(result["runs"][key]) == len(result["runs"][cpu]) == runs, key
    for key in PEERS:
        assert key in result and result[key] is None
    # the plugin's own time is part of its builds
    for build in ("pipeline_build_s", "pipeline_build_warm_s", "pipeline_build_new_machine_s"):
        hooks = build.replace("_s", "_hooks_s")
        assert 0 < result[hooks] < result[build], hooks
        assert 0 < result[hooks.replace("_s", "_cpu_s")] < result[build.replace("_s", "_cpu_s")]


def test_the_plain_build_gets_the_listing_pages(small_run: tuple[dict, str]) -> None:
    result, _ = small_run
    # front page, archive and at least one year page, in each of the three languages
    assert result["listing_pages"] >= 3 * 3


def test_live_preview_figures(small_run: tuple[dict, str]) -> None:
    result, _ = small_run
    assert result["serve_ready_s"] > 0
    for key in ("preview_po_edit_s", "preview_md_edit_s"):
        assert len(result["runs"][key]) == 2 and result[key] > 0, key
    # four saves, each counted with the builds it caused
    assert len(result["runs"]["preview_builds_per_save"]) == 4
    assert result["checks"]["preview_one_build_per_save"]["ok"] is True
    assert result["checks"]["preview_po_edit"]["ok"] is not None  # N = 5 has a target
    assert result["pipeline_build_peak_rss_mb"] > result["baseline_rss_mb"]


def test_corpus_memory_and_catalogues(small_run: tuple[dict, str]) -> None:
    result, _ = small_run
    assert result["docs"] == 5
    assert result["corpus"]["pages"] >= 6  # five articles and the home page
    assert result["corpus"]["bytes"] > 1000
    # a template per page, and one of the site's own words (_site.pot)
    assert result["catalogues"]["templates"] == result["corpus"]["pages"] + 1
    assert result["catalogues"]["template_entries"] > 5 * 5
    assert 0 < result["baseline_rss_mb"] < result["peak_rss_mb"] < 2000
    for step in ("render", "translate"):
        # with five pages a step may need no memory beyond what the imports took
        assert 0 < result[f"{step}_baseline_rss_mb"] <= result[f"{step}_peak_rss_mb"] < 2000
    assert result["extract_noop_files_written"] == 0
    assert result["machine"]["nproc"] >= 1


def test_machine_translation_counts(small_run: tuple[dict, str]) -> None:
    result, _ = small_run
    assert result["mt_chars_unique"] > 0
    assert result["mt_segments_sent"] == result["mt_segments_unique"]
    assert result["mt_chars_sent"] == result["mt_chars_unique_protected"]
    assert 0.8 < result["mt_chars_sent"] / result["mt_chars_unique"] < 1.2
    assert result["mt_duplicate_requests"] == 0
    assert result["mt_rerun_chars_sent"] == 0


def test_checks_and_table(small_run: tuple[dict, str]) -> None:
    result, stdout = small_run
    assert set(CHECKS) <= set(result["checks"])
    assert result["checks"]["cold_extract_faster_than_md2po"]["ok"] is None  # peers skipped
    assert result["checks"]["mt_each_segment_once"]["ok"] is True
    for key in TIMES:
        assert key in stdout


def test_compare_adds_scaling_checks(small_run: tuple[dict, str]) -> None:
    result, _ = small_run
    bigger = dict(result, docs=50, extract_cold_cpu_s=result["extract_cold_cpu_s"] * 30)
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import bench_checks
    finally:
        sys.path.pop(0)
    checks = bench_checks.checks(result, bigger)
    assert checks["linear_extract_cold_s"]["ok"] is False  # 30× for 10× the articles
    assert checks["linear_render_s"]["ok"] is True


def test_pseudo_counting_matches_the_catalogues(project: Path) -> None:
    from babelpress import config
    from babelpress.extract.pipeline import extract

    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import bench_mt
    finally:
        sys.path.pop(0)
    settings = config.load(project)
    page = settings.source_docs_path / "about.md"
    page.write_text(page.read_text("utf-8") + "\nEin neuer Satz. Noch ein neuer Satz.\n", "utf-8")
    assert extract(settings).ok
    result = bench_mt.measure(settings, "pseudo")
    assert result["mt_segments_sent"] == result["mt_segments_unique"] == 4  # 2 sentences, en+ru
    assert result["mt_chars_sent"] == result["mt_chars_unique_protected"]
    assert result["mt_duplicate_requests"] == 0
    assert result["mt_rerun_chars_sent"] == 0


def test_clearing_moves_files_aside_instead_of_deleting(tmp_path: Path) -> None:
    """Deleting thousands of files slows the next timed step's file creation down."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import bench
    finally:
        sys.path.remove(str(REPO / "scripts"))
    folder = tmp_path / "project" / "docs" / "en"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("x")
    trash = tmp_path / "trash"
    bench.discard(folder, trash)
    bench.discard(folder, trash)  # already gone: nothing to do
    assert not folder.exists()
    assert [p.relative_to(trash).parts[1:] for p in trash.rglob("a.md")] == [("en", "a.md")]


def test_each_timed_run_starts_with_babelpress_caches_empty() -> None:
    """A repeated run must not find the checks' results of the run before (a new
    process would not), nor a class's cached method results."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import bench
    finally:
        sys.path.remove(str(REPO / "scripts"))
    from babelpress.markdown.reader import parse
    from babelpress.qa import render_blockers

    parse("Ein Satz. Noch ein Satz.\n", path="docs/de/a.md", slug="a", unit="sentence")
    entry = polib.POEntry(msgid="Ein Satz.", msgstr="One sentence.")
    render_blockers(entry, "en")
    cached = [f for f in _lru_caches() if f.cache_info().currsize]
    assert cached, "nothing cached: the test checks nothing"
    seen: list[int] = []
    bench.Figures().timed("x_s", 2, lambda: seen.append(sum(
        f.cache_info().currsize for f in cached)))
    assert seen == [0, 0]


def _lru_caches() -> list:
    found = []
    for name, module in list(sys.modules.items()):
        if name.startswith("babelpress"):
            found += [v for v in vars(module).values() if hasattr(v, "cache_info")]
    return found

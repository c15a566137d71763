"""The benchmark's targets, its report table, and the plain-MkDocs configuration.

Targets (``ok`` is None when the figures needed are missing).  Times are compared on
CPU time (``*_cpu_s``: user + system of the process that did the work) where it was
measured, because on a shared machine other processes' load moves wall times by tens of
per cent from one run to the next; the wall-time ratio is given beside it.

* ``cold_extract_faster_than_md2po``: ``extract_cold`` < Translate Toolkit's md2po
  (CPU: every worker's included); ``cold_extract_in_half_the_wall_time_of_md2po``: its
  wall time at most half of md2po's from N = 1000 (extract uses both cores, md2po one);
* ``noop_under_5_percent``: ``extract_noop`` < 5 % of ``extract_cold``;
* ``plugin_build_within_15_percent``: ``pipeline_build`` (the plugin renders every
  page) <= 1.15 × ``mkdocs_plain``; ``..._on_a_new_machine``: the same for the one
  first build that finds no compiled template and no walk kept by ``extract``;
  ``plugin_rebuild_within_15_percent``: the same for ``pipeline_build_warm`` (pages
  already rendered); each build is compared with the plain build that ran beside it
  (the median of those ratios);
  ``plugin_own_time_in_build_within_15_percent`` / ``..._rebuild_...``: the time spent
  inside the plugin's handlers during those builds <= 0.15 × ``mkdocs_plain`` -- the
  same target measured without comparing two separate builds, whose difference on a
  shared machine is as large as the plugin's cost;
* ``mt_each_segment_once``: every distinct untranslated segment was sent once
  (segments and characters equal to the catalogues' distinct untranslated msgids,
  markup tokens as sent) and nothing on the rerun;
* ``preview_po_edit`` / ``preview_md_edit``: the median time from saving a catalogue /
  a German page until the served page shows it, within 1 s up to N = 100 and 2 s up
  to N = 1000 (no target beyond); ``preview_one_build_per_save``: every save caused
  exactly one build;
* with ``--compare``: ``linear_<key>``: CPU time at the larger N within 1.2 × the
  ratio of N (N = 1000 within 12× of N = 100) for babelpress' own work (extract,
  render, what the plugin adds to a build) and for the whole ``mkdocs build`` with
  the plugin.  Plain MkDocs' growth and the peers' are shown (``scaling_*``), not
  judged.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import yaml

TABLE = (
    ("extract_cold_s", "extract, cold (in process)"),
    ("extract_noop_s", "extract, nothing changed"),
    ("extract_one_changed_s", "extract, one sentence changed"),
    ("render_s", "render 2 languages (in process)"),
    ("pipeline_build_s", "mkdocs build with babelpress (3 languages)"),
    ("mkdocs_plain_s", "mkdocs build without babelpress"),
    ("pipeline_build_new_machine_s", "mkdocs build with babelpress, nothing kept before"),
    ("mkdocs_plain_new_machine_s", "  the build without babelpress beside it"),
    ("pipeline_build_warm_s", "mkdocs build with babelpress, pages rendered"),
    ("pipeline_build_hooks_s", "  of the first: in babelpress's handlers"),
    ("pipeline_build_warm_hooks_s", "  of the rebuild: in babelpress's handlers"),
    ("serve_ready_s", "mkdocs serve: first page served after start"),
    ("preview_po_edit_s", "preview: saved .po -> served page shows it"),
    ("preview_md_edit_s", "preview: saved German page -> 3 languages show it"),
    ("translate_toolkit_md2po_s", "Translate Toolkit md2po"),
    ("mdpo_md2po_s", "mdpo md2po (one PO, glob mode)"),
)
LINEAR_KEYS = ("extract_cold_s", "render_s", "extract_cold_child_s", "pipeline_build_s",
               "pipeline_build_warm_s")
#: the wall-time target of a cold extract holds from this many articles (worker
#: processes take a tenth of a second to start)
HALF_WALL_FROM = 1000
#: (largest N, seconds): a saved file shows in the live preview within this time
PREVIEW_LIMITS = ((100, 1.0), (1000, 2.0))


def write_plain_config(root: Path) -> Path:
    """``mkdocs-plain.yml``: inherits mkdocs.yml, with every plugin but babelpress.

    When mkdocs.yml has no ``nav`` (the plugin makes the navigation of sections),
    the plain build gets one of the pages it has besides the articles, so that
    neither build lists every article on every page.
    """
    import bench_corpus
    from babelpress import config

    data = config.read_mkdocs_yml(root / config.CONFIG_FILE)
    plugins = [
        entry for entry in data.get("plugins") or []
        if entry != config.PLUGIN_NAME
        and not (isinstance(entry, dict) and config.PLUGIN_NAME in entry)
    ]
    path = root / "mkdocs-plain.yml"
    text = yaml.safe_dump({"INHERIT": config.CONFIG_FILE, "plugins": plugins},
                          allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    if data.get("nav") is None:
        settings = config.load(root)
        source = settings.source_docs_path
        sections = sorted(p.relative_to(source).as_posix() for p in source.glob("*.md")
                          if not p.match(bench_corpus.ARTICLES))
        bench_corpus.add_section_nav(path, _listings_first(source, sections))
    return path


def _listings_first(source: Path, sections: list[str]) -> list[str]:
    """The front page and the archive (where the copy has them) before the other sections,
    in the order of the plugin's navigation."""
    from babelpress.site import archive

    first = [page for page in (archive.FRONT, archive.ARCHIVE) if (source / page).is_file()]
    return [*first, *(page for page in sections if page not in first)]


def _check(ok: bool | None, detail: str) -> dict[str, Any]:
    return {"ok": ok, "detail": detail}


def _ratio(a: Any, b: Any) -> float | None:
    return a / b if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b else None


def cpu(key: str) -> str:
    return key[: -len("_s")] + "_cpu_s"


def _pair(result: dict[str, Any], a: str, b: str) -> tuple[float | None, str]:
    """Ratio a/b on CPU time (falling back to wall time), and a text with both."""
    ratio = _ratio(result.get(cpu(a)), result.get(cpu(b)))
    basis = "CPU"
    if ratio is None:
        ratio, basis = _ratio(result.get(a), result.get(b)), "wall"
    if ratio is None:
        return None, "missing"
    wall = _ratio(result.get(a), result.get(b))
    text = (
        f"{basis} {_num(result.get(cpu(a)))} s vs {_num(result.get(cpu(b)))} s = {ratio:.2f}×"
        if basis == "CPU" else ""
    )
    if wall is not None:
        text += f"{'; ' if text else ''}wall {_num(result.get(a))} s vs {_num(result.get(b))} s"
        text += f" = {wall:.2f}×"
    return ratio, text


def _paired(result: dict[str, Any], key: str, offset: int) -> tuple[float, str] | None:
    """The median ratio of each build of *key* to the plain build run beside it.

    Side by side, the plain builds alternate: the one beside the first build with
    the plugin, the one beside the rebuild, and so on (twice as many plain builds as
    builds of *key*).  None for results of builds run one after the other.
    """
    runs = result.get("runs", {})
    builds, plain = runs.get(cpu(key)) or [], runs.get(cpu("mkdocs_plain_s")) or []
    if not builds or len(plain) != 2 * len(builds):
        return None
    pairs = list(zip(builds, plain[offset::2], strict=True))
    ratio = statistics.median(b / p for b, p in pairs)
    each = ", ".join(f"{b:.3f} s vs {p:.3f} s" for b, p in pairs)
    return ratio, f"CPU of each build vs the plain build beside it: {each}; median {ratio:.2f}×"


def _num(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, (int, float)) else "—"


def checks(result: dict[str, Any], other: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every target (see the module docstring); judged on CPU time where it was measured."""
    out: dict[str, Any] = {}
    ratio, text = _pair(result, "extract_cold_s", "translate_toolkit_md2po_s")
    out["cold_extract_faster_than_md2po"] = _check(
        None if ratio is None else ratio < 1, "peers not run" if ratio is None else text
    )
    wall = _ratio(result.get("extract_cold_s"), result.get("translate_toolkit_md2po_s"))
    judged = int(result.get("docs", 0)) >= HALF_WALL_FROM
    out["cold_extract_in_half_the_wall_time_of_md2po"] = _check(
        None if wall is None or not judged else wall <= 0.5,
        "peers not run" if wall is None else
        f"wall {_num(result.get('extract_cold_s'))} s vs "
        f"{_num(result.get('translate_toolkit_md2po_s'))} s = {wall:.2f}× (both cores for extract)"
        + ("" if judged else f"; judged from N = {HALF_WALL_FROM}"),
    )
    ratio, text = _pair(result, "extract_noop_s", "extract_cold_s")
    out["noop_under_5_percent"] = _check(None if ratio is None else ratio < 0.05, text)
    ratio, text = _paired(result, "pipeline_build_s", 0) or _pair(
        result, "pipeline_build_s", "mkdocs_plain_s")
    out["plugin_build_within_15_percent"] = _check(None if ratio is None else ratio <= 1.15, text)
    ratio, text = _pair(result, "pipeline_build_new_machine_s", "mkdocs_plain_new_machine_s")
    if ratio is not None:
        out["plugin_build_within_15_percent_on_a_new_machine"] = _check(ratio <= 1.15, text)
    ratio, text = _paired(result, "pipeline_build_warm_s", 1) or _pair(
        result, "pipeline_build_warm_s", "mkdocs_plain_s")
    if ratio is not None:
        out["plugin_rebuild_within_15_percent"] = _check(ratio <= 1.15, text)
    for build, name in (("pipeline_build", "build"), ("pipeline_build_warm", "rebuild")):
        ratio, text = _pair(result, f"{build}_hooks_s", "mkdocs_plain_s")
        if ratio is not None:
            out[f"plugin_own_time_in_{name}_within_15_percent"] = _check(
                ratio <= 0.15, f"time in the plugin's handlers: {text}"
            )
    out["mt_each_segment_once"] = _mt_check(result)
    out.update(preview_checks(result))
    if other:
        out.update(linear_checks(result, other))
    return out


def preview_limit(docs: int) -> float | None:
    """Seconds within which a save must show in the live preview at *docs* articles."""
    return next((limit for most, limit in PREVIEW_LIMITS if docs <= most), None)


def preview_checks(result: dict[str, Any]) -> dict[str, Any]:
    """Each save shows within the limit of this N (median), after exactly one build."""
    out: dict[str, Any] = {}
    limit = preview_limit(int(result.get("docs", 0)))
    for key, what in (("preview_po_edit_s", "po"), ("preview_md_edit_s", "md")):
        value = result.get(key)
        if value is None:
            continue
        runs = result.get("runs", {}).get(key) or []
        detail = f"median {value:.2f} s of {len(runs)} saves ({_spread(runs)} s)"
        if limit is None:
            out[f"preview_{what}_edit"] = _check(None, f"{detail}; no target at this N")
        else:
            out[f"preview_{what}_edit"] = _check(value <= limit, f"{detail}; limit {limit:g} s")
    builds = result.get("runs", {}).get("preview_builds_per_save")
    if builds:
        out["preview_one_build_per_save"] = _check(
            all(count == 1 for count in builds),
            f"builds per save: {', '.join(str(int(count)) for count in builds)}",
        )
    return out


def _mt_check(result: dict[str, Any]) -> dict[str, Any]:
    sent, unique = result.get("mt_chars_sent"), result.get("mt_chars_unique_protected")
    if sent is None or unique is None:
        return _check(None, "translate not measured")
    segs, useg = result.get("mt_segments_sent"), result.get("mt_segments_unique")
    dup = result.get("mt_duplicate_requests", 0)
    rerun = result.get("mt_rerun_chars_sent")
    ok = sent == unique and segs == useg and dup == 0 and rerun == 0
    return _check(ok, f"sent {sent} chars / {segs} segments; distinct untranslated: {useg} "
                      f"segments, {unique} chars as sent; repeated {dup}; rerun sent {rerun}")


def plugin_overhead(result: dict[str, Any]) -> float | None:
    """CPU seconds the plugin adds to a build (rendering included): the time spent in
    its handlers where that was measured, else the difference of the two builds."""
    hooks = result.get(cpu("pipeline_build_hooks_s"))
    if hooks is not None:
        return float(hooks)
    build, plain = result.get(cpu("pipeline_build_s")), result.get(cpu("mkdocs_plain_s"))
    return build - plain if build is not None and plain is not None else None


def linear_checks(result: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """babelpress' work and the whole build must grow linearly; the rest is shown."""
    small, big = sorted((result, other), key=lambda r: r["docs"])
    scale = big["docs"] / small["docs"]
    out: dict[str, Any] = {}
    if scale <= 1:
        return out
    limit = 1.2 * scale
    for key in LINEAR_KEYS:
        ratio = _ratio(big.get(cpu(key)), small.get(cpu(key)))
        if ratio is not None:
            out[f"linear_{key}"] = _check(
                ratio <= limit,
                f"CPU at N={big['docs']} is {ratio:.1f}× N={small['docs']} (limit {limit:.0f}×)",
            )
    ratio = _ratio(plugin_overhead(big), plugin_overhead(small))
    if ratio is not None and (plugin_overhead(small) or 0) > 0:
        out["linear_plugin_overhead"] = _check(
            ratio <= limit,
            f"the plugin adds {plugin_overhead(big):.1f} s CPU at N={big['docs']}, "
            f"{plugin_overhead(small):.1f} s at N={small['docs']} ({ratio:.1f}×)",
        )
    for key in ("mkdocs_plain_s", "translate_toolkit_md2po_s", "mdpo_md2po_s"):
        ratio = _ratio(big.get(cpu(key)), small.get(cpu(key)))
        if ratio is not None:
            out[f"scaling_{key}"] = _check(None, f"CPU {ratio:.1f}× for {scale:.0f}× the articles")
        elif big.get(f"{key}_timed_out") and small.get(key):
            limit = big.get(f"{key}_limit_s", 150)
            out[f"scaling_{key}"] = _check(
                None, f"over {limit:.0f} s at N={big['docs']} (stopped), {small[key]:.1f} s at "
                f"N={small['docs']}: more than {limit / small[key]:.0f}× for {scale:.0f}× the "
                "articles"
            )
    for step, prefix in (("extract", ""), ("render", "render_"), ("translate", "translate_")):
        growth = _ratio(_extra_rss(big, prefix), _extra_rss(small, prefix))
        if growth is not None:
            out[f"scaling_{step}_memory"] = _check(
                None, f"{step}'s memory above the interpreter: "
                f"{_extra_rss(big, prefix):.0f} MB at N={big['docs']}, "
                f"{_extra_rss(small, prefix):.0f} MB at N={small['docs']} ({growth:.1f}×)"
            )
    return out


def _extra_rss(result: dict[str, Any], prefix: str = "") -> float | None:
    peak, base = result.get(f"{prefix}peak_rss_mb"), result.get(f"{prefix}baseline_rss_mb")
    return peak - base if peak is not None and base is not None else None


def _spread(runs: list[float]) -> str:
    return f"{min(runs):.2f}–{max(runs):.2f}" if runs else "—"


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_report(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 130))
    corpus = result.get("corpus", {})
    table = Table(title=f"babelpress, {result['docs']} articles "
                        f"({corpus.get('bytes', 0) / 1e6:.1f} MB of German Markdown)")
    table.add_column("figure")
    table.add_column("key")
    table.add_column("wall s", justify="right")
    table.add_column("min–max", justify="right")
    table.add_column("CPU s", justify="right")
    table.add_column("min–max", justify="right")
    table.add_column("runs", justify="right")
    for key, label in TABLE:
        runs = result.get("runs", {}).get(key) or []
        cpu_runs = result.get("runs", {}).get(cpu(key)) or []
        table.add_row(label, key, _fmt(result.get(key)), _spread(runs),
                      _fmt(result.get(cpu(key))), _spread(cpu_runs), str(len(runs)))
    console.print(table)
    extra = Table(title="memory and machine translation")
    extra.add_column("key")
    extra.add_column("value", justify="right")
    for key in ("peak_rss_mb", "baseline_rss_mb", "extract_noop_files_written",
                "render_peak_rss_mb", "render_baseline_rss_mb",
                "translate_peak_rss_mb", "translate_baseline_rss_mb",
                "mt_segments_sent", "mt_segments_unique", "mt_chars_sent", "mt_chars_unique",
                "mt_chars_unique_protected",
                "mt_requests", "mt_duplicate_requests", "mt_rerun_chars_sent"):
        extra.add_row(key, _fmt(result.get(key)))
    console.print(extra)
    for name, check in result.get("checks", {}).items():
        mark = {True: "[green]met[/]", False: "[red]MISSED[/]", None: "[yellow]n/a[/]"}
        console.print(f"{mark[check['ok']]}  {name}: {check['detail']}")
    for note in result.get("notes", []):
        console.print(f"note: {note}")

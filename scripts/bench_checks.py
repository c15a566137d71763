"""The benchmark's targets, its report table, and the plain-MkDocs configuration.

Targets (``ok`` is None when the figures needed are missing):

* ``cold_extract_faster_than_md2po``: ``extract_cold_s`` < Translate Toolkit's md2po;
* ``noop_under_5_percent``: ``extract_noop_s`` < 5 % of ``extract_cold_s``;
* ``plugin_build_within_15_percent``: ``pipeline_build_s`` <= 1.15 × ``mkdocs_plain_s``;
* ``mt_each_segment_once``: the server saw every distinct untranslated segment
  once (segments and characters equal to the catalogues' distinct untranslated
  msgids, markup tokens as sent) and nothing on the rerun;
* with ``--compare``: ``linear_<key>``: time at the larger N within 1.2 × the
  ratio of N (N = 1000 within 12× of N = 100) for extract, render and the build.
"""

from __future__ import annotations

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
    ("translate_toolkit_md2po_s", "Translate Toolkit md2po"),
    ("mdpo_md2po_s", "mdpo md2po (one PO, glob mode)"),
)
LINEAR_KEYS = ("extract_cold_s", "render_s", "pipeline_build_s", "extract_cold_child_s")


def write_plain_config(root: Path) -> Path:
    """``mkdocs-plain.yml``: inherits mkdocs.yml, with every plugin but babelpress."""
    from babelpress import config

    data = yaml.load((root / config.CONFIG_FILE).read_text(encoding="utf-8"),
                     Loader=config._TolerantLoader)
    plugins = [
        entry for entry in data.get("plugins") or []
        if entry != config.PLUGIN_NAME
        and not (isinstance(entry, dict) and config.PLUGIN_NAME in entry)
    ]
    path = root / "mkdocs-plain.yml"
    text = yaml.safe_dump({"INHERIT": config.CONFIG_FILE, "plugins": plugins},
                          allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def _check(ok: bool | None, detail: str) -> dict[str, Any]:
    return {"ok": ok, "detail": detail}


def _ratio(a: Any, b: Any) -> float | None:
    return a / b if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b else None


def checks(result: dict[str, Any], other: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cold, tt = result.get("extract_cold_s"), result.get("translate_toolkit_md2po_s")
    ratio = _ratio(cold, tt)
    out["cold_extract_faster_than_md2po"] = _check(
        None if ratio is None else ratio < 1,
        "peers not run" if ratio is None else f"extract {cold:.3f} s vs md2po {tt:.3f} s "
        f"({ratio:.2f}×)",
    )
    noop = result.get("extract_noop_s")
    ratio = _ratio(noop, cold)
    out["noop_under_5_percent"] = _check(
        None if ratio is None else ratio < 0.05,
        "missing" if ratio is None else f"no-op {noop:.3f} s = {100 * ratio:.1f} % of cold",
    )
    build, plain = result.get("pipeline_build_s"), result.get("mkdocs_plain_s")
    ratio = _ratio(build, plain)
    out["plugin_build_within_15_percent"] = _check(
        None if ratio is None else ratio <= 1.15,
        "missing" if ratio is None else f"{build:.2f} s vs plain {plain:.2f} s "
        f"(+{100 * (ratio - 1):.1f} %)",
    )
    out["mt_each_segment_once"] = _mt_check(result)
    if other:
        out.update(linear_checks(result, other))
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


def linear_checks(result: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    small, big = sorted((result, other), key=lambda r: r["docs"])
    scale = big["docs"] / small["docs"]
    out: dict[str, Any] = {}
    if scale <= 1:
        return out
    for key in LINEAR_KEYS:
        ratio = _ratio(big.get(key), small.get(key))
        if ratio is None:
            continue
        out[f"linear_{key}"] = _check(
            ratio <= 1.2 * scale,
            f"N={big['docs']} takes {ratio:.1f}× N={small['docs']} (limit {1.2 * scale:.0f}×)",
        )
    for key in ("translate_toolkit_md2po_s", "mdpo_md2po_s", "peak_rss_mb"):
        ratio = _ratio(big.get(key), small.get(key))
        if ratio is not None:
            out[f"scaling_{key}"] = _check(None, f"{ratio:.1f}× for {scale:.0f}× the articles")
    return out


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_report(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 120))
    corpus = result.get("corpus", {})
    table = Table(title=f"babelpress, {result['docs']} articles "
                        f"({corpus.get('bytes', 0) / 1e6:.1f} MB of German Markdown)")
    table.add_column("figure")
    table.add_column("key")
    table.add_column("median s", justify="right")
    table.add_column("min–max s", justify="right")
    table.add_column("runs", justify="right")
    for key, label in TABLE:
        runs = result.get("runs", {}).get(key) or []
        spread = f"{min(runs):.3f}–{max(runs):.3f}" if runs else "—"
        table.add_row(label, key, _fmt(result.get(key)), spread, str(len(runs)))
    console.print(table)
    extra = Table(title="memory and machine translation")
    extra.add_column("key")
    extra.add_column("value", justify="right")
    for key in ("peak_rss_mb", "baseline_rss_mb", "extract_noop_files_written",
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

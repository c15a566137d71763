"""Markdown tables of benchmark results, for the README.

Usage::

    python scripts/bench_table.py bench-100.json bench-1000.json

prints the figures of each run side by side (wall time, with CPU time in brackets),
the peers' figures, memory and machine-translation counts, the targets with their
verdicts, and the machine the figures came from.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_checks

ROWS = (
    ("extract_cold_s", "`babelpress extract`, no catalogues yet"),
    ("extract_noop_s", "`babelpress extract`, nothing changed"),
    ("extract_one_changed_s", "`babelpress extract`, one sentence edited"),
    ("render_s", "render en + ru"),
    ("pipeline_build_s", "`mkdocs build` with the babelpress plugin (de, en, ru)"),
    ("mkdocs_plain_s", "`mkdocs build` of the same pages without the plugin"),
    ("pipeline_build_new_machine_s", "… with the plugin, nothing compiled or walked before"),
    ("mkdocs_plain_new_machine_s", "… without the plugin, beside that build"),
    ("pipeline_build_warm_s", "`mkdocs build` with the plugin, pages already rendered"),
    ("pipeline_build_hooks_s", "… of the first build: time in the plugin's handlers"),
    ("pipeline_build_warm_hooks_s", "… of the rebuild: time in the plugin's handlers"),
    ("serve_ready_s", "`mkdocs serve`: first page served after start"),
    ("preview_po_edit_s", "preview: save a `.po` file → the served page shows it"),
    ("preview_md_edit_s", "preview: save a German page → its 3 languages show it"),
    ("translate_toolkit_md2po_s", "Translate Toolkit `md2po` (one PO per page)"),
    ("mdpo_md2po_s", "mdpo `md2po` (one PO for all pages)"),
)


def _time(result: dict[str, Any], key: str) -> str:
    wall, cpu = result.get(key), result.get(bench_checks.cpu(key))
    if wall is None:
        if result.get(f"{key}_timed_out"):
            return f"over {result.get(f'{key}_limit_s', 150):.0f} (stopped)"
        return "—"
    runs = result.get("runs", {}).get(key) or []
    spread = f", {min(runs):.2f}–{max(runs):.2f}" if len(runs) > 1 else ""
    cpu_text = f" ({cpu:.2f} CPU)" if cpu is not None else ""
    return f"{wall:.2f}{cpu_text}{spread}"


def _pair(result: dict[str, Any], first: str, second: str) -> str:
    a, b = result.get(first), result.get(second)
    return f"{a:.2f} / {b:.2f}" if a is not None and b is not None else "—"


def _mb(value: Any) -> str:
    return f"{value:.0f} MB" if isinstance(value, (int, float)) else "—"


def _memory(result: dict[str, Any], prefix: str = "") -> str:
    peak, base = result[f"{prefix}peak_rss_mb"], result[f"{prefix}baseline_rss_mb"]
    workers = result.get(f"{prefix}worker_peak_rss_mb")
    each = f", workers {workers:.0f} MB each at most" if workers else ""
    return f"{peak:.0f} MB ({base:.0f} MB){each}"


def table(results: list[dict[str, Any]]) -> str:
    head = "| | " + " | ".join(f"N = {r['docs']}" for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    sizes = " | ".join(
        f"{r['corpus']['pages']} pages, {r['corpus']['bytes'] / 1e6:.1f} MB, "
        f"{r['catalogues']['template_entries']} entries" for r in results
    )
    lines.append(f"| corpus | {sizes} |")
    for key, label in ROWS:
        lines.append(f"| {label} | " + " | ".join(_time(r, key) for r in results) + " |")
    for key, label in (("pipeline_build_peak_rss_mb", "`mkdocs build` with the plugin"),
                       ("mkdocs_plain_peak_rss_mb", "`mkdocs build` without it")):
        if any(key in r for r in results):
            lines.append(f"| peak memory of {label} | "
                         + " | ".join(_mb(r.get(key)) for r in results) + " |")
    for prefix, label in (("", "`extract`"), ("render_", "`render`, en + ru"),
                          ("translate_", "`translate`, pseudo provider")):
        if any(f"{prefix}peak_rss_mb" in r for r in results):
            lines.append(
                f"| peak memory of {label} (interpreter alone) | "
                + " | ".join(_memory(r, prefix) if f"{prefix}peak_rss_mb" in r else "—"
                             for r in results)
                + " |"
            )
    for label, first, second in (
        ("MT: segments / characters sent, first run", "mt_segments_sent", "mt_chars_sent"),
        ("MT: distinct untranslated segments / characters", "mt_segments_unique",
         "mt_chars_unique_protected"),
    ):
        lines.append(f"| {label} | " + " | ".join(
            f"{r[first]} / {r[second]}" if first in r else "—" for r in results) + " |")
    lines.append(
        "| MT: characters sent on a rerun | "
        + " | ".join(str(r.get("mt_rerun_chars_sent", "—")) for r in results) + " |"
    )
    lines.append(
        "| `translate`, first run / rerun (wall s, one run each) | "
        + " | ".join(_pair(r, "mt_first_s", "mt_rerun_s") for r in results) + " |"
    )
    return "\n".join(lines)


def verdicts(results: list[dict[str, Any]]) -> str:
    """Each run's targets, then the growth from each run to the next larger one."""
    mark = {True: "met", False: "**missed**", None: "—"}
    lines = []
    for result in results:
        lines.append(f"\nAt N = {result['docs']}:\n")
        for name, check in bench_checks.checks(result).items():
            lines.append(f"- {name}: {mark[check['ok']]} ({check['detail']})")
    for small, big in itertools.pairwise(results):
        lines.append(f"\nFrom N = {small['docs']} to N = {big['docs']}:\n")
        for name, check in bench_checks.linear_checks(big, small).items():
            lines.append(f"- {name}: {mark[check['ok']]} ({check['detail']})")
    return "\n".join(lines)


def machine(results: list[dict[str, Any]]) -> str:
    m = results[0]["machine"]
    return (
        f"{m['nproc']} CPUs ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}, "
        f"{m['platform']}"
    )


def main(argv: list[str]) -> int:
    results = sorted((json.loads(Path(p).read_text()) for p in argv), key=lambda r: r["docs"])
    if not results:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"Machine: {machine(results)}\n")
    print("Seconds: median wall time (median CPU time), spread of the runs.\n")
    print(table(results))
    print("\nTargets (judged on CPU time where it was measured):")
    print(verdicts(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

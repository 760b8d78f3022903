"""Benchmark: every entry point of ``kg view`` on a large store, and how long each page takes to be ready.

Per entry point (the whole-store view of ``--max-nodes`` 2 000, one report's structure, an
agency, a place, a focus neighbourhood) it times what ``kg view`` does, step by step in this
process (choosing the nodes in the store and projecting only them, then laying out,
rendering and writing the page), then opens the page in headless Chromium (Debian's
``chromium`` and ``chromium-driver`` through selenium, offline: ``SE_OFFLINE=true``) and
reports the time from navigation start until the page's own ``window.kgReady`` (set once
the network, laid out in Python and drawn with physics off, has been drawn the first time).
``total_cpu_s`` is the CPU time of selecting, rendering and writing: on a machine shared
with other work it moves far less than the wall-clock ``total_s``.

    python bench/views.py --store /tmp/kg-bench/store-5000-j2 --max-nodes 2000
    python bench/views.py --store /tmp/kg-bench/store-1000-j2 --entries whole,agency --no-browser

The store is opened read-only.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import print_results, self_peak_mb

__all__ = ["browser_settle", "main"]

def browser_settle(page: Path, *, timeout: float = 300.0, runs: int = 3) -> list[dict[str, float]]:
    """Per run: ms from navigation start to DOMContentLoaded and to ``window.kgReady``."""
    from kg.view.browser import headless_chromium, open_settled

    results = []
    for _ in range(runs):
        profile = tempfile.mkdtemp(prefix="kg-chromium-")
        browser = headless_chromium(Path(profile))
        try:
            browser.set_page_load_timeout(timeout)
            open_settled(browser, page, timeout=timeout, poll=0.02)
            ready_ms = browser.execute_script("return performance.now()")
            timing = browser.execute_script(
                "var t = performance.timing; return [t.domContentLoadedEventEnd - t.navigationStart,"
                " t.loadEventEnd - t.navigationStart]")
            results.append({"dom_ms": round(timing[0]), "load_ms": round(timing[1]), "ready_ms": round(ready_ms)})
        finally:
            browser.quit()
            shutil.rmtree(profile, ignore_errors=True)
    return results


ENTRIES = ("whole", "report", "agency", "place", "focus")
"""The views timed, one per entry point of ``kg view``."""


def _entry_options(entry: str, args: argparse.Namespace, reports: dict[str, str]) -> dict[str, Any]:
    """The ``write_view`` options of one entry point (the report: the store's first, or --report)."""
    types = [t for t in args.types.split(",") if t.strip()] if args.types else None
    base: dict[str, Any] = {"types": types, "max_nodes": args.max_nodes}
    if entry == "report":
        return {**base, "report": args.report or next(iter(reports.values()))}
    if entry == "agency":
        return {**base, "agency": args.agency}
    if entry == "place":
        return {**base, "place": args.place}
    if entry == "focus":
        return {**base, "focus": args.focus, "depth": args.depth}
    return base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--entries", default=",".join(ENTRIES), help=f"comma-separated, of {', '.join(ENTRIES)}")
    parser.add_argument("--max-nodes", type=int, default=2000)
    parser.add_argument("--report", help="the report of the report view (default: the store's first)")
    parser.add_argument("--agency", default="生态环境局", help="the agency view's name")
    parser.add_argument("--place", default="咸宁市", help="the place view's name")
    parser.add_argument("--focus", default="生态环境局", help="the focus view's name")
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--types", help="comma-separated classes (as `kg view --types`)")
    parser.add_argument("--out", help="folder to write the pages to (default: a temp folder)")
    parser.add_argument("--browser-runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    from kg.store import open_store
    from kg.view.html import render_html
    from kg.view.select import select_view, store_reports

    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="kg-view-"))
    out.mkdir(parents=True, exist_ok=True)
    entries = [e.strip() for e in args.entries.split(",") if e.strip()]
    unknown = sorted(set(entries) - set(ENTRIES))
    if unknown:
        parser.error(f"unknown entries {', '.join(unknown)}")
    rows: list[dict[str, Any]] = []
    runs: dict[str, list[dict[str, float]]] = {}
    with open_store(args.store, read_only=True) as store:
        quads = len(store)  # counting 15 M quads takes seconds: not part of a view
        reports = store_reports(store)
        for entry in entries:
            options = _entry_options(entry, args, reports)
            page = out / f"view-{entry}.html"
            t, cpu = time.perf_counter(), time.process_time()
            view = select_view(store, **options)
            select_s = time.perf_counter() - t
            t = time.perf_counter()
            html = render_html(view, title=f"kg benchmark view: {entry}")
            page.write_text(html, encoding="utf-8")
            render_s = time.perf_counter() - t
            cpu_s = time.process_time() - cpu  # this process's CPU time: what other sessions' load does not inflate
            row: dict[str, Any] = {
                "entry": entry, "reports": len(reports), "quads": quads, "view_nodes": len(view.nodes),
                "view_edges": len(view.edges), "clusters": len(view.clusters),
                "page_mb": round(len(html.encode()) / 1e6, 2), "select_s": round(select_s, 2),
                "render_write_s": round(render_s, 2), "total_s": round(select_s + render_s, 2),
                "total_cpu_s": round(cpu_s, 2)}
            print(f"{entry}: wrote {page} ({row['view_nodes']} nodes, {row['view_edges']} edges) in "
                  f"{row['total_s']} s; {view.message}", file=sys.stderr)
            del view, html
            if not args.no_browser:
                runs[entry] = browser_settle(page, runs=args.browser_runs)
                row["browser_ready_ms"] = sorted(r["ready_ms"] for r in runs[entry])[len(runs[entry]) // 2]
                row["browser_dom_ms"] = sorted(r["dom_ms"] for r in runs[entry])[len(runs[entry]) // 2]
            row["peak_mb"] = round(self_peak_mb())  # the process's peak so far
            rows.append(row)
    columns = ["entry", "reports", "quads", "view_nodes", "view_edges", "clusters", "page_mb", "select_s",
               "render_write_s", "total_s", "total_cpu_s", "peak_mb", "browser_dom_ms", "browser_ready_ms"]
    print_results("views", columns, rows, store=args.store, pages=str(out), browser_runs=runs,
                  options={k: v for k, v in vars(args).items() if k not in ("store", "out")})


if __name__ == "__main__":
    main()

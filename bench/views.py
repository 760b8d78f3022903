"""Benchmark: an HTML view of ~2 000 nodes from a large store, and how long the page takes to settle.

Times what ``kg view --max-nodes 2000`` does, step by step in this process (choosing the
nodes in the store and projecting only them, then rendering and writing the page), then
opens the page in headless Chromium (Debian's ``chromium`` and ``chromium-driver`` through
selenium, offline: ``SE_OFFLINE=true``) and reports the time from navigation start until
the page's own ``window.kgReady`` (set when vis-network's stabilisation ends:
``stabilizationIterationsDone`` / ``stabilized``), and the page's script time to the first
``stabilizationProgress`` event.

    python bench/views.py --store /tmp/kg-bench/store-5000-j2 --max-nodes 2000
    python bench/views.py --store /tmp/kg-bench/store-1000-j2 --focus 生态环境局 --depth 2 --no-browser

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--max-nodes", type=int, default=2000)
    parser.add_argument("--report", help="view one report (as `kg view --report`)")
    parser.add_argument("--focus", help="view a neighbourhood (as `kg view --focus`)")
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--types", help="comma-separated classes (as `kg view --types`)")
    parser.add_argument("--out", help="where to write the page (default: a temp file)")
    parser.add_argument("--browser-runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    from kg.store import open_store
    from kg.view.html import render_html
    from kg.view.select import select_view

    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="kg-view-")) / "view.html"
    types = [t for t in args.types.split(",") if t.strip()] if args.types else None
    times: dict[str, Any] = {}
    with open_store(args.store, read_only=True) as store:
        quads = len(store)  # counting 15 M quads takes seconds: not part of a view
        t = time.perf_counter()
        view = select_view(store, types=types, report=args.report, focus=args.focus, depth=args.depth,
                           max_nodes=args.max_nodes)
        times["select_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    html = render_html(view, title="kg benchmark view")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    times["render_write_s"] = round(time.perf_counter() - t, 2)
    times["total_s"] = round(times["select_s"] + times["render_write_s"], 2)
    row: dict[str, Any] = {"quads": quads, "projected_nodes": len(view.index.pg.nodes), "view_nodes": len(view.nodes),
                           "view_edges": len(view.edges), "page_mb": round(len(html.encode()) / 1e6, 2), **times,
                           "peak_mb": round(self_peak_mb())}
    print(f"wrote {out} ({row['view_nodes']} nodes, {row['view_edges']} edges) in {times}; {view.message}",
          file=sys.stderr)
    del view
    runs: list[dict[str, float]] = []
    if not args.no_browser:
        runs = browser_settle(out, runs=args.browser_runs)
        row["browser_ready_ms"] = sorted(r["ready_ms"] for r in runs)[len(runs) // 2]
        row["browser_dom_ms"] = sorted(r["dom_ms"] for r in runs)[len(runs) // 2]
    columns = ["quads", "projected_nodes", "view_nodes", "view_edges", "page_mb", "select_s", "render_write_s",
               "total_s", "peak_mb", "browser_dom_ms", "browser_ready_ms"]
    print_results("views", columns, [row], store=args.store, page=str(out), browser_runs=runs,
                  options={k: v for k, v in vars(args).items() if k not in ("store", "out")})


if __name__ == "__main__":
    main()

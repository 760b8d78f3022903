"""Benchmark: an HTML view of ~2 000 nodes from a large store, and how long the page takes to settle.

Times what ``kg view --max-nodes 2000`` does, step by step in this process (reading the
store into the property graph, indexing it, selecting the nodes, rendering and writing
the page), then opens the page in headless Chromium (Debian's ``chromium`` and
``chromium-driver`` through selenium, offline: ``SE_OFFLINE=true``) and reports the time
from navigation start until the page's own ``window.kgReady`` (set when vis-network's
stabilisation ends: ``stabilizationIterationsDone`` / ``stabilized``), and the page's
script time to the first ``stabilizationProgress`` event.

    python bench/views.py --store /tmp/kg-bench/store-5000-j2 --max-nodes 2000
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
    parser.add_argument("--out", help="where to write the page (default: a temp file)")
    parser.add_argument("--browser-runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    from kg.analyse.projections import ensure_index
    from kg.graph.property_graph import property_graph
    from kg.store import open_store
    from kg.view.html import render_html
    from kg.view.select import select_view

    out = Path(args.out or tempfile.mkdtemp(prefix="kg-view-")) / "view.html" if not args.out else Path(args.out)
    times: dict[str, Any] = {}
    t = time.perf_counter()
    with open_store(args.store, read_only=True) as store:
        quads = len(store)
        pg = property_graph(store)
    times["read_property_graph_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    index = ensure_index(pg)
    times["index_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    view = select_view(index, max_nodes=args.max_nodes)
    times["select_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    html = render_html(index, view, title="kg benchmark view")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    times["render_write_s"] = round(time.perf_counter() - t, 2)
    times["view_only_s"] = round(times["select_s"] + times["render_write_s"], 2)
    times["total_s"] = round(sum(v for k, v in times.items() if k.endswith("_s") and k != "view_only_s"), 2)
    row: dict[str, Any] = {"quads": quads, "graph_nodes": len(pg.nodes), "view_nodes": len(view.nodes),
                           "view_edges": len(view.edges), "page_mb": round(len(html.encode()) / 1e6, 2), **times,
                           "peak_mb": round(self_peak_mb())}
    print(f"wrote {out} ({row['view_nodes']} nodes, {row['view_edges']} edges) in {times}", file=sys.stderr)
    del pg, index
    runs: list[dict[str, float]] = []
    if not args.no_browser:
        runs = browser_settle(out, runs=args.browser_runs)
        row["browser_ready_ms"] = sorted(r["ready_ms"] for r in runs)[len(runs) // 2]
        row["browser_dom_ms"] = sorted(r["dom_ms"] for r in runs)[len(runs) // 2]
    columns = ["quads", "graph_nodes", "view_nodes", "view_edges", "page_mb", "read_property_graph_s", "index_s",
               "select_s", "render_write_s", "view_only_s", "total_s", "peak_mb", "browser_dom_ms", "browser_ready_ms"]
    print_results("views", columns, [row], store=args.store, page=str(out), browser_runs=runs)


if __name__ == "__main__":
    main()

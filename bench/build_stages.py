"""Benchmark: the CPU seconds of each stage of a build, in one process, native threads included.

A sampling profiler (py-spy) sees only threads that run Python, so it misses the threads
Oxigraph's bulk loader and RocksDB start: about three quarters of the cost of storing. This
script builds the first N reports of the scale corpus (``corpus.py``) into a fresh store the
way ``kg build -j1`` does (:class:`kg.store.GraphWriter`, the loader thread included) and
times each stage with ``time.thread_time`` (this thread only); what the process spent beyond
those (``resource.getrusage``) is the store's: the loader thread, Oxigraph's and RocksDB's.
Start-up (imports) is left out, and so is the first report, which loads the extractors'
data.

    python bench/build_stages.py --reports 100
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import print_results
from corpus import corpus_bytes, make_corpus

__all__ = ["main", "stage_seconds"]

STAGES = ("load text", "extract", "write N-Triples", "hand to the writer", "store (loader and native threads)")


def _process_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def stage_seconds(files: list[Path], store_dir: Path) -> dict[str, float]:
    """CPU seconds per stage of building ``files`` (after the first) into a fresh ``store_dir``."""
    from kg.extract import extract_report
    from kg.graph.build import report_ntriples
    from kg.loaders import load_report
    from kg.store import open_store

    shutil.rmtree(store_dir, ignore_errors=True)
    seconds = dict.fromkeys(STAGES, 0.0)
    with open_store(store_dir) as store:
        first = load_report(files[0], source=files[0].name)
        built = report_ntriples(first, extract_report(first))
        store.replace_ntriples(built.name, built.ntriples)  # warm: the extractors' data loaded
        started = _process_cpu()
        with store.writer() as writer:
            for path in files[1:]:
                mark = time.thread_time()
                report = load_report(path, source=path.name)
                seconds["load text"] += (now := time.thread_time()) - mark
                extraction = extract_report(report)
                seconds["extract"] += (mark := time.thread_time()) - now
                built = report_ntriples(report, extraction)
                seconds["write N-Triples"] += (now := time.thread_time()) - mark
                writer.write(built.name, built.ntriples, built.triples)
                seconds["hand to the writer"] += time.thread_time() - now
            mark = time.thread_time()
        seconds["hand to the writer"] += time.thread_time() - mark  # the last batch's hand-over and wait
        total = _process_cpu() - started
    seconds["store (loader and native threads)"] = total - sum(seconds.values())
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--work", default="/tmp/kg-bench", help="folder for the corpus and the store (kept)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    work = Path(args.work)
    files = make_corpus(args.reports, work / f"corpus-{args.reports}", seed=args.seed, progress=True)
    seconds = stage_seconds(files, work / f"store-stages-{args.reports}")
    total = sum(seconds.values())
    mb = corpus_bytes(files[1:]) / 1e6
    rows = [{"stage": stage, "cpu_s": round(value, 2), "share": f"{100 * value / total:.1f} %",
             "cpu_s_per_mb": round(value / mb, 2)} for stage, value in seconds.items()]
    rows.append({"stage": "total", "cpu_s": round(total, 2), "share": "100 %", "cpu_s_per_mb": round(total / mb, 2)})
    print_results("build_stages", ["stage", "cpu_s", "share", "cpu_s_per_mb"], rows, reports=len(files) - 1,
                  mb=round(mb, 2), mb_per_cpu_s=round(mb / total, 4))


if __name__ == "__main__":
    main()

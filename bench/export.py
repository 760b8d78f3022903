"""Benchmark: ``kg export`` of every RDF format from scale stores: quads/s, CPU and peak memory.

For each store (``--store``, repeatable; or ``store-N-j2`` / ``store-N`` under ``--work`` for
each of ``--sizes``, built there by ``kg build -j2`` from the scale corpus when missing) and
each format, the real command (``kg export --format F -o FILE --store S``, a separate
process, start-up included) runs while this script samples the RSS of its process tree.
Prints the quads read (the command's own count), seconds, quads/s, CPU seconds, quads per
CPU-second, peak RSS and the file's size; then one JSON line. The file is deleted after.

``texts`` says where the report graphs were read from: ``kept`` when the store folder holds
their texts (:mod:`kg.store.texts`; ``kg build`` keeps them, and the first export of a store
without them keeps them), ``store`` when it did not (a store built by an older kg, or
filled by ``kg load``), so the graphs were read back from Oxigraph. ``--cold`` deletes the
texts before every run, to measure that path.

Also measures Oxigraph's own dump of the whole store (``Store.dump`` to N-Quads, in this
process): the floor any export from the store pays for reading and decoding its terms.

The property-graph exports (``--formats csv,graphml,neo4j-import``) are measured the same
way; their quads are the store's data quads, which they read through the projection.

    python bench/export.py --sizes 100,1000 --work /tmp/kg-bench
    python bench/export.py --store /tmp/kg-bench/store-5000-j2 --formats nquads,trig
    python bench/export.py --store /tmp/kg-bench/store-1000-j2 --formats csv,graphml --jobs 1,2 --no-dump
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import sys
import time
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import print_results, run_measured
from build import corpus_subset, kg_command
from corpus import make_corpus

from kg.export import RDF_FORMATS
from kg.store.texts import TEXTS_FILE

__all__ = ["main", "measure_export", "native_dump"]

TARGET_NQUADS_QPS = 1_000_000
TARGET_RDF_QPS = 300_000
TARGET_PEAK_MB = 500
GRAPH_FORMATS = ("csv", "graphml", "neo4j-import")
"""The property-graph exports, measured with ``--formats csv,graphml,neo4j-import``."""
_WROTE = re.compile(r"\((\d+) quads from (\d+) graphs\)")


def measure_export(store: Path, fmt: str, out: Path, *, cold: bool = False, jobs: int = 1) -> dict[str, object]:
    """Run ``kg export -j jobs`` of ``store`` as ``fmt`` into ``out``; the figures (``out`` is
    removed). ``cold`` deletes the texts kept beside the store first. For the property-graph
    formats (csv, graphml, neo4j-import: :data:`GRAPH_FORMATS`) the quads are the store's data
    quads, read by the command through the property graph's projection."""
    if cold:
        for path in store.glob(TEXTS_FILE + "*"):  # with its -wal and -shm files
            path.unlink()
    texts = "kept" if (store / TEXTS_FILE).exists() else "store"
    run = run_measured([*kg_command(), "export", "--format", fmt, "-o", str(out), "--store", str(store),
                        "-j", str(jobs)])
    found = _WROTE.search(run.stderr)
    if run.returncode != 0 or (fmt not in GRAPH_FORMATS and not found):
        raise SystemExit(f"kg export --format {fmt} failed: {run.stderr[-1000:]}")
    if fmt in GRAPH_FORMATS:
        quads, graphs = _data_quads(store)
        texts = "–"  # the projection reads the store
    else:
        quads, graphs = int(found.group(1)), int(found.group(2))
    files = [out] if out.is_file() else [path for path in out.rglob("*") if path.is_file()]
    size = sum(path.stat().st_size for path in files)
    if out.is_dir():
        shutil.rmtree(out)
    else:
        out.unlink()
    return {"store": store.name, "graphs": graphs, "format": fmt, "jobs": jobs, "texts": texts, "quads": quads,
            "seconds": round(run.seconds, 2),
            "quads_s": round(quads / run.seconds), "cpu_s": round(run.cpu_seconds, 2),
            "quads_cpu_s": round(quads / run.cpu_seconds) if run.cpu_seconds else None,
            "peak_mb": round(run.peak_tree_mb), "file_mb": round(size / 1e6, 1)}


@cache
def _data_quads(store: Path) -> tuple[int, int]:
    """The quads of ``store``'s data graphs (all but the ontology's), and the number of those graphs."""
    import pyoxigraph as ox

    from kg.graph.vocab import GRAPH_ONTOLOGY

    inner = ox.Store.read_only(str(store))
    ontology = sum(1 for _ in inner.quads_for_pattern(None, None, None, ox.NamedNode(str(GRAPH_ONTOLOGY))))
    return len(inner) - ontology, sum(1 for graph in inner.named_graphs() if graph.value != str(GRAPH_ONTOLOGY))


def native_dump(store: Path, out: Path) -> dict[str, object]:
    """Oxigraph's own N-Quads dump of the whole store to a file, in process: wall and CPU seconds."""
    import pyoxigraph as ox

    inner = ox.Store.read_only(str(store))
    try:
        quads = len(inner)
        wall, cpu = time.perf_counter(), time.process_time()
        inner.dump(str(out), ox.RdfFormat.N_QUADS)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        del inner
    out.unlink()
    return {"store": store.name, "format": "Store.dump nquads", "quads": quads, "seconds": round(wall, 2),
            "quads_s": round(quads / wall), "cpu_s": round(cpu, 2), "quads_cpu_s": round(quads / cpu) if cpu else None}


def _stores(args: argparse.Namespace) -> list[Path]:
    if args.store:
        return [Path(s) for s in args.store]
    work = Path(args.work)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    stores = []
    for n in sizes:
        found = next((work / name for name in (f"store-{n}-j2", f"store-{n}") if (work / name).exists()), None)
        if found is None:
            full = make_corpus(max(sizes), work / f"corpus-{max(sizes)}", seed=args.seed, progress=True)
            corpus = work / f"corpus-{max(sizes)}" if n == max(sizes) else corpus_subset(full, n, work / f"corpus-{n}")
            found = work / f"store-{n}-j2"
            print(f"building {found} …", file=sys.stderr)
            run = run_measured([*kg_command(), "build", str(corpus), "--store", str(found), "-j", "2", "-q"])
            if run.returncode != 0:
                raise SystemExit(f"kg build failed: {run.stderr[-1000:]}")
        stores.append(found)
    return stores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", action="append", help="a built store (repeatable); default: by --sizes")
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (stores under --work)")
    parser.add_argument("--work", default="/tmp/kg-bench", help="folder of corpora and stores (built if missing)")
    parser.add_argument("--formats", default=",".join(RDF_FORMATS), help="formats, comma-separated")
    parser.add_argument("--out", default=None, help="folder for the export files (default: --work)")
    parser.add_argument("--no-dump", action="store_true", help="skip the Store.dump floor (one more read)")
    parser.add_argument("--cold", action="store_true", help="delete the kept texts before every run")
    parser.add_argument("--jobs", default="1", help="kg export -j values, comma-separated (e.g. 1,2)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    out_dir = Path(args.out or args.work)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for store in _stores(args):
        if not args.no_dump:
            rows.append(native_dump(store, out_dir / "native.nq"))
            print(f"{store}: Store.dump {rows[-1]['quads_s']} quads/s", file=sys.stderr)
        for fmt, jobs in itertools.product(args.formats.split(","), (int(j) for j in args.jobs.split(","))):
            rows.append(measure_export(store, fmt, out_dir / f"export-{fmt}", cold=args.cold, jobs=jobs))
            print(f"{store} {fmt}: {rows[-1]['seconds']} s, {rows[-1]['quads_s']} quads/s, "
                  f"peak {rows[-1]['peak_mb']} MB", file=sys.stderr)
    columns = ["store", "format", "jobs", "texts", "quads", "seconds", "quads_s", "cpu_s", "quads_cpu_s", "peak_mb",
               "file_mb"]
    print_results("export", columns, rows, targets={"nquads_quads_s": TARGET_NQUADS_QPS,
                                                     "rdf_quads_s": TARGET_RDF_QPS, "peak_mb": TARGET_PEAK_MB})


if __name__ == "__main__":
    main()

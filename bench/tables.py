"""Benchmark: the flat tables of ``kg export --format tables|xlsx|sqlite`` on a built store.

For each table of :data:`kg.export.flat.TABLES`: rows, wall and CPU seconds to stream them
from the store, and the peak memory of the process (the tables are streamed, so it should
stay near the store's own). Then the whole CSV, xlsx and SQLite exports into a temporary
folder, timed the same way.

    python bench/tables.py --store /tmp/kg-bench/provinces-store
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

__all__ = ["main"]


def _timed(label: str, work) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<12} {result!s:>10}  {wall:7.2f} s wall  {cpu:7.2f} s cpu  peak {peak:6.0f} MB")


def main() -> None:
    """Print the figures for the store given by ``--store``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="a store folder built by kg build")
    args = parser.parse_args()

    from kg.export import TABLES, table_rows, write_sqlite, write_table_csvs, write_xlsx
    from kg.store import open_store

    with open_store(args.store, read_only=True) as store, tempfile.TemporaryDirectory() as tmp:
        print(f"{'table':<12} {'rows':>10}")
        for name in TABLES:
            _timed(name, lambda name=name: sum(1 for _ in table_rows(store, name)))
        _timed("tables csv", lambda: len(write_table_csvs(store, Path(tmp) / "tables")))
        _timed("xlsx", lambda: write_xlsx(store, Path(tmp) / "kg.xlsx").stat().st_size)
        _timed("sqlite", lambda: sum(write_sqlite(store, Path(tmp) / "kg.db").values()))


if __name__ == "__main__":
    main()

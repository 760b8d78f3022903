"""Benchmark: CPU seconds of loading and of extracting report files, one pass, in a fresh process.

Loads every file given (``kg.loaders.load_report``), then runs ``kg.extract.extract_report`` on
each, and prints the CPU seconds (``time.process_time``) of each stage and the MB of normalised
text per CPU-second. The text-keyed caches start cold, as in a build; run it several times,
alternating the code compared, and keep the best (the machine is shared).

``--dump DIR`` writes the ``repr`` of each loaded report and of its extraction to DIR (one file
each), so two versions of the code can be diffed for byte-identical output; ``--profile N``
prints the N functions with the most cumulative time under cProfile (slower, for finding the
hot spots, not for figures).

    python bench/extract_profile.py /work/shared/corpus/provinces-2026
    python bench/extract_profile.py --scale 100 --work /tmp/kg-bench
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

__all__ = ["main", "stage_seconds"]


def _files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        found.extend(sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path])
    return found


def _warm() -> None:
    """Import the extractors and load their dictionaries on a text written for this: a fixed cost, not per MB."""
    from kg.extract import extract_report
    from kg.loaders import load_text

    extract_report(load_text("某省人民政府工作报告\n一、过去一年工作回顾\n全省地区生产总值增长5%左右，省发展改革委牵头推进重点项目建设。\n"))


def stage_seconds(files: list[Path], *, dump: Path | None = None) -> dict[str, float]:
    """CPU seconds of loading and of extracting ``files``, and the MB of normalised text."""
    from kg.extract import extract_report
    from kg.loaders import load_report

    mark = time.process_time()
    reports = [load_report(path, source=path.name) for path in files]
    loaded = time.process_time()
    extractions = [extract_report(report) for report in reports]
    extracted = time.process_time()
    if dump is not None:
        dump.mkdir(parents=True, exist_ok=True)
        for path, report, extraction in zip(files, reports, extractions, strict=True):
            (dump / f"{path.name}.report").write_text(repr(report), encoding="utf-8")
            (dump / f"{path.name}.extraction").write_text(repr(extraction), encoding="utf-8")
    megabytes = sum(len(report.text.encode("utf-8")) for report in reports) / 1e6
    return {"load": loaded - mark, "extract": extracted - loaded, "MB": megabytes}


def _measured(files: list[Path], *, dump: Path | None, profile: int) -> dict[str, float]:
    """:func:`stage_seconds`, under cProfile when ``profile`` asks for its N hottest functions."""
    if not profile:
        return stage_seconds(files, dump=dump)
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    seconds = stage_seconds(files, dump=dump)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(profile)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="report files or folders of them")
    parser.add_argument("--scale", type=int, default=0, help="also the first N reports of the scale corpus")
    parser.add_argument("--work", default="/tmp/kg-bench", help="folder for the scale corpus (kept)")
    parser.add_argument("--dump", type=Path, help="write repr(report) and repr(extraction) of each file here")
    parser.add_argument("--profile", type=int, default=0, help="print the N hottest functions (cProfile)")
    parser.add_argument("--build-gc", action="store_true",
                        help="collect garbage as `kg build` does (heap frozen, young threshold raised)")
    args = parser.parse_args()
    files = _files(args.paths)
    if args.scale:
        from corpus import make_corpus

        files += make_corpus(args.scale, Path(args.work) / f"corpus-{args.scale}", progress=True)
    if not files:
        parser.error("no report files given")
    collections = contextlib.nullcontext()
    if args.build_gc:
        from kg.cli.build import _fewer_collections

        collections = _fewer_collections()
    with collections:
        _warm()
        seconds = _measured(files, dump=args.dump, profile=args.profile)
    megabytes = seconds["MB"]
    print(f"{len(files)} reports, {megabytes:.3f} MB: load {seconds['load']:.2f} CPU-s "
          f"({seconds['load'] / megabytes:.2f} per MB), extract {seconds['extract']:.2f} CPU-s "
          f"({seconds['extract'] / megabytes:.2f} per MB, {megabytes / seconds['extract']:.3f} MB per CPU-s)")


if __name__ == "__main__":
    main()

"""The main job: report files -> loaded reports -> extractions -> named graphs -> the store.

Each report's graph is made in full before the store is touched, then swapped in
atomically, so a bad or crashing report never leaves a partial graph and never changes
what was already stored. Bad files are collected, not raised, so a batch builds the good
ones and still tells the caller which failed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.errors import ReportError
from kg.graph.build import ReportTriples, report_ntriples, text_digest
from kg.graph.iris import report_iri
from kg.graph.vocab import KG
from kg.loaders import load_report
from kg.loaders.datasets import DatasetOptions, ReportInput, dataset_inputs, folder_metadata, is_dataset
from kg.loaders.model import Report
from kg.store import GraphStore
from kg.version import extractor_version
from kg.workers import results_in_order

__all__ = [
    "BuildResult", "ReportSummary", "build", "build_report", "report_files", "report_sources", "report_triples",
    "report_warnings", "source_name",
]

REPORT_SUFFIXES = (".txt", ".html", ".htm")
_BATCH_TRIPLES = 200_000
"""Triples of new graphs bulk-loaded together; also how much the store buffers between flushes."""
_OPTIMIZE_TRIPLES = 1_000_000
"""A build that bulk-loads this many triples (about 300 reports) compacts the store after it.
Below it the compaction would cost more than it saves: adding a few reports to a large store
would rewrite all of it."""


@dataclass(frozen=True)
class ReportSummary:
    """What one report added to the store."""

    source: str
    graph: str
    triples: int
    sentences: int
    agencies: int
    organizations: int
    places: int
    policies: int
    plans: int
    targets: int
    warnings: tuple[str, ...] = ()  # what the report lacks that a reader of the graph expects


@dataclass
class BuildResult:
    """Reports built and files that failed, in input order."""

    built: list[ReportSummary] = field(default_factory=list)
    failed: list[ReportError] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # source names whose stored graph is current

    @property
    def ok(self) -> bool:
        return not self.failed


def report_files(
    paths: Iterable[str | Path | ReportInput], options: DatasetOptions | None = None
) -> tuple[list[Path | ReportInput], list[ReportError]]:
    """Expand files, folders and datasets into reports (sorted within a folder) and path and row errors.

    A dataset (.csv, .tsv, .jsonl) gives one :class:`ReportInput` per good row and one error
    per bad row; a folder file that the folder's ``metadata.csv`` names is a :class:`ReportInput`
    carrying that metadata. A folder or file that cannot be read is an error naming it, not silently skipped.
    """
    files: list[Path | ReportInput] = []
    errors: list[ReportError] = []
    for raw in paths:
        if isinstance(raw, ReportInput):  # already expanded (a row, or a file metadata.csv describes)
            files.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            before = len(errors)
            found = _folder_reports(path, errors)
            if not found and len(errors) == before:
                errors.append(ReportError(path, "folder holds no .txt or .html report files"))
            files.extend(_with_folder_metadata(path, found, errors))
        elif not path.exists():
            errors.append(ReportError(path, "no such file or folder"))
        elif not os.access(path, os.R_OK):
            errors.append(ReportError(path, "cannot read the file (permission denied)"))
        elif is_dataset(path):
            rows, bad = dataset_inputs(path, options)
            files.extend(rows)
            errors.extend(bad)
        else:
            files.append(path)
    return files, errors


def _folder_reports(folder: Path, errors: list[ReportError]) -> list[Path]:
    """The readable report files under ``folder``, sorted; unreadable files and subfolders go to ``errors``."""
    found: list[Path] = []
    unreadable: list[ReportError] = []

    def refused(error: OSError) -> None:
        unreadable.append(ReportError(error.filename or folder, f"cannot read the folder ({error.strerror or error})"))

    for top, _, names in os.walk(folder, onerror=refused):
        for name in names:
            path = Path(top, name)
            if path.suffix.lower() not in REPORT_SUFFIXES or not path.is_file():
                continue
            if os.access(path, os.R_OK):
                found.append(path)
            else:
                unreadable.append(ReportError(path, "cannot read the file (permission denied)"))
    errors.extend(sorted(unreadable, key=lambda e: e.path))
    return sorted(found)


def _with_folder_metadata(folder: Path, found: list[Path], errors: list[ReportError]) -> list[Path | ReportInput]:
    """``found`` with each file that ``folder/metadata.csv`` names carrying what it says."""
    described, bad = folder_metadata(folder)
    errors.extend(bad)
    if not described:
        return list(found)
    out: list[Path | ReportInput] = []
    for path in found:
        meta = described.get(path.relative_to(folder).as_posix())
        source = source_name(path, [folder])
        out.append(ReportInput(path, str(path), source, None, tuple(sorted(meta.items()))) if meta else path)
    return out


def report_sources(
    paths: Iterable[str | Path | ReportInput], options: DatasetOptions | None = None
) -> tuple[list[tuple[Path | ReportInput, str]], list[ReportError]]:
    """Reports under ``paths`` (files and dataset rows), each with its source name, and path and row errors.

    The source name (which names the report's graph) is the file's path relative to the folder
    given (``a/r.txt``), or the bare name of a file given itself, without spaces around a part.
    Distinct files that would get one report IRI (``r.txt`` and ``r.html``) are errors, found
    before anything is built, so no report silently replaces another. A dataset row is named
    ``DATASET#KEY`` (:func:`kg.loaders.datasets.dataset_inputs`).
    """
    paths = [p if isinstance(p, ReportInput) else Path(p) for p in paths]
    files, errors = report_files(paths, options)
    folders = [p for p in paths if isinstance(p, Path) and p.is_dir()]
    named = [(path, path.source if isinstance(path, ReportInput) else source_name(path, folders)) for path in files]
    clashes = _clashing_sources(named)
    errors.extend(clashes.values())
    return [(path, source) for path, source in named if path not in clashes], errors


def source_name(path: Path, folders: Iterable[Path] = ()) -> str:
    """The name a report file builds under: its path below the first of ``folders`` holding it, else its file name."""
    root = next((folder for folder in folders if path.is_relative_to(folder)), path.parent)
    return "/".join(part.strip() for part in path.relative_to(root).parts)


def _clashing_sources(named: list[tuple[Path | ReportInput, str]]) -> dict[Path | ReportInput, ReportError]:
    """An error for every input whose report IRI another distinct input shares."""
    by_iri: dict[str, dict[object, str]] = {}
    for path, source in named:
        by_iri.setdefault(str(report_iri(source)), {}).setdefault(_identity(path), source)
    clashes: dict[Path | ReportInput, ReportError] = {}
    for path, source in named:
        others = [s for p, s in by_iri[str(report_iri(source))].items() if p != _identity(path)]
        if others:
            reason = f"same report name as {', '.join(sorted(set(others)))} (rename one; neither is built)"
            clashes[path] = ReportError(path, reason)
    return clashes


def _identity(item: Path | ReportInput) -> object:
    """What makes two inputs the same report: the resolved file, or the dataset row."""
    if isinstance(item, ReportInput):
        return (item.path.resolve(), item.label) if item.text is not None else item.path.resolve()
    return item.resolve()


def report_triples(path: str | Path | ReportInput, source: str | None = None) -> tuple[ReportTriples, ReportSummary]:
    """Load, extract and write one report's named graph as N-Triples, without touching a store.

    ``source`` names the report (see :func:`source_name`); by default its file name.
    """
    from kg.extract.pipeline import extract_report  # imported by the first report built, not for unchanged ones

    try:
        report = load_report(path, source=source)
        extraction = extract_report(report)
        built = report_ntriples(report, extraction)
    except ReportError:
        raise
    except Exception as exc:  # a bug must not take the batch down or leave a partial graph
        raise ReportError(path, f"unexpected {type(exc).__name__} while building: {exc}") from exc
    summary = ReportSummary(
        source=report.source,
        graph=str(built.name),
        triples=built.triples,
        sentences=len(report.sentences),
        agencies=len(extraction.agencies),
        organizations=len(extraction.organizations),
        places=len(extraction.places),
        policies=len(extraction.policies),
        plans=len(extraction.plans),
        targets=len(extraction.targets),
        warnings=report_warnings(report),
    )
    return built, summary


def report_warnings(report: Report) -> tuple[str, ...]:
    """Gaps in a built report worth telling the user: a report with no issuer or jurisdiction
    has no government to hang its agencies and targets on."""
    meta = report.meta
    return () if meta.issuer and meta.jurisdiction else ("no issuer or jurisdiction found",)


def build_report(path: str | Path) -> tuple[Graph, ReportSummary]:
    """Load, extract and turn one report into its named graph (rdflib), without touching a store."""
    built, summary = report_triples(path)
    graph = Graph(identifier=built.name)
    graph.parse(data=built.ntriples, format="nt")
    return graph, summary


def _outcome(path: Path, source: str | None = None) -> tuple[ReportTriples, ReportSummary] | ReportError:
    """One report's graph and summary, or its error: what a worker process sends back."""
    try:
        return report_triples(path, source)
    except ReportError as error:
        return ReportError(error.path, error.reason)


def build(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    workers: int = 1,
    force: bool = False,
    on_report: Callable[[Path, ReportSummary | ReportError | None], None] | None = None,
    on_optimize: Callable[[], None] | None = None,
    dataset: DatasetOptions | None = None,
) -> BuildResult:
    """Build every report under ``paths`` into ``store``; a report built again replaces its graph.

    A report whose stored graph states the same text digest and extractor version
    (:func:`kg.version.extractor_version`) is skipped and listed in ``unchanged``, unless
    ``force``. ``workers`` > 1 extracts in that many processes (the store is written from
    this one, and loads in a thread of its own meanwhile). ``on_report`` is called after
    each file (with ``None`` for one skipped), e.g. to advance a progress bar;
    ``on_optimize`` before a large build compacts the store. ``dataset`` says how dataset
    files are read (text column, mapped columns).
    """
    named, errors = report_sources(paths, dataset)
    result = BuildResult(failed=list(errors))
    if on_report:
        for error in errors:
            if Path(error.path).is_file():  # a file refused before building still counts as done
                on_report(Path(error.path), error)
    if not force:
        named = _changed(named, store, result, on_report)
    store.ensure_ontology()  # writes only if the packaged ontology changed
    if not named:
        return result
    with store.writer(batch_triples=_BATCH_TRIPLES) as writer:
        for (path, _), outcome in zip(named, _outcomes(named, workers), strict=True):
            if isinstance(outcome, ReportError):
                result.failed.append(outcome)
            else:
                built, summary = outcome
                writer.write(built.name, built.ntriples, built.triples)
                result.built.append(summary)
            if on_report:
                on_report(path, outcome if isinstance(outcome, ReportError) else outcome[1])
    if writer.bulk_loaded >= _OPTIMIZE_TRIPLES:
        if on_optimize:
            on_optimize()
        store.optimize()
    return result


def _changed(named: list[tuple[Path | ReportInput, str]], store: GraphStore, result: BuildResult,
             on_report: Callable[[Path, ReportSummary | ReportError | None], None] | None,
             ) -> list[tuple[Path | ReportInput, str]]:
    """The reports of ``named`` whose stored graph is missing or stale; the others go to ``result.unchanged``.

    Only a report whose graph states the current extractor version is loaded to compare text
    digests (loading is about a tenth of building); a file that fails to load is left for the
    build to report.
    """
    version = extractor_version()
    versions = store.report_literals(KG.extractorVersion)
    digests = store.report_literals(KG.textDigest) if version in versions.values() else {}
    todo: list[tuple[Path | ReportInput, str]] = []
    for path, source in named:
        graph = str(report_iri(source))
        if versions.get(graph) == version and graph in digests and _text_digest(path, source) == digests[graph]:
            result.unchanged.append(source)
            if on_report:
                on_report(path, None)
        else:
            todo.append((path, source))
    return todo


def _text_digest(path: Path | ReportInput, source: str) -> str | None:
    """The ``kg:textDigest`` the report would get, or ``None`` if it does not load."""
    try:
        return text_digest(load_report(path, source=source))
    except Exception:  # a bad file: the build itself says why, in the usual way
        return None


def _outcomes(
    files: list[tuple[Path, str]], workers: int
) -> Iterator[tuple[ReportTriples, ReportSummary] | ReportError]:
    """Build ``files`` (paths and source names) in input order, in ``workers`` processes when
    more than one (:func:`kg.workers.results_in_order`: a few reports per worker in flight,
    workers ending with this process even when it is killed)."""
    import kg.extract.pipeline  # noqa: F401  imported once here, so forked workers need not import it again

    return results_in_order(_outcome, files, workers if len(files) > 1 else 1)

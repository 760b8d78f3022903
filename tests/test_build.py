"""kg.build: expanding inputs, batches with bad files, atomic rebuilds, parallel builds."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from kg import build as build_module
from kg.build import build, build_report, report_files, report_warnings
from kg.errors import ReportError
from kg.graph import iris
from kg.loaders import load_text
from kg.store import open_store
from tests.conftest import EXAMPLES, data_quads

SMALL = ["changchun-erdao-2021-gov-report.txt", "fushun-wanghua-2022-gov-report.txt"]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def _bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "empty": folder / "empty.txt",
        "binary": folder / "image.txt",
        "undecodable": folder / "undecodable.txt",
        "no structure": folder / "english.txt",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(PNG * 4)
    files["undecodable"].write_bytes(bytes(range(128, 256)) * 20)
    files["no structure"].write_text("This is a shopping list. Eggs, milk and bread.\n" * 10, encoding="utf-8")
    return files


@pytest.fixture
def small_folder(tmp_path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


# report_files ------------------------------------------------------------------------------
def test_report_files_expands_folders_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.TXT", "sub/c.html", "sub/d.htm", "notes.md", "sub/e.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, errors = report_files([tmp_path])
    assert errors == []
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a.TXT", "b.txt", "sub/c.html", "sub/d.htm"]


def test_report_files_keeps_explicit_files_in_order(tmp_path):
    for name in ("z.txt", "a.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, errors = report_files([tmp_path / "z.txt", str(tmp_path / "a.txt")])
    assert files == [tmp_path / "z.txt", tmp_path / "a.txt"]
    assert errors == []


def test_report_files_errors_for_missing_paths_and_empty_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "readme.md").write_text("x", encoding="utf-8")
    files, errors = report_files([tmp_path / "missing.txt", tmp_path / "empty", tmp_path / "other"])
    assert files == []
    assert [Path(e.path).name for e in errors] == ["missing.txt", "empty", "other"]
    assert all(isinstance(e, ReportError) and e.reason and "\n" not in str(e) for e in errors)


# batches ---------------------------------------------------------------------------------------
def test_bad_files_among_good_ones(small_folder):
    bad = _bad_files(small_folder)
    with open_store(memory=True) as store:
        result = build([small_folder], store)
        assert sorted(s.source for s in result.built) == sorted(SMALL)
        assert sorted(Path(e.path).name for e in result.failed) == sorted(p.name for p in bad.values())
        assert not result.ok
        for error in result.failed:
            assert isinstance(error, ReportError)
            assert str(error) == f"{error.path}: {error.reason}"
            assert "\n" not in str(error)
            assert error.reason
        assert store.report_graphs() == sorted(iris.report_iri(n) for n in SMALL)


@pytest.mark.parametrize("kind", ["empty", "binary", "undecodable", "no structure"])
def test_each_bad_file_has_a_reason(tmp_path, kind):
    path = _bad_files(tmp_path)[kind]
    with pytest.raises(ReportError) as info:
        build_report(path)
    assert Path(info.value.path).name == path.name
    assert info.value.reason and "\n" not in info.value.reason


def test_missing_path_is_reported_with_the_built_ones(small_folder, tmp_path):
    with open_store(memory=True) as store:
        result = build([small_folder / SMALL[0], tmp_path / "nope.txt"], store)
    assert [s.source for s in result.built] == [SMALL[0]]
    assert [Path(e.path).name for e in result.failed] == ["nope.txt"]


def test_summary_matches_graph(small_folder):
    graph, summary = build_report(small_folder / SMALL[0])
    assert summary.source == SMALL[0]
    assert summary.graph == str(graph.identifier) == str(iris.report_iri(SMALL[0]))
    assert summary.triples == len(graph) > 0
    assert summary.sentences > 0


# atomicity -------------------------------------------------------------------------------------
def test_rebuilding_a_report_replaces_its_graph(small_folder):
    with open_store(memory=True) as store:
        build([small_folder / SMALL[0]], store)
        first = data_quads(store)
        size = len(store)
        build([small_folder / SMALL[0]], store)
        assert len(store) == size
        assert data_quads(store) == first
        assert len(store.report_graphs()) == 1


def test_failing_report_leaves_the_store_unchanged(small_folder, tmp_path):
    with open_store(memory=True) as store:
        build([small_folder], store)
        before, size = data_quads(store), len(store)
        # a broken file with the same name as a stored report must not touch its graph
        broken = tmp_path / "broken"
        broken.mkdir()
        (broken / SMALL[0]).write_bytes(b"")
        result = build([broken / SMALL[0]], store)
        assert [Path(e.path).name for e in result.failed] == [SMALL[0]]
        assert result.built == []
        assert len(store) == size
        assert data_quads(store) == before


def test_crash_inside_the_pipeline_becomes_a_report_error(small_folder, monkeypatch):
    def boom(report):
        raise ZeroDivisionError("kaboom")

    with open_store(memory=True) as store:
        build([small_folder / SMALL[0]], store)
        before = data_quads(store)
        monkeypatch.setattr("kg.extract.pipeline.extract_report", boom)  # kg.build imports it when building
        result = build([small_folder], store, force=True)
        assert result.built == []
        assert len(result.failed) == 2
        assert all("ZeroDivisionError" in e.reason and "\n" not in str(e) for e in result.failed)
        assert data_quads(store) == before


def test_on_report_called_for_every_file(small_folder):
    _bad_files(small_folder)
    seen = []
    with open_store(memory=True) as store:
        build([small_folder], store, on_report=lambda path, outcome: seen.append((path.name, type(outcome).__name__)))
    assert len(seen) == len(SMALL) + 4
    assert {kind for _, kind in seen} == {"ReportSummary", "ReportError"}


def _serial_and_parallel(folder: Path):
    with open_store(memory=True) as one, open_store(memory=True) as two:
        serial = build([folder], one, workers=1)
        parallel = build([folder], two, workers=2)
        assert data_quads(one) == data_quads(two)
        assert len(one) == len(two)
    assert [s.source for s in serial.built] == [s.source for s in parallel.built]
    assert [str(e) for e in serial.failed] == [str(e) for e in parallel.failed]
    return serial


def test_parallel_build_gives_the_same_quads(small_folder):
    serial = _serial_and_parallel(small_folder)
    assert len(serial.built) == len(SMALL)


def test_parallel_build_with_a_bad_file(small_folder):
    (small_folder / "empty.txt").write_bytes(b"")
    serial = _serial_and_parallel(small_folder)
    assert len(serial.failed) == 1


def test_report_error_survives_pickling():
    error = pickle.loads(pickle.dumps(ReportError("a.txt", "empty file")))
    assert (error.path, error.reason, str(error)) == ("a.txt", "empty file", "a.txt: empty file")


class _CountingPool:
    """A synchronous stand-in for ProcessPoolExecutor that counts submitted tasks."""

    submitted = 0

    def __init__(self, max_workers: int, **_: object) -> None:
        self.max_workers = max_workers

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def submit(self, fn, *args):
        from concurrent.futures import Future

        type(self).submitted += 1
        future: Future = Future()
        future.set_result(fn(*args))
        return future


def test_parallel_build_keeps_only_a_few_reports_in_flight(tmp_path, monkeypatch):
    files = []
    for n in range(40):
        path = tmp_path / f"r{n:02d}.txt"
        path.write_bytes(b"")
        files.append(path)
    from kg import workers

    monkeypatch.setattr(workers, "ProcessPoolExecutor", _CountingPool)
    _CountingPool.submitted = 0
    outcomes = build_module._outcomes([(path, path.name) for path in files], 2)
    for consumed in range(1, 11):
        outcome = next(outcomes)
        assert isinstance(outcome, ReportError)
        assert _CountingPool.submitted <= consumed + 2 * workers._AHEAD
    assert [Path(o.path).name for o in outcomes] == [p.name for p in files[10:]]


def test_report_triples_matches_build_report(small_folder):
    from kg.build import report_triples

    built, summary = report_triples(small_folder / SMALL[0])
    graph, same = build_report(small_folder / SMALL[0])
    assert summary == same
    assert built.name == graph.identifier
    assert len(graph) == built.triples == len(set(built.ntriples.splitlines()))


def test_long_builds_flush_the_store_as_they_go(small_folder, monkeypatch):
    monkeypatch.setattr(build_module, "_BATCH_TRIPLES", 1)
    with open_store(memory=True) as store:
        flushes = []
        monkeypatch.setattr(store, "flush", lambda: flushes.append(1))
        result = build([small_folder], store)
        assert len(result.built) == len(SMALL)
        assert len(flushes) >= len(SMALL)  # one per report written, and one when the build ends


def test_a_large_build_compacts_the_store_and_a_small_one_does_not(small_folder, tmp_path, monkeypatch):
    compacted, told = [], []
    monkeypatch.setattr(type(open_store(memory=True)), "optimize", lambda self: compacted.append(self.path))
    with open_store(tmp_path / "small") as store:
        build([small_folder], store, on_optimize=lambda: told.append(1))
    assert compacted == [] and told == []
    monkeypatch.setattr(build_module, "_OPTIMIZE_TRIPLES", 1)
    with open_store(tmp_path / "large") as store:
        build([small_folder], store, on_optimize=lambda: told.append(1))
        build([small_folder], store, on_optimize=lambda: told.append(1))  # rebuilt: replaced, nothing bulk-loaded
    assert compacted == [tmp_path / "large"] and told == [1]


def test_optimize_keeps_every_quad(small_folder, tmp_path):
    with open_store(tmp_path / "store") as store:
        build([small_folder], store)
        before = sorted(map(str, store.quads()))
        store.optimize()
        assert sorted(map(str, store.quads())) == before


def test_report_without_issuer_or_jurisdiction_is_warned_about(small_folder):
    _, summary = build_report(small_folder / SMALL[0])
    assert summary.warnings == ()
    unplaced = load_text("政府工作报告\n过去一年，我们坚持稳中求进，推动经济持续向好。")
    assert report_warnings(unplaced) == ("no issuer or jurisdiction found",)
    placed = load_text("浙江省人民政府工作报告\n过去一年，我们坚持稳中求进，推动经济持续向好。")
    assert report_warnings(placed) == ()

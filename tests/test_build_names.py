"""Report identity: every input file builds its own graph, or is an error before anything is written."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg.build import build, report_sources, source_name
from kg.graph import iris
from kg.store import open_store
from tests.conftest import EXAMPLES

REPORT = "changchun-erdao-2021-gov-report.txt"
OTHER = "fushun-wanghua-2022-gov-report.txt"


def test_source_name_is_the_path_below_the_folder_given() -> None:
    root = Path("/data/reports")
    assert source_name(root / "a" / "r.txt", [root]) == "a/r.txt"
    assert source_name(root / "r.txt", [root]) == "r.txt"
    assert source_name(Path("/elsewhere/x/r.txt"), [root]) == "r.txt"
    assert source_name(Path("/data/ r.txt ")) == "r.txt"


def test_same_stem_in_two_folders_builds_two_graphs(tmp_path: Path) -> None:
    for folder, name in (("a", REPORT), ("b", OTHER)):
        (tmp_path / folder).mkdir()
        shutil.copy(EXAMPLES / name, tmp_path / folder / "r.txt")
    with open_store(memory=True) as store:
        result = build([tmp_path], store)
        assert result.ok
        assert sorted(s.source for s in result.built) == ["a/r.txt", "b/r.txt"]
        assert store.report_graphs() == sorted([iris.report_iri("a/r.txt"), iris.report_iri("b/r.txt")])


def test_top_level_files_keep_their_file_name(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / REPORT, tmp_path / REPORT)
    with open_store(memory=True) as store:
        result = build([tmp_path], store)
    assert [s.source for s in result.built] == [REPORT]
    assert result.built[0].graph.endswith("/id/report/" + REPORT.removesuffix(".txt"))


def test_txt_and_html_of_one_stem_are_an_error_before_anything_is_written(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / REPORT, tmp_path / "report.txt")
    shutil.copy(EXAMPLES / OTHER, tmp_path / "report.html")
    shutil.copy(EXAMPLES / OTHER, tmp_path / "other.txt")
    seen: list[str] = []
    with open_store(memory=True) as store:
        result = build([tmp_path], store, on_report=lambda path, _: seen.append(path.name))
        assert store.report_graphs() == [iris.report_iri("other.txt")]
    assert [s.source for s in result.built] == ["other.txt"]
    assert sorted(Path(e.path).name for e in result.failed) == ["report.html", "report.txt"]
    assert all("same report name" in e.reason for e in result.failed)
    assert sorted(seen) == ["other.txt", "report.html", "report.txt"]


def test_name_with_leading_space_clashes_instead_of_replacing(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / REPORT, tmp_path / REPORT)
    shutil.copy(EXAMPLES / OTHER, tmp_path / f" {REPORT}")
    named, errors = report_sources([tmp_path])
    assert named == []
    assert len(errors) == 2


def test_one_file_given_twice_is_no_clash(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / REPORT, tmp_path / REPORT)
    named, errors = report_sources([tmp_path, tmp_path / REPORT])
    assert errors == []
    assert [source for _, source in named] == [REPORT, REPORT]


def test_stored_source_file_has_no_surrounding_space(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / REPORT, tmp_path / f" {REPORT} ")
    with open_store(memory=True) as store:
        result = build([tmp_path / f" {REPORT} "], store)
    assert [s.source for s in result.built] == [REPORT]

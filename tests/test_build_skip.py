"""kg.build skips reports whose text and extractor version are those their stored graph states."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg import build as build_module
from kg import version as version_module
from kg.build import build
from kg.extract import pipeline
from kg.graph.vocab import KG
from kg.store import GraphStore, open_store
from kg.store.store import GraphWriter
from kg.version import extractor_version
from tests.conftest import data_quads, release

REPORT = """青山市人民政府工作报告
2025年1月10日在青山市第十届人民代表大会第三次会议上
一、2024年工作回顾
全市地区生产总值增长5.2%，新建口袋公园12处。
二、2025年主要任务
市生态环境局负责治理清水河，年底前优良天数达到300天以上。
市教育局新建中小学5所。
"""


@pytest.fixture
def folder(tmp_path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(REPORT, encoding="utf-8")
    (reports / "b.txt").write_text(REPORT.replace("青山市", "绿水市").replace("12处", "8处"), encoding="utf-8")
    return reports


def test_second_build_of_unchanged_files_writes_nothing(folder, tmp_path, monkeypatch):
    store_dir = tmp_path / "store"
    store = open_store(store_dir)
    first = build([folder], store)
    assert [s.source for s in first.built] == ["a.txt", "b.txt"] and first.unchanged == []
    release(store)
    store = open_store(store_dir)
    before, count = data_quads(store), len(store)

    def no_write(*args, **kwargs):
        raise AssertionError("an unchanged build wrote to the store")

    for owner, name in ((GraphWriter, "write"), (GraphStore, "replace_ntriples"), (GraphStore, "remove_graph"),
                        (pipeline, "extract_report")):
        monkeypatch.setattr(owner, name, no_write)
    seen = []
    second = build([folder], store, on_report=lambda path, outcome: seen.append((path.name, outcome)))
    assert second.built == [] and second.failed == []
    assert second.unchanged == ["a.txt", "b.txt"]
    assert seen == [("a.txt", None), ("b.txt", None)]
    assert data_quads(store) == before and len(store) == count
    release(store)


def test_changed_text_is_rebuilt_and_the_rest_skipped(folder):
    with open_store(memory=True) as store:
        build([folder], store)
        (folder / "b.txt").write_text(REPORT.replace("5所", "7所"), encoding="utf-8")
        result = build([folder], store)
        assert [s.source for s in result.built] == ["b.txt"]
        assert result.unchanged == ["a.txt"]
        text = store.dump_graph(store.report_graphs()[1])
        assert "7所" in text and "5所" not in text


def test_touched_but_identical_file_is_skipped(folder):
    with open_store(memory=True) as store:
        build([folder], store)
        os.utime(folder / "a.txt", (1, 1))  # only the contents count, not the file's time
        assert build([folder / "a.txt"], store).unchanged == ["a.txt"]


def test_new_extractor_version_rebuilds_everything(folder, monkeypatch):
    with open_store(memory=True) as store:
        build([folder], store)
        monkeypatch.setattr(build_module, "extractor_version", lambda: "9.9.9+feedbeef")
        result = build([folder], store)
        assert [s.source for s in result.built] == ["a.txt", "b.txt"] and result.unchanged == []


def test_force_rebuilds_unchanged_reports(folder):
    with open_store(memory=True) as store:
        build([folder], store)
        result = build([folder], store, force=True)
        assert [s.source for s in result.built] == ["a.txt", "b.txt"] and result.unchanged == []


def test_a_stored_report_whose_file_went_bad_is_an_error_and_keeps_its_graph(folder):
    with open_store(memory=True) as store:
        build([folder], store)
        before = data_quads(store)
        (folder / "a.txt").write_bytes(b"")
        result = build([folder], store)
        assert [Path(e.path).name for e in result.failed] == ["a.txt"]
        assert result.unchanged == ["b.txt"]
        assert data_quads(store) == before


def test_graph_states_text_digest_and_extractor_version(folder):
    with open_store(memory=True) as store:
        build([folder / "a.txt"], store)
        versions = store.report_literals(KG.extractorVersion)
        assert list(versions.values()) == [extractor_version()]
        assert len(next(iter(store.report_literals(KG.textDigest).values()))) == 64


def test_extractor_version_follows_the_extractor_files(tmp_path, monkeypatch):
    package = tmp_path / "kgfakeextractor"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    words = package / "data" / "words.txt"
    words.write_text("# test words\n水利局\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(version_module, "EXTRACTOR_PACKAGES", ("kgfakeextractor",))
    first = version_module.extractor_version.__wrapped__()
    assert first.split("+")[0] == extractor_version().split("+")[0]
    assert version_module.extractor_version.__wrapped__() == first
    words.write_text("# test words\n水务局\n", encoding="utf-8")
    assert version_module.extractor_version.__wrapped__() != first


def test_unchanged_build_still_restores_the_ontology_graph(folder):
    import pyoxigraph as ox

    from kg.graph.vocab import GRAPH_ONTOLOGY

    with open_store(memory=True) as store:
        build([folder], store)
        ontology = ox.NamedNode(str(GRAPH_ONTOLOGY))
        full = len(list(store.ox.quads_for_pattern(None, None, None, ontology)))
        store.ox.remove(next(iter(store.ox.quads_for_pattern(None, None, None, ontology))))
        assert build([folder], store).unchanged == ["a.txt", "b.txt"]
        assert len(list(store.ox.quads_for_pattern(None, None, None, ontology))) == full


def test_changed_metadata_csv_rebuilds_the_report_it_names(folder):
    """A folder's metadata.csv changes a report's metadata without changing its text: rebuilt."""
    with open_store(memory=True) as store:
        build([folder], store)
        (folder / "metadata.csv").write_text("file,title\na.txt,青山市2025年政府工作报告（修订）\n", encoding="utf-8")
        result = build([folder], store)
        assert [s.source for s in result.built] == ["a.txt"] and result.unchanged == ["b.txt"]
        assert "（修订）" in store.dump_graph(store.report_graphs()[0])


def test_changed_dataset_row_metadata_rebuilds_only_that_row(tmp_path):
    data = tmp_path / "reports.csv"
    body = REPORT.replace("\n", "\\n")
    rows = [("https://example.org/a", "甲"), ("https://example.org/b", "乙")]

    def write(titles: dict[str, str]) -> None:
        lines = ["url,title,content"] + [f'{url},{titles.get(url, name + "市政府工作报告")},"{body}"'
                                          for url, name in rows]
        data.write_text("\n".join(lines).replace("\\n", "\n") + "\n", encoding="utf-8")

    write({})
    with open_store(memory=True) as store:
        first = build([data], store)
        assert len(first.built) == 2
        write({"https://example.org/b": "乙市2025年政府工作报告"})
        second = build([data], store)
        assert len(second.built) == 1 and len(second.unchanged) == 1


def test_a_build_of_unchanged_reports_imports_no_extractor(folder, tmp_path):
    import subprocess
    import sys

    store_dir = tmp_path / "store"
    store = open_store(store_dir)
    build([folder], store)
    release(store)
    code = ("import sys\nfrom kg.build import build\nfrom kg.store import open_store\n"
            f"with open_store({str(store_dir)!r}) as store:\n"
            f"    result = build([{str(folder)!r}], store)\n"
            "print(len(result.unchanged), len(result.built), 'kg.extract.pipeline' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2", "0", "False"]

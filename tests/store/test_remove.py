"""kg.store.remove: reports found by source name, path or IRI, dropped all or none."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.errors import KgError
from kg.store import open_store
from kg.store.remove import remove_reports, reports_named

REPORT = """青山市人民政府工作报告
一、2024年工作回顾
全市新建口袋公园12处。
二、2025年主要任务
市教育局新建中小学5所。
"""


@pytest.fixture
def store(tmp_path):
    for name in ("a.txt", "sub/a.txt", "sub/b.txt"):
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT.replace("12处", f"{len(name)}处"), encoding="utf-8")
    with open_store(memory=True) as opened:
        assert build([tmp_path / "in"], opened).ok
        yield opened


def test_names_resolve_by_source_path_and_iri(store):
    graphs = {source: str(graph) for source, graph in reports_named(store, ["a.txt", "sub/b.txt"]).items()}
    assert list(graphs) == ["a.txt", "sub/b.txt"]
    assert list(reports_named(store, ["corpus/in/sub/b.txt"])) == ["sub/b.txt"]
    assert list(reports_named(store, [graphs["a.txt"]])) == ["a.txt"]


def test_remove_drops_only_the_named_graphs(store):
    before = len(store.report_graphs())
    assert remove_reports(store, ["sub/b.txt", "a.txt"]) == ["sub/b.txt", "a.txt"]
    assert len(store.report_graphs()) == before - 2
    assert list(reports_named(store, ["sub/a.txt"])) == ["sub/a.txt"]


def test_unknown_name_removes_nothing(store):
    before = len(store)
    with pytest.raises(KgError, match=r"^nope\.txt: no such report"):
        remove_reports(store, ["a.txt", "nope.txt"])
    assert len(store) == before


def test_path_matching_two_reports_is_refused(store):
    with pytest.raises(KgError, match=r"names several stored reports \(a\.txt, sub/a\.txt\)"):
        reports_named(store, ["x/sub/a.txt"])

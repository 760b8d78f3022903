"""What a view selects: types, report, focus neighbourhood, size limit."""

from __future__ import annotations

import pytest

from kg.analyse.nodes import display_name
from kg.errors import KgError
from kg.view.select import select_view


def _names(index, view) -> set[str]:
    return {display_name(index.pg.nodes[u]) for u in view.nodes}


def test_default_view_leaves_out_sentences_and_sections(small):
    index, _, _ = small
    view = select_view(index)
    kinds = {label for u in view.nodes for label in index.pg.nodes[u].labels}
    assert {"Agency", "Target", "River", "Report"} <= kinds
    assert not kinds & {"Sentence", "Section"}
    assert view.message == ""


def test_types_keep_subclasses(small):
    index, _, _ = small
    assert _names(index, select_view(index, types=["River"])) == {"甲河", "乙河"}
    places = select_view(index, types=["Place"])
    assert {"甲河", "乙河", "甲市", "乙市"} == _names(index, places)
    with pytest.raises(KgError, match="unknown type"):
        select_view(index, types=["Rivers"])


def test_report_view(small):
    index, _, _ = small
    view = select_view(index, report="b.txt", types=["Agency", "Target", "River"])
    assert _names(index, view) == {"乙市生态环境局", "乙河水质提升", "去年乙河水质", "甲河", "乙河"}
    assert all(e[0] in view.nodes and e[2] in view.nodes for e in view.edges)
    assert view.message == "report b.txt"


def test_focus_walks_depth_but_not_through_reports(small):
    index, _, _ = small
    assert _names(index, select_view(index, focus="甲市水利局", depth=0)) == {"甲市水利局"}
    one = _names(index, select_view(index, focus="水利局", depth=1))
    assert one == {"甲市水利局", "甲河水质达标", "甲市", "a.txt"}  # its target, jurisdiction, report
    two = _names(index, select_view(index, focus="水利局", depth=2))
    assert {"甲河", "甲市生态环境局"} <= two
    assert "新建学校2所" not in two  # reached only through the report or the city


def test_focus_partial_match_says_so(small):
    index, _, _ = small
    view = select_view(index, focus="生态环境", depth=0)
    assert len(view.focus) == 2 and "matched 2 nodes" in view.message
    with pytest.raises(KgError, match="no node named like"):
        select_view(index, focus="不存在")


def test_large_view_is_cut_with_a_message(example_index):
    view = select_view(example_index, types=["Target", "Agency", "Place", "Sentence"], max_nodes=200)
    assert len(view.nodes) == 200
    assert view.message.startswith("showing 200 of ") and "Sentence" in view.message
    kept = set(view.nodes)
    assert all(e[0] in kept and e[2] in kept for e in view.edges)

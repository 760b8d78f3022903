"""The planner's entry points: an agency's work and a place's commitments, one scoped query each."""

from __future__ import annotations

from typing import Any

import pytest

from kg.analyse.nodes import display_name
from kg.errors import KgError
from kg.view.select import reports_where, select_view
from kg.view.table import target_rows
from tests.view.test_select import _Spy


def _by_name(view) -> dict[str, str]:
    return {display_name(view.index.pg.nodes[u]): u for u in view.nodes}


def _edges(view) -> set[tuple[str, str, str]]:
    names = {u: display_name(view.index.pg.nodes[u]) for u in view.nodes}
    return {(names[s], t, names[o]) for s, t, o in view.edges}


def test_agency_view_is_what_the_body_owns_by_report(small_store):
    store, a, _ = small_store
    view = select_view(store, agency="甲市水利局")
    names = _by_name(view)
    assert set(names) == {"甲市水利局", "a.txt", "甲河水质达标", "甲河"}
    assert view.focus == [names["甲市水利局"]]
    assert view.children[names["甲市水利局"]] == [str(a.iri)]
    assert view.children[str(a.iri)] == [names["甲河水质达标"]]
    assert view.children[names["甲河水质达标"]] == [names["甲河"]]
    assert _edges(view) == {("甲河水质达标", "RESPONSIBLE_AGENCY", "甲市水利局"),
                            ("甲河水质达标", "IN_REPORT", "a.txt"), ("a.txt", "MENTIONS", "甲市水利局"),
                            ("甲河水质达标", "ABOUT_PLACE", "甲河")}
    assert view.table and view.message == "agency '甲市水利局': 1 matched, 1 reports, 1 items"


def test_agency_view_across_reports_says_how_it_is_linked(small_store):
    store, _, _ = small_store
    view = select_view(store, agency="生态环境局")  # 甲市's and 乙市's
    edges = _edges(view)
    assert ("甲河水质达标", "SUPPORTING_AGENCY", "甲市生态环境局") in edges
    assert ("乙河水质提升", "RESPONSIBLE_AGENCY", "乙市生态环境局") in edges
    assert ("去年乙河水质", "NAMED_WITH", "乙市生态环境局") in edges  # same sentence, not owned
    assert len(view.focus) == 2 and "2 matched, 2 reports, 3 items" in view.message


def test_place_view_is_every_commitment_about_it(small_store):
    store, _, _ = small_store
    view = select_view(store, place="甲河")
    edges = _edges(view)
    assert ("甲河水质达标", "ABOUT_PLACE", "甲河") in edges
    assert {("乙河水质提升", "NAMED_WITH", "甲河"), ("去年乙河水质", "NAMED_WITH", "甲河")} <= edges  # b names it
    assert ("甲河水质达标", "RESPONSIBLE_AGENCY", "甲市水利局") in edges  # who owns it: the leaves
    assert {"a.txt", "b.txt"} <= set(_by_name(view))
    rows = target_rows(view)
    assert [r["name"] for r in rows] == ["水质", "水质", "水质"] and [r["report"] for r in rows] == ["a.txt", "b.txt",
                                                                                                   "b.txt"]
    assert {r["role"] for r in rows} == {"target", "statistic"}


def test_reports_narrow_by_jurisdiction(small_store):
    store, _, b = small_store
    assert reports_where(store, jurisdiction="乙市") == {str(b.iri): "b.txt"}
    view = select_view(store, place="甲河", jurisdiction="乙")
    assert "a.txt" not in _by_name(view) and "b.txt" in _by_name(view)
    with pytest.raises(KgError, match="no report in the store matches year 2031"):
        select_view(store, place="甲河", year=2031)
    with pytest.raises(KgError, match="not --report or --focus"):
        select_view(store, report="a.txt", year=2024)


def test_year_is_the_plan_year(examples):
    years = {f: y for f, y in (("liaocheng-2023-gov-report-part.txt", 2023),)}
    for source, year in years.items():
        assert source in reports_where(examples, year=year).values()


@pytest.mark.parametrize("entry", [{"agency": "不存在的局"}, {"place": "不存在河"}])
def test_unknown_names_are_errors(small_store, entry):
    store, _, _ = small_store
    with pytest.raises(KgError, match=r"no (agency|place) named like"):
        select_view(store, **entry)


def test_entry_points_do_not_combine(small_store):
    store, _, _ = small_store
    with pytest.raises(KgError, match="--agency and --place do not combine"):
        select_view(store, agency="水利局", place="甲河")


@pytest.mark.parametrize("entry", [{"agency": "生态环境局"}, {"place": "甲河"}])
def test_entry_point_is_one_query_scoped_by_its_nodes(small_store, entry):
    store, _, _ = small_store
    spy: Any = _Spy(store)
    select_view(spy, **entry)
    assert not [p for p in spy.scans if p[:3] == (None, None, None)]  # no graph read whole
    scoped = [q for q in spy.queries if "VALUES ?root" in q]
    assert len(scoped) == 1 and all("COUNT" not in q for q in spy.queries)


@pytest.mark.parametrize("text", ['") } UNION { ?x ?p ?root } #', "> } #"])
def test_entry_names_are_bound_not_pasted(small_store, text):
    store, _, _ = small_store
    with pytest.raises(KgError, match="named like"):
        select_view(store, agency=text)


def test_hide_isolated(small_store):
    store, _, _ = small_store
    shown = select_view(store, types=["River", "City"])
    assert "have no edge in the view" in shown.message
    hidden = select_view(store, types=["River", "City"], hide_isolated=True)
    linked = {e[0] for e in hidden.edges} | {e[2] for e in hidden.edges}
    assert set(hidden.nodes) == linked and len(hidden.nodes) < len(shown.nodes)
    assert "hid " in hidden.message


def test_a_name_matching_many_bodies_shows_the_busiest_that_fit(small_store):
    """生态环境局 matches every city's bureau; a small view keeps the one with most items, with room for them."""
    store, _, _ = small_store
    view = select_view(store, agency="生态环境局", max_nodes=4)
    names = _by_name(view)
    assert [display_name(view.index.pg.nodes[u]) for u in view.focus] == ["乙市生态环境局"]
    assert set(names) == {"乙市生态环境局", "b.txt", "乙河水质提升", "去年乙河水质"}
    assert ("乙河水质提升", "RESPONSIBLE_AGENCY", "乙市生态环境局") in _edges(view)
    assert "2 matched" in view.message and "showing the 1 with most items" in view.message


def test_a_place_in_more_reports_than_fit_keeps_its_latest(small_store):
    """Named in a.txt and b.txt, with room for one report: the later one (no plan year here, so by name)."""
    store, a, b = small_store
    view = select_view(store, place="甲河", max_nodes=3)
    assert [u for u in view.nodes if u in (str(a.iri), str(b.iri))] == [str(b.iri)]
    assert ("乙河水质提升", "NAMED_WITH", "甲河") in _edges(view)


def test_reports_of_one_year_and_title_keep_one_order():
    """Reports a body's view cannot tell apart by year or title are placed by IRI, not by a set's
    order (which moved the page from one run to the next)."""
    from rdflib import RDFS, Literal

    from kg.store import open_store
    from tests.analyse.graphs import ReportGraph

    with open_store(memory=True) as store:
        reports = []
        for name in ("d.txt", "a.txt", "c.txt", "b.txt", "e.txt"):
            report = ReportGraph(name, "甲市")
            report.graph.add((report.iri, RDFS.label, Literal("政府工作报告", lang="zh")))
            water = report.agency("水利局")
            sentence = report.sentence("水利局治理甲河。", report.section("1", "一"), (water,))
            report.target("甲河水质达标", sentence, agencies=(water,))
            store.replace_graph(report.graph)
            reports.append(str(report.iri))
        view = select_view(store, agency="甲市水利局")
        assert view.children[view.focus[0]] == sorted(reports)

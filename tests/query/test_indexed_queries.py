"""The queries that read the query indexes (kg:queryIndex) give their reference forms' rows, also after
a report is replaced or removed, and on agencies whose names share their first characters."""

from __future__ import annotations

import dataclasses

from rdflib import URIRef

from kg.extract.model import Agency, Policy
from kg.graph import report_graph
from kg.graph.iris import report_iri
from kg.query.library import select_rows
from tests.conftest import make_tiny
from tests.query.test_rewrites import _same


def _drafting(source: str, names: list[tuple[str, str]], *, jurisdiction: str = "东昌府区"):
    """A hand-made report whose policies 《title》 are drafted by agencies (mention, name) of ``names``."""
    report, extraction = make_tiny(source)
    agencies = [Agency(mention, name, jurisdiction, sentences=[2]) for mention, name in names]
    policies = [Policy(f"{name}工作方案{n}", agency=mention, status="issued", sentences=[2])
                for n, (mention, name) in enumerate(names)]
    return report, dataclasses.replace(extraction, agencies=[*extraction.agencies, *agencies],
                                       policies=[*extraction.policies, *policies])


def _index_quads(store, source: str) -> int:
    _, rows = select_rows(store, f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{report_iri(source)}> {{
        {{ ?x kg:matchRank ?v }} UNION {{ ?x kg:draftingPrefix ?v }} }} }}""")
    return next(rows)[0]


def test_policies_in_name_order_when_names_share_or_are_shorter_than_their_prefix(memory_store):
    store = memory_store
    # 水利局 and 水务局 share the prefix 东昌府区水; 区水 is shorter than a prefix; 财政局 and 水利局 of
    # two jurisdictions; a policy title sorts within each agency
    store.replace_graph(report_graph(*_drafting("a.txt", [("区水务局", "水务局"), ("区水", "水"),
                                                          ("区财政局", "财政局")])))
    store.replace_graph(report_graph(*_drafting("b.txt", [("区水利局", "水利局"), ("县水利局", "水利局")],
                                                jurisdiction="冠县")))
    rows = _same(store, "policies_by_agency", {})
    agencies = [row[0] for row in rows]
    assert agencies == sorted(agencies) and len(set(agencies)) >= 5
    assert {"东昌府区水", "东昌府区水务局", "东昌府区水利局", "冠县水利局"} <= set(agencies)


def test_replacing_a_report_replaces_its_indexes_and_rows(memory_store):
    store = memory_store
    store.replace_graph(report_graph(*_drafting("a.txt", [("区水务局", "水务局")])))
    store.replace_graph(report_graph(*make_tiny("b.txt")))
    before = _index_quads(store, "a.txt")
    assert [row[0] for row in _same(store, "policies_by_agency", {}) if row[3] == "a.txt"] == [
        "东昌府区水利局", "东昌府区水务局"]
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "口袋公园"})] == ["a.txt", "b.txt"]

    report, extraction = _drafting("a.txt", [("区财政局", "财政局")])
    targets = [dataclasses.replace(t, indicator="社区食堂") if t.indicator == "口袋公园" else t
               for t in extraction.targets]
    store.replace_graph(report_graph(report, dataclasses.replace(extraction, targets=targets)))
    assert _index_quads(store, "a.txt") == before  # the same number: one rank, one prefix replaced
    assert [row[0] for row in _same(store, "policies_by_agency", {}) if row[3] == "a.txt"] == [
        "东昌府区水利局", "东昌府区财政局"]
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "口袋公园"})] == ["b.txt"]
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "食堂"})] == ["a.txt"]

    store.remove_graph(report_iri("a.txt"))
    assert _index_quads(store, "a.txt") == 0
    assert {row[3] for row in _same(store, "policies_by_agency", {})} == {"b.txt"}
    assert not _same(store, "targets_by_indicator", {"indicator": "食堂"})
    _, prefixes = select_rows(store, "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?a kg:draftingPrefix ?p } }")
    assert [row[0] for row in prefixes] == ["东昌府区水"]


def _placed(source: str, jurisdiction: str | None, indicator: str = "口袋公园"):
    """A hand-made report of ``jurisdiction`` (none: ``None``) whose pocket-park target is about ``indicator``."""
    report, extraction = make_tiny(source)
    report = dataclasses.replace(report, meta=dataclasses.replace(report.meta, jurisdiction=jurisdiction, parents=()))
    targets = [dataclasses.replace(t, indicator=indicator) if t.indicator == "口袋公园" else t
               for t in extraction.targets]
    return report_graph(report, dataclasses.replace(extraction, targets=targets))


def _report_indexes(store, source: str) -> dict[str, list[str]]:
    _, rows = select_rows(store, f"""SELECT ?p ?v WHERE {{ GRAPH <{report_iri(source)}> {{
        ?x ?p ?v FILTER(?p IN (kg:reportSortKey, kg:indicatorList)) }} }}""")
    found: dict[str, list[str]] = {}
    for p, v in rows:
        found.setdefault(p.rsplit("#", 1)[-1], []).append(v)
    return found


def test_reports_sharing_a_sort_key_come_in_the_order_of_their_full_names(memory_store):
    store = memory_store
    # 巴音郭楞州 and 巴音郭楞蒙古自治州 share their first four characters (the key 1巴音郭楞), as do the
    # files without jurisdiction report-2023-part-a/b.txt (0report-2023-pa); in each pair the file
    # names sort the other way round from the full texts
    for source, jurisdiction in [("a.txt", "巴音郭楞蒙古自治州"), ("b.txt", "巴音郭楞州"), ("c.txt", "巴音郭楞州"),
                                 ("report-2023-part-b.txt", None), ("report-2023-part-a.txt", None), ("z.txt", "冠县")]:
        store.replace_graph(_placed(source, jurisdiction))
    assert _report_indexes(store, "a.txt")["reportSortKey"] == _report_indexes(store, "b.txt")["reportSortKey"]
    expected = ["report-2023-part-a.txt", "report-2023-part-b.txt", "z.txt", "b.txt", "c.txt", "a.txt"]
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "公园"})] == expected
    assert [row[5] for row in _same(store, "indicator_across_reports", {"word": "公园"})] == expected


def test_replacing_a_report_replaces_its_sort_key_and_indicator_list(memory_store):
    store = memory_store
    store.replace_graph(_placed("a.txt", "东昌府区"))
    store.replace_graph(_placed("b.txt", "冠县"))
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "口袋公园"})] == ["a.txt", "b.txt"]
    assert _report_indexes(store, "a.txt") == {"reportSortKey": ["1东昌府区"], "indicatorList": ["口袋公园\n河道整治"]}

    store.replace_graph(_placed("a.txt", "聊城市", indicator="社区食堂"))  # 聊 sorts after 冠
    assert _report_indexes(store, "a.txt") == {"reportSortKey": ["1聊城市"], "indicatorList": ["河道整治\n社区食堂"]}
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "河道"})] == ["b.txt", "a.txt"]
    assert [row[5] for row in _same(store, "indicator_across_reports", {"word": "公园"})] == ["b.txt"]
    assert [row[5] for row in _same(store, "indicator_across_reports", {"word": "食堂"})] == ["a.txt"]

    store.remove_graph(report_iri("a.txt"))
    assert _report_indexes(store, "a.txt") == {}
    assert not _same(store, "targets_by_indicator", {"indicator": "食堂"})
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "河道"})] == ["b.txt"]


def test_a_word_across_two_indicators_of_the_list_matches_no_target(memory_store):
    store = memory_store  # the list of a.txt is 口袋公园\n河道整治: 公园\n河 is in the text, in no indicator
    store.replace_graph(_placed("a.txt", "东昌府区"))
    assert not _same(store, "targets_by_indicator", {"indicator": "公园\n河"})
    assert not _same(store, "indicator_across_reports", {"word": "公园\n河"})


def test_kg_query_counts_the_reports_built_without_the_indexes_a_query_reads(memory_store):
    from rdflib import Literal

    from kg.graph.vocab import KG
    from kg.query import load_queries
    from kg.query.library import unindexed_reports
    from tests.conftest import QUERIES

    store, library = memory_store, load_queries(QUERIES)
    store.replace_graph(_placed("a.txt", "东昌府区"))
    old = _placed("b.txt", "冠县")
    old.set((URIRef(report_iri("b.txt")), KG.extractorVersion, Literal("0.0.0+an-older-kg")))
    for p in (KG.reportSortKey, KG.indicatorList):  # what an older kg did not write
        old.remove((None, p, None))
    store.replace_graph(old)
    for name in ("targets_by_indicator", "indicator_across_reports", "policies_by_agency"):
        assert unindexed_reports(store, library[name].text) == 1, name
    assert unindexed_reports(store, "SELECT ?r WHERE { GRAPH ?g { ?r kg:reportSortKey ?k } }") == 1
    assert unindexed_reports(store, library["targets_about_place"].text) == 0  # reads no index

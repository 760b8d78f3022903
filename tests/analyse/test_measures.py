"""Rankings, communities and place commitments."""

from __future__ import annotations

import pytest

from kg.analyse.measures import agency_communities, agency_ranking, place_commitments, projection_summary, rows


def test_ranking_by_work_owned(small):
    index, _, _ = small
    ranking = agency_ranking(index)
    assert ranking[-1].agency == "乙市生态环境局"  # owns as much as the others, shares nothing
    by_name = {r.agency: r for r in ranking}
    assert by_name["甲市水利局"].targets == 1 and by_name["甲市水利局"].partners == 2  # 生态环境局, 交通局
    assert by_name["乙市生态环境局"].partners == 0 and by_name["乙市生态环境局"].degree == 0
    assert by_name["甲市水利局"].jurisdiction == "甲市"


def test_ranking_by_betweenness_puts_brokers_first(small):
    index, _, _ = small
    ranking = agency_ranking(index, by="betweenness")
    assert [r.betweenness for r in ranking] == sorted((r.betweenness for r in ranking), reverse=True)
    with pytest.raises(ValueError, match="rank by"):
        agency_ranking(index, by="size")  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["greedy", "louvain"])
def test_communities_split_the_two_groups(small, method):
    index, _, _ = small
    found = agency_communities(index, method=method)
    groups = {frozenset(c.agencies) for c in found}
    assert frozenset({"教育局", "卫健委"}) in groups
    assert frozenset({"水利局", "生态环境局", "交通局"}) in groups
    water = next(c for c in found if "水利局" in c.agencies)
    assert water.jurisdiction == "甲市" and water.headings == ("生态",)
    assert [c.number for c in found] == list(range(1, len(found) + 1))


def test_communities_repeat(example_index):
    first = agency_communities(example_index, method="louvain", seed=3)
    assert first == agency_communities(example_index, method="louvain", seed=3)
    assert first and all(c.size >= 2 for c in first)


def test_place_commitments_rank_promises_first(small):
    index, _, _ = small
    found = place_commitments(index)
    assert [(p.place, p.targets, p.commitments, p.mentions) for p in found] == [
        ("乙河", 2, 1, 1), ("甲河", 1, 1, 2)]
    assert found[0].agencies == "乙市生态环境局 (1)"
    assert found[0].type == "River"


def test_rows_and_summary(example_index):
    summary, graphs = projection_summary(example_index)
    assert [s.projection for s in summary] == list(graphs)
    columns, values = rows(agency_communities(example_index))
    assert columns[:3] == ["number", "size", "jurisdiction"]
    assert isinstance(values[0][3], str) and "、" in values[0][3]
    _, as_json = rows(agency_communities(example_index), join=False)
    assert isinstance(as_json[0][3], list)

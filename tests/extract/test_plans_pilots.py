"""Tests of pilots written after the count of their sites (首批12个…试点): the count is no part of the name."""

from kg.extract.plans import plan_names


def test_a_count_of_sites_before_a_pilot_is_no_part_of_its_name() -> None:
    assert plan_names("开展首批12个城乡统筹试点和8个县域商业体系建设试点。") == ["城乡统筹试点", "县域商业体系建设试点"]
    assert plan_names("新增15个智慧养老服务试点。") == ["智慧养老服务试点"]


def test_a_count_of_sites_named_after_the_pilot_or_of_ranked_pilots_gives_no_name() -> None:
    assert plan_names("成为6个海事仲裁中心建设试点地区之一。") == []
    assert plan_names("新增10个两业融合省级试点。") == []


def test_a_count_before_a_kind_of_pilot_gives_no_name() -> None:
    assert plan_names("新增22个县域试点。") == []

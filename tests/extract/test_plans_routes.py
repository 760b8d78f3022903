"""Tests of projects named by a route's two ends (甲至乙…工程, 甲到乙…工程)."""

from kg.extract.plans import plan_names


def test_both_ends_of_a_route_stay_in_the_name() -> None:
    assert plan_names("加快建设宁波至金华铁路扩能改造工程。") == ["宁波至金华铁路扩能改造工程"]
    assert plan_names("推进兰州至张掖段高速公路改扩建工程。") == ["兰州至张掖段高速公路改扩建工程"]


def test_a_route_written_with_dao_keeps_its_start() -> None:
    assert plan_names("甘南到四川特高压直流工程年内投运。") == ["甘南到四川特高压直流工程"]


def test_a_verb_before_dao_is_no_route_start() -> None:
    assert plan_names("把电力送至四川特高压直流工程。") == ["四川特高压直流工程"]

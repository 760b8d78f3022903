"""Counts of people written with a noun instead of 人, and tenths written out (近五成): sentences written for these
tests."""

from __future__ import annotations

import pytest

from kg.extract.numbers import find_quantities


def _read(text: str) -> list[tuple[float, str, str, str]]:
    return [(q.value, q.unit, q.comparator, text[q.start : q.end]) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("安全饮水工程惠及52万群众", 520000, "人"),
        ("帮助1800多万农民工返乡就业", 18000000, "人"),
        ("救助三百万困难群众", 3000000, "人"),
        ("为350万贫困家庭学生减免学费", 3500000, "人"),  # the last noun heads the phrase: pupils, not households
        ("新增82万宽带用户", 820000, "户"),
        ("1.5亿农村人口喝上放心水", 150000000, "人"),
    ],
)
def test_a_count_in_wan_before_a_people_noun_counts_people(text: str, value: float, unit: str) -> None:
    assert [(v, u) for v, u, _, _ in _read(text)] == [(value, unit)]


def test_the_people_noun_keeps_comparators() -> None:
    assert _read("惠及近120万群众") == [(1200000, "人", "~", "近120万群众")]


@pytest.mark.parametrize("text", ["亿万群众安居乐业", "2025年群众满意度", "覆盖50万以上人口城市", "300群众"])
def test_no_count_of_people_without_wan_or_with_a_class_bound(text: str) -> None:
    assert all(u not in ("人", "户") for _, u, _, _ in _read(text))


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [("出口额增长近五成", 5, "~"), ("产量占全国两成以上", 2, ">="), ("不良率下降超过三成", 3, ">="),
     ("七成以上资金用于基层", 7, ">=")],
)
def test_tenths_written_out_with_a_comparator_or_a_share(text: str, value: float, comparator: str) -> None:
    assert [(v, u, c) for v, u, c, _ in _read(text)] == [(value, "成", comparator)]


@pytest.mark.parametrize("text", ["一成不变", "三成员单位", "两成"])
def test_bare_tenths_written_out_open_other_words(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("到2030年全市新增人口80万，", 800000, "="),
        ("城区常住人口达到350万。", 3500000, "="),
        ("转移农业人口120多万；", 1200000, ">="),
        ("新增旅居人口30万、", 300000, "="),
    ],
)
def test_a_count_in_wan_closing_its_clause_after_a_people_noun_counts_people(
    text: str, value: float, comparator: str
) -> None:
    assert [(v, u, c) for v, u, c, _ in _read(text)] == [(value, "人", comparator)]


@pytest.mark.parametrize("text", ["人口100万以上的城市", "人口50万的县城", "居民3万元", "新增人口100"])
def test_a_people_noun_before_a_count_that_goes_on_or_has_no_wan_is_no_count_of_people(text: str) -> None:
    assert all(u != "人" for _, u, _, _ in _read(text))


def test_a_numeral_written_out_with_duo_wan_before_a_people_noun() -> None:
    assert _read("五年安排了二千三百多万城镇劳动力就业") == [(23000000, "人", ">=", "二千三百多万城镇劳动力")]

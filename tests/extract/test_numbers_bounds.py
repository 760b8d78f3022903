"""Bare 低于/高于 before a number as a ceiling or a floor, and the figures they only compare with: sentences
written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.numbers import find_quantities


def _read(text: str) -> list[tuple[float, str, str]]:
    return [(q.value, q.comparator, text[q.start : q.end]) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "comparator", "span"),
    [
        ("城镇调查失业率低于5.5%；", "<=", "低于5.5%"),
        ("单位产值能耗小于0.5吨标准煤", "<=", "小于0.5吨"),
        ("森林覆盖率高于62%。", ">=", "高于62%"),
        ("优良天数比例大于90%，", ">=", "大于90%"),
    ],
)
def test_a_bare_comparison_word_right_before_a_number_bounds_it(text: str, comparator: str, span: str) -> None:
    assert [(c, s) for _, c, s in _read(text)] == [(comparator, span)]


@pytest.mark.parametrize(
    "text",
    ["人口密度也高于3万人/平方公里的合理水平", "全年增长6.1%，略低于7%的预期目标", "增速低于全国1.5个百分点"],
)
def test_a_figure_compared_with_or_a_gap_has_no_bound(text: str) -> None:
    assert all(c == "=" for _, c, _ in _read(text))


def test_modal_bounds_keep_their_own_reading() -> None:
    assert _read("覆盖率不低于95%，占比不得高于30%") == [(95, ">=", "不低于95%"), (30, "<=", "不得高于30%")]

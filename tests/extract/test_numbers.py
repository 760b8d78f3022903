"""Numbers with units: multipliers, Chinese numerals, ranges and comparators."""

from __future__ import annotations

import pytest

from kg.extract.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.5万", 45_000),
        ("1.2万", 12_000),
        ("460亿", 46_000_000_000),
        ("1,048", 1048),
        ("二十五", 25),
        ("十二", 12),
        ("一百零五", 105),
        ("三千", 3000),
        ("两", 2),
        ("一万二千", 12_000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_parse_number_rejects_non_numbers() -> None:
    assert parse_number("千方") is None
    assert parse_number("") is None


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("新增就业3.6万人", 36_000, "人"),
        ("引进资金25亿元", 2_500_000_000, "元"),
        ("补贴80万元", 800_000, "元"),
        ("改造管网12.5公里", 12.5, "公里"),
        ("建设七个文化站", 7, "个"),
        ("新建两馆", 2, "馆"),
        ("提高3个百分点", 3, "个百分点"),
        ("覆盖率达到95%", 95, "%"),
        ("装机20万千瓦", 200_000, "千瓦"),
        ("产能3万吨/年", 30_000, "吨/年"),
    ],
)
def test_value_and_unit(text: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", ["建设6—8个驿站", "建设6-8个驿站", "建设6至8个驿站", "建设6～8个驿站"])
def test_ranges(text: str) -> None:
    q = _one(text)
    assert (q.value, q.value_max, q.unit) == (6, 8, "个")


def test_range_with_multiplier() -> None:
    q = _one("培训2万-3万人")
    assert (q.value, q.value_max) == (20_000, 30_000)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("绿化率40%左右", "~"),
        ("约300公顷", "~"),
        ("近500户", "~"),
        ("新增企业50家以上", ">="),
        ("比例不低于60%", ">="),
        ("收入超过20万元", ">="),
        ("至少3所", ">="),
        ("改造200余户", ">="),
        ("资金1.5亿多元", ">="),
        ("等待时间10分钟以内", "<="),
        ("误差不超过2%", "<="),
        ("班额45人以下", "<="),
        ("建设12所学校", "="),
    ],
)
def test_comparators(text: str, comparator: str) -> None:
    assert _one(text).comparator == comparator


def test_prefix_comparator_shared_by_list() -> None:
    found = find_quantities("达标比例分别不低于90%、40%、70%")
    assert [q.comparator for q in found] == [">=", ">=", ">="]


def test_span_covers_comparator_and_unit() -> None:
    text = "优良率达到80%以上"
    q = _one(text)
    assert text[q.start : q.end] == "80%以上"


@pytest.mark.parametrize("text", ["千方百计", "百姓满意", "数千处", "每万人口"])
def test_words_that_are_not_numbers(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("电价为0.35元/千瓦时", 0.35, "元/千瓦时"),
        ("按照3000元/户的标准补贴", 3000, "元/户"),
        ("收费80元/吨", 80, "元/吨"),
        ("奖补50元/平方米", 50, "元/平方米"),
        ("补助1.5万元/亩", 15_000, "元/亩"),
        ("养老金提高到200元/月", 200, "元/月"),
        ("浓度降至30微克/立方米", 30, "微克/立方米"),
        ("每度电补贴0.2元", 0.2, "元"),
    ],
)
def test_rate_unit_as_written(text: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)
    assert text[q.num_start : q.unit_end].endswith(unit.rpartition("/")[2])


def test_rate_keeps_its_suffix_comparator() -> None:
    q = _one("人均补助2万元/人以上")
    assert (q.value, q.unit, q.comparator) == (20_000, "元/人", ">=")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("办理时限压缩至8个小时", 8, "个小时"),
        ("试运行六个月", 6, "个月"),
        ("五个工作日内办结", 5, "个工作日"),
        ("水价分为四档", 4, "档"),
    ],
)
def test_units_written_with_a_classifier(text: str, value: float, unit: str) -> None:
    assert (_one(text).value, _one(text).unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("每户最高补贴800元", "<="),
        ("每年最高补贴气量500立方米", "<="),
        ("每户最高500元", "<="),
        ("奖励上限为50万元", "<="),
        ("以3000元为上限", "<="),
        ("补贴2000元封顶", "<="),
        ("最低补助300元", ">="),
        ("库存不得低于下限15天", ">="),
        ("不足3天", "<="),
        ("月最低标准提高20元", "="),
        ("建成全球最高20米的塔架", "="),
    ],
)
def test_ceilings_and_floors(text: str, comparator: str) -> None:
    assert _one(text).comparator == comparator


@pytest.mark.parametrize(("text", "value"), [("合同期限暂定5年", 5), ("使用期再延长三十年", 30), ("为期2年的行动", 2)])
def test_years_after_a_verb_of_duration(text: str, value: float) -> None:
    q = _one(text)
    assert (q.value, q.unit) == (value, "年")


@pytest.mark.parametrize("text", ["期限延长至2030年", "建设5年来", "暂定2026年底前完成", "连续3年增长"])
def test_years_that_are_no_duration(text: str) -> None:
    assert find_quantities(text) == []


def test_rates_written_in_words() -> None:
    found = find_quantities("比上年增长百分之十一点八，城镇登记失业率控制在百分之四以内，人口自然增长率千分之五")
    assert [(q.value, q.unit, q.comparator) for q in found] == [(11.8, "%", "="), (4.0, "%", "<="), (5.0, "‰", "=")]

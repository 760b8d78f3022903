"""Targets: role by report part and wording, deadlines the sentence itself gives, standard indicators."""

from __future__ import annotations

import pytest

from kg.extract.context import doc_context
from kg.extract.model import DocContext, Target
from kg.extract.targets import find_targets, standard_indicator, targets_in_sentence
from kg.loaders import load_text
from kg.loaders.model import Sentence

CTX = DocContext(jurisdiction="某市", level="city", plan_year=2026)


def _targets(text: str, part: str | None = "plan", ctx: DocContext = CTX, **kw) -> list[Target]:
    return targets_in_sentence(Sentence(0, text, 0, len(text), "1", part), ctx, **kw)


def _one(text: str, part: str | None = "plan", ctx: DocContext = CTX, **kw) -> Target:
    found = _targets(text, part, ctx, **kw)
    assert len(found) == 1, found
    return found[0]


def _report_targets(text: str, ctx: DocContext = CTX) -> list[Target]:
    return find_targets(load_text(text), ctx, [], [])


# --- roles -----------------------------------------------------------------------------


def test_past_year_growth_in_review_part_is_a_change_without_deadline() -> None:
    t = _one("全年地区生产总值增长4.9%。", "review")
    assert (t.role, t.deadline, t.indicator) == ("change", None, "生产总值")


def test_planned_growth_is_a_change_due_in_the_plan_year() -> None:
    t = _one("全年地区生产总值增长5%左右。", "plan")
    assert (t.role, t.deadline, t.comparator) == ("change", "2026", "~")


@pytest.mark.parametrize(
    "text",
    [
        "城乡居民医保人均财政补助标准提高40元。",
        "每千瓦时上调0.08元。",
        "高峰电价上浮30%。",
        "低谷电价下浮45%。",
        "居民消费价格涨幅2%左右。",
        "失业保险金标准每月提高120元。",
        "一般性支出压减5%以上。",
        "行政经费一律削减10%。",
    ],
)
def test_rise_or_fall_by_an_amount_is_a_change(text: str) -> None:
    assert _one(text).role == "change"


@pytest.mark.parametrize(
    "text",
    [
        "增加3000个普惠性学前教育学位。",
        "改造提升18个标准化养老机构。",
        "新建提升120公里农村公路。",
    ],
)
def test_adding_or_upgrading_things_is_a_target_not_a_change(text: str) -> None:
    assert _one(text).role == "target"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("累计建成5G基站8万个。", "achievement"),
        ("新建口袋公园40处。", "achievement"),
        ("城镇新增就业5.2万人，超额完成目标任务。", "achievement"),
    ],
)
def test_results_in_a_review_part_are_achievements(text: str, role: str) -> None:
    assert _one(text, "review").role == role


def test_tense_cues_do_not_override_a_review_part() -> None:
    assert _one("我们要把新建的120所学校全部投入使用。", "review").role == "achievement"


def test_approximate_or_floor_quantity_in_plan_part_is_a_target() -> None:
    assert _one("制造业增加值占地区生产总值比重达30%左右。").role == "target"
    assert _one("人均地区生产总值9万元以上。").role == "target"
    assert _one("现有养老机构占全部机构的40%。").role == "statistic"


def test_done_action_in_plan_part_is_a_statistic() -> None:
    assert _one("今年，我们梳理了30项民生事项。").role == "statistic"
    assert _one("今年要新建公园30处。").role == "target"


def test_quantities_of_a_normative_document_are_its_rules() -> None:
    assert _one("对每户给予600元补贴。", None, normative=True).role == "target"
    assert _one("对每户给予600元补贴。", None).role == "statistic"
    assert _one("去年已为每户补贴600元。", None, normative=True).role != "target"


def test_review_heading_part_gives_achievements_and_plan_heading_targets() -> None:
    text = "\n".join(
        [
            "“十四五”时期工作回顾",
            "五年来，我们攻坚克难。全年地区生产总值增长4.9%，城镇新增就业28万人。",
            "2026年重点工作",
            "全年地区生产总值增长5%左右，城镇新增就业6万人以上。",
        ]
    )
    found = [(t.text, t.role, t.deadline) for t in _report_targets(text)]
    assert found == [
        ("全年地区生产总值增长4.9%", "change", None),
        ("城镇新增就业28万人", "achievement", None),
        ("全年地区生产总值增长5%左右", "change", "2026"),
        ("城镇新增就业6万人以上", "target", "2026"),
    ]


# --- deadlines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("今年新增城镇就业6万人。", "2026"),
        ("2026年度完成改造300户。", "2026"),
        ("年底前完成整治40处。", "2026-12-31"),
        ("到2030年，森林覆盖率达到46%。", "2030"),
        ("自2026年7月1日起，每户每月补贴50元。", None),
        ("自2026年起，每户每月补贴50元。", None),
        ("从2026年开始每户每月补贴50元。", None),
    ],
)
def test_deadline_is_what_the_sentence_ties_the_quantity_to(text: str, deadline: str | None) -> None:
    assert _one(text).deadline == deadline


def test_month_end_is_in_the_reports_year() -> None:
    ctx = DocContext(plan_year=2023)
    assert _one("6月底前完成清理30处。", ctx=ctx).deadline == "2023-06-30"


def test_year_in_a_section_heading_does_not_date_its_items() -> None:
    found = _report_targets("三、2026年重点工作\n新建城市书房20个。")
    assert [(t.value, t.deadline) for t in found] == [(20, None)]


def test_items_of_a_dated_list_lead_share_its_deadline() -> None:
    text = (
        "二、主要预期目标\n今年主要预期目标是：地区生产总值增长5%左右；"
        "城镇新增就业6万人以上；粮食产量120万吨以上。新建公园3个。"
    )
    found = [(t.indicator, t.deadline) for t in _report_targets(text)]
    assert found == [
        ("生产总值", "2026"),
        ("城镇新增就业", "2026"),
        ("粮食产量", "2026"),
        ("公园", None),
    ]


def test_list_lead_without_a_date_dates_nothing() -> None:
    found = _report_targets("二、主要任务\n主要任务是：新建公园3个；改造老旧小区20个。")
    assert [t.deadline for t in found] == [None, None]


# --- indicators ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("全省地区生产总值", "生产总值"),
        ("国内生产总值", "生产总值"),
        ("GDP", "生产总值"),
        ("经济增长", "生产总值"),
        ("人均地区生产总值", "人均生产总值"),
        ("单位GDP能耗", "单位生产总值能耗"),
        ("单位地区生产总值能耗", "单位生产总值能耗"),
        ("新增城镇就业", "城镇新增就业"),
        ("外贸进出口", "进出口总额"),
        ("城乡居民人均可支配收入分别", "居民人均可支配收入"),
        ("农村常住居民人均可支配收入", "农村居民人均可支配收入"),
        ("数字经济", "数字经济"),
        ("生产安全事故起数分别", "生产安全事故起数"),
    ],
)
def test_standard_indicator_keys(phrase: str, key: str) -> None:
    assert standard_indicator(phrase) == key


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        ("居民消费价格涨幅2%左右。", ["居民消费价格涨幅"]),
        ("经济增长预期目标为5%左右。", ["生产总值"]),
        ("单位地区生产总值能耗降低2.5%左右。", ["单位生产总值能耗"]),
        ("全市生产总值从4000亿元增加到5000亿元。", ["生产总值", "生产总值"]),
        ("每千人口托位数从1.5个增至4.5个。", ["每千人口托位数", "每千人口托位数"]),
        ("地方一般公共预算收入300亿元、增长3%。", ["一般公共预算收入", "一般公共预算收入"]),
        ("规上工业增加值增长6%、高于全国0.5个百分点。", ["规模以上工业增加值", "规模以上工业增加值"]),
        ("筹集保障性租赁住房2.4万套（间）。", ["保障性租赁住房"]),
        ("市属国企由60家整合为35家。", ["市属国企", "市属国企"]),
        ("城镇新增就业12万人、超额完成年度任务。", ["城镇新增就业"]),
        ("人均预期寿命增至80.2岁、高于全国平均0.5岁。", ["人均预期寿命", "人均预期寿命"]),
        ("力争省级实验室再增加3家。", ["省级实验室"]),
        ("七是完成农村户厕改造5000户。", ["农村户厕改造"]),
        ("努力实现以下6个方面主要目标。", ["方面主要目标"]),
        ("全省地区生产总值迈上4万亿元台阶。", ["生产总值"]),
        ("中央预算内投资拟安排7000亿元。", ["中央预算内投资"]),
        ("拟安排地方政府专项债券3.9万亿元。", ["地方政府专项债券"]),
        ("赤字率拟按3%安排。", ["赤字率"]),
    ],
)
def test_indicator_is_a_noun_phrase_not_a_verb(text: str, indicators: list[str]) -> None:
    assert [t.indicator for t in _targets(text)] == indicators


def test_long_standard_indicator_is_matched_before_cutting() -> None:
    assert _one("数字经济核心产业增加值占地区生产总值比重达10%左右。").indicator == "数字经济核心产业增加值占比"
    assert _one("物流总费用与生产总值的比率下降至13%。").indicator == "物流总费用与生产总值的比率"


# --- comparisons, shares, increments, streaks and rates set by a later clause ---------------


@pytest.mark.parametrize(
    "text",
    [
        "全年规上工业增加值增长6.1%，高于全国约0.8个百分点。",
        "民间投资增速快于全省2.4个百分点。",
        "居民收入增速比全国高1.2个百分点。",
        "全年地区生产总值增长4%，快于2024年1.8个百分点。",
        "新能源汽车产量占全国12.5%。",
        "园区工业产值占全省比重达60.2%。",
        "高技术产业增加值占规上工业比重达31.5%。",  # a part's share of a whole named with 比重
        "清洁能源占能源消费总量的比例为28%。",
        "高技术产业、战略性新兴产业产值占规上工业比重分别达31.5%、40.2%。",
    ],
)
def test_a_comparison_in_the_review_is_a_statistic(text: str) -> None:
    assert _targets(text, "review")[-1].role == "statistic"


def test_every_item_of_a_respective_comparison_is_a_statistic() -> None:
    found = _targets("投资、消费增速分别高于全国3.5个、2个百分点。", "review")
    assert [(t.value, t.unit, t.role) for t in found] == [
        (3.5, "个百分点", "statistic"),
        (2.0, "个百分点", "statistic"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "地表水达到或优于Ⅲ类水体比例达92.5%。",  # a class the water meets, no figure compared with
        "细颗粒物平均浓度低于每立方米25微克。",  # a base of the unit, no figure compared with
        "新建学校15所，比上年多建3所。",
    ],
)
def test_a_bound_or_count_in_the_review_is_no_comparison(text: str) -> None:
    assert _targets(text, "review")[0].role == "achievement"


def test_a_planned_comparison_stays_a_target() -> None:
    t = _one("力争城乡居民收入增速高于全国平均水平1个百分点以上。", "plan")
    assert t.role == "target"


def test_a_planned_share_stays_a_target_and_a_rising_share_a_change() -> None:
    assert _one("高技术产业增加值占规上工业比重达到35%左右。", "plan").role == "target"
    assert _one("高技术产业增加值占规上工业比重提高1.5个百分点。", "review").role == "change"


def test_an_increment_is_a_change() -> None:
    found = _targets("粮食产量创历史新高，增量12.5亿斤、占全国10.1%。", "review")
    assert [(t.unit, t.role) for t in found] == [("斤", "change"), ("%", "statistic")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("粮食产量连续8年位居全国前列。", 8),
        ("刑事案件连续五年下降。", 5),
        ("连续12个月保持两位数增长。", 12),
        ("工业增速连续6个季度居全国前列。", 6),
    ],
)
def test_a_streak_is_a_statistic_even_in_the_review(text: str, value: float) -> None:
    t = _one(text, "review")
    assert (t.value, t.role) == (value, "statistic")


def test_a_streak_to_keep_going_is_a_target() -> None:
    assert _one("力争连续3年保持全国第一。", "plan").role == "target"


@pytest.mark.parametrize(
    "text",
    [
        "综合各方面因素，今年经济增长速度的预期目标，定为7%左右。",
        "确保居民消费价格涨幅低于上年，力争控制在3%以内。",
    ],
)
def test_a_percentage_set_for_a_rate_named_before_is_a_change(text: str) -> None:
    t = _one(text, "plan")
    assert (t.role, t.deadline) == ("change", "2026")


def test_a_percentage_after_a_rate_with_its_own_indicator_is_no_change() -> None:
    t = _one("增长速度放缓的行业要加快转型，研发投入强度达到3%。", "plan")
    assert t.role == "target"


def test_expected_goals_continued_in_the_next_sentences_of_the_paragraph_share_their_year() -> None:
    text = (
        "二、今年工作安排\n今年全市发展主要预期目标是：地区生产总值增长5%左右，力争更好结果。"
        "规上工业增加值增长6%左右，城镇新增就业3万人以上。新建口袋公园8个。\n"
        "固定资产投资增长4%左右。"
    )
    found = [(t.value, t.deadline) for t in _report_targets(text)]
    assert found == [(5, "2026"), (6, "2026"), (30_000, "2026"), (8, None), (4, None)]


def test_goals_of_a_period_give_the_paragraph_the_period_end_or_no_year() -> None:
    text = "二、今后五年目标\n今后五年主要预期目标是：地区生产总值年均增长5%左右。城镇新增就业15万人以上。"
    assert [t.deadline for t in _report_targets(text)] == ["2030", "2030"]
    text = "二、规划目标\n规划期主要预期目标是：地区生产总值年均增长5%左右。城镇新增就业15万人以上。"
    assert [t.deadline for t in _report_targets(text)] == [None, None]


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("拟发行地方政府专项债券800亿元，比上年增加100亿元。", "2026"),
        ("力争外贸进出口同比增长3%。", "2026"),
        ("到2030年，研发投入比上年提高0.1个百分点。", "2030"),
        ("规划期内居民收入增速不低于上年，年均增长6%。", None),
    ],
)
def test_a_planned_figure_measured_against_last_year_is_due_this_year(text: str, deadline: str | None) -> None:
    assert _targets(text, "plan")[-1].deadline == deadline


@pytest.mark.parametrize(
    "text",
    [
        "经济增长速度保持在7%左右。",
        "国内生产总值增长速度预期为6%左右。",
        "经济增长率要达到6%左右。",
        "商品零售价格上涨率控制在10%以内。",
        "财政收入增幅力争达到8%。",
        "物价涨幅的调控目标为6%左右。",
        "综合考虑各方面因素，确定6%左右的增长目标。",  # the rise written after the rate
        "景区营业收入保持10%以上增长。",
    ],
)
def test_a_rate_of_rise_set_by_a_linking_verb_is_a_change(text: str) -> None:
    assert _one(text, "plan").role == "change"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("甲、乙两类贷款增速比各项贷款平均增速分别高4.2和0.7个百分点。", "statistic"),
        ("全年增长6.1%，比全国平均水平高0.8个百分点。", "statistic"),
        ("农民收入增速较城镇居民快1.5个百分点。", "statistic"),
        ("居民收入增长较快，人均达到3万元。", "achievement"),  # 较快 compares nothing
        ("服务业增加值增速比上年提高0.5个百分点。", "change"),  # 提高 is a rise, not 高
        ("新能源汽车产量占全省比重提高2个百分点。", "change"),  # the share rises
        ("全省研发投入强度提高到2.5%。", "achievement"),  # no rate: a level reached
    ],
)
def test_gaps_to_another_figure_and_rises_in_the_review(text: str, role: str) -> None:
    assert _targets(text, "review")[-1].role == role


def _dated_report_targets(text: str) -> list[tuple[str, str | None]]:
    report = load_text(text)
    return [(t.text, t.deadline) for t in find_targets(report, doc_context(report.meta), [], [])]


def test_next_year_of_a_december_report_is_its_plan_year() -> None:
    text = (
        "某某区人民政府工作报告（2022年12月14日）\n一、2022年工作回顾\n今年地区生产总值增长4%。\n"
        "二、2023年工作安排\n明年地区生产总值增长6%左右，年底前新建公园3个。"
    )
    assert _dated_report_targets(text) == [
        ("今年地区生产总值增长4%", None),
        ("明年地区生产总值增长6%左右", "2023"),
        ("年底前新建公园3个", "2023-12-31"),
    ]


def test_this_and_next_year_of_a_january_report() -> None:
    text = (
        "某某区人民政府工作报告（2023年1月14日）\n一、2022年工作回顾\n去年地区生产总值增长4%。\n"
        "二、2023年工作安排\n今年地区生产总值增长6%左右，明年再新建公园3个。"
    )
    assert _dated_report_targets(text)[1:] == [("今年地区生产总值增长6%左右", "2023"), ("明年再新建公园3个", "2024")]


def test_goals_led_by_the_years_plan_requirements_share_its_year() -> None:
    text = (
        "二、今年的任务\n今年计划要求，国民生产总值增长百分之六。投资要符合产业政策。"
        "社会商品零售总额增长百分之十，物价上涨幅度控制在百分之五以内。"
    )
    assert [(t.value, t.role, t.deadline) for t in _report_targets(text)] == [
        (6, "change", "2026"),
        (10, "change", "2026"),
        (5, "change", "2026"),
    ]


def test_a_past_figure_among_the_years_goals_gets_no_year() -> None:
    text = "二、今年目标\n今年主要预期目标是：地区生产总值增长5%左右。去年增长4.8%，今年的目标考虑了这一基数。"
    assert [(t.value, t.deadline) for t in _report_targets(text)] == [(5, "2026"), (4.8, None)]

"""Target roles of looks back without a review heading, cuts done, given counts, levels, durations and
finance payers as owners: sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.model import DocContext, Target
from kg.extract.targets import find_targets, targets_in_sentence
from kg.loaders.model import Metadata, Report, Sentence

CTX = DocContext(jurisdiction="某省", level="province", plan_year=1990)


def _targets(text: str, part: str | None = "plan", ctx: DocContext = CTX) -> list[Target]:
    return targets_in_sentence(Sentence(0, text, 0, len(text), "1", part), ctx)


def _report(paragraphs: list[list[str]], part: str = "plan") -> Report:
    """A report of paragraphs (lines) of sentences, every sentence in ``part``."""
    text, sentences = "", []
    for k, paragraph in enumerate(paragraphs):
        if k:
            text += "\n"
        for sentence in paragraph:
            sentences.append(Sentence(len(sentences), sentence, len(text), len(text) + len(sentence), "1", part))
            text += sentence
    meta = Metadata(title="某省人民政府工作报告", issuer="某省人民政府", jurisdiction="某省", kind="政府工作报告",
                    plan_year=1990)
    return Report("t.txt", text, meta, [], sentences, [])


def _roles(paragraphs: list[list[str]]) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.role, t.deadline) for t in find_targets(_report(paragraphs), CTX, [], [])]


# --- a paragraph that opens with a year over looks back --------------------------------


def test_figures_after_a_past_year_lead_are_achievements_to_the_end_of_the_paragraph() -> None:
    found = _roles([["一九八九年，城镇居民人均收入达到800元，比上年增长5.1%；", "农民人均纯收入达到400元。"],
                    ["农民人均纯收入达到450元。"]])
    assert found == [
        ("城镇居民人均收入达到800元", "achievement", None),
        ("比上年增长5.1%", "change", None),
        ("农民人均纯收入达到400元", "achievement", None),
        ("农民人均纯收入达到450元", "target", None),  # a new paragraph: the plan again
    ]


def test_last_year_as_a_lead_looks_back_and_a_turn_ahead_ends_it() -> None:
    found = _roles([["去年，全省新建学校20所。", "今年，新建学校30所。"]])
    assert [role for _, role, _ in found] == ["achievement", "target"]


def test_a_modal_verb_among_the_facts_of_a_year_over_is_still_an_aim() -> None:
    found = _roles([["1989年，全省新建学校20所，今后要每年新建学校30所。"]])
    assert [role for _, role, _ in found] == ["achievement", "target"]


def test_the_plan_year_as_a_lead_does_not_look_back() -> None:
    assert [role for _, role, _ in _roles([["1990年，全省新建学校30所。"]])] == ["target"]


def test_two_years_early_is_a_duration_in_years() -> None:
    found = find_targets(_report([["一九八九年，钢产量提前两年完成五年计划的指标。"]]), CTX, [], [])
    assert [(t.value, t.unit, t.role) for t in found] == [(2, "年", "achievement")]


# --- cuts done, given counts, levels, durations ---------------------------------------


def test_a_cut_reported_done_is_an_achievement() -> None:
    (t,) = _targets("这项改革取消了约50亿元的各种收费。")
    assert t.role == "achievement"


def test_other_perfective_verbs_in_the_plan_stay_the_present_state() -> None:
    (t,) = _targets("今年，我们梳理了25项重点任务。")
    assert t.role == "statistic"


def test_a_count_joined_to_a_demonstrative_phrase_is_a_statistic() -> None:
    (t,) = _targets("这些开发区和三个保税区，在沿江连成一片。")
    assert t.role == "statistic"


def test_a_count_governed_by_a_verb_stays_a_target() -> None:
    (t,) = _targets("开放三个保税区，在沿江连成一片。")
    assert t.role == "target"


@pytest.mark.parametrize("text", ["二氧化硫平均浓度为12微克/立方米。", "城镇登记失业率平均为3.1%，物价平稳。"])
def test_a_level_stated_with_wei_in_a_review_is_a_statistic(text: str) -> None:
    (t,) = _targets(text, "review")
    assert t.role == "statistic"


@pytest.mark.parametrize("text", ["累计为12个县培训技术人员。", "污水处理厂数量调整为15座。"])
def test_wei_as_a_preposition_or_after_a_verb_of_change_is_no_level(text: str) -> None:
    (t,) = _targets(text, "review")
    assert t.role == "achievement"


def test_a_time_span_after_changda_is_a_statistic_a_length_is_not() -> None:
    (t,) = _targets("实行了长达1800年的这项旧制度被废除。")
    assert (t.value, t.unit, t.role) == (1800, "年", "statistic")
    (t,) = _targets("长达600公里的输水干渠全线贯通。", "review")
    assert t.role == "achievement"


def test_a_start_date_is_no_deadline() -> None:
    (t,) = _targets("从今年起，每年将安排资金30亿元。")
    assert (t.role, t.deadline) == ("target", None)


# --- finance payers own their sums ----------------------------------------------------


def test_a_national_finance_payer_owns_the_sums_of_its_sentence() -> None:
    found = _targets("今年中央财政用于教育的支出达到500亿元，比上年增加40亿元。")
    assert [(t.agency, t.role) for t in found] == [("中央财政", "target"), ("中央财政", "change")]


def test_a_bare_level_finance_ends_the_payer_before_it() -> None:
    found = _targets("国家财政将安排支出90亿元，地方财政将安排支出30亿元。")
    assert [t.agency for t in found] == ["国家财政", None]


def test_a_supporting_finance_body_does_not_take_over() -> None:
    (t,) = _targets("由省教育厅牵头、省财政配合，新建学校30所。")
    assert (t.agency, t.supporting) == ("省教育厅", ["省财政"])


def test_a_total_with_wei_is_what_was_done() -> None:
    (t,) = _targets("五年基本建设投资总额共为300亿元。", "review")
    assert t.role == "achievement"


@pytest.mark.parametrize("lead", ["从一九八一年到一九八五年的五年中，", "1986年以来，", "1985—1988年间，"])
def test_a_period_over_as_a_lead_looks_back(lead: str) -> None:
    assert [role for _, role, _ in _roles([[lead + "全省新建学校200所。"]])] == ["achievement"]


def test_a_period_reaching_the_plan_year_does_not_look_back() -> None:
    assert [role for _, role, _ in _roles([["从1988年到1990年，全省新建学校200所。"]])] == ["target"]


def test_the_figure_of_the_base_year_of_a_rise_is_a_statistic() -> None:
    found = _targets("1990年的粮食产量将比一九八九年的四千亿斤增长百分之五。")
    assert [(t.value, t.role) for t in found] == [(4e11, "statistic"), (5, "change")]


def test_a_figure_compared_without_a_base_year_stays_a_target() -> None:
    found = _targets("粮食产量将达到四千二百亿斤，比上年增长百分之五。")
    assert [t.role for t in found] == ["target", "change"]


def test_a_clause_opening_with_ji_restates_the_figure_before_it() -> None:
    found = _targets("钢产量比上年增长了百分之二十，即增加了五十万吨。", "review")
    assert [t.role for t in found] == ["change", "change"]
    found = _targets("钢产量比上年增长了百分之二十，新建高炉五座。", "review")
    assert [t.role for t in found] == ["change", "achievement"]


def test_a_stock_before_a_modal_verb_of_removal_is_a_statistic() -> None:
    found = _targets("年底前全市容量10吨以下的85台燃煤锅炉要淘汰40台。")
    assert [(t.value, t.role) for t in found] == [(10, "statistic"), (85, "statistic"), (40, "target")]



@pytest.mark.parametrize("text", ["12个黑臭水体要全部消除。", "12个重点项目要开工8个。"])
def test_a_count_to_go_whole_or_before_a_verb_of_building_stays_a_target(text: str) -> None:
    assert _targets(text)[0].role == "target"


def test_a_bound_that_defines_the_class_counted_is_a_statistic() -> None:
    found = _targets("新开工投资亿元以上的30个项目。")
    assert [(t.value, t.role) for t in found] == [(1e8, "statistic"), (30, "target")]
    found = _targets("推动30%以上的乡镇卫生院达标。")
    assert [(t.value, t.role) for t in found] == [(30, "target")]


def test_a_count_after_a_linking_shi_says_what_the_subject_is() -> None:
    (t,) = _targets("我们这座城市是500万人共同的家园。")
    assert t.role == "statistic"
    (t,) = _targets("城镇新增就业的目标是5万人。")
    assert t.role == "target"


def test_a_value_after_shi_that_ends_its_clause_is_no_identity() -> None:
    (t,) = _targets("一次性奖励标准是5000元。")
    assert t.role == "target"

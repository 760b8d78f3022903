"""Review parts told from their text, and review sections whose title sets a gap to close: sentences written for
these tests."""

from __future__ import annotations

import pytest

from kg.extract.model import DocContext
from kg.extract.targets import find_targets
from kg.loaders.load import load_report
from kg.loaders.model import Metadata, Report, Section, Sentence
from kg.loaders.structure import tense

CTX = DocContext(jurisdiction="某省", level="province", plan_year=2026)


def test_done_work_without_le_reads_as_a_review() -> None:
    text = ("南港产业园建设扎实推进，东湖会展中心启用，全省获批国家试点4个，三个县入选全国示范名单，"
            "博览会成功举办，出口增长12.5%。")
    assert tense(text) == "review"


def test_an_aim_to_grow_about_a_rate_is_no_done_work() -> None:
    assert tense("要加快推进产业升级，推动消费增长5%左右，确保新增就业。") == "plan"


def test_a_review_part_under_a_slogan_heading_gives_achievements(tmp_path) -> None:
    path = tmp_path / "某省政府工作报告.txt"
    path.write_text(
        "2026年某省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
        "一、千帆竞发勇争先，某省建设蹄疾步稳\n"
        "西港物流园建设扎实推进，北湖会展中心正式启用，两个县入选全国示范县。新开通城际公交线路12条，"
        "外贸出口增长9.5%，新建农村公路860公里，博览会成功举办。\n",
        encoding="utf-8",
    )
    report = load_report(path)
    roles = {t.text: t.role for t in find_targets(report, CTX, [], [])}
    assert roles["新开通城际公交线路12条"] == "achievement"
    assert roles["新建农村公路860公里"] == "achievement"


def _report(title: str, sentences: list[str], part: str) -> Report:
    text = "".join(sentences)
    out, at = [], 0
    for k, s in enumerate(sentences):
        out.append(Sentence(k, s, at, at + len(s), "1", part))
        at += len(s)
    meta = Metadata(title="某省政府工作报告", issuer="某省人民政府", jurisdiction="某省", kind="政府工作报告",
                    plan_year=2026)
    return Report("t.txt", text, meta, [Section("1", 1, "一、", title, 0, len(text), part)], out, [])


def test_a_review_section_titled_for_closing_a_gap_reports_done_work() -> None:
    report = _report("着力缩小城乡差距，协调发展水平提升", ["新建城乡供水管网1200公里。"], "review")
    assert [t.role for t in find_targets(report, CTX, [], [])] == ["achievement"]


def test_a_review_section_on_the_gaps_that_remain_states_facts() -> None:
    report = _report("城乡差距依然较大", ["农村供水管网仅1200公里。"], "review")
    assert [t.role for t in find_targets(report, CTX, [], [])] == ["statistic"]


# --- levels stated without a verb in a look back -------------------------------------------


def _review_roles(text: str) -> list[tuple[str, str]]:
    from kg.extract.targets import targets_in_sentence

    return [(t.text, t.role) for t in targets_in_sentence(Sentence(0, text, 0, len(text), "1", "review"), CTX)]


def test_a_capacity_or_ratio_without_a_verb_is_a_statistic_in_a_review() -> None:
    found = dict(_review_roles("风电总装机容量4200万千瓦，工业用水重复利用率91.5%。"))
    assert found == {"风电总装机容量4200万千瓦": "statistic", "工业用水重复利用率91.5%": "statistic"}


def test_capacity_added_or_a_rate_reached_is_an_achievement() -> None:
    found = dict(_review_roles("新增风电装机320万千瓦，工业用水重复利用率达到91.5%。"))
    assert found == {"新增风电装机320万千瓦": "achievement", "工业用水重复利用率达到91.5%": "achievement"}


def test_a_size_naming_what_was_set_up_is_no_level() -> None:
    assert _review_roles("设立总规模80亿元的产业基金。") == [("设立总规模80亿元的产业基金", "achievement")]


# --- comparisons, ranks and numbers inside names -------------------------------------------


def test_a_multiple_of_a_base_year_is_a_comparison() -> None:
    found = _review_roles("出口总额达到40亿美元，为2015年的2.5倍。")
    assert found == [("出口总额达到40亿美元", "achievement"), ("为2015年的2.5倍", "statistic")]


def test_a_rank_is_no_quantity() -> None:
    assert _review_roles("人均收入进入全国前10位，考评包揽前三名。") == []


@pytest.mark.parametrize("text", ["构建2小时经济圈。", "打造15分钟便民生活圈。", "落实72小时过境免签政策。"])
def test_a_measure_opening_a_named_circle_or_policy_is_no_quantity(text: str) -> None:
    assert _review_roles(text) == []


def test_counts_of_policies_and_hours_of_service_stay_quantities() -> None:
    found = [t for t, _ in _review_roles("出台12项支持政策，公园实现24小时开放。")]
    assert found == ["出台12项支持政策", "公园实现24小时开放"]


# --- streaks written short, populations, deadlines of the older reports --------------------


def test_a_streak_written_short_is_a_statistic_with_its_unit_as_written() -> None:
    from kg.extract.targets import targets_in_sentence

    text = "油料产量实现7连增，蔬菜生产十二连丰。"
    sentence = Sentence(0, text, 0, len(text), "1", "review")
    found = [(t.value, t.unit, t.role) for t in targets_in_sentence(sentence, CTX)]
    assert found == [(7, "连增", "statistic"), (12, "连丰", "statistic")]


def test_a_quoted_streak_is_a_name() -> None:
    assert _review_roles("考核实现“八连冠”。") == []


def test_the_count_of_a_whole_people_is_a_statistic_even_in_an_aim() -> None:
    from kg.extract.targets import targets_in_sentence

    text = "要把13亿多中国人的饭碗端牢，让80万群众喝上放心水。"
    found = [(t.unit, t.role) for t in targets_in_sentence(Sentence(0, text, 0, len(text), "1", "plan"), CTX)]
    assert found == [("人", "statistic"), ("人", "target")]


@pytest.mark.parametrize("year", ["1992", "一九九二"])
def test_a_year_of_the_plan_period_before_the_indicator_is_the_deadline_in_older_reports(year: str) -> None:
    from kg.extract.targets import targets_in_sentence

    ctx = DocContext(jurisdiction="中国", level="country", plan_year=1988)
    text = f"要积极发展电力工业，{year}年发电量达到7000亿千瓦时。"
    found = targets_in_sentence(Sentence(0, text, 0, len(text), "1", "plan"), ctx)
    assert [(t.role, t.deadline) for t in found] == [("target", "1992")]


# --- the situation section of an older review, rises written 递增, ceilings written 低于 -----------


def test_a_review_section_on_the_economic_situation_reports_done_work() -> None:
    report = _report("关于经济形势", ["去年全省粮食产量达到八百五十万吨，共批准合资企业三百个。"], "review")
    assert [t.role for t in find_targets(report, CTX, [], [])] == ["achievement", "achievement"]


def test_a_plan_section_on_the_situation_still_states_facts() -> None:
    report = _report("当前面临的形势", ["全省粮食产量八百五十万吨。"], "plan")
    assert [t.role for t in find_targets(report, CTX, [], [])] == ["statistic"]


def test_a_rise_written_dizeng_is_a_change() -> None:
    assert [role for _, role in _review_roles("工业总产值平均每年递增8.3%，粮食产量递减2.1%。")] == ["change", "change"]


def test_a_ceiling_written_diyu_in_the_expected_goals_is_a_target_of_the_plan_year() -> None:
    from kg.extract.targets import find_targets as find

    parts = ["今年发展的主要预期目标是：地区生产总值增长6%左右；", "城镇新增就业60万人以上，城镇登记失业率低于4.5%；"]
    text = "".join(parts)
    sentences, at = [], 0
    for k, s in enumerate(parts):
        sentences.append(Sentence(k, s, at, at + len(s), "1", "plan"))
        at += len(s)
    meta = Metadata(title="某省政府工作报告", issuer="某省人民政府", jurisdiction="某省", kind="政府工作报告",
                    plan_year=2026)
    report = Report("t.txt", text, meta, [Section("1", 1, "二、", "今年工作安排", 0, len(text), "plan")], sentences, [])
    found = {t.text: (t.comparator, t.role, t.deadline) for t in find(report, CTX, [], [])}
    assert found["城镇登记失业率低于4.5%"] == ("<=", "target", "2026")


def test_a_bound_defining_the_class_counted_later_in_the_clause_is_a_statistic() -> None:
    found = _review_roles("年营业收入超20亿元的龙头企业达80家以上。")
    assert [role for _, role in found] == ["statistic", "achievement"]


def test_a_bound_with_no_count_after_it_keeps_its_role() -> None:
    assert [role for _, role in _review_roles("新建农村公路1200公里以上，惠及群众。")] == ["achievement"]


def test_a_bound_defining_the_class_counted_in_a_plan_is_part_of_the_aim() -> None:
    from kg.extract.targets import targets_in_sentence

    text = "全年引进超5亿元的项目40个以上。"
    found = targets_in_sentence(Sentence(0, text, 0, len(text), "1", "plan"), CTX)
    assert [t.role for t in found] == ["target", "target"]


def test_the_figure_a_rise_starts_from_in_a_look_back_is_a_statistic() -> None:
    found = _review_roles("全市快递业务量从2.4亿件增加到6.1亿件。")
    assert [role for _, role in found] == ["statistic", "achievement"]

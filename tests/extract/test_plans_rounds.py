"""Tests of programmes opened by their round (第二轮…试点, 第三次…行动)."""

from kg.extract.plans import plan_names


def test_a_round_opens_the_name() -> None:
    assert plan_names("启动第三轮城市体检评估试点。") == ["第三轮城市体检评估试点"]
    assert plan_names("实施第二轮农村公路提升行动。") == ["第二轮农村公路提升行动"]


def test_the_name_runs_from_the_round_over_words_that_would_cut_it() -> None:
    names = plan_names("稳步推进第二轮宅基地确权到期后再延长20年整县试点。")
    assert names == ["第二轮宅基地确权到期后再延长20年整县试点"]


def test_a_batch_stays_in_a_pilots_name() -> None:
    # The batch is part of the designation a place is selected for (首批…试点), so it is not cut off.
    assert plan_names("甲市入选国家交通领域首批智慧物流试点。") == ["国家交通领域首批智慧物流试点"]
    assert "城市体检评估试点" not in plan_names("开展第一批城市体检评估试点。")
    assert plan_names("完成第一批试点任务。") == []


def test_a_round_not_after_a_verb_opens_no_name() -> None:
    assert plan_names("第二轮督察后再开展整改行动。") == []


def test_a_round_before_a_quoted_name_is_a_round_of_that_programme() -> None:
    assert plan_names("三所学校入选第二轮国家“双优计划”。") == ["国家“双优计划”"]


def test_a_pilot_carried_out_keeps_the_verbs_of_its_name() -> None:
    assert plan_names("开展整合统筹使用转移支付资金试点。") == ["整合统筹使用转移支付资金试点"]
    assert plan_names("推动“开展整合统筹使用转移支付资金试点”写入规划。") == []  # a quoted clause


def test_the_place_and_batch_before_the_verb_are_not_the_pilots_name() -> None:
    assert plan_names("在全省首批开展统筹协调林草空间试点。") == ["统筹协调林草空间试点"]

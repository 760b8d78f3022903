"""Tests of the plan finder."""

from kg.extract.context import doc_context
from kg.extract.plans import find_plans, plan_names


def test_quoted_and_modified_names() -> None:
    assert plan_names("持续实施“归雁兴聊”计划，推进新一轮“四减四增”行动") == ["“归雁兴聊”计划", "“四减四增”行动"]
    assert plan_names("实施医疗服务能力“攀登计划”") == ["医疗服务能力“攀登计划”"]
    assert plan_names("深入开展美丽河湖建设行动") == ["美丽河湖建设行动"]


def test_consecutive_quotes_give_one_plan_each() -> None:
    assert plan_names("完成“带土移植”“揭榜挂帅”项目各1个") == ["“带土移植”项目", "“揭榜挂帅”项目"]


def test_generic_phrases_are_not_plans() -> None:
    assert plan_names("实施一批重点项目，开展集中整治行动，实施26项电力工程") == []


def test_action_plan_list_items_and_responsible_agency(make_report) -> None:
    items = [("2023年重点行动计划清单", "制造业三年攻坚突破行动：推动制造业发展。", None)]
    report = make_report("由市建委牵头，推进大伙房输水配套二期工程。", items=items)
    found = {p.name: p for p in find_plans(report, doc_context(report.meta), [])}
    assert found["大伙房输水配套二期工程"].agency == "市建委"
    assert "制造业三年攻坚突破行动" in found

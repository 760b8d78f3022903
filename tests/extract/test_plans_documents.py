"""Tests of 计划 and 工程 that name no programme: the planned economy's plans, a class of works."""

from kg.extract.plans import plan_names


def test_the_economys_plan_is_a_document_not_a_programme() -> None:
    assert plan_names("胜利完成一九六二年计划。") == []
    assert plan_names("认真执行国民经济发展计划。") == []
    assert plan_names("逐步缩小指令性计划，扩大指导性计划。") == []
    assert plan_names("超额完成今年计划。") == []


def test_the_plans_quantities_purchases_and_horizon_are_the_economys_plan() -> None:
    assert plan_names("严格控制全社会固定资产投资总额计划。") == []
    assert plan_names("粮食部门要完成国家收购计划。") == []
    assert plan_names("各地要认真编好基本建设计划。") == []
    assert plan_names("抓紧研究编制中长期计划。") == []


def test_a_plan_exceeded_or_followed_is_a_clause() -> None:
    assert plan_names("有些地区的加工工业投资超过计划。") == []
    assert plan_names("重点建设和企业技术改造按计划进行。") == []


def test_a_named_research_programme_is_still_a_plan() -> None:
    assert plan_names("实施高技术研究和科技支撑计划。") == ["高技术研究和科技支撑计划"]


def test_a_determiner_opens_a_class_of_works() -> None:
    assert plan_names("确保所有基本建设工程按期完工。") == []
    assert plan_names("推进各类城市更新项目。") == []


def test_standing_programmes_are_named_however_the_segmenter_reads_them() -> None:
    assert plan_names("扎实推进年度为民办实事项目。") == ["为民办实事项目"]
    assert plan_names("实施星火计划和火炬计划。") == ["星火计划", "火炬计划"]


def test_a_quoted_standing_programme_keeps_its_quotes() -> None:
    assert plan_names("大力推行“星火计划”。") == ["“星火计划”"]


def test_the_economys_quantity_plans_are_documents() -> None:
    assert plan_names("完成国家商业收入计划和财政收支计划。") == []
    assert plan_names("超额完成江海货运量计划。") == []


def test_a_time_of_speaking_or_a_quantity_word_opens_no_name() -> None:
    assert plan_names("现在许多大中型项目进展顺利。") == []
    assert plan_names("推进重点续建项目和新开工项目。") == []


def test_a_head_inside_a_quoted_title_is_no_name() -> None:
    assert plan_names("治沙成果入选“2030全球十大工程成就”。") == []


def test_a_pilot_named_by_its_programme_keeps_the_programme() -> None:
    assert plan_names("深化无废城市建设试点，推进固废减量。") == ["无废城市建设试点"]


def test_a_quoted_goal_before_jianshe_is_no_programme() -> None:
    assert plan_names("深化“平安河港”建设，推进“公园城市”建设。") == []


def test_projects_of_a_plan_are_not_a_programme() -> None:
    assert plan_names("做好“十五”计划与“十一五”计划项目的衔接。") == []
    assert plan_names("抓紧落实国土空间规划项目。") == []
    assert plan_names("启动科技攻关计划项目20个。") == ["科技攻关计划"]  # the programme, not its projects


def test_the_trade_of_contracting_works_abroad_is_no_programme() -> None:
    assert plan_names("进一步发展对外承包工程和劳务合作。") == []


def test_planned_immunisation_is_a_health_service_not_a_plan() -> None:
    assert plan_names("做好妇幼卫生和儿童计划免疫工作。") == []


def test_acting_together_is_no_campaign() -> None:
    assert plan_names("全市上下都要进一步积极行动起来。") == []


def test_a_five_year_plan_written_short_is_no_action_plan() -> None:
    assert plan_names("全面实现六五计划。") == []

"""Campaigns named by a quoted slogan before a campaign noun: crackdowns (斗争) and education campaigns (学习教育)."""

from kg.extract.plans import plan_names


def test_a_quoted_crackdown_or_education_campaign_is_a_plan() -> None:
    assert plan_names("今年继续开展“清网护苗”斗争。") == ["“清网护苗”斗争"]
    assert plan_names("在全体党员中开展“学史力行”学习教育。") == ["“学史力行”学习教育"]
    assert plan_names("巩固“守正创新、担当作为”主题教育成果。") == ["“守正创新、担当作为”主题教育"]
    assert plan_names("全省家庭参与“书香万家”活动。") == ["“书香万家”活动"]  # 参与 is no opponent word


def test_a_struggle_against_what_the_quote_names_is_no_campaign() -> None:
    assert plan_names("我们同“黑恶势力”斗争到底。") == []
    assert plan_names("把揭批“某某集团”这场斗争进行到底。") == []  # pointed at, not named
    assert plan_names("常态化开展“三个意识”教育。") == []  # education on an idea, not a campaign noun

"""Tests of named projects whose name opens at their place and owner (甲市乙县某某科技…项目, 甲—乙…项目)."""

from kg.extract.plans import plan_names


def test_a_trade_name_the_dictionary_does_not_know_stays_in_the_name() -> None:
    assert plan_names("推进株洲醴陵圣钘科技固态电池项目。") == ["株洲醴陵圣钘科技固态电池项目"]


def test_listed_projects_open_at_their_place() -> None:
    names = plan_names("推进株洲醴陵圣钘科技固态电池、邵阳新邵蓝湾科技光伏玻璃研发生产等“两大产业项目”建设。")
    assert names == ["“两大产业项目”", "株洲醴陵圣钘科技固态电池项目", "邵阳新邵蓝湾科技光伏玻璃研发生产项目"]


def test_a_joint_venture_keeps_both_owners() -> None:
    assert plan_names("加快建设广汽—丰田新能源整车项目。") == ["广汽—丰田新能源整车项目"]


def test_the_verb_before_the_owner_stays_out() -> None:
    assert plan_names("开工建设岳阳临湘垚钜科技储能电池生产基地项目。") == ["岳阳临湘垚钜科技储能电池生产基地项目"]

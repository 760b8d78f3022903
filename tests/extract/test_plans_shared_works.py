"""Tests of named works joined by 和 or 、 before one built head (甲枢纽和乙调水工程): one project each."""

from kg.extract.plans import plan_names


def test_two_works_joined_by_he_each_take_the_head() -> None:
    names = plan_names("实施珠江干线航道扩能提升和洞庭湖区水运能级提升工程。")
    assert sorted(names) == ["洞庭湖区水运能级提升工程", "珠江干线航道扩能提升工程"]


def test_a_dam_and_a_named_transfer_share_the_head_of_their_building() -> None:
    names = plan_names("抓紧长江葛洲坝水利枢纽和南水北调工程建设。")
    assert sorted(names) == ["南水北调工程", "长江葛洲坝水利枢纽工程"]


def test_works_listed_with_a_comma_each_take_the_head() -> None:
    names = plan_names("推进厦门港海沧港区集装箱码头、福州港转型升级工程。")
    assert sorted(names) == ["厦门港海沧港区集装箱码头工程", "福州港转型升级工程"]


def test_kinds_joined_by_he_stay_one_programme() -> None:
    assert plan_names("实施医疗卫生强基和康复护理扩容提升工程。") == ["医疗卫生强基和康复护理扩容提升工程"]


def test_a_facility_named_alone_in_the_list_takes_no_head() -> None:
    assert plan_names("加快郑渝高铁、黄河下游引水配置工程等前期工作。") == ["黄河下游引水配置工程"]


def test_works_with_heads_of_their_own_are_not_joined() -> None:
    assert sorted(plan_names("推进洛河治理工程和渭河治理工程。")) == ["洛河治理工程", "渭河治理工程"]


def test_a_named_work_joined_to_a_kind_keeps_the_named_one() -> None:
    # the first conjunct takes no 工程; 退耕还林 is a national programme named alone (plan_national_programmes.txt)
    assert sorted(plan_names("积极实施退耕还林和天然林保护工程。")) == ["天然林保护工程", "退耕还林"]


def test_two_objects_of_one_activity_are_two_works() -> None:
    assert plan_names("实施沙地和盐碱地治理工程。") == ["沙地治理工程", "盐碱地治理工程"]


def test_two_activities_before_one_head_stay_one_work() -> None:
    assert plan_names("实施乡村医疗强基和康复护理扩容提升工程。") == ["乡村医疗强基和康复护理扩容提升工程"]

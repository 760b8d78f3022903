"""Tests of named projects listed before one shared 项目 (甲、乙等重大项目), told from kinds of projects."""

from kg.extract.plans import plan_names


def test_named_items_before_a_class_and_head_are_projects_each() -> None:
    names = plan_names("加快推进珠江航道疏浚、广州南站扩容、城市道路提质、粤西天然气管道二期等重大项目建设。")
    assert names == ["珠江航道疏浚项目", "广州南站扩容项目", "粤西天然气管道二期项目"]


def test_firms_named_before_the_head_are_projects() -> None:
    assert plan_names("推动比亚迪电池、京东方显示面板等重点项目投产。") == ["比亚迪电池项目", "京东方显示面板项目"]


def test_the_kind_between_deng_and_the_head_is_no_part_of_each_name() -> None:
    names = plan_names("共同推进西安咸阳机场三期、包西高铁等交通枢纽项目。")
    assert names == ["西安咸阳机场三期项目", "包西高铁项目"]


def test_kinds_of_projects_give_none() -> None:
    assert plan_names("建设一批化工新材料、专用化学品等项目。") == []
    assert plan_names("支持夜经济、地摊经济等低成本创业项目。") == []


def test_a_list_of_mostly_kinds_gives_none() -> None:
    assert plan_names("加快千兆光网、量子通信等项目建设。") == []
    assert plan_names("有序推进保障性住房、城中村改造等项目建设。") == []


def test_items_of_fields_give_none() -> None:
    assert plan_names("抓好煤电升级、新型储能、宁东光伏等8个重点领域项目。") == []


def test_one_named_item_before_deng_is_a_project() -> None:
    assert plan_names("加快推进洞庭湖防洪堤加固等重点项目。") == ["洞庭湖防洪堤加固项目"]
    assert plan_names("推进工业园区老化管道改造等项目。") == []


def test_examples_of_a_counted_set_of_projects_give_none() -> None:
    assert plan_names("推进湘雅老年病医院等12家医养结合项目建设。") == []


def test_a_kind_joined_to_the_head_is_dropped_from_each_name() -> None:
    names = plan_names("推动日本东丽、德国巴斯夫等重点外资项目建成投产。")
    assert names == ["日本东丽项目", "德国巴斯夫项目"]


def test_an_item_with_a_head_of_its_own_leaves_the_other_projects() -> None:
    names = plan_names("开工建设田湾核电五期、连云港石化基地二期、苏北输变电工程等项目。")
    assert names[-2:] == ["田湾核电五期项目", "连云港石化基地二期项目"]
    assert not any("工程项目" in name for name in names)


def test_a_list_inside_the_list_gives_none() -> None:
    assert plan_names("支持南京、苏州等市推进航空发动机、卫星制造等重大项目。") == []


def test_a_capacity_is_no_part_of_a_listed_projects_name() -> None:
    names = plan_names("推动甘肃金川60万吨镍基材料、宁东煤业年产400万吨煤制油等项目开工。")
    assert names == ["甘肃金川镍基材料项目", "宁东煤业煤制油项目"]


def test_the_key_works_of_a_field_are_a_class_not_a_project() -> None:
    assert plan_names("加快草原重点生态工程建设。") == []
    assert plan_names("推进东线主通道重点工程。") == []


def test_a_counted_or_quoted_set_of_key_works_keeps_its_name() -> None:
    assert plan_names("实施八大重点节水工程。") == ["八大重点节水工程"]
    assert plan_names("推进“两湖一江”重点工程。") == ["“两湖一江”重点工程"]

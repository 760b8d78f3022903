"""Tests of factories named in full (行政区划 + 字号 + 行业 + 厂), as older reports name state enterprises."""

from kg.extract.organizations import organization_names


def test_a_factory_named_with_its_division_and_trade_is_an_enterprise() -> None:
    assert organization_names("特别是洛阳第三轴承厂已经投产。") == ["洛阳第三轴承厂"]
    assert organization_names("扩建兰州化肥厂和贵阳钢铁厂。") == ["兰州化肥厂", "贵阳钢铁厂"]


def test_a_factory_with_a_trade_name_or_a_number_keeps_it() -> None:
    assert organization_names("有乌鲁木齐七一纺织厂、南京钢铁厂。") == ["乌鲁木齐七一纺织厂", "南京钢铁厂"]


def test_utility_plants_and_the_common_word_are_no_enterprise() -> None:
    assert organization_names("启动甲乙电厂改造，建成兰州污水处理厂。") == []
    assert organization_names("亿纬锂能沈阳工厂投产。") == ["亿纬锂能"]


def test_counted_factories_name_a_kind() -> None:
    assert organization_names("四川三大化纤厂全部投产，建设十个水泥厂。") == []
    assert organization_names("吉林省有一个制糖厂。") == []

"""Tests of alliances named with a proper stem (长三角某某联盟, 中国—甲乙合作联盟); forums are events."""

from kg.extract.organizations import organization_names


def test_an_alliance_under_a_region_is_a_body() -> None:
    assert organization_names("推动成立长三角大科学装置联盟。") == ["长三角大科学装置联盟"]


def test_common_words_name_a_kind_of_alliance() -> None:
    assert organization_names("支持组建产业联盟和技术创新联盟。") == []


def test_a_bilateral_alliance_keeps_its_first_partner() -> None:
    assert organization_names("发起中国—东盟旅游城市合作联盟。") == ["中国—东盟旅游城市合作联盟"]


def test_a_forum_held_is_an_event() -> None:
    assert organization_names("高规格举办博鳌亚洲论坛。") == []


def test_a_count_in_the_stem_is_no_name() -> None:
    assert organization_names("成立长三角50家医院联盟。") == []


def test_a_political_clique_is_no_alliance() -> None:
    assert organization_names("粉碎了张三丰反党联盟。") == []


def test_an_alliance_of_zones_is_a_body() -> None:
    assert organization_names("中部地区国家高新区联盟在汉成立。") == ["中部地区国家高新区联盟"]

"""Tests of dash-joined ranges: two natural features of one kind joined by a dash are one area."""

from kg.extract.model import DocContext
from kg.extract.places import place_mentions


def _names(text: str, ctx: DocContext | None = None) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text, ctx)]


def test_two_mountains_joined_by_a_dash_are_one_range() -> None:
    assert _names("筑牢太行山—燕山生态屏障。") == [("太行山—燕山", "Area")]
    assert _names("建设大别山—黄山旅游带。") == [("大别山—黄山旅游带", "Area")]  # the belt named after the range


def test_two_rivers_before_a_basin_are_one_basin() -> None:
    assert _names("综合治理渭河—泾河流域水土流失。") == [("渭河—泾河流域", "Area")]


def test_a_short_name_stands_for_a_feature_whose_suffix_is_left_out() -> None:
    ctx = DocContext(jurisdiction="宁夏回族自治区", level="province")
    assert _names("巩固贺兰—六盘山生态安全屏障。", ctx) == [("贺兰—六盘山", "Area")]


def test_features_of_two_kinds_stay_apart() -> None:
    assert _names("推进祁连山—腾格里沙漠边缘治理。") == [("祁连山", "Area"), ("腾格里沙漠", "Area")]


def test_cities_and_countries_joined_by_a_dash_stay_apart() -> None:
    assert _names("推进西安—咸阳一体化。") == [("西安", "City"), ("咸阳", "City")]
    assert _names("深化中国—东盟经贸合作。") == []

"""Tests of corridors named by the short names of the places they join (甲乙丙丁…走廊, 甲乙丙…大通道)."""

import pytest

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_provinces_abbreviations_name_a_corridor_before_a_long_topic() -> None:
    assert _names("共建湘鄂川黔大宗商品骨干物流走廊。") == [("湘鄂川黔大宗商品骨干物流走廊", "Area")]


def test_a_long_topic_after_cities_characters_is_no_corridor() -> None:
    assert _names("建设商文旅体大宗商品骨干物流走廊。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推动川渝物流大通道建设。", [("川渝物流大通道", "Area")]),
        ("谋划赣粤闽内河航运大通道。", [("赣粤闽内河航运大通道", "River")]),  # a waterway, as canals are
        ("建成桂黔通道。", [("桂黔通道", "Area")]),
    ],
)
def test_a_passage_word_after_joint_short_names_is_one_corridor(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize("text", ["拓展开放通道。", "完善出省通道。", "建设电力外送通道。", "打通绿色通道。"])
def test_a_passage_word_after_other_words_is_a_kind(text: str) -> None:
    assert _names(text) == []


def test_a_numeral_character_of_a_city_among_quoted_members_is_a_member() -> None:
    assert _names("打造“襄十随神”城市群。") == [("“襄十随神”城市群", "Area")]


def test_a_quoted_count_before_a_cluster_word_is_no_cluster() -> None:
    assert _names("构建“一主两副”城市群。") == []

"""Tests of natural features the segmenter keeps as one word of another kind (a person tag, a numeral opening).

The rule reads the dictionary's own words, so the names are dictionary words; the sentences are written for the test.
"""

import pytest

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加强大洪山生态保护修复。", [("大洪山", "Area")]),  # tagged nr
        ("推进吴淞江整治工程。", [("吴淞江", "River")]),  # tagged nr
        ("保护贺兰山生态环境。", [("贺兰山", "Area")]),
        ("全力推进查干湖治理保护。", [("查干湖", "Lake")]),  # a transliterated stem the segmenter reads as verbs
        ("钱塘江（甲县段）入选美丽河湖。", [("钱塘江", "River")]),  # a bracketed reach, then a verb
        ("推进大洪山、钱塘江等区域生态修复。", [("大洪山", "Area"), ("钱塘江", "River")]),  # a list of regions
        ("开展五台山、九宫山文旅融合。", [("五台山", "Area"), ("九宫山", "Area")]),  # ns opening on a numeral
    ],
)
def test_feature_word_of_another_kind_is_a_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "支持大洪山、钱塘江等实验室建设。",  # a list of labs named after features
        "挂牌大洪山、钱塘江2个省实验室。",  # a counted list of labs
        "加快大洪山雪上运动中心建设。",  # a centre named after a mountain
        "推进大红柳滩牧场建设。",  # an adjective before it: the word is cut from a longer name (大|红柳滩)
        "大洪山（甲区）文化创意产业园营收增长。",  # a park named after the mountain, past the bracket
    ],
)
def test_feature_word_opening_something_named_after_it_is_no_place(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加快吴淞江航运枢纽建设。", [("吴淞江航运枢纽", "Facility")]),  # a hub named after a river
        ("国网大洪山抽水蓄能电站开工。", [("国网大洪山抽水蓄能电站", "Facility")]),  # a station, named with its owner
    ],
)
def test_works_named_after_a_feature_are_the_facility_not_the_feature(text: str, expected: list) -> None:
    assert _names(text) == expected


def test_river_word_before_basin_gives_the_river_it_is_entered_as() -> None:
    assert _names("实施九龙江流域综合治理。") == [("九龙江", "River")]


def test_feature_word_opening_a_longer_name_keeps_the_longer_name() -> None:
    assert _names("沿扬子江城市群建设。") == [("扬子江城市群", "Area")]


@pytest.mark.parametrize(
    "text",
    [
        "副市长于长江出席会议。",  # a person after a title
        "于长江同志讲话。",  # a person before 同志
        "纪念孙中山先生诞辰。",  # a person before 先生
    ],
)
def test_person_beside_a_title_or_person_word_is_no_place(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "坚持绿水青山就是金山银山。",  # a four-character idiom tagged nr
        "以海纳百川的胸怀推进开放。",
        "统筹山水林田湖草沙一体化保护。",  # the landscape formula cut into a feature-shaped word (林田|湖)
        "规范入河入海排污口设置。",  # a cut phrase whose stem holds a verb (河入|海)
        "足迹遍及五大洲。",  # a count of kinds opening on a numeral (五|大|洲), not a name
    ],
)
def test_idioms_formulas_and_cut_phrases_are_no_places(text: str) -> None:
    assert _names(text) == []

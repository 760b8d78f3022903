"""Tests of routes named from one end to the other, read by characters (甲至乙铁路, 甲经丙至乙铁路, 甲至乙段)."""

import pytest

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the segmenter glues 至 to the end before it or after it: the route is read by characters
        ("开工建设太子城至锡林浩特铁路。", [("太子城至锡林浩特铁路", "Facility")]),
        ("推进董家口至五莲铁路前期工作。", [("董家口至五莲铁路", "Facility")]),
        ("加快推动波密至然乌段铁路建设。", [("波密至然乌段铁路", "Facility")]),
        ("改扩建松江河至长白等高速公路。", [("松江河至长白高速公路", "Road")]),
    ],
)
def test_a_route_from_end_to_end_is_one_place_whatever_the_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


def test_routes_of_a_list_written_via_a_place_share_the_plain_route_word() -> None:
    assert _names("新建北京经九江至深圳、南宁至昆明等铁路干线。") == [
        ("北京经九江至深圳铁路", "Facility"),
        ("南宁至昆明铁路", "Facility"),
    ]


def test_the_section_of_a_named_route_holds_its_ends() -> None:
    assert _names("推进京港高铁阜阳至黄冈段、京沪高速新沂至江都段建设。") == [
        ("京港高铁", "Facility"),
        ("京沪高速", "Road"),
    ]


def test_an_end_named_elsewhere_in_the_sentence_stays_a_place() -> None:
    assert _names("支持阜阳建设枢纽，开工阜阳至黄冈高铁。") == [("阜阳", "City"), ("阜阳至黄冈高铁", "Facility")]


@pytest.mark.parametrize(
    "text",
    ["人数增加至3万人。", "铁路网延伸至全省各地。", "高速公路通车里程增至5000公里。", "服务范围扩大至机场高速。"],
)
def test_a_rise_or_a_reach_to_something_is_no_route(text: str) -> None:
    assert all("至" not in name for name, _ in _names(text))

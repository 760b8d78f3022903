"""Tests of the place finder: suffix names, counted lists, divisions, generic nouns."""

from kg.extract.context import doc_context
from kg.extract.places import find_places, place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_counted_list_of_rivers() -> None:
    assert _names("加快推动甲滑河、乙周渠、丙位河3条河道整治") == [
        ("甲滑河", "River"),
        ("乙周渠", "River"),
        ("丙位河", "River"),
    ]


def test_count_mismatch_keeps_only_names_with_a_suffix() -> None:
    assert _names("整治甲滑河、乙周、丙位河5条河道") == [("甲滑河", "River"), ("丙位河", "River")]


def test_agreeing_count_types_names_without_suffix() -> None:
    assert _names("治理甲滑、乙周2条河道") == [("甲滑", "River"), ("乙周", "River")]


def test_generic_nouns_are_not_places() -> None:
    assert _names("启动20条背街小巷、183个小区改造，围绕老旧小区、城乡结合部和主次干道") == []


def test_suffix_types_and_left_boundary() -> None:
    assert _names("打通甲丰路等断头路，实施乙家镇供水，建设丙湖公园") == [
        ("甲丰路", "Road"),
        ("乙家镇", "Town"),
        ("丙湖公园", "Park"),
        ("丙湖", "Lake"),
    ]


def test_divisions_get_codes_and_short_names(make_report) -> None:
    report = make_report("支持东阿、高唐融入济南都市圈，推动东昌府区发展。")
    places = {p.name: p for p in find_places(report, doc_context(report.meta))}
    assert places["东阿"].code == "371524" and places["东阿"].type == "County"
    assert places["济南"].type == "City"
    assert places["济南都市圈"].type == "Area"
    assert places["聊城市"].within == "山东省"  # the document's parents are places too
    assert places["东昌府区"].sentences == [0]


def test_slogans_and_blocs_are_not_places() -> None:
    assert _names("打造“两河明珠”城市，拓展RCEP市场") == []


def test_division_scan_finds_what_a_regex_of_all_names_finds() -> None:
    import re

    from kg.extract.lexicon import alternation
    from kg.extract.places import _admin_names

    names = re.compile(alternation(_admin_names().names))
    text = "聊城市东昌府区、阳谷县和济南、聊城，以及北京市朝阳区的市区和县城。东昌府"
    for start in range(len(text)):
        part = text[start:]
        assert _admin_names().spans(part) == [m.span() for m in names.finditer(part)]

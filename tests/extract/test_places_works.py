"""Tests of reservoirs, dams and mines whose unknown names the segmenter breaks into pieces (甲|乙丙|水库)."""

import pytest

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加快推进，瓦石峡水库开工。", [("瓦石峡水库", "Lake")]),
        ("完成双堠水库主体工程。", [("双堠水库", "Lake")]),
        ("实施涔天河水库扩建工程。", [("涔天河水库", "Lake")]),
    ],
)
def test_a_broken_name_before_a_reservoir_is_the_whole_run(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


def test_a_mine_is_named_by_its_place_and_minerals() -> None:
    assert _names("加快建设大红柳滩锂铍矿。") == [("大红柳滩锂铍矿", "Facility")]


@pytest.mark.parametrize(
    "text",
    ["新建智能化煤矿，整合露天煤矿。", "建成5个井工煤矿。", "建成一批大型水库。", "推进病险水库除险加固。"],
)
def test_kinds_of_mine_and_reservoir_are_no_names(text: str) -> None:
    assert _names(text) == []


def test_a_basin_is_the_river_with_the_basin_as_its_alias() -> None:
    from kg.extract.pipeline import extract_report
    from kg.loaders.load import load_text

    ex = extract_report(load_text("某某市人民政府工作报告\n加强浏阳河流域综合治理。\n", source="t.txt"))
    rivers = [p for p in ex.places if p.name == "浏阳河"]
    assert [(p.type, p.aliases) for p in rivers] == [("River", ["浏阳河流域"])]
    assert "浏阳河流域" not in [p.name for p in ex.places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进甲滨核电二期建设。", [("甲滨核电", "Facility")]),
        ("实现乙湾核电3号机组并网发电。", [("乙湾核电", "Facility")]),
        ("开工丁岭核电一期、戊石核电扩建工程。", [("丁岭核电", "Facility"), ("戊石核电", "Facility")]),
    ],
)
def test_a_nuclear_plant_is_named_by_its_site_and_its_phase_is_no_part_of_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    ["有序发展沿海核电。", "核电装机居全国前列。", "在建核电机组稳步推进。", "壮大核电产业链。", "研发核电钢材料。"],
)
def test_kinds_of_nuclear_power_are_no_plants(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("凤凰机场三期完工。", [("凤凰机场", "Facility")]),  # a person's name as site word
        ("加快建设乙排港二期。", [("乙排港", "Facility")]),  # a new word, no division opening the port
        ("推进甲地机场、东方机场等前期工作。", [("东方机场", "Facility")]),  # a locality word, listed last
        ("推动凤凰机场迁建。", [("凤凰机场", "Facility")]),
    ],
)
def test_a_port_or_airport_with_its_phase_or_stage_of_works_is_named_by_its_site(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [n for n in _names(text) if n in expected] == expected


@pytest.mark.parametrize("text", ["推动机场三期建设。", "推进国际机场二期。", "实施港口二期工程。", "凤凰机场增航线。"])
def test_no_site_or_no_stage_of_works_names_no_port_or_airport(text: str) -> None:
    assert _names(text) == []


def test_phased_works_cue_holds_every_stage_word() -> None:
    from kg.extract.places import _phased_works_candidates
    from kg.extract.tokens import tokenize

    for text in ("凤凰机场三期完工。", "凤凰机场等前期工作。", "凤凰机场改扩建。", "凤凰机场迁建。"):
        assert [m.name for m in _phased_works_candidates(text, tokenize(text))] == ["凤凰机场"], text

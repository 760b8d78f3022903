"""Tests of the document context: level and parents from the jurisdiction."""

from kg.extract.context import doc_context, level_of
from kg.loaders.model import Metadata


def test_levels_from_division_codes_and_suffixes() -> None:
    assert level_of("山东省") == "province"
    assert level_of("聊城市") == "city"
    assert level_of("东昌府区", ("聊城市", "山东省")) == "district"
    assert level_of("冠县") == "county"
    assert level_of("XX市", ("辽宁省",)) == "city"
    assert level_of("某某镇") == "town"
    assert level_of("北京市") == "province"


def test_parents_filled_from_the_code_when_missing() -> None:
    ctx = doc_context(Metadata(jurisdiction="东昌府区", plan_year=2023, kind="政府工作报告"))
    assert ctx.level == "district"
    assert ctx.parents == ("聊城市", "山东省")
    assert ctx.plan_year == 2023
    assert ctx.kind == "政府工作报告"

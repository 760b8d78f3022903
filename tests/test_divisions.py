"""The GB/T 2260 division table: lookups, namesakes, parents, types, short names."""

from __future__ import annotations

import pytest

from kg.divisions import division, division_by_code, parents_of, short_name


def _names(divs) -> list[str]:
    return [d.name for d in divs]


def test_dongchangfu():
    div = division("东昌府区")
    assert div is not None
    assert div.code == "371502"
    assert div.type == "District"
    assert _names(parents_of(div)) == ["聊城市", "山东省"]
    assert div.longitude is not None and div.latitude is not None


@pytest.mark.parametrize("name,code,kind", [
    ("聊城市", "371500", "City"),
    ("山东省", "370000", "Province"),
    ("临清市", "371581", "City"),       # county-level city
    ("内蒙古自治区", "150000", "Province"),
    ("二道区", None, "District"),       # in 长春市; a namesake may exist, so checked with within below
])
def test_types(name, code, kind):
    div = division(name) or division(name, within="长春市")
    assert div is not None
    if code:
        assert div.code == code
    assert div.type == kind


def test_county_type():
    div = division("阳谷县")
    assert div is not None and div.type == "County"
    assert _names(parents_of(div)) == ["聊城市", "山东省"]


def test_namesakes_need_within():
    assert division("铁西区") is None  # 沈阳, 鞍山, 四平 …: ambiguous
    shenyang = division("铁西区", within="沈阳市")
    assert shenyang is not None and shenyang.code == "210106"
    assert _names(parents_of(shenyang)) == ["沈阳市", "辽宁省"]
    assert division("铁西区", within="210100") == shenyang
    anshan = division("铁西区", within="鞍山市")
    assert anshan is not None and anshan.code != shenyang.code and anshan.code.startswith("2103")
    assert division("铁西区", within="山东省") is None


@pytest.mark.parametrize("name,code", [("北京市", "110000"), ("上海市", "310000"), ("天津市", "120000"),
                                       ("重庆市", "500000")])
def test_municipalities_are_cities(name, code):
    div = division(name)
    assert div is not None and div.code == code
    assert div.type == "City"
    assert parents_of(div) == () or list(parents_of(div)) == []


def test_district_of_a_municipality():
    div = division("朝阳区", within="北京市")
    assert div is not None and div.code == "110105"
    assert _names(parents_of(div)) == ["北京市"]


def test_unknown_names():
    assert division("XX市") is None
    assert division("班滑河") is None
    assert division_by_code("999999") is None


def test_division_by_code_accepts_long_codes():
    assert division_by_code("371502000000") == division("东昌府区")
    assert division_by_code("371502").name == "东昌府区"


@pytest.mark.parametrize("name,short", [("聊城市", "聊城"), ("山东省", "山东"), ("东昌府区", "东昌府"),
                                        ("内蒙古自治区", "内蒙古"), ("望花区", "望花"), ("XX市", "XX")])
def test_short_name(name, short):
    assert short_name(name) == short

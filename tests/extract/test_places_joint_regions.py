"""Tests of regions named by the short names of their parts (港澳: 香港 and 澳门) and of regions named in two forms."""

import pytest

from kg.extract.context import doc_context
from kg.extract.places import find_places, place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "本市联合港澳共建科创平台。",
        "坚决支持港澳融入国家发展大局。",
        "鼓励港澳青年来本市创业。",
    ],
)
def test_the_two_special_administrative_regions_written_together_are_one_area(text: str) -> None:
    assert _names(text) == [("港澳", "Area")]


@pytest.mark.parametrize(
    "text",
    [
        "深化皖港澳合作。",  # a run of three short names without a head
        "欢迎港澳台青年来本市创业。",
        "欢迎台港澳青年来本市创业。",
        "加强外事、侨务、港澳、对台工作。",  # a portfolio of the government's work
    ],
)
def test_a_longer_run_or_a_portfolio_names_no_region(text: str) -> None:
    assert ("港澳", "Area") not in _names(text)


def test_regions_beside_a_conjunction_stay_regions() -> None:
    assert _names("对接粤港澳大湾区和京津冀。") == [("粤港澳大湾区", "Area"), ("京津冀", "Area")]


def test_a_regions_short_form_joins_its_full_form_named_in_the_same_report(make_report) -> None:
    report = make_report("推动西部地区加快发展。支持西部大开发形成新格局。", jurisdiction="湖北省", parents=())
    places = {p.name: p for p in find_places(report, doc_context(report.meta))}
    assert "西部" not in places
    assert places["西部地区"].aliases == ["西部"] and places["西部地区"].sentences == [0, 1]


def test_a_named_region_keeps_its_name_beside_its_longer_form(make_report) -> None:
    report = make_report("融入长三角一体化。深化与长三角地区合作。", jurisdiction="湖北省", parents=())
    names = {p.name for p in find_places(report, doc_context(report.meta))}
    assert {"长三角", "长三角地区"} <= names

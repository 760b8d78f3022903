"""Tests of how the pipeline keeps places and organisations apart."""

from kg.extract.pipeline import extract_report
from kg.loaders.load import load_text


def _extraction(body: str):
    return extract_report(load_text(f"某某市人民政府工作报告\n{body}\n", source="t.txt"))


def test_a_place_only_inside_a_company_name_is_no_place() -> None:
    ex = _extraction("国网湖北省电力公司要做好宣传解释工作。")
    assert "国网湖北省电力公司" in [o.name for o in ex.organizations]
    assert "湖北省" not in [p.name for p in ex.places]


def test_a_place_also_named_outside_the_company_stays() -> None:
    ex = _extraction("国网湖北省电力公司保障湖北省用电。")
    assert "湖北省" in [p.name for p in ex.places]


def test_a_hospital_stays_a_place_inside_a_longer_hospital_name() -> None:
    ex = _extraction("支持湘雅医院滨湖院区建设。")
    assert "湘雅医院滨湖院区" in [p.name for p in ex.places]
    assert "湘雅医院" not in [o.name for o in ex.organizations]

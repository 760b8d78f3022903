"""Finance bodies named as payers (GUIDELINES: a finance payer is the finance bureau of that level)."""

from __future__ import annotations

import pytest

from kg.extract.agencies import find_agencies, parse_agency_mentions
from kg.extract.context import doc_context


def _payers(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.level, m.canonical) for m in parse_agency_mentions(text)]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("今年中央财政用于科技的支出达到900亿元", "中央财政"),
        ("中央财政还将安排80亿元", "中央财政"),
        ("国家财政每年安排支出60亿元", "国家财政"),
        ("其中中央财政转移支付达到70亿元", "中央财政"),
    ],
)
def test_the_country_s_finance_paying_a_sum_is_the_finance_ministry(text: str, mention: str) -> None:
    assert _payers(text) == [(mention, "national", "财政部")]


@pytest.mark.parametrize(
    "text",
    [
        "中央财政赤字不能扩大",
        "尽管国家财政还有困难",
        "国家财政出现一些赤字",
        "国家财政收入增长8%",
        "地方财政每年安排支出9亿元",
    ],
)
def test_the_budget_itself_or_a_bare_level_is_no_payer(text: str) -> None:
    assert _payers(text) == []


def test_a_grade_s_finance_paying_is_the_bureau_of_that_level() -> None:
    assert _payers("省级财政累计投入30亿元") == [("省级财政", "省", "财政局")]
    assert _payers("省级财政体制改革") == []


def test_a_payment_noun_glued_to_finance_keeps_the_payer() -> None:
    assert _payers("省财政投入12亿元") == [("省财政", "省", "财政局")]
    assert _payers("市财政资金") == []


def test_two_names_of_the_country_s_finance_are_one_agency(make_report) -> None:
    report = make_report("中央财政用于教育的支出达到500亿元。国家财政将安排支出90亿元。",
                         jurisdiction="中国", parents=())
    (agency,) = [a for a in find_agencies(report, doc_context(report.meta)) if a.name == "财政部"]
    assert (agency.mention, agency.jurisdiction) == ("中央财政", "中国")
    assert "国家财政" in agency.aliases

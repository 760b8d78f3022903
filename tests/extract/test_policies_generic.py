"""Tests that a generic X政策 is no policy unless quoted or titled."""

from kg.extract.context import doc_context
from kg.extract.policies import find_policies


def _policies(report):
    return {p.title: p for p in find_policies(report, doc_context(report.meta), [])}


def test_generic_policies_are_not_titles(make_report) -> None:
    text = "出台一批支持政策，落实产业政策，实施一揽子政策，用好增量政策和存量政策。"
    assert _policies(make_report(text, part="plan")) == {}


def test_quoted_quantity_word_titles_nothing(make_report) -> None:
    found = _policies(make_report("落实“一揽子”政策和“甲乙”政策，用好“组合式”政策。"))
    assert set(found) == {"“甲乙”政策"}

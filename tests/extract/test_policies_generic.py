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


def test_measures_titled_by_their_subject_and_named_a_package(make_report) -> None:
    found = _policies(make_report("出台支持专精特新企业发展专项措施，完善人才培育机制。", part="plan"))
    assert set(found) == {"支持专精特新企业发展专项措施"}
    assert found["支持专精特新企业发展专项措施"].status == "planned"
    assert _policies(make_report("采取安全生产专项措施。", part="plan")) == {}


def test_a_kind_of_document_with_no_subject_is_no_title(make_report) -> None:
    text = "要抓紧制定改革方案，编制行业规划和流域规划，政府主要制定住房规划。"
    assert _policies(make_report(text, part="plan")) == {}


def test_a_document_word_after_its_scope_or_adverb_names_none(make_report) -> None:
    text = "研究制定在全国范围内实施方案。扩大试点，制定全面实施方案。"
    assert _policies(make_report(text, part="plan")) == {}


def test_a_title_that_names_its_subject_before_the_kind_word_stays(make_report) -> None:
    text = "编制甲河流域综合规划，出台全面推进依法行政实施纲要。"
    assert set(_policies(make_report(text, part="plan"))) == {"甲河流域综合规划", "全面推进依法行政实施纲要"}


def test_rules_a_body_or_an_article_stipulates_are_no_title(make_report) -> None:
    text = "严格按照国家规定的标准收费，执行中央规定。宪法第五条规定公民的权利。"
    assert set(_policies(make_report(text, part="plan"))) == {"宪法"}  # the law itself is cited


def test_a_counted_set_of_rules_keeps_its_title(make_report) -> None:
    text = "严格落实中央八项规定。"
    assert set(_policies(make_report(text, part="plan"))) == {"中央八项规定"}

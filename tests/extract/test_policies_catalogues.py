"""Catalogues cited or revised by title without 《》 (甲产业指导目录), and the edition word before a title: sentences
written for these tests."""

from kg.extract.context import doc_context
from kg.extract.policies import find_policies


def _policies(report) -> dict[str, str]:
    return {p.title: p.status for p in find_policies(report, doc_context(report.meta), [])}


def test_a_catalogue_after_a_lead_verb_is_a_title(make_report) -> None:
    found = _policies(make_report("抓紧修订外商投资准入指导目录，制定重点农产品出口目录。"))
    assert set(found) == {"外商投资准入指导目录", "重点农产品出口目录"}


def test_the_edition_word_is_no_part_of_the_title(make_report) -> None:
    found = _policies(make_report("落实新版鼓励外商投资产业目录，实施新修订的绿色产业指导目录。"))
    assert set(found) == {"鼓励外商投资产业目录", "绿色产业指导目录"}


def test_a_catalogue_without_a_lead_verb_or_a_subject_is_no_title(make_report) -> None:
    assert _policies(make_report("将更多药品纳入医保目录，完善产品目录。")) == {}

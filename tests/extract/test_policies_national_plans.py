"""Tests of the State Council's nationwide plans cited without 《》: the title opens at 全国 (全国…规划, 全国…纲要)."""

from kg.extract.context import doc_context
from kg.extract.policies import find_policies


def _titles(report) -> set[str]:
    return {p.title for p in find_policies(report, doc_context(report.meta), [])}


def test_a_nationwide_plan_keeps_quanguo_in_its_title(make_report) -> None:
    national = {"jurisdiction": "中华人民共和国", "parents": ()}
    assert _titles(make_report("制定并实施全国湿地保护建设规划。", **national)) == {"全国湿地保护建设规划"}
    assert _titles(make_report("认真贯彻全国牧区发展纲要。", **national)) == {"全国牧区发展纲要"}


def test_quanguo_before_other_documents_is_their_scope(make_report) -> None:
    assert _titles(make_report("出台全国统一市场准入实施办法。")) == {"统一市场准入实施办法"}

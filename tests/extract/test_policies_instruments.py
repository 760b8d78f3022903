"""Tests of laws and international instruments cited by title without 《》 (种子法, 某某伙伴关系协定)."""

from kg.extract.context import doc_context
from kg.extract.policies import find_policies, instrument_titles
from kg.extract.tokens import tokenize


def _policies(report):
    return {p.title: p for p in find_policies(report, doc_context(report.meta), [])}


def _titles(text: str, part: str = "plan") -> dict[str, str]:
    return {title: status for _, title, status in instrument_titles(text, tokenize(text), part)}


def test_laws_named_by_their_subject_whatever_the_verb() -> None:
    assert _titles("认真执行种子法和森林法，贯彻新修订的畜牧法。") == {
        "种子法": "cited",
        "森林法": "cited",
        "畜牧法": "cited",
    }


def test_drafting_plans_a_law_and_the_review_part_makes_it_issued() -> None:
    assert _titles("加快起草能源法。") == {"能源法": "planned"}
    assert _titles("加快起草能源法。", part="review") == {"能源法": "issued"}


def test_instruments_signed_joined_and_cited() -> None:
    text = "发表了中泰联合声明，推动亚太数字伙伴关系协定生效实施。申请加入东亚全面经济伙伴关系协定。"
    assert _titles(text) == {
        "中泰联合声明": "issued",
        "亚太数字伙伴关系协定": "cited",
        "东亚全面经济伙伴关系协定": "planned",
    }


def test_list_of_instruments_and_the_last_item_after_a_coordinator() -> None:
    found = _titles("在中日联合声明、中日和平友好条约的基础上，坚持一国两制方针和香港特别行政区基本法。")
    assert found == {"中日联合声明": "cited", "中日和平友好条约": "cited", "香港特别行政区基本法": "cited"}


def test_ways_of_doing_kinds_and_back_references_are_no_titles() -> None:
    text = (
        "坚持文明执法，改进工作方法，推广好做法，落实该法，积极推广枫桥工作法。"
        "签订一批合作协议，制定市民公约，缔结国际条约，通过一部法律，我们要想方设法稳就业。"
    )
    assert _titles(text) == {}


def test_titles_in_book_marks_and_policy_suffixes_are_left_to_their_rules(make_report) -> None:
    text = "落实《种子法》，贯彻民营经济促进法，执行森林法。"
    assert _titles(text) == {"森林法": "cited"}
    found = _policies(make_report(text, part="plan"))
    assert set(found) == {"种子法", "民营经济促进法", "森林法"}
    assert {p.status for p in found.values()} == {"cited"}


def test_an_instrument_without_a_party_needs_a_long_subject_phrase() -> None:
    text = "同甲国签订了文化合作协定和陆地边界条约，双方达成协议，商签和升级8个自贸协定。推动亚太数字伙伴关系协定生效。"
    assert _titles(text) == {"亚太数字伙伴关系协定": "cited"}


def test_a_party_names_a_short_instrument() -> None:
    assert _titles("发表中澳联合声明，签署杭州宣言，推动中欧投资协定谈判。") == {
        "中澳联合声明": "issued",
        "杭州宣言": "issued",
        "中欧投资协定": "cited",
    }



def test_china_and_a_one_character_partner_cut_apart_by_the_segmenter_open_the_title() -> None:
    assert _titles("中英联合声明签署以来，两国合作顺利。") == {"中英联合声明": "cited"}
    assert _titles("两国签署中泰合作谅解备忘录。") == {"中泰合作谅解备忘录": "issued"}


def test_an_instrument_titled_by_two_parties_joined_by_a_dash_keeps_both() -> None:
    assert _titles("全面落实中国—非盟自贸区2.0版升级议定书条款。") == {"中国—非盟自贸区2.0版升级议定书": "cited"}
    assert _titles("推动签署中国－海合会自由贸易协定。") == {"中国－海合会自由贸易协定": "issued"}


def test_a_dash_after_a_word_that_is_no_party_opens_nothing() -> None:
    assert all(not t.startswith("改革") for t in _titles("深化改革—推动中欧投资协定落地。"))

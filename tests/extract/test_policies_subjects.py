"""Tests of titles written without 《》 that open with their subject phrase after a lead verb."""

from kg.extract.context import doc_context
from kg.extract.policies import find_policies


def _policies(report):
    return {p.title: p for p in find_policies(report, doc_context(report.meta), [])}


def test_verb_phrase_title_after_issuing_verb(make_report) -> None:
    found = _policies(make_report("出台促进甲乙公平竞争条例，开展检查。", part="plan"))
    assert set(found) == {"促进甲乙公平竞争条例"}
    assert found["促进甲乙公平竞争条例"].status == "planned"


def test_verb_chain_and_distinguishing_word_open_the_subject(make_report) -> None:
    text = "去年出台加快发展丙类材料产业实施方案，出台构建新型丁能体系实施意见。"
    found = _policies(make_report(text, part="review"))
    assert set(found) == {"加快发展丙类材料产业实施方案", "构建新型丁能体系实施意见"}
    assert {p.status for p in found.values()} == {"issued"}


def test_adverb_and_jurisdiction_before_the_subject(make_report) -> None:
    found = _policies(make_report("制定实施进一步深化戊企改革方案。修订自治区促进己族团结工作条例。", part="plan"))
    assert set(found) == {"进一步深化戊企改革方案", "自治区促进己族团结工作条例"}


def test_verb_tagged_a_verbal_noun_and_an_edition_after_the_title(make_report) -> None:
    found = _policies(make_report("实施优化庚城营商环境行动方案（2026版），建立台账。推动修订优化辛城营商环境条例。"))
    assert set(found) == {"优化庚城营商环境行动方案（2026版）", "优化辛城营商环境条例"}
    assert found["优化庚城营商环境行动方案（2026版）"].status == "cited"


def test_year_opens_a_title_and_a_trial_mark_ends_it(make_report) -> None:
    found = _policies(make_report("印发2026年甲市优化营商环境工作方案，出台甲市物业管理办法（试行）。"))
    assert set(found) == {"2026年甲市优化营商环境工作方案", "甲市物业管理办法（试行）"}
    assert _policies(make_report("制定2026年工作方案，印发2026年度实施方案。")) == {}


def test_de_kept_only_before_opinions_and_numbered_measures(make_report) -> None:
    found = _policies(make_report("出台推动庚城高质量发展的实施意见，出台促进辛业投资发展的若干措施。"))
    assert set(found) == {"推动庚城高质量发展的实施意见", "促进辛业投资发展的若干措施"}
    assert _policies(make_report("研究制定推动壬业发展的政策举措，出台促进癸业的办法。")) == {}


def test_measures_need_a_count_or_若干(make_report) -> None:
    found = _policies(make_report("出台支持甲类住房建设若干措施，出台推动乙产业发展12条措施。"))
    assert set(found) == {"支持甲类住房建设若干措施", "推动乙产业发展12条措施"}
    assert _policies(make_report("出台支持甲类住房建设的措施，出台促进就业举措。")) == {}


def test_generic_kinds_and_opinions_are_not_titles(make_report) -> None:
    text = "出台一批支持政策，制定实施方案。制定涉企政策要多听经营主体意见，征求各方意见。"
    assert _policies(make_report(text)) == {}


def test_about_titles_in_running_text(make_report) -> None:
    text = "全面落实国务院关于支持甲省在新时代闯新路的意见。会议作出了关于乙体制改革的决定。"
    found = _policies(make_report(text, part="plan"))
    assert set(found) == {"关于支持甲省在新时代闯新路的意见", "关于乙体制改革的决定"}
    assert found["关于支持甲省在新时代闯新路的意见"].agency == "国务院"
    assert found["关于支持甲省在新时代闯新路的意见"].status == "cited"


def test_opinions_heard_about_a_matter_are_no_title(make_report) -> None:
    assert _policies(make_report("广泛听取关于丙项目选址的意见，征求关于这个问题的意见。")) == {}


def test_items_of_a_title_list_share_its_verb(make_report) -> None:
    text = "推动修订甲市停车管理条例、乙市物业管理办法，落实丙城供水条例、各项规定。"
    found = _policies(make_report(text, part="plan"))
    assert set(found) == {"甲市停车管理条例", "乙市物业管理办法", "丙城供水条例"}
    assert found["乙市物业管理办法"].status == "planned"


def test_a_document_word_as_the_object_is_a_back_reference(make_report) -> None:
    assert _policies(make_report("将甲区域一体化发展上升为国家战略，编制实施发展规划纲要。")) == {}

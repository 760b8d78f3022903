"""Tests of the policy finder."""

import pytest

from kg.extract.context import doc_context
from kg.extract.policies import find_policies, near_duplicates


def _policies(report):
    return {p.title: p for p in find_policies(report, doc_context(report.meta), [])}


def test_title_in_guillemets_with_status(make_report) -> None:
    report = make_report("研究制定《关于促进甲产业发展的实施意见》。印发《乙条例》。", part="plan")
    found = _policies(report)
    assert found["关于促进甲产业发展的实施意见"].status == "planned"
    assert found["乙条例"].status == "issued"


def test_running_text_title_and_responsible_agency(make_report) -> None:
    found = _policies(make_report("由市体育局牵头，制定实施三大球发展规划。严格落实中央八项规定及其实施细则精神。"))
    assert found["三大球发展规划"].agency == "市体育局"
    assert found["三大球发展规划"].status == "planned"
    assert found["中央八项规定"].status == "cited"
    assert "中央八项规定及其实施细则" not in found


def test_generic_documents_are_not_titles(make_report) -> None:
    assert _policies(make_report("精准落实各项优化措施，落实长效管控方案。")) == {}


def test_policy_list_items_with_owner_and_near_duplicates(make_report) -> None:
    items = [
        ("2023年拟制发主要政策清单", "关于甲产业高质量发展的意见", "市发展改革委"),
        ("2023年拟制发主要政策清单", "某城城市科学绿化实施方案", "市自然资源和规划局"),
        ("2023年拟制发主要政策清单", "某城市科学绿化实施方案", "市自然资源和规划局"),
    ]
    found = _policies(make_report("各项工作。", items=items))
    assert found["关于甲产业高质量发展的意见"].agency == "市发展改革委"
    assert found["关于甲产业高质量发展的意见"].status == "planned"
    assert found["某城城市科学绿化实施方案"].may_be_same_as == ["某城市科学绿化实施方案"]
    assert found["某城市科学绿化实施方案"].may_be_same_as == ["某城城市科学绿化实施方案"]


def test_near_duplicates_rule() -> None:
    assert near_duplicates("甲市河道管理办法", "甲城河道管理办法")
    assert not near_duplicates("关于钢管产业高质量发展的意见", "关于轴承产业高质量发展的意见")


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def test_one_edit_check_agrees_with_edit_distance() -> None:
    import random

    from kg.extract.policies import _one_edit_apart

    rng = random.Random(7)
    for _ in range(20000):
        a = "".join(rng.choice("甲乙") for _ in range(rng.randint(0, 6)))
        b = "".join(rng.choice("甲乙") for _ in range(rng.randint(0, 6)))
        assert _one_edit_apart(a, b) == (_edit_distance(a, b) <= 1), (a, b)
    assert near_duplicates("关于促进甲产业高质量发展的实施意见", "关于促进甲产业高质量发展实施意见")


def test_running_title_starts_after_verb_complement_and_scope(make_report) -> None:
    found = _policies(make_report("负责编制全市冬季供暖发展规划。编制好新一轮临港片区高质量发展规划。", part="plan"))
    assert set(found) == {"冬季供暖发展规划", "新一轮临港片区高质量发展规划"}
    assert found["冬季供暖发展规划"].status == "planned"


def test_running_title_keeps_a_verb_jieba_puts_first(make_report) -> None:
    found = _policies(make_report("出台郑开同城化发展规划。", part="plan"))
    assert set(found) == {"郑开同城化发展规划"}


def test_descriptions_with_de_and_bare_back_references_are_not_titles(make_report) -> None:
    found = _policies(make_report("研究制定推动文化传承发展的政策举措。《方案》指出要试行分时电价。"))
    assert found == {}


def test_document_itself_and_the_plan_its_notice_prints(make_report) -> None:
    from dataclasses import replace

    report = make_report("各县要抓好落实。")
    report.meta = replace(report.meta, title="甲市人民政府办公室关于印发《甲市冬季供暖工作实施方案》的通知")
    found = _policies(report)
    assert found["甲市冬季供暖工作实施方案"].status == "issued"
    assert found["甲市人民政府办公室关于印发《甲市冬季供暖工作实施方案》的通知"].status == "issued"


def test_work_report_is_not_a_policy(make_report) -> None:
    from dataclasses import replace

    report = make_report("各县要抓好落实。")
    report.meta = replace(report.meta, title="2026年甲市人民政府工作报告")
    assert _policies(report) == {}


def test_covering_notice_named_in_running_text(make_report) -> None:
    text = "聊城市供暖工作领导小组办公室关于印发聊城市2023年供暖工作实施方案的通知指出，要保障供暖。"
    found = _policies(make_report(text))
    notice = found["关于印发聊城市2023年供暖工作实施方案的通知"]
    assert notice.status == "issued"
    assert found["聊城市2023年供暖工作实施方案"].status == "issued"
    assert notice.agency == found["聊城市2023年供暖工作实施方案"].agency == "聊城市供暖工作领导小组办公室"


def test_quality_word_and_a_head_describe_measures(make_report) -> None:
    assert _policies(make_report("面对冲击，及时出台针对性措施，制定系统性方案。")) == {}
    assert "甲产业发展规划" in _policies(make_report("编制甲产业发展规划。"))


def test_five_year_plans_are_cited_whatever_the_verb(make_report) -> None:
    report = make_report("这一目标与“十四五”规划相衔接。开始执行第一个五年计划。", part="review")
    found = _policies(report)
    assert {t: p.status for t, p in found.items()} == {"“十四五”规划": "cited", "第一个五年计划": "cited"}


def test_a_five_year_plan_written_short_without_quotes_is_cited(make_report) -> None:
    text = "这是实现六五计划的关键一年，也为七五计划打好基础。二十五计划不是规划。"
    found = _policies(make_report(text, part="plan"))
    assert set(found) == {"六五计划", "七五计划"}


def test_a_five_year_plan_being_drafted_is_planned(make_report) -> None:
    found = _policies(make_report("科学编制“十六五”规划纲要。", part="plan"))
    assert found["“十六五”规划纲要"].status == "planned"


def test_a_five_year_plan_named_in_full_is_one_title(make_report) -> None:
    found = _policies(make_report("审议《某省国民经济和社会发展第十五个五年规划纲要》。"))
    assert list(found) == ["某省国民经济和社会发展第十五个五年规划纲要"]


def test_a_five_year_period_or_another_plan_is_no_five_year_plan(make_report) -> None:
    found = _policies(make_report("“十四五”时期发展成就显著。落实“八五”普法规划。五年计划完成良好。"))
    assert "“十四五”时期" not in found and "五年计划" not in found
    assert "“八五”普法规划" in found


@pytest.mark.parametrize(
    "text",
    ["落实稳投资举措。", "出台金融支持措施。", "落实安全防范措施。", "推出一批标志性、支柱性改革举措。"],
)
def test_unmarked_measures_describe_what_is_done(make_report, text: str) -> None:
    """Like a generic X政策 (GUIDELINES), measures with no title mark are no policy document."""
    assert _policies(make_report(text)) == {}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("深入实施促进民间投资发展若干措施。", "促进民间投资发展若干措施"),
        ("出台支持乡村产业发展20条措施。", "支持乡村产业发展20条措施"),
        ("落实“压非保民”措施。", "“压非保民”措施"),
        ("出台纺织服装“新九条”政策措施。", "纺织服装“新九条”政策措施"),
    ],
)
def test_titled_measures_are_policies(make_report, text: str, title: str) -> None:
    assert title in _policies(make_report(text))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("落实“三下乡”制度。", "“三下乡”制度"),
        ("完善“钱随人走”挂钩政策。", "“钱随人走”挂钩政策"),
        ("用好“两新”政策扩围提质。", "“两新”政策"),
    ],
)
def test_a_quoted_system_or_policy_is_a_policy(make_report, text: str, title: str) -> None:
    """GUIDELINES: a 制度 or X政策 is a policy when quoted; the words it governs may stand between."""
    assert _policies(make_report(text))[title].status == "cited"


@pytest.mark.parametrize(
    "text",
    [
        "落实“以旧换新”等政策。",
        "坚持“走出去”的政策。",
        "推动“两项补贴”制度化。",
        "完善养老保险制度。",
        "落实惠企政策。",
    ],
)
def test_a_kind_of_policy_or_an_unquoted_system_is_none(make_report, text: str) -> None:
    assert _policies(make_report(text)) == {}


@pytest.mark.parametrize(
    ("text", "title"),
    [("全面落实民营经济促进法，加强企业服务。", "民营经济促进法"), ("认真贯彻黄河保护法。", "黄河保护法")],
)
def test_a_law_after_an_adverb_joined_to_its_verb(make_report, text: str, title: str) -> None:
    """全面落实/i is an adverb and the lead verb 落实 in one token; 促进法/v is a law jieba tags a verb."""
    assert _policies(make_report(text))[title].status == "cited"


@pytest.mark.parametrize("text", ["严格执行中央有关规定。", "落实廉洁从政各项规定。", "按照国家计划规定执行。"])
def test_rules_in_general_and_a_plan_that_stipulates_are_no_titles(make_report, text: str) -> None:
    assert _policies(make_report(text)) == {}


def test_the_constitution_and_the_civil_code_are_cited_by_their_bare_name(make_report) -> None:
    found = _policies(make_report("严格遵守宪法法律，认真实施民法典。审议宪法修正案草案。"))
    assert {t: p.status for t, p in found.items()} == {"宪法": "cited", "民法典": "cited"}


@pytest.mark.parametrize("text", ["宪法规定公民享有权利。", "按照暂行条例执行。", "编制规划纲要。"])
def test_a_law_that_stipulates_and_bare_document_words_are_no_titles(make_report, text: str) -> None:
    assert set(_policies(make_report(text))) <= {"宪法"}


@pytest.mark.parametrize(
    ("text", "title", "status"),
    [
        ("做好国土空间规划编制工作。", "国土空间规划", "planned"),
        ("加快城市更新专项规划的修编。", "城市更新专项规划", "planned"),
    ],
)
def test_a_title_before_its_drafting_verb(make_report, text: str, title: str, status: str) -> None:
    """某某规划编制工作: the drafting verb follows the title as a noun and still gives its status."""
    assert _policies(make_report(text))[title].status == status


def test_no_title_before_a_drafting_verb_without_a_stem(make_report) -> None:
    assert _policies(make_report("规划编制工作有序推进，每项重要改革方案都要论证。")) == {}


def _notice(make_report, text: str, title: str, issuer: str = "甲省物价局"):
    from dataclasses import replace

    report = make_report(text)
    report.meta = replace(report.meta, title=title, issuer=issuer, kind="通知")
    return _policies(report)


def test_a_price_mechanism_policy_the_notice_puts_into_effect_is_issued_and_named_once(make_report) -> None:
    text = "自2030年1月1日起，本省试行非居民阶梯水价政策。本次阶梯水价政策分为三级。"
    found = _notice(make_report, text, "甲省物价局关于实施非居民阶梯水价试行方案的通知")
    policy = found["非居民阶梯水价政策"]
    assert (policy.status, policy.agency) == ("issued", "甲省物价局")
    assert policy.sentences == [0, 1]  # 本次阶梯水价政策 refers back to it
    assert "阶梯水价政策" not in found


def test_a_price_mechanism_policy_cited_in_a_work_report(make_report) -> None:
    found = _policies(make_report("继续执行小麦最低收购价政策，研究制定差别电价政策。"))
    assert found["小麦最低收购价政策"].status == "cited"
    assert found["差别电价政策"].status == "planned"


@pytest.mark.parametrize("text", ["落实好价格政策。", "完善电价政策，用好阶梯电价政策性补贴。", "执行阶梯电价。"])
def test_a_generic_price_policy_or_the_bare_mechanism_is_no_policy(make_report, text: str) -> None:
    assert _policies(make_report(text)) == {}


def test_the_policy_a_notice_is_titled_after(make_report) -> None:
    found = _notice(make_report, "各区要抓好落实。", "乙市发展改革委关于两部制电价政策有关事项的通知", "乙市发展改革委")
    assert (found["两部制电价政策"].status, found["两部制电价政策"].agency) == ("issued", "乙市发展改革委")
    assert "乙市发展改革委关于两部制电价政策有关事项的通知" in found


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("关于调整丙类用户供暖价格政策的通知", ["丙类用户供暖价格政策"]),
        ("关于进一步完善某某政策有关问题的通知", ["某某政策"]),
        ("关于实施居民阶梯电价试行方案的通知", []),
        ("关于落实相关的政策的通知", []),
    ],
)
def test_titled_policies(title: str, expected: list[str]) -> None:
    from kg.extract.policies import titled_policies

    assert titled_policies(title) == expected


def test_a_support_price_naming_no_good_is_a_kind_of_policy(make_report) -> None:
    assert _policies(make_report("坚持和完善重点农产品最低收购价政策。")) == {}
    assert set(_policies(make_report("继续执行稻谷最低收购价政策。"))) == {"稻谷最低收购价政策"}


def test_head_spans_read_the_word_ends_of_the_word_list_given() -> None:
    """The word ends are kept for the last word list: another list of the same text must get its own."""
    from kg.extract.policies import head_spans
    from kg.extract.tokens import tokenize

    text = "制定甲乙实施方案和丙丁管理办法"
    words = tokenize(text)
    assert [text[hs:he] for _, hs, he in head_spans(text, words, "policy_suffixes.txt")] == ["实施方案", "管理办法"]
    cut = list(words[:-1])  # other words of the text: the last head no longer ends on a word
    assert [text[hs:he] for _, hs, he in head_spans(text, cut, "policy_suffixes.txt")] == ["实施方案"]
    assert [text[hs:he] for _, hs, he in head_spans(text, words, "policy_suffixes.txt")] == ["实施方案", "管理办法"]

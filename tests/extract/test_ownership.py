"""Tests of ownership from syntax: who a target, task or policy belongs to."""

from kg.extract.agencies import agency_mentions
from kg.extract.context import doc_context
from kg.extract.ownership import (
    Owner,
    carried_owner,
    is_leading_body,
    item_owner,
    note_owner,
    noted_owner,
    owner_in,
    trailing_owner,
)
from kg.extract.policies import responsible_agency, strip_owner
from kg.extract.targets import find_targets


def _owner(text: str, at: str) -> Owner:
    return owner_in(text, text.index(at), agency_mentions(text))


def test_you_x_fuze_gives_the_lead() -> None:
    text = "由市环保局负责，10月底前拆除燃煤锅炉365台"
    assert _owner(text, "365") == Owner("市环保局")


def test_lead_then_support() -> None:
    text = "市水利局牵头，市财政局、市农业农村局配合，新建堤防12公里"
    assert _owner(text, "12公里") == Owner("市水利局", ("市财政局", "市农业农村局"))


def test_subject_with_yao_owns_what_follows() -> None:
    assert _owner("市教育局要新建学校5所", "5所") == Owner("市教育局")
    assert _owner("市教育局要求新建学校5所", "5所") == Owner()  # 要求 is no modal


def test_nothing_before_the_quantity_gives_no_owner() -> None:
    text = "新建学校5所，由市教育局负责"
    assert _owner(text, "5所") == Owner()


def test_under_leadership_owns_nothing() -> None:
    text = "在省委坚强领导下，全省地区生产总值增长5%"
    assert _owner(text, "5%") == Owner()
    text = "在市委、市政府的正确领导下，由市住建局牵头，改造小区30个"
    assert _owner(text, "30个") == Owner("市住建局")


def test_whose_decisions_are_followed_owns_nothing() -> None:
    text = "按照省委、省政府决策部署，市发展改革委负责，新增供暖面积100万平方米"
    assert _owner(text, "100万") == Owner("市发展改革委")
    assert _owner("落实好省委部署，全年新增就业5万人", "5万") == Owner()


def test_leading_bodies_own_a_number_only_through_an_explicit_lead() -> None:
    assert _owner("省委要带领全省实现增长5%", "5%") == Owner()
    assert _owner("由市政府牵头，新建道路10条", "10条") == Owner("市政府")
    assert is_leading_body("省委")
    assert is_leading_body("中共上海市委")
    assert is_leading_body("中共聊城市委员会")
    assert not is_leading_body("市卫生健康委员会")
    assert is_leading_body("党中央")
    assert not is_leading_body("市委宣传部")
    assert not is_leading_body("市发展改革委")


def test_generic_subject_clears_the_owner() -> None:
    text = "由市城管局负责，新建公厕20座，各地区要做到保洁24小时"
    assert _owner(text, "20座") == Owner("市城管局")
    assert _owner(text, "24小时") == Owner()


def test_semicolon_carries_the_owner_a_full_stop_does_not() -> None:
    first = "由市建委牵头，推进管网改造；"
    carried = carried_owner(first, agency_mentions(first))
    assert carried == Owner("市建委")
    second = "年底前完成1300公里供水管网改造；"
    assert owner_in(second, second.index("1300"), agency_mentions(second), carried) == Owner("市建委")
    ended = "由市建委牵头，推进管网改造。"
    assert carried_owner(ended, agency_mentions(ended)) == Owner()


def test_owner_is_never_taken_from_the_section(make_report) -> None:
    report = make_report("由市卫健委牵头，推进医院建设。年内新增床位800张。在省委坚强领导下，全省增长5%。")
    found = find_targets(report, doc_context(report.meta), [], [])
    assert [(t.value, t.agency) for t in found] == [(800, None), (5, None)]


def test_trailing_owner_only_when_the_brackets_name_a_body() -> None:
    text = "编制冬季清洁取暖规划（市发展改革委）"
    assert trailing_owner(text, agency_mentions(text)) == ("编制冬季清洁取暖规划", "市发展改革委")
    text = "补贴设备购置及安装（含表后线路改造）"
    assert trailing_owner(text, agency_mentions(text)) == (text, None)
    assert strip_owner("制定实施细则（市财政局）；") == ("制定实施细则", "市财政局")


def test_policy_responsible_agency_from_syntax() -> None:
    assert responsible_agency("由市体育局牵头，制定全民健身实施方案") == "市体育局"
    assert responsible_agency("在市委领导下，制定全民健身实施方案") is None


def test_owner_text_of_a_list_item_names_its_first_body() -> None:
    assert item_owner("责任单位：市住建局、市财政局") == "市住建局"
    assert item_owner("市发展改革委") == "市发展改革委"
    assert item_owner("含表后线路改造") is None
    text = "新建充电桩500个（责任单位：市发展改革委、市财政局）"
    assert trailing_owner(text, agency_mentions(text)) == ("新建充电桩500个", "市发展改革委")


def test_item_owner_is_the_first_listed_body_or_none() -> None:
    assert item_owner("牵头单位：农牧厅、林草局") == "农牧厅"
    assert item_owner("牵头单位：红十字会、残联、卫健委") is None  # the lead is not a body the table knows


def test_note_with_labels_names_the_lead_and_the_supporting_bodies() -> None:
    text = "年底前改造老旧小区15个（牵头单位：县住建局；配合单位：县财政局、县自然资源局）。"
    assert noted_owner(text, text.index("个"), agency_mentions(text)) == Owner("县住建局", ("县财政局", "县自然资源局"))


def test_note_ending_in_a_duty_names_the_owner() -> None:
    text = "新建幼儿园3所（县教育局负责）。"
    assert noted_owner(text, text.index("所"), agency_mentions(text)).agency == "县教育局"


def test_note_without_a_duty_or_after_the_next_quantity_gives_nothing() -> None:
    text = "改造老旧小区15个（县住建局、县财政局），新建幼儿园3所（县教育局负责）。"
    assert noted_owner(text, text.index("个"), agency_mentions(text), text.index("3所")) == Owner()


def test_targets_take_the_owner_of_their_note() -> None:
    from kg.extract.model import DocContext
    from kg.extract.targets import targets_in_sentence
    from kg.loaders.model import Sentence

    text = "改造老旧小区15个（含加装电梯100部），新建幼儿园3所（县教育局负责）。"
    ctx = DocContext(jurisdiction="沂水县", level="county", parents=("临沂市", "山东省"), plan_year=2024)
    found = targets_in_sentence(Sentence(0, text, 0, len(text), "1", "plan"), ctx)
    assert [(t.value, t.agency) for t in found] == [(15, None), (100, None), (3, "县教育局")]


def _note(text: str) -> Owner:
    return note_owner(text, agency_mentions(text))


def test_a_responsibility_note_standing_as_a_sentence_names_lead_and_support() -> None:
    assert _note("（责任单位：区住建局、区财政局）") == Owner("区住建局")  # co-listed bodies share, none supports
    assert _note("牵头单位：区教育局；配合单位：区人社局、区民政局。") == Owner("区教育局", ("区人社局", "区民政局"))
    assert _note("（区交通局牵头，区卫健委配合）") == Owner("区交通局", ("区卫健委",))


def test_a_sentence_that_is_no_note_names_no_owner() -> None:
    assert _note("区住建局要新建公园5个。") == Owner()  # a duty in running text, no note
    assert _note("（区住建局、区财政局）") == Owner()  # a bracket that names no duty
    assert _note("（含加装电梯120部）") == Owner()


def test_a_note_sentence_owns_the_tasks_it_closes(make_report) -> None:
    text = "改造老旧小区40个。新建停车位800个。\n（市住建局牵头，市城管局配合）\n新建公园6个。"
    found = find_targets(make_report(text), doc_context(make_report(text).meta), [], [])
    assert [(t.value, t.agency, t.supporting) for t in found] == [
        (40, "市住建局", ["市城管局"]),
        (800, "市住建局", ["市城管局"]),
        (6, None, []),  # after the note: the next task is no longer its
    ]


def test_the_body_that_orders_a_remedy_owns_the_penalty() -> None:
    text = "违反本办法规定的，由区市场监管局责令改正，处2000元以上1万元以下罚款"
    assert _owner(text, "2000元") == Owner("区市场监管局")
    text = "企业被责令整改的，扣减补贴3000元"  # no body orders it
    assert _owner(text, "3000元") == Owner()

"""Targets: which numbers count, their span, role, deadline, agency, places and indicator."""

from __future__ import annotations

import pytest

from kg.extract.model import DocContext, Place, Target
from kg.extract.targets import find_targets, targets_in_sentence
from kg.loaders.model import Sentence
from tests.conftest import SHARED

CTX = DocContext(jurisdiction="东昌府区", level="district", parents=("聊城市",), plan_year=2024)


def _targets(text: str, part: str | None = "plan", **kw) -> list[Target]:
    return targets_in_sentence(Sentence(0, text, 0, len(text), "1", part), CTX, **kw)


def _one(text: str, part: str | None = "plan", **kw) -> Target:
    found = _targets(text, part, **kw)
    assert len(found) == 1, found
    return found[0]


def test_value_unit_text_and_offsets() -> None:
    text = "持续扩大就业，新增城镇就业3.2万人。"
    t = _one(text)
    assert (t.value, t.unit, t.comparator) == (32_000, "人", "=")
    assert t.text == "新增城镇就业3.2万人"
    assert text[t.start : t.end] == t.text
    assert t.indicator == "城镇新增就业"


def test_shared_verb_distributed_over_list() -> None:
    found = _targets("新建街心花园6处、社区书屋12处、充电桩300个，方便群众生活。")
    assert [(t.value, t.unit) for t in found] == [(6, "处"), (12, "处"), (300, "个")]
    assert [t.text for t in found] == ["新建街心花园6处", "社区书屋12处", "充电桩300个"]
    assert [t.indicator for t in found] == ["街心花园", "社区书屋", "充电桩"]


def test_noun_after_the_number_is_the_indicator() -> None:
    assert _one("启动25条乡村道路建设。").indicator == "乡村道路建设"


@pytest.mark.parametrize(
    "text",
    [
        "认真做好第三届运动会筹备工作。",
        "落实市委十二届五次全会精神。",
        "深化“三个一”工程建设。",
        "打造“六横四纵”路网格局。",
        "推动PM2.5浓度持续下降。",
        "创建5A级景区。",
        "2024年6月1日起施行。",
        "力争3年内见到成效。",
        "形成一张蓝图、一个平台。",
        "严格落实中央八项规定精神。",
        "见附件2[12]。",
        "统筹国内国际两个大局，用好两个市场两种资源。",
        "坚持四项基本原则，在和平共处五项原则基础上发展关系。",
        "坚持两个毫不动摇，落实三个区分开来，实现四个现代化。",
    ],
)
def test_not_targets(text: str) -> None:
    assert _targets(text) == []


def test_number_outside_quotes_counts() -> None:
    t = _one("举办“一县一品”展销会40场。")
    assert (t.value, t.unit) == (40, "场")


def test_bare_hundred_million_is_a_floor() -> None:
    found = _targets("引进过亿元项目50个。")
    assert [(t.value, t.unit, t.comparator) for t in found] == [(1e8, "元", ">="), (50, "个", "=")]


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("全市外贸进出口总额突破万亿元。", 1e12, ">="),
        ("电子信息产业营收超千亿元。", 1e11, ">="),
        ("培育营收过百亿元的龙头企业。", 1e10, ">="),
        ("带动社会投资近千亿元。", 1e11, "~"),
    ],
)
def test_bare_magnitudes(text: str, value: float, comparator: str) -> None:
    """A magnitude written without a digit (突破万亿元) is one of it, as 过亿元 is."""
    t = _one(text)
    assert (t.value, t.unit, t.comparator) == (value, "元", comparator)


def test_bare_magnitude_needs_yuan() -> None:
    assert [(t.value, t.unit) for t in _targets("打造三个千亿级产业集群。")] == [(3, "个")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("每10万人口拥有执业医师达到32人。", [(32, "人")]),
        ("小麦最低收购价每50公斤提高3元。", [(3, "元")]),
        ("每1000名学生配备专职教师8名。", [(8, "名")]),
    ],
)
def test_per_base_is_no_target(text: str, kept: list[tuple[float, str]]) -> None:
    """每N is the base a rate is counted per: only the figure after it is a quantity."""
    assert [(t.value, t.unit) for t in _targets(text)] == kept


@pytest.mark.parametrize(
    ("text", "part", "role"),
    [
        ("力争森林覆盖率达到40%以上。", "plan", "target"),
        ("新建农贸市场3个。", "plan", "target"),
        ("新建农贸市场3个。", "review", "achievement"),
        ("去年已建成农贸市场3个。", None, "achievement"),
        ("全区现有农贸市场12个。", None, "statistic"),
        ("全区现有农贸市场12个。", "plan", "statistic"),
        ("地区生产总值增长6.5%。", "plan", "change"),
        ("能耗强度下降3%。", "review", "change"),
        ("城镇化率提高2个百分点。", "plan", "change"),
        ("补助标准提高到85%。", "plan", "target"),
        ("我们将新增学位800个。", None, "target"),
    ],
)
def test_roles(text: str, part: str | None, role: str) -> None:
    assert _one(text, part).role == role


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("年底前完成改造80户。", "2024-12-31"),
        ("年内新增床位300张。", "2024-12-31"),
        ("全年接待游客500万人次。", "2024"),
        ("6月底前完成清理30处。", "2024-06-30"),
        ("9月底前建成驿站20个。", "2024-09-30"),
        ("4月30日前完成整改12家。", "2024-04-30"),
        ("到2026年，绿化覆盖率达到45%。", "2026"),
        ("3年内引进企业90家。", "2026"),
        ("新建公园3个。", None),
    ],
)
def test_deadlines(text: str, deadline: str | None) -> None:
    assert _one(text).deadline == deadline


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("2025年6月底前完成清理30处。", "2025-06-30"),
        ("2023年6月底前完成清理30处。", None),
        ("上半年完成改造80户。", "2024-06-30"),
        ("2025年下半年建成驿站20个。", "2025-12-31"),
        ("一季度新增床位300张。", "2024-03-31"),
        ("第三季度末前建成驿站20个。", "2024-09-30"),
        ("十月底前完成整改30处。", "2024-10-31"),
        ("11月中旬前完成清理30处。", "2024-11-20"),
        ("9月上旬前完成清理30处。", "2024-09-10"),
        ("9月下旬前完成清理30处。", "2024-09-30"),
        ("力争用3年时间引进企业90家。", "2026"),
        ("今后五年新建学校12所。", "2028"),
        ("明年新建公园3个。", "2025"),
        ("年度内完成整改30处。", "2024-12-31"),
        ("自2025年3月起每户补贴100元。", None),
    ],
)
def test_deadlines_within_a_year_and_spans(text: str, deadline: str | None) -> None:
    """Regression: 2025年6月底前 took the plan year (2024-06-30); halves, quarters, 旬 and 今后N年 gave none."""
    assert _one(text).deadline == deadline


def test_masked_year_gives_no_deadline() -> None:
    assert _one("201*年底前完成改造80户。").deadline is None


def test_list_title_year_is_the_default_deadline() -> None:
    t = _one("新建养老床位500张", "appendix", default_deadline="2024-12-31")
    assert t.deadline == "2024-12-31"


def test_agency_from_you_fuze() -> None:
    t = _one("由市住建局负责，年底前完成老旧小区改造60个。", None)
    assert t.agency == "市住建局"


def test_lead_and_supporting_agencies() -> None:
    t = _one("由市水利局牵头，市财政局配合，新建堤防12公里。", None)
    assert t.agency == "市水利局"
    assert t.supporting == ["市财政局"]


def test_agency_with_generic_partner() -> None:
    t = _one("由市环保局和相关地区负责，完成治理工程8项。", None)
    assert t.agency == "市环保局"


def test_generic_subject_clears_agency() -> None:
    found = _targets("由市城管局负责，新建公厕20座；各地区要做到垃圾日产日清，保洁24小时。", None)
    assert [t.agency for t in found] == ["市城管局", None]


def test_agency_carried_through_a_semicolon_not_a_full_stop(make_report) -> None:
    # ownership only from the sentence's own syntax (issue 15 item 4): a sentence goes on after ；
    report = make_report("由市卫健委牵头，推进医院建设；年内新增床位800张。年底前新建诊所30个。")
    found = find_targets(report, CTX, [], [])
    assert [(t.value, t.agency) for t in found] == [(800, "市卫健委"), (30, None)]


def test_list_item_owner_and_title_deadline(make_report) -> None:
    report = make_report(
        "坚持民生优先。",
        items=[("2024年重点民生实事清单", "新建社区食堂40处", "市民政局")],
    )
    (t,) = find_targets(report, CTX, [], [])
    assert (t.value, t.agency, t.deadline, t.role) == (40, "市民政局", "2024-12-31", "target")
    assert report.text[t.start : t.end] == t.text


def test_places_in_segment_and_sentence_opening() -> None:
    places = [Place("柳林镇", "Town"), Place("上海", "City", aliases=["上海市"])]
    t = _one("完成柳林镇15公里河道清淤。", places=places)
    assert t.places == ["柳林镇"]
    found = _targets("上海市建成区绿地率为40%，人均公园绿地面积9平方米，我市仅为30%。", None, places=places)
    assert [t.places for t in found] == [["上海"], ["上海"], []]


def test_problem_section_is_descriptive(make_report) -> None:
    report = make_report("全市共有危房300户。")
    found = targets_in_sentence(report.sentences[0], CTX, descriptive=True)
    assert found[0].role == "statistic"


SEEDS = SHARED / "corpus" / "seeds"


@pytest.mark.skipif(not SEEDS.exists(), reason="seed corpus not available")
def test_seed_report_smoke() -> None:
    from kg.extract.context import doc_context
    from kg.loaders import load_report

    report = load_report(SEEDS / "liaocheng-dongchangfu-2023-gov-report.txt")
    found = find_targets(report, doc_context(report.meta), [], [])
    pairs = {(t.value, t.unit) for t in found}
    assert {(6000, "套"), (10, "处"), (50_000, "人次")} <= pairs
    assert all(report.text[t.start : t.end] == t.text for t in found)
    assert all(t.role == "target" for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "今年重点做好以下八个方面工作：",
        "归结起来是6个字：稳、进、好。",
        "甲乙丙三项指标分别为40%、52%与18平方米。",
        "在全省十一个设区市中，我市排名第三。",
    ],
)
def test_set_sizes_are_not_targets(text: str) -> None:
    assert [t.unit for t in _targets(text)] == [u for u in ("%", "%", "平方米") if "分别" in text]


def test_deliverables_before_a_colon_stay_targets() -> None:
    t = _one("今年办好12件民生实事：")
    assert (t.value, t.unit) == (12, "件")


def test_parenthetical_quantity_is_its_own_target() -> None:
    found = _targets("每户每年最高补贴用气量800立方米（每户每年最高补贴900元），资金由市县分担。")
    assert [(t.value, t.unit, t.comparator) for t in found] == [(800, "立方米", "<="), (900, "元", "<=")]
    assert [t.text for t in found] == ["每户每年最高补贴用气量800立方米", "每户每年最高补贴900元"]


def test_start_and_beneficiary_trimmed_from_the_span() -> None:
    t = _one("自2025年起对新增改造用户按照采暖期用气1元/立方米的标准补贴。")
    assert (t.value, t.unit) == (1, "元/立方米")
    assert t.text == "采暖期用气1元/立方米的标准补贴"
    assert _one("按照3000元/户的标准补贴。").text == "3000元/户的标准补贴"


def test_a_comparison_base_names_no_indicator() -> None:
    found = _targets("全县地区生产总值达到120亿元，比上年增长6.5%，居民消费价格上涨1.2%。", "review")
    assert [(t.indicator, t.value, t.unit) for t in found] == [
        ("生产总值", 12_000_000_000, "元"), ("生产总值", 6.5, "%"), ("居民消费价格涨幅", 1.2, "%")]
    assert found[2].role == "change"


def test_older_wording_of_consumer_prices_is_the_standard_indicator() -> None:
    assert _one("居民消费价格总水平涨幅控制在4%左右。").indicator == "居民消费价格涨幅"


def test_a_comparison_base_after_the_indicator_is_no_part_of_it() -> None:
    found = _targets("国内生产总值比上年增长9.1%，国民生产总值比上年增长百分之十二点八。", "review")
    assert [(t.indicator, t.value) for t in found] == [("生产总值", 9.1), ("国民生产总值", 12.8)]


@pytest.mark.parametrize(
    ("text", "part", "role"),
    [
        ("2022年粮食产量达到1000亿斤。", "plan", "statistic"),
        ("一九八四年粮食产量达到八千亿斤。", None, "achievement"),
        ("到2026年粮食产量达到1000亿斤。", "plan", "target"),
        ("力争比2020年新增企业120家。", "plan", "target"),
    ],
)
def test_a_year_before_the_plan_year_dates_a_past_fact(text: str, part: str | None, role: str) -> None:
    """Regression: a figure dated to an earlier year (一九五二年的粮食产量达到…) was a target in the plan part."""
    assert _one(text, part).role == role


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("开展职业技能培训40万人次（牵头单位：市人社局）。", "开展职业技能培训40万人次"),
        ("筹集保障性租赁住房2万套（间），完成改造。", "筹集保障性租赁住房2万套"),
    ],
)
def test_text_ends_before_a_bracketed_note(text: str, span: str) -> None:
    """Regression: the text of a target ended in 「（牵头单位」, the opening of the owner's note."""
    assert _one(text).text == span


@pytest.mark.parametrize(
    "text", ["第二档电价每千瓦时加价0.05元。", "居民用水每吨降价0.3元。", "天然气价格每立方米提价0.2元。"]
)
def test_a_price_rise_or_cut_by_an_amount_is_a_change(text: str) -> None:
    """加价/降价/提价 are rate rises and cuts like 上调/下调 (GUIDELINES: a rate rise or cut is change)."""
    assert _one(text).role == "change"


def test_joiner_inside_a_word_cuts_no_list() -> None:
    """Regression: 改造老旧小区15个、涉及居民2100户 cut at the 及 of 涉及 (text 「…15个、涉」)."""
    found = _targets("改造老旧小区15个、涉及居民2100户。")
    assert [t.text for t in found] == ["改造老旧小区15个", "涉及居民2100户"]


def test_the_expected_goals_of_a_work_report_are_the_plan_years() -> None:
    """主要预期目标是：… without 今年 still states the goals of the year the report plans."""
    found = _targets("经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业12万人以上。")
    assert [(t.value, t.role, t.deadline) for t in found] == [(5, "change", "2024"), (120_000, "target", "2024")]


@pytest.mark.parametrize(
    "text",
    [
        "“十五五”期间主要预期目标是：地区生产总值年均增长5%左右。",  # the period's goals
        "今后五年，经济增长预期目标是年均增长6%。",
        "新增就业10万人，完成任务。",  # no goal named
    ],
)
def test_a_period_or_no_goal_word_gives_no_plan_year(text: str) -> None:
    assert all(t.deadline != "2024" for t in _targets(text))


def test_the_goal_lead_dates_the_items_split_from_it(make_report) -> None:
    report = make_report("主要预期目标是：地区生产总值增长6%左右；粮食产量稳定在90万吨以上；城镇新增就业3万人。")
    found = find_targets(report, CTX, [], [])
    assert [(t.value, t.deadline) for t in found] == [(6, "2024"), (900_000, "2024"), (30_000, "2024")]


@pytest.mark.parametrize("text", ["经济增长预期目标为5%左右。", "把增长目标定在6%左右。", "收入增长的预期目标是4%。"])
def test_a_rise_set_as_a_goal_is_a_change(text: str) -> None:
    """经济增长预期目标为5%左右: the goal words between 增长 and the number do not hide the rise."""
    assert _one(text).role == "change"


def test_a_rise_reached_is_no_change_of_the_frame() -> None:
    assert _one("居民收入增长达到5%。").role != "change"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("预计今年高校毕业生超过900万人，要做好就业服务。", "statistic"),
        ("预计全年财政收入达到300亿元。", "statistic"),
        ("预计明年要新建学校12所。", "target"),  # a commitment after 预计 is still an aim
        ("产值比重由今年预计的40%提高到42%。", "target"),  # 预计的 names the base of a planned figure
        ("新建学校12所。", "target"),
    ],
)
def test_a_forecast_is_a_statistic_not_an_aim(text: str, role: str) -> None:
    assert _targets(text)[-1].role == role


def test_a_forecast_keeps_its_year() -> None:
    t = _one("预计今年高校毕业生超过900万人。")
    assert (t.role, t.deadline) == ("statistic", "2024")


@pytest.mark.parametrize(
    "text",
    [
        "落实支持文化旅游发展十二条措施。",
        "出台稳就业20条政策措施。",
        "实施稳经济30项举措。",
        "落实安全生产十五条硬措施。",
    ],
)
def test_a_package_named_by_its_article_count_is_no_target(text: str) -> None:
    """Names that contain digits are no targets (GUIDELINES: “十五条硬措施”), quoted or not."""
    assert _targets(text) == []


@pytest.mark.parametrize(("text", "value"), [("制定措施12条。", 12), ("完成项目20项，提出意见5条。", 20)])
def test_counted_measures_and_items_stay_targets(text: str, value: float) -> None:
    assert _targets(text)[0].value == value


@pytest.mark.parametrize(
    "text",
    [
        "认真处理两个阶级之间的矛盾。",
        "坚持对外援助的八项原则。",
        "必须从以下三个方面解决好这个问题。",
        "为了确保这两项，必须下决心。",
        "这三个项目建成后效益显著。",
        "修建水坝几十座。",
        "取得了一百几十亿元的收入。",
    ],
)
def test_counted_ideas_back_references_and_rough_sizes_are_no_targets(text: str) -> None:
    assert _targets(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("新建两个区域中心城市。", 2),
        ("完成3个方面改造任务。", 3),
        ("这一年新建学校30所。", 30),
        ("培训十几万人次后再建两所学校。", 2),
    ],
)
def test_concrete_counts_stay_targets(text: str, value: float) -> None:
    assert [t.value for t in _targets(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "工业、服务业增加值分别增长6.1%、7.2%和8.3%。",
        "事故起数、死亡人数分别下降12%、9%。",
        "城乡居民收入分别增长5%左右和6%左右。",
    ],
)
def test_every_item_of_a_shared_rise_is_a_change(text: str) -> None:
    """分别增长A、B: one verb governs the list, so each item states a rise or fall."""
    assert {t.role for t in _targets(text, "review")} == {"change"}


def test_a_list_item_after_other_words_keeps_its_own_role() -> None:
    found = _targets("工业增加值增长6%、占比达到30%。", "review")
    assert [t.role for t in found] == ["change", "achievement"]


@pytest.mark.parametrize("text", ["推动30万千瓦级煤电机组改造。", "建成20万吨级泊位。", "建设百万吨级碳捕集项目。"])
def test_a_size_class_is_no_quantity(text: str) -> None:
    """20万吨级泊位 names the kind of berth; the count of berths, when written, is the target."""
    assert _targets(text) == []


def test_the_count_of_a_size_class_stays() -> None:
    assert [(t.value, t.unit) for t in _targets("新增万吨级港口泊位12个。")] == [(12, "个")]


def test_a_size_class_still_ends_the_list_item_before_it() -> None:
    found = _targets("建成甲地300万吨级碳捕集、乙地100吉瓦时储能项目。")
    assert [(t.value, t.text) for t in found] == [(100, "乙地100吉瓦时储能项目")]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("我国是一个共有五十多个民族的国家。", "statistic"),
        ("现有职工一百五十多万人。", "statistic"),
        ("新建学校30余所。", "target"),
    ],
)
def test_a_rounded_figure_sets_no_floor_of_an_aim(text: str, role: str) -> None:
    """多/余 round a figure off (共有五十多个民族): unlike 以上 or 不低于 they make no plan figure an aim."""
    assert _one(text).role == role


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("年应纳税所得额上限由30万元提高到50万元。", ["statistic", "target"]),
        ("补助标准分别从每人每月200元、260元提高到210元、270元。", ["statistic", "statistic", "target", "target"]),
        ("力争森林覆盖率从40%提高至45%。", ["statistic", "target"]),
        ("从今年起新增就业5万人、培训2万人。", ["target", "target"]),  # 从 opens a time, no figure
        ("经营用气价格由每立方米3.10元调整为3.45元。", ["statistic", "target"]),
        ("乡镇卫生院由36家整合为20家。", ["statistic", "target"]),
        ("由2人为3人一组开展巡查。", ["target", "target"]),  # a bare 为 is no change
    ],
)
def test_the_starting_figure_of_a_planned_change_is_todays(text: str, roles: list[str]) -> None:
    """由A提高到B in a plan: B is the aim, A the figure of today (a statistic)."""
    assert [t.role for t in _targets(text)] == roles


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("“九五”期间新增就业4000万人。", "2000"),
        ("“十五”期间年均增长7%左右。", "2005"),
        ("“十一五”时期新建学校300所。", "2010"),
        ("“十五五”时期新建学校300所。", "2030"),
        ("十五年内新建学校30所。", "2024-12-31"),  # 十五年内 is no 五年内
    ],
)
def test_every_five_year_plan_period_dates_its_goals(text: str, deadline: str) -> None:
    """The N-th five-year plan ends in 1955 + 5N (from the third on): “九五” 2000, “十五” 2005."""
    assert _targets(text)[-1].deadline == deadline


def test_a_five_year_period_compared_with_is_no_deadline() -> None:
    assert _one("投资比“六五”期间增加49%。").deadline != "1985"


def test_a_growth_rate_set_as_a_period_goal_is_a_change() -> None:
    assert _one("“十五”期间年均经济增长速度预期目标为7%左右。").role == "change"


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("新建污水管网35公里，2024年底前完成。", "2024"),
        ("改造燃气管道60公里，力争9月底前全部完工。", "2024-09-30"),
        ("新建充电桩500个，于2025年3月31日前建成投用。", "2025-03-31"),
        ("新建污水管网35公里，2025年完成12公里。", None),  # the year of the next figure, no by-date
        ("新建污水管网35公里，9月底前开展验收。", None),  # a later step, not the task's completion
    ],
)
def test_a_completion_date_after_the_task_is_its_deadline(text: str, deadline: str | None) -> None:
    """实施方案 write a task's date after it (…35公里，2024年底前完成): the date the task is done by."""
    assert _targets(text)[0].deadline == deadline


def test_respective_list_items_share_the_last_unit_and_bound() -> None:
    found = _targets("力争甲、乙、丙三类产品产量分别达到120万吨、80万吨、6万吨以上。")
    assert [(t.value, t.unit, t.comparator, t.role) for t in found] == [
        (1_200_000, "吨", ">=", "target"),
        (800_000, "吨", ">=", "target"),
        (60_000, "吨", ">=", "target"),
    ]
    found = _targets("两项覆盖率分别提高8、12.5个百分点。", "review")
    assert [(t.value, t.unit, t.role) for t in found] == [(8, "个百分点", "change"), (12.5, "个百分点", "change")]


def test_a_streak_is_a_target_of_its_own_with_its_span() -> None:
    found = _targets("粮食产量达到800亿斤、连续十二年位居全省首位。", "review")
    assert [(t.value, t.unit, t.role, t.text) for t in found] == [
        (80_000_000_000, "斤", "achievement", "粮食产量达到800亿斤"),
        (12, "年", "statistic", "连续十二年位居全省首位"),
    ]

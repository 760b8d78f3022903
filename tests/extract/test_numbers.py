"""Numbers with units: multipliers, Chinese numerals, ranges and comparators."""

from __future__ import annotations

import pytest

from kg.extract.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.5万", 45_000),
        ("1.2万", 12_000),
        ("460亿", 46_000_000_000),
        ("1,048", 1048),
        ("二十五", 25),
        ("十二", 12),
        ("一百零五", 105),
        ("三千", 3000),
        ("两", 2),
        ("一万二千", 12_000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_parse_number_rejects_non_numbers() -> None:
    assert parse_number("千方") is None
    assert parse_number("") is None


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("新增就业3.6万人", 36_000, "人"),
        ("引进资金25亿元", 2_500_000_000, "元"),
        ("补贴80万元", 800_000, "元"),
        ("改造管网12.5公里", 12.5, "公里"),
        ("建设七个文化站", 7, "个"),
        ("新建两馆", 2, "馆"),
        ("提高3个百分点", 3, "个百分点"),
        ("覆盖率达到95%", 95, "%"),
        ("装机20万千瓦", 200_000, "千瓦"),
        ("产能3万吨/年", 30_000, "吨/年"),
    ],
)
def test_value_and_unit(text: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", ["建设6—8个驿站", "建设6-8个驿站", "建设6至8个驿站", "建设6～8个驿站"])
def test_ranges(text: str) -> None:
    q = _one(text)
    assert (q.value, q.value_max, q.unit) == (6, 8, "个")


def test_range_with_multiplier() -> None:
    q = _one("培训2万-3万人")
    assert (q.value, q.value_max) == (20_000, 30_000)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("绿化率40%左右", "~"),
        ("约300公顷", "~"),
        ("近500户", "~"),
        ("新增企业50家以上", ">="),
        ("比例不低于60%", ">="),
        ("收入超过20万元", ">="),
        ("至少3所", ">="),
        ("改造200余户", ">="),
        ("资金1.5亿多元", ">="),
        ("等待时间10分钟以内", "<="),
        ("误差不超过2%", "<="),
        ("班额45人以下", "<="),
        ("建设12所学校", "="),
        ("卧室温度不得低于16℃", ">="),  # the modal bounds of rules
        ("每户每年不应少于2次", ">="),
        ("单笔补助不得超过3000元", "<="),  # 不得超过 is a ceiling, no 超过 floor
        ("占地不宜大于5公顷", "<="),
    ],
)
def test_comparators(text: str, comparator: str) -> None:
    assert _one(text).comparator == comparator


def test_prefix_comparator_shared_by_list() -> None:
    found = find_quantities("达标比例分别不低于90%、40%、70%")
    assert [q.comparator for q in found] == [">=", ">=", ">="]


def test_span_covers_comparator_and_unit() -> None:
    text = "优良率达到80%以上"
    q = _one(text)
    assert text[q.start : q.end] == "80%以上"


@pytest.mark.parametrize("text", ["千方百计", "百姓满意", "数千处", "每万人口"])
def test_words_that_are_not_numbers(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("电价为0.35元/千瓦时", 0.35, "元/千瓦时"),
        ("按照3000元/户的标准补贴", 3000, "元/户"),
        ("收费80元/吨", 80, "元/吨"),
        ("奖补50元/平方米", 50, "元/平方米"),
        ("补助1.5万元/亩", 15_000, "元/亩"),
        ("养老金提高到200元/月", 200, "元/月"),
        ("浓度降至30微克/立方米", 30, "微克/立方米"),
        ("每度电补贴0.2元", 0.2, "元"),
    ],
)
def test_rate_unit_as_written(text: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)
    assert text[q.num_start : q.unit_end].endswith(unit.rpartition("/")[2])


def test_rate_keeps_its_suffix_comparator() -> None:
    q = _one("人均补助2万元/人以上")
    assert (q.value, q.unit, q.comparator) == (20_000, "元/人", ">=")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("办理时限压缩至8个小时", 8, "个小时"),
        ("试运行六个月", 6, "个月"),
        ("五个工作日内办结", 5, "个工作日"),
        ("水价分为四档", 4, "档"),
    ],
)
def test_units_written_with_a_classifier(text: str, value: float, unit: str) -> None:
    assert (_one(text).value, _one(text).unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("每户最高补贴800元", "<="),
        ("每年最高补贴气量500立方米", "<="),
        ("每户最高500元", "<="),
        ("奖励上限为50万元", "<="),
        ("以3000元为上限", "<="),
        ("补贴2000元封顶", "<="),
        ("最低补助300元", ">="),
        ("库存不得低于下限15天", ">="),
        ("不足3天", "<="),
        ("月最低标准提高20元", "="),
        ("建成全球最高20米的塔架", "="),
    ],
)
def test_ceilings_and_floors(text: str, comparator: str) -> None:
    assert _one(text).comparator == comparator


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("合同期限暂定5年", 5),
        ("使用期再延长三十年", 30),
        ("为期2年的行动", 2),
        ("本办法有效期5年", 5),
        ("有效期为3年", 3),
        ("连续3年增长", 3),  # a streak: how long a state has lasted, a quantity of the report (连续十年 alike)
        ("连续十二年居首位", 12),
    ],
)
def test_years_after_a_verb_of_duration(text: str, value: float) -> None:
    q = _one(text)
    assert (q.value, q.unit) == (value, "年")


@pytest.mark.parametrize("text", ["期限延长至2030年", "建设5年来", "暂定2026年底前完成", "连续2025年"])
def test_years_that_are_no_duration(text: str) -> None:
    assert find_quantities(text) == []


def test_rates_written_in_words() -> None:
    found = find_quantities("比上年增长百分之十一点八，城镇登记失业率控制在百分之四以内，人口自然增长率千分之五")
    assert [(q.value, q.unit, q.comparator) for q in found] == [(11.8, "%", "="), (4.0, "%", "<="), (5.0, "‰", "=")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("预算收入增长到4398.6亿元", 439_860_000_000), ("税收减免0.3万元", 3_000), ("投资1.1万亿元", 1_100_000_000_000)],
)
def test_values_carry_no_binary_noise(text: str, value: int) -> None:
    """Regression: 4398.6亿 was stored as 439860000000.00006, so it equalled no figure typed by hand."""
    assert repr(_one(text).value) == repr(float(value))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("对外贸易总额达到五千二百亿美元", 520_000_000_000, "美元"),
        ("全年发电量四千零七十亿度", 407_000_000_000, "度"),
        ("新增发电装机一千八百万千瓦", 18_000_000, "千瓦"),
        ("开展专项检查二十次", 20, "次"),
        ("新建住房二十六亿平方米", 2_600_000_000, "平方米"),
    ],
)
def test_units_after_a_numeral_written_out(text: str, value: float, unit: str) -> None:
    """Older State Council reports write numbers out: two numeral characters or more take every unit."""
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", ["千方百计扩大就业", "一方面加强监管", "推进二期工程", "召开六次全会"])
def test_single_numerals_keep_their_words(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("城镇就业人员增加一千二百多万人", 12_000_000),
        ("建成投产项目三十多万个", 300_000),
        ("筹集资金六十余亿元", 6_000_000_000),
        ("竣工面积达六亿三千多万平方米", 630_000_000),
    ],
)
def test_numeral_written_out_with_more_and_a_multiplier(text: str, value: float) -> None:
    q = _one(text)
    assert (q.value, q.comparator) == (value, ">=")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("出台地方性法规12部", 12, "部"),
        ("中欧班列全年开行1500列", 1500, "列"),
        ("纳入集采的药品达到460种", 460, "种"),
        ("上市创新产品16款", 16, "款"),
        ("友好城市增至90对", 90, "对"),
        ("查办违法案件230起", 230, "起"),
        ("成功应对15轮强降雨", 15, "轮"),
        ("产量占全国7成以上", 7, "成"),
        ("集装箱吞吐量达到320万标箱", 3_200_000, "标箱"),
        ("新增储能容量8吉瓦时", 8, "吉瓦时"),
    ],
)
def test_measure_words_of_counts(text: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", ["省级12部门联合发文", "开展1对1结对帮扶", "由3部委共同推进", "2025起步区建设"])
def test_measure_words_opening_other_words(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("达标率≥90%", ">="),
        ("浓度≤35微克/立方米", "<="),
        ("面积大于等于80平方米", ">="),
        ("占比小于或等于5%", "<="),
        ("投资100万元（含）以上", ">="),
        ("补助5万元(含)以下", "<="),
    ],
)
def test_bounds_written_as_signs_or_inclusive(text: str, comparator: str) -> None:
    """Standards and subsidy tables write bounds as ≥/≤, 大于等于 or （含）以上: floors and ceilings."""
    assert _one(text).comparator == comparator


def test_a_reference_value_after_gao_yu_is_no_bound() -> None:
    """高于2.5万人/平方公里的合理密度 compares with a reference value: the number is stated as it is."""
    assert _one("人口密度高于2.5万人/平方公里的合理密度").comparator == "="


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("产量增长一点三倍", 1.3, "倍"), ("增长零点八倍", 0.8, "倍"), ("投资二点五亿元", 250_000_000, "元")],
)
def test_decimals_written_out(text: str, value: float, unit: str) -> None:
    """Regression: 增长一点二倍 was read as 2 倍 (the 二 after 点), 零点五倍 as 5."""
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("新建住宅四千万平方公尺", 40_000_000, "平方米"),
        ("土石方八亿立方公尺", 800_000_000, "立方米"),
        ("堤高十二公尺", 12, "米"),
    ],
)
def test_older_official_names_of_metric_units(text: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


def test_dian_between_numerals_of_a_set_phrase_is_no_decimal() -> None:
    assert find_quantities("坚持两点一线，一点一滴抓落实") == []


def test_medical_cases_are_counted_and_words_opening_with_li_are_not() -> None:
    assert (_one("实施免费白内障手术1500例").value, _one("实施免费白内障手术1500例").unit) == (1500, "例")
    assert find_quantities("召开3例会研究") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("开展促消费活动2.9万场次", 29_000, "场次"),
        ("抽检食品9000批次", 9000, "批次"),
        ("智能算力突破1.2万PF", 12_000, "PF"),
        ("算力规模达到120EFlops", 120, "EFlops"),
        ("算力规模突破3000P", 3000, "P"),
    ],
)
def test_counts_of_times_and_computing_power_keep_their_unit_as_written(text: str, value: float, unit: str) -> None:
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


def test_latin_unit_ends_where_the_latin_word_ends() -> None:
    assert find_quantities("气压达到4000Pa") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("棉花产量达到三千二百万担。", 32_000_000, "担"),
        ("货物周转量一百五十亿吨公里。", 15_000_000_000, "吨公里"),
        ("旅客周转量增加到80亿人公里。", 8_000_000_000, "人公里"),
        ("新修公路120公里。", 120, "公里"),
    ],
)
def test_older_reports_units(text: str, value: float, unit: str) -> None:
    """担 and the turnover units of planned-economy reports; the longest unit wins (吨公里 over 吨)."""
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, unit)]


def test_a_word_opening_with_a_unit_is_none() -> None:
    assert [q.unit for q in find_quantities("由3人担任组长，5家担保机构")] == ["人", "家"]


@pytest.mark.parametrize("text", ["修建水坝几十座", "一百几十亿元", "十几个项目"])
def test_a_numeral_joined_to_ji_is_no_number(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(("text", "unit"), [("室温保持在20℃", "℃"), ("水温不超过六十摄氏度", "摄氏度")])
def test_temperatures_are_quantities(text: str, unit: str) -> None:
    assert _one(text).unit == unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("处2000元以上1万元以下罚款", [(2000, 10000, "=")]),
        ("建筑面积300平方米（含）以上800平方米以下", [(300, 800, "=")]),
        ("企业30家以上，200人以下", [(30, None, ">="), (200, None, "<=")]),  # two units, two bounds
        ("用量200吨以上100吨以下", [(200, None, ">="), (100, None, "<=")]),  # no range runs downwards
    ],
)
def test_a_floor_then_a_ceiling_is_one_range(text: str, expected: list[tuple]) -> None:
    assert [(q.value, q.value_max, q.comparator) for q in find_quantities(text)] == expected


def _read(text: str) -> list[tuple[float, str, str]]:
    return [(q.value, q.unit, q.comparator) for q in find_quantities(text)]


def test_items_of_a_respective_list_take_the_unit_written_after_the_last() -> None:
    assert _read("投资、消费增速分别快于全省2.5个、1个百分点") == [(2.5, "个百分点", "="), (1.0, "个百分点", "=")]
    assert _read("甲、乙、丙覆盖率分别提高12、30.5、7个百分点") == [
        (12.0, "个百分点", "="),
        (30.5, "个百分点", "="),
        (7.0, "个百分点", "="),
    ]
    assert _read("东馆、西馆接待量分别达1200万、980万人次") == [(12_000_000, "人次", "="), (9_800_000, "人次", "=")]


def test_bare_numbers_outside_a_respective_list_stay_unread() -> None:
    assert _read("每村增加2、3个公益岗位") == [(3.0, "个", "=")]  # two or three, no list
    assert _read("东西两片分别为3、5万人") == [(50_000, "人", "=")]  # 3 people or 3万: the multiplier is unclear
    assert _read("新建5个、改造10个") == [(5.0, "个", "="), (10.0, "个", "=")]


def test_a_bound_after_the_last_item_of_a_respective_list_bounds_every_item() -> None:
    assert _read("稻谷、小麦、杂粮产量分别达300万吨、120万吨、8万吨以上") == [
        (3_000_000, "吨", ">="),
        (1_200_000, "吨", ">="),
        (80_000, "吨", ">="),
    ]
    assert _read("牛、羊存栏分别稳定在300万头、2.5亿只左右") == [(3_000_000, "头", "~"), (250_000_000, "只", "~")]


def test_a_bound_after_a_list_without_respectively_bounds_only_its_own_item() -> None:
    assert _read("新建学校20所、医院3所以上") == [(20.0, "所", "="), (3.0, "所", ">=")]


def test_find_quantities_gives_a_fresh_list_each_call() -> None:
    """A sentence's quantities are kept for the next caller: changing one answer changes no other."""
    first = find_quantities("新增就业12万人，完成投资30亿元")
    first.clear()
    again = find_quantities("新增就业12万人，完成投资30亿元")
    assert [(q.value, q.unit) for q in again] == [(120000.0, "人"), (3000000000.0, "元")]

from __future__ import annotations

import pytest

from kg.loaders.metadata import extract_metadata, find_title, kind_of

BODY = "坚持稳中求进，推动高质量发展。2023年，我们将全力以赴抓好各项工作。"


def meta(*lines, header=None):
    return extract_metadata(list(lines), header=header)


def test_title_with_province_and_date():
    m = meta("（山东省）聊城市东昌府区人民政府工作报告（2023年1月7日）", BODY)
    assert m.title == "聊城市东昌府区人民政府工作报告"
    assert m.issuer == "聊城市东昌府区人民政府"
    assert m.jurisdiction == "东昌府区"
    assert m.parents == ("聊城市", "山东省")
    assert m.date == "2023-01-07"
    assert m.kind == "政府工作报告"
    assert m.plan_year == 2023


def test_parents_are_completed_from_the_division_table():
    m = meta("抚顺市望花区人民政府工作报告", BODY)
    assert (m.jurisdiction, m.parents) == ("望花区", ("抚顺市", "辽宁省"))
    m = meta("（吉林省）二道区人民政府工作报告（2021年11月24日）", BODY)
    assert (m.jurisdiction, m.parents) == ("二道区", ("长春市", "吉林省"))
    assert m.plan_year == 2022


def test_provincial_report():
    m = meta("浙江省人民政府工作报告", BODY)
    assert (m.issuer, m.jurisdiction, m.parents) == ("浙江省人民政府", "浙江省", ())


def test_speech_with_anonymised_city_and_meta_date():
    header = ["网站：公文素材库|时间：2019-05-18 05:52:03|移动端：讲话稿"]
    text = "要做好辽宁篮球俱乐部主场回归工作。省内大连市已经做到24小时扫保。"
    m = meta("XX市城市品质提升工作部署会议领导讲话稿", text, header=header)
    assert m.kind == "讲话"
    assert (m.issuer, m.jurisdiction, m.parents) == ("XX市人民政府", "XX市", ("辽宁省",))
    assert m.date == "2019-05-18"


def test_speech_without_province_in_text():
    m = meta("XX市城市管理工作会议讲话稿", "要加快建设，确保年内完成。")
    assert m.parents == ()


def test_masked_year_gives_no_date():
    m = meta("XX市关于城市管理的实施方案（201*年3月5日）", "截至201*年底，完成改造。")
    assert m.date is None
    assert m.kind == "实施方案"


def test_bare_title_issuer_from_text():
    text = "聊城发展取得新成绩。全市上下奋力拼搏。聊城是农业大市。贡献聊城力量。在市委的坚强领导下。"
    m = meta("政府工作报告", text)
    assert (m.issuer, m.jurisdiction, m.parents) == ("聊城市人民政府", "聊城市", ("山东省",))
    assert m.date is None


def test_bare_title_without_clear_place():
    m = meta("政府工作报告", BODY)
    assert (m.issuer, m.jurisdiction, m.parents) == (None, None, ())


def test_notice_issuer_before_guanyu():
    m = meta("某市人民政府办公室关于印发城市更新实施方案的通知", BODY)
    assert m.kind == "通知"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("关于印发聊城市城市更新实施方案的通知", "通知"),
        ("在全市经济工作会议上的讲话", "讲话"),
        ("新年致辞", "讲话"),
        ("关于促进数字经济高质量发展的实施意见", "意见"),
        ("城市更新专项规划", "规划"),
        ("我是一段普通文字", None),
    ],
)
def test_kind_of(title, kind):
    assert kind_of(title) == kind


def test_find_title_prefers_the_fullest_line():
    lines = ["城市品质提升工作部署会议领导讲话稿", "XX市城市品质提升工作部署会议领导讲话稿", BODY]
    assert find_title(lines) == "XX市城市品质提升工作部署会议领导讲话稿"


def test_seed_metadata_matches_gold(seed, gold_document):
    path, report = seed
    gold = gold_document(path)
    if gold is None:
        pytest.skip("gold files not available")
    m = report.meta
    got = {k: getattr(m, k) for k in gold}
    got["parents"] = list(got["parents"])
    assert got == gold


def test_provincial_report_from_title_and_delivery_subtitle():
    m = meta(
        "2026年江西省政府工作报告",
        "——2026年1月27日在江西省第十四届人民代表大会第四次会议上",
        "时间：2026-02-05",
        "各位代表：",
        BODY,
    )
    assert (m.title, m.issuer, m.jurisdiction, m.parents) == (
        "2026年江西省政府工作报告", "江西省人民政府", "江西省", ())
    assert (m.date, m.posted, m.kind, m.plan_year) == ("2026-01-27", "2026-02-05", "政府工作报告", 2026)


def test_year_before_the_government_is_not_part_of_its_name():
    m = meta("2026年湖南省人民政府工作报告", BODY)
    assert (m.issuer, m.jurisdiction) == ("湖南省人民政府", "湖南省")
    m = meta("2026年湖南省林业工作要点", BODY)
    assert m.jurisdiction == "湖南省"


def test_photo_caption_is_not_the_title_and_speaker_names_the_government():
    m = meta(
        "政府工作报告。本报记者王五摄",
        "政府工作报告",
        "（2026年1月28日在云南省第十四届人民代表大会第四次会议上）",
        "现在，我代表省人民政府向大会报告工作，请予审议。",
        BODY,
    )
    assert m.title == "政府工作报告"
    assert (m.issuer, m.jurisdiction, m.date) == ("云南省人民政府", "云南省", "2026-01-28")


def test_delivery_subtitle_split_over_two_lines_and_in_chinese_numerals():
    m = meta("政府工作报告", "——2026年1月26日在浙江省第十四届", "人民代表大会第五次会议上", BODY)
    assert (m.jurisdiction, m.issuer, m.date) == ("浙江省", "浙江省人民政府", "2026-01-26")
    m = meta("政府工作报告", "——二〇二五年一月十四日在青海省十四届人民代表大会第三次会议上", BODY)
    assert (m.jurisdiction, m.date) == ("青海省", "2025-01-14")


def test_speaker_names_a_full_government():
    m = meta("政府工作报告", "各位代表：", "现在，我代表广西壮族自治区人民政府，向大会报告工作。", BODY)
    assert (m.issuer, m.jurisdiction, m.parents) == ("广西壮族自治区人民政府", "广西壮族自治区", ())


def test_speaker_level_word_must_agree_with_the_place():
    m = meta("2026年福建省政府工作报告", "现在，我代表市人民政府，向大会报告工作。", BODY)
    assert m.issuer == "福建省人民政府"


def test_state_council_report_is_the_countrys():
    m = meta("政府工作报告", "——2025年3月5日在第十四届全国人民代表大会第三次会议上", BODY)
    assert (m.issuer, m.jurisdiction, m.parents, m.date) == ("国务院", "中国", (), "2025-03-05")
    m = meta("各位代表：", "我受国务院的委托，现在向大会提出关于国民经济计划安排的报告，请予审议。", BODY)
    assert (m.issuer, m.jurisdiction) == ("国务院", "中国")


def test_notice_title_opening_a_run_on_line():
    m = meta("2015年3月江苏省物价局关于调整居民用水价格的通知2015年4月1日起，全省执行新的水价标准，分为三档。")
    assert m.title == "江苏省物价局关于调整居民用水价格的通知"
    assert (m.issuer, m.jurisdiction, m.parents) == ("江苏省物价局", "江苏省", ())
    assert (m.date, m.kind) == ("2015-03", "通知")


def test_issuer_short_form_is_written_out_only_when_it_abbreviates():
    m = meta("重庆市发展改革委关于电动汽车充电服务费有关事项的通知", BODY)
    assert m.issuer == "重庆市发展和改革委员会"
    m = meta("江苏省教育厅关于做好校园安全工作的通知", BODY)
    assert m.issuer == "江苏省教育厅"


def test_first_of_several_issuers():
    m = meta("河北省发展改革委、河北省能源局等关于做好冬季供暖保障工作的通知", BODY)
    assert (m.issuer, m.jurisdiction, m.kind) == ("河北省发展和改革委员会", "河北省", "通知")


def test_covering_notice_has_the_notices_issuer_and_kind():
    m = meta("济南市人民政府关于印发《济南市城市更新实施方案》的通知", BODY)
    assert (m.issuer, m.jurisdiction, m.parents, m.kind) == ("济南市人民政府", "济南市", ("山东省",), "通知")


def test_quoted_plan_issued_by_the_notice_in_its_text():
    m = meta("《临汾市2024年冬季清洁取暖工作实施方案》山西省临汾市发展和改革委员会关于印发"
             "临汾市2024年冬季清洁取暖工作实施方案的通知指出，全市要加快推进清洁取暖。")
    assert (m.title, m.kind) == ("临汾市2024年冬季清洁取暖工作实施方案", "实施方案")
    assert (m.issuer, m.jurisdiction, m.parents) == ("临汾市发展和改革委员会", "临汾市", ("山西省",))


def test_quoted_title_with_date_beside_it_and_no_issuer():
    m = meta("《闻喜县2024年度冬季取暖补贴实施办法》2024-10-08为保障群众温暖过冬，对居民采暖用电给予补贴。")
    assert (m.title, m.kind, m.date) == ("闻喜县2024年度冬季取暖补贴实施办法", "办法", "2024-10-08")
    assert (m.issuer, m.jurisdiction, m.parents) == (None, "闻喜县", ("运城市", "山西省"))


def test_document_number_names_the_issuer():
    m = meta("关于做好春季农业生产工作的通知", "鲁政办发〔2023〕5号", BODY)
    assert (m.issuer, m.jurisdiction) == ("山东省人民政府办公厅", "山东省")
    m = meta("德州市关于做好春季农业生产工作的通知", "德农发〔2022〕18号", BODY)
    assert (m.issuer, m.jurisdiction) == ("德州市农业农村局", "德州市")


def test_document_number_cited_in_a_sentence_names_nobody():
    m = meta("关于做好春季农业生产工作的通知", "根据《关于加强耕地保护的意见》（鲁政发〔2021〕4号）精神，现通知如下。")
    assert (m.issuer, m.jurisdiction) == (None, None)


def test_signature_block_gives_issuer_and_date():
    m = meta("关于加强城市道路管理的通知", BODY, "各县区要抓好落实。", "滨州市人民政府", "2023年5月6日")
    assert (m.issuer, m.jurisdiction, m.parents, m.date) == ("滨州市人民政府", "滨州市", ("山东省",), "2023-05-06")


def test_title_split_over_two_lines():
    m = meta("2026年湖北省", "政府工作报告", BODY)
    assert (m.title, m.issuer) == ("2026年湖北省政府工作报告", "湖北省人民政府")


def test_numbered_heading_and_sentence_are_not_titles():
    assert find_title(["一、2026年工作计划", "现在，我代表市政府作工作报告", BODY]) is None


def test_posting_time_stamp_is_kept_apart_from_the_delivery_date():
    subtitle = "——2026年1月28日在云南省第十四届人民代表大会第四次会议上"
    m = meta("2026年政府工作报告", "2026-02-03 09:02:33", subtitle, BODY)
    assert (m.date, m.posted, m.jurisdiction) == ("2026-01-28", "2026-02-03", "云南省")


def test_level_word_without_a_place_gives_no_issuer():
    subtitle = "——2023年1月5日在市第十七届人民代表大会第三次会议上"
    m = meta("政府工作报告", subtitle, "现在，我代表市人民政府，向大会报告工作。", BODY)
    assert (m.issuer, m.jurisdiction) == (None, None)


def test_relative_issuer_takes_the_place_of_the_signature():
    m = meta("市发展改革委关于做好迎峰度夏工作的通知", BODY, "淄博市发展和改革委员会", "2022年6月1日")
    assert (m.issuer, m.jurisdiction, m.date) == ("淄博市发展和改革委员会", "淄博市", "2022-06-01")


def test_national_body_is_the_countrys():
    m = meta("国家发展改革委关于进一步完善分时电价机制的通知", BODY)
    assert (m.issuer, m.jurisdiction, m.parents) == ("国家发展和改革委员会", "中国", ())


def test_issuer_that_names_its_place_gives_the_jurisdiction():
    m = meta("德州市冬季清洁取暖工作方案", BODY, "山东省能源局", "2021年10月8日")
    assert (m.issuer, m.jurisdiction, m.parents) == ("山东省能源局", "山东省", ())


def test_government_cited_in_a_notice_is_not_its_speaker():
    m = meta("关于做好防汛工作的通知", "根据市人民政府的决定，现将有关事项通知如下。", BODY)
    assert m.issuer is None


def test_dated_quoted_title_opening_a_long_line():
    m = meta("2019年9月《潍坊市2019年清洁取暖建设推进实施方案》全面贯彻党的十九大精神，"
             "按照省委、省政府决策部署，加快提高清洁供暖比重。")
    assert (m.title, m.date) == ("潍坊市2019年清洁取暖建设推进实施方案", "2019-09")
    assert (m.jurisdiction, m.kind) == ("潍坊市", "实施方案")


def test_report_without_a_date_line_is_dated_by_its_title_year():
    m = meta("1987年中华人民共和国国务院政府工作报告", "各位代表：",
             "现在，我代表国务院向大会作政府工作报告。今年要稳定物价。")
    assert (m.date, m.issuer, m.plan_year) == ("1987", "国务院", 1987)


def test_title_year_does_not_override_a_date_line():
    m = meta("2026年某某市政府工作报告", "——2025年12月20日在某某市第十届人民代表大会第五次会议上", BODY)
    assert m.date == "2025-12-20"


def test_title_period_or_reviewed_year_gives_no_date():
    assert meta("某某县2021—2025年工作报告", BODY).date is None
    assert meta("某某县人民政府2025年度工作报告", BODY).date is None
    assert meta("关于2025年计划执行情况与2026年计划的报告", BODY).date is None


def test_title_year_dates_only_reports_and_speeches():
    assert meta("关于做好2024年春节期间安全工作的通知", "各单位：现将有关事项通知如下。").date is None


def test_year_in_the_title_brackets_dates_a_report():
    assert meta("某某市人民政府工作报告（2023年）", "各位代表：", BODY).date == "2023"


@pytest.mark.parametrize(("line", "date"), [("（2023年2月）", "2023-02"), ("二〇二三年二月十日", "2023-02-10")])
def test_a_line_that_is_only_a_date_dates_the_report(line, date):
    assert meta("某某市人民政府工作报告", line, "各位代表：", BODY).date == date


def test_a_year_inside_a_sentence_near_the_top_is_no_date():
    assert meta("某某市人民政府工作报告", "2023年2月，我们召开了全市大会。", BODY).date is None


def test_report_dated_by_its_title_year_plans_that_year_without_naming_it():
    m = meta("1975年中华人民共和国国务院政府工作报告", "各位代表！", "我代表国务院，向大会作政府工作报告。")
    assert (m.date, m.plan_year) == ("1975", 1975)

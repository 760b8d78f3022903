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

from __future__ import annotations

import pytest

from kg.errors import ReportError
from kg.loaders import clean_text, load_report, load_text

REPORT = "（山东省）某县人民政府工作报告\n一、今后工作\n加快推进城市更新，确保年底前完成老旧小区改造。"
TRADITIONAL = "（山東省）某縣人民政府工作報告\n一、今後工作\n加快推進城市更新，確保年底前完成老舊小區改造。"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes([0x80, 0xFF, 0xFE, 0x81, 0x30, 0xC0]) * 40, "undecodable"),
        (b"This is a short English text. It has sentences but no report.", "no recognisable report"),
        ("导航菜单\n验证码：\n本文地址：/a.html\n".encode(), "web-page noise"),
    ],
)
def test_bad_input_raises_report_error(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReportError) as info:
        load_report(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path)) and reason in message


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        load_report(tmp_path / "missing.txt")
    with pytest.raises(ReportError, match="directory"):
        load_report(tmp_path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "big5"])
def test_encodings_load_to_the_same_text(tmp_path, encoding):
    text = TRADITIONAL if encoding == "big5" else REPORT
    path = tmp_path / f"r-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    report = load_report(path)
    assert "加快推进城市更新，确保年底前完成老旧小区改造。" in report.text
    assert report.encoding == {"gbk": "gb18030", "utf-8-sig": "utf-8-sig"}.get(encoding, encoding)
    assert report.source == path.name


def test_load_text_and_clean_text_agree():
    report = load_text(REPORT)
    assert clean_text(REPORT) == (report.text, None)
    assert clean_text(REPORT.encode("gbk")) == (report.text, "gb18030")


def test_traditional_with_pinyin_and_noise():
    raw = (
        "當(dāng)前位置:公文素材庫 > 演講致辭 > 講話稿\n"
        "XX市城市管理會(huì)議講話稿\n"
        "一、加快推進城市建設\n"
        "要加快規(guī)劃建設,確保201*年底前完成改造。由市執(zhí)法局負(fù)責(zé)。\n"
        "免責(zé)聲明:本文僅限學(xué)習(xí)分享。"
    )
    report = load_text(raw, source="speech.txt")
    assert (
        report.text
        == "XX市城市管理会议讲话稿\n一、加快推进城市建设\n要加快规划建设，确保201*年底前完成改造。由市执法局负责。"
    )
    assert report.meta.jurisdiction == "XX市" and report.meta.date is None


def test_seed_liaocheng_items_have_owners_and_are_not_duplicated(seed_report):
    report = seed_report("liaocheng-2023")
    policies = [i for i in report.items if i.section == "A2"]
    assert len(policies) == 31
    assert [i.number for i in policies[4:7]] == [5, 7, 7]
    assert policies[0].owner == "市发展改革委"
    assert policies[0].text == "关于新能源产业高质量发展的意见"
    assert all(i.owner for i in policies)
    assert len({(i.section, i.number, i.text) for i in report.items}) == len(report.items)
    livelihood = [i.number for i in report.items if i.section == "A1"]
    assert 15 not in livelihood and len(livelihood) == 29
    assert all(report.sentences[i.sentence].text.startswith(i.text) for i in report.items)


def test_seed_liaocheng_repeated_appendix_is_dropped(tmp_path, seed_report, seed_paths):
    (seed,) = [p for p in seed_paths if p.name.startswith("liaocheng-2023")]
    text = seed.read_text(encoding="utf-8")
    tail = text[text.index("附件2") :]
    path = tmp_path / seed.name
    path.write_text(text + "\n" + tail + "\n本文地址：/x.html\n", encoding="utf-8")
    doubled = load_report(path)
    assert doubled.text == seed_report("liaocheng-2023").text
    assert len(doubled.items) == len(seed_report("liaocheng-2023").items)


def test_seed_broken_lines_are_joined(seed_report):
    assert "美在古今交融" in seed_report("liaocheng-2023").text
    assert "上接" not in seed_report("liaocheng-2023").text


def test_report_without_line_breaks_is_not_rejected_as_noise(tmp_path, seed):
    path, report = seed
    one_line = tmp_path / path.name
    one_line.write_text(path.read_text(encoding="utf-8").replace("\n", ""), encoding="utf-8")
    flat = load_report(one_line)
    assert len(flat.sentences) >= len(report.sentences) // 2
    assert max(len(s.text) for s in flat.sentences) < 1000


def test_source_name_is_given_or_the_file_name_without_spaces(tmp_path):
    path = tmp_path / " report.txt "
    path.write_text(REPORT, encoding="utf-8")
    assert load_report(path).source == "report.txt"
    assert load_report(path, source="a/report.txt").source == "a/report.txt"

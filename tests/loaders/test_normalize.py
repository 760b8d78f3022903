from __future__ import annotations

import pytest

from kg.loaders.normalize import join_broken_lines, normalize_line, normalize_text, strip_marks


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("时间:2019-05-18,地点;会场", "时间：2019-05-18，地点；会场"),
        ("增长4.5%, 达到１２３亿元!", "增长4.5%，达到123亿元！"),
        ("国家文化公园(聊城段)建设", "国家文化公园（聊城段）建设"),
        ("拓展RCEP市场 (RCEP)", "拓展RCEP市场（RCEP）"),
        ("集中打造2—3个产业集群", "集中打造2—3个产业集群"),
        ("——建设“青山常在”的美丽二道", "——建设“青山常在”的美丽二道"),
        ("--建设美丽乡村", "——建设美丽乡村"),
        ("以 “精准规划”为总要求", "以“精准规划”为总要求"),
        ("ＰＭ２．５浓度", "PM2.5浓度"),
        ("截至201*年底", "截至201*年底"),
        ("Hello, world: ok", "Hello, world: ok"),
        ("施用量每公顷4.1kg,70%以上散失", "施用量每公顷4.1kg，70%以上散失"),
        ("共计1,000人次", "共计1,000人次"),
        # each step runs only where the line holds what it changes: these hold one each
        ("增长4。5%，居全省第3．2位", "增长4.5%，居全省第3.2位"),
        ("\u3000\u3000各位代表：", "各位代表："),
        ("\t目标  任务\t", "目标任务"),
        ("a  b   c", "a b c"),
        ("中文内容很多很多 a, b 中文内容很多", "中文内容很多很多a，b中文内容很多"),  # mostly Chinese: widened
        ("GDP: 3, 4 and 5", "GDP: 3, 4 and 5"),
        ("（1)完成", "（1）完成"),
        # numbers typeset one character at a time (text from some PDFs and scans)
        ("１ ９ ９ ６ 年粮食产量达到４ ８ ５ ０ ０ 万吨", "1996年粮食产量达到48500万吨"),
        ("年均增长1 2 ．4 ％，人均住房3 1 平方米", "年均增长12.4%，人均住房31平方米"),
        ("共有2 0 1 8 年的3 个项目", "共有2018年的3个项目"),
        # no line set so: spaces between numbers stay where they are not near Chinese
        ("GDP: 3 4 and 5", "GDP: 3 4 and 5"),
        ("rows 1 2", "rows 1 2"),
    ],
)
def test_normalize_line(raw, clean):
    assert normalize_line(raw) == clean


def test_normalize_text_drops_blank_lines():
    assert normalize_text("  第一行。\n\n \u3000第二行。 \n") == ["第一行。", "第二行。"]


def test_continuation_and_footnote_marks_are_removed():
    text, refs = strip_marks("（上接4版）整合资源。培育“小灯塔”[24]企业1家（下转5版）")
    assert text == "整合资源。培育“小灯塔”企业1家"
    assert refs == []


def test_cross_reference_marks_are_recorded_where_they_stood():
    text, refs = strip_marks("惠及居民5034户[实事1]。完成12个社区的工作[实事2]。")
    assert text == "惠及居民5034户。完成12个社区的工作。"
    assert refs == [(9, "实事1"), (20, "实事2")]
    assert text[refs[0][0] - 1] == "户"


def test_join_broken_lines():
    lines = ["各位代表，聊城之美，美在城水一体，美在宜居宜业，美在古", "今交融，美在宜居宜业。", "一、总体要求"]
    assert join_broken_lines(lines) == [
        "各位代表，聊城之美，美在城水一体，美在宜居宜业，美在古今交融，美在宜居宜业。",
        "一、总体要求",
    ]


def test_headings_are_not_joined():
    lines = ["（三）围绕构建宜居宜业的现代化生态体系，奋力塑造绿水青山新优势", "实施生态强区战略。"]
    assert join_broken_lines(lines) == lines


def test_seed_text_has_no_marks_or_halfwidth_punctuation(seed):
    _, report = seed
    assert "[" not in report.text and "]" not in report.text
    assert "上接" not in report.text
    for char in ",;:()!":
        assert char not in report.text, char


def test_a_zero_width_line_inside_a_paragraph_joins_its_halves() -> None:
    text = "——经济运行稳中向好。国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。\n一、2020年工作回顾\n\u200b\n过去一年"
    joined = "——经济运行稳中向好。国内生产总值达到74.4万亿元，增长6.7%。"
    assert normalize_text(text) == [joined, "一、2020年工作回顾", "过去一年"]


def test_a_title_broken_before_its_last_character_is_joined() -> None:
    assert join_broken_lines(["政府工作报", "告", "各位代表："]) == ["政府工作报告", "各位代表："]
    assert join_broken_lines(["工作回顾", "好"]) == ["工作回顾", "好"]


def test_title_broken_by_newlines_inside_title_marks_is_one_line():
    raw = "我们认真执行《\n城乡社区服务促进条例\n》，推进社区建设。"
    assert normalize_text(raw) == ["我们认真执行《城乡社区服务促进条例》，推进社区建设。"]


def test_line_break_inside_a_title_between_characters_is_repaired():
    raw = "省政府印发了《关于加快发展\n养老托育服务的实施意见》，明确了任务"
    assert normalize_text(raw) == ["省政府印发了《关于加快发展养老托育服务的实施意见》，明确了任务"]


def test_line_break_inside_a_quoted_phrase_is_repaired():
    assert normalize_text("深入开展“放心\n消费”行动。") == ["深入开展“放心消费”行动。"]


def test_title_mark_closed_far_away_is_not_joined():
    far = "甲" * 70 + "》。"
    assert normalize_text("关于《条例\n" + far) == ["关于《条例", far]


def test_link_saved_on_its_own_line_joins_both_neighbours():
    raw = "会议听取了市长所作的\n政府工作报告\n。会议充分肯定过去一年的工作。"
    assert normalize_text(raw) == ["会议听取了市长所作的政府工作报告。会议充分肯定过去一年的工作。"]


def test_list_of_links_with_separators_is_one_line():
    raw = "这些文件包括\n条例\n、\n办法\n，以及实施细则。"
    assert normalize_text(raw) == ["这些文件包括条例、办法，以及实施细则。"]


def test_blank_line_keeps_paragraphs_apart():
    assert normalize_text("一、工作回顾\n\n“十四五”时期成绩显著。") == ["一、工作回顾", "“十四五”时期成绩显著。"]
    assert normalize_text("引用《\n\n条例》") == ["引用《", "条例》"]


def test_heading_then_paragraph_on_adjacent_lines_stay_apart():
    assert normalize_text("二、2026年重点工作\n今年是开局之年。") == ["二、2026年重点工作", "今年是开局之年。"]


def test_subscript_on_its_own_line_joins_both_neighbours():
    raw = "持续改善空气质量，以PM\n2.5\n浓度持续下降为主线。"
    assert normalize_text(raw) == ["持续改善空气质量，以PM2.5浓度持续下降为主线。"]


def test_link_inside_a_quote_joins_both_neighbours():
    raw = "企业找技术、成果找市场“双向\n揭榜\n挂帅”的简称。"
    assert normalize_text(raw) == ["企业找技术、成果找市场“双向揭榜挂帅”的简称。"]


def test_short_heading_between_paragraphs_is_not_a_cut_phrase():
    raw = "过去一年，我们完成了任务，取得了成效\n主要目标\n地区生产总值增长5%左右。"
    assert normalize_text(raw) == ["过去一年，我们完成了任务，取得了成效", "主要目标", "地区生产总值增长5%左右。"]


def test_page_number_after_a_broken_figure_is_not_a_subscript():
    raw = "全市生产总值增长6.5\n12\n实现了稳定增长。"
    assert normalize_text(raw) == ["全市生产总值增长6.5", "12", "实现了稳定增长。"]

from __future__ import annotations

from kg.loaders import load_text
from kg.loaders.sentences import split_spans


def spans(text):
    return [text[s:e] for s, e in split_spans(text, 0, len(text))]


def test_split_on_full_stops():
    assert spans("第一句。第二句！第三句？") == ["第一句。", "第二句！", "第三句？"]


def test_no_split_inside_quotes_or_parentheses():
    text = "他说：“要抓好落实。再接再厉。”大家都同意。提出要求（详见附件。）后执行。"
    assert spans(text) == ["他说：“要抓好落实。再接再厉。”大家都同意。", "提出要求（详见附件。）后执行。"]


def test_semicolon_splits_only_long_clauses():
    text = "强化大气污染防治，持续推进监测体系建设；强化水污染防治，加大执法监管力度。治脏；治乱。"
    assert spans(text) == [
        "强化大气污染防治，持续推进监测体系建设；",
        "强化水污染防治，加大执法监管力度。",
        "治脏；治乱。",
    ]


def test_markers_are_not_in_sentences_and_items_are_one_sentence():
    report = load_text("一、总体要求\n坚持稳中求进。\n民生实事：\n1.新建学校2所。改造操场3个。\n2.新增学位360个。")
    assert [s.text for s in report.sentences] == [
        "总体要求",
        "坚持稳中求进。",
        "民生实事：",
        "新建学校2所。改造操场3个。",
        "新增学位360个。",
    ]


def test_cross_refs_go_to_their_sentence_and_resolve():
    report = load_text(
        "（一）办好实事\n持续开展老旧小区改造[实事1]。完成12个社区的“四根管”[26]维修[实事2]。\n"
        "民生实事：\n1.持续开展老旧小区改造。\n2.完成12个社区的“四根管”维修。"
    )
    refs = {s.text: s.refs for s in report.sentences if s.refs}
    assert refs == {"持续开展老旧小区改造。": ("实事1",), "完成12个社区的“四根管”维修。": ("实事2",)}
    labels = {item.label: item for item in report.items}
    assert labels["实事2"].text == "完成12个社区的“四根管”维修。"
    assert "[" not in report.text


def test_a_mark_after_a_full_stop_goes_to_the_sentence_it_follows():
    """A mark's offset is where it stood: one right after a full stop ends that sentence, not
    the next one; two in one sentence keep their order."""
    report = load_text("（一）办好实事\n新建学校两所。[实事1]改造操场[实事2]三个[实事3]。\n"
                       "扩大学位供给[实事4]\n增加学位。")
    refs = {s.text: s.refs for s in report.sentences}
    assert refs["新建学校两所。"] == ("实事1",)
    assert refs["改造操场三个。"] == ("实事2", "实事3")
    assert refs["扩大学位供给"] == ("实事4",)
    assert refs["增加学位。"] == ()


def test_offsets_hold_on_seeds(seed):
    _, report = seed
    assert report.sentences
    for i, s in enumerate(report.sentences):
        assert s.index == i
        assert report.text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
    ids = report.section_by_id()
    assert all(s.section is None or s.section in ids for s in report.sentences)
    assert all(s.part == ids[s.section].part for s in report.sentences if s.section)


def test_seed_fushun_refs_resolve_to_the_list(seed_report):
    report = seed_report("fushun")
    labels = {item.label: item for item in report.items}
    assert list(labels) == ["实事1", "实事2", "实事3"]
    refs = [(ref, s) for s in report.sentences for ref in s.refs]
    assert [ref for ref, _ in refs] == [f"实事{n}" for n in range(1, 11)]
    for ref, sentence in refs:
        if ref in labels:
            item_text = labels[ref].text.rstrip("。")
            assert sentence.text.rstrip("。") in item_text or item_text.endswith(sentence.text.rstrip("。")[-8:])
    assert labels["实事3"].text.startswith("实施塔峪镇安全饮水提升改造工程")
    first = next(s for ref, s in refs if ref == "实事1")
    assert first.text == "持续开展老旧小区改造工程，涉及6个社区，惠及居民5034户。"


def test_stray_open_quote_does_not_swallow_the_rest_of_a_one_line_report():
    sentence = "全年新建改造城镇老旧小区一百二十个，惠及居民三万二千户。"
    text = "会议强调“要坚持稳中求进。" + sentence * 40
    spans = split_spans(text, 0, len(text))
    assert max(end - start for start, end in spans) < 400
    assert text[spans[-1][0] : spans[-1][1]] == sentence


def test_quoted_passage_with_full_stops_stays_one_sentence():
    text = "他说：“我们要稳中求进。要守正创新。”会议要求各地抓好落实。"
    assert split_spans(text, 0, len(text)) == [(0, len(text))]


FIVE_YEAR_REPORT = "\n".join(
    [
        "2026年某市政府工作报告",
        "——2026年1月27日在某市第十六届人民代表大会第四次会议上",
        "各位代表：",
        "一、2025年工作回顾",
        "过去一年，全市生产总值增长5.2%，完成了年度目标。",
        "二、“十五五”时期主要目标任务",
        "“十四五”时期，全市经济总量迈上新台阶。这五年，城镇新增就业60万人。",
        "“十五五”时期是关键时期，到2030年，全市生产总值达到1万亿元。",
        "三、2026年重点工作",
        "要扩大有效投资，新开工重大项目100个。",
        "过去一年，国防和军队建设取得新进展。新的一年，我们要支持国防和军队建设。",
    ]
)


def test_paragraph_reviewing_the_last_five_year_period_inside_the_plan_part_reviews():
    report = load_text(FIVE_YEAR_REPORT)
    parts = {s.text: s.part for s in report.sentences}
    assert report.meta.plan_year == 2026
    assert parts["“十四五”时期，全市经济总量迈上新台阶。"] == "review"
    assert parts["这五年，城镇新增就业60万人。"] == "review"
    assert parts["“十五五”时期是关键时期，到2030年，全市生产总值达到1万亿元。"] == "plan"
    assert parts["要扩大有效投资，新开工重大项目100个。"] == "plan"


def test_paragraph_looking_back_then_ahead_turns_back_to_the_plan():
    parts = {s.text: s.part for s in load_text(FIVE_YEAR_REPORT).sentences}
    assert parts["过去一年，国防和军队建设取得新进展。"] == "review"
    assert parts["新的一年，我们要支持国防和军队建设。"] == "plan"


def test_paragraph_looking_ahead_inside_the_review_plans():
    text = "\n".join(
        [
            "2026年某县政府工作报告",
            "——2026年1月20日在某县第十八届人民代表大会第五次会议上",
            "一、2025年工作回顾",
            "过去一年，我们完成了各项任务，实现了稳定增长，取得了明显成效。",
            "新的一年，我们要新建农村公路100公里。全县将新增就业岗位1万个。",
        ]
    )
    parts = [(s.text, s.part) for s in load_text(text).sentences][-2:]
    assert parts == [("新的一年，我们要新建农村公路100公里。", "plan"), ("全县将新增就业岗位1万个。", "plan")]


def test_look_back_ends_where_the_paragraph_turns_to_the_work_ahead():
    text = "\n".join(
        [
            "2026年某市政府工作报告",
            "——2026年1月27日在某市第十六届人民代表大会第四次会议上",
            "一、2026年重点工作",
            "过去五年，全市新建水库12座，防洪能力明显提升。要继续加强水利建设，新建水库3座。",
        ]
    )
    parts = [(s.text, s.part) for s in load_text(text).sentences][-2:]
    assert parts == [
        ("过去五年，全市新建水库12座，防洪能力明显提升。", "review"),
        ("要继续加强水利建设，新建水库3座。", "plan"),
    ]


def test_section_reviewing_then_planning_turns_to_the_plan_where_it_looks_ahead():
    text = "\n".join(
        [
            "2021年某省政府工作报告",
            "——2021年1月25日在某省第十三届人民代表大会第五次会议上",
            "二、“十三五”时期发展成就和“十四五”时期主要目标任务",
            "过去五年，全省生产总值年均增长6.5%，完成了各项任务。",
            "“十四五”时期是开启新征程的第一个五年。要推动高质量发展。",
            "加快发展现代产业体系。制造业增加值占比保持在30%以上。",
        ]
    )
    report = load_text(text)
    parts = {s.text: s.part for s in report.sentences}
    assert parts["过去五年，全省生产总值年均增长6.5%，完成了各项任务。"] == "review"
    assert parts["“十四五”时期是开启新征程的第一个五年。"] == "plan"
    assert parts["要推动高质量发展。"] == "plan"
    assert parts["制造业增加值占比保持在30%以上。"] == "plan"
    assert [s.part for s in report.sections[-1].walk()] == ["review", "plan"]

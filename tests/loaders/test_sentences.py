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

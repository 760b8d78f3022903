from __future__ import annotations

from kg.loaders import load_text
from kg.loaders.structure import build_structure, tense

DOC = "\n".join(
    [
        "某市人民政府工作报告",
        "一、2022年工作回顾",
        "过去一年，我们完成了各项任务，实现了稳定增长，取得了明显成效。",
        "二、2023年重点任务",
        "（一）推进城市更新",
        "优化区域发展空间。坚持规划引领，做好国土空间规划编制工作。",
        "完善城市功能布局。提升通行能力，启动40条市政道路建设。",
        "1.加快道路建设。新建道路23条。",
        "一是加强组织领导。要压实责任。",
        "——建设美丽乡村。打造示范村10个。",
        "附件1",
        "2023年重点民生事项清单",
        "1.新建中小学12所；",
        "2.新建公办幼儿园11所（市教育局）",
    ]
)


def test_section_tree_levels_and_ids():
    sections, _ = build_structure(DOC)
    flat = [(s.id, s.level, s.number, s.title) for root in sections for s in root.walk()]
    assert flat == [
        ("1", 1, "一、", "2022年工作回顾"),
        ("2", 1, "二、", "2023年重点任务"),
        ("2.1", 2, "（一）", "推进城市更新"),
        ("2.1.1", 3, None, "优化区域发展空间"),
        ("2.1.2", 3, None, "完善城市功能布局"),
        ("2.1.3", 3, "1.", "加快道路建设"),
        ("2.1.3.1", 4, "一是", "加强组织领导"),
        ("2.1.3.2", 4, "——", "建设美丽乡村"),
        ("A1", 1, "附件1", "2023年重点民生事项清单"),
    ]


def test_parts():
    sections, _ = build_structure(DOC)
    parts = {s.id: s.part for root in sections for s in root.walk()}
    assert parts["1"] == "review"
    assert parts["2"] == parts["2.1.2"] == parts["2.1.3.2"] == "plan"
    assert parts["A1"] == "appendix"


def test_sections_nest_and_span_their_children():
    sections, _ = build_structure(DOC)
    for root in sections:
        for s in root.walk():
            assert s.start <= s.end
            for child in s.children:
                assert s.start <= child.start and child.end <= s.end


def test_tense():
    assert tense("我们完成了改造，实现了增长，取得了成效。") == "review"
    assert tense("要加快推进，力争年内完成，确保新增就业。") == "plan"
    assert tense("城市。") is None


def test_fragment_starting_mid_plan_defaults_to_plan():
    report = load_text("加快推进道路建设，确保年底前完成。力争新增就业1万人。持续推动城市更新。")
    assert {s.part for s in report.sentences} == {"plan"}


def test_seed_dongchangfu_sections(seed_report):
    report = seed_report("liaocheng-dongchangfu")
    roots = [(s.number, s.title) for s in report.sections]
    assert roots == [
        ("（六）", "凝心聚力优品质，推动城市更加美好"),
        ("（七）", "毫不松懈抓生态，拓展绿色发展空间"),
        ("（八）", "矢志不渝增福祉，维护社会持续稳定"),
    ]
    assert [c.title for c in report.sections[0].children] == [
        "优化区域发展空间",
        "完善城市功能布局",
        "提升城市管理水平",
    ]
    assert {s.part for root in report.sections for s in root.walk()} == {"plan"}


def test_seed_liaocheng_appendices(seed_report):
    report = seed_report("liaocheng-2023")
    appendices = [s for s in report.sections if s.id.startswith("A")]
    assert [(s.id, s.title) for s in appendices] == [
        ("A1", "2023年重点民生事项清单"),
        ("A2", "2023年拟制发主要政策清单"),
        ("A3", "2023年重点行动计划清单"),
    ]
    levels = [s for s in report.sections if s.number == "四、"]
    assert len(levels) == 1 and len(levels[0].children) == 5


def test_seed_speech_parts(seed_report):
    report = seed_report("xx-city")
    assert [(s.number, s.part) for s in report.sections] == [
        ("一、", "review"),
        ("二、", "review"),
        ("三、", "plan"),
        ("四、", "plan"),
    ]
    assert len(report.sections[2].children) == 5
    assert all(c.number == "一是" for c in [report.sections[0].children[0]])


def test_seed_changchun_lead_dash_sections(seed_report):
    report = seed_report("changchun")
    dashes = [s for root in report.sections for s in root.walk() if s.number == "——"]
    assert len(dashes) == 15
    assert dashes[0].title == "多渠道扩大开放"

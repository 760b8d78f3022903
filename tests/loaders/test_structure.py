from __future__ import annotations

import pytest

from kg.loaders import load_text
from kg.loaders.structure import build_structure, five_year_period, named_years, opening_part, part_of_title, tense

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


def _parts(text: str, **kw) -> list[tuple[str, str | None]]:
    sections, _ = build_structure(text, **kw)
    return [(s.title, s.part) for s in sections]


def test_unmarked_part_titles_are_top_level_headings():
    text = "\n".join(
        [
            "某省人民政府工作报告",
            "“十四五”时期工作回顾",
            "五年来，我们攻坚克难，要素保障持续加强，推进项目建设，推动产业升级，加快城市更新。",
            "“十五五”时期的主要目标任务",
            "“十五五”时期，要努力实现以下目标任务。",
            "2026年重点工作",
            "（一）扩大有效投资",
            "要加快推进重大项目建设。",
        ]
    )
    sections, lines = build_structure(text)
    assert [(s.level, s.number, s.title, s.part) for s in sections] == [
        (1, None, "“十四五”时期工作回顾", "review"),
        (1, None, "“十五五”时期的主要目标任务", "plan"),
        (1, None, "2026年重点工作", "plan"),
    ]
    assert [(c.number, c.part) for c in sections[2].children] == [("（一）", "plan")]
    assert lines[0].role == "text"


def test_document_title_line_naming_a_kind_is_not_a_part_heading():
    text = "城市品质提升工作部署会议讲话稿\n同志们：\n一、充分肯定取得的成绩\n我们完成了改造，实现了增长，取得了成效。"
    assert _parts(text) == [("充分肯定取得的成绩", "review")]


def test_opening_words_tell_the_part_of_a_slogan_title():
    text = "\n".join(
        [
            "一、一年接着一年干，建设持续取得新进展",
            "2025年是收官之年。一年来，我们持续推进改革，推动产业升级，加快项目建设，全力稳增长，新增就业5万人。",
            "二、一鼓作气勇争先，全力推动开好局",
            "2026年是开局之年。我们将持续推进改革。",
        ]
    )
    assert [part for _, part in _parts(text)] == ["review", "plan"]


def test_title_naming_a_past_year_opens_the_review():
    text = "一、2025年主要工作\n推进改革，推动升级。\n二、2026年主要工作\n推进改革，推动升级。"
    assert [part for _, part in _parts(text, plan_year=2026)] == ["review", "plan"]
    assert [part for _, part in _parts(text)] == ["review", "plan"]
    assert [part for _, part in _parts("一、2026年主要工作\n推进改革，推动升级。")] == ["plan"]
    later_target = "一、2026年重点工作\n推进改革，推动升级。\n二、到2030年的主要目标\n推进改革，推动升级。"
    assert [part for _, part in _parts(later_target)] == ["plan", "plan"]


@pytest.mark.parametrize(
    "title",
    ["2025年工作回顾", "“十四五”时期工作回顾", "过去一年工作", "过去五年的工作", "一年来的主要工作", "回顾2025年工作"],
)
def test_review_titles(title):
    assert part_of_title(title) == "review"


@pytest.mark.parametrize(
    "title",
    [
        "2026年重点工作",
        "主要任务",
        "2026年工作安排",
        "主要预期目标",
        "2026年工作总体要求和主要目标",
        "“十五五”时期主要目标任务",
        "今后五年的主要任务",
    ],
)
def test_plan_titles(title):
    assert part_of_title(title) == "plan"


def test_review_part_is_not_overridden_by_planning_words_in_its_text():
    text = "一、2025年工作回顾\n要推进改革，将推动升级，力争加快建设，确保年底前完成，持续全力推进。"
    assert _parts(text) == [("2025年工作回顾", "review")]


def test_subsection_of_a_review_naming_plan_words_stays_in_the_review():
    text = "\n".join(
        [
            "一、2025年工作回顾",
            "（一）扎实推进重点工作",
            "我们完成了改造，实现了增长。",
            "（二）持续加强政府自身建设",
            "我们完成了整改，取得了成效。",
            "（三）下一步工作安排",
            "要推进改革。",
        ]
    )
    sections, _ = build_structure(text)
    assert [(c.title, c.part) for c in sections[0].children] == [
        ("扎实推进重点工作", "review"),
        ("持续加强政府自身建设", "review"),
        ("下一步工作安排", "plan"),
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("“十四五”时期发展成就", [2025]),
        ("“十五五”时期主要目标", [2030]),
        ("“十五”期间主要情况", [2005]),
        ("第一个五年计划的执行情况", [1957]),
        ("2025年和“十四五”时期工作回顾", [2025, 2025]),
        ("推进城市更新", []),
    ],
)
def test_named_years_count_a_five_year_period_by_its_last_year(text, years):
    assert sorted(named_years(text)) == years


def test_five_year_periods():
    assert five_year_period(1) == (1953, 1957)
    assert five_year_period(2) == (1958, 1962)
    assert five_year_period(3) == (1966, 1970)
    assert five_year_period(14) == (2021, 2025)


@pytest.mark.parametrize(
    ("sentence", "plan_year", "part"),
    [
        ("“十四五”时期，全省经济实力显著增强。", 2026, "review"),
        ("“十四五”时期，要基本建成现代产业体系。", 2023, "plan"),
        ("过去一年，国防和军队建设取得新进展。", 2026, "review"),
        ("各位代表，五年来，我们坚持稳中求进。", 2026, "review"),
        ("这五年，城市功能迈上新台阶。", None, "review"),
        ("新的一年，我们要支持国防和军队建设。", 2026, "plan"),
        ("今年是“十五五”开局之年。", 2026, "plan"),
        ("2025年，全市生产总值增长5.2%。", 2026, "review"),
        ("2026年是全面实施新规划的第一年。", 2026, "plan"),
        ("2025年底前完成改造任务。", 2026, None),
        ("全市生产总值增长5%左右。", 2026, None),
        ("要巩固过去一年取得的成果。", 2026, None),
    ],
)
def test_opening_part(sentence, plan_year, part):
    assert opening_part(sentence, plan_year) == part


def test_plan_subsection_titled_with_a_past_period_reviews():
    text = "\n".join(
        [
            "二、关于国民经济和社会发展第十四个五年规划纲要的说明",
            "（一）“十三五”期间主要情况",
            "国内生产总值年均增长5.7%，脱贫攻坚成果举世瞩目，生态环境明显改善。",
            "（二）“十四五”时期主要目标",
            "到2025年，要保持经济运行在合理区间，各年度视情况提出增长目标。",
        ]
    )
    sections, _ = build_structure(text, plan_year=2021)
    parts = {s.title: s.part for root in sections for s in root.walk()}
    assert parts["“十三五”期间主要情况"] == "review"
    assert parts["“十四五”时期主要目标"] == "plan"


def test_numbered_note_naming_a_past_year_keeps_its_part():
    text = "\n".join(
        [
            "二、2026年重点工作",
            "（一）扩大有效投资",
            "1.专项债券：2025年3月，省政府印发实施方案，明确了投向领域。",
        ]
    )
    sections, _ = build_structure(text, plan_year=2026)
    assert {s.part for root in sections for s in root.walk()} == {"plan"}


def test_glossary_title_opens_an_appendix():
    text = "\n".join(
        [
            "二、2026年重点工作",
            "要加快建设现代化产业体系，新建5G基站1万个。",
            "名词解释",
            "1.“两新”：是指大规模设备更新和消费品以旧换新。",
            "2.“两重”：是指国家重大战略实施和重点领域安全能力建设。",
        ]
    )
    sections, lines = build_structure(text, plan_year=2026)
    got = [(s.id, s.title, s.part) for s in sections]
    assert got == [("1", "2026年重点工作", "plan"), ("A1", "名词解释", "appendix")]
    assert [line.role for line in lines[-2:]] == ["item", "item"]


def test_chinese_numeral_years_are_named():
    assert named_years("一九五八年的伟大成就") == [1958]
    assert named_years("二〇二五年工作回顾") == [2025]


def test_title_naming_only_the_plan_year_opens_the_plan():
    text = "\n".join(
        [
            "一、一九五七年经济战线上的胜利",
            "一九五七年，我们完成了第一个五年计划，工业总产值增长了百分之十，取得了巨大成就。",
            "二、我们在一九五八年经济战线上的任务",
            "全国已经取得了丰收，钢产量增长了百分之二十，粮食增产了，群众积极性高涨了。",
        ]
    )
    sections, _ = build_structure(text, plan_year=1958)
    assert [s.part for s in sections] == ["review", "plan"]


def test_numbered_sections_under_an_unmarked_part_heading_keep_its_part():
    text = "\n".join(
        [
            "过去五年工作的基本总结",
            "五年来，我们完成了各项任务，取得了显著成绩。",
            "一、积极推进价格改革",
            "价格改革迈出了步子，理顺了部分比价，市场供应改善了。",
            "二、加强宏观调控",
            "信贷规模得到了控制，财政收支基本平衡了。",
            "今后五年的目标和任务",
            "一、大力发展农业生产",
            "要稳定粮食播种面积，力争粮食产量达到5亿吨。",
        ]
    )
    sections, _ = build_structure(text)
    assert [(s.number, s.part) for s in sections] == [
        (None, "review"), ("一、", "review"), ("二、", "review"), (None, "plan"), ("一、", "plan")
    ]

from __future__ import annotations

import pytest

from kg.loaders.chinese import UNKNOWN, repair_misdecoding, strip_pinyin, to_simplified


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("博采眾長(zhǎng)、見賢思齊", "博采眾長、見賢思齊"),
        ("城市規(guī)劃", "城市規劃"),
        ("部署會（huì）議", "部署會議"),
        ("綠(lǜ)化", "綠化"),
        ("的(de)", "的"),
    ],
)
def test_strip_pinyin(raw, clean):
    assert strip_pinyin(raw) == clean


@pytest.mark.parametrize("text", ["积极拓展(RCEP)市场", "强化PM2.5(细颗粒物)治理", "指数(PM2.5)", "成本(cost)"])
def test_legit_parentheses_are_kept(text):
    assert strip_pinyin(text) == text


def test_to_simplified():
    assert to_simplified("長春市規劃建設，隨著城市發展") == "长春市规划建设，随着城市发展"
    assert to_simplified("著名景區") == "著名景区"


def test_shifted_gbk_run_is_realigned():
    # 燃氣管網: 氣's lead byte was lost, 管網 decoded one byte off (夤芫W).
    assert repair_misdecoding("燃?夤芫W").endswith("管網")
    assert repair_misdecoding("燃?夤芫W").startswith("燃" + UNKNOWN)


def test_lost_character_with_gloss():
    pytest.importorskip("pypinyin")
    assert repair_misdecoding("燃?xì)夤芫W(wǎng)197公里") == "燃氣管網(wǎng)197公里"
    assert repair_misdecoding("故鄉,F(xiàn)在") == "故鄉,現在"


def test_plain_question_mark_is_kept():
    assert repair_misdecoding("是什么? Why?") == "是什么? Why?"


def test_seed_traditional_with_pinyin_is_clean(seed_report):
    text = seed_report("xx-city").text
    assert "品质提升" in text and "长" in text
    assert "zhǎng" not in text and "(" not in text and "長" not in text


def test_char_readings_answer_as_pypinyin_does_for_gbk_characters():
    pypinyin = pytest.importorskip("pypinyin")
    from kg.loaders.chinese import _char_readings

    readings = _char_readings()
    for lead in range(0xB0, 0xF8, 3):  # a spread of GB2312's rows, and GBK's extension below
        for trail in range(0xA1, 0xFF, 7):
            char = bytes([lead, trail]).decode("gbk", errors="ignore")
            if char:
                said = pypinyin.pinyin(char, style=pypinyin.Style.TONE, heteronym=True)[0]
                assert readings.get(ord(char), char).split(",") == said, char
    assert set(readings[ord("长")].split(",")) >= {"cháng", "zhǎng"}


def test_a_gloss_is_resolved_without_importing_pypinyin():
    import subprocess
    import sys

    code = ("import sys\nfrom kg.loaders.chinese import repair_misdecoding\n"
            "print(repair_misdecoding('燃?xì)夤芫W(wǎng)'), 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["燃氣管網(wǎng)", "False"]

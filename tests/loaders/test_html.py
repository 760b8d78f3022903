from __future__ import annotations

from kg.loaders import load_text
from kg.loaders.html import html_to_text, looks_like_html

PAGE = """<!DOCTYPE html><html><head><title>站点</title>
<style>p {color: red}</style><script>var x = "<p>脚本</p>";</script></head>
<body><nav><a href="/">首页</a></nav>
<!-- 注释 -->
<h1>某市人民政府工作报告</h1>
<div><p>一、过去一年工作回顾</p><p>全市经济运行稳中有进&amp;稳中向好，地区生产总值增长5%&nbsp;。</p>
<br/>二、今后工作</div></body></html>"""


def test_html_to_text_drops_script_style_comments_and_keeps_blocks():
    text = html_to_text(PAGE)
    assert "脚本" not in text and "color" not in text and "注释" not in text
    assert text.splitlines() == [
        "首页",
        "某市人民政府工作报告",
        "一、过去一年工作回顾",
        "全市经济运行稳中有进&稳中向好，地区生产总值增长5%\xa0。",
        "二、今后工作",
    ]


def test_looks_like_html():
    assert looks_like_html(PAGE)
    assert not looks_like_html("一、总体要求\n坚持稳中求进。<br>")


def test_html_report_loads():
    report = load_text(PAGE, source="page.html", suffix=".html")
    assert "增长5%。" in report.text
    assert [s.title for s in report.sections] == ["过去一年工作回顾", "今后工作"]
    assert [s.part for s in report.sections] == ["review", "plan"]

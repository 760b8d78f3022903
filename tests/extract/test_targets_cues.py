"""The deadline rule's cue test: a text before a figure holding none of 年, 季, 月, 五 names no deadline."""

from __future__ import annotations

import pytest

from kg.extract import targets


@pytest.mark.parametrize(
    "cue", ["到2025年", "2025年6月底前", "9月中旬前", "上半年", "三季度末", "年底前", "3年内", "今后三年", "今年",
            "明年", "“十四五”期间", "202*年"],
)
def test_every_deadline_cue_holds_a_cue_character(cue: str) -> None:
    assert targets._DEADLINE_RE.search(cue) is not None
    assert targets._DEADLINE_CHAR.search(cue) is not None


def test_deadline_before_a_figure_is_found_only_before_it() -> None:
    text = "新建道路12公里，2027年底前完成"
    assert targets._deadline_from(text, 2026, before=text.index("12")) == (False, None)
    found, value = targets._deadline_from(text, 2026, before=len(text))
    assert found and value == "2027"

"""Comparing two reports."""

from __future__ import annotations

import pytest

from kg.analyse.compare import compare_reports
from kg.errors import KgError


def test_compare_small_reports(small):
    index, _, _ = small
    result = compare_reports(index, "a.txt", "some/folder/b.txt")
    kinds = {k.kind: k for k in result.kinds}
    assert kinds["agency"].shared == ("生态环境局",)  # compared without the jurisdiction
    assert kinds["agency"].only_a == ("交通局", "卫健委", "教育局", "水利局")
    assert kinds["agency"].only_b == ()
    assert kinds["place"].shared == ("甲河",) and kinds["place"].only_b == ("乙河",)
    assert kinds["indicator"].shared == ("水质",)
    assert kinds["indicator"].only_a == ("学校", "道路")
    assert kinds["agency"].jaccard == 0.2
    columns, values = result.rows()
    assert columns == ["kind", "in", "name"]
    assert ["place", "only B", "乙河"] in values


def test_compare_unknown_report_names_the_known_ones(small):
    index, _, _ = small
    with pytest.raises(KgError, match=r"nope\.txt: no such report.*a\.txt, b\.txt"):
        compare_reports(index, "nope.txt", "a.txt")


def test_compare_examples(example_index):
    result = compare_reports(example_index, "liaocheng-2023-gov-report-part.txt",
                             "liaocheng-dongchangfu-2023-gov-report")
    places = next(k for k in result.kinds if k.kind == "place")
    assert "班滑河" in places.shared

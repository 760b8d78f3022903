"""``kg build`` makes the garbage collector cheaper while it builds, and leaves it as it found it."""

from __future__ import annotations

import atexit
import gc

from click.testing import CliRunner

from kg.cli import main

REPORT = (
    "测试市人民政府工作报告\n\n"
    "一、主要目标\n\n"
    "到2025年，测试市新建公共充电桩3000个，城市生活垃圾回收利用率达到35%以上。\n"
    "市发展改革委牵头推进新型城镇化建设。\n"
)


def test_build_restores_the_collector(tmp_path, monkeypatch):
    import kg.extract.pipeline as pipeline

    report = tmp_path / "test-city-2024-report.txt"
    report.write_text(REPORT, encoding="utf-8")
    seen: list[tuple[tuple[int, int, int], int]] = []
    extract = pipeline.extract_report

    def observed(rep):  # what the collector is set to while a report is extracted
        seen.append((gc.get_threshold(), gc.get_freeze_count()))
        return extract(rep)

    monkeypatch.setattr(pipeline, "extract_report", observed)
    before = gc.get_threshold()
    try:
        result = CliRunner().invoke(main, ["build", str(report), "--store", str(tmp_path / "store"), "-q"])
    finally:
        atexit.unregister(gc.freeze)  # this test process goes on
    assert result.exit_code == 0, result.output
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    assert seen and all(threshold[0] > before[0] and frozen > 0 for threshold, frozen in seen)

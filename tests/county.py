"""Two tiny work reports of a made-up county (示例县) for consecutive years, written for the tests
of datasets, kg track and kg diff: 2024 promises GDP 6%左右, jobs 2000以上, CPI 3%左右; the 2025
report reviews 2024 (5.5%, 2300, 0.5%) and promises GDP 5.5%左右, jobs 2000以上 and grain 10万吨以上."""

from __future__ import annotations

import csv
from pathlib import Path

REPORT_2024 = (
    "各位代表：\n一、2023年工作回顾\n过去一年，全县地区生产总值增长6.2%，城镇新增就业2100人，居民消费价格上涨1.5%。\n"
    "二、2024年工作安排\n今年经济社会发展主要预期目标是：地区生产总值增长6%左右，城镇新增就业2000人以上，居民消费价格涨幅3%左右。\n"
)
REPORT_2025 = (
    "各位代表：\n一、2024年工作回顾\n过去一年，全县地区生产总值增长5.5%，城镇新增就业2300人，居民消费价格上涨0.5%。\n"
    "二、2025年工作安排\n今年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业2000人以上，粮食产量稳定在10万吨以上。\n"
)
COLUMNS = ["title", "year", "jurisdiction", "issuer", "full_text"]
ROWS = [
    ["2024年示例县政府工作报告", "2024", "示例县", "示例县人民政府", REPORT_2024],
    ["2025年示例县政府工作报告", "2025", "示例县", "示例县人民政府", REPORT_2025],
]


def write_county_csv(path: Path, *, encoding: str = "utf-8-sig", extra: list[list[str]] = ()) -> Path:
    """The two reports as a CSV dataset (BOM by default), plus ``extra`` rows."""
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows([*ROWS, *extra])
    return path

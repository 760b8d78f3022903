"""Datasets as reports: CSV (BOM, GBK), TSV, JSON Lines rows; bad rows; metadata.csv; stable names."""

from __future__ import annotations

import json
from pathlib import Path

from kg.build import build, report_sources
from kg.loaders import load_report
from kg.loaders.datasets import DatasetOptions, dataset_inputs
from kg.store import open_store
from tests.county import REPORT_2024, REPORT_2025, write_county_csv


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_csv_rows_become_reports_with_row_metadata(tmp_path):
    inputs, errors = dataset_inputs(write_county_csv(tmp_path / "county.csv"))
    assert not errors
    assert [i.source for i in inputs] == ["county.csv#2024年示例县政府工作报告@2024",
                                          "county.csv#2025年示例县政府工作报告@2025"]
    report = load_report(inputs[0])
    assert report.source == inputs[0].source
    assert (report.meta.title, report.meta.jurisdiction, report.meta.issuer) == ("2024年示例县政府工作报告", "示例县",
                                                                               "示例县人民政府")
    assert report.meta.plan_year == 2024 and report.meta.kind == "政府工作报告"
    assert {s.part for s in report.sentences} >= {"review", "plan"}


def test_gbk_csv_and_tsv_read_alike(tmp_path):
    gbk, _ = dataset_inputs(write_county_csv(tmp_path / "county.csv", encoding="gbk"))
    tsv = tmp_path / "county.tsv"
    tsv.write_text("name\tyear\tbody\n示例县报告\t2024\t" + REPORT_2024.replace("\n", " ") + "\n", encoding="utf-8")
    rows, errors = dataset_inputs(tsv, DatasetOptions(text_column="body", columns={"title": "name"}))
    assert not errors and len(gbk) == 2
    assert rows[0].source == "county.tsv#示例县报告@2024" and dict(rows[0].meta)["title"] == "示例县报告"


def test_bad_rows_are_errors_naming_the_row_and_good_rows_build(tmp_path):
    path = _jsonl(tmp_path / "reports.jsonl", [
        {"title": "2024年示例县政府工作报告", "year": 2024, "jurisdiction": "示例县", "content": REPORT_2024},
        "{not json",
        {"title": "空的", "content": "   "},
        ["a", "list"],
        {"title": "没有正文"},
        {"url": "https://example.org/r/2025.html", "year": "2025", "jurisdiction": "示例县", "content": REPORT_2025},
    ])
    inputs, errors = dataset_inputs(path)
    assert [str(e) for e in errors] == [
        f"{path}:row 2: not JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{path}:row 3: no text in column 'content'",
        f"{path}:row 4: a JSON list, not an object",
        f"{path}:row 5: no text in column 'content'",
    ]
    assert [i.source for i in inputs] == ["reports.jsonl#2024年示例县政府工作报告@2024", "reports.jsonl#2025.html"]
    with open_store(memory=True) as store:
        result = build([path], store)
        assert len(result.built) == 2 and len(result.failed) == 4
        assert len(build([path], store).unchanged) == 2  # unchanged rows are skipped
        again = build([path], store, force=True)  # the same rows replace their graphs, never duplicate them
        assert [s.graph for s in again.built] == [s.graph for s in result.built]
        assert len(store.report_graphs()) == 2


def test_dataset_without_text_column_is_one_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("title,year\n甲,2024\n", encoding="utf-8")
    assert [str(e) for e in dataset_inputs(path)[1]] == [
        f"{path}: no text column content or full_text or text (name it with --text-column)"]
    assert [str(e) for e in dataset_inputs(path, DatasetOptions(text_column="body"))[1]] == [
        f"{path}: no text column 'body' (name it with --text-column)"]


def test_duplicate_keys_are_refused(tmp_path):
    again = ["2024年示例县政府工作报告", "2024", "示例县", "", REPORT_2025]
    path = write_county_csv(tmp_path / "c.csv", extra=[again])
    inputs, errors = dataset_inputs(path)
    assert len(inputs) == 2
    assert [e.reason for e in errors] == ["same key '2024年示例县政府工作报告@2024' as row 1 (not built)"]


def test_resolution_is_its_own_kind_and_names_the_report_it_approves(tmp_path):
    resolution = ("第九届全国人民代表大会第一次会议听取和审议了国务院总理所作的政府工作报告。"
                  "会议同意报告提出的2024年经济社会发展的总体要求和主要任务，决定批准这个报告。")
    path = _jsonl(tmp_path / "n.jsonl", [
        {"title": "2024年示例县政府工作报告", "year": 2024, "content": REPORT_2024},
        {"title": "第九届全国人民代表大会第一次会议关于政府工作报告的决议", "content": resolution},
    ])
    inputs, _ = dataset_inputs(path)
    report = load_report(inputs[1])
    assert report.meta.kind == "决议" and report.meta.plan_year == 2024
    assert report.meta.approves == "n.jsonl#2024年示例县政府工作报告@2024"
    assert (report.meta.issuer, report.meta.jurisdiction) == ("全国人民代表大会", "中国")
    with open_store(memory=True) as store:
        build([path], store)
        ask = "ASK { GRAPH ?g { ?res kg:approves ?r } GRAPH ?r { ?r kg:sourceFile ?s } }"
        assert store.query(ask).askAnswer


def test_folder_metadata_csv_overrides_the_text(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_2024, encoding="utf-8")
    (folder / "b.txt").write_text(REPORT_2025, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,title,jurisdiction,date\na.txt,示例县政府工作报告,示例县,2024-01-15\n"
                                         "missing.txt,x,y,2024\n", encoding="utf-8")
    named, errors = report_sources([folder])
    assert [e.reason for e in errors] == ["no such file 'missing.txt' in the folder"]
    assert [source for _, source in named] == ["a.txt", "b.txt"]
    a = load_report(named[0][0], source=named[0][1])
    assert (a.meta.title, a.meta.jurisdiction, a.meta.date, a.meta.plan_year) == ("示例县政府工作报告", "示例县",
                                                                                  "2024-01-15", 2024)
    assert load_report(named[1][0]).meta.jurisdiction != "示例县"


def test_eval_reads_a_folder_with_metadata_csv(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_2024, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,jurisdiction\na.txt,示例县\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.gold.json").write_text(json.dumps({"document": {"jurisdiction": "示例县"}}), encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--reports", str(folder), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["documents"]["jurisdiction"]["accuracy"] == 1.0  # metadata.csv was applied


def test_a_row_title_gives_the_issuer_the_text_lacks(tmp_path):
    path = _jsonl(tmp_path / "n.jsonl", [{"title": "1999年中华人民共和国国务院政府工作报告", "year": "1999",
                                          "content": REPORT_2024.replace("全县", "全国")}])
    report = load_report(dataset_inputs(path)[0][0])
    assert (report.meta.issuer, report.meta.jurisdiction, report.meta.plan_year) == ("国务院", "中国", 1999)


def test_row_title_names_the_issuer_over_a_title_the_text_cites(tmp_path):
    """Regression: a State Council report whose text opens by citing 《中共中央关于…的决定（草案）》 got 中共中央."""
    text = ("各位代表：\n现在，我受国务院的委托，向全国人民代表大会报告政府工作。\n"
            "中共中央关于加快示例发展若干问题的决定（草案）\n今年粮食产量要达到六千亿斤。\n")
    path = _jsonl(tmp_path / "national.jsonl", [{"title": "1979年中华人民共和国国务院政府工作报告", "year": "1979",
                                                "content": text}])
    inputs, errors = dataset_inputs(path)
    report = load_report(inputs[0])
    assert not errors and (report.meta.issuer, report.meta.jurisdiction) == ("国务院", "中国")

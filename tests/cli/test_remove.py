"""``kg remove`` and the build summary's unchanged count, through the CLI."""

from __future__ import annotations

from kg.cli import main
from kg.store import open_store

REPORT = """绿水市人民政府工作报告
一、2024年工作回顾
全市新建口袋公园9处。
二、2025年主要任务
市水利局治理清水河3条。
"""


def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "north").mkdir(parents=True)
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "north" / "b.txt").write_text(REPORT.replace("9处", "4处"), encoding="utf-8")
    return folder


def _sources(store_dir) -> list[str]:
    with open_store(store_dir, read_only=True) as store:
        return sorted(str(g).rsplit("/", 1)[-1] for g in store.report_graphs())


def test_rebuild_says_unchanged_and_force_rebuilds(runner, tmp_path):
    folder, store = _corpus(tmp_path), str(tmp_path / "store")
    first = runner.invoke(main, ["build", str(folder), "--store", store])
    assert first.exit_code == 0 and "built 2, unchanged 0, failed 0" in first.stdout
    again = runner.invoke(main, ["build", str(folder), "--store", store])
    assert again.exit_code == 0, again.output
    assert "built 2" not in again.stdout and "built 0, unchanged 2, failed 0" in again.stdout
    assert "report " not in again.stdout  # no table of reports built
    forced = runner.invoke(main, ["build", str(folder), "--force", "--store", store])
    assert "built 2, unchanged 0" in forced.stdout and "(2 rows)" in forced.stdout


def test_remove_by_source_name_and_by_path(runner, tmp_path):
    folder, store = _corpus(tmp_path), str(tmp_path / "store")
    assert runner.invoke(main, ["build", "-q", str(folder), "--store", store]).exit_code == 0
    before = _sources(store)
    result = runner.invoke(main, ["remove", "north/b.txt", "--store", store])
    assert result.exit_code == 0, result.output
    assert "removed north/b.txt" in result.stdout and "1 report removed" in result.stdout
    assert len(_sources(store)) == len(before) - 1
    result = runner.invoke(main, ["remove", str(folder / "a.txt"), "--store", store])
    assert result.exit_code == 0, result.output
    assert _sources(store) == []
    rebuilt = runner.invoke(main, ["build", str(folder), "--store", store])
    assert "built 2, unchanged 0" in rebuilt.stdout  # removed reports are built again, not skipped


def test_remove_unknown_name_is_one_line_error_and_removes_nothing(runner, tmp_path):
    folder, store = _corpus(tmp_path), str(tmp_path / "store")
    runner.invoke(main, ["build", "-q", str(folder), "--store", store])
    result = runner.invoke(main, ["remove", "a.txt", "missing\n.txt", "--store", store])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: missing\\n.txt: no such report in {store} "
                                      "(`kg query reports` lists them)")
    assert len(_sources(store)) == 2

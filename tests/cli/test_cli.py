"""The kg command line, run in-process with click's CliRunner against temporary stores."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from kg.build import build
from kg.cli import main
from kg.evaluate import KINDS, evaluate
from kg.store import open_store
from tests.conftest import DONGCHANGFU, EXAMPLES, GOLD, QUERIES, gold_record, release

SMALL = "changchun-erdao-2021-gov-report.txt"
COMMANDS = ["build", "query", "export", "validate", "stats", "extract", "eval"]


def _quads(folder: Path) -> int:
    with open_store(folder, read_only=True) as store:
        return len(store)


def _error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("error:")]


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    """One small report built into an on-disk store."""
    folder = tmp_path_factory.mktemp("cli-small") / "store"
    store = open_store(folder)
    result = build([EXAMPLES / SMALL], store)
    release(store)
    assert result.ok
    return folder


@pytest.fixture
def small_copy(small_store, tmp_path) -> Path:
    folder = tmp_path / "store"
    shutil.copytree(small_store, folder)
    return folder


# build -------------------------------------------------------------------------------------------------
def test_build_examples_prints_summary(runner, tmp_path):
    store = tmp_path / "store"
    result = runner.invoke(main, ["build", str(EXAMPLES), "--store", str(store)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("report"))
    for column in ("triples", "sentences", "agencies", "places", "policies", "plans", "targets"):
        assert column in header
    for path in EXAMPLES.glob("*.txt"):
        assert any(line.startswith(path.name) for line in lines), path.name
    assert "(5 rows)" in result.stdout
    assert f"stored in {store}" in result.stdout
    assert _error_lines(result.stderr) == []
    with open_store(store, read_only=True) as opened:
        assert len(opened.report_graphs()) == 5


def test_build_quiet_prints_nothing(runner, tmp_path):
    result = runner.invoke(main, ["build", "-q", str(EXAMPLES / SMALL), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0
    assert result.stdout == ""


def _make_bad(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / {"missing": "nope.txt", "empty": "empty.txt", "binary": "image.txt",
                       "undecodable": "latin.txt", "no structure": "english.txt"}[kind]
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8)
    elif kind == "undecodable":
        path.write_bytes(bytes(range(128, 256)) * 20)
    elif kind == "no structure":
        path.write_text("Dear reader, this is only an English note without any structure.\n" * 8, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "undecodable", "no structure"])
def test_build_bad_input(runner, small_copy, tmp_path, kind):
    before = _quads(small_copy)
    path = _make_bad(tmp_path, kind)
    result = runner.invoke(main, ["build", str(path), "--store", str(small_copy)])
    assert result.exit_code == 1
    errors = _error_lines(result.stderr)
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {path}: ")
    assert len(errors[0]) > len(f"error: {path}: ")
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert _quads(small_copy) == before


def test_build_folder_with_one_bad_file(runner, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(EXAMPLES / SMALL, folder / SMALL)
    bad = _make_bad(folder, "empty")
    store = tmp_path / "store"
    result = runner.invoke(main, ["build", str(folder), "--store", str(store)])
    assert result.exit_code == 1
    errors = _error_lines(result.stderr)
    assert len(errors) == 1 and errors[0].startswith(f"error: {bad}: ")
    assert SMALL in result.stdout
    with open_store(store, read_only=True) as opened:
        assert [str(g).rsplit("/", 1)[-1] for g in opened.report_graphs()] == [Path(SMALL).stem]


UNPLACED = "政府工作报告\n一、过去一年的工作\n过去一年，我们坚持稳中求进，推动经济持续向好。今年要扎实做好各项工作。\n"


def test_build_warns_about_a_report_without_issuer_or_jurisdiction(runner, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(EXAMPLES / SMALL, folder / SMALL)
    (folder / "unplaced.txt").write_text(UNPLACED, encoding="utf-8")
    result = runner.invoke(main, ["build", str(folder), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: unplaced.txt: no issuer or jurisdiction found"]


def test_build_into_a_locked_store_is_one_line(runner, tmp_path):
    folder = tmp_path / "store"
    holder = open_store(folder)
    try:
        result = runner.invoke(main, ["build", str(EXAMPLES / SMALL), "--store", str(folder)])
    finally:
        release(holder)
    assert result.exit_code == 1
    assert "another process" in result.stderr
    assert "Traceback" not in result.output


# query -------------------------------------------------------------------------------------------------
def test_query_list(runner):
    result = runner.invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    for path in QUERIES.glob("*.rq"):
        assert path.stem in result.stdout


@pytest.fixture(scope="module")
def examples_dir(example_store_dir, example_store) -> str:
    return str(example_store_dir)


def test_query_formats(runner, examples_dir):
    table = runner.invoke(main, ["query", "reports", "--store", examples_dir])
    assert table.exit_code == 0, table.output
    assert "(5 rows)" in table.stdout
    as_csv = runner.invoke(main, ["query", "reports", "--format", "csv", "--store", examples_dir])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == 5
    assert {r["report"] for r in rows} == {p.name for p in EXAMPLES.glob("*.txt")}
    as_json = runner.invoke(main, ["query", "reports", "--format", "json", "--store", examples_dir])
    data = json.loads(as_json.stdout)
    assert len(data) == 5
    dongchangfu = next(r for r in data if r["report"] == DONGCHANGFU)
    assert dongchangfu["jurisdiction"] == "东昌府区"
    assert isinstance(dongchangfu["targets"], int)


def test_query_with_parameter(runner, examples_dir):
    result = runner.invoke(main, ["query", "targets_about_place", "-p", "place=聊城市", "--format", "json",
                                  "--store", examples_dir])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(r["place"] == "聊城市" for r in rows)
    bad = runner.invoke(main, ["query", "targets_about_place", "-p", "place", "--store", examples_dir])
    assert bad.exit_code != 0


def test_query_file_and_inline(runner, examples_dir):
    by_file = runner.invoke(main, ["query", str(QUERIES / "reports.rq"), "--format", "csv", "--store", examples_dir])
    assert by_file.exit_code == 0
    inline = runner.invoke(main, ["query", "-e", "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a kg:Report }",
                                  "--format", "csv", "--store", examples_dir])
    assert inline.exit_code == 0, inline.output
    assert inline.stdout.splitlines() == ["n", "5"]
    ask = runner.invoke(main, ["query", "-e", "ASK { ?t a kg:Target }", "--store", examples_dir])
    assert ask.stdout.strip() == "true"


@pytest.mark.parametrize("args", [
    ["-e", "SELEC ?x WHERE { ?x ?y ?z }"],
    ["-e", "SELECT ?x WHERE { ?x ?y }"],
    ["no_such_query"],
    [],
])
def test_query_errors_are_one_line(runner, examples_dir, args):
    result = runner.invoke(main, ["query", *args, "--store", examples_dir])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.stderr


def test_query_missing_store(runner, tmp_path):
    result = runner.invoke(main, ["query", "reports", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "kg build" in result.stderr
    assert not (tmp_path / "none").exists()


def test_query_parameter_is_not_pasted(runner, small_copy):
    before = _quads(small_copy)
    result = runner.invoke(main, ["query", "targets_about_place", "-p", 'place=x" } ; DROP ALL ; #',
                                  "--format", "json", "--store", str(small_copy)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert _quads(small_copy) == before


# export ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("ntriples", "nt"), ("nquads", "nquads"),
                                        ("trig", "trig"), ("jsonld", "json-ld")])
def test_export_rdf_formats(runner, small_store, tmp_path, fmt, parser):
    out = tmp_path / f"kg.{fmt}"
    result = runner.invoke(main, ["export", "--format", fmt, "-o", str(out), "--store", str(small_store)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.stderr
    text = out.read_text(encoding="utf-8")
    with open_store(small_store, read_only=True) as store:
        graph_name = str(store.report_graphs()[0])
        expected = len(store.graph(store.report_graphs()[0]))
    if fmt in ("nquads", "trig", "jsonld"):
        dataset = Dataset()
        dataset.parse(data=text, format=parser)
        quads = list(dataset.quads((None, None, None, None)))
        assert len(quads) == expected
        assert {str(g.identifier if hasattr(g, "identifier") else g) for *_, g in quads} == {graph_name}
    else:
        assert len(Graph().parse(data=text, format=parser)) == expected


def test_export_to_stdout(runner, small_store):
    result = runner.invoke(main, ["export", "--format", "nquads", "--store", str(small_store)])
    assert result.exit_code == 0
    assert result.stdout.count("\n") > 100


def test_export_csv_and_graphml(runner, small_store, tmp_path):
    result = runner.invoke(main, ["export", "--format", "csv", "-o", str(tmp_path / "csv"), "--store",
                                  str(small_store)])
    assert result.exit_code == 0, result.output
    nodes = list(csv.DictReader((tmp_path / "csv" / "nodes.csv").open(encoding="utf-8")))
    edges = list(csv.DictReader((tmp_path / "csv" / "edges.csv").open(encoding="utf-8")))
    assert nodes and edges
    result = runner.invoke(main, ["export", "--format", "graphml", "-o", str(tmp_path / "kg.graphml"), "--store",
                                  str(small_store)])
    assert result.exit_code == 0
    graph = nx.read_graphml(tmp_path / "kg.graphml")
    assert graph.number_of_nodes() == len(nodes)
    assert graph.number_of_edges() == len(edges)


def test_export_csv_needs_a_folder(runner, small_store):
    result = runner.invoke(main, ["export", "--format", "csv", "--store", str(small_store)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_export_unknown_format(runner, small_store):
    result = runner.invoke(main, ["export", "--format", "rdfxml", "--store", str(small_store)])
    assert result.exit_code == 2


# validate, stats -----------------------------------------------------------------------------------------
def test_validate_examples(runner, examples_dir):
    result = runner.invoke(main, ["validate", "--store", examples_dir])
    assert result.exit_code == 0, result.output[-2000:]
    assert "conforms" in result.stdout


def test_validate_broken_store(runner, small_copy):
    with open_store(small_copy) as store:
        name = store.report_graphs()[0]
        store.ox.update(f"DELETE WHERE {{ GRAPH <{name}> {{ ?t <https://w3id.org/kg-cn/ontology#unit> ?u }} }}")
        broken = len(store.query("SELECT ?t WHERE { ?t a kg:Target }"))
    assert broken > 0
    result = runner.invoke(main, ["validate", "--store", str(small_copy)])
    assert result.exit_code == 1
    assert f"{broken} SHACL violation(s)" in result.stderr
    assert "Traceback" not in result.output


def test_stats_json(runner, examples_dir):
    result = runner.invoke(main, ["stats", "--format", "json", "--store", examples_dir])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["report"] for r in rows] == sorted(p.name for p in EXAMPLES.glob("*.txt"))
    for row in rows:
        assert set(row) == {"report", "sentences", "agencies", "places", "policies", "plans", "targets"}
        assert row["sentences"] > 0 and row["targets"] > 0


def test_stats_table(runner, examples_dir):
    result = runner.invoke(main, ["stats", "--store", examples_dir])
    assert result.exit_code == 0
    assert "5 report graphs" in result.stdout


# extract, eval -------------------------------------------------------------------------------------------
def test_extract_json_matches_gold_schema(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the command must not create a store anywhere
    result = runner.invoke(main, ["extract", str(EXAMPLES / DONGCHANGFU), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    gold = gold_record(DONGCHANGFU)
    assert set(record) == set(gold)
    assert record["source"] == DONGCHANGFU
    assert record["document"] == gold["document"]
    assert any(t["value"] == 4 and t["unit"] == "条" for t in record["targets"])
    assert not (tmp_path / ".kg").exists()


def test_extract_summary_and_bad_file(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(EXAMPLES / DONGCHANGFU)])
    assert result.exit_code == 0
    assert "jurisdiction: 东昌府区" in result.stdout
    empty = _make_bad(tmp_path, "empty")
    result = runner.invoke(main, ["extract", str(empty)])
    assert result.exit_code == 1
    assert str(empty) in result.stderr
    assert "Traceback" not in result.output


def test_extract_of_a_dataset_gives_every_row(runner, tmp_path):
    """A JSON Lines file is one report per row: the summary names each, --json is an array."""
    text = (EXAMPLES / DONGCHANGFU).read_text(encoding="utf-8")
    rows = [{"title": f"{year}年示例区政府工作报告", "year": year, "content": text} for year in (2023, 2024)]
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    sources = [f"reports.jsonl#{year}年示例区政府工作报告@{year}" for year in (2023, 2024)]
    assert [r["source"] for r in records] == sources
    assert all(r["targets"] for r in records)
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 0 and result.stdout.count("== reports.jsonl#") == 2
    path.write_text(json.dumps({"title": "没有正文"}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output and str(path) in result.stderr


def test_eval_with_reports(runner, example_store):
    result = runner.invoke(main, ["eval", "--gold", str(GOLD), "--reports", str(EXAMPLES), "--show-errors"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "precision" in out and "recall" in out and "F1" in out
    lines = out.splitlines()
    for kind in KINDS:
        assert any(line.startswith(kind) for line in lines), kind
    for path in EXAMPLES.glob("*.txt"):
        assert any(line.startswith(path.name) for line in lines), path.name
    outcome = evaluate(example_store, GOLD)
    misses = sum(len(c.misses) for c in outcome.totals.values())
    false_hits = sum(len(c.false_hits) for c in outcome.totals.values())
    assert sum(line.startswith("  MISS ") for line in lines) == misses
    assert sum(line.startswith("  FALSE ") for line in lines) == false_hits
    for kind in KINDS:
        assert any(line.startswith(f"== {kind}:") for line in lines)


def test_eval_json_against_store(runner, examples_dir):
    result = runner.invoke(main, ["eval", "--gold", str(GOLD), "--store", examples_dir, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"kinds", "documents", "genres", "reports", "warnings"}
    assert set(data["kinds"]) == set(KINDS)
    assert len(data["reports"]) == 5


def test_eval_reports_missing_ones(runner, small_store):
    result = runner.invoke(main, ["eval", "--gold", str(GOLD), "--store", str(small_store)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == len(list(GOLD.glob("*.gold.json"))) - 1
    assert all("gold file with no report" in line and "not in the store" in line for line in warnings)
    assert not any(Path(SMALL).stem in line for line in warnings)
    assert "Traceback" not in result.output



def _copy_reports(folder: Path, names: list[str], rename: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(EXAMPLES / name, folder / (rename or {}).get(name, name))
    return folder


def test_eval_repeatable_gold_and_report_folders(runner, tmp_path):
    names = sorted(p.name for p in EXAMPLES.glob("*.txt"))
    first, second = _copy_reports(tmp_path / "r1", names[:2]), _copy_reports(tmp_path / "r2", names[2:])
    golds = sorted(GOLD.glob("*.gold.json"))
    gold_a, gold_b = tmp_path / "g1", tmp_path / "g2"
    for folder, paths in ((gold_a, golds[::2]), (gold_b, golds[1::2])):
        folder.mkdir()
        for path in paths:
            shutil.copy(path, folder / path.name)
    split = runner.invoke(main, ["eval", "--gold", str(gold_a), "--gold", str(gold_b), "--reports", str(first),
                                 "--reports", str(second), "--format", "json"])
    whole = runner.invoke(main, ["eval", "--gold", str(GOLD), "--reports", str(EXAMPLES), "--format", "json"])
    assert split.exit_code == 0 and whole.exit_code == 0, split.output + whole.output
    assert json.loads(split.stdout) == json.loads(whole.stdout)
    assert set(json.loads(split.stdout)["reports"]) == set(names)


def test_eval_stem_clash_is_one_error_line(runner, tmp_path):
    first = _copy_reports(tmp_path / "r1", [SMALL])
    second = _copy_reports(tmp_path / "r2", [SMALL], {SMALL: SMALL.replace(".txt", ".html")})
    result = runner.invoke(main, ["eval", "--gold", str(GOLD), "--reports", str(first), "--reports", str(second)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(first / SMALL) in lines[0] and str(second / SMALL.replace(".txt", ".html")) in lines[0]
    assert "Traceback" not in result.output


def test_eval_warns_of_gold_without_report_and_report_without_gold(runner, tmp_path):
    folder = _copy_reports(tmp_path / "r", [SMALL], {SMALL: "unannotated-report.txt"})
    shutil.copy(EXAMPLES / SMALL, folder / SMALL)
    result = runner.invoke(main, ["eval", "--gold", str(GOLD), "--reports", str(folder)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert "warning: unannotated-report.txt: report with no gold file" in warnings
    no_report = [line for line in warnings if "gold file with no report" in line]
    assert len(no_report) == len(list(GOLD.glob("*.gold.json"))) - 1
    assert not any(Path(SMALL).stem in line for line in warnings)
    assert any(line.startswith(SMALL) for line in result.stdout.splitlines())


def test_eval_nothing_to_score_fails(runner, tmp_path):
    folder = _copy_reports(tmp_path / "r", [SMALL], {SMALL: "unannotated-report.txt"})
    result = runner.invoke(main, ["eval", "--gold", str(GOLD), "--reports", str(folder)])
    assert result.exit_code == 1
    assert "nothing to score" in result.stderr


def _gold_copy(tmp_path: Path, **document) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    gold = gold_record(SMALL)
    gold["document"].update(document)
    (folder / f"{Path(SMALL).stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


def test_eval_document_fields_in_tables_json_csv_and_errors(runner, tmp_path):
    gold = _gold_copy(tmp_path, issuer="某某区人民政府")   # the stored report names another issuer
    reports = _copy_reports(tmp_path / "r", [SMALL])
    args = ["eval", "--gold", str(gold), "--reports", str(reports)]
    table = runner.invoke(main, [*args, "--show-errors"])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    header = next(line for line in lines if line.startswith("report "))
    assert header.split()[-6:] == ["title", "issuer", "jurisdiction", "parents", "date", "kind"]
    row = next(line for line in lines if line.startswith(SMALL))
    marks = row.split()[-6:]
    assert set(marks) <= {"✓", "✗"} and marks[1] == "✗"   # issuer
    assert any(line.startswith("issuer") and "0.000 (0/1)" in line for line in lines)
    assert any(line.startswith("work reports") for line in lines)
    assert any(line.startswith(f"  WRONG {SMALL} issuer: gold '某某区人民政府'") for line in lines)

    data = json.loads(runner.invoke(main, [*args, "--format", "json"]).stdout)
    assert data["documents"]["issuer"] == {"right": 0, "total": 1, "accuracy": 0.0}
    assert data["documents"]["title"]["accuracy"] == 1.0
    assert data["genres"]["work_report"]["reports"] == 1 and data["genres"]["policy"]["reports"] == 0
    report = data["reports"][SMALL]
    assert report["genre"] == "work_report"
    assert report["documents"]["issuer"]["right"] is False and report["documents"]["issuer"]["gold"] == "某某区人民政府"
    assert set(report["kinds"]) == set(KINDS)

    rows = list(csv.reader(io.StringIO(runner.invoke(main, [*args, "--format", "csv"]).stdout)))
    assert rows[0] == ["scope", "name", "item", "metric", "value"]
    assert ["report", SMALL, "issuer", "right", "0"] in rows
    assert ["report", SMALL, "issuer", "gold", "某某区人民政府"] in rows
    assert ["total", "", "issuer", "right", "0"] in rows
    assert any(r[:4] == ["genre", "work_report", "targets", "f1"] for r in rows)


# help ----------------------------------------------------------------------------------------------------
def test_main_help(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout

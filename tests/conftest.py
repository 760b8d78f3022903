"""Shared fixtures: the example store (built once), a hand-made tiny report, a CLI runner."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.extract.model import Agency, Extraction, Organization, Place, Plan, Policy, Target
from kg.loaders.model import ListItem, Metadata, Report, Section, Sentence

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "reports"
QUERIES = ROOT / "queries"
SHARED = Path(os.environ.get("KG_SHARED") or ROOT.parent / "shared")
"""The shared data folder: ``$KG_SHARED``, else ``../shared`` beside the checkout (a git worktree elsewhere sets it)."""
GOLD = SHARED / "gold"
DONGCHANGFU = "liaocheng-dongchangfu-2023-gov-report.txt"
ONTOLOGY_GRAPH = "https://w3id.org/kg-cn/graph/ontology"


def gold_record(source: str) -> dict:
    """The gold JSON of one example report (skips the test when the gold folder is absent)."""
    path = GOLD / f"{Path(source).stem}.gold.json"
    if not path.exists():
        pytest.skip(f"gold file {path} not available")
    return json.loads(path.read_text(encoding="utf-8"))


def release(store) -> None:
    """Close a store and collect garbage, so that others can open its folder at once."""
    store.close()
    gc.collect()


def data_quads(store) -> set[str]:
    """Every quad of the store outside the ontology graph, as N-Quads-like text."""
    return {
        f"{q.subject} {q.predicate} {q.object} {q.graph_name}"
        for q in store.quads()
        if getattr(q.graph_name, "value", None) != ONTOLOGY_GRAPH
    }


# --------------------------------------------------------------------------------------
# the example store
# --------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def example_store_dir(tmp_path_factory) -> Iterator[Path]:
    from kg.build import build
    from kg.store import open_store

    folder = tmp_path_factory.mktemp("example-store") / "store"
    store = open_store(folder)
    result = build([EXAMPLES], store)
    release(store)
    assert not result.failed, [str(e) for e in result.failed]
    assert len(result.built) == 5
    yield folder


@pytest.fixture(scope="session")
def example_store(example_store_dir):
    """The five example reports built into an on-disk store (opened read-only, shared)."""
    from kg.store import open_store

    store = open_store(example_store_dir, read_only=True)
    yield store
    release(store)


# --------------------------------------------------------------------------------------
# a report made by hand, independent of loaders and extractors
# --------------------------------------------------------------------------------------
TINY_LINES = [
    "一、重点工作",  # 0: section heading
    "区水利局牵头开展河湖清理行动，2023年底前完成班滑河等4条河道整治。",  # 1
    "制定《东昌府区河道管理办法》，落实《东昌府区河道管理暂行办法》。",  # 2
    "新建口袋公园10处，绿化面积2.5万亩[实事1]。",  # 3
    "聊城供电公司配合完成电网改造。",  # 4
    "附件1 民生实事",  # 5: appendix heading
    "1.建设口袋公园10处（区住建局）",  # 6
]


def make_tiny(
    source: str = "tiny-report.txt",
    *,
    place_name: str = "班滑河",
    sentence_extra: str = "",
    agency_mention: str = "区水利局",
    agency_name: str = "水利局",
    comparator: str = "=",
) -> tuple[Report, Extraction]:
    """A small, fully hand-made report and extraction (see ``TINY_LINES``)."""
    lines = list(TINY_LINES)
    lines[1] = lines[1].replace("区水利局", agency_mention).replace("班滑河", place_name) + sentence_extra
    text = "\n".join(lines) + "\n"
    offsets, pos = [], 0
    for line in lines:
        offsets.append((pos, pos + len(line)))
        pos += len(line) + 1
    sub = Section("1.1", 2, "（一）", "河湖治理", offsets[1][0], offsets[4][1], part="plan")
    sections = [
        Section("1", 1, "一、", "重点工作", offsets[0][0], offsets[4][1], part="plan", children=[sub]),
        Section("A1", 1, None, "附件1 民生实事", offsets[5][0], offsets[6][1], part="appendix"),
    ]
    section_of = {0: "1", 1: "1.1", 2: "1.1", 3: "1.1", 4: "1.1", 5: "A1", 6: "A1"}
    sentences = [
        Sentence(i, lines[i], offsets[i][0], offsets[i][1], section_of[i],
                 "appendix" if i >= 5 else "plan", ("实事1",) if i == 3 else ())
        for i in range(len(lines))
    ]
    items = [ListItem("民生实事", "实事1", 1, "建设口袋公园10处", "区住建局", 6, "A1")]
    meta = Metadata(
        title="东昌府区人民政府工作报告", issuer="聊城市东昌府区人民政府", jurisdiction="东昌府区",
        parents=("聊城市", "山东省"), date="2023-01-07", kind="政府工作报告", plan_year=2023,
    )
    report = Report(source, text, meta, sections, sentences, items, encoding="utf-8")

    def span(index: int, part: str) -> tuple[int, int]:
        start = text.index(part, offsets[index][0])
        return start, start + len(part)

    t1 = "2023年底前完成" + place_name + "等4条河道整治"
    s1, e1 = span(1, t1)
    s2, e2 = span(3, "新建口袋公园10处")
    s3, e3 = span(3, "绿化面积2.5万亩")
    extraction = Extraction(
        agencies=[
            Agency(agency_mention, agency_name, "东昌府区", aliases=[f"东昌府区{agency_name}"], sentences=[1]),
            Agency("区住建局", "住房和城乡建设局", "东昌府区", aliases=["东昌府区住房和城乡建设局"], sentences=[6]),
        ],
        organizations=[Organization("聊城供电公司", sentences=[4])],
        places=[Place(place_name, "River", within="聊城市", sentences=[1])],
        policies=[
            Policy("东昌府区河道管理办法", agency=agency_mention, status="planned",
                   may_be_same_as=["东昌府区河道管理暂行办法"], sentences=[2]),
            Policy("东昌府区河道管理暂行办法", status="cited", may_be_same_as=["东昌府区河道管理办法"], sentences=[2]),
        ],
        plans=[Plan("河湖清理行动", agency=agency_mention, sentences=[1])],
        targets=[
            Target(t1, 4, "条", 1, comparator=comparator, deadline="2023-12-31", agency=agency_mention,
                   places=[place_name], indicator="河道整治", start=s1, end=e1),
            Target("新建口袋公园10处", 10, "处", 3, deadline="2025", agency="区住建局", supporting=[agency_mention],
                   places=["东昌府区"], indicator="口袋公园", start=s2, end=e2),
            Target("绿化面积2.5万亩", 2.5, "万亩", 3, value_max=3.5, comparator="~", role="statistic",
                   start=s3, end=e3),
        ],
    )
    return report, extraction


@pytest.fixture
def tiny_report() -> tuple[Report, Extraction]:
    """(Report, Extraction) of the hand-made tiny report."""
    return make_tiny()


@pytest.fixture
def tiny_factory() -> Callable[..., tuple[Report, Extraction]]:
    """``make_tiny`` itself, for tests that need variants (another source, odd names)."""
    return make_tiny


@pytest.fixture
def memory_store():
    from kg.store import open_store

    store = open_store(memory=True)
    yield store
    store.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# --------------------------------------------------------------------------------------
# one real Neo4j for the session (tests/neo4j/server.py)
# --------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def neo4j_driver():
    """A driver to the session's own Neo4j, started on first use and stopped at the end."""
    from tests.neo4j.server import shared_server

    with shared_server() as driver:
        yield driver

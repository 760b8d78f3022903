"""``kg:graphDigest``: the digest a built report graph states of itself, as the store gives it back."""

from __future__ import annotations

import re

import pytest

from kg.graph.build import graph_digest, report_graph, report_ntriples
from kg.graph.vocab import KG

_DIGEST_LINE = re.compile(rf'^(<[^>]*> <{re.escape(str(KG.graphDigest))}> )"([0-9a-f]{{64}})" \.$')


def stored_lines(store, graph) -> list[str]:
    return store.dump_graph(graph).split("\n")[:-1]


def rehash(lines: list[str]) -> tuple[str, str]:
    """(the digest a graph's lines state, the digest of those lines with its value emptied)."""
    stated = [m for m in map(_DIGEST_LINE.match, lines) if m]
    assert len(stated) == 1
    emptied = [_DIGEST_LINE.sub(r'\1"" .', line) for line in lines]
    return stated[0][2], graph_digest(emptied)


def test_built_graph_states_one_digest_of_its_report(tiny_report):
    graph = report_graph(*tiny_report)
    digests = list(graph.objects(graph.identifier, KG.graphDigest))
    assert len(digests) == 1 and re.fullmatch("[0-9a-f]{64}", str(digests[0]))
    assert digests[0] != graph.value(graph.identifier, KG.textDigest)


EXTRAS = {"plain": "", "escapes": '引号"、反斜杠\\、回车\r、换行\n与制表\t',
          "control": "响铃\x07、退格\b、换页\f、删除\x7f、\u2028",
          "noncharacters": "非字符\ufffe与\uffff"}  # the store writes them as \uFFFE, \uFFFF


@pytest.mark.parametrize("extra", EXTRAS.values(), ids=EXTRAS.keys())
def test_stated_digest_is_the_rehash_of_the_stored_graph(memory_store, tiny_factory, extra):
    built = report_ntriples(*tiny_factory(sentence_extra=extra))
    memory_store.replace_ntriples(built.name, built.ntriples)
    stated, again = rehash(stored_lines(memory_store, built.name))
    assert stated == again
    assert len(stored_lines(memory_store, built.name)) == built.triples


def test_example_graphs_state_their_rehash(example_store):
    for graph in example_store.report_graphs():
        stated, again = rehash(stored_lines(example_store, graph))
        assert stated == again, graph


def test_rebuilt_unchanged_report_keeps_its_digest(memory_store, tiny_factory):
    first = report_ntriples(*tiny_factory())
    memory_store.replace_ntriples(first.name, first.ntriples)
    second = report_ntriples(*tiny_factory())
    memory_store.replace_ntriples(second.name, second.ntriples)
    assert first.ntriples == second.ntriples
    assert rehash(stored_lines(memory_store, first.name))[0] == rehash(first.ntriples.split("\n")[:-1])[0]


@pytest.mark.parametrize("change", [{"comparator": "≥"}, {"place_name": "徒骇河"}, {"sentence_extra": "。"}])
def test_changed_report_changes_its_digest(tiny_factory, change):
    before = report_graph(*tiny_factory())
    after = report_graph(*tiny_factory(**change))
    assert before.value(before.identifier, KG.graphDigest) != after.value(after.identifier, KG.graphDigest)


def test_digest_differs_from_the_hash_of_the_graph_without_it(tiny_report):
    """Regression: a store built before graph digests were stated is synced by hashing its
    graphs; an unchanged report rebuilt with its digest must not hash the same, or the sync
    would never give Neo4j the new property."""
    built = report_ntriples(*tiny_report)
    lines = built.ntriples.split("\n")[:-1]
    without = [line for line in lines if not _DIGEST_LINE.match(line)]
    assert len(without) == len(lines) - 1
    assert rehash(lines)[0] != graph_digest(without)


def test_graph_digest_is_of_sorted_lines():
    assert graph_digest(["b", "a"]) == graph_digest(["a", "b"])
    assert graph_digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  # sha256 of b""
    assert graph_digest(["a"]) != graph_digest(["a", "b"])


def test_built_lines_come_sorted_with_the_digest_among_them(tiny_report):
    built = report_ntriples(*tiny_report)
    lines = built.ntriples.split("\n")[:-1]
    assert lines == sorted(lines) and len(lines) == built.triples
    assert sum(1 for line in lines if _DIGEST_LINE.match(line)) == 1

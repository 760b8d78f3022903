"""The N-Triples the graph builder writes are exactly what rdflib would write for the same graph."""

from __future__ import annotations

import random

import pytest
from rdflib import XSD, Graph, Literal

from kg.graph.build import decimal_lexical, literal_number, report_graph, report_ntriples
from tests.conftest import EXAMPLES


def _rdflib_lines(ntriples: str) -> set[str]:
    graph = Graph()
    graph.parse(data=ntriples, format="nt")
    return set(graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()) - {""}


def _assert_canonical(ntriples: str, count: int) -> None:
    lines = ntriples.splitlines()
    assert len(lines) == len(set(lines)) == count
    assert set(lines) == _rdflib_lines(ntriples)


def test_tiny_report_text_is_rdflib_serialisation(tiny_report) -> None:
    built = report_ntriples(*tiny_report)
    _assert_canonical(built.ntriples, built.triples)
    assert len(report_graph(*tiny_report)) == built.triples


def test_escapes_in_literals(tiny_factory) -> None:
    report, extraction = tiny_factory(sentence_extra='引号"、反斜杠\\、回车\r、换行\n与制表\t')
    extraction.targets[0].indicator = 'a"b\\c\nd'
    built = report_ntriples(report, extraction)
    _assert_canonical(built.ntriples, built.triples)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir()))
def test_example_reports_are_rdflib_serialisation(name: str) -> None:
    from kg.build import report_triples

    built, summary = report_triples(EXAMPLES / name)
    _assert_canonical(built.ntriples, built.triples)
    assert summary.triples == built.triples


def test_decimal_lexical_is_rdflib_normal_form() -> None:
    rng = random.Random(11)
    values = [0.0, 1.0, 4.5, 45000.0, 1e-05, 2.5e-07, 1.5e16, 1e22, 12345678.9, 0.1 + 0.2]
    values += [rng.uniform(0, 10) ** rng.randint(-8, 12) for _ in range(2000)]
    for value in values:
        written = str(int(value)) if value.is_integer() else repr(value)  # what rdflib is given, then normalises
        assert decimal_lexical(value) == str(Literal(written, datatype=XSD.decimal)), value
        assert literal_number(value) == Literal(decimal_lexical(value), datatype=XSD.decimal)

"""The query indexes a report graph states about itself (``kg:queryIndex``), so the library's
queries answer at once at thousands of reports.

Each index is worked out from the graph's own statements (its N-Triples lines, as
:mod:`kg.graph.build` wrote them) and written into the same named graph, so replacing or
removing a report replaces or removes its indexes: there is nothing to maintain. They are
derived, not extracted, and the property graph (Neo4j, GraphML, CSV, views) leaves them out.

- ``kg:indicatorNames`` on the report: its targets' distinct indicators, sorted, one a line.
  A query looking for a word in indicators reads one text per report instead of every
  target's indicator (``targets_by_indicator``, ``indicator_across_reports``).
- ``kg:matchRank`` on each target with an indicator: the fixed-width head of the best-match
  key of ``targets_by_indicator`` (plan part before review, a target or change before a
  result, a year's figure before an annual average, the indicator's length, the sentence's
  offset), so ranking a target is one look-up instead of six.
- ``kg:draftingKey`` on each policy with a drafting agency: that agency's name, the title and
  the report's file, one a line — the order ``policies_by_agency`` lists policies in, so the
  first rows need no name looked up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.graph.vocab import KG

__all__ = ["QUERY_INDEXES", "index_lines", "match_rank"]

QUERY_INDEXES = frozenset(str(term) for term in (KG.indicatorNames, KG.matchRank, KG.draftingKey))
"""IRIs of the ``kg:queryIndex`` properties (a test checks these are the ontology's sub-properties)."""

_NO_OFFSET = 999999999
"""The offset a target without a sentence part ranks at (the queries' ``COALESCE(?n, 999999999)``)."""

_READ = {str(p): p for p in (KG.indicator, KG.role, KG.text, KG.part, KG.startOffset, KG.draftingAgency,
                             KG.sourceFile, PROV.wasDerivedFrom, DCTERMS.title, SKOS.prefLabel)}


def match_rank(part: str | None, role: str, text: str, indicator: str, offset: int | None) -> str:
    """The head of a target's best-match key: rank digit, indicator length (4 digits), sentence
    offset (9 digits), as ``targets_by_indicator`` orders matches (lowest first)."""
    rank = (0 if part == "plan" else 4) + (0 if role in ("target", "change") else 2) + (1 if "年均" in text else 0)
    length = str(10000 + len(indicator))[1:]
    position = str(1000000000 + (_NO_OFFSET if offset is None else offset))[1:]
    return f"{rank}{length}{position}"


def _unquoted(term: str) -> str | int:
    """The value of an N-Triples literal as the builder writes it (an integer for ``xsd:integer``)."""
    end = term.rindex('"')
    lexical = term[1:end]
    if "\\" in lexical:
        lexical = _unescaped(lexical)
    return int(lexical) if term.endswith("#integer>") else lexical


def _unescaped(lexical: str) -> str:
    out, chars = [], iter(lexical)
    for char in chars:
        if char == "\\":
            char = {"n": "\n", "r": "\r", '"': '"', "\\": "\\"}.get(escaped := next(chars), escaped)
        out.append(char)
    return "".join(out)


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return f'"{escaped}"'


def index_lines(report: str, lines: Iterable[str]) -> list[str]:
    """The N-Triples lines of the query indexes of the report graph ``lines`` hold (rdflib's
    form, as the builder's); ``report`` is the report node as written there (``<iri>``)."""
    stated: dict[object, dict[str, list[str | int]]] = defaultdict(lambda: defaultdict(list))
    for line in lines:
        s, p, o = line.split(" ", 2)
        term = _READ.get(p[1:-1])
        if term is not None:
            value = o[:-3]
            stated[term][s].append(_unquoted(value) if value.startswith('"') else value)
    out: list[str] = []
    indicators = stated[KG.indicator]
    if indicators:
        names = sorted({str(i) for values in indicators.values() for i in values})
        out.append(f"{report} <{KG.indicatorNames}> {_quoted(chr(10).join(names))} .\n")
    part, offset, derived = stated[KG.part], stated[KG.startOffset], stated[PROV.wasDerivedFrom]
    for target, values in indicators.items():
        sentences = [(str(part[s][0]), int(offset[s][0]))
                     for s in derived.get(target, ()) if part.get(s) and offset.get(s)]
        for indicator in values:
            for role in stated[KG.role].get(target, ()):
                for text in stated[KG.text].get(target, ()):
                    for sentence_part, start in sentences or [(None, None)]:
                        rank = match_rank(sentence_part, str(role), str(text), str(indicator), start)
                        out.append(f"{target} <{KG.matchRank}> {_quoted(rank)} .\n")
    labels, titles = stated[SKOS.prefLabel], stated[DCTERMS.title]
    for source in stated[KG.sourceFile].get(report, ()):
        for policy, agencies in stated[KG.draftingAgency].items():
            for agency in agencies:
                for name in labels.get(str(agency), ()):
                    for title in titles.get(policy, ()):
                        key = f"{name}\n{title}\n{source}"
                        out.append(f"{policy} <{KG.draftingKey}> {_quoted(key)} .\n")
    return list(dict.fromkeys(out))

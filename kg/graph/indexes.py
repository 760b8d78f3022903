"""The query indexes a report graph states about itself (``kg:queryIndex``), so the library's
queries answer at once at thousands of reports.

Each index is worked out from the graph's own statements (its N-Triples lines, as
:mod:`kg.graph.build` wrote them) and written into the same named graph, so replacing or
removing a report replaces or removes its indexes: there is nothing to maintain. They are
derived, not extracted, and the property graph (Neo4j, GraphML, CSV, views) leaves them out.
Both are texts of at most 15 bytes, which Oxigraph keeps inside the quad itself: reading one
costs no look-up of a stored string (a longer one costs ~10 µs, which is what the queries spent
their time on).

- ``kg:matchRank`` on each target with an indicator: the fixed-width head of the best-match
  key of ``targets_by_indicator`` (plan part before review, a target or change before a
  result, a year's figure before an annual average, the indicator's length, the sentence's
  offset), so ranking a target is one look-up instead of six.
- ``kg:draftingPrefix`` on each agency drafting a policy of the report: the first five
  characters of its name, so ``policies_by_agency`` sorts the distinct prefixes (9 149 at 5 000 reports)
  and then, prefix by prefix, only the names of the rows it is about to give.
- ``kg:reportSortKey`` on the report: the head (at most 15 bytes) of the text the indicator
  queries sort reports on (``1`` and the jurisdiction's name, or ``0`` and the file name without
  one), so they sort every report by one value kept inside the quad and read full names only
  where two reports share a head (each look-up of a report's file and jurisdiction costs three
  index seeks, ~40 µs each under load).
- ``kg:indicatorList`` on the report: its distinct indicators, sorted, one a line: the indicator
  queries find the reports whose indicators hold a word in one text per report instead of
  grouping every target's indicator (360 k quads at 5 000 reports). Not short; one a report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, SKOS

from kg.graph.vocab import KG

__all__ = ["KEY_BYTES", "PREFIX_LENGTH", "QUERY_INDEXES", "index_lines", "indicator_list", "match_rank",
           "report_sort_key", "with_indexes"]

QUERY_INDEXES = frozenset(str(term) for term in (KG.matchRank, KG.draftingPrefix, KG.reportSortKey, KG.indicatorList))
"""IRIs of the ``kg:queryIndex`` properties (a test checks these are the ontology's sub-properties)."""

PREFIX_LENGTH = 5
"""Characters of a name in its ``kg:draftingPrefix``: five CJK characters are 15 bytes of UTF-8."""

KEY_BYTES = 15
"""UTF-8 bytes of a ``kg:reportSortKey`` at most: Oxigraph keeps a string that short inside the quad."""

_NO_OFFSET = 999999999
"""The offset a target without a sentence part ranks at (the queries' ``COALESCE(?n, 999999999)``)."""

_READ = {f"<{p}>": p for p in (KG.indicator, KG.role, KG.text, KG.part, KG.startOffset, KG.draftingAgency,
                              PROV.wasDerivedFrom, SKOS.prefLabel, KG.sourceFile, KG.jurisdiction)}


def match_rank(part: str | None, role: str, text: str, indicator: str, offset: int | None) -> str:
    """The head of a target's best-match key: rank digit, indicator length (4 digits), sentence
    offset (9 digits), as ``targets_by_indicator`` orders matches (lowest first)."""
    rank = (0 if part == "plan" else 4) + (0 if role in ("target", "change") else 2) + (1 if "年均" in text else 0)
    length = str(10000 + len(indicator))[1:]
    position = str(1000000000 + (_NO_OFFSET if offset is None else offset))[1:]
    return f"{rank}{length}{position}"


def report_sort_key(jurisdiction: str | None, source_file: str) -> str:
    """The head of the text the indicator queries sort a report on: ``1`` and its jurisdiction's
    name, or ``0`` and its file name when it has none, cut to at most :data:`KEY_BYTES` bytes of
    UTF-8 at a character. Reports come in the order of their full sort texts (``1`` and the
    jurisdiction, or ``0``; then the file) when sorted on this head first: a head of a text sorts
    no later than the head of a greater one; reports that share a head are sorted by the full text."""
    text = f"1{jurisdiction}" if jurisdiction is not None else f"0{source_file}"
    head = text.encode()[:KEY_BYTES].decode("utf-8", errors="ignore")  # a character cut in two is dropped
    return head


def indicator_list(indicators: Iterable[str]) -> str:
    """A report's distinct indicators, sorted, one a line: a word occurs in one of them only if it
    occurs in this text (the converse may fail across a line end, which the queries check again)."""
    return "\n".join(sorted(set(indicators)))


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


def index_lines(lines: Iterable[str]) -> list[str]:
    """The N-Triples lines of the query indexes of the report graph ``lines`` hold, in rdflib's
    form (as the builder writes them)."""
    stated: dict[URIRef, defaultdict[str, list[str]]] = {term: defaultdict(list) for term in _READ.values()}
    read = _READ.get
    for line in lines:
        s, p, o = line.split(" ", 2)
        term = read(p)
        if term is not None:
            stated[term][s].append(o[:-3])  # the object as written; read as a value only when used
    out: list[str] = []
    part, offset, derived = stated[KG.part], stated[KG.startOffset], stated[PROV.wasDerivedFrom]
    for target, indicators in stated[KG.indicator].items():
        sentences = [(str(_unquoted(part[s][0])), int(_unquoted(offset[s][0])))
                     for s in derived.get(target, ()) if s in part and s in offset]
        for indicator in map(_unquoted, indicators):
            for role in map(_unquoted, stated[KG.role].get(target, ())):
                for text in map(_unquoted, stated[KG.text].get(target, ())):
                    for sentence_part, start in sentences or [(None, None)]:
                        rank = match_rank(sentence_part, str(role), str(text), str(indicator), start)
                        out.append(f"{target} <{KG.matchRank}> {_quoted(rank)} .\n")
    labels = stated[SKOS.prefLabel]
    for agency in dict.fromkeys(a for agencies in stated[KG.draftingAgency].values() for a in agencies):
        for name in map(_unquoted, labels.get(agency, ())):
            out.append(f"{agency} <{KG.draftingPrefix}> {_quoted(str(name)[:PREFIX_LENGTH])} .\n")
    names = stated[KG.indicator]
    if names:
        listed = indicator_list(str(_unquoted(i)) for indicators in names.values() for i in indicators)
    for report, files in stated[KG.sourceFile].items():
        places = [label for place in stated[KG.jurisdiction].get(report, ()) for label in labels.get(place, ())]
        for file in map(_unquoted, files):
            for jurisdiction in map(_unquoted, places) if places else [None]:
                key = report_sort_key(None if jurisdiction is None else str(jurisdiction), str(file))
                out.append(f"{report} <{KG.reportSortKey}> {_quoted(key)} .\n")
        if names:
            out.append(f"{report} <{KG.indicatorList}> {_quoted(listed)} .\n")
    return list(dict.fromkeys(out))


def with_indexes(graph: Graph) -> Graph:
    """``graph`` (one report's, made by hand or by other code than kg build) with the query
    indexes its statements give added, so the library's queries see it as they see a built one."""
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines(keepends=True)
    graph.parse(data="".join(index_lines(line for line in lines if line.strip())), format="nt")
    return graph

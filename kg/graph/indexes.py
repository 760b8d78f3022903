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

from collections.abc import Collection, Iterable

from rdflib import Graph
from rdflib.namespace import PROV, SKOS

from kg.graph.vocab import KG

__all__ = ["KEY_BYTES", "PREFIX_LENGTH", "QUERY_INDEXES", "index_lines", "indexes_of", "indicator_list", "match_rank",
           "read_statements", "report_sort_key", "with_indexes"]

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
"""The predicates the indexes are worked out from, by their N-Triples form."""

_MATCH_RANK, _DRAFTING_PREFIX, _REPORT_SORT_KEY, _INDICATOR_LIST = (
    f"<{p}>" for p in (KG.matchRank, KG.draftingPrefix, KG.reportSortKey, KG.indicatorList))


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


def read_statements() -> dict[str, list[tuple[str, str]]]:
    """An empty collection of the statements the indexes are worked out from: each read predicate
    (in its N-Triples form, ``<iri>``) -> its (subject, object) pairs, both as N-Triples terms.
    :func:`index_lines` fills one from a graph's lines; the builder (:mod:`kg.graph.build`) fills
    one as it writes each line, which spares parsing them again (a third of writing N-Triples)."""
    return {p: [] for p in _READ}


def index_lines(lines: Iterable[str]) -> list[str]:
    """The N-Triples lines of the query indexes of the report graph ``lines`` hold, in rdflib's
    form (as the builder writes them)."""
    stated = read_statements()
    pairs_of = stated.get
    for line in lines:
        s, p, o = line.split(" ", 2)
        pairs = pairs_of(p)
        if pairs is not None:
            pairs.append((s, o[:-3]))  # the object as written; read as a value only when used
    return indexes_of(stated)


def indexes_of(stated: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The N-Triples lines of the query indexes of a report graph, from its statements of the read
    predicates (:func:`read_statements`; a statement given twice counts once), grouped by subject
    only for the subjects an index is about (the targets, their sentences, the drafting agencies,
    the report and its jurisdiction): most are sentences'."""
    by_term = {term: stated[p] for p, term in _READ.items()}
    indicator = _grouped(by_term[KG.indicator])
    role, text, derived = (_grouped(by_term[term], indicator) for term in (KG.role, KG.text, PROV.wasDerivedFrom))
    sentences = {s for found_in in derived.values() for s in found_in}
    part, offset = (_grouped(by_term[term], sentences) for term in (KG.part, KG.startOffset))
    out: list[str] = []
    for target, indicators in indicator.items():
        spans = [(str(_unquoted(part[s][0])), int(_unquoted(offset[s][0])))
                 for s in derived.get(target, ()) if s in part and s in offset]
        for name in map(_unquoted, indicators):
            for target_role in map(_unquoted, role.get(target, ())):
                for target_text in map(_unquoted, text.get(target, ())):
                    for sentence_part, start in spans or [(None, None)]:
                        rank = match_rank(sentence_part, str(target_role), str(target_text), str(name), start)
                        out.append(f"{target} {_MATCH_RANK} {_quoted(rank)} .\n")
    drafting = dict.fromkeys(a for _, a in by_term[KG.draftingAgency])
    files = _grouped(by_term[KG.sourceFile])
    jurisdictions = _grouped(by_term[KG.jurisdiction], files)
    labels = _grouped(by_term[SKOS.prefLabel], drafting.keys() | {p for ps in jurisdictions.values() for p in ps})
    for agency in drafting:
        for label in map(_unquoted, labels.get(agency, ())):
            out.append(f"{agency} {_DRAFTING_PREFIX} {_quoted(str(label)[:PREFIX_LENGTH])} .\n")
    if indicator:
        listed = indicator_list(str(_unquoted(i)) for indicators in indicator.values() for i in indicators)
    for report, report_files in files.items():
        places = [label for place in jurisdictions.get(report, ()) for label in labels.get(place, ())]
        for file in map(_unquoted, report_files):
            for jurisdiction in map(_unquoted, places) if places else [None]:
                key = report_sort_key(None if jurisdiction is None else str(jurisdiction), str(file))
                out.append(f"{report} {_REPORT_SORT_KEY} {_quoted(key)} .\n")
        if indicator:
            out.append(f"{report} {_INDICATOR_LIST} {_quoted(listed)} .\n")
    return list(dict.fromkeys(out))


def _grouped(pairs: list[tuple[str, str]], subjects: Collection[str] | None = None) -> dict[str, list[str]]:
    """Objects by subject, in the order stated (only of ``subjects``, if given)."""
    grouped: dict[str, list[str]] = {}
    for s, o in pairs:
        if subjects is None or s in subjects:
            objects = grouped.get(s)
            if objects is None:
                grouped[s] = [o]
            else:
                objects.append(o)
    return grouped


def with_indexes(graph: Graph) -> Graph:
    """``graph`` (one report's, made by hand or by other code than kg build) with the query
    indexes its statements give added, so the library's queries see it as they see a built one."""
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines(keepends=True)
    graph.parse(data="".join(index_lines(line for line in lines if line.strip())), format="nt")
    return graph

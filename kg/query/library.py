"""The query library: named ``.rq`` (SPARQL) and ``.cypher`` files with a header that documents them.

A query file starts with comment lines (``#`` in SPARQL, ``//`` in Cypher): the first says
what question it answers; lines ``# param NAME (TYPE, required|optional): description
(example: VALUE)`` declare its parameters, TYPE one of :data:`PARAM_TYPES`. The older
``# param NAME: description`` reads as a required ``text`` parameter (``NAME@zh`` as one
bound in Chinese). Values are checked against their type and bound by the engine, never
pasted into the query text: ``place`` and ``agency`` become literals in ``@zh`` (names in
the graph are ``@zh``, and a pattern such as ``?q skos:prefLabel ?place`` with the value
bound is an index lookup), ``date`` an ``xsd:date`` (a year or a month means its last day,
so ``by=2026`` is 2026-12-31), ``year`` and ``number`` numbers, ``iri`` an IRI, ``text`` a
plain literal. Oxigraph substitutes only projected variables, so a query lists its
parameters in ``SELECT``. Cypher gets Bolt ``$parameters`` of the matching Python types.
A ``.cypher`` file is the twin of the ``.rq`` file of the same name where there is one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import XSD, Literal, URIRef
from rdflib.query import Result

from kg.errors import KgError, one_line
from kg.store import GraphStore

__all__ = ["LANGUAGES", "LIBRARY", "PARAM_TYPES", "Answer", "Param", "ParamError", "QueryFile", "answer", "bind_params",
           "load_queries", "parse_params", "python_value", "run_query", "select_rows", "typed_value",
           "unindexed_reports", "untallied_reports", "uses_service"]

LIBRARY = Path(__file__).resolve().parents[2] / "queries"
"""The query library folder (``queries/`` of the project) that ``kg query NAME`` and ``kg.query_df`` read."""

LANGUAGES = {"sparql": (".rq", "#"), "cypher": (".cypher", "//")}
"""Query language -> (file suffix, comment prefix)."""

PARAM_TYPES = {
    "text": "any text",
    "place": "a place name, as written in the reports",
    "agency": "an agency name, as written in the reports",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD (a year or month means its last day)",
    "year": "a four-digit year",
    "number": "a number such as 85 or 2.5",
    "iri": "an IRI starting http:// or https://",
}
"""Parameter type -> what a value of it looks like (shown in errors and ``--help``)."""

_TAGS = {"place": "zh", "agency": "zh"}
"""Parameter types whose values are bound as literals in a language (the graph's names)."""

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_PARAM_NAME = re.compile(r"[^\W\d]\w*")
_SPARQL_TOKEN = re.compile("|".join([
    r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",  # long strings
    r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'",  # strings
    r'<[^<>"{}|^`\\\x00-\x20]*>',  # IRIs
    r"#[^\n]*",  # comments
    r"[?$]\w+",  # variables
    r"[^\W\d][\w.\-]*:[\w.\-]*", r":[\w.\-]*",  # prefixed names
    r"(?P<word>[^\W\d]\w*)",  # keywords
]))
"""SPARQL tokens in which a keyword may hide: only ``word`` matches are keywords."""
_PARAM = re.compile(r"^param\s+(\w+)(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?"
                    r"\s*(?:\(\s*(\w+)\s*(?:,\s*(\w+)\s*)?\))?\s*:\s*(.*?)\s*(?:\(example:\s*(.*?)\))?\s*$")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class ParamError(KgError):
    """A missing, unknown or wrongly typed query parameter (the CLI exits with code 2)."""


@dataclass(frozen=True)
class Param:
    """One declared query parameter: its type (a key of :data:`PARAM_TYPES`), whether it must be
    given, what it means, an example value and the language tag its SPARQL literal gets."""

    name: str
    type: str = "text"
    required: bool = True
    description: str = ""
    example: str | None = None
    tag: str | None = None

    def signature(self) -> str:
        """``name (type, required)``: how errors and listings show the parameter."""
        return f"{self.name} ({self.type}, {'required' if self.required else 'optional'})"


@dataclass(frozen=True)
class QueryFile:
    """One named query: its name (file stem), language, text, one-line description and declared parameters."""

    name: str
    path: Path
    text: str
    description: str
    params: dict[str, Param] = field(default_factory=dict)
    language: str = "sparql"

    @property
    def examples(self) -> dict[str, str]:
        """Parameter name -> example value, for the parameters that give one."""
        return {name: p.example for name, p in self.params.items() if p.example is not None}

    @property
    def tags(self) -> dict[str, str]:
        """Parameter name -> language tag its SPARQL literal is bound with."""
        return {name: p.tag for name, p in self.params.items() if p.tag}

    @classmethod
    def read(cls, path: str | Path) -> QueryFile:
        """Read a ``.rq`` or ``.cypher`` file (the suffix says which; anything else is SPARQL)."""
        path = Path(path)
        language = "cypher" if path.suffix == LANGUAGES["cypher"][0] else "sparql"
        return cls.parse(path.read_text(encoding="utf-8"), path, language)

    @classmethod
    def parse(cls, text: str, path: Path = Path("query.rq"), language: str = "sparql") -> QueryFile:
        """A query from its text; ``path`` names it. An unknown type or a flag other than
        ``required``/``optional`` in a ``param`` line is a one-line :class:`KgError`."""
        prefix = LANGUAGES[language][1]
        comments = [line[len(prefix):].strip() for line in text.splitlines() if line.startswith(prefix)]
        description = next((c for c in comments if c and not _PARAM.match(c)), path.stem)
        params = {}
        for line in comments:
            match = _PARAM.match(line)
            if not match:
                continue
            name, tag, kind, flag, about, example = match.groups()
            kind = (kind or "text").lower()
            if kind not in PARAM_TYPES or (flag or "required").lower() not in ("required", "optional"):
                raise KgError(f"{one_line(str(path))}: param {name}: give (TYPE, required|optional) with TYPE one "
                              f"of {', '.join(PARAM_TYPES)}")
            params[name] = Param(name, kind, (flag or "required").lower() == "required", about, example,
                                 tag or _TAGS.get(kind))
        return cls(path.stem, path, text, description, params, language)

    def signature(self) -> str:
        """The parameter list as errors show it: ``place (place, required), by (date, optional)``."""
        return ", ".join(p.signature() for p in self.params.values()) or "no parameters"

    def values(self, given: Mapping[str, str]) -> dict[str, Any]:
        """The given parameter values checked and converted to their declared types (Python values:
        ``str``, ``datetime.date``, ``int``, ``Decimal``); a one-line :class:`ParamError` naming the
        query and its parameters for an unknown or missing one or a value not of its type."""
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise ParamError(f"{self.name}: unknown parameter {', '.join(unknown)}; it takes {self.signature()}")
        missing = [p.name for p in self.params.values() if p.required and p.name not in given]
        if missing:
            raise ParamError(f"{self.name}: missing parameter {', '.join(missing)} (-p NAME=VALUE); it takes "
                             f"{self.signature()}")
        out = {}
        for name, value in given.items():
            param = self.params[name]
            try:
                out[name] = typed_value(param.type, value)
            except ValueError:
                raise ParamError(f"{self.name}: {name}={one_line(value)!r} is not a {param.type} "
                                 f"({PARAM_TYPES[param.type]}); it takes {self.signature()}") from None
        return out

    def bindings(self, given: Mapping[str, str]) -> dict[str, URIRef | Literal]:
        """SPARQL terms for the given values, checked as :meth:`values` does."""
        return {name: _term(value, self.params[name].tag) for name, value in self.values(given).items()}


def typed_value(kind: str, value: str) -> Any:
    """``value`` as a Python value of parameter type ``kind``; ``ValueError`` if it is not one.
    A ``date`` of a year or a month is its last day: a deadline "by 2026" is due by 2026-12-31."""
    value = value.strip() if kind != "text" else value
    if kind in ("text", "place", "agency"):
        if not value:
            raise ValueError(value)
        return value
    if kind == "iri":
        if not re.match(r"https?://[^\s<>\"{}|\\^`]+$", value):
            raise ValueError(value)
        return URIRef(value)
    if kind == "year":
        if not re.fullmatch(r"\d{4}", value):
            raise ValueError(value)
        return int(value)
    if kind == "number":
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValueError(value) from None
        if not number.is_finite():
            raise ValueError(value)
        return int(number) if number == number.to_integral_value() and "." not in value else number
    match = _DATE.fullmatch(value)
    if kind != "date" or not match:
        raise ValueError(value)
    year, month, day = int(match[1]), int(match[2] or 12), match[3]
    if not 1 <= month <= 12:
        raise ValueError(value)
    return dt.date(year, month, int(day) if day else calendar.monthrange(year, month)[1])


def _term(value: Any, tag: str | None) -> URIRef | Literal:
    """The SPARQL term of a typed parameter value."""
    if isinstance(value, URIRef):
        return value
    if isinstance(value, dt.date):
        return Literal(value, datatype=XSD.date)
    if isinstance(value, int | Decimal):
        return Literal(value)
    return Literal(value, lang=tag)


def load_queries(folder: str | Path, *, language: str = "sparql") -> dict[str, QueryFile]:
    """Every query file of ``language`` (``sparql`` or ``cypher``) in ``folder``, by name."""
    suffix = LANGUAGES[language][0]
    return {p.stem: QueryFile.read(p) for p in sorted(Path(folder).glob(f"*{suffix}"))}


def bind_params(params: Mapping[str, str], tags: Mapping[str, str] | None = None) -> dict[str, URIRef | Literal]:
    """RDF terms for the values of undeclared parameters (an inline query): IRIs for
    ``http(s)://…``, literals in the language ``tags`` gives a parameter, plain literals otherwise."""
    tags = tags or {}
    return {k: URIRef(v) if re.match(r"https?://", v) else Literal(v, lang=tags.get(k)) for k, v in params.items()}


def parse_params(items: Iterable[str]) -> dict[str, str]:
    """``NAME=VALUE`` strings as a dict; a one-line :class:`KgError` for one that is not
    ``NAME=VALUE`` with NAME a variable name (letters, digits, ``_``; not starting with a digit),
    which is all SPARQL ``?NAME`` and Cypher ``$NAME`` accept."""
    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not _PARAM_NAME.fullmatch(name):
            raise KgError(f"-p {one_line(item)!r}: give NAME=VALUE, NAME a variable name such as place")
        params[name] = value
    return params


def uses_service(sparql: str) -> bool:
    """Whether SPARQL text has a ``SERVICE`` clause (a federated query that makes the engine fetch
    a URL). Scans tokens: the word in a string, an IRI, a comment, a variable or a prefixed name
    does not count."""
    text = _ESCAPE.sub(_unescaped, sparql)
    return any(m["word"] and m["word"].upper() == "SERVICE" for m in _SPARQL_TOKEN.finditer(text))


def _unescaped(match: re.Match[str]) -> str:
    """The character of a ``\\uXXXX`` escape, which SPARQL decodes before it parses."""
    code = int(match[1] or match[2], 16)
    return chr(code) if code <= 0x10FFFF else match[0]


def run_query(store: GraphStore, sparql: str, params: Mapping[str, str] | None = None, *,
              allow_service: bool = False) -> Result:
    """Run SPARQL text against ``store`` with ``params`` bound to its variables.

    A query whose header declares parameters gets them checked and typed
    (:meth:`QueryFile.bindings`, a :class:`ParamError` for a missing, unknown or mistyped
    one); one that declares none (inline text) binds whatever it is given as text.
    ``SERVICE`` is refused unless ``allow_service``: it sends requests to any URL the query
    names, which a query from a file or a user should not do unasked.
    """
    if not allow_service and uses_service(sparql):
        raise KgError("SPARQL: SERVICE (federated query) fetches from other servers; refused without "
                      "--allow-service")
    query = QueryFile.parse(sparql)
    bound = query.bindings(params or {}) if query.params else bind_params(params or {})
    return store.query(sparql, bound)


@dataclass(frozen=True)
class Answer:
    """What a SPARQL query gives, read straight from Oxigraph: the ``columns`` and streamed ``rows``
    (Python values, see :func:`python_value`) of a ``SELECT``; the truth of an ``ASK`` (``kind``
    ``ASK``, ``value`` a bool); the Turtle text of a ``CONSTRUCT`` or ``DESCRIBE`` (``kind``
    ``CONSTRUCT``, ``value`` the text). The rows of an ``ASK`` or ``CONSTRUCT`` are empty."""

    kind: str
    columns: list[str]
    rows: Iterator[list[Any]]
    value: bool | str | None = None


def _names_any(sparql: str, iris: Iterable[str]) -> bool:
    """Whether the query text names any of the ``kg:`` properties ``iris`` (by local name)."""
    return any(iri.rsplit("#", 1)[-1] in sparql for iri in iris)


def untallied_reports(store: GraphStore, sparql: str) -> int:
    """How many stored reports state no tallies, if ``sparql`` adds tallies up (0 otherwise).

    Graphs built before kg wrote tallies (``kg:targetCount`` and the rest) have none, so a
    ranking that sums them would quietly leave those reports out; ``kg build`` rebuilds them
    (their extractor version differs)."""
    from kg.graph.vocab import KG, TALLIES

    if not _names_any(sparql, TALLIES):
        return 0
    return len(set(map(str, store.report_graphs())) - store.report_literals(KG.targetCount).keys())


def unindexed_reports(store: GraphStore, sparql: str) -> int:
    """How many stored reports another kg version built, if ``sparql`` reads a query index (0 otherwise).

    The indexes (``kg:matchRank``, ``kg:draftingPrefix``: :mod:`kg.graph.indexes`) are written at
    build time, so a graph an older kg built may lack them and its rows would quietly drop out;
    ``kg build`` rebuilds such graphs (their extractor version differs)."""
    from kg.graph.indexes import QUERY_INDEXES
    from kg.graph.vocab import KG
    from kg.version import extractor_version

    if not _names_any(sparql, QUERY_INDEXES):
        return 0
    current = extractor_version()
    versions = store.report_literals(KG.extractorVersion)
    return sum(versions.get(str(graph)) != current for graph in store.report_graphs())


def answer(store: GraphStore, sparql: str, params: Mapping[str, str] | None = None, *,
           graphs: Iterable[str] | None = None, allow_service: bool = False) -> Answer:
    """The :class:`Answer` of SPARQL text, with ``params`` checked and bound as :func:`run_query` does.

    Rows stream from pyoxigraph as Python values, with no rdflib term made on the way (which is
    a third of a large answer's time): the same values, prefixes and union default graph as
    :func:`run_query`. With ``graphs`` (report graph IRIs), the query is asked of those graphs
    only (and the ontology's): every ``GRAPH`` pattern and the default graph see just them, so
    counts and rankings are of that subset of reports. A syntax or evaluation error, also one
    raised while the rows stream, is a one-line :class:`KgError`.
    """
    import pyoxigraph as ox

    from kg.graph.vocab import GRAPH_ONTOLOGY

    if not allow_service and uses_service(sparql):
        raise KgError("SPARQL: SERVICE (federated query) fetches from other servers; refused without "
                      "--allow-service")
    query = QueryFile.parse(sparql)
    bound = query.bindings(params or {}) if query.params else bind_params(params or {})
    options: dict[str, Any] = {"use_default_graph_as_union": True}
    if graphs is not None:
        named = [ox.NamedNode(g) for g in graphs] + [ox.NamedNode(str(GRAPH_ONTOLOGY))]
        options = {"default_graph": named, "named_graphs": named}
    prefixes = {prefix: str(namespace) for prefix, namespace in store.dataset.namespaces()}  # as run_query's
    try:
        result = store.ox.query(sparql, prefixes=prefixes, substitutions={
            ox.Variable(k): _ox_term(v) for k, v in bound.items()}, **options)
    except (SyntaxError, RuntimeError, OSError, ValueError) as exc:
        raise KgError(f"SPARQL: {_first_line(exc)}") from None
    if isinstance(result, ox.QueryBoolean):
        return Answer("ASK", ["answer"], iter(()), bool(result))
    if isinstance(result, ox.QueryTriples):
        return Answer("CONSTRUCT", ["turtle"], iter(()), _turtle(result))
    return Answer("SELECT", [v.value for v in result.variables], _rows(result))


def select_rows(store: GraphStore, sparql: str, params: Mapping[str, str] | None = None, *,
                graphs: Iterable[str] | None = None,
                allow_service: bool = False) -> tuple[list[str], Iterator[list[Any]]]:
    """Columns and streamed rows (Python values: numbers, dates, text) of a SPARQL ``SELECT``, as
    :func:`answer` gives them (``graphs``: of those report graphs only); any other query form is
    a one-line :class:`KgError`."""
    found = answer(store, sparql, params, graphs=graphs, allow_service=allow_service)
    if found.kind != "SELECT":
        raise KgError(f"SPARQL: a SELECT query is needed here, not {found.kind}")
    return found.columns, found.rows


def _rows(solutions: Any) -> Iterator[list[Any]]:
    """Each solution as a list of Python values; an error while evaluating is a :class:`KgError`."""
    try:
        for solution in solutions:
            yield [python_value(term) for term in solution]
    except (RuntimeError, OSError, ValueError) as exc:
        raise KgError(f"SPARQL: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _turtle(triples: Any) -> str:
    """The triples of a ``CONSTRUCT`` as rdflib writes Turtle (what ``kg query`` has always printed)."""
    import pyoxigraph as ox
    from rdflib import Graph

    graph = Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") or "\n", format="nt")
    return graph.serialize(format="turtle")


def _ox_term(term: URIRef | Literal) -> Any:
    """The pyoxigraph term of a bound rdflib term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))


_XSD = "http://www.w3.org/2001/XMLSchema#"
_FAST = {_XSD + "integer": int, _XSD + "decimal": Decimal, _XSD + "double": float, _XSD + "float": float}
"""Datatypes converted here, as rdflib converts them (the rest goes through rdflib, rare in answers)."""
_TEXT = {_XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def python_value(term: Any) -> Any:
    """A pyoxigraph result term as a Python value, the one ``kg query``, :func:`kg.query_df` and the
    benchmarks show: a number (int, Decimal, float), a boolean or a date (``xsd:date``,
    ``xsd:dateTime``) as rdflib's ``Literal.toPython`` gives it, anything else (IRIs, text, years,
    ill-typed literals) as its text; None for an unbound variable."""
    import pyoxigraph as ox

    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    kind = term.datatype.value
    if kind in _TEXT:
        return term.value
    convert = _FAST.get(kind)
    try:
        if convert is not None:
            return convert(term.value)
        if kind == _XSD + "date" and _ISO_DATE.fullmatch(term.value):
            return dt.date.fromisoformat(term.value)
    except (ValueError, ArithmeticError):
        pass
    value = Literal(term.value, datatype=kind).toPython()
    return value if isinstance(value, int | float | Decimal | dt.date) else term.value

"""The query library: named ``.rq`` (SPARQL) and ``.cypher`` files with a header that documents them.

A query file starts with comment lines (``#`` in SPARQL, ``//`` in Cypher): the first says
what question it answers; lines ``# param NAME: description (example: VALUE)`` declare
parameters. Parameter values are bound by the engine, never pasted into the query text:
SPARQL gets plain string literals, IRIs when a value looks like one, or literals in a
language when the header says ``# param NAME@zh: …`` (names in the graph are ``@zh``, and
a pattern such as ``?q skos:prefLabel ?place`` with the value bound is an index lookup,
where ``FILTER(STR(?name) = ?place)`` reads every label); Oxigraph substitutes only
projected variables, so a query lists its parameters in ``SELECT``. Cypher gets Bolt
``$parameters``. A ``.cypher`` file is the twin of the ``.rq`` file of
the same name where there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.query import Result

from kg.errors import KgError, one_line
from kg.store import GraphStore

__all__ = ["LANGUAGES", "QueryFile", "bind_params", "load_queries", "parse_params", "run_query", "uses_service"]

LANGUAGES = {"sparql": (".rq", "#"), "cypher": (".cypher", "//")}
"""Query language -> (file suffix, comment prefix)."""

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
_PARAM = re.compile(
    r"^param\s+(\w+)(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?\s*(?:\([^()]*\))?\s*:\s*(.*?)\s*(?:\(example:\s*(.*?)\))?\s*$"
)
"""``param NAME[@lang] [(type, required|optional)]: description (example: VALUE)``; the type is read past."""


@dataclass(frozen=True)
class QueryFile:
    """One named query: its name (file stem), language, text, one-line description and parameters."""

    name: str
    path: Path
    text: str
    description: str
    params: dict[str, str] = field(default_factory=dict)  # name -> description
    examples: dict[str, str] = field(default_factory=dict)  # name -> example value
    language: str = "sparql"
    tags: dict[str, str] = field(default_factory=dict)  # name -> language tag its value is bound with

    @classmethod
    def read(cls, path: str | Path) -> QueryFile:
        """Read a ``.rq`` or ``.cypher`` file (the suffix says which; anything else is SPARQL)."""
        path = Path(path)
        language = "cypher" if path.suffix == LANGUAGES["cypher"][0] else "sparql"
        return cls.parse(path.read_text(encoding="utf-8"), path, language)

    @classmethod
    def parse(cls, text: str, path: Path = Path("query.rq"), language: str = "sparql") -> QueryFile:
        """A query from its text; ``path`` names it."""
        prefix = LANGUAGES[language][1]
        comments = [line[len(prefix):].strip() for line in text.splitlines() if line.startswith(prefix)]
        description = next((c for c in comments if c and not _PARAM.match(c)), path.stem)
        params, examples, tags = {}, {}, {}
        for line in comments:
            match = _PARAM.match(line)
            if match:
                name, tag, params[name], example = match[1], match[2], match[3], match[4]
                if tag:
                    tags[name] = tag
                if example:
                    examples[name] = example
        return cls(path.stem, path, text, description, params, examples, language, tags)


def load_queries(folder: str | Path, *, language: str = "sparql") -> dict[str, QueryFile]:
    """Every query file of ``language`` (``sparql`` or ``cypher``) in ``folder``, by name."""
    suffix = LANGUAGES[language][0]
    return {p.stem: QueryFile.read(p) for p in sorted(Path(folder).glob(f"*{suffix}"))}


def bind_params(params: dict[str, str], tags: dict[str, str] | None = None) -> dict[str, URIRef | Literal]:
    """RDF terms for parameter values: IRIs for ``http(s)://…``, literals in the language
    ``tags`` gives a parameter, plain literals otherwise."""
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


def run_query(store: GraphStore, sparql: str, params: dict[str, str] | None = None, *,
              allow_service: bool = False) -> Result:
    """Run SPARQL text against ``store`` with ``params`` bound to its variables (as its header says).

    ``SERVICE`` is refused unless ``allow_service``: it sends requests to any URL the query
    names, which a query from a file or a user should not do unasked.
    """
    if not allow_service and uses_service(sparql):
        raise KgError("SPARQL: SERVICE (federated query) fetches from other servers; refused without "
                      "--allow-service")
    return store.query(sparql, bind_params(params or {}, QueryFile.parse(sparql).tags))

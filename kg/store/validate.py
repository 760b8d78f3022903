"""SHACL validation of the stored graph against ``kg/shapes.ttl``, one report graph at a time.

The shapes use a small part of SHACL Core: class targets, and property shapes with an IRI
path and min/max count, datatype, ``sh:or`` of datatypes, class, node kind ``sh:IRI``,
pattern, ``sh:in``, min length and min inclusive. Each report graph is read from the store
once and checked in memory (classes include their subclasses in the packaged ontology, as
when pySHACL mixes it in), so a store of 500 reports validates in seconds; pySHACL over an
rdflib copy of the union took minutes. Shared nodes (agencies, places, governments) get
their max counts checked over all graphs too: two reports giving one agency two
jurisdictions is the very error that keys from non-unique place names make. Results count
like pySHACL's: one per focus node for a count constraint, one per value for the others.
A constraint this module cannot check is an error, never silently skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kg.graph.vocab import BASE, ontology_graph, shapes_graph
from kg.store.store import PREFIXES, GraphStore

__all__ = ["Rule", "Validation", "shape_rules", "validate_store"]

_LIMIT = 200
"""Violations listed in the text; all of them are counted."""
_TYPE = ox.NamedNode(str(RDF.type))
_REPORT_LOCAL = BASE + "id/report/"
"""Nodes under a report's IRI live in that report's graph only; all others may be shared."""

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Properties = dict[ox.NamedNode, list[Term]]


@dataclass(frozen=True)
class Validation:
    """Whether the data conforms, the number of violations, and a report text naming them."""

    conforms: bool
    violations: int
    text: str


@dataclass(frozen=True)
class Rule:
    """One constraint of one property shape.

    ``count`` rules test the number of values (``bound``, ``more``: a max count); value rules
    test each value with ``ok``, given the value and the types the data gives it.
    """

    shape: str
    targets: frozenset[ox.NamedNode]
    path: ox.NamedNode
    component: str
    message: str
    ok: Callable[[Term, Callable[[Term], set[ox.NamedNode]]], bool] | None = None
    bound: int = 0
    more: bool = False


@dataclass(frozen=True)
class _Result:
    rule: Rule
    focus: Term
    value: Term | None = None


def validate_store(store: GraphStore, *, graphs: list[URIRef] | None = None) -> Validation:
    """Validate the report graphs (or only ``graphs``) against the shapes, and shared nodes across them."""
    rules = shape_rules()
    by_class: dict[ox.NamedNode, list[Rule]] = defaultdict(list)
    for rule in rules:
        for cls in rule.targets:
            by_class[cls].append(rule)
    most = [rule for rule in rules if rule.more]
    shared: dict[tuple[Term, Rule], set[Term]] = defaultdict(set)
    found: list[_Result] = []
    for name in store.report_graphs() if graphs is None else graphs:
        subjects = _subjects(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(name))))
        found.extend(_graph_results(store, subjects, by_class))
        for focus, props in subjects.items():
            if isinstance(focus, ox.NamedNode) and not focus.value.startswith(_REPORT_LOCAL):
                types = set(props.get(_TYPE, ()))
                for rule in most:
                    if types & rule.targets:
                        shared[(focus, rule)].update(props.get(rule.path, ()))
    seen = {(result.focus, result.rule) for result in found}
    found.extend(_Result(rule, focus) for (focus, rule), values in shared.items()
                 if len(values) > rule.bound and (focus, rule) not in seen)
    return Validation(not found, len(found), _report_text(found))


def _subjects(quads: Iterable[ox.Quad]) -> dict[Term, Properties]:
    """The triples of one graph, by subject and predicate."""
    subjects: dict[Term, Properties] = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        subjects[quad.subject][quad.predicate].append(quad.object)
    return subjects


def _graph_results(store: GraphStore, subjects: dict[Term, Properties],
                   by_class: dict[ox.NamedNode, list[Rule]]) -> list[_Result]:
    """The violations within one graph; a value typed only in another graph is looked up in the store."""

    def types_of(node: Term) -> set[ox.NamedNode]:
        props = subjects.get(node)
        types = set(props.get(_TYPE, ())) if props else set()
        if not types and not isinstance(node, ox.Literal):
            types = {quad.object for quad in store.ox.quads_for_pattern(node, _TYPE, None)}
        return types

    found: list[_Result] = []
    for focus, props in subjects.items():
        rules = {id(rule): rule for cls in props.get(_TYPE, ()) for rule in by_class.get(cls, ())}
        for rule in rules.values():
            values = list(dict.fromkeys(props.get(rule.path, ())))
            if rule.ok is None:
                if (len(values) > rule.bound) if rule.more else (len(values) < rule.bound):
                    found.append(_Result(rule, focus))
                continue
            found.extend(_Result(rule, focus, value) for value in values if not rule.ok(value, types_of))
    return found


def _report_text(found: list[_Result]) -> str:
    lines = ["Validation Report", f"Conforms: {not found}", f"Results ({len(found)}):"]
    for result in found[:_LIMIT]:
        rule = result.rule
        lines += [
            f"Constraint Violation in {rule.component}:",
            f"\tSource Shape: {rule.shape}",
            f"\tFocus Node: {result.focus}",
            f"\tResult Path: {_short(URIRef(rule.path.value))}",
            *([f"\tValue Node: {result.value}"] if result.value is not None else []),
            f"\tMessage: {rule.message}",
        ]
    if len(found) > _LIMIT:
        lines.append(f"… and {len(found) - _LIMIT} more")
    return "\n".join(lines)


@cache
def shape_rules() -> tuple[Rule, ...]:
    """The rules of every constraint in ``kg/shapes.ttl`` (read once per process)."""
    shapes = shapes_graph()
    rules: list[Rule] = []
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        target = shapes.value(shape, SH.targetClass)
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if not isinstance(target, URIRef) or not isinstance(path, URIRef):
                raise ValueError(f"{_short(shape)}: only class targets and IRI paths are supported")
            for parameter, value in shapes.predicate_objects(prop):
                if parameter != SH.path:
                    rules.append(_rule(shapes, _short(shape), _kinds(target), path, parameter, value))
    return tuple(rules)


def _rule(shapes: Graph, shape: str, targets: frozenset[ox.NamedNode], path: URIRef, parameter: Node,
          value: Node) -> Rule:
    """The rule of one constraint ``parameter value`` of a property shape."""
    on = f"on {_short(path)}"

    def rule(name: str, message: str, ok: Callable | None = None, **count: object) -> Rule:
        return Rule(shape, targets, ox.NamedNode(str(path)), f"sh:{name}ConstraintComponent", f"{message} {on}", ok,
                    **count)

    if parameter in (SH.minCount, SH.maxCount):
        more = parameter == SH.maxCount
        return rule("MaxCount" if more else "MinCount", f"{'More' if more else 'Less'} than {int(value)} values",
                    bound=int(value), more=more)
    if parameter == SH.datatype:
        wanted = ox.NamedNode(str(value))
        return rule("Datatype", f"Value is not of datatype {_short(value)}",
                    lambda v, _: isinstance(v, ox.Literal) and v.datatype == wanted)
    if parameter == SH["or"]:
        kinds = {shapes.value(option, SH.datatype) for option in Collection(shapes, value)}
        if not all(isinstance(kind, URIRef) for kind in kinds):
            raise ValueError(f"{shape}: only sh:or of sh:datatype is supported")
        wanted_set = {ox.NamedNode(str(kind)) for kind in kinds}
        return rule("Or", f"Value is none of the datatypes {sorted(map(_short, kinds))}",
                    lambda v, _: isinstance(v, ox.Literal) and v.datatype in wanted_set)
    if parameter == SH["class"]:
        kinds = _kinds(value)
        return rule("Class", f"Value is not an instance of {_short(value)}", lambda v, types: bool(types(v) & kinds))
    if parameter == SH.nodeKind and value == SH.IRI:
        return rule("NodeKind", "Value is not an IRI", lambda v, _: isinstance(v, ox.NamedNode))
    if parameter == SH.pattern:
        pattern = re.compile(str(value))
        return rule("Pattern", f"Value does not match pattern {value}",
                    lambda v, _: not isinstance(v, ox.BlankNode) and pattern.search(v.value) is not None)
    if parameter == SH["in"]:
        options = {_ox_literal(item) for item in Collection(shapes, value)}
        return rule("In", f"Value is not one of {sorted(str(o) for o in options)}", lambda v, _: v in options)
    if parameter == SH.minLength:
        shortest = int(value)
        return rule("MinLength", f"Value is shorter than {shortest} characters",
                    lambda v, _: not isinstance(v, ox.BlankNode) and len(v.value) >= shortest)
    if parameter == SH.minInclusive:
        least = float(value)
        return rule("MinInclusive", f"Value is not >= {value}", lambda v, _: _number(v) >= least)
    raise ValueError(f"{shape}: constraint {_short(parameter)} {value} is not supported by kg validate")


def _number(term: Term) -> float:
    """The numeric value of a literal; minus infinity for anything else (fails every bound)."""
    try:
        return float(term.value) if isinstance(term, ox.Literal) else float("-inf")
    except ValueError:
        return float("-inf")


def _ox_literal(term: Node) -> ox.Literal:
    if not isinstance(term, Literal):
        raise ValueError(f"sh:in holds {term}; only literals are supported")
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))


@cache
def _kinds(cls: Node) -> frozenset[ox.NamedNode]:
    """``cls`` and its subclasses in the packaged ontology (a kg:River is a kg:Place)."""
    return frozenset(ox.NamedNode(str(kind)) for kind in ontology_graph().transitive_subjects(RDFS.subClassOf, cls))


def _short(term: Node) -> str:
    """``term`` as a prefixed name when a known prefix fits (kg:unit), else as it is."""
    text = str(term)
    namespaces = {**PREFIXES, "sh": str(SH), "kgs": "https://w3id.org/kg-cn/shapes#"}
    for prefix, namespace in namespaces.items():
        if isinstance(term, URIRef) and text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text

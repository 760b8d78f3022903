"""Turn one loaded report and what was extracted from it into the report's named graph.

Every extracted fact points to the sentence it came from: sentences ``kg:mentions`` the
agencies, organisations, places, policies and plans they name, and targets, policies and
plans are ``prov:wasDerivedFrom`` their sentences. Sentences carry their text and offsets
in the normalised report text, so a researcher can cite them.

The graph is written straight to N-Triples text (:func:`report_ntriples`), in the exact
form rdflib's serializer gives, because that text is what the store loads and what worker
processes send back: building rdflib terms and a ``Graph`` only to serialise them cost
more than the extraction itself. :func:`report_graph` parses that text for callers who
want an rdflib graph.

The graph also states its tallies (``kg:tally``: the report's target count, each agency's
owned targets, each place's commitments), so corpus-wide rankings add up a few numbers per
report instead of joining every report's targets.

One triple states the graph's digest (``kg:graphDigest``, :func:`graph_digest`), so
a consumer such as ``kg sync`` can tell whether a stored graph changed by reading one
literal; it is stored with the graph, in the same transaction. The lines come out sorted
(by code point), the order the digest hashes them in, so the digest costs one sort and
the store's keeper of graph texts (:mod:`kg.store.texts`) sorts them again in one pass.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO, ORG, PROV

from kg.data import data_words
from kg.divisions import COUNTRY, Division, division, division_by_code, parents_of
from kg.extract.model import Agency, Extraction, Place
from kg.graph import iris
from kg.graph.indexes import indexes_of, read_statements
from kg.graph.vocab import KG
from kg.loaders.model import Metadata, Report
from kg.version import extractor_version

__all__ = [
    "ReportTriples",
    "decimal_lexical",
    "graph_digest",
    "is_shared_feature",
    "literal_date",
    "literal_number",
    "place_scope",
    "report_graph",
    "report_ntriples",
    "text_digest",
]

_COUNTY_SUFFIXES = ("区", "县", "旗", "市辖区")
_FEATURE_TYPES = frozenset({"River", "Lake"})
"""Natural features that cross jurisdictions: one node in every report, keyed by name alone."""
_LOCAL_PREFIXES = frozenset("东西南北中前后内外上下大小新老")
"""First characters that make a two-character water name a local one (东湖, 南河, 小河)."""
_STORE_ESCAPES = bytes((*range(0x0A), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
"""Control characters (one UTF-8 byte each) that rdflib writes as they are and the store's
N-Triples escapes (``\\t``, ``\\u0007``); deleting them from the encoded text is the cheapest search."""
_STORE_ESCAPED_NONCHARACTERS = ("\ufffe", "\uffff")
"""Two more characters the store escapes (``\\uFFFE``, ``\\uFFFF``) and rdflib does not (looked
for in the text: a search of one character in a ``str`` is 6× faster than of its three bytes)."""
_DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


@dataclass(frozen=True)
class ReportTriples:
    """A report's named graph as N-Triples text, its lines sorted: cheap to pass between processes and to load."""

    name: URIRef
    ntriples: str
    triples: int


def decimal_lexical(value: float) -> str:
    """The plain lexical form of an ``xsd:decimal`` (45000, 4.5, 0.00001): no exponent, no ``.0``."""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return format(Decimal(text), "f")


def graph_digest(lines: Iterable[str]) -> str:
    """SHA-256 of N-Triples lines (given without their newline), sorted, each ending in a newline.

    Hashing a stored graph's lines as the store writes them
    (``GraphStore.dump_graph(name).split("\\n")[:-1]``) with its ``kg:graphDigest`` value
    emptied (``""``) gives back the stated digest.
    """
    ordered = sorted(lines)
    return hashlib.sha256(("\n".join(ordered) + "\n" if ordered else "").encode("utf-8")).hexdigest()


def text_digest(report: Report) -> str:
    """The ``kg:textDigest`` of a report's normalised text and metadata (SHA-256, hex): with
    ``kg:extractorVersion`` it tells ``kg build`` whether a stored graph is still current. The
    metadata counts because a dataset row or a folder's ``metadata.csv`` can change it while
    the text stays the same."""
    meta = json.dumps(dataclasses.asdict(report.meta), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{meta}\n{report.text}".encode()).hexdigest()


def _sorted_digest(sorted_lines: list[str]) -> str:
    """:func:`graph_digest` of N-Triples lines already sorted, each ending in a newline, as
    the store writes them back: the lines themselves, unless a literal holds a character
    that rdflib and the store escape differently (then the store's own serialisation)."""
    text = "".join(sorted_lines)
    data = text.encode("utf-8")
    if len(data.translate(None, _STORE_ESCAPES)) != len(data) or any(c in text for c in _STORE_ESCAPED_NONCHARACTERS):
        import pyoxigraph as ox

        stored = ox.serialize(ox.parse(data, ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES).decode()
        return graph_digest(stored.split("\n")[:-1])
    return hashlib.sha256(data).hexdigest()


def literal_number(value: float) -> Literal:
    """An ``xsd:decimal`` literal with a plain lexical form (45000, 4.5)."""
    return Literal(decimal_lexical(value), datatype=XSD.decimal)


def _date_type(text: str) -> URIRef:
    return _DATE_TYPES.get(len(text), XSD.string)


def literal_date(text: str) -> Literal:
    """``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` by how precise ``text`` is."""
    return Literal(text, datatype=_date_type(text))


def is_shared_feature(place: Place) -> bool:
    """Whether ``place`` is one node in every report: a river or lake with a proper name (黄河).

    A kind of water body (护城河, ``data/local_waters.txt``) or a two-character name made of a
    direction or size and the feature (东湖, 小河) names a different one in each city.
    """
    if place.type not in _FEATURE_TYPES:
        return False
    name = place.name
    return name not in _local_waters() and not (len(name) == 2 and name[0] in _LOCAL_PREFIXES)


@cache
def _local_waters() -> frozenset[str]:
    return frozenset(data_words("kg.graph", "local_waters.txt"))


def place_scope(meta: Metadata) -> str | None:
    """The prefecture-level place that keys non-administrative places of a report.

    A river named in a city's report and in its district's report gets one node because
    both reports key it by the city.
    """
    if not meta.jurisdiction:
        return None
    if meta.jurisdiction.endswith(_COUNTY_SUFFIXES) and meta.parents:
        return meta.parents[0]
    return meta.jurisdiction


# N-Triples terms, written as rdflib's serializer writes them ------------------------------
class _Terms:
    """The N-Triples form (``<iri>``) of a namespace's terms, rendered on first use and kept.

    Names go through the rdflib namespace, so a misspelt term of a closed namespace still
    raises instead of minting a new IRI.
    """

    def __init__(self, namespace: type) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        rendered = f"<{self._namespace[name]}>"
        setattr(self, name, rendered)
        return rendered

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)


_KG, _RDF, _RDFS, _SKOS, _DCTERMS, _GEO, _ORG, _PROV = map(_Terms, (KG, RDF, RDFS, SKOS, DCTERMS, GEO, ORG, PROV))
_INTEGER = f"^^<{XSD.integer}>"


def _iri(node: URIRef | str) -> str:
    return f"<{node}>"


def _quoted(text: str) -> str:
    """``text`` as an N-Triples string, escaped like rdflib's serializer does."""
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return f'"{escaped}"'


def _zh(text: str) -> str:
    return _quoted(text) + "@zh"


def _integer(value: int) -> str:
    return f'"{value}"{_INTEGER}'


def _typed(lexical: str, datatype: URIRef) -> str:
    return f"{_quoted(lexical)}^^<{datatype}>"


def _number(value: float) -> str:
    return _typed(decimal_lexical(value), XSD.decimal)


def _date(text: str) -> str:
    return _typed(text, _date_type(text))


class _Builder:
    def __init__(self, report: Report, extraction: Extraction) -> None:
        self.report = report
        self.extraction = extraction
        self.iri = iris.report_iri(report.source)
        self.r = _iri(self.iri)
        self.lines: dict[str, None] = {}  # N-Triples lines in the order made, each once
        self.scope = place_scope(report.meta)
        meta = report.meta
        self.chain = [meta.jurisdiction, *meta.parents] if meta.jurisdiction else list(meta.parents)
        """The report's jurisdiction and the places above it, nearest first."""
        self.keys: dict[str, str] = {}  # place name -> its unique key (iris.place_key)
        self.divisions: set[str] = set()  # nodes of code-table divisions already typed
        self.places: dict[str, str] = {}
        self.agencies: dict[str, str] = {}
        self.section_nodes: dict[str, str] = {}
        self.sentences = {s.index: _iri(iris.sentence_iri(self.iri, s.index)) for s in report.sentences}
        self.read = read_statements()  # what the query indexes read, noted as written (kg.graph.indexes)
        self._read_pairs = self.read.get

    def add(self, s: str, p: str, o: str | None) -> None:
        if o is not None:
            self.lines[f"{s} {p} {o} .\n"] = None
            pairs = self._read_pairs(p)
            if pairs is not None:
                pairs.append((s, o))

    def section(self, section_id: str) -> str:
        node = self.section_nodes.get(section_id)
        if node is None:
            node = self.section_nodes[section_id] = _iri(iris.section_iri(self.iri, section_id))
        return node

    def mentioned(self, node: str, sentences: Iterable[int], *, derived: bool = False) -> None:
        self.add(self.r, _KG.mentions, node)
        for index in sentences:
            if index in self.sentences:
                self.add(self.sentences[index], _KG.mentions, node)
                if derived:
                    self.add(node, _PROV.wasDerivedFrom, self.sentences[index])

    # places -------------------------------------------------------------------------
    def resolve(self, name: str, within: str | None = None) -> Division | None:
        """The division ``name`` is, looked up inside ``within``, else inside the report's places."""
        for anchor in (within, *self.chain) if within else self.chain:
            div = division(name, within=anchor)
            if div is not None:
                return div
        return division(name)

    def key(self, name: str) -> str:
        """The unique key of a jurisdiction named in the report (:func:`iris.place_key`)."""
        if name == COUNTRY:
            return COUNTRY  # the country has no code and nothing above it
        if name not in self.keys:
            div = self.resolve(name)
            self.keys[name] = iris.place_key(name, code=div.code if div else None, parents=self.parents_in_report(name))
        return self.keys[name]

    def parents_in_report(self, name: str) -> tuple[str, ...]:
        """The report's places above ``name``, nearest first: those above it in the report's
        chain, or the whole chain for a place the metadata does not name."""
        if name == COUNTRY:
            return ()
        return tuple(self.chain[self.chain.index(name) + 1 :] if name in self.chain else self.chain)

    def admin_place(self, name: str, within: str | None = None) -> str:
        """Node of an administrative place named in metadata, typed from the code table."""
        if name in self.places:
            return self.places[name]
        div = self.resolve(name, within)
        if div is None:
            parents = self.parents_in_report(name)
            self.keys.setdefault(name, iris.place_key(name, parents=parents))
            node = _iri(iris.place_iri(name, scope=iris.place_key("", parents=parents) or None))
            self.add(node, _RDF.type, _KG.Place)
        else:
            self.keys.setdefault(name, div.code)
            node = self.division_node(div)
        self.add(node, _SKOS.prefLabel, _zh(name))
        self.places[name] = node
        return node

    def division_node(self, div: Division) -> str:
        """Node of a division of the code table, with its type, code and the division above it."""
        node = _iri(iris.place_iri(div.name, code=div.code))
        if node not in self.divisions:
            self.divisions.add(node)
            self.add(node, _RDF.type, _KG[div.type])
            self.add(node, _KG.divisionCode, _quoted(div.code))
            parent = parents_of(div)
            if parent:
                above = self.division_node(parent[0])
                self.add(above, _SKOS.prefLabel, _zh(parent[0].name))
                self.add(node, _KG.within, above)
        return node

    def place(self, place: Place) -> str:
        div = self.resolve(place.name, place.within or self.scope)
        code = place.code or (div.code if div and place.type in {"Province", "City", "District", "County"} else None)
        if code and (div is None or div.code != code):
            div = division_by_code(code) or div  # a short name (济南) keeps the division's label (济南市)
        if code:
            self.keys.setdefault(place.name, code)
        scope = None if is_shared_feature(place) or not self.scope else self.key(self.scope)
        iri = iris.place_iri(place.name, code=code, scope=scope)
        node = _iri(iri)
        self.places[place.name] = node
        official = div.name if code and div is not None else place.name
        self.add(node, _RDF.type, _KG[place.type] if place.type in KG.__annotations__ else _KG.Place)
        self.add(node, _SKOS.prefLabel, _zh(official))
        self.add(node, _KG.mention, _zh(place.name))
        if official != place.name:
            self.add(node, _SKOS.altLabel, _zh(place.name))
        for alias in place.aliases:
            self.add(node, _SKOS.altLabel, _zh(alias))
        if code:
            self.add(node, _KG.divisionCode, _quoted(code))
        if div is not None and div.longitude is not None:
            geometry = _iri(f"{iri}/geometry")
            self.add(node, _GEO.hasGeometry, geometry)
            self.add(geometry, _GEO.asWKT, _typed(f"POINT({div.longitude} {div.latitude})", GEO.wktLiteral))
        return node

    def place_links(self) -> None:
        for place in self.extraction.places:
            if place.within and place.within != place.name:
                parent = self.places.get(place.within) or self.admin_place(place.within)
                self.add(self.places[place.name], _KG.within, parent)

    # report ---------------------------------------------------------------------------
    def metadata(self) -> None:
        meta, r = self.report.meta, self.r
        self.add(r, _RDF.type, _KG.Report)
        self.add(r, _KG.sourceFile, _quoted(self.report.source))
        self.add(r, _KG.textDigest, _quoted(text_digest(self.report)))
        self.add(r, _KG.extractorVersion, _quoted(extractor_version()))
        if self.report.encoding:
            self.add(r, _KG.encoding, _quoted(self.report.encoding))
        if meta.title:
            self.add(r, _DCTERMS.title, _zh(meta.title))
            self.add(r, _RDFS.label, _zh(meta.title))
        if meta.kind:
            self.add(r, _KG.kind, _zh(meta.kind))
        if meta.date:
            self.add(r, _DCTERMS.date, _date(meta.date))
        if meta.plan_year:
            self.add(r, _KG.planYear, _typed(str(meta.plan_year), XSD.gYear))
        if meta.approves:  # a resolution: the report it approves, by the name that report builds under
            self.add(r, _KG.approves, _iri(iris.report_iri(meta.approves)))
        chain = self.chain
        for i in range(len(chain) - 1, -1, -1):  # top-down, so namesakes resolve within parents
            within = chain[i + 1] if i + 1 < len(chain) else None
            node = self.admin_place(chain[i], within)
            if within:
                self.add(node, _KG.within, self.places[within])
        if meta.jurisdiction:
            place = self.places[meta.jurisdiction]
            self.add(r, _KG.jurisdiction, place)
            if meta.issuer:
                gov = _iri(iris.government_iri(self.key(meta.jurisdiction)))
                self.add(r, _KG.issuer, gov)
                self.add(gov, _RDF.type, _KG.Government)
                self.add(gov, _SKOS.prefLabel, _zh(meta.issuer))
                self.add(gov, _KG.jurisdiction, place)

    def structure(self) -> None:
        r = self.r
        sections = self.report.section_by_id()
        for root in self.report.sections:
            self.add(r, _KG.hasSection, self.section(root.id))
        for section in sections.values():
            node = self.section(section.id)
            self.add(node, _RDF.type, _KG.Section)
            self.add(node, _RDFS.label, _zh(section.title) if section.title else None)
            self.add(node, _KG.marker, _quoted(section.number) if section.number else None)
            self.add(node, _KG.part, _quoted(section.part) if section.part else None)
            self.add(node, _KG.startOffset, _integer(section.start))
            for child in section.children:
                self.add(node, _KG.hasSection, self.section(child.id))
        # A section states no level and no end: nothing reads them (its nesting is kg:hasSection,
        # its marker kg:marker; it ends where the next section at its depth or above starts).
        # Sections, sentences and list items state no kg:inReport: the report's graph is the one
        # graph that types them, and readers derive the link from it (kg.graph.vocab.REPORT_PARTS).
        # items are keyed by position: written numbers repeat when a list is misnumbered
        item_nodes = [_iri(iris.item_iri(self.iri, str(n))) for n in range(1, len(self.report.items) + 1)]
        items: dict[str, str] = {}
        for item, item_node in zip(self.report.items, item_nodes, strict=True):
            items.setdefault(item.label, item_node)
        # A sentence states 5 triples, not 8: not its position (the number in its IRI; start
        # offsets order sentences), nor its end when its text is the slice from its start
        # (start + length), nor its report (its graph's). Its part stays, so a query filters
        # on it without a path.
        for sentence in self.report.sentences:
            node = self.sentences[sentence.index]
            self.add(node, _RDF.type, _KG.Sentence)
            self.add(node, _KG.text, _zh(sentence.text))
            self.add(node, _KG.startOffset, _integer(sentence.start))
            if sentence.end != sentence.start + len(sentence.text):  # not a plain slice: say where it ends
                self.add(node, _KG.endOffset, _integer(sentence.end))
            if sentence.section is not None:
                self.add(node, _KG.inSection, self.section(sentence.section))
            self.add(node, _KG.part, _quoted(sentence.part) if sentence.part else None)
            for ref in sentence.refs:
                self.add(node, _KG.refersTo, items.get(ref))
        for item, node in zip(self.report.items, item_nodes, strict=True):
            self.add(node, _RDF.type, _KG.ListItem)
            self.add(node, _KG.itemLabel, _quoted(item.label))
            self.add(node, _KG.index, _integer(item.number))
            self.add(node, _KG.text, _zh(item.text))
            self.add(node, _PROV.wasDerivedFrom, self.sentences.get(item.sentence))
            if item.owner:
                self.add(node, _KG.responsibleAgency, self.agencies.get(item.owner))

    # actors -----------------------------------------------------------------------------
    def agency(self, agency: Agency) -> str:
        key = self.key(agency.jurisdiction) if agency.jurisdiction else None
        node = _iri(iris.agency_iri(key, agency.name))
        for form in (agency.mention, *agency.aliases):
            self.agencies.setdefault(form, node)
        self.add(node, _RDF.type, _KG.Agency)
        national = agency.jurisdiction == COUNTRY  # 国务院, 教育部: their names are already the country's
        self.add(node, _SKOS.prefLabel, _zh(agency.name if national else f"{agency.jurisdiction or ''}{agency.name}"))
        self.add(node, _RDFS.label, _zh(agency.mention))
        self.add(node, _KG.mention, _zh(agency.mention))
        for alias in agency.aliases:
            if alias != agency.mention:
                self.add(node, _SKOS.altLabel, _zh(alias))
        if agency.jurisdiction:
            place = self.places.get(agency.jurisdiction) or self.admin_place(agency.jurisdiction)
            self.add(node, _KG.jurisdiction, place)
            self.add(node, _ORG.subOrganizationOf, _iri(iris.government_iri(key)))
        self.mentioned(node, agency.sentences)
        return node

    def entities(self) -> None:
        ex = self.extraction
        for place in ex.places:
            self.mentioned(self.place(place), place.sentences)
        self.place_links()
        for agency in ex.agencies:
            self.agency(agency)
        for organization in ex.organizations:
            node = _iri(iris.organization_iri(organization.name))
            self.add(node, _RDF.type, _KG.Organization)
            self.add(node, _SKOS.prefLabel, _zh(organization.name))
            self.mentioned(node, organization.sentences)
        jurisdiction = self.report.meta.jurisdiction
        scope = self.key(jurisdiction) if jurisdiction else None  # 市中区 of two cities: two policies
        policies = {p.title: _iri(iris.policy_iri(scope, p.title)) for p in ex.policies}
        for policy in ex.policies:
            node = policies[policy.title]
            self.add(node, _RDF.type, _KG.PolicyDocument)
            self.add(node, _DCTERMS.title, _zh(policy.title))
            self.add(node, _RDFS.label, _zh(policy.title))
            self.add(node, _KG.status, _quoted(policy.status))
            self.add(node, _KG.draftingAgency, self.agencies.get(policy.agency or ""))
            for other in policy.may_be_same_as:
                self.add(node, _KG.mayBeSameAs, policies.get(other))
            self.mentioned(node, policy.sentences, derived=True)
        for plan in ex.plans:
            node = _iri(iris.plan_iri(scope, plan.name))
            self.add(node, _RDF.type, _KG.Plan)
            self.add(node, _RDFS.label, _zh(plan.name))
            self.add(node, _KG.responsibleAgency, self.agencies.get(plan.agency or ""))
            self.mentioned(node, plan.sentences, derived=True)

    def targets(self) -> None:
        for number, target in enumerate(self.extraction.targets, start=1):
            node = _iri(iris.target_iri(self.iri, number))
            self.add(node, _RDF.type, _KG.Target)
            self.add(node, _KG.inReport, self.r)
            self.add(node, _KG.text, _zh(target.text))  # its label too: readers derive rdfs:label from it
            self.add(node, _KG.value, _number(target.value))
            if target.value_max is not None:
                self.add(node, _KG.valueMax, _number(target.value_max))
            self.add(node, _KG.unit, _quoted(target.unit))
            self.add(node, _KG.comparator, _quoted(target.comparator))
            self.add(node, _KG.role, _quoted(target.role))
            if target.deadline:
                self.add(node, _KG.deadline, _date(target.deadline))
            if target.indicator:
                self.add(node, _KG.indicator, _zh(target.indicator))
            if target.start is not None and target.end is not None:  # the end only when not start + length
                self.add(node, _KG.startOffset, _integer(target.start))
                if target.end != target.start + len(target.text):
                    self.add(node, _KG.endOffset, _integer(target.end))
            self.add(node, _KG.responsibleAgency, self.agencies.get(target.agency or ""))
            for mention in target.supporting:
                self.add(node, _KG.supportingAgency, self.agencies.get(mention))
            for name in target.places:
                self.add(node, _KG.aboutPlace, self.places.get(name))
            self.add(node, _PROV.wasDerivedFrom, self.sentences.get(target.sentence))

    def tallies(self) -> None:
        """The report's counts (``kg:tally``), worked out from the targets it states, so
        corpus-wide rankings add up one number per report and entity instead of joining
        every report's targets: targets stated, per agency the targets it owns, per place
        the commitments (role ``target``) about it."""
        targets = self.extraction.targets
        self.add(self.r, _KG.targetCount, _integer(len(targets)))
        owned: Counter[str] = Counter()
        commitments: Counter[str] = Counter()
        for target in targets:
            agency = self.agencies.get(target.agency or "")
            if agency is not None:
                owned[agency] += 1
            if target.role == "target":
                commitments.update({place for name in target.places if (place := self.places.get(name))})
        for node, count in owned.items():
            self.add(node, _KG.ownedTargetCount, _integer(count))
        for node, count in commitments.items():
            self.add(node, _KG.commitmentCount, _integer(count))

    def build(self) -> ReportTriples:
        self.metadata()
        self.entities()
        self.structure()
        self.targets()
        self.tallies()
        for line in indexes_of(self.read):  # kg.graph.indexes: derived from the statements above
            self.lines[line] = None
        return self.with_digest(sorted(self.lines))

    def with_digest(self, lines: list[str]) -> ReportTriples:
        """The graph of the sorted ``lines`` and the line stating its digest: :func:`graph_digest`
        of its lines and that one with an empty value (so it differs from the digest of the same
        graph without the statement, which is what stores built before it hold). The stated line
        sorts where the emptied one did: no other line starts with the report's ``kg:graphDigest``."""
        unset = f"{self.r} {_KG.graphDigest} {_quoted('')} .\n"
        at = bisect.bisect_left(lines, unset)
        lines.insert(at, unset)
        lines[at] = f"{self.r} {_KG.graphDigest} {_quoted(_sorted_digest(lines))} .\n"
        return ReportTriples(self.iri, "".join(lines), len(lines))


def report_ntriples(report: Report, extraction: Extraction) -> ReportTriples:
    """The report's named graph (named by the report's IRI) as N-Triples text."""
    return _Builder(report, extraction).build()


def report_graph(report: Report, extraction: Extraction) -> Graph:
    """Return the named graph (identified by the report's IRI) holding everything about it."""
    built = report_ntriples(report, extraction)
    graph = Graph(identifier=built.name)
    graph.parse(data=built.ntriples, format="nt")
    return graph

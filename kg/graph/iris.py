"""Deterministic IRIs for everything kg mints.

The same input gives the same IRIs on any machine. A report is named by its path
relative to the build root, without suffix (``a/r.txt`` -> ``report/a%2Fr``). Report-local
things (sections, sentences, targets) live under the report's IRI; shared things are keyed
by what identifies them across reports, never by a place name alone (市中区 is a district
of several cities): an administrative place by its GB/T 2260 code; a government or agency
by its jurisdiction's key (:func:`place_key`: the code, or the names of the place and its
parents when it has none) and canonical name; a river or lake by its name alone (it is
one feature in every report); any other place by the key of the prefecture-level city it
lies in and its name; a policy or plan by its jurisdiction's key and title. Chinese
characters are kept (IRIs allow them); anything else outside ``[A-Za-z0-9-._~]`` is
percent-encoded, so IRIs are safe in N-Triples, GraphML and Neo4j alike.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import quote

from rdflib import URIRef

from kg.graph.vocab import BASE

__all__ = [
    "agency_iri",
    "government_iri",
    "item_iri",
    "organization_iri",
    "place_iri",
    "place_key",
    "plan_iri",
    "policy_iri",
    "report_iri",
    "section_iri",
    "segment",
    "sentence_iri",
    "target_iri",
]

_ID = BASE + "id/"


@lru_cache(maxsize=65536)  # names and section ids recur within and across reports
def segment(text: str) -> str:
    """Return ``text`` as one IRI path segment: letters and digits kept, the rest escaped."""
    return "".join(ch if ch.isalnum() or ch in "-._~" else quote(ch, safe="") for ch in text.strip())


def report_iri(source: str) -> URIRef:
    """IRI of a report, from its source name (the path under the build root) without suffix; also its graph name.

    Folders are kept (``a/r.txt`` and ``b/r.txt`` are two reports); spaces around a part
    are not part of the name; a dataset row's name (``data.jsonl#2024年…``) is kept whole.
    """
    parts = [part.strip() for part in PurePosixPath(source.replace("\\", "/")).parts]
    if parts and "#" not in PurePosixPath(parts[-1]).suffix:  # a dataset row (data.jsonl#key) keeps its name
        parts[-1] = PurePosixPath(parts[-1]).stem.strip()
    return URIRef(f"{_ID}report/{segment('/'.join(parts))}")


def place_key(name: str, *, code: str | None = None, parents: tuple[str, ...] = ()) -> str:
    """What keys a jurisdiction: its division code, else its name after its parents' names (outermost first).

    A name alone is not unique in China (市中区, anonymised XX市), so a place without a
    code is told apart by the places it lies in.
    """
    return code or "".join((*reversed(parents), name))


def section_iri(report: URIRef, section_id: str) -> URIRef:
    return URIRef(f"{report}/section/{segment(section_id)}")


def sentence_iri(report: URIRef, index: int) -> URIRef:
    return URIRef(f"{report}/sentence/{index}")


def item_iri(report: URIRef, position: str) -> URIRef:
    """A list item by its position among the report's items (written numbers may repeat)."""
    return URIRef(f"{report}/item/{segment(position)}")


def target_iri(report: URIRef, number: int) -> URIRef:
    return URIRef(f"{report}/target/{number}")


def government_iri(jurisdiction: str) -> URIRef:
    """The people's government of a place, by the place's :func:`place_key` (371500 -> 聊城市人民政府)."""
    return URIRef(f"{_ID}government/{segment(jurisdiction)}")


def agency_iri(jurisdiction: str | None, name: str) -> URIRef:
    """A body keyed by its jurisdiction's :func:`place_key` and its canonical name: every alias maps to one node."""
    return URIRef(f"{_ID}agency/{segment(jurisdiction or '_')}/{segment(name)}")


def organization_iri(name: str) -> URIRef:
    return URIRef(f"{_ID}organization/{segment(name)}")


def place_iri(name: str, *, code: str | None = None, scope: str | None = None) -> URIRef:
    """An administrative place by its division code; any other place by its scope's key (none for
    a river or lake) and name."""
    if code:
        return URIRef(f"{_ID}place/{code}")
    return URIRef(f"{_ID}place/{segment(scope or '_')}/{segment(name)}")


def policy_iri(scope: str | None, title: str) -> URIRef:
    return URIRef(f"{_ID}policy/{segment(scope or '_')}/{segment(title)}")


def plan_iri(scope: str | None, name: str) -> URIRef:
    return URIRef(f"{_ID}plan/{segment(scope or '_')}/{segment(name)}")

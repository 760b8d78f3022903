"""Batch exports for other systems: RDF serialisations and property-graph tables."""

from kg.export.neo4j_import import write_neo4j_import
from kg.export.rdf import JSONLD_CONTEXT, RDF_FORMATS, export_rdf, write_rdf
from kg.export.tables import TABLE_FORMATS, write_csv, write_graphml

FORMATS = RDF_FORMATS + TABLE_FORMATS

__all__ = ["FORMATS", "JSONLD_CONTEXT", "RDF_FORMATS", "TABLE_FORMATS", "export_rdf", "write_csv", "write_graphml",
           "write_neo4j_import", "write_rdf"]

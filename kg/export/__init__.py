"""Batch exports for other systems: RDF serialisations, property-graph tables, and the flat
tables of the researcher's bench (CSV, xlsx, SQLite)."""

from kg.export.flat import TABLES, report_graphs, table_rows
from kg.export.neo4j_import import write_neo4j_import
from kg.export.rdf import JSONLD_CONTEXT, RDF_FORMATS, export_rdf, write_rdf
from kg.export.spreadsheet import SPREADSHEET_TABLES, write_table_csvs, write_xlsx
from kg.export.sqlite import write_sqlite
from kg.export.tables import TABLE_FORMATS, write_csv, write_graphml

FLAT_FORMATS = ("tables", "xlsx", "sqlite")
FORMATS = RDF_FORMATS + TABLE_FORMATS
"""Whole-graph formats; the flat tables of :data:`FLAT_FORMATS` come from :mod:`kg.export.flat`."""

__all__ = ["FLAT_FORMATS", "FORMATS", "JSONLD_CONTEXT", "RDF_FORMATS", "SPREADSHEET_TABLES", "TABLES", "TABLE_FORMATS",
           "export_rdf", "report_graphs", "table_rows", "write_csv", "write_graphml", "write_neo4j_import",
           "write_rdf", "write_sqlite", "write_table_csvs", "write_xlsx"]

"""The flat tables (:mod:`kg.export.flat`) as files a spreadsheet and pandas read correctly:
one CSV per table, or one ``.xlsx`` workbook with a sheet per table.

CSV numbers are written plainly (``85``, ``2.5``), dates as ISO text; ``excel=True`` adds the
UTF-8 byte-order mark without which Excel shows Chinese as mojibake, and quotes text that
Excel would run as a formula (:func:`excel_text`). The workbook types its
cells: numbers are numbers, dates are dates. Files are written next to their final name and
renamed into place, so a failed export never leaves a half-written table.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.export.flat import TABLES, table_rows
from kg.store import GraphStore

__all__ = ["SPREADSHEET_TABLES", "excel_text", "write_table_csvs", "write_xlsx"]

SPREADSHEET_TABLES = ("reports", "targets", "agencies", "places", "policies", "plans")
"""The tables of ``kg export --format tables|xlsx``, in file and sheet order."""


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_text(text: str) -> str:
    """``text`` as an Excel CSV cell: text that starts like a formula (``=``, ``+``, ``-``, ``@``;
    a comparator is often ``=``) gets a leading ``'`` so Excel shows it instead of running it
    (the OWASP rule against CSV injection); numbers such as ``-5`` stay numbers."""
    if not text.startswith(_FORMULA_STARTS):
        return text
    try:
        float(text)
    except ValueError:
        return f"'{text}"
    return text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_table_csvs(store: GraphStore, folder: str | Path, *, graphs: Sequence[str] | None = None,
                     excel: bool = False) -> list[Path]:
    """Write ``reports.csv``, ``targets.csv``, … into ``folder`` (rows of the report graphs
    ``graphs`` only, when given); ``excel`` writes for Excel: a byte-order mark, formula-like
    text quoted (:func:`excel_text`). Returns the paths."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"{folder}: cannot create the folder ({exc.strerror or exc})") from None
    written = []
    for name in SPREADSHEET_TABLES:
        path = folder / f"{name}.csv"
        partial = path.with_name(f".{path.name}.partial")
        try:
            with partial.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(TABLES[name].columns)
                cell = (lambda v: excel_text(_text(v))) if excel else _text
                writer.writerows([cell(v) for v in row] for row in table_rows(store, name, graphs=graphs))
            os.replace(partial, path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise KgError(f"{path}: cannot write ({exc.strerror or exc})") from None
        written.append(path)
    return written


def write_xlsx(store: GraphStore, path: str | Path, *, graphs: Sequence[str] | None = None) -> Path:
    """Write the tables as sheets ``reports``, ``targets``, … of one Excel workbook (openpyxl,
    written row by row); numbers and dates are typed cells."""
    try:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
    except ImportError:
        raise KgError("xlsx needs openpyxl: pip install 'kg[excel]'") from None
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    book = Workbook(write_only=True)
    for name in SPREADSHEET_TABLES:
        sheet = book.create_sheet(name)
        sheet.freeze_panes = "A2"
        header = []
        for column in TABLES[name].columns:
            cell = WriteOnlyCell(sheet, value=column)
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        for row in table_rows(store, name, graphs=graphs):
            sheet.append([_xlsx_cell(sheet, v) for v in row])
    try:
        book.save(partial)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise KgError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return path


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    """A cell as openpyxl takes it: text is always a text cell (report text starting with ``=``
    is never a formula) without the control characters a workbook cannot hold."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell

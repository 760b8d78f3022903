"""Options and output shared by the ``kg`` subcommands."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import click

from kg.errors import KgError, one_line

__all__ = ["excel_option", "fail", "format_option", "json_value", "print_rows", "source_filter", "source_options",
           "store_option"]

F = TypeVar("F", bound=Callable[..., Any])


def store_option(func: F) -> F:
    """``--store PATH`` (env ``KG_STORE``; default ``./.kg/store``)."""
    return click.option(
        "--store", "store_dir", type=click.Path(file_okay=False), envvar="KG_STORE", default=None,
        help="Store folder [env KG_STORE; default ./.kg/store].",
    )(func)


def format_option(func: F) -> F:
    """``--format table|csv|json`` for commands that print rows."""
    return click.option(
        "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
        help="Output format.",
    )(func)


def excel_option(func: F) -> F:
    """``--excel``: CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese."""
    return click.option("--excel", is_flag=True,
                        help="CSV with a UTF-8 byte-order mark, so Excel shows Chinese correctly.")(func)


def source_options(func: F) -> F:
    """``--report``, ``--jurisdiction`` and ``--year`` (each repeatable): keep only rows from them."""
    for name, kind, about in (("year", str, "a year, e.g. 2026"),
                              ("jurisdiction", str, "a jurisdiction's name, e.g. 山东省"),
                              ("report", str, "a report's name as `kg query reports` lists it")):
        func = click.option(f"--{name}", f"{name}s", multiple=True, type=kind, metavar=name.upper(),
                            help=f"Only rows from {about} (repeatable).")(func)
    return func


def source_filter(reports: Sequence[str], jurisdictions: Sequence[str], years: Sequence[str]) -> Any:
    """The :class:`~kg.query.filters.SourceFilter` of the ``source_options`` values (exit 2 on a bad year)."""
    from kg.query.filters import SourceFilter

    try:
        return SourceFilter.of(reports, jurisdictions, years)
    except KgError as error:
        raise fail(error, code=2) from None


def fail(error: KgError | str, *, code: int = 1) -> click.ClickException:
    """A one-line user error (exit code ``code``, no traceback; 2 for a wrong parameter): line breaks
    and control characters in the message (a file name with a newline) are shown as escapes."""
    exception = click.ClickException(one_line(str(error)))
    exception.exit_code = code
    return exception


def json_value(value: Any) -> Any:
    """A cell as JSON keeps it: numbers stay numbers (a whole Decimal becomes an int), dates ISO text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK is double width in a terminal


def _print_json(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write rows as ``json.dumps(list, indent=2)`` would, one object at a time as they come."""
    out = sys.stdout
    first = True
    for row in rows:
        text = json.dumps(dict(zip(columns, row, strict=False)), ensure_ascii=False, indent=2, default=json_value)
        out.write(("[\n" if first else ",\n") + "\n".join("  " + line for line in text.splitlines()))
        first = False
    out.write("[]\n" if first else "\n]\n")


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table", *,
               excel: bool = False) -> None:
    """Print rows as an aligned table, CSV (for Excel if ``excel``: a byte-order mark, formulas
    quoted) or a JSON list of objects to stdout; JSON keeps numbers as numbers."""
    if fmt == "json":
        _print_json(columns, rows)
        return
    if fmt == "csv":
        cell = _cell
        if excel:
            from kg.export.spreadsheet import excel_text

            sys.stdout.write("\ufeff")
            cell = lambda v: excel_text(_cell(v))  # noqa: E731
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell(v) for v in row] for row in rows)
        return
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([_width(c), *(_width(r[i]) for r in cells)]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=False)).rstrip()

    click.echo(line(columns))
    click.echo(line(["-" * w for w in widths]))
    for row in cells:
        click.echo(line(row))
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")

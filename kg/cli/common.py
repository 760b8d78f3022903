"""Options and output shared by the ``kg`` subcommands."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from kg.errors import KgError, one_line

__all__ = ["fail", "format_option", "print_rows", "store_option"]

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


def fail(error: KgError | str) -> click.ClickException:
    """A one-line user error (exit code 1, no traceback): line breaks and control characters in
    the message (a file name with a newline) are shown as escapes."""
    return click.ClickException(one_line(str(error)))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK is double width in a terminal


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table") -> None:
    """Print rows as an aligned table, CSV or a JSON list of objects to stdout."""
    if fmt == "json":
        data = [dict(zip(columns, row, strict=False)) for row in rows]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(v) for v in row] for row in rows)
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

"""``kg remove``: drop reports from the store (the next ``kg sync`` drops them from Neo4j)."""

from __future__ import annotations

import click

from kg.cli.common import fail, store_option
from kg.errors import KgError

__all__ = ["remove"]


@click.command()
@click.argument("reports", nargs=-1, required=True)
@store_option
def remove(reports: tuple[str, ...], store_dir: str | None) -> None:
    """Remove reports from the store, named as `kg build` prints them or by file path.

    Every name must match exactly one stored report, or nothing is removed. The next
    `kg sync` removes them from Neo4j too.

    \b
    Example:
      kg remove fushun-wanghua-2022-gov-report.txt
      kg remove examples/reports/liaocheng-2023-gov-report-part.txt
    """
    from kg.store import open_store
    from kg.store.remove import remove_reports

    try:
        with open_store(store_dir) as store:
            removed = remove_reports(store, reports)
            path = store.path
    except KgError as error:
        raise fail(error) from None
    for source in removed:
        click.echo(f"removed {source}")
    click.echo(f"{len(removed)} report{'s' if len(removed) != 1 else ''} removed from {path}; "
               "`kg sync` removes them from Neo4j")

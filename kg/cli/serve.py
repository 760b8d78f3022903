"""``kg serve``: browse the graph's tables in datasette, on this machine only."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from kg.cli.common import fail, store_option
from kg.errors import KgError

__all__ = ["serve"]


@click.command()
@click.argument("database", required=False, type=click.Path(dir_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
@store_option
def serve(database: str | None, port: int, open_browser: bool, store_dir: str | None) -> None:
    """Open the graph's tables in datasette on http://127.0.0.1:PORT (needs kg[serve]).

    DATABASE is a file of `kg export --format sqlite`; without one the store is exported to a
    temporary database first. Tables are faceted by jurisdiction, year, indicator and role,
    each target links to its sentence and report, and the sentences have full-text search.
    Stop with Ctrl-C.

    \b
    Examples:
      kg export --format sqlite -o kg.db && kg serve kg.db
      kg serve --store .kg/store --port 8080
    """
    import importlib.util

    from kg.export.sqlite import datasette_metadata

    if importlib.util.find_spec("datasette") is None:
        raise fail("kg serve needs datasette: pip install 'kg[serve]'")
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        if database is None:
            database = str(Path(tmp) / "kg.db")
            _export(store_dir, database)
        elif not Path(database).is_file():
            raise fail(f"{database}: no such database file (write one with kg export --format sqlite -o FILE.db)")
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(database), ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, "-m", "datasette", "serve", "-i", database, "--host", "127.0.0.1",
                   "--port", str(port), "--metadata", str(metadata), "--setting", "suggest_facets", "off"]
        if open_browser:
            command.append("--open")
        click.echo(f"serving {database} on http://127.0.0.1:{port}/ (Ctrl-C stops)", err=True)
        try:
            code = subprocess.call(command)
        except KeyboardInterrupt:
            code = 0
    if code:
        raise fail(f"datasette stopped with exit code {code}")


def _export(store_dir: str | None, database: str) -> None:
    """Write the store's tables to ``database``."""
    from kg.export.sqlite import write_sqlite
    from kg.store import open_store

    try:
        with open_store(store_dir, read_only=True) as store:
            write_sqlite(store, database)
    except KgError as error:
        raise fail(error) from None

"""``kg load``: merge N-Quads files (shards built apart) into the store."""

from __future__ import annotations

import click

from kg.cli.common import fail, store_option
from kg.errors import KgError

__all__ = ["load"]


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@store_option
def load(files: tuple[str, ...], store_dir: str | None) -> None:
    """Load N-Quads files (from `kg export --format nquads`) into the store.

    Each report is its own named graph, so shards of a corpus built in separate processes
    or on several machines merge safely: a report graph already stored is replaced, and a
    report in two of the files is refused before anything is written.

    \b
    Example:
      kg build shard-1/ --store s1 && kg export --format nquads -o s1.nq --store s1
      kg build shard-2/ --store s2 && kg export --format nquads -o s2.nq --store s2
      kg load s1.nq s2.nq --store merged
    """
    from kg.store import open_store
    from kg.store.load import load_nquads

    try:
        with open_store(store_dir) as store:
            result = load_nquads(store, files, on_file=lambda path, n: click.echo(f"loaded {path} ({n} graphs)",
                                                                                  err=True))
    except KgError as error:
        raise fail(error) from None
    click.echo(f"{result.graphs} report graphs from {result.files} files ({result.replaced} replaced); "
               f"{result.quads} quads in {store.path}")

"""``kg neo4j start|stop|status`` and ``kg sync``: thin wrappers over :mod:`kg.neo4j` and
:mod:`kg.sync`; the connection options that ``kg query --cypher`` shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from kg.cli.common import fail, format_option, print_rows, store_option
from kg.errors import KgError
from kg.sync.lock import DEFAULT_WAIT_SECONDS
from kg.sync.sync import DEFAULT_BATCH_SIZE

__all__ = ["connect_or_fail", "connection_options", "neo4j", "sync"]

F = TypeVar("F", bound=Callable[..., Any])


def data_option(func: F) -> F:
    """``--data DIR`` (env ``KG_NEO4J_DATA``; default ``./.kg/neo4j``)."""
    return click.option("--data", "data", type=click.Path(file_okay=False), envvar="KG_NEO4J_DATA", default=None,
                        help="Data folder of the local server [env KG_NEO4J_DATA; default ./.kg/neo4j].")(func)


def connection_options(func: F) -> F:
    """``--uri/--user/--password/--database`` (env ``NEO4J_*``), defaulting to the local server."""
    options = [
        click.option("--uri", envvar="NEO4J_URI", help="Bolt URI, e.g. neo4j+s://xxxx.databases.neo4j.io "
                     "[env NEO4J_URI; default: the local server of --data]."),
        click.option("--user", envvar="NEO4J_USER", help="User [env NEO4J_USER; default neo4j]."),
        click.option("--password", envvar="NEO4J_PASSWORD", help="Password [env NEO4J_PASSWORD; default: the "
                     "local server's generated password]. Prefer the env var: arguments show in ps."),
        click.option("--database", envvar="NEO4J_DATABASE", help="Database name [env NEO4J_DATABASE; default: "
                     "the server's default]."),
        data_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def connect_or_fail(uri: str | None, user: str | None, password: str | None, data: str | None, *,
                    notices: bool = True) -> Any:
    """A driver from the connection options, or a one-line CLI error.

    The local server is found from any folder of the project (:func:`kg.neo4j.connect.find_server`).
    With ``notices``, the server's warnings about a query (a misspelt label or property) are
    printed as one ``warning: Neo4j …`` line each on stderr.
    """
    from kg.neo4j import connect

    try:
        driver = connect(uri, user, password, data=data)
    except KgError as error:
        raise fail(error) from None
    if notices:
        _print_notices()
    return driver


def _print_notices() -> None:
    """Have the driver's notification log print warnings as one line each (once per process)."""
    import logging

    from kg.neo4j.connect import notice_text

    class OneLine(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            printer = record.args[0] if isinstance(record.args, tuple) and record.args else None
            notice = getattr(printer, "notification", None)
            click.echo(f"warning: Neo4j {notice_text(notice) if notice is not None else record.getMessage()}",
                       err=True)

    log = logging.getLogger("neo4j.notifications")
    if not any(type(h).__name__ == "OneLine" for h in log.handlers):
        handler = OneLine(logging.WARNING)
        log.addHandler(handler)
        log.propagate = False  # printed here once, not also by a handler the caller configured


@click.group()
def neo4j() -> None:
    """Run the project's own Neo4j (Community 5.26, Bolt on 127.0.0.1).

    \b
    Example:
      kg neo4j start && kg build examples/reports && kg sync
      kg query --cypher agencies_by_targets
      kg neo4j stop
    """


@neo4j.command()
@data_option
@click.option("--port", type=click.IntRange(1, 65535), default=7687, show_default=True, help="Bolt port.")
@click.option("--heap", default="2g", show_default=True, envvar="KG_NEO4J_HEAP", help="JVM heap [env KG_NEO4J_HEAP].")
def start(data: str | None, port: int, heap: str) -> None:
    """Start Neo4j in the background and wait until Bolt answers.

    The first start builds the launcher with Maven (once; jars cached in ~/.m2). Auth is
    on: user neo4j, password $NEO4J_PASSWORD if set, else a generated one kept in
    DATA/password (mode 0600).
    """
    from kg.neo4j.server import start_server

    try:
        status = start_server(data, port=port, heap=heap)
    except KgError as error:
        raise fail(error) from None
    click.echo(status.uri)
    click.echo(f"data: {status.data}  pid: {status.pid}  user: neo4j  password: "
               f"{'$NEO4J_PASSWORD' if _env_password() else status.data / 'password'}", err=True)


def _env_password() -> bool:
    import os

    return bool(os.environ.get("NEO4J_PASSWORD"))


@neo4j.command()
@data_option
def stop(data: str | None) -> None:
    """Stop the local Neo4j cleanly."""
    from kg.neo4j.server import data_dir, stop_server

    was_running = stop_server(data)
    click.echo(f"stopped ({data_dir(data)})" if was_running else f"not running ({data_dir(data)})")


@neo4j.command()
@data_option
def status(data: str | None) -> None:
    """Say whether the local Neo4j runs, and where (exit code 1 if not)."""
    from kg.neo4j.server import server_status

    state = server_status(data)
    if not state.running:
        click.echo(f"not running (data: {state.data})")
        raise SystemExit(1)
    click.echo(f"running: {state.uri}  pid: {state.pid}  data: {state.data}")


@click.command()
@store_option
@connection_options
@click.option("--batch-size", type=click.IntRange(1), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Rows per statement.")
@click.option("--wait", type=click.FloatRange(0), default=DEFAULT_WAIT_SECONDS, show_default=True,
              help="Seconds to wait for another sync into the same database to finish before giving up.")
@click.option("--replace", is_flag=True, help="Take over a database that another store synced into, deleting "
              "that store's reports (without it such a sync is refused and changes nothing).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@format_option
def sync(store_dir: str | None, uri: str | None, user: str | None, password: str | None, database: str | None,
         data: str | None, batch_size: int, wait: float, replace: bool, quiet: bool, fmt: str) -> None:
    """Sync the store into Neo4j: only reports added, changed or removed since the last sync.

    Safe to repeat (a second run changes nothing) and to interrupt (the next run
    finishes the job). One sync at a time writes to a database: a second one waits
    (--wait) for the first, then refuses. A database belongs to the store that first
    synced into it: a sync from another store is refused (use a server or database of
    its own, or --replace to take it over).

    \b
    Examples:
      kg sync
      NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io NEO4J_PASSWORD=… kg sync
    """
    from neo4j.exceptions import ClientError, DriverError, Neo4jError

    from kg.neo4j.connect import driver_message
    from kg.store import open_store
    from kg.sync import sync_to_neo4j

    try:
        with open_store(store_dir, read_only=True) as store, \
                connect_or_fail(uri, user, password, data, notices=False) as driver:
            summary = sync_to_neo4j(store, driver, database=database, batch_size=batch_size, progress=not quiet,
                                    wait=wait, replace=replace)
    except KgError as error:
        raise fail(error) from None
    except (Neo4jError, DriverError) as error:
        retry = "" if isinstance(error, ClientError) else " (run kg sync again to finish)"  # a bad request stays bad
        raise fail(f"Neo4j: {driver_message(error, password)}{retry}") from None
    if quiet:
        return
    rows = [["reports added", len(summary.added)], ["reports updated", len(summary.updated)],
            ["reports removed", len(summary.removed)], ["reports unchanged", summary.unchanged],
            *([name.replace("_", " "), value] for name, value in summary.counters.items()),
            ["seconds", round(summary.seconds, 2)]]
    print_rows(["what", "count"], rows, fmt)
    if summary.dropped_labels:
        click.echo(f"note: types outside the ontology not used as labels: {', '.join(summary.dropped_labels)}",
                   err=True)

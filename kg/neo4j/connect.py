"""Open a Neo4j driver: to the project's own server, or to any server the user names.

Settings come from arguments, else ``$NEO4J_URI`` / ``$NEO4J_USER`` / ``$NEO4J_PASSWORD``,
else the local server of the data folder (its URI from ``server.json``, its password from
the 0600 ``password`` file), found as :func:`find_server` says: so ``kg sync`` and ``kg query
--cypher`` reach the project's running server from any folder inside the project.
``neo4j+s://`` and ``bolt+s://`` URIs use TLS (Aura).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.neo4j.scrub import scrub, scrub_uri
from kg.neo4j.server import DEFAULT_DATA, DEFAULT_PORT, data_dir, local_password, server_status

__all__ = ["connect", "connection_settings", "driver_message", "find_server", "notice_text"]


def find_server(data: str | Path | None = None) -> tuple[Path, list[Path]]:
    """The data folder of the project's local server, and the folders looked in for it.

    ``data`` or ``$KG_NEO4J_DATA`` if given; else the first folder holding a running server
    among ``.kg/neo4j`` of the working directory and of each folder above it (as git finds
    ``.git``), then ``neo4j`` beside ``$KG_STORE``; else ``./.kg/neo4j``.
    """
    if data or os.environ.get("KG_NEO4J_DATA"):
        folder = data_dir(data)
        return folder, [folder]
    here = Path.cwd().resolve()
    looked = [folder / DEFAULT_DATA for folder in (here, *here.parents)]
    if os.environ.get("KG_STORE"):
        looked.append(Path(os.environ["KG_STORE"]).expanduser().resolve().parent / DEFAULT_DATA.name)
    looked = list(dict.fromkeys(looked))
    running = next((folder for folder in looked if server_status(folder).running), None)
    return running or looked[0], looked


def connection_settings(uri: str | None = None, user: str | None = None, password: str | None = None, *,
                        data: str | Path | None = None) -> tuple[str, str, str | None]:
    """The (uri, user, password) that :func:`connect` would use."""
    return _settings(uri, user, password, data=data)[:3]


def _settings(uri: str | None, user: str | None, password: str | None, *,
              data: str | Path | None) -> tuple[str, str, str | None, list[Path]]:
    """:func:`connection_settings` and the folders looked in for a local server (none for a given URI)."""
    uri = uri or os.environ.get("NEO4J_URI")
    looked: list[Path] = []
    local = not uri
    folder = data_dir(data)
    if local:
        folder, looked = find_server(data)
        status = server_status(folder)
        uri = status.uri or f"bolt://127.0.0.1:{DEFAULT_PORT}"
    user = user or os.environ.get("NEO4J_USER") or "neo4j"
    if password is None:
        password = os.environ.get("NEO4J_PASSWORD") or (local_password(folder) if local else None)
    return uri, user, password, looked


def connect(uri: str | None = None, user: str | None = None, password: str | None = None, *,
            data: str | Path | None = None, **driver_options: Any) -> Any:
    """A verified ``neo4j.Driver``; a one-line :class:`KgError` if it cannot connect.

    Neither the password nor a URI's user-info or query string appears in the error
    (:func:`kg.neo4j.scrub.scrub`).
    """
    import neo4j
    from neo4j.exceptions import ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

    _quiet_driver_log()
    uri, user, password, looked = _settings(uri, user, password, data=data)
    shown = scrub_uri(uri)
    if password is None and looked:
        raise KgError(f"no running Neo4j of kg found (looked in {_looked(looked)}): start one with `kg neo4j start`, "
                      "give its folder with --data, or name a server with --uri and NEO4J_PASSWORD")
    if password is None:
        raise KgError(f"no password for Neo4j at {shown}: pass --password or set NEO4J_PASSWORD")
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), **driver_options)
    except (ValueError, ConfigurationError) as exc:
        raise KgError(f"bad Neo4j URI {shown!r}: {driver_message(exc, password)}") from None
    try:
        driver.verify_connectivity()
    except (ServiceUnavailable, OSError) as exc:
        driver.close()
        hint = "start one with `kg neo4j start`" if uri.startswith("bolt://127.0.0.1") else "check --uri"
        raise KgError(f"cannot reach Neo4j at {shown} ({type(exc).__name__}); {hint}") from None
    except (Neo4jError, DriverError) as exc:
        driver.close()
        raise KgError(_refusal(exc, shown, user, password)) from None
    return driver


def _looked(folders: list[Path]) -> str:
    """The folders :func:`find_server` searched, short: the first, "and above", and any not above it."""
    if len(folders) == 1:
        return str(folders[0])
    above = {parent / DEFAULT_DATA for parent in folders[0].parents[len(DEFAULT_DATA.parts) - 1:]}
    others = [str(f) for f in folders[1:] if f not in above]
    return ", ".join([f"{folders[0]} and the same in each folder above", *others])


def _quiet_driver_log() -> None:
    """Keep the driver's warnings (``Unable to retrieve routing information``) off stderr when the
    program configured no logging: the error they lead to is reported in one line instead."""
    import logging

    log = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())


def _refusal(error: Exception, shown: str, user: str, password: str) -> str:
    """Why the server did not let ``user`` in, in one line."""
    from neo4j.exceptions import AuthError

    if "RateLimit" in (getattr(error, "code", None) or ""):
        return (f"Neo4j at {shown} refuses logins for a while after failed ones; wait and try again "
                "with the right password")
    if isinstance(error, AuthError):
        return f"Neo4j at {shown} refused user {user!r} with the given password"
    return f"Neo4j at {shown}: {driver_message(error, password)}"


def notice_text(notice: Any) -> str:
    """A server notification (a ``GqlStatusObject``, e.g. a misspelt label) as one line:
    ``01N50 label does not exist. The label `Reportt` does not exist. … (line 1, column 10)``."""
    description = str(getattr(notice, "status_description", "") or getattr(notice, "description", "") or notice)
    kind, _, rest = description.partition(": ")
    text = " ".join((rest if kind in ("warn", "info", "note") and rest else description).split())
    position = getattr(notice, "position", None)
    where = f" (line {position.line}, column {position.column})" if position is not None else ""
    code = getattr(notice, "gql_status", None) or getattr(notice, "code", None)
    return scrub(f"{code} {text}{where}" if code else f"{text}{where}", ())


def driver_message(error: BaseException, *secrets: str | None) -> str:
    """The first line of a driver or server error, scrubbed of credentials, or its type's name."""
    text = getattr(error, "message", None) or str(error) or type(error).__name__
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    line = lines[0] if lines else type(error).__name__
    if (getattr(error, "code", None) or "").endswith("DatabaseNotFound"):
        line += (" (no such database on this server; Neo4j Community has only the default one: for another "
                 "project run a server of its own, kg neo4j start --data DIR --port P)")
    return scrub(line, secrets)

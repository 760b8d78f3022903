"""Open a Neo4j driver: to the project's own server, or to any server the user names.

Settings come from arguments, else ``$NEO4J_URI`` / ``$NEO4J_USER`` / ``$NEO4J_PASSWORD``,
else the local server of the data folder (its URI from ``server.json``, its password from
the 0600 ``password`` file). ``neo4j+s://`` and ``bolt+s://`` URIs use TLS (Aura).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.neo4j.server import DEFAULT_PORT, data_dir, local_password, server_status

__all__ = ["connect", "connection_settings"]


def connection_settings(uri: str | None = None, user: str | None = None, password: str | None = None, *,
                        data: str | Path | None = None) -> tuple[str, str, str | None]:
    """The (uri, user, password) that :func:`connect` would use."""
    folder = data_dir(data)
    uri = uri or os.environ.get("NEO4J_URI")
    local = not uri
    if local:
        status = server_status(folder)
        uri = status.uri or f"bolt://127.0.0.1:{DEFAULT_PORT}"
    user = user or os.environ.get("NEO4J_USER") or "neo4j"
    if password is None:
        password = os.environ.get("NEO4J_PASSWORD") or (local_password(folder) if local else None)
    return uri, user, password


def connect(uri: str | None = None, user: str | None = None, password: str | None = None, *,
            data: str | Path | None = None, **driver_options: Any) -> Any:
    """A verified ``neo4j.Driver``; a one-line :class:`KgError` if it cannot connect.

    The password never appears in the error.
    """
    import neo4j
    from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

    uri, user, password = connection_settings(uri, user, password, data=data)
    if password is None:
        raise KgError(f"no password for Neo4j at {uri}: pass --password or set NEO4J_PASSWORD")
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), **driver_options)
    except (ValueError, ConfigurationError) as exc:
        raise KgError(f"bad Neo4j URI {uri!r}: {str(exc).splitlines()[0]}") from None
    try:
        driver.verify_connectivity()
    except AuthError:
        driver.close()
        raise KgError(f"Neo4j at {uri} refused user {user!r} with the given password") from None
    except (ServiceUnavailable, OSError) as exc:
        driver.close()
        hint = "start one with `kg neo4j start`" if uri.startswith("bolt://127.0.0.1") else "check --uri"
        raise KgError(f"cannot reach Neo4j at {uri} ({type(exc).__name__}); {hint}") from None
    return driver

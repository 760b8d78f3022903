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
from kg.neo4j.scrub import scrub, scrub_uri
from kg.neo4j.server import DEFAULT_PORT, data_dir, local_password, server_status

__all__ = ["connect", "connection_settings", "driver_message"]


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

    Neither the password nor a URI's user-info or query string appears in the error
    (:func:`kg.neo4j.scrub.scrub`).
    """
    import neo4j
    from neo4j.exceptions import ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

    _quiet_driver_log()
    uri, user, password = connection_settings(uri, user, password, data=data)
    shown = scrub_uri(uri)
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


def driver_message(error: BaseException, *secrets: str | None) -> str:
    """The first line of a driver or server error, scrubbed of credentials, or its type's name."""
    text = getattr(error, "message", None) or str(error) or type(error).__name__
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return scrub(lines[0] if lines else type(error).__name__, secrets)

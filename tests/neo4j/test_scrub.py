"""Credentials never reach a message: URIs with user-info or query strings, and known passwords."""

from __future__ import annotations

from typing import Any

import pytest

from kg.errors import KgError
from kg.neo4j import connect
from kg.neo4j.scrub import HIDDEN, scrub, scrub_uri


@pytest.mark.parametrize(("uri", "shown"), [
    ("bolt://neo4j:SECRET@127.0.0.1:7687", f"bolt://neo4j:{HIDDEN}@127.0.0.1:7687"),
    ("neo4j+s://alice@db.example.org", "neo4j+s://alice@db.example.org"),
    ("bolt://127.0.0.1:7687?p=secret", f"bolt://127.0.0.1:7687?{HIDDEN}"),
    ("bolt://127.0.0.1:7687#secret", f"bolt://127.0.0.1:7687#{HIDDEN}"),
    ("bolt://u:pa/ss@w@rd@host:1/db?x=1", f"bolt://u:{HIDDEN}@host:1/db?{HIDDEN}"),
    ("bolt://127.0.0.1:7687", "bolt://127.0.0.1:7687"),
])
def test_scrub_uri_hides_password_and_query_string(uri: str, shown: str) -> None:
    assert scrub_uri(uri) == shown


def test_scrub_hides_uris_inside_a_message_and_known_secrets() -> None:
    message = "Given URI: 'bolt://neo4j:SECRET@10.0.0.1:7687'. and neo4j://h/?password=s3cr3t; token hunter2 used"
    shown = scrub(message, ["hunter2", None, ""])
    assert "SECRET" not in shown and "s3cr3t" not in shown and "hunter2" not in shown
    assert "10.0.0.1:7687" in shown and shown.startswith("Given URI:")


@pytest.mark.parametrize("uri", ["bolt://neo4j:SECRET@127.0.0.1:1", "bolt://127.0.0.1:1?p=SECRET",
                                 "neo4j://127.0.0.1:1?password=SECRET"])
def test_connect_error_does_not_echo_uri_credentials(uri: str) -> None:
    with pytest.raises(KgError) as caught:
        connect(uri, "neo4j", "pw", connection_timeout=1)
    assert "SECRET" not in str(caught.value) and "\n" not in str(caught.value)


class _RefusingDriver:
    """A driver whose login fails with the error Neo4j sends after repeated wrong passwords."""

    def __init__(self, *_: Any, **__: Any) -> None:
        from neo4j.exceptions import Neo4jError

        self.error = Neo4jError._hydrate_neo4j(code="Neo.ClientError.Security.AuthenticationRateLimit",
                                               message="too many times in a row.\nsecond line")

    def verify_connectivity(self) -> None:
        raise self.error

    def close(self) -> None:
        pass


def test_authentication_rate_limit_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import neo4j

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", _RefusingDriver)
    with pytest.raises(KgError) as caught:
        connect("bolt://127.0.0.1:7687", "neo4j", "SECRET")
    message = str(caught.value)
    assert "refuses logins for a while" in message
    assert "\n" not in message and "SECRET" not in message

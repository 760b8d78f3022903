"""Neo4j for kg: the project's own server (start/stop/status), connecting, and Cypher."""

from kg.neo4j.connect import connect, connection_settings
from kg.neo4j.cypher import plain, run_cypher
from kg.neo4j.scrub import scrub, scrub_uri
from kg.neo4j.server import ServerStatus, data_dir, free_port, server_status, start_server, stop_server

__all__ = [
    "ServerStatus",
    "connect",
    "connection_settings",
    "data_dir",
    "free_port",
    "plain",
    "run_cypher",
    "scrub",
    "scrub_uri",
    "server_status",
    "start_server",
    "stop_server",
]

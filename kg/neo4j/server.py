"""Start, stop and inspect the project's own Neo4j: a background Java process on loopback.

The data folder (``--data``, ``$KG_NEO4J_DATA``, default ``./.kg/neo4j``) holds the
databases, ``logs/launcher.log``, ``server.json`` (pid, port, Bolt URI) and, unless
``$NEO4J_PASSWORD`` is set, ``password``: a generated password readable only by its owner
(mode 0600). Authentication is always on; the password reaches Java through its
environment, never its command line, and is never printed.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.neo4j.launcher import LAUNCHER_CLASS, java_command

__all__ = [
    "DEFAULT_DATA",
    "DEFAULT_PORT",
    "ServerStatus",
    "data_dir",
    "free_port",
    "local_password",
    "server_status",
    "start_server",
    "stop_server",
]

DEFAULT_DATA = Path(".kg") / "neo4j"
DEFAULT_PORT = 7687
_STATE = "server.json"
_PASSWORD = "password"
_READY = "KG-NEO4J READY "
_ERROR = "KG-NEO4J ERROR "


@dataclass(frozen=True)
class ServerStatus:
    """Whether the local server runs, and where."""

    running: bool
    data: Path
    pid: int | None = None
    port: int | None = None
    uri: str | None = None


def data_dir(path: str | Path | None = None) -> Path:
    """The data folder: ``path``, else ``$KG_NEO4J_DATA``, else ``./.kg/neo4j`` (absolute)."""
    return Path(path or os.environ.get("KG_NEO4J_DATA") or DEFAULT_DATA).expanduser().resolve()


def local_password(data: Path, *, create: bool = False) -> str | None:
    """``$NEO4J_PASSWORD``, else the password stored in ``data`` (generated if ``create``)."""
    if os.environ.get("NEO4J_PASSWORD"):
        return os.environ["NEO4J_PASSWORD"]
    path = data / _PASSWORD
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    if not create:
        return None
    data.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(18)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(password + "\n")
    return password


def _alive(pid: int, folder: Path | None = None) -> bool:
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False  # our own child, just reaped
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    ours = LAUNCHER_CLASS in cmdline and (folder is None or str(folder) in cmdline)
    return ours and state not in ("Z", "X")


def _read_state(data: Path) -> dict | None:
    try:
        return json.loads((data / _STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def server_status(data: str | Path | None = None) -> ServerStatus:
    """Whether a server started by kg runs with this data folder (and its pid, port, URI)."""
    folder = data_dir(data)
    state = _read_state(folder)
    if not state or not _alive(int(state.get("pid", 0)), folder):
        return ServerStatus(False, folder)
    return ServerStatus(True, folder, int(state["pid"]), int(state["port"]), state["uri"])


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now (for a throwaway server in tests or benchmarks)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is fine
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _log_tail(log: Path, lines: int = 1) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(text[-lines:])


def _wait_ready(proc: subprocess.Popen[bytes], log: Path, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
        for line in text.splitlines():
            if line.startswith(_ERROR):
                proc.wait(timeout=30)
                message = line[len(_ERROR):]
                if message.startswith("port-in-use"):
                    raise KgError(f"port {port} on 127.0.0.1 is already in use; pick another with --port")
                raise KgError(f"Neo4j did not start: {message.split(': ', 1)[-1]} (see {log})")
        if _READY in text:
            return
        if proc.poll() is not None:
            raise KgError(f"Neo4j exited with code {proc.returncode} while starting: {_log_tail(log)} (see {log})")
        time.sleep(0.2)
    _terminate(proc.pid, 30)
    raise KgError(f"Neo4j did not answer within {timeout:.0f} s (see {log})")


def start_server(data: str | Path | None = None, *, port: int = DEFAULT_PORT, heap: str = "2g",
                 timeout: float = 180.0) -> ServerStatus:
    """Start Neo4j on ``127.0.0.1:port`` in the background and wait until Bolt answers.

    Builds the launcher first if needed. If a server already runs with this data folder,
    returns its status instead of starting a second one.
    """
    folder = data_dir(data)
    current = server_status(folder)
    if current.running:
        if current.port != port:
            raise KgError(f"Neo4j already runs for {folder} on port {current.port}; stop it first")
        return current
    command = java_command(heap=heap)
    if not _port_free(port):
        raise KgError(f"port {port} on 127.0.0.1 is already in use; pick another with --port")
    folder.mkdir(parents=True, exist_ok=True)
    password = local_password(folder, create=True)
    (folder / "logs").mkdir(exist_ok=True)
    log = folder / "logs" / "launcher.log"
    args = ["--data", str(folder), "--port", str(port)]
    if (folder / "neo4j.conf").is_file():
        args += ["--conf", str(folder / "neo4j.conf")]
    env = {**os.environ, "KG_NEO4J_PASSWORD": password or ""}
    with open(log, "wb") as out:
        proc = subprocess.Popen([*command, *args], stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                env=env, cwd=folder, start_new_session=True)
    uri = f"bolt://127.0.0.1:{port}"
    state = {"pid": proc.pid, "port": port, "uri": uri, "started": time.strftime("%Y-%m-%dT%H:%M:%S")}
    (folder / _STATE).write_text(json.dumps(state) + "\n", encoding="utf-8")
    try:
        _wait_ready(proc, log, port, timeout)
    except KgError:
        (folder / _STATE).unlink(missing_ok=True)
        raise
    return ServerStatus(True, folder, proc.pid, port, uri)


def _terminate(pid: int, timeout: float) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.1)


def stop_server(data: str | Path | None = None, *, timeout: float = 60.0) -> bool:
    """Stop the server of this data folder cleanly (SIGTERM, then SIGKILL after ``timeout``).

    Returns whether one was running.
    """
    folder = data_dir(data)
    status = server_status(folder)
    if status.running and status.pid:
        _terminate(status.pid, timeout)
    (folder / _STATE).unlink(missing_ok=True)
    return status.running

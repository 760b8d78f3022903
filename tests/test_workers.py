"""Worker processes (`kg build -j N`, `kg export -j N`) give results in order and end with their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

_SCRIPT = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
from kg.workers import die_with_parent

def pid(_):
    time.sleep(0.2)
    return os.getpid()

if __name__ == "__main__":
    pool = ProcessPoolExecutor(max_workers=2, initializer=die_with_parent, initargs=(os.getpid(),))
    print(" ".join(map(str, sorted(set(pool.map(pid, range(8)))))), flush=True)
    time.sleep(60)
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for init to reap it counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killed_build_leaves_no_worker_processes(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert workers and parent.pid not in workers
        assert all(_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=5)
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers)
    finally:
        if parent.poll() is None:
            parent.kill()


class _Libc:
    """Stands in for the C library: records ``prctl`` calls instead of changing this process."""

    def __init__(self, *_: object, **__: object) -> None:
        self.calls: list[tuple[int, ...]] = []
        _Libc.last = self

    def prctl(self, *args: int) -> int:
        self.calls.append(args)
        return 0


def test_worker_asks_for_a_signal_when_its_parent_dies(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg import workers as workers_module

    monkeypatch.setattr(workers_module.ctypes, "CDLL", _Libc)
    monkeypatch.setattr(workers_module.sys, "platform", "linux")
    started: list[str] = []

    class Thread:
        def __init__(self, **kwargs: object) -> None:
            self.name = str(kwargs["name"])

        def start(self) -> None:
            started.append(self.name)

    monkeypatch.setattr(workers_module.threading, "Thread", Thread)
    workers_module.die_with_parent(os.getppid())
    assert _Libc.last.calls == [(workers_module._PR_SET_PDEATHSIG, signal.SIGKILL)]
    assert started == ["kg-watch-parent"]  # and a thread watches the parent where prctl is missing


def test_worker_whose_parent_is_gone_exits_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg import workers as workers_module

    def exit_now(code: int) -> None:
        raise SystemExit(code)

    monkeypatch.setattr(workers_module.ctypes, "CDLL", _Libc)
    monkeypatch.setattr(workers_module.os, "_exit", exit_now)
    with pytest.raises(SystemExit) as ended:
        workers_module.die_with_parent(os.getppid() + 1_000_000)
    assert ended.value.code == 1


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


@pytest.mark.parametrize("workers", [1, 3])
def test_results_come_back_in_input_order(workers: int) -> None:
    from kg.workers import results_in_order

    results = list(results_in_order(_square_and_pid, ((n,) for n in range(40)), workers))
    assert [square for square, _ in results] == [n * n for n in range(40)]
    assert ({pid for _, pid in results} == {os.getpid()}) == (workers == 1)

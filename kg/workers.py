"""Worker processes that end with the command that started them, and results in input order.

``kg build -j N`` extracts reports and ``kg export -j N`` serialises blocks of graphs in
worker processes. Both hand out a few items per worker ahead of the one being waited for,
so memory stays flat however many items there are, and take the results back in input
order, so the output is the same for any number of workers.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from itertools import islice
from typing import Any, TypeVar

__all__ = ["die_with_parent", "results_in_order"]

T = TypeVar("T")

_AHEAD = 4
"""Items per worker process submitted ahead of the one whose result is awaited."""
_PARENT_POLL = 1.0
"""Seconds between a worker's checks that its parent still lives."""
_PR_SET_PDEATHSIG = 1
"""Linux ``prctl`` option: the signal a process gets when its parent dies."""


def results_in_order(function: Callable[..., T], items: Iterable[tuple[Any, ...]], workers: int) -> Iterator[T]:
    """``function(*item)`` for each of ``items``, in their order: in this process when
    ``workers`` is 1 or less, else in that many worker processes (see the module docstring)."""
    if workers <= 1:
        yield from (function(*item) for item in items)
        return
    todo = iter(items)
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        pending = deque(pool.submit(function, *item) for item in islice(todo, workers * _AHEAD))
        while pending:
            result = pending.popleft().result()
            for item in islice(todo, 1):
                pending.append(pool.submit(function, *item))
            yield result


def die_with_parent(parent: int) -> None:
    """Make this worker process end when process ``parent`` ends, however it ends.

    A killed parent runs no clean-up, so its workers would live on under init. On Linux the
    kernel sends the worker SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``);
    elsewhere, and for a parent that died before that was set, a thread checks every
    ``_PARENT_POLL`` seconds whether the worker has been handed to another parent.
    """
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="kg-watch-parent", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL)
    os._exit(1)

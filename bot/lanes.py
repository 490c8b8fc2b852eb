"""Where a turn's CPU-heavy step (redaction and advice) runs.

The spaCy work holds the GIL for most of a turn. Several threads taking turns at it cost more CPU than one
thread doing it alone (each switch is a handover of the GIL and a cold cache), so a long-running process
runs that step on one dedicated thread while the pool threads wait on the database and the network.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol, TypeVar

T = TypeVar("T")


class Compute(Protocol):
    """Runs ``fn`` somewhere and returns its result (or raises what it raised), blocking the caller."""

    def __call__(self, fn: Callable[[], T]) -> T: ...


def inline(fn: Callable[[], T]) -> T:
    """The default, for the command line and tests: run it here."""
    return fn()


class CpuLane:
    """One thread for CPU-bound steps; callers block on the result without holding the GIL."""

    def __init__(self, threads: int = 1) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="canishare-cpu")

    def __call__(self, fn: Callable[[], T]) -> T:
        return self._pool.submit(fn).result()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)

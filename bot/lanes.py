"""Where a turn's CPU-heavy step (redaction and advice) runs.

The spaCy work holds the GIL for most of a turn. Several threads taking turns at it cost more CPU than one
thread doing it alone (each switch hands over the GIL and finds a cold cache), so a long-running process
runs that step on one dedicated thread while the pool threads wait on the database and the network.

Work that queues up while the lane is busy is taken together: the lane first hands every waiting message
to ``prefetch`` (the redactor analyses them in one batch, which costs much less per message), then runs
the turns one by one. A lone message is never held back to wait for company.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
log = logging.getLogger("canishare.lanes")

# Enough to amortise the pipeline's fixed cost; more would only hold memory and delay the first reply.
MAX_BATCH = 16


class Compute(Protocol):
    """Runs ``fn`` somewhere and returns its result (or raises what it raised), blocking the caller.

    ``text`` is the raw message the work is about to redact, if any: a hint for batching, never stored."""

    def __call__(self, fn: Callable[[], T], *, text: str | None = None) -> T: ...


def inline(fn: Callable[[], T], *, text: str | None = None) -> T:
    """The default, for the command line and tests: run it here."""
    return fn()


@dataclass
class _Job:
    fn: Callable[[], Any]
    text: str | None
    done: Future[Any] = field(default_factory=Future)


class CpuLane:
    """One thread for CPU-bound steps; callers block on the result without holding the GIL."""

    def __init__(
        self,
        *,
        prefetch: Callable[[Sequence[str]], None] | None = None,
        forget: Callable[[], None] | None = None,
    ) -> None:
        self._prefetch = prefetch
        self._forget = forget
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._serve, name="canishare-cpu", daemon=True)
        self._thread.start()
        self.batches = 0  # how many times work was taken together (for tests and benchmarks)

    def __call__(self, fn: Callable[[], T], *, text: str | None = None) -> T:
        if not self._thread.is_alive():
            raise RuntimeError("the CPU lane has stopped")
        job = _Job(fn, text)
        self._jobs.put(job)
        result: T = job.done.result()
        return result

    def shutdown(self) -> None:
        """Finish what is queued, then stop the thread."""
        self._jobs.put(None)
        self._thread.join()

    def _serve(self) -> None:
        stopping = False
        while not stopping:
            first = self._jobs.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < MAX_BATCH:
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stopping = True
                    break
                batch.append(job)
            self._run(batch)

    def _run(self, batch: list[_Job]) -> None:
        texts = [job.text for job in batch if job.text]
        try:
            if len(texts) > 1 and self._prefetch is not None:
                self.batches += 1
                try:
                    self._prefetch(texts)
                except Exception as exc:  # an optimisation only: each turn still redacts for itself
                    log.warning("prefetch failed", extra={"error": type(exc).__name__})
            for job in batch:
                try:
                    job.done.set_result(job.fn())
                except BaseException as exc:
                    job.done.set_exception(exc)
        finally:
            if self._forget is not None:
                self._forget()

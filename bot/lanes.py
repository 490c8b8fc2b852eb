"""Where a turn's CPU-heavy step (redaction and advice) runs.

The spaCy work holds the GIL for most of a turn. Several threads taking turns at it cost more CPU than one
thread doing it alone (each switch hands over the GIL and finds a cold cache), so a long-running process
runs that step on one dedicated thread while the pool threads wait on the database and the network.

Work that queues up while the lane is busy is taken together, in two steps, because a small spaCy model
analyses several short texts in one batch for much less per text. First every waiting message goes to
``prefetch`` (the redactor's batch) and each turn runs up to the point where it would advise, returning
``Later``; then every turn's text for the advisor goes to ``prefetch_later`` (the advisor's batch) and
each turn finishes. A lone message is never held back to wait for company.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")
log = logging.getLogger("canishare.lanes")

# Enough to amortise the pipeline's fixed cost; more would only hold memory and delay the first reply.
MAX_BATCH = 16


@dataclass(frozen=True)
class Later(Generic[T]):
    """Work that pauses before its second batchable step: ``ahead`` is what that step will analyse (handed
    to ``prefetch_later`` with its neighbours'), ``then`` finishes the work."""

    ahead: Any
    then: Callable[[], T]


def finish(result: T | Later[T]) -> T:
    while isinstance(result, Later):
        result = result.then()
    return result


def finish_later(later: Later[T]) -> T:
    return finish(later.then())


class Compute(Protocol):
    """Runs ``fn`` somewhere and returns its finished result (or raises what it raised), blocking the caller.

    ``text`` is the raw message the work is about to redact, if any: a hint for batching, never stored."""

    def __call__(self, fn: Callable[[], T | Later[T]], *, text: str | None = None) -> T: ...


def inline(fn: Callable[[], T | Later[T]], *, text: str | None = None) -> T:
    """The default, for the command line and tests: run it here."""
    return finish(fn())


@dataclass
class _Job:
    fn: Callable[[], Any]
    text: str | None
    done: Future[Any] = field(default_factory=Future)
    paused: Later[Any] | None = None


class CpuLane:
    """One thread for CPU-bound steps; callers block on the result without holding the GIL."""

    def __init__(
        self,
        *,
        prefetch: Callable[[Sequence[str]], None] | None = None,
        prefetch_later: Callable[[Sequence[Any]], None] | None = None,
        forget: Callable[[], None] | None = None,
    ) -> None:
        self._prefetch = prefetch
        self._prefetch_later = prefetch_later
        self._forget = forget
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._serve, name="canishare-cpu", daemon=True)
        self._thread.start()
        self.batches = 0  # how many times work was taken together (for tests and benchmarks)

    def __call__(self, fn: Callable[[], T | Later[T]], *, text: str | None = None) -> T:
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
            if len(texts) > 1:
                self.batches += 1
                _ahead(self._prefetch, texts)
            for job in batch:
                self._step(job, job.fn)
            paused = [job for job in batch if job.paused is not None]
            if len(paused) > 1:
                _ahead(self._prefetch_later, [job.paused.ahead for job in paused if job.paused])
            for job in paused:
                if job.paused is not None:
                    self._step(job, functools.partial(finish_later, job.paused))
        finally:
            if self._forget is not None:
                self._forget()

    @staticmethod
    def _step(job: _Job, fn: Callable[[], Any]) -> None:
        job.paused = None
        try:
            result = fn()
        except BaseException as exc:
            job.done.set_exception(exc)
            return
        if isinstance(result, Later):
            job.paused = result
        else:
            job.done.set_result(result)


def _ahead(prefetch: Callable[[Sequence[Any]], None] | None, items: Sequence[Any]) -> None:
    """An optimisation only: if it fails, each turn still analyses its own text."""
    if prefetch is None:
        return
    try:
        prefetch(items)
    except Exception as exc:
        log.warning("prefetch failed", extra={"error": type(exc).__name__})

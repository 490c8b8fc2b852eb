"""What a long-running process shares: the services, a thread pool for CPU and database work, the
background loops (outbox dispatcher, reminders), and the tasks that must finish before shutdown
(graceful: in-flight messages complete and commit)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from bot.app import Services
from bot.handoff.notify import Dispatcher, Notifier
from bot.lanes import CpuLane

T = TypeVar("T")
log = logging.getLogger("canishare.runtime")


class Runtime:
    def __init__(self, services: Services, *, threads: int = 4) -> None:
        self.services = services
        # The pool threads mostly wait (database, network); the spaCy step of every turn goes to the lane.
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="canishare")
        # Batching is an optimisation a redactor or advisor may offer (the test doubles do not).
        self.cpu = CpuLane(
            prefetch=getattr(services.redactor, "prefetch", None),
            prefetch_later=getattr(services.advisor, "prefetch", None),
            forget=self._forget_prefetched,
        )
        services.engine.compute = self.cpu
        self.tasks: set[asyncio.Task[Any]] = set()
        self.stopping = asyncio.Event()
        self._loops: list[asyncio.Task[None]] = []

    def _forget_prefetched(self) -> None:
        for holder in (self.services.redactor, self.services.advisor):
            forget = getattr(holder, "forget", None)
            if forget is not None:
                forget()

    def start_background(self, notifiers: dict[str, Notifier], *, jobs_interval: float = 30.0) -> None:
        """The outbox dispatcher and the reminder/escalation jobs, until ``drain``."""
        dispatcher = Dispatcher(self.services.db, notifiers)
        self._loops = [
            asyncio.create_task(dispatcher.run_forever(self.stopping), name="dispatcher"),
            asyncio.create_task(self._jobs(jobs_interval), name="jobs"),
        ]

    async def _jobs(self, interval: float) -> None:
        """Reminders and escalations; safe with several workers (each step is a conditional update)."""
        while not self.stopping.is_set():
            try:
                await self.run(self.services.queue.run_due)
            except Exception as exc:
                log.error("background jobs failed", extra={"error": type(exc).__name__})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stopping.wait(), timeout=interval)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking work (spaCy, the database) off the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, lambda: fn(*args, **kwargs))

    def spawn(self, coro: Coroutine[Any, Any, Any], *, name: str = "work") -> asyncio.Task[Any]:
        """Work done after a platform's request was acknowledged; awaited on shutdown."""
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self.tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error(
                "background task failed",
                extra={"task": task.get_name(), "error": type(task.exception()).__name__},
            )

    async def drain(self, timeout: float = 20.0) -> None:
        """Stop taking work, let in-flight turns finish, then stop the loops and the thread pool."""
        self.stopping.set()
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=timeout)
        if self._loops:
            # the loops notice ``stopping`` after their current pass; cancel any that do not
            _, late = await asyncio.wait(self._loops, timeout=timeout)
            for task in late:
                task.cancel()
            await asyncio.gather(*self._loops, return_exceptions=True)
        self.executor.shutdown(wait=True)
        self.cpu.shutdown()

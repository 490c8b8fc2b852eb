"""What a long-running process shares: the services, a thread pool for CPU and database work, and the
background tasks that must finish before shutdown (graceful: in-flight messages complete)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from bot.app import Services

T = TypeVar("T")
log = logging.getLogger("canishare.runtime")


class Runtime:
    def __init__(self, services: Services, *, threads: int = 4) -> None:
        self.services = services
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="canishare")
        self.tasks: set[asyncio.Task[Any]] = set()
        self.stopping = asyncio.Event()

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
        self.stopping.set()
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=timeout)
        self.executor.shutdown(wait=True)

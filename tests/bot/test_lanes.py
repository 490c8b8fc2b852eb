"""The CPU lane: a server's turns do their redaction and advice on one dedicated thread."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.app import Services
from bot.lanes import CpuLane, inline
from bot.messages import Asker, Incoming
from bot.runtime import Runtime


def test_inline_runs_here_and_the_lane_runs_on_its_own_thread() -> None:
    assert inline(threading.current_thread) is threading.current_thread()
    lane = CpuLane()
    try:
        names = {lane(lambda: threading.current_thread().name) for _ in range(5)}
        assert len(names) == 1
        assert names.pop().startswith("canishare-cpu")
    finally:
        lane.shutdown()


def test_the_lane_returns_results_and_raises_what_the_work_raised() -> None:
    lane = CpuLane()
    try:
        assert lane(lambda: 6 * 7) == 42

        def boom() -> None:
            raise ValueError("broken")

        with pytest.raises(ValueError, match="broken"):
            lane(boom)
        assert lane(lambda: "still working") == "still working"
    finally:
        lane.shutdown()


def test_the_lane_serves_many_callers_one_at_a_time() -> None:
    lane = CpuLane()
    inside = 0
    most = 0
    guard = threading.Lock()

    def work(n: int) -> int:
        nonlocal inside, most
        with guard:
            inside += 1
            most = max(most, inside)
        total = sum(range(20_000))
        with guard:
            inside -= 1
        return n + total - total

    try:
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda n: lane(lambda: work(n)), range(40)))
        assert results == list(range(40))
        assert most == 1
    finally:
        lane.shutdown()


def test_a_runtime_sends_each_turns_redaction_and_advice_to_its_lane(services: Services) -> None:
    seen: list[str] = []
    redact = services.redactor.redact

    def spy(text: str, *args: object, **kwargs: object) -> object:
        seen.append(threading.current_thread().name)
        return redact(text, *args, **kwargs)  # type: ignore[arg-type]

    services.redactor.redact = spy  # type: ignore[method-assign]

    async def go() -> list[str]:
        runtime = Runtime(services)
        incoming = Incoming(Asker("console", "lane-test", "lane-test"), "Can I tell the GP about a fall?")
        replies = await runtime.run(services.engine.handle, incoming)
        await runtime.drain(timeout=5)
        return [r.kind for r in replies]

    kinds = asyncio.run(go())
    assert kinds and kinds[0] in ("answer", "follow_up")
    assert seen and all(name.startswith("canishare-cpu") for name in seen)

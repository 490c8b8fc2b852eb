"""The CPU lane: a server's turns do their redaction and advice on one dedicated thread."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.app import Services
from bot.lanes import CpuLane, Later, inline
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


def test_work_that_queued_while_the_lane_was_busy_is_prefetched_together() -> None:
    prefetched: list[list[str]] = []
    forgotten = 0

    def forget() -> None:
        nonlocal forgotten
        forgotten += 1

    lane = CpuLane(prefetch=lambda texts: prefetched.append(list(texts)), forget=forget)
    started, release = threading.Event(), threading.Event()
    try:
        with ThreadPoolExecutor(6) as pool:
            # The first job holds the lane; the next five queue behind it.
            first = pool.submit(lambda: lane(lambda: started.set() or release.wait(), text="first"))
            started.wait(5)
            rest = [pool.submit(lambda n=n: lane(lambda: n, text=f"message {n}")) for n in range(5)]
            while lane._jobs.qsize() < 5:
                threading.Event().wait(0.001)
            release.set()
            assert first.result() is True
            assert [f.result() for f in rest] == list(range(5))
        assert prefetched == [[f"message {n}" for n in range(5)]]  # a lone job is never prefetched
        assert lane.batches == 1
        assert forgotten == 2  # after each batch, whatever was not taken is dropped
    finally:
        lane.shutdown()


def test_turns_that_pause_before_advice_are_advised_as_a_batch() -> None:
    later_batches: list[list[object]] = []
    lane = CpuLane(
        prefetch=lambda texts: None, prefetch_later=lambda items: later_batches.append(list(items))
    )
    started, release = threading.Event(), threading.Event()

    def turn(n: int) -> int | Later[int]:
        if n == 3:
            raise ValueError("turn 3 failed before advice")
        return Later(f"redacted {n}", lambda: n * 10 if n != 4 else 1 // 0)

    try:
        with ThreadPoolExecutor(8) as pool:
            pool.submit(lambda: lane(lambda: started.set() or release.wait(), text="first"))
            started.wait(5)
            futures = [pool.submit(lambda n=n: lane(lambda: turn(n), text=f"message {n}")) for n in range(6)]
            while lane._jobs.qsize() < 6:
                threading.Event().wait(0.001)
            release.set()
            outcomes: list[object] = []
            for f in futures:
                try:
                    outcomes.append(f.result())
                except Exception as exc:
                    outcomes.append(type(exc).__name__)
        assert outcomes == [0, 10, 20, "ValueError", "ZeroDivisionError", 50]
        # one batch for the advisor with every turn that got that far, in order
        assert later_batches == [[f"redacted {n}" for n in (0, 1, 2, 4, 5)]]
    finally:
        lane.shutdown()


def test_inline_finishes_paused_work_at_once() -> None:
    assert inline(lambda: Later("ahead", lambda: Later("again", lambda: 42))) == 42


def test_a_failing_prefetch_or_job_does_not_fail_the_others() -> None:
    def broken(_texts: object) -> None:
        raise RuntimeError("prefetch broke")

    lane = CpuLane(prefetch=broken)
    started, release = threading.Event(), threading.Event()
    try:
        with ThreadPoolExecutor(4) as pool:
            pool.submit(lambda: lane(lambda: started.set() or release.wait(), text="a"))
            started.wait(5)
            ok = pool.submit(lambda: lane(lambda: "fine", text="b"))
            bad = pool.submit(lambda: lane(lambda: 1 / 0, text="c"))
            while lane._jobs.qsize() < 2:
                threading.Event().wait(0.001)
            release.set()
            assert ok.result() == "fine"
            with pytest.raises(ZeroDivisionError):
                bad.result()
    finally:
        lane.shutdown()


def test_shutdown_finishes_what_is_queued_then_refuses_more() -> None:
    lane = CpuLane()
    done: list[int] = []
    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(lambda n=n: lane(lambda: done.append(n))) for n in range(8)]
        for f in futures:
            f.result()
    lane.shutdown()
    assert sorted(done) == list(range(8))
    with pytest.raises(RuntimeError):
        lane(lambda: None)


def test_a_runtime_sends_each_turns_redaction_and_advice_to_its_lane(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    redact, advise = services.redactor.redact, services.advisor.advise

    def spy_redact(text: str, *args: object, **kwargs: object) -> object:
        seen.append("redact " + threading.current_thread().name)
        return redact(text, *args, **kwargs)  # type: ignore[arg-type]

    def spy_advise(*args: object, **kwargs: object) -> object:
        seen.append("advise " + threading.current_thread().name)
        return advise(*args, **kwargs)  # type: ignore[arg-type]

    # monkeypatch: the pipelines are shared by the whole session
    monkeypatch.setattr(services.redactor, "redact", spy_redact)
    monkeypatch.setattr(services.advisor, "advise", spy_advise)

    async def go() -> list[str]:
        runtime = Runtime(services)
        incoming = Incoming(Asker("console", "lane-test", "lane-test"), "Can I tell the GP about a fall?")
        replies = await runtime.run(services.engine.handle, incoming)
        await runtime.drain(timeout=5)
        return [r.kind for r in replies]

    kinds = asyncio.run(go())
    assert kinds and kinds[0] in ("answer", "follow_up")
    assert [entry.split()[0] for entry in seen] == ["redact", "advise"]
    assert all(entry.split()[1].startswith("canishare-cpu") for entry in seen)

"""Load benchmark: real ``canishare serve`` workers answering a burst of signed Slack DMs, on loopback only.

    .venv/bin/python bench/load.py [--events 200] [--concurrency 20] [--retries 50] [--json]
                                   [--skip-postgres] [--skip-sqlite] [--strict]

Two configurations, one after the other:

* ``postgres``: a throwaway PostgreSQL cluster (``tests/pgcluster.py``, shared with the test suite),
  migrated with ``canishare db upgrade``, and two ``serve`` workers sharing it; events alternate between
  the workers.
* ``sqlite``: one ``serve`` worker on a temporary SQLite file, migrated first.

Each worker talks to a fake Slack Web API in this process (``tests/fakes/slack_api.py``, extended here to
stamp each call's arrival). Every event comes from a different person in their own DM channel, so each must
get exactly one ``chat.postMessage`` in that channel. A subset is delivered again, same ``event_id``, to the
other worker with Slack's retry headers, as Slack does when an ack is late; those must produce nothing.

Latency is from sending an event to its reply reaching the fake API; throughput is events answered over the
wall time from the first send to the last reply. Peak memory is each worker's VmHWM. Correctness misses
(answered twice, unanswered, a retry answered) exit 1; performance misses print FAIL and exit 0 unless
``--strict``. Progress goes to stderr; the table (or ``--json``) to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import hmac
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import Response

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes.slack_api import FakeSlackAPI  # noqa: E402
from tests.pgcluster import PgCluster, PostgresUnavailable, free_port  # noqa: E402

CANISHARE = Path(sys.executable).parent / "canishare"
SECRET = "bench-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-bench-token"
LEADS = "slack:ULEAD1,console:alice"

# Targets from issue 8, for this 2-core machine.
TARGET_RATE = 50.0  # events answered per second
TARGET_P95_MS = 500.0
TARGET_RSS_MB = 400.0


def progress(message: str) -> None:
    print(f"[load] {message}", file=sys.stderr, flush=True)


# -- the questions: realistic, varied, with the names, phones and places redaction has to find --

NAMES = ["Sarah Jones", "Tom Okafor", "Priya Patel", "Liam O'Brien", "Chloe Williams", "Mohammed Khan",
         "Jade Thompson", "Kacper Nowak", "Ellie Murray", "Daniel Evans", "Amira Hassan", "Jack Robinson"]
FIRST = ["Ava", "Noah", "Maisie", "Kai", "Zara", "Oscar", "Ruby", "Leo", "Aisha", "Finley"]
PHONES = ["07700 900123", "07700 900456", "+44 7700 900789", "020 7946 0321", "0161 496 0555",
          "07700900912"]
PLACES = ["14 Mill Lane, Leeds LS6 2AB", "Flat 3, 22 Station Road, Bristol BS1 4DJ",
          "7 Orchard Close, Norwich NR2 3QQ", "the Queensway estate"]
TEMPLATES = [
    "{first} (14) told me today that her stepdad hits her when he's been drinking. She begged me not to tell "
    "anyone. Can I share this with children's social care?",
    "A parent, {name}, rang asking whether her son {first} has been missing lessons. Dad has a court order "
    "against him. Can I tell her?",
    "The police called on {phone} asking for the address and attendance record of {first}, aged 9, for a "
    "section 47 enquiry. Can I give it to them?",
    "One of our volunteers noticed bruises on {first}'s arms, she is 6. Mum {name} says she fell. Should I "
    "pass this to the designated safeguarding lead?",
    "{name} (adult, 34) at our drop-in says her partner controls her money and won't let her see friends. "
    "She doesn't want anyone told. Can I share with the domestic abuse service?",
    "{first} just messaged me saying he has taken a load of tablets and wants to die. His number is {phone}. "
    "What do I do?",
    "A health visitor asked me for {name}'s new address at {place}. She fled domestic abuse. Can I give it?",
    "{name} is 82 and lives alone at {place}. Her neighbour thinks her carer is taking her pension. She has "
    "dementia. Can I report this to the council?",
    "Can I tell the school nurse that {first} (15) disclosed she is self-harming? She said I could tell the "
    "nurse but not her parents.",
    "A journalist rang on {phone} asking about {name}, who was on the news. Can I confirm they come to our "
    "youth club?",
    "{first}'s dad, {name}, wants a copy of everything we hold on his son. Parents are separated and mum "
    "says he is violent. Can I send it?",
    "Another charity asked for the phone number of {name} ({phone}) so they can offer food bank help. "
    "She hasn't agreed. Can I pass it on?",
    "There's a man outside {place} waving a knife at people right now. I'm a volunteer at the centre.",
    "{first} (16) told me she's sleeping at the house of an older man, {name}, who gives her alcohol. "
    "Can I share this with the police?",
    "The GP surgery wants to know if {name} has been coming to our mental health group. He gave consent "
    "last month. Can I confirm?",
    "I'm worried about {first}, 11, who keeps coming to breakfast club hungry and in dirty clothes. "
    "Mum's number is {phone}. Should I talk to the DSL or call social care?",
]


def question(n: int, rng: random.Random) -> str:
    template = TEMPLATES[n % len(TEMPLATES)]
    return template.format(name=rng.choice(NAMES), first=rng.choice(FIRST), phone=rng.choice(PHONES),
                           place=rng.choice(PLACES))


# -- Slack's side: signed event_callback deliveries --

def dm_event(event_id: str, user: str, channel: str, text: str, n: int) -> dict[str, Any]:
    """A DM ``message`` event in the shape of tests/transports/slack/fixtures/event_message_im.json."""
    now = time.time()
    ts = f"{now:.6f}"
    return {
        "token": "verification-token-unused",
        "team_id": "T0001",
        "api_app_id": "A0001",
        "event": {
            "type": "message", "channel": channel, "user": user, "text": text, "ts": ts, "event_ts": ts,
            "channel_type": "im", "client_msg_id": f"5f9c1e2a-0000-4000-8000-{n:012d}",
        },
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(now),
        "authorizations": [{"enterprise_id": None, "team_id": "T0001", "user_id": "UBOT", "is_bot": True,
                            "is_enterprise_install": False}],
        "is_ext_shared_channel": False,
        "event_context": "4-eyJldCI6Im1lc3NhZ2UifQ",
    }


def signed_headers(body: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Slack's v0 signature: HMAC-SHA256 over ``v0:<timestamp>:<body>`` with the signing secret."""
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": f"v0={digest}", **(extra or {})}


# -- the fake Web API, stamping arrivals --

@dataclass
class TimedSlackAPI(FakeSlackAPI):
    """The project's fake, plus the arrival time (``time.monotonic``) of each ``chat.postMessage``, by
    channel."""

    posts: dict[str, list[float]] = field(default_factory=dict)
    # Called (from the fake's server thread) with the channel of every successful chat.postMessage.
    on_post: Callable[[str], None] | None = None

    async def _endpoint(self, request: Request) -> Response:
        arrived = time.monotonic()
        response = await super()._endpoint(request)
        if request.path_params["method"] == "chat.postMessage" and response.status_code == 200:
            with self.lock:
                # The parent appends its Call and returns without awaiting in between, and the server runs
                # on one event loop, so the last call recorded is this request's.
                channel = str(self.calls[-1].params.get("channel", ""))
                self.posts.setdefault(channel, []).append(arrived)
                notify = self.on_post
            if notify is not None:
                notify(channel)
        return response

    def snapshot(self) -> dict[str, list[float]]:
        with self.lock:
            return {channel: list(times) for channel, times in self.posts.items()}

    def reset(self) -> None:
        with self.lock:
            self.posts.clear()
            self.calls.clear()


# -- workers: real `canishare serve` processes --

def worker_env(database_url: str, fake: FakeSlackAPI) -> dict[str, str]:
    # Only the settings chosen here: a developer's own CANISHARE_* must not change what is measured.
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANISHARE_")}
    env.update(
        CANISHARE_DATABASE_URL=database_url,
        CANISHARE_SLACK_BOT_TOKEN=BOT_TOKEN,
        CANISHARE_SLACK_SIGNING_SECRET=SECRET,
        CANISHARE_SLACK_API_URL=fake.base_url,
        CANISHARE_LEADS=LEADS,
        # Every event is from a different person, but keep the limit out of the way of warm-up and retries.
        CANISHARE_RATE_LIMIT_PER_MINUTE="100000",
        # The workers run outside the repository (see Worker); an editable install made before a package
        # gained its __init__.py maps it as a namespace there, so the checkout goes first on the path.
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    return env


def migrate(env: dict[str, str], cwd: Path) -> None:
    done = subprocess.run([str(CANISHARE), "db", "upgrade"], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"canishare db upgrade failed ({done.returncode}): {done.stderr.strip()[-800:]}")


class Worker:
    """One ``canishare serve`` in its own process group, its logs in a file (a full pipe would stall it)."""

    def __init__(self, name: str, env: dict[str, str], workdir: Path) -> None:
        self.name = name
        self.port = free_port()
        self.log_path = workdir / f"{name}.log"
        self._log = self.log_path.open("wb")
        # cwd in the scratch directory so no stray .env file in the repository is read.
        self.proc = subprocess.Popen(
            [str(CANISHARE), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, cwd=workdir, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.rss_samples: list[int] = []
        self.cpu_at_start = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 15) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def wait_healthy(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=5, trust_env=False) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"{self.name} exited ({self.proc.returncode}):\n{self.log_tail()}")
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(f"{self.url}/healthz").status_code == 200:
                        return
                time.sleep(0.25)
        raise RuntimeError(f"{self.name} not healthy after {timeout:.0f} s:\n{self.log_tail()}")

    def status_kb(self, field_name: str) -> int:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self) -> float:
        """User plus system CPU time of the process so far (fields 14 and 15 of /proc/<pid>/stat)."""
        with contextlib.suppress(OSError, ValueError, IndexError):
            stat = Path(f"/proc/{self.proc.pid}/stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return 0.0

    def stop(self) -> None:
        if self.proc.poll() is None:
            # SIGTERM first: uvicorn shuts down gracefully and lets in-flight turns finish.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self._log.close()


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from the first line of /proc/stat."""
    with contextlib.suppress(OSError, ValueError):
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        # user nice system idle iowait irq softirq steal: busy is counted directly, because the idle and
        # iowait counters can jump in a virtual machine, and guest time is already inside user.
        busy = sum(fields[i] for i in (0, 1, 2, 5, 6, 7) if i < len(fields))
        tick = os.sysconf("SC_CLK_TCK")
        return busy / tick, sum(fields[:8]) / tick
    return 0.0, 0.0


def own_cpu() -> float:
    """This process's CPU seconds: the fake Slack API and the client that sends the burst."""
    times = os.times()
    return times.user + times.system


class RssSampler:
    """VmRSS of every worker every 100 ms: a second view of peak memory beside the kernel's VmHWM."""

    def __init__(self, workers: list[Worker]) -> None:
        self.workers = workers
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        while not self.stopping.wait(0.1):
            for worker in self.workers:
                worker.rss_samples.append(worker.status_kb("VmRSS"))

    def __enter__(self) -> RssSampler:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)


# -- one burst --

@dataclass
class Sent:
    event_id: str
    channel: str
    worker: int
    sent_at: float = 0.0
    status: int = 0
    retry: bool = False
    retry_status: int = 0


async def deliver(client: httpx.AsyncClient, url: str, payload: dict[str, Any],
                  headers: dict[str, str] | None = None) -> int:
    body = json.dumps(payload)
    try:
        response = await client.post(f"{url}/slack/events", content=body.encode(),
                                     headers=signed_headers(body, headers))
    except httpx.HTTPError:
        return 0
    return response.status_code


async def burst(workers: list[Worker], fake: TimedSlackAPI, events: int, concurrency: int, retries: int,
                tag: str, seed: int, *, open_loop: bool = False, reply_timeout: float = 60.0) -> list[Sent]:
    """Send ``events`` DMs round-robin over the workers with at most ``concurrency`` in flight.

    In flight means sent and not yet answered: the workers acknowledge at once and answer later, so a bound
    on open HTTP requests alone would put the whole burst in their queues within a second and measure only
    queueing. Twenty people each waiting for their answer is the load the targets describe (at 50 answers
    a second that is 400 ms each). ``open_loop`` bounds only the HTTP requests instead, as a stress test.

    ``retries`` of the events (spread evenly) are delivered again to the next worker as soon as the first
    delivery is acknowledged: the hardest moment for deduplication, since the first turn is still running."""
    rng = random.Random(seed)
    retry_every = max(1, events // retries) if retries else 0
    jobs: list[tuple[Sent, dict[str, Any]]] = []
    for n in range(events):
        sent = Sent(event_id=f"EvB{tag}{n:07d}", channel=f"DB{tag}{n:06d}", worker=n % len(workers))
        sent.retry = bool(retry_every) and n % retry_every == 0 and n // retry_every < retries
        jobs.append((sent, dm_event(sent.event_id, f"UB{tag}{n:06d}", sent.channel, question(n, rng), n)))

    loop = asyncio.get_running_loop()
    answered: dict[str, asyncio.Event] = {sent.channel: asyncio.Event() for sent, _ in jobs}

    def on_post(channel: str) -> None:  # runs in the fake's thread
        waiter = answered.get(channel)
        if waiter is not None:
            loop.call_soon_threadsafe(waiter.set)

    fake.on_post = on_post
    gate = asyncio.Semaphore(concurrency)
    done = 0
    limits = httpx.Limits(max_connections=concurrency * 2, max_keepalive_connections=concurrency * 2)
    try:
        async with httpx.AsyncClient(timeout=30, trust_env=False, limits=limits) as client:

            async def one(sent: Sent, payload: dict[str, Any]) -> None:
                nonlocal done
                async with gate:
                    sent.sent_at = time.monotonic()
                    sent.status = await deliver(client, workers[sent.worker].url, payload)
                    if sent.retry:
                        other = workers[(sent.worker + 1) % len(workers)]
                        sent.retry_status = await deliver(client, other.url, payload, {
                            "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
                    if not open_loop and sent.status == 200:
                        with contextlib.suppress(TimeoutError):
                            await asyncio.wait_for(answered[sent.channel].wait(), reply_timeout)
                done += 1
                if done % 50 == 0 or done == events:
                    progress(f"  sent {done}/{events}")

            await asyncio.gather(*(one(sent, payload) for sent, payload in jobs))
    finally:
        fake.on_post = None
    return [sent for sent, _ in jobs]


def wait_for_replies(fake: TimedSlackAPI, channels: list[str], *, timeout: float, settle: float) -> None:
    """Until every channel has a reply and nothing new has arrived for ``settle`` seconds (so a late
    duplicate still gets counted), or ``timeout`` passes."""
    wanted = set(channels)
    deadline = time.monotonic() + timeout
    last_count, last_change, last_report = -1, time.monotonic(), 0.0
    while time.monotonic() < deadline:
        posts = fake.snapshot()
        count = sum(len(times) for channel, times in posts.items() if channel in wanted)
        answered = sum(1 for channel in wanted if posts.get(channel))
        now = time.monotonic()
        if count != last_count:
            last_count, last_change = count, now
        if now - last_report > 1.0:
            progress(f"  answered {answered}/{len(wanted)}")
            last_report = now
        if answered == len(wanted) and now - last_change >= settle:
            return
        time.sleep(0.05)
    progress(f"  gave up waiting after {timeout:.0f} s")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


@dataclass
class Result:
    name: str
    workers: int
    events: int
    retries: int
    concurrency: int = 0
    open_loop: bool = False
    answered_once: int = 0
    answered_twice: int = 0
    unanswered: int = 0
    retries_answered: int = 0
    rejected: int = 0  # deliveries not acknowledged with 200
    rate: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    max_ms: float = 0.0
    wall_s: float = 0.0
    peak_rss_mb: list[float] = field(default_factory=list)
    idle_rss_mb: list[float] = field(default_factory=list)
    cpu_s: list[float] = field(default_factory=list)
    bench_cpu_s: float = 0.0  # the fake API and the client, in this process
    machine_busy_s: float = 0.0  # every process on the machine, over the burst and the settle wait
    loadavg: float = 0.0

    def checks(self) -> list[tuple[str, bool, bool]]:
        """(what, passed, is a correctness check)."""
        return [
            ("every event answered exactly once",
             self.answered_once == self.events and self.rejected == 0, True),
            ("answered twice == 0", self.answered_twice == 0, True),
            ("unanswered == 0", self.unanswered == 0, True),
            ("retries answered == 0", self.retries_answered == 0, True),
            (f"messages/s >= {TARGET_RATE:.0f}", self.rate >= TARGET_RATE, False),
            (f"p95 <= {TARGET_P95_MS:.0f} ms", self.p95_ms <= TARGET_P95_MS, False),
            (f"peak RSS <= {TARGET_RSS_MB:.0f} MB a worker",
             bool(self.peak_rss_mb) and max(self.peak_rss_mb) <= TARGET_RSS_MB, False),
        ]


def score(name: str, workers: list[Worker], sent: list[Sent], posts: dict[str, list[float]]) -> Result:
    result = Result(name, len(workers), len(sent), sum(s.retry for s in sent))
    first_send = min(s.sent_at for s in sent)
    latencies: list[float] = []
    last_reply = first_send
    for s in sent:
        times = posts.get(s.channel, [])
        result.rejected += (s.status != 200) + (s.retry and s.retry_status != 200)
        if not times:
            result.unanswered += 1
            continue
        # One reply a turn here: every question is short enough for one Slack message, so a second
        # message in the channel can only be a second answer to the same event.
        if len(times) == 1:
            result.answered_once += 1
        else:
            result.answered_twice += 1
            result.retries_answered += s.retry
        latencies.append((times[0] - s.sent_at) * 1000)
        last_reply = max(last_reply, times[0])
    result.wall_s = last_reply - first_send
    result.rate = (result.answered_once + result.answered_twice) / result.wall_s if result.wall_s > 0 else 0.0
    result.p50_ms = percentile(latencies, 50)
    result.p95_ms = percentile(latencies, 95)
    result.max_ms = max(latencies, default=float("nan"))
    result.peak_rss_mb = [max(w.status_kb("VmHWM"), *w.rss_samples, 0) / 1024 for w in workers]
    result.cpu_s = [w.cpu_seconds() - w.cpu_at_start for w in workers]
    return result


def run_config(name: str, database_url: str, worker_count: int, fake: TimedSlackAPI, workdir: Path,
               args: argparse.Namespace) -> Result:
    env = worker_env(database_url, fake)
    progress(f"{name}: migrating")
    migrate(env, workdir)
    workers: list[Worker] = []
    try:
        for n in range(worker_count):
            workers.append(Worker(f"{name}-worker{n + 1}", env, workdir))
        progress(f"{name}: starting {worker_count} worker(s) (loading spaCy)")
        for worker in workers:
            worker.wait_healthy()
        # Warm-up: two turns per worker, not counted, so first-use costs (bolt's auth.test, connection
        # pools, lazy imports) are not billed to the burst.
        warm = asyncio.run(burst(workers, fake, len(workers) * 2, len(workers), 0, f"W{name[:1].upper()}", 1))
        wait_for_replies(fake, [s.channel for s in warm], timeout=60, settle=0)
        fake.reset()
        for worker in workers:
            worker.cpu_at_start = worker.cpu_seconds()
            worker.rss_samples.clear()
        idle = [w.status_kb("VmRSS") / 1024 for w in workers]
        # The workers share this machine with the fake API, the client, PostgreSQL and whatever else runs:
        # the load beside them explains a slow run, so it is measured and printed with the figures.
        busy_before, total_before = machine_cpu()
        own_before = own_cpu()
        retries = min(args.retries, args.events)
        progress(f"{name}: {args.events} events, {args.concurrency} in flight"
                 f"{' (open loop)' if args.open_loop else ''}, {retries} retries")
        with RssSampler(workers):
            sent = asyncio.run(burst(workers, fake, args.events, args.concurrency, retries, name[:1].upper(),
                                     args.seed, open_loop=args.open_loop, reply_timeout=args.timeout))
            wait_for_replies(fake, [s.channel for s in sent], timeout=args.timeout, settle=args.settle)
        result = score(name, workers, sent, fake.snapshot())
        busy_after, total_after = machine_cpu()
        result.machine_busy_s = busy_after - busy_before
        result.bench_cpu_s = own_cpu() - own_before
        result.loadavg = os.getloadavg()[0]
        result.idle_rss_mb = idle
        result.concurrency, result.open_loop = args.concurrency, args.open_loop
        for worker in workers:
            if worker.proc.poll() is not None:
                progress(f"{worker.name} died ({worker.proc.returncode}):\n{worker.log_tail()}")
        return result
    except BaseException:
        for worker in workers:
            progress(f"{worker.name} log tail:\n{worker.log_tail()}")
        raise
    finally:
        for worker in workers:
            worker.stop()
        fake.reset()


def render(results: list[Result], strict: bool) -> str:
    lines: list[str] = []
    for r in results:
        lines.append(f"\n== {r.name}: {r.workers} worker(s), {r.events} events ({r.concurrency} in flight"
                     f"{', open loop' if r.open_loop else ''}), {r.retries} retried to "
                     f"{'the other worker' if r.workers > 1 else 'the same worker'} ==")
        rows = [
            ("events sent", f"{r.events}"),
            ("answered exactly once", f"{r.answered_once}"),
            ("answered twice", f"{r.answered_twice}"),
            ("unanswered", f"{r.unanswered}"),
            ("retries sent / answered", f"{r.retries} / {r.retries_answered}"),
            ("deliveries not acked 200", f"{r.rejected}"),
            ("wall time (first send -> last reply)", f"{r.wall_s:.2f} s"),
            ("messages/s", f"{r.rate:.1f}"),
            ("latency p50 / p95 / max", f"{r.p50_ms:.0f} / {r.p95_ms:.0f} / {r.max_ms:.0f} ms"),
            ("RSS idle -> peak per worker",
             ", ".join(f"{i:.0f} -> {p:.0f} MB" for i, p in zip(r.idle_rss_mb, r.peak_rss_mb, strict=True))),
            ("CPU during burst per worker", ", ".join(f"{c:.1f} s" for c in r.cpu_s)),
            ("CPU of this process (fake API, client)", f"{r.bench_cpu_s:.1f} s"),
            ("CPU of everything else on the machine",
             f"{max(0.0, r.machine_busy_s - sum(r.cpu_s) - r.bench_cpu_s):.1f} s "
             f"(machine busy {r.machine_busy_s:.1f} s on {os.cpu_count()} cores; "
             f"load average {r.loadavg:.2f})"),
        ]
        width = max(len(k) for k, _ in rows)
        lines += [f"  {k.ljust(width)}  {v}" for k, v in rows]
        for what, passed, correctness in r.checks():
            kind = "correctness" if correctness else ("performance" if strict else "performance, advisory")
            lines.append(f"  {'PASS' if passed else 'FAIL'}  {what} ({kind})")
    return "\n".join(lines)


def as_json(results: list[Result]) -> dict[str, Any]:
    return {
        "targets": {"messages_per_s": TARGET_RATE, "p95_ms": TARGET_P95_MS, "rss_mb": TARGET_RSS_MB},
        "configs": [
            {
                "name": r.name, "workers": r.workers, "events": r.events, "retries": r.retries,
                "concurrency": r.concurrency, "open_loop": r.open_loop,
                "answered_once": r.answered_once, "answered_twice": r.answered_twice,
                "unanswered": r.unanswered, "retries_answered": r.retries_answered, "not_acked": r.rejected,
                "wall_s": round(r.wall_s, 3), "messages_per_s": round(r.rate, 1),
                "p50_ms": round(r.p50_ms, 1), "p95_ms": round(r.p95_ms, 1), "max_ms": round(r.max_ms, 1),
                "idle_rss_mb": [round(x, 1) for x in r.idle_rss_mb],
                "peak_rss_mb": [round(x, 1) for x in r.peak_rss_mb], "cpu_s": [round(x, 2) for x in r.cpu_s],
                "bench_cpu_s": round(r.bench_cpu_s, 2), "machine_busy_s": round(r.machine_busy_s, 2),
                "loadavg": round(r.loadavg, 2),
                "checks": {what: passed for what, passed, _ in r.checks()},
            }
            for r in results
        ],
    }


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM behaves like Ctrl-C, so the ``finally`` blocks stop workers and the cluster either way."""
    def raise_interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200, help="events in the burst, one person each")
    parser.add_argument("--concurrency", type=int, default=20,
                        help="events sent and not yet answered at a time")
    parser.add_argument("--open-loop", action="store_true",
                        help="bound only open HTTP requests, not unanswered events (a stress test)")
    parser.add_argument("--retries", type=int, default=50, help="events delivered again to the other worker")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for replies")
    parser.add_argument("--settle", type=float, default=2.0, help="quiet seconds that end the wait")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--strict", action="store_true", help="performance misses also exit non-zero")
    args = parser.parse_args()
    if args.events < 1 or args.concurrency < 1 or args.retries < 0:
        parser.error("--events and --concurrency must be positive, --retries not negative")

    results: list[Result] = []
    workdir = Path(tempfile.mkdtemp(prefix="canishare-bench-load-"))
    fake = TimedSlackAPI().start()
    try:
        with terminate_as_interrupt():
            if not args.skip_postgres:
                progress("postgres: starting a throwaway cluster")
                try:
                    with PgCluster(prefix="canishare-bench-pg-") as pg:
                        url = pg.create_database("bench")
                        results.append(run_config("postgres", url, 2, fake, workdir, args))
                except PostgresUnavailable as exc:
                    progress(f"postgres: {exc}; use --skip-postgres to run without it")
                    return 2
            if not args.skip_sqlite:
                url = f"sqlite:///{workdir / 'bench.db'}"
                results.append(run_config("sqlite", url, 1, fake, workdir, args))
    except KeyboardInterrupt:
        progress("interrupted; workers and the cluster are stopped")
        return 130
    finally:
        fake.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    print(json.dumps(as_json(results), indent=2) if args.json else render(results, args.strict))
    correctness = all(passed for r in results for _, passed, hard in r.checks() if hard)
    performance = all(passed for r in results for _, passed, hard in r.checks() if not hard)
    if not correctness:
        return 1
    return 1 if args.strict and not performance else 0


if __name__ == "__main__":
    sys.exit(main())

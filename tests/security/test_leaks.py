"""Leak canaries: planted identifiers go through every path (conversation, follow-ups, handoff, relay both
ways, records, logs at debug level, metrics, error paths) and must be found nowhere afterwards."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from sqlalchemy import text

from bot.app import Services
from bot.logs import configure_logging
from bot.messages import Asker, Incoming
from bot.metrics import REGISTRY
from tests.bot.test_storage import TABLES
from tests.security.planted import Planted, leaked, planted_messages

pytestmark = pytest.mark.model



def database_text(services: Services) -> str:
    rows = []
    with services.db.engine.connect() as conn:
        for table in sorted(TABLES):
            rows += [
                json.dumps([str(v) for v in row], ensure_ascii=False)
                for row in conn.execute(text(f"SELECT * FROM {table}"))
            ]
    return "\n".join(rows)


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    configure_logging("DEBUG", stream=stream)
    yield stream
    logging.getLogger().handlers.clear()


def whole_path(services: Services, planted: Planted, n: int) -> list[str]:
    """One conversation through every step; returns everything shown to anyone."""
    asker = Asker("console", f"asker{n}", f"asker{n}")
    engine, queue = services.engine, services.queue
    shown: list[str] = []
    for reply in engine.handle(Incoming(asker, planted.text)):
        shown += [reply.text, reply.removed, reply.question or ""]
        # answer a follow-up question if there is one
        choice = next((a for a in reply.actions if a.id.startswith("fu:")), None)
        if choice:
            shown += [r.text for r in engine.choose(asker, choice.id)]
    shown += [r.text for r in engine.handle(Incoming(asker, "/why"))]
    shown += [r.text + json.dumps(r.record) for r in engine.handle(Incoming(asker, "/record"))]
    (sent,) = engine.handle(Incoming(asker, "/handoff"))
    ref = sent.case_ref or ""
    shown.append(json.dumps(queue.show("console:alice", ref).to_json(), ensure_ascii=False))
    queue.claim("console:alice", ref)
    # the lead repeats the identifiers back; the asker answers with them again
    shown.append(queue.reply("console:alice", ref, f"Thanks. About {planted.text}"))
    shown += [r.text for r in engine.handle(Incoming(asker, f"Also: {planted.text}"))]
    shown += [r.text for r in engine.inbox(asker)]
    record = queue.close("console:alice", ref, f"Shared with social care. {planted.text}")
    shown.append(json.dumps(record, ensure_ascii=False))
    shown.append(json.dumps([v.to_json() for v in queue.list("console:alice", include_closed=True)]))
    shown += [r.text + json.dumps(r.record) for r in engine.inbox(asker)]
    return shown


# What the generated canaries tried, printed with the corpus figures (`pytest -s`).
TALLY = {"messages": 0, "identifiers": 0, "found": 0}


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(planted=planted_messages())
def test_planted_identifiers_never_survive_the_whole_path(
    services: Services, debug_log: io.StringIO, planted: Planted
) -> None:
    shown = whole_path(services, planted, abs(hash(planted.text)) % 10**8)
    TALLY["messages"] += 1
    TALLY["identifiers"] += len(planted.secrets)
    everything = "\n".join(shown) + database_text(services) + debug_log.getvalue() + REGISTRY.render()
    hits = leaked(planted.secrets, everything)
    TALLY["found"] += len(hits)
    assert hits == [], planted.text


def test_error_paths_do_not_put_text_in_logs_or_replies(services: Services, debug_log: io.StringIO) -> None:
    secret = "Thistlethwaite"

    class Exploding:
        def redact(self, raw: str, _conversation: object = None) -> object:
            raise ValueError(f"could not parse {raw!r}")  # a careless library message quoting its input

    services.engine.redactor = Exploding()
    try:
        raise_here = services.engine.handle(
            Incoming(Asker("console", "x", "x"), f"{secret} is 9, hit by dad")
        )
    finally:
        pass
    (reply,) = raise_here
    assert reply.kind == "error" and secret not in reply.text
    assert secret not in debug_log.getvalue()
    assert '"error": "ValueError"' in debug_log.getvalue()
    assert secret not in database_text(services)


SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"


# Words that identify no one on their own (the shared scorer's list): titles, street and place types.
GENERIC = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "the",
    "old",
    "big",
    "little",
    "and",
    "of",
    "flat",
    "road",
    "street",
    "lane",
    "close",
    "court",
    "avenue",
    "way",
    "drive",
    "house",
    "lodge",
    "care",
    "home",
    "primary",
    "academy",
    "school",
    "nursery",
    "reg",
}


def _knowledge_words() -> set[str]:
    """Words the knowledge base itself uses (its worked examples are called Jessie, Molly...): finding
    those in an answer is the guidance speaking, not a leak."""
    words: set[str] = set()
    for path in (Path(__file__).resolve().parents[2] / "knowledge" / "data").rglob("*.yaml"):
        words |= set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
    return words


def corpus_messages() -> list[tuple[str, tuple[str, ...]]]:
    """The shared development corpus, when present: each message with what must never be seen again.

    Like the shared scorer: the distinctive words of each identifier and its digit run of 6 or more;
    an email counts by its address; short digit groups (parts of a phone number) count through the run.
    """
    path = SHARED / "redaction_dev.txt"
    if not path.exists():
        return []
    mark = re.compile(r"\[\[([A-Z_]+):(.+?)\]\]|\(\((.+?)\)\)")
    known = _knowledge_words() | GENERIC
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        plain = mark.sub(lambda m: m.group(2) or m.group(3), line)
        outside = set(re.findall(r"\w+", mark.sub(" ", line).lower()))
        secrets: list[str] = []
        for m in mark.finditer(line):
            if not m.group(1):
                continue
            label, ident = m.group(1), m.group(2)
            digits = re.sub(r"\D", "", ident)
            if len(digits) >= 6:
                secrets.append(digits)
            if label == "EMAIL":
                secrets.append(ident.split("@")[0])
                continue
            secrets += [
                w
                for w in re.findall(r"[^\W_]+", ident)
                if len(w) > 1 and not w.isdigit() and w.lower() not in outside and w.lower() not in known
            ]
        out.append((plain, tuple(secrets)))
    return out


@pytest.mark.skipif(not corpus_messages(), reason="shared corpus not present")
def test_the_shared_corpus_leaks_nothing_through_the_whole_path(
    services: Services, debug_log: io.StringIO
) -> None:
    tried = found = 0
    misses = []
    for n, (message, secrets) in enumerate(corpus_messages()):
        shown = whole_path(services, Planted(message, secrets), n)
        places = {"shown": "\n".join(shown), "database": database_text(services), "log": debug_log.getvalue()}
        tried += len(secrets)
        for place, haystack in places.items():
            hits = leaked(secrets, haystack)
            found += len(hits)
            misses += [f"message {n}: {hit!r} in {place}" for hit in hits]
    print(
        f"\nleak canaries: {len(corpus_messages())} corpus messages, {tried} identifiers tried, {found} found"
    )
    generated, planted, leaks = TALLY["messages"], TALLY["identifiers"], TALLY["found"]
    print(f"leak canaries: {generated} generated messages, {planted} identifiers tried, {leaks} found")
    assert misses == [], "\n".join(misses)


def test_log_arguments_that_could_be_text_are_never_formatted_in() -> None:
    stream = io.StringIO()
    configure_logging("DEBUG", stream=stream)
    try:
        logging.getLogger("some.library").warning("could not handle %s", "Tyler Brennan was hit")
        logging.getLogger("uvicorn.error").info("Finished server process [%d]", 4242)
    finally:
        logging.getLogger().handlers.clear()
    out = stream.getvalue()
    assert "Tyler" not in out and "could not handle %s" in out
    assert "Finished server process [4242]" in out

"""Of two leads claiming at once exactly one wins: 100 cases, two processes, SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import uuid

from bot.config import Settings
from bot.handoff.queue import HandoffQueue
from bot.storage import Database
from bot.storage.models import Case, Conversation
from bot.storage.repository import new_case_ref
from tests.conftest import LEADS

CLAIMER = (
    textwrap.dedent(
        """
    import json, random, sys
    from bot.config import Settings
    from bot.handoff.queue import HandoffQueue
    from bot.storage import Database

    url, actor, refs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    settings = Settings(database_url=url, leads=%r, _env_file=None)
    queue = HandoffQueue(settings, Database(url), redactor=None)
    random.shuffle(refs)
    sys.stdin.readline()  # start together
    won = [ref for ref in refs if queue.claim(actor, ref).won]
    print(json.dumps(won))
    """
    )
    % LEADS
)


def _open_cases(db: Database, count: int) -> list[str]:
    refs = []
    with db.session() as session:
        for _ in range(count):
            conversation = Conversation(
                id=uuid.uuid4().hex,
                platform="console",
                asker_id="sam",
                chat_id="sam",
                state="handed_off",
                advice_state={},
            )
            session.add(conversation)
            session.flush()
            ref = new_case_ref()
            while ref in refs:
                ref = new_case_ref()
            refs.append(ref)
            session.add(
                Case(
                    ref=ref,
                    conversation_id=conversation.id,
                    platform="console",
                    status="open",
                    verdict="share",
                )
            )
    return refs


def test_two_processes_claiming_100_cases_get_exactly_one_winner_each(database_url: str) -> None:
    db = Database(database_url)
    db.upgrade()
    refs = _open_cases(db, 100)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CLAIMER, database_url, actor, json.dumps(refs)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for actor in ("console:alice", "console:bob")
    ]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        results.append(set(json.loads(out)))
    alice, bob = results
    assert not alice & bob, "a case was won twice"
    assert alice | bob == set(refs), "a case was won by nobody"
    with db.session() as session:
        holders = {c.ref: c.claimed_by for c in session.query(Case)}
    assert all(holders[r] == "console:alice" for r in alice)
    assert all(holders[r] == "console:bob" for r in bob)


def test_the_loser_is_told_who_holds_the_case(settings: Settings) -> None:
    db = Database(settings.database_url)
    db.upgrade()
    (ref,) = _open_cases(db, 1)
    queue = HandoffQueue(settings, db, redactor=None)  # type: ignore[arg-type]
    first = queue.claim("console:alice", ref)
    second = queue.claim("console:bob", ref)
    assert first.won and not second.won
    assert second.holder == "console:alice"

"""One turn of a conversation, the same on every platform.

Raw text is redacted with the conversation's placeholders before anything else happens, and nothing
raw leaves this module: it stores redacted text, advises on redacted text and answers with fixed wording
plus redacted text. A turn claims its platform delivery, reads a snapshot, does the CPU work (redaction,
advice) without holding any lock, then writes in one short transaction that is committed before the
reply is returned, so an asker is never told something was sent that was not saved.
"""

from __future__ import annotations

import functools
import logging
import re
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot import audit, records, texts
from bot.config import Settings
from bot.conversation.states import ADVISING, Event, State, can, transition
from bot.conversation.turn import Plan, Snapshot, Stale, typed_choice
from bot.errors import Busy, InputRejected, RateLimited, answer_for
from bot.handoff.queue import HandoffQueue
from bot.lanes import Compute, Later, inline
from bot.messages import ANSWER_ACTIONS, HANDOFF, Action, Asker, Incoming, Reply, ReplyKind
from bot.metrics import REGISTRY
from bot.privacy import redact_with
from bot.storage import Database
from bot.storage.models import AdviceGiven, Conversation, Message, utcnow
from bot.storage.repository import (
    case_for_conversation,
    claim_event,
    complete_event,
    count_message,
    current_conversation,
    enqueue,
    first_time,
    latest_advice,
    release_event,
    take_inbox,
)
from knowledge import Advice, AdviceState, Advisor

log = logging.getLogger("canishare.engine")

# A turn is recomputed when another turn for the same asker committed while it was being prepared;
# more than a few in a row means someone is sending faster than we can answer.
_STALE_RETRIES = 4

COMMANDS = ("help", "start", "new", "handoff", "record", "why", "forget", "privacy")
_COMMAND = re.compile(r"^/(?P<name>[a-z]+)(?:@\S+)?(?:\s+(?P<arg>.*))?$", re.IGNORECASE | re.DOTALL)


def parse_command(text: str, *, bare_words: bool = False) -> tuple[str, str] | None:
    """``/handoff named`` -> ("handoff", "named"). With ``bare_words`` (Slack DMs) "handoff" works too."""
    stripped = text.strip()
    match = _COMMAND.match(stripped)
    if match and match.group("name").lower() in COMMANDS:
        return match.group("name").lower(), (match.group("arg") or "").strip()
    if bare_words:
        word, _, arg = stripped.partition(" ")
        if word.lower() in COMMANDS and len(arg) < 20:
            return word.lower(), arg.strip()
    return None


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


class Engine:
    def __init__(
        self,
        settings: Settings,
        db: Database,
        redactor: Any,
        advisor: Advisor,
        queue: HandoffQueue,
        *,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.settings = settings
        self.db = db
        self.redactor = redactor
        self.advisor = advisor
        self.queue = queue
        self.now = now
        self.key = settings.placeholder_key_bytes
        # Where redaction and advice run; a server swaps in its CPU lane (bot/lanes.py).
        self.compute: Compute = inline

    # -- entry points: each always answers --

    def handle(self, incoming: Incoming, *, bare_commands: bool = False) -> list[Reply]:
        try:
            command = parse_command(incoming.text, bare_words=bare_commands)
            if command:
                return self.command(incoming.asker, *command, event_id=incoming.event_id)
            return self._message(incoming)
        except Exception as exc:  # the one place a turn's failure becomes an answer
            return [answer_for(exc)]

    def command(self, asker: Asker, name: str, arg: str = "", *, event_id: str | None = None) -> list[Reply]:
        try:
            with self.db.session() as session:
                if event_id and not first_time(session, asker.platform, event_id):
                    return []
                return self._command(session, asker, name, arg)
        except Exception as exc:
            return [answer_for(exc, where="command")]

    def choose(self, asker: Asker, action_id: str, *, event_id: str | None = None) -> list[Reply]:
        """A button press or quick choice: ``handoff``, ``why``, ``record``, ``new``, ``fu:<id>:<value>``."""
        if action_id.startswith("fu:"):
            _, follow_up_id, value = (action_id.split(":", 2) + ["", ""])[:3]
            try:
                return self._turn(
                    asker,
                    incoming_event=event_id,
                    prepare=lambda snap: self._prepare_answer(snap, follow_up_id, value),
                )
            except Exception as exc:
                return [answer_for(exc, where="choice")]
        name, _, arg = action_id.partition(":")
        return self.command(asker, name, arg, event_id=event_id)

    def inbox(self, asker: Asker) -> list[Reply]:
        """Replies waiting for an asker who reads them on their next visit (the console)."""
        try:
            with self.db.session() as session:
                return [
                    self._relay_reply(d.kind, d.payload)
                    for d in take_inbox(session, asker.platform, asker.user_id)
                ]
        except Exception as exc:
            return [answer_for(exc, where="inbox")]

    @staticmethod
    def _relay_reply(kind: str, payload: dict[str, Any]) -> Reply:
        ref = str(payload.get("case", ""))
        text = str(payload.get("text", ""))
        if kind == "lead_reply":
            return Reply(kind="relay", text=f"Safeguarding lead (case {ref}): {text}", case_ref=ref)
        if kind == "case_closed":
            return Reply(kind="closed", text=text, case_ref=ref, record=payload.get("record"))
        return Reply(kind="info", text=text, case_ref=ref)

    # -- a message --

    def _message(self, incoming: Incoming) -> list[Reply]:
        text = incoming.text
        if not text or not text.strip():
            return [Reply(kind="info", text=texts.EMPTY)]
        if len(text) > self.settings.max_message_chars:
            raise InputRejected(texts.TOO_LONG.format(limit=self.settings.max_message_chars))
        REGISTRY.inc("canishare_messages_total", platform=incoming.asker.platform)
        return self._turn(
            incoming.asker,
            incoming_event=incoming.event_id,
            prepare=lambda snap: self._prepare_message(snap, text),
            counts_towards_limit=True,
            text=text,
        )

    def _turn(
        self,
        asker: Asker,
        *,
        incoming_event: str | None,
        prepare: Callable[[Snapshot], Plan | Later[Plan]],
        counts_towards_limit: bool = False,
        text: str | None = None,
    ) -> list[Reply]:
        """Snapshot, prepare without locks, then one short write; again if another turn got there first."""
        started = time.perf_counter()
        if incoming_event and not self._claim(asker.platform, incoming_event):
            return []  # another worker has this delivery, or already answered it
        try:
            for _ in range(_STALE_RETRIES):
                snap = self._snapshot(asker)
                plan = self.compute(functools.partial(prepare, snap), text=text)
                notices: list[Reply] = []
                try:
                    with self.db.session() as session:
                        if incoming_event:
                            complete_event(session, asker.platform, incoming_event)
                        if counts_towards_limit and (
                            count_message(session, asker.key, self.now())
                            > self.settings.rate_limit_per_minute
                        ):
                            raise RateLimited(texts.RATE_LIMITED)
                        conversation = self._conversation(
                            session, asker, notices, new_id=snap.conversation_id
                        )
                        if not snap.holds_for(conversation):
                            raise Stale
                        replies = notices + self._apply(session, conversation, plan)
                        conversation_id, state_after = conversation.id, conversation.state
                except Stale:
                    continue
                # Logged after the commit: ids, kinds and timings, never words.
                log.info(
                    "turn",
                    extra={
                        "platform": asker.platform,
                        "conversation": conversation_id,
                        "state": state_after,
                        "replies": ",".join(r.kind for r in replies),
                        "verdict": plan.advice.verdict if plan.advice else None,
                        "removed": sum(plan.redacted.counts().values()) if plan.redacted else 0,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
                return replies
        except BaseException:
            if incoming_event:
                self._release(asker.platform, incoming_event)
            raise
        if incoming_event:
            self._release(asker.platform, incoming_event)
        raise Busy(texts.BUSY)

    def _claim(self, platform: str, event_id: str) -> bool:
        with self.db.session() as session:
            return claim_event(session, platform, event_id, self.now())

    def _release(self, platform: str, event_id: str) -> None:
        """Best effort: if the database is what failed, the claim lapses after its timeout instead."""
        try:
            with self.db.session() as session:
                release_event(session, platform, event_id)
        except Exception as exc:
            log.warning("could not release a delivery claim", extra={"error": type(exc).__name__})

    def _snapshot(self, asker: Asker) -> Snapshot:
        """The conversation as it stands, read without taking a write lock."""
        with self.db.session() as session:
            conversation = current_conversation(session, asker.platform, asker.user_id)
            if conversation is None or self._idle(conversation):
                return Snapshot(uuid.uuid4().hex, State.ASKING, "", {})
            return Snapshot(
                conversation.id,
                State(conversation.state),
                conversation.placeholders,
                dict(conversation.advice_state or {}),
            )

    def _prepare_message(self, snap: Snapshot, text: str) -> Plan | Later[Plan]:
        redacted, placeholders = redact_with(
            self.redactor, self.key, snap.conversation_id, snap.placeholders, text
        )
        plan = Plan(redacted=redacted, placeholders=placeholders)
        if snap.state is State.HANDED_OFF:
            plan.relay = True
        elif snap.state is State.CLARIFYING and (value := typed_choice(snap.advice_state, redacted.text)):
            self._prepare_answer(
                snap, str((snap.advice_state.get("pending") or {}).get("id", "")), value, plan
            )
        else:
            saved = dict(snap.advice_state)
            state = AdviceState(turns=list(saved.get("turns", [])), answers=dict(saved.get("answers", {})))

            def advise() -> Plan:
                plan.advice = self.advisor.advise(redacted.text, state)
                plan.saved = {**saved, "turns": [*state.turns, redacted.text], "answers": state.answers}
                return plan

            # Advice is the second step a CPU lane can batch across turns (bot/lanes.py).
            return Later((redacted.text, state), advise)
        return plan

    def _prepare_answer(
        self, snap: Snapshot, follow_up_id: str, value: str, plan: Plan | None = None
    ) -> Plan:
        """Advice again with the answer to the pending question, which overrides what the text suggested."""
        plan = plan or Plan()
        saved = dict(snap.advice_state)
        pending = saved.get("pending") or {}
        if not follow_up_id or pending.get("id") != follow_up_id:
            plan.info = Reply(kind="info", text=texts.ALREADY_ANSWERED)
            return plan
        answers = {**saved.get("answers", {}), follow_up_id: value}
        turns = list(saved.get("turns", []))
        plan.advice = self.advisor.advise(
            turns[-1] if turns else "", AdviceState(turns=turns[:-1], answers=answers)
        )
        plan.saved = {**saved, "answers": answers}
        return plan

    def _apply(self, session: Session, conversation: Conversation, plan: Plan) -> list[Reply]:
        removed = ""
        if plan.redacted is not None and plan.placeholders is not None:
            conversation.placeholders = plan.placeholders
            session.add(
                Message(
                    conversation_id=conversation.id,
                    role="asker",
                    text=plan.redacted.text,
                    removed=plan.redacted.counts(),
                )
            )
            conversation.updated_at = self.now()
            # Only tell the asker about removals when there were some; the reminder rides along.
            if plan.redacted.counts():
                removed = f"{plan.redacted.removed_summary()} {texts.NO_NAMES}"
        if plan.info is not None:
            replies = [plan.info]
        elif plan.relay and plan.redacted is not None:
            replies = self._relay_to_lead(session, conversation, plan.redacted.text)
        elif plan.advice is not None:
            replies = self._respond(session, conversation, plan.advice, plan.saved)
        else:  # nothing to say: cannot happen through the prepare functions
            replies = [Reply(kind="info", text=texts.EMPTY)]
        for reply in replies:
            reply.removed = reply.removed or removed
        return replies

    def _idle(self, conversation: Conversation) -> bool:
        idle = self.now() - _aware(conversation.updated_at)
        return State(conversation.state) in ADVISING and idle > timedelta(
            minutes=self.settings.idle_timeout_minutes
        )

    def _conversation(
        self, session: Session, asker: Asker, notices: list[Reply], *, new_id: str | None = None
    ) -> Conversation:
        """The asker's open conversation, closing it first if it has been idle too long."""
        conversation = current_conversation(session, asker.platform, asker.user_id)
        if conversation is not None and self._idle(conversation):
            conversation.state = transition(State(conversation.state), Event.TIMEOUT).value
            conversation.closed_at = self.now()
            notices.append(Reply(kind="info", text=texts.TIMED_OUT))
            conversation = None
        if conversation is None:
            return self._start(session, asker, new_id)
        if conversation.chat_id != asker.chat_id:
            conversation.chat_id = asker.chat_id
        return conversation

    def _start(self, session: Session, asker: Asker, conversation_id: str | None = None) -> Conversation:
        now = self.now()
        conversation = Conversation(
            id=conversation_id or uuid.uuid4().hex,
            platform=asker.platform,
            asker_id=asker.user_id,
            chat_id=asker.chat_id,
            state=State.ASKING.value,
            advice_state={},
            created_at=now,
            updated_at=now,
        )
        session.add(conversation)
        session.flush()
        return conversation

    def _respond(
        self, session: Session, conversation: Conversation, advice: Advice, saved: dict[str, Any]
    ) -> list[Reply]:
        follow_up = advice.follow_up[0] if advice.follow_up else None
        event = Event.NEEDS_FACT if follow_up else Event.ADVISED
        conversation.state = transition(State(conversation.state), event).value
        conversation.pending_follow_up = follow_up.id if follow_up else None
        saved["pending"] = (
            {"id": follow_up.id, "choices": [[c.value, c.label] for c in follow_up.choices]}
            if follow_up
            else None
        )
        conversation.advice_state = saved
        contract = advice.to_contract()
        session.add(
            AdviceGiven(
                conversation_id=conversation.id,
                verdict=advice.verdict,
                inform=advice.inform,
                rules=list(advice.rules),
                facts=[f.model_dump() for f in advice.facts],
                follow_up=[f.model_dump() for f in advice.follow_up],
                summary=advice.summary,
                detail={
                    "steps": advice.steps,
                    "recipients": advice.recipients,
                    "lawful_basis": advice.lawful_basis,
                    "citations": [c.model_dump(mode="json") for c in advice.citations],
                    "explanation": advice.explanation,
                    "handoff_recommended": contract.get("handoff_recommended"),
                },
            )
        )
        REGISTRY.inc("canishare_verdicts_total", verdict=advice.verdict)
        rendered = advice.render_text()
        session.add(Message(conversation_id=conversation.id, role="bot", text=rendered))
        kind: ReplyKind = (
            "emergency" if advice.verdict == "emergency" else ("follow_up" if follow_up else "advice")
        )
        actions = list(ANSWER_ACTIONS)
        question = None
        if follow_up:
            question = follow_up.question
            actions = [Action(f"fu:{follow_up.id}:{c.value}", c.label) for c in follow_up.choices] + [HANDOFF]
        return [Reply(kind=kind, text=rendered, advice=advice, question=question, actions=actions)]

    def _relay_to_lead(self, session: Session, conversation: Conversation, redacted_text: str) -> list[Reply]:
        case = case_for_conversation(session, conversation.id)
        if case is None:  # the case was purged; the message is saved, and the way to a lead stays open
            return [Reply(kind="info", text=texts.NO_CASE, actions=[HANDOFF])]
        case.transcript = [
            *case.transcript,
            {"role": "asker", "text": redacted_text, "at": self.now().isoformat()},
        ]
        for post in case.posts:
            enqueue(
                session,
                post.platform,
                post.chat_id,
                "asker_message",
                {"case": case.ref, "text": redacted_text, "thread": post.message_ref},
                case_id=case.id,
            )
        audit.record(session, "asker", "asker.relay", case.ref)
        return [Reply(kind="relay", text=texts.RELAYED.format(ref=case.ref), case_ref=case.ref)]

    # -- commands --

    def _command(self, session: Session, asker: Asker, name: str, arg: str) -> list[Reply]:
        if name in ("help", "start"):
            return [Reply(kind="info", text=(texts.WELCOME + "\n\n" if name == "start" else "") + texts.HELP)]
        if name == "privacy":
            return [Reply(kind="info", text=texts.PRIVACY)]
        if name == "new":
            conversation = current_conversation(session, asker.platform, asker.user_id)
            if conversation is not None and State(conversation.state) in ADVISING:
                conversation.state = State.CLOSED.value
                conversation.closed_at = self.now()
            # A handed-off conversation stays open for the lead's replies; the new one starts beside it.
            self._start(session, asker)
            return [Reply(kind="info", text=texts.NEW_CONVERSATION)]
        if name == "forget":
            return [self._forget(session, asker)]
        conversation = self._conversation(session, asker, [])
        if name == "handoff":
            return [self._handoff(session, asker, conversation, named=arg.lower().startswith("named"))]
        latest = latest_advice(session, conversation.id)
        if latest is None:
            return [Reply(kind="info", text=texts.NO_ADVICE_YET, actions=[HANDOFF])]
        if name == "why":
            return [
                Reply(
                    kind="info",
                    text=self._why(latest),
                    actions=[HANDOFF, Action("record", "Decision record")],
                )
            ]
        # record
        case = case_for_conversation(session, conversation.id)
        content = records.build_content(
            advice=latest, case=case, decided_by_role="Asker (draft, for sign-off)"
        )
        record = records.save_draft(session, conversation.id, content)
        return [
            Reply(
                kind="record",
                text=records.as_markdown(record),
                record=records.as_json(record),
                record_markdown=records.as_markdown(record),
                actions=[HANDOFF],
            )
        ]

    @staticmethod
    def _why(advice: AdviceGiven) -> str:
        lines = ["Why I answered this way:"]
        explanation = advice.detail.get("explanation")
        if explanation:
            lines.append(str(explanation))
        lines.append("Facts I found:")
        lines += [
            f"  - {f.get('name')}: {f.get('value')} ({f.get('explanation', '')})" for f in advice.facts
        ] or ["  - none"]
        lines.append("Based on:")
        lines += [f"  - {c.get('id')}: {c.get('title', '')}" for c in advice.detail.get("citations", [])]
        return "\n".join(lines)

    def _handoff(self, session: Session, asker: Asker, conversation: Conversation, *, named: bool) -> Reply:
        state = State(conversation.state)
        if state is State.HANDED_OFF:
            case = case_for_conversation(session, conversation.id)
            return Reply(
                kind="handoff",
                text=texts.ALREADY_HANDED_OFF.format(ref=case.ref if case else "?"),
                case_ref=case.ref if case else None,
            )
        if not can(state, Event.HANDOFF):
            conversation = self._conversation(session, asker, [])
        latest = latest_advice(session, conversation.id)
        rationale = "The asker asked to talk to a safeguarding lead."
        if latest is not None:
            rationale += f" The bot's answer so far: {latest.verdict}."
            if latest.detail.get("explanation"):
                rationale += f" {latest.detail['explanation']}"
        case = self.queue.open_case(
            session, conversation, anonymous=not named, asker=asker.key, rationale=rationale
        )
        conversation.state = transition(State(conversation.state), Event.HANDOFF).value
        conversation.updated_at = self.now()
        REGISTRY.inc("canishare_handoffs_total", platform=asker.platform)
        # The reply is built here but only reaches the asker after this transaction commits.
        return Reply(
            kind="handoff",
            text=texts.HANDOFF_SENT.format(
                ref=case.ref,
                urgent=" (marked urgent)" if case.urgent else "",
                named="chose to be named to the lead" if named else "stay anonymous to the lead",
            ),
            case_ref=case.ref,
        )

    def _forget(self, session: Session, asker: Asker) -> Reply:
        conversation = current_conversation(session, asker.platform, asker.user_id)
        if conversation is None:
            return Reply(kind="info", text=texts.NOTHING_TO_FORGET)
        case = case_for_conversation(session, conversation.id)
        session.execute(delete(Conversation).where(Conversation.id == conversation.id))
        audit.record(session, "asker", "asker.forget", case.ref if case else None)
        text = texts.FORGOTTEN
        if case is not None and case.status != "closed":
            text += texts.FORGOTTEN_CASE.format(ref=case.ref)
        return Reply(kind="info", text=text)

"""The App Home tab: how to ask and what is stored; the asker's recent questions; a lead's cases."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from sqlalchemy import select

from bot import texts
from bot.storage.models import Conversation, Message
from bot.storage.repository import case_for_conversation
from bot.transports.slack.blocks import RecentQuestion, home_view
from bot.transports.slack.deps import PLATFORM, SlackDeps, deps_of, guarded

HOW_TO = (
    "Send me a direct message describing the situation, without names or other details that identify "
    "anyone, and who you are thinking of telling. You can also type `/canishare` with your question, or "
    "mention me in a channel (I answer in a thread; details belong in a DM).\n"
    "In our DM these words work on their own: `handoff` (talk to a safeguarding lead), `record` (the "
    "decision record), `new` (start again), `help`. If anyone is in immediate danger, call 999 now."
)


async def app_home_opened(event: dict[str, Any], context: AsyncBoltContext) -> None:
    if event.get("tab") not in (None, "home") or not event.get("user"):
        return
    deps = deps_of(context)
    deps.spawn(guarded("home", publish_home(deps, str(event["user"]))), "home")


def recent_questions(deps: SlackDeps, user: str, limit: int = 5) -> list[RecentQuestion]:
    with deps.runtime.services.db.session() as session:
        conversations = session.scalars(
            select(Conversation)
            .where(Conversation.platform == PLATFORM, Conversation.asker_id == user)
            .order_by(Conversation.created_at.desc())
            .limit(limit)
        ).all()
        found = []
        for conversation in conversations:
            first = session.scalars(
                select(Message.text)
                .where(Message.conversation_id == conversation.id, Message.role == "asker")
                .order_by(Message.id)
                .limit(1)
            ).first()
            if first is None:
                continue
            case = case_for_conversation(session, conversation.id)
            state = conversation.state.replace("_", " ")
            found.append(RecentQuestion(first, state, case.ref if case else None))
        return found


async def publish_home(deps: SlackDeps, user: str) -> None:
    runtime = deps.runtime
    recent = await runtime.run(recent_questions, deps, user)
    is_lead = deps.is_lead(user)
    open_cases, held = [], []
    if is_lead:
        actor = f"{PLATFORM}:{user}"
        cases = await runtime.run(runtime.services.queue.list, actor)
        open_cases = [c for c in cases if c.status == "open"]
        held = [c for c in cases if c.status == "claimed" and c.claimed_by == actor]
    view = home_view(
        how_to=HOW_TO, privacy=texts.PRIVACY, recent=recent, is_lead=is_lead, open_cases=open_cases, held=held
    )
    await deps.client.views_publish(user_id=user, view=view)

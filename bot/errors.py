"""The one place that turns a failure into an answer. It always answers, always offers a lead, and never
repeats the user's words: only the exception's type reaches the log."""

from __future__ import annotations

import logging
import uuid

from bot.messages import HANDOFF, Reply, ReplyKind
from bot.storage import DatabaseUnavailable
from redaction import RedactionError

log = logging.getLogger("canishare.errors")

LEAD_HINT = (
    "If this is urgent, contact your safeguarding lead directly; if anyone is in immediate danger, call 999."
)


class UserFacingError(Exception):
    """An error whose message is a fixed, safe sentence meant for the person using the bot."""


class InputRejected(UserFacingError):
    pass


class RateLimited(UserFacingError):
    pass


class Busy(UserFacingError):
    """The same conversation kept changing while a turn was prepared."""


class NotALead(UserFacingError):
    pass


class CaseNotFound(UserFacingError):
    pass


class CaseConflict(UserFacingError):
    """The case is in a state that does not allow this (held by another lead, already closed)."""


def answer_for(exc: BaseException, *, where: str = "message") -> Reply:
    """Map any failure to a safe reply; log the type and an incident id only."""
    incident = uuid.uuid4().hex[:8]
    if isinstance(exc, UserFacingError):
        kind: ReplyKind = "refused" if isinstance(exc, NotALead) else "error"
        return Reply(kind=kind, text=str(exc), actions=[HANDOFF] if not isinstance(exc, NotALead) else [])
    if isinstance(exc, RedactionError):
        log.error(
            "redaction failed", extra={"incident": incident, "where": where, "error": type(exc).__name__}
        )
        text = (
            "I could not check your message for names and other identifiers, so I have not stored or "
            f"passed on any of it. {LEAD_HINT} (incident {incident})"
        )
    elif isinstance(exc, DatabaseUnavailable):
        log.error("database unavailable", extra={"incident": incident, "where": where})
        text = (
            "I cannot reach my records just now, so nothing was saved or sent. Please try again in a "
            f"minute. {LEAD_HINT} (incident {incident})"
        )
    else:
        log.error(
            "unexpected failure", extra={"incident": incident, "where": where, "error": type(exc).__name__}
        )
        text = f"Something went wrong on my side and nothing was saved. {LEAD_HINT} (incident {incident})"
    return Reply(kind="error", text=text, actions=[HANDOFF])

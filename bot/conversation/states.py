"""The conversation's state table. Every state has a way to a lead (the HANDOFF event).

    asking --advised--> answered --handoff--> handed_off --case_closed--> closed
      |                   ^  |                    ^
      +--needs_fact--> clarifying --handoff-------+
    asking / clarifying / answered --timeout--> closed

``new`` and ``forget`` leave the table: they end this conversation and start afresh.
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    ASKING = "asking"
    CLARIFYING = "clarifying"
    ANSWERED = "answered"
    HANDED_OFF = "handed_off"
    CLOSED = "closed"


class Event(StrEnum):
    ADVISED = "advised"  # an answer with nothing missing
    NEEDS_FACT = "needs_fact"  # an answer that asks a follow-up question
    HANDOFF = "handoff"
    CASE_CLOSED = "case_closed"
    TIMEOUT = "timeout"


TRANSITIONS: dict[tuple[State, Event], State] = {
    (State.ASKING, Event.ADVISED): State.ANSWERED,
    (State.ASKING, Event.NEEDS_FACT): State.CLARIFYING,
    (State.CLARIFYING, Event.ADVISED): State.ANSWERED,
    (State.CLARIFYING, Event.NEEDS_FACT): State.CLARIFYING,
    (State.ANSWERED, Event.ADVISED): State.ANSWERED,
    (State.ANSWERED, Event.NEEDS_FACT): State.CLARIFYING,
    (State.ASKING, Event.HANDOFF): State.HANDED_OFF,
    (State.CLARIFYING, Event.HANDOFF): State.HANDED_OFF,
    (State.ANSWERED, Event.HANDOFF): State.HANDED_OFF,
    (State.HANDED_OFF, Event.CASE_CLOSED): State.CLOSED,
    (State.ASKING, Event.TIMEOUT): State.CLOSED,
    (State.CLARIFYING, Event.TIMEOUT): State.CLOSED,
    (State.ANSWERED, Event.TIMEOUT): State.CLOSED,
}

# States in which a new message is advised on; in HANDED_OFF it is relayed to the lead instead.
ADVISING = frozenset({State.ASKING, State.CLARIFYING, State.ANSWERED})


class InvalidTransition(Exception):
    pass


def transition(state: State, event: Event) -> State:
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise InvalidTransition(f"{event.value} is not possible while {state.value}") from None


def can(state: State, event: Event) -> bool:
    return (state, event) in TRANSITIONS

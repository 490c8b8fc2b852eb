from __future__ import annotations

import pytest

from bot.conversation.states import TRANSITIONS, Event, InvalidTransition, State, can, transition


def test_every_open_state_has_a_way_to_a_lead() -> None:
    for state in (State.ASKING, State.CLARIFYING, State.ANSWERED):
        assert transition(state, Event.HANDOFF) is State.HANDED_OFF


def test_a_missing_fact_leads_to_clarifying_and_an_answer_back_to_answered() -> None:
    assert transition(State.ASKING, Event.NEEDS_FACT) is State.CLARIFYING
    assert transition(State.CLARIFYING, Event.ADVISED) is State.ANSWERED


def test_idle_conversations_time_out_but_handed_off_ones_wait_for_the_lead() -> None:
    assert transition(State.ANSWERED, Event.TIMEOUT) is State.CLOSED
    assert not can(State.HANDED_OFF, Event.TIMEOUT)
    assert transition(State.HANDED_OFF, Event.CASE_CLOSED) is State.CLOSED


def test_closed_is_final() -> None:
    assert not [event for (state, event) in TRANSITIONS if state is State.CLOSED]
    with pytest.raises(InvalidTransition):
        transition(State.CLOSED, Event.ADVISED)

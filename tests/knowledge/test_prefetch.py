"""Advisor.prefetch: turns about to be advised are analysed in one batch, with the same advice as alone."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge import AdviceState, Advisor

QUESTIONS = [
    "A 14-year-old told me her stepdad hits her. She begged me not to tell anyone. Can I tell social care?",
    "A man has collapsed in our waiting room and is not breathing.",
    "A neighbour keeps asking me whether the woman at number 4 is getting help from us. Can I tell her?",
    "An older man with capacity says his son takes his pension, and he doesn't want us to do anything.",
]


def signature(advice: Any) -> tuple[object, ...]:
    facts = tuple((f.name, str(f.value)) for f in advice.facts)
    return (advice.verdict, advice.inform, tuple(advice.rules), facts)


@pytest.mark.model
def test_prefetched_turns_get_the_same_advice_and_each_analysis_is_used_once(
    advisor: Advisor, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = AdviceState(turns=["I work in a school."], answers={})
    items = [(q, None) for q in QUESTIONS] + [(QUESTIONS[0], earlier)]
    alone = [signature(advisor.advise(q, s)) for q, s in items]

    calls = 0
    real = advisor._ahead.nlp

    def counting(text: str) -> Any:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(advisor._ahead, "nlp", counting)
    monkeypatch.setattr(counting, "pipe", real.pipe, raising=False)
    try:
        advisor.prefetch(items)
        together = [signature(advisor.advise(q, s)) for q, s in items]
        assert calls == 0  # every turn used its batched analysis, including the one with earlier turns
        assert together == alone
        advisor.advise(QUESTIONS[1])
        assert calls == 1  # taken once, then analysed afresh
        advisor.prefetch(items[:2])
        advisor.forget()
        advisor.advise(QUESTIONS[1])
        assert calls == 2  # forget drops what was not taken
    finally:
        advisor.forget()


def test_a_failed_prefetch_keeps_nothing(advisor: Advisor, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("pipeline broke")

    monkeypatch.setattr(advisor._ahead.nlp, "pipe", broken)
    advisor.prefetch([(QUESTIONS[1], None)])  # no exception escapes
    assert advisor._ahead.ready == {}
